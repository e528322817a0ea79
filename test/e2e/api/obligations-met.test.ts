/**
 * Notices close obligations (issue 20 §4), over real HTTP with a real SMTP server process: a sent
 * individual notice marks its obligation met (late here: the incident is older than the 30-day
 * clock, and the campaign is not asked for a reason); a late submission needs a reason; a regulator
 * notice is downloaded as PDF and its submission recorded with date, channel and reference; the
 * breach register lists both notifications.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObligationsMetService } from '../../../src/obligations/tracking/met.service.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';
import { FULL_INPUTS, nyIncident, type Sink, startSink } from './notices-fixtures.js';

const SSNS = ['123-45-6780', '234-56-7891', '345-67-8902'];
const LEAK = ['first_name,last_name,email,ssn,state'].concat(SSNS.map((ssn, i) => `Nia${i},York${i},nia${i}@example.org,${ssn},NY`)).join('\n');
// With consent to electronic notice (N.Y. GBL §899-aa(5)(b)): these tests are about meeting the
// obligation, not the channel the law allows (test/e2e/api/notices-channels.test.ts).
const PEOPLE = ['name,email,state,email_consent'].concat(SSNS.map((_, i) => `Nia${i} York${i},nia${i}@example.org,NY,yes`)).join('\n');

type Item = { id: string; itemId: string; recipient: string; jurisdiction: string; status: string; required: unknown; met: { late: boolean; lateReason: string | null; channel: string; reference: string | null } | null };

describe('notices meet their obligations (sqlite)', () => {
  let s: TestServer;
  let sink: Sink;
  let dir: string;
  let cmd: string;
  let legal: string;
  let drafter: string;
  let incidentId: string;
  const obligations = async () => (await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token: cmd })).body as { nextDeadline: unknown; items: Item[] };
  const item = async (id: string) => (await obligations()).items.find((i) => i.id === id)!;

  async function approved(recipient: string, ruleId: string): Promise<string> {
    const inputs = { ...FULL_INPUTS, reporterName: 'Cora', reporterTitle: 'CISO', sampleNoticeRef: 'attachment A' };
    const d = await s.api('/api/v1/notices', { token: drafter, body: { incidentId, recipient, jurisdiction: 'US-NY', ruleId, inputs, elements: ['person_name', 'us_ssn'] } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body.problems, JSON.stringify(d.body.problems)).toEqual([]);
    expect((await s.api(`/api/v1/notices/${d.body.id}/approve`, { token: legal, body: {} })).status).toBe(200);
    const a = await s.api(`/api/v1/notices/${d.body.id}/approve`, { token: cmd, body: {} });
    expect(a.body.status, JSON.stringify(a.body)).toBe('approved');
    return d.body.id;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bd-met-'));
    sink = await startSink(dir);
    s = await startTestServer('sqlite', { BREACHDESK_SMTP_URL: sink.url, BREACHDESK_MAIL_FROM: 'Privacy <privacy@example.test>' });
    cmd = await s.tokenFor('incident_commander');
    legal = await s.tokenFor('legal');
    drafter = await s.tokenFor('responder');
    incidentId = await nyIncident(s, cmd, LEAK, PEOPLE);
    await waitFor(async () => ((await item('US-NY.individuals.2025'))?.required === true ? true : null));
  });
  afterAll(async () => {
    await s?.close();
    await sink?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a sent individual notice meets its obligation (late: past the 30-day clock) and stops its countdown', async () => {
    const id = await approved('individuals', 'US-NY.individuals.2025');
    // Issue 20 §5: the recipient count before sending, and a test send to oneself.
    expect((await s.api(`/api/v1/notices/${id}/audience`, { token: cmd })).body).toMatchObject({ email: 3, postal: 0, unreachable: 0, noContact: 0, total: 3, emailNotPermitted: 0 });
    const test = await s.api(`/api/v1/notices/${id}/test-send`, { method: 'POST', token: cmd, body: {} });
    expect(test.status, JSON.stringify(test.body)).toBe(200);
    expect(test.body.to).toBe('incident-commander-user@example.test');
    expect(sink.lines().map((l) => l.rcpt)).toEqual(['incident-commander-user@example.test']);
    expect((await s.api(`/api/v1/notices/${id}/status`, { token: cmd })).body.status).toBe('approved');
    expect((await s.api(`/api/v1/notices/${id}/send`, { method: 'POST', token: cmd, body: {} })).status).toBe(202);
    await waitFor(async () => ((await s.api(`/api/v1/notices/${id}/status`, { token: cmd })).body.status === 'sent' ? true : null));
    expect(sink.lines().filter((l) => l.rcpt.endsWith('@example.org')).length).toBe(3);
    const it = await item('US-NY.individuals.2025');
    expect(it.status).toBe('done');
    expect(it.met).toMatchObject({ late: true, channel: 'e-mail and post' });
    expect(it.met!.reference).toMatch(/^3 e-mailed/);
  });

  it('GDPR Art. 33(1) "reasons for the delay": the reason of a late campaign is added afterwards (audited); an on-time or open one takes none', async () => {
    const late = await item('US-NY.individuals.2025');
    expect(late.met).toMatchObject({ late: true, lateReason: null });
    const path = `/api/v1/incidents/${incidentId}/obligations/${late.itemId}/late-reason`;
    expect((await s.api(path, { method: 'PUT', token: cmd, body: { reason: '  ' } })).status).toBe(400);
    const ok = await s.api(path, { method: 'PUT', token: cmd, body: { reason: 'the affected residents were identified on 2026-02-20' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.met).toMatchObject({ late: true, lateReason: 'the affected residents were identified on 2026-02-20' });
    expect(ok.body.statusReason).toMatch(/late: the affected residents were identified on 2026-02-20$/);
    const edited = await s.api(path, { method: 'PUT', token: cmd, body: { reason: 'residents identified on 2026-02-21' } });
    expect(edited.body.statusReason).toMatch(/ — late: residents identified on 2026-02-21$/);
    const events = (await s.platform.audit.list({ incidentId })).filter((e) => e.action === 'obligation.late_reason_set');
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ lateReason: null }, expect.objectContaining({ lateReason: 'the affected residents were identified on 2026-02-20' })],
      [{ lateReason: 'the affected residents were identified on 2026-02-20' }, expect.objectContaining({ lateReason: 'residents identified on 2026-02-21' })],
    ]);
    const open = (await obligations()).items.find((i) => !i.met)!;
    const refused = await s.api(`/api/v1/incidents/${incidentId}/obligations/${open.itemId}/late-reason`, { method: 'PUT', token: cmd, body: { reason: 'x' } });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/is not met yet/);
  });

  it('issue 20 §6: a draft is pre-filled from the organisation profile and the incident; what the drafter gives wins', async () => {
    const dates = await s.api(`/api/v1/incidents/${incidentId}`, { method: 'PATCH', token: cmd, body: { breachStartedAt: '2025-12-28T22:00:00Z', breachEndedAt: '2026-01-02T06:00:00Z' } });
    expect(dates.status, JSON.stringify(dates.body)).toBe(200);
    const d = await s.api('/api/v1/notices', { token: drafter, body: { incidentId, recipient: 'individuals', jurisdiction: 'US-NY', ruleId: 'US-NY.individuals.2025', inputs: { contactPhone: '+1 212 555 0199' } } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body.inputs).toMatchObject({ organisationName: 'Hudson Outfitters LLC', organisationAddress: '1 Pier Road, New York', contactEmail: 'privacy@hudson.test', dpoContact: 'Dana Privacy, dpo@hudson.test', discoveryDate: '2026-01-05', contactPhone: '+1 212 555 0199', breachDate: '2025-12-28', breachEndDate: '2026-01-02' });
    // The date range is in the notice as a range (Cal. Civ. Code §1798.82(d)(2)(C) wording, used for every US state).
    expect(JSON.stringify(d.body.rendered)).toContain('between 2025-12-28 and 2026-01-02');
    // The tracked obligation's deadline and the late reason recorded on it (GDPR Art. 33(1): the
    // reasons for the delay go into a late notification; drafting.ts checks they are there).
    const tracked = (await obligations()).items.find((i) => i.id === 'US-NY.individuals.2025') as Item & { deadline: string };
    expect(tracked.deadline).toMatch(/^2026-02-0/);
    expect(d.body.inputs).toMatchObject({ notificationDeadline: tracked.deadline, delayReasons: 'residents identified on 2026-02-21' });
  });

  it('a late submission without a reason is refused before anything changes (the 30-day individual clock has passed)', async () => {
    const met = new ObligationsMetService(s.platform.store.db, s.platform.audit);
    const e = { incidentId, ruleIds: ['US-NY.individuals.2025'], at: new Date().toISOString(), noticeId: 'n-late', channel: 'letter', requireLateReason: true };
    await expect(met.check(e)).rejects.toThrow(/^lateReason: .* is after the deadline of US-NY\.individuals\.2025/);
    await expect(met.check({ ...e, lateReason: 'the scope was confirmed late' })).resolves.toBeUndefined();
  });

  it('a regulator notice: PDF download, submission recorded with date, channel and reference meets its obligation (no fixed deadline: on time)', async () => {
    const id = await approved('regulator', 'US-NY.regulator.2025');
    const pdf = await fetch(`${s.url}/api/v1/notices/${id}/preview?format=pdf`, { headers: { authorization: `Bearer ${cmd}` } });
    expect(pdf.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const at = new Date(Date.now() - 3_600_000).toISOString();
    expect((await s.api(`/api/v1/notices/${id}/submission`, { token: cmd, body: { submittedAt: new Date(Date.now() + 86_400_000).toISOString(), channel: 'portal' } })).status).toBe(400);
    const ok = await s.api(`/api/v1/notices/${id}/submission`, { token: cmd, body: { submittedAt: at, channel: 'portal', reference: 'AG-2026-0042' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.status).toBe('submitted');
    expect(ok.body.submission).toMatchObject({ channel: 'portal', reference: 'AG-2026-0042' });
    const reg = await item('US-NY.regulator.2025');
    expect(reg.status).toBe('done');
    expect(reg.met).toMatchObject({ late: false, channel: 'portal', reference: 'AG-2026-0042' });
    expect((await s.api(`/api/v1/notices/${id}/submission`, { token: cmd, body: { submittedAt: at, channel: 'portal' } })).status).toBe(409);
    const onTime = await s.api(`/api/v1/incidents/${incidentId}/obligations/${reg.itemId}/late-reason`, { method: 'PUT', token: cmd, body: { reason: 'x' } });
    expect(onTime.status).toBe(400);
    expect(onTime.body.detail).toMatch(/met on time/);
  });

  it('the register export carries the notifications next to effects and remedial action', async () => {
    const reg = await s.api('/api/v1/register/export?format=json', { token: cmd });
    const entry = (reg.body.items ?? reg.body).find((e: { incidentId: string }) => e.incidentId === incidentId);
    expect(entry.notifications.join('\n')).toMatch(/individuals US-NY .* by e-mail and post .* late/);
    expect(entry.notifications.join('\n')).toMatch(/regulator US-NY .* by portal ref AG-2026-0042 on time/);
    expect(entry).toHaveProperty('effects');
    expect(entry).toHaveProperty('remedialAction');
    const events = await s.platform.audit.list({ incidentId });
    expect(events.filter((e) => e.action === 'obligation.met').length).toBeGreaterThanOrEqual(2);
  });
});
