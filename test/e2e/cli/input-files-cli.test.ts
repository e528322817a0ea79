/**
 * Every command that reads a user's file says what is wrong with it in one line naming the file
 * (`X: no such file`, `X: is a directory`), exits 2 and prints no stack trace — the built binary,
 * spawned as a user runs it (platform/cli-input-files.ts). No server is needed: the file is
 * checked before any request (BREACHDESK_URL names a port nothing listens on).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, runCliAsync } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'bd-input-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const M = join(dir, 'missing.csv');
const D = join(dir, 'a-directory');
mkdirSync(D);
writeFileSync(join(dir, 'x.csv'), 'name,email\nA,a@example.com\n');
const remote = { BREACHDESK_URL: 'http://127.0.0.1:9', BREACHDESK_TOKEN: 'bd_test', BREACHDESK_DATA_DIR: join(dir, 'data') };

/** Each command with the file in its place (`F`), and the message it gives when the file is missing, if not `F: no such file`. */
const COMMANDS: Array<{ args: string[]; missing?: string; directory?: boolean }> = [
  { args: ['flows', 'analyse', 'F'], directory: true },
  { args: ['intake', 'replay', 'F', '--source', 'fleet'], directory: true },
  { args: ['intake', 'sources', 'correlation', 'fleet', '--file', 'F'] },
  { args: ['people', 'import', 'F', '--incident', 'inc-1'], directory: true },
  { args: ['notices', 'import-results', 'n-1', 'F'] },
  { args: ['notices', 'revise', 'n-1', '--inputs', 'F'] },
  { args: ['admin', 'restore', 'F'], directory: true },
  { args: ['plan', 'set', 'F'], directory: true },
  { args: ['scan', 'F'] },
  { args: ['scan', join(dir, 'x.csv'), '--customers', 'F'], missing: `customers file not found: ${M}` },
  { args: ['canaries', 'check', 'F'] },
  { args: ['evidence', 'add', 'F', '--incident', 'inc-1'], directory: true },
  { args: ['update', 'edit', 'u-1', '--body-file', 'F'] },
  { args: ['action', 'plan', '--incident', 'inc-1', '--connector', 'c', '--operation', 'o', '--targets-file', 'F'] },
  { args: ['obligations', '--facts', 'F'], missing: `${M}: cannot read facts file: no such file` },
];

/** At most four at once: each is a Node start on a loaded machine. */
async function runAll(jobs: Array<() => Promise<CliResult>>): Promise<CliResult[]> {
  const out: CliResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out;
}

/** What a run printed, beside what one clear line with exit 2 is: every command's in one diff. */
const seen = (r: CliResult) => ({ code: r.code, stderr: r.stderr, stdout: r.stdout });
const oneLine = (message: string) => ({ code: 2, stderr: `breachdesk: ${message}\n`, stdout: '' });

describe('a missing or wrong input file, in every command that reads one', { timeout: 600_000 }, () => {
  it('names the file and the cause in one line, exit 2, no stack trace', async () => {
    const missing = await runAll(COMMANDS.map((c) => () => runCliAsync(c.args.map((a) => (a === 'F' ? M : a)), remote)));
    expect(missing.map(seen)).toEqual(COMMANDS.map((c) => oneLine(c.missing ?? `${M}: no such file`)));
    const dirs = COMMANDS.filter((c) => c.directory);
    const asDir = await runAll(dirs.map((c) => () => runCliAsync(c.args.map((a) => (a === 'F' ? D : a)), remote)));
    expect(asDir.map(seen)).toEqual(dirs.map(() => oneLine(`${D}: is a directory`)));
  });
});
