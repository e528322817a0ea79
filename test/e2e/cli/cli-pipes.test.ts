/**
 * Issue 20 §8: the CLI as a pipeline member. `| head` does not crash it (EPIPE); progress off a
 * terminal is plain lines, not carriage-return bars; a command that changed an incident exits
 * without "driver has already been destroyed" (the background recompute it scheduled is kept).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';

describe('CLI in pipes and logs', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    env = { BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_ADMIN_PASSWORD: 'a first admin password' };
  });
  afterAll(async () => db?.drop());

  it('piped to head, exits 0 with no EPIPE stack trace', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" rules list | head -n 1`], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('a change to an incident exits cleanly, its recompute job stored, at the default log level', () => {
    const r = runCli(['incident', 'create', '--title', 'Pipes', '--aware-at', '2026-03-02T15:00:00Z', '--json'], { ...env, BREACHDESK_LOG_LEVEL: 'info' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const id = (JSON.parse(r.stdout) as { id: string }).id;
    const sqlite = new Database(join(db.dataDir, 'breachdesk.sqlite'), { readonly: true });
    try {
      const jobs = sqlite.prepare("SELECT payload FROM jobs WHERE queue = 'obligations.recompute'").all() as { payload: string }[];
      expect(jobs.map((j) => (JSON.parse(j.payload) as { incidentId: string }).incidentId)).toContain(id);
    } finally {
      sqlite.close();
    }
  });

  it('progress off a terminal is one plain line per tenth, no carriage returns (evidence upload, scan)', () => {
    const inc = JSON.parse(runCli(['incident', 'create', '--title', 'Progress', '--aware-at', '2026-03-02T15:00:00Z', '--json'], env).stdout) as { id: string };
    const file = join(db.dataDir, 'customers.csv');
    const rows = ['name,email,ssn'];
    for (let i = 0; i < 20_000; i++) rows.push(`Person ${i},person${i}@example.org,123-45-${String(1000 + (i % 9000)).padStart(4, '0')}`);
    writeFileSync(file, `${rows.join('\n')}\n`);

    const up = runCli(['evidence', 'add', file, '--incident', inc.id, '--json'], env);
    expect(up.code).toBe(0);
    expect(up.stderr).not.toContain('\r');
    const lines = up.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^uploading: 100% \(\d+ of \d+ bytes\)$/);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(12);

    const scan = runCli(['scan', file, '--json'], env);
    expect(scan.code).toBe(0);
    expect(scan.stderr).not.toContain('\r');
    expect(scan.stderr.trim().split('\n').at(-1)).toMatch(/^scanning: 100% \(\d+ of \d+ bytes\), 20000 records, \d+ records\/s$/);
  }, 180_000); // three processes of the built binary: over 60 s at load 25
});
