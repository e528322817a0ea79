/**
 * Outside review 2026-12-07 — "awareness time changed after drafting". GDPR Art. 33(1): a
 * notification to the supervisory authority "not made within 72 hours … shall be accompanied by
 * reasons for the delay". A notice drafted within the 72 hours passes the check at drafting; when
 * the awareness time is then corrected to an earlier one, the 72 hours have passed, and the notice
 * must not be approved without the reasons. Before the fix the draft kept the deadline of the day it
 * was drafted (inputs.notificationDeadline) and approval only re-read the stored problems, so the
 * notice was approved and would have gone to the authority without the reasons. Real HTTP, SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';
import { assessCsv, FULL_INPUTS } from './notices-fixtures.js';

const CSV = ['name,email,phone,country', 'Anna Schmidt,anna@example.org,+49 30 901820,DE', 'Bernd Weber,bernd@example.org,+49 89 233000,DE'].join('\n');
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

type Item = { id: string; required: unknown; deadline: string | null };

describe('a notice whose deadline moved after drafting (sqlite)', () => {
  let s: TestServer;
  let cmd: string;
  let legal: string;
  let drafter: string;
  let incidentId: string;
  const sa = async () => ((await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token: cmd })).body.items as Item[]).find((i) => i.id === 'DE.gdpr.sa');

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    cmd = await s.tokenFor('incident_commander');
    legal = await s.tokenFor('legal');
    drafter = await s.tokenFor('responder');
    expect((await s.api('/api/v1/org/profile', { method: 'PUT', token: await s.tokenFor('admin'), body: { establishments: ['DE'], name: 'Example Retail GmbH' } })).status).toBe(200);
    const created = await s.api('/api/v1/incidents', { token: cmd, body: { title: 'German customers', detectedAt: hoursAgo(200), awareAt: hoursAgo(24), status: 'confirmed' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    incidentId = created.body.id;
    expect((await s.api(`/api/v1/incidents/${incidentId}/members`, { token: cmd, body: { username: 'legal-user', role: 'legal_counsel' } })).status).toBeLessThan(300);
    expect((await s.api(`/api/v1/incidents/${incidentId}/members`, { token: cmd, body: { username: 'responder-user', role: 'communications' } })).status).toBeLessThan(300);
    await assessCsv(s, cmd, incidentId, CSV);
    const f = await s.api(`/api/v1/incidents/${incidentId}/breach-facts`, { method: 'PUT', token: cmd, body: { breach: { acquisition: true, malicious: true }, risk: { gdpr: 'risk' }, reason: 'exfiltration confirmed; risk assessed' } });
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    await waitFor(async () => ((await sa())?.required === true ? true : null));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('GDPR Art. 33(1): drafted within 72 h, then awareness moved 5 days back — approval is refused until the reasons for the delay are given', async () => {
    const before = (await sa())!;
    expect(Date.parse(before.deadline!)).toBeGreaterThan(Date.now());
    const inputs = { ...FULL_INPUTS, reporterName: 'Cora', reporterTitle: 'CISO', sampleNoticeRef: 'attachment A', residentsAffected: 2, totalAffected: 2 };
    const d = await s.api('/api/v1/notices', { token: drafter, body: { incidentId, recipient: 'regulator', jurisdiction: 'DE', ruleId: 'DE.gdpr.sa', inputs } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body.problems, JSON.stringify(d.body.problems)).toEqual([]);
    expect(d.body.inputs.notificationDeadline).toBe(before.deadline);

    const moved = await s.api(`/api/v1/incidents/${incidentId}`, { method: 'PATCH', token: cmd, body: { awareAt: hoursAgo(120), awareAtReason: 'the processor told us five days ago' } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = await waitFor(async () => {
      const o = await sa();
      return o?.deadline && o.deadline !== before.deadline ? o : null;
    });
    expect(Date.parse(after.deadline!)).toBeLessThan(Date.now());

    const refused = await s.api(`/api/v1/notices/${d.body.id}/approve`, { token: legal, body: {} });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.detail).toMatch(/since it was drafted/);
    expect(refused.body.detail).toMatch(/reasons for the delay|delayReasons/);

    // Revising picks up the deadline tracked now; with the reasons the notice can be approved.
    const revised = await s.api(`/api/v1/notices/${d.body.id}`, { method: 'PATCH', token: drafter, body: { inputs: { delayReasons: 'the processor reported the breach to us only on day 4' } } });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect(revised.body.inputs.notificationDeadline).toBe(after.deadline);
    expect(revised.body.problems).toEqual([]);
    expect(JSON.stringify(revised.body.rendered)).toContain('the processor reported the breach to us only on day 4');
    expect((await s.api(`/api/v1/notices/${d.body.id}/approve`, { token: legal, body: {} })).status).toBe(200);
  });
});
