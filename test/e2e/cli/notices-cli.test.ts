/**
 * The `people` and `notices` commands of `breachdesk`, run in this process (test/support/cli.ts)
 * against the API (BREACHDESK_URL with each approver's own BREACHDESK_TOKEN).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_INPUTS, type NoticesHarness, openNoticesHarness, type Sink, startSink } from '../api/notices-fixtures.js';
import { cli } from '../../support/cli.js';
import { pdfText } from '../../support/pdf.js';

describe('notices CLI (sqlite)', () => {
  let h: NoticesHarness;
  let sink: Sink;
  let dir: string;
  let incidentId: string;
  const tokens: Record<string, string> = {};

  /** `breachdesk ARGS` in this process (test/support/cli.ts) against the API, as that user. */
  async function run(token: string, args: string[]): Promise<{ out: string; err: string }> {
    const r = await cli(args, { BREACHDESK_URL: h.url, BREACHDESK_TOKEN: token });
    expect(r.code, r.stderr).toBe(0);
    return { out: r.stdout, err: r.stderr };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bd-notices-cli-'));
    sink = await startSink(dir);
    h = await openNoticesHarness('sqlite', { BREACHDESK_SMTP_URL: sink.url });
    const legal = await h.tokenFor('legal', 'lee');
    const cmd = await h.tokenFor('incident_commander', 'cam');
    tokens.legal = legal.token;
    tokens.cmd = cmd.token;
    // The drafter is a third person: a drafter never approves (issue 20 §5).
    const drafter = await h.tokenFor('responder', 'dee');
    tokens.drafter = drafter.token;
    incidentId = await h.createIncident([
      { userId: cmd.userId, role: 'commander' },
      { userId: legal.userId, role: 'legal_counsel' },
      { userId: drafter.userId, role: 'communications' },
    ]);
    await h.platform.jobs.start();
  });
  afterAll(async () => {
    await h?.close();
    await sink?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('people import reads XLSX with automatic header mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('people');
    // Both consented to electronic notice (Texas §521.053(e)(2): E-SIGN): the send below is about delivery.
    ws.addRow(['Customer Name', 'Email Address', 'State', 'Exposed Data', 'E-Sign Consent']);
    ws.addRow(['Ann Ant', 'ann@example.test', 'TX', 'name, SSN', 'yes']);
    ws.addRow(['Ben Bee', 'ben@example.test', 'Texas', 'name', '2025-01-02']);
    const file = join(dir, 'people.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run(tokens.cmd!, ['people', 'import', file, '--incident', incidentId, '--json']);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ rows: 2, imported: 2, mapping: { name: 'Customer Name', email: 'Email Address', region: 'State', elements: 'Exposed Data', emailConsent: 'E-Sign Consent' }, byJurisdiction: { 'US-TX': 2 } });
    const human = await run(tokens.cmd!, ['people', 'import', file, '--incident', incidentId]);
    expect(human.out).toContain('0 imported, 2 duplicate(s)');
    const list = (await run(tokens.cmd!, ['people', 'list', '--incident', incidentId])).out;
    expect(list).toContain('A*** A***  a***@example.test  US-TX  e-mail consent: yes  pending');
    expect(list).toContain('B*** B***  b***@example.test  US-TX  e-mail consent: yes (2025-01-02)');
    expect(list).not.toContain('ann@example.test');
  });

  it('notices email-primary shows, declares and withdraws the primary-means declaration', async () => {
    expect((await run(tokens.cmd!, ['notices', 'email-primary', '--incident', incidentId])).out).toContain('e-mail is not declared the primary means');
    const yes = await run(tokens.cmd!, ['notices', 'email-primary', '--incident', incidentId, '--yes', '--statement', 'online-only customers', '--json']);
    expect(JSON.parse(yes.out)).toMatchObject({ primaryEmail: true, statement: 'online-only customers', declaredAt: expect.any(String) });
    expect((await run(tokens.cmd!, ['notices', 'email-primary', '--incident', incidentId])).out).toMatch(/e-mail is declared the primary means of communication \(.+\): online-only customers/);
    const off = await run(tokens.cmd!, ['notices', 'email-primary', '--incident', incidentId, '--withdraw', '--json']);
    expect(JSON.parse(off.out).primaryEmail).toBe(false);
  });

  it('draft → approve (two tokens) → send --wait → status --json → export-proof', async () => {
    const inputs = join(dir, 'inputs.yaml');
    writeFileSync(inputs, Object.entries(FULL_INPUTS).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n'));
    const d = await run(tokens.drafter!, ['notices', 'draft', '--incident', incidentId, '--jurisdiction', 'US-TX', '--recipient', 'individuals', '--inputs', inputs, '--json']);
    const notice = JSON.parse(d.out);
    expect(notice.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(notice.problems).toEqual([]);
    const preview = await run(tokens.cmd!, ['notices', 'preview', notice.id]);
    expect(preview.out).toContain('Notice of Data Breach');
    const pdf = join(dir, 'letter.pdf');
    await run(tokens.cmd!, ['notices', 'preview', notice.id, '--format', 'pdf', '--out', pdf]);
    expect(readFileSync(pdf, 'latin1').startsWith('%PDF-')).toBe(true);
    expect(pdfText(readFileSync(pdf))).toContain('Notice of Data Breach');
    // Before approval: the count by channel, and when e-mail is notice under the rule (Texas: E-SIGN consent; both consented).
    const aud = await run(tokens.legal!, ['notices', 'audience', notice.id]);
    expect(aud.out).toContain(`notice ${notice.id}: 2 recipient(s): 2 by e-mail, 0 by post, 0 unreachable (substitute notice)`);
    expect(aud.out).toMatch(/e-mail is notice: consent — Tex\. Bus\. & Com\. Code §521\.053\(e\)\(2\)/);
    expect(JSON.parse((await run(tokens.legal!, ['notices', 'audience', notice.id, '--json'])).out)).toMatchObject({ email: 2, emailNotPermitted: 0, electronicNotice: { allowed: 'consent' } });
    expect((await run(tokens.legal!, ['notices', 'approve', notice.id])).out).toContain('approved by lee as legal');
    expect((await run(tokens.cmd!, ['notices', 'approve', notice.id])).out).toContain('status approved');
    const sent = await run(tokens.cmd!, ['notices', 'send', notice.id, '--wait']);
    expect(sent.out).toContain('sent 2');
    const status = JSON.parse((await run(tokens.cmd!, ['notices', 'status', notice.id, '--json'])).out);
    expect(status.counts).toMatchObject({ queued: 0, sent: 2, failed: 0, bounced: 0, postal: 0 });
    expect(sink.lines().map((l) => l.rcpt).sort()).toEqual(['ann@example.test', 'ben@example.test']);
    const tracking = await run(tokens.cmd!, ['notices', 'tracking', '--incident', incidentId]);
    expect(tracking.out).toMatch(/^US-TX\.individuals: notice .* sent; reached email 2 /m);
    expect((await run(tokens.cmd!, ['notices', 'list', '--incident', incidentId])).out).toContain(`${notice.id}  individual`);
    const proof = await run(tokens.cmd!, ['notices', 'export-proof', notice.id]);
    expect(proof.out).toContain(notice.contentHash);
    expect(proof.out.trim().split('\n')).toHaveLength(4);
  });

  it('approve of an incomplete draft fails naming the missing item', async () => {
    const d = await run(tokens.drafter!, ['notices', 'draft', '--incident', incidentId, '--jurisdiction', 'US-TX', '--recipient', 'individuals', '--json']);
    const notice = JSON.parse(d.out);
    const refused = await cli(['notices', 'approve', notice.id], { BREACHDESK_URL: h.url, BREACHDESK_TOKEN: tokens.legal });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/placeholder \{\{organisationName\}\} has no value/);
  });
});
