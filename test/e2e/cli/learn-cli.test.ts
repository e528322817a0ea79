/**
 * `breachdesk metrics`, `costs`, `report`, `update` and `drill` on the local store: in-process through the
 * commander program (test/support/cli.ts), with one run of the built binary for its exit code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';

describe('learn CLI on the local store', { timeout: 240_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let id: string;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    env = { BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_URL: '', BREACHDESK_TOKEN: '' };
    const r = await cli(['incident', 'create', '--title', 'Bucket left public', '--aware-at', '2026-05-01T08:00:00Z', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    id = JSON.parse(r.stdout).id;
  });
  afterAll(async () => db?.drop());

  it('costs add/list and metrics show the ledger total', async () => {
    const add = await cli(['costs', 'add', id, '--vendor', 'Bit Detectives', '--amount', '1250.5', '--currency', 'EUR', '--category', 'forensics', '--on', '2026-05-02'], env);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/1250\.50 EUR to Bit Detectives/);
    const list = await cli(['costs', 'list', id], env);
    expect(list.stdout).toMatch(/2026-05-02\s+1250\.50 EUR\s+forensics\s+Bit Detectives/);
    const m = await cli(['metrics', id, '--json'], env);
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ title: 'Bucket left public', costs: { total: { EUR: '1250.50' } }, quarter: '2026-Q2' });
    const q = await cli(['metrics', '--quarterly'], env);
    expect(q.stdout).toMatch(/^2026-Q2\s+1\s/m);
  });

  it('update: an audience set (shown masked), a draft edited, the drafter refused as approver, a schedule made', async () => {
    const set = await cli(['update', 'audience', 'set', 'account_team', '--email', 'accounts@example.test', '--teams', 'https://example.webhook.office.com/webhookb2/secret'], env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe("Customers' account team: 1 e-mail address(es), teams example.webhook.office.com\n");
    const d = await cli(['update', 'draft', id, '--audience', 'account_team', '--json'], env);
    expect(d.code, d.stderr).toBe(0);
    const u = JSON.parse(d.stdout);
    expect(u).toMatchObject({ status: 'draft', needsApproval: true, trigger: 'manual' });
    const edit = await cli(['update', 'edit', u.id, '--body', 'Contained; customers may ask: send them to the incident desk.'], env);
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stdout).toMatch(/— draft \(needs an approval\), v2, manual\n/);
    const own = await cli(['update', 'approve', u.id], env);
    expect(own.code).not.toBe(0);
    expect(own.stderr).toMatch(/drafter of an update cannot approve it|needs the incident commander/);
    const sch = await cli(['update', 'schedule', id, '--audience', 'executives', '--every', '4', '--on', 'contained,notified'], env);
    expect(sch.code, sch.stderr).toBe(0);
    expect(sch.stdout).toMatch(/^schedule \S+: executives every 4 h \(next \d{4}-.*\) on contained, notified\n$/);
  });

  it('report writes a PDF and prints Markdown; bad input is one line with exit 2', async () => {
    const out = join(db.dataDir, 'report.pdf');
    const pdf = await cli(['report', id, '--format', 'pdf', '--out', out], env);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const md = await cli(['report', id, '--kind', 'executive'], env);
    expect(md.stdout).toMatch(/^# Executive summary: Bucket left public/);
    for (const args of [['report', id, '--kind', 'novel'], ['report', id, '--format', 'docx'], ['costs', 'add', id, '--vendor', 'X', '--amount', '1.234', '--currency', 'EUR', '--category', 'pr', '--on', '2026-05-02']]) {
      const bad = await cli(args, env);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('drill CLI on the local store', { timeout: 240_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    env = { BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_URL: '', BREACHDESK_TOKEN: '' };
  });
  afterAll(async () => db?.drop());

  it('drill start --scenario NAME opens a marked practice incident; an unknown scenario is exit 2', async () => {
    const r = await cli(['drill', 'start', '--scenario', 'misconfigured-cloud-bucket', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ scenario: 'misconfigured-cloud-bucket', speed: 1 });
    expect(d.events).toHaveLength(4);
    const inc = await cli(['incident', 'show', d.incidentId, '--json'], env);
    expect(JSON.parse(inc.stdout).title).toBe('[DRILL] Customer export in a public cloud bucket');
    const score = await cli(['drill', 'score', d.id], env);
    expect(score.code, score.stderr).toBe(0);
    expect(score.stdout).toMatch(/^score \d+% .*events injected \d\/4/);
    const bad = runCli(['drill', 'start', '--scenario', 'earthquake'], env); // the built binary: its exit code and one-line error
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no drill scenario "earthquake"/);
  });
});
