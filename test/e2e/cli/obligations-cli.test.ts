/**
 * Bad facts are errors, not silent answers (issue 13 §7): exit 2 and one line on stderr naming the
 * field, never a stack trace. The misspelt-key case runs the built binary (its exit status and
 * stderr as a process); the others run in this process through the same commander program
 * (test/support/cli.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, runCli } from '../../support/cli.js';

const FACTS = {
  version: 1,
  discoveredAt: '2026-03-02T15:00:00Z',
  awareAt: '2026-03-02T15:00:00Z',
  controller: { establishments: ['US'] },
  breach: { types: ['confidentiality'], access: true, acquisition: true, malicious: true },
  population: [{ jurisdiction: 'US-TX', individuals: 300, elements: ['person_name', 'us_ssn'] }],
};
const file = (facts: unknown) => {
  const p = join(mkdtempSync(join(tmpdir(), 'bd-facts-')), 'facts.json');
  writeFileSync(p, JSON.stringify(facts));
  return p;
};
const expectOneLineBadInput = (r: { code: number; stdout: string; stderr: string }, pattern: RegExp) => {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^breachdesk: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/);
};

describe('breachdesk obligations with bad facts', () => {
  it('good facts: exit 0 and Obligations v1 with warnings and unknownResidence', async () => {
    const r = await cli(['obligations', '--facts', file(FACTS), '--as-of', '2026-03-03', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ version: 1, unknownResidence: 0, warnings: [] });
  });
  it('a misspelt key names the nearest valid key (noHarmDetermnation → noHarmDetermination)', () => {
    const r = runCli(['obligations', '--facts', file({ ...FACTS, risk: { noHarmDetermnation: true } })]);
    expectOneLineBadInput(r, /facts\.json: risk: unknown key "noHarmDetermnation" \(did you mean "noHarmDetermination"\?\)/);
  });
  it('an unknown top-level key is an error too', async () => {
    expectOneLineBadInput(await cli(['obligations', '--facts', file({ ...FACTS, discoverdAt: FACTS.discoveredAt })]), /unknown key "discoverdAt" \(did you mean "discoveredAt"\?\)/);
  });
  it('unknown jurisdiction and establishment codes are errors', async () => {
    expectOneLineBadInput(
      await cli(['obligations', '--facts', file({ ...FACTS, population: [{ jurisdiction: 'US-TQ', individuals: 1, elements: ['email'] }] })]),
      /population\.0\.jurisdiction: unknown jurisdiction code "US-TQ"/,
    );
    expectOneLineBadInput(await cli(['obligations', '--facts', file({ ...FACTS, controller: { establishments: ['XX'] } })]), /controller\.establishments\.0: unknown jurisdiction code "XX"/);
  });
  it('impossible date orders are errors (aware before discovered, determined before discovered)', async () => {
    expectOneLineBadInput(await cli(['obligations', '--facts', file({ ...FACTS, awareAt: '2026-03-01T15:00:00Z' })]), /awareAt: .* is before discoveredAt/);
    expectOneLineBadInput(await cli(['obligations', '--facts', file({ ...FACTS, determinedAt: '2026-02-01T00:00:00Z' })]), /determinedAt: .* is before discoveredAt/);
  });
  it('a non-JSON file and a missing file are bad input too', async () => {
    const p = join(mkdtempSync(join(tmpdir(), 'bd-facts-')), 'bad.json');
    writeFileSync(p, '{nope');
    expectOneLineBadInput(await cli(['obligations', '--facts', p]), /bad\.json: not valid JSON/);
    expectOneLineBadInput(await cli(['obligations', '--facts', '/nonexistent/facts.json']), /cannot read facts file/);
  });
  it('people of unknown residence are accepted as UNKNOWN and counted apart', async () => {
    const r = await cli(['obligations', '--facts', file({ ...FACTS, population: [...FACTS.population, { jurisdiction: 'unknown', individuals: 7, elements: ['email'] }] }), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).unknownResidence).toBe(7);
  });
});
