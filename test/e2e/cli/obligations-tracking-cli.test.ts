/**
 * `breachdesk obligations owed|facts --incident ID` (issue 20 §1–§2), run in this process
 * (test/support/cli.ts) against a real server on SQLite (BREACHDESK_URL/BREACHDESK_TOKEN): a leak
 * of password hashes of Californians answers review with its question; facts set from the CLI need
 * a reason, are audited and settle the question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObligationsMetService } from '../../../src/obligations/tracking/met.service.js';
import { cli } from '../../support/cli.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

const HASHES = ['5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8', '7c4a8d09ca3762af61e59520943dc26494f8941b', 'b1b3773a05c0ed0176787a4f1574ff0075f7521e'];
const LEAK = ['name,email,password_hash,state'].concat(HASHES.map((h, i) => `Casey Doe${i},casey${i}@example.org,${h},CA`)).join('\n');

describe('obligations CLI for an incident (sqlite)', () => {
  let s: TestServer;
  let token: string;
  let incidentId: string;

  /** `breachdesk ARGS` in this process (test/support/cli.ts) against the server, as the commander. */
  async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
    const r = await cli(args, { BREACHDESK_URL: s.url, BREACHDESK_TOKEN: token });
    return { out: r.stdout, err: r.stderr, code: r.code };
  }

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    token = await s.tokenFor('incident_commander');
    await s.api('/api/v1/org/profile', { method: 'PUT', token: await s.tokenFor('admin'), body: { establishments: ['US'] } });
    incidentId = (await s.api('/api/v1/incidents', { token, body: { title: 'Hashed passwords', awareAt: '2026-03-02T15:00:00Z' } })).body.id;
    const up = await fetch(`${s.url}/api/v1/incidents/${incidentId}/evidence?name=users.csv`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: LEAK });
    const item = (await up.json()) as { id: string };
    const started = await s.api(`/api/v1/incidents/${incidentId}/assessments`, { token, body: { evidenceIds: [item.id] } });
    await waitFor(async () => {
      const r = await s.api(`/api/v1/assessments/${started.body.id}`, { token });
      return r.body.status === 'done' || r.body.status === 'failed' ? r.body : null;
    });
  });
  afterAll(async () => s?.close());

  it('owed lists the California review row with the hashing question (never under "not required")', async () => {
    const r = await waitFor(async () => {
      const x = await run(['obligations', 'owed', '--incident', incidentId]);
      return /US-CA .*individuals/.test(x.out) ? x : null;
    });
    expect(r.out).toMatch(/REVIEW\s.*US-CA\s+individuals/);
    expect(r.out).toMatch(/to settle: .*breach\.hashing/);
  });

  it('facts: a change without --reason is refused; with it, it is audited and settles the question', async () => {
    const refused = await run(['obligations', 'facts', '--incident', incidentId, '--hash-algorithm', 'sha1', '--salted', 'no', '--acquisition', 'yes']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/--reason: a change of the breach facts needs a reason/);
    const ok = await run(['obligations', 'facts', '--incident', incidentId, '--hash-algorithm', 'sha1', '--salted', 'no', '--acquisition', 'yes', '--malicious', '--exposure', 'public', '--reason', 'unsalted SHA-1 dump on a paste site']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/facts saved; obligations recomputed/);
    expect(ok.out).toMatch(/REQUIRED\s.*US-CA\s+individuals/);
    const shown = await run(['obligations', 'facts', '--incident', incidentId]);
    expect(shown.out).toMatch(/hashing\s+\{"algorithm":"sha1","salted":false/);
    expect(shown.out).toMatch(/exposure\s+"public"/);
    const events = await s.platform.audit.list({ incidentId });
    expect(JSON.stringify(events.filter((ev) => ev.action === 'obligations.facts_updated').map((ev) => ev.after))).toMatch(/unsalted SHA-1 dump on a paste site/);
  });

  it('a bad value is a one-line error', async () => {
    const r = await run(['obligations', 'facts', '--incident', incidentId, '--salted', 'maybe', '--reason', 'x']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim()).toMatch(/^[^\n]*--salted: expected yes, no or unknown, got "maybe"$/);
  });

  it('late-reason records why a late obligation was late (GDPR Art. 33(1)), audited; owed --all names the item', async () => {
    const list = (await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token })).body as { items: { id: string; itemId: string; deadline: string | null; owed: boolean }[] };
    const due = list.items.find((i) => i.owed && i.deadline)!;
    const met = new ObligationsMetService(s.platform.store.db, s.platform.audit);
    await met.met({ incidentId, ruleIds: [due.id], at: new Date(Date.parse(due.deadline!) + 86_400_000).toISOString(), noticeId: 'n-cli', channel: 'letter', requireLateReason: false }, { type: 'system', id: null, name: 'test' });
    expect((await run(['obligations', 'owed', '--incident', incidentId, '--all'])).out).toContain(`(item ${due.itemId})`);
    const r = await run(['obligations', 'late-reason', due.itemId, '--incident', incidentId, '--reason', 'the scope was confirmed late']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/late: the scope was confirmed late/);
    const events = await s.platform.audit.list({ incidentId });
    expect(events.some((e) => e.action === 'obligation.late_reason_set')).toBe(true);
  });
});
