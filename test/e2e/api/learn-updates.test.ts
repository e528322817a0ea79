/**
 * Stakeholder updates (issue 17 §4) over real HTTP on each dialect, delivered to a real SMTP server
 * and an HTTP webhook sink through the notices' outbox: a schedule fires on its slot (once, even when
 * its job runs again) and on an event (contained); an update to an external audience waits for an
 * approval that its drafter cannot give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { type SmtpCatcher, startSmtp } from '../../support/smtp.js';
import { waitFor } from '../../support/wait.js';
import { startWebhookSink, type WebhookSink } from '../../support/webhook-sink.js';

/** Update mails carry the update's id in a header (RFC 5322 §3.6.8 optional field). */
const isUpdate = (data: string) => /^X-Breachdesk-Update: /m.test(data);
/** The Subject header, unfolded and with its RFC 2047 Q-encoded words decoded. */
function subjectOf(data: string): string {
  const raw = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(data)?.[1] ?? '';
  return raw
    .replace(/\?=\r\n[ \t]+=\?/g, '?==?')
    .replace(/\?==\?UTF-8\?Q\?/gi, '')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, q: string) => Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8'));
}

for (const dialect of testDialects()) {
  describe(`stakeholder updates on ${dialect}`, () => {
    let s: TestServer;
    let smtp: SmtpCatcher;
    let sink: WebhookSink;
    let cmdr: string;
    let counsel: string;
    let id: string;
    let execSchedule: { id: string; nextAt: string };
    const firstAt = new Date(Date.now() + 2500).toISOString();

    beforeAll(async () => {
      smtp = await startSmtp();
      sink = await startWebhookSink();
      s = await startTestServer(dialect, { BREACHDESK_SMTP_URL: smtp.url, BREACHDESK_MAIL_FROM: 'Incident desk <desk@example.test>' });
      const admin = await s.tokenFor('admin');
      cmdr = await s.tokenFor('incident_commander');
      counsel = await s.tokenFor('legal', 'counsel');
      const exec = await s.api('/api/v1/update-audiences/executives', { method: 'PUT', token: admin, body: { emails: ['ceo@example.test', 'cfo@example.test'], webhooks: [{ format: 'slack', url: `${sink.url}/slack/T0/B0/secret` }] } });
      expect(exec.status, JSON.stringify(exec.body)).toBe(200);
      const acct = await s.api('/api/v1/update-audiences/account_team', { method: 'PUT', token: admin, body: { emails: ['accounts@example.test'], webhooks: [{ format: 'teams', url: `${sink.url}/teams/workflow/secret` }] } });
      expect(acct.status, JSON.stringify(acct.body)).toBe(200);
      const inc = await s.api('/api/v1/incidents', { token: cmdr, body: { title: 'Payroll export leaked', awareAt: new Date(Date.now() - 3_600_000).toISOString(), status: 'suspected', severity: 'high' } });
      expect(inc.status).toBe(201);
      id = inc.body.id;
      expect((await s.api(`/api/v1/incidents/${id}/members`, { token: cmdr, body: { username: 'counsel', role: 'legal_counsel' } })).status).toBeLessThan(300);
    });
    afterAll(async () => {
      await s?.close();
      await smtp?.close();
      await sink?.close();
    });

    it('keeps who receives each audience encrypted and masked; only an admin sets it, webhooks must be https', async () => {
      const r = await s.api('/api/v1/update-audiences', { token: cmdr });
      const exec = r.body.items.find((a: { audience: string }) => a.audience === 'executives');
      expect(exec).toMatchObject({ external: false, emails: ['c***@example.test', 'c***@example.test'], webhooks: [{ format: 'slack', host: new URL(sink.url).host }] });
      expect(JSON.stringify(r.body)).not.toMatch(/secret|ceo@/);
      expect((await s.api('/api/v1/update-audiences/all_staff', { method: 'PUT', token: cmdr, body: { emails: ['all@example.test'] } })).status).toBe(403);
      const bad = await s.api('/api/v1/update-audiences/all_staff', { method: 'PUT', token: await s.tokenFor('admin'), body: { webhooks: [{ format: 'slack', url: 'http://hooks.example.com/x' }] } });
      expect(bad.status).toBe(400);
      const raw = JSON.stringify(await s.platform.store.db.selectFrom('learn_update_audiences' as never).selectAll().execute());
      expect(raw).not.toMatch(/ceo@|secret/);
    });

    it('a schedule fires on its slot, once, by e-mail and Slack, while the incident is open', async () => {
      expect((await s.api(`/api/v1/incidents/${id}/status`, { token: cmdr, body: { status: 'confirmed' } })).status).toBe(200);
      const sch = await s.api(`/api/v1/incidents/${id}/update-schedules`, { token: cmdr, body: { audience: 'executives', everyHours: 4, firstAt, events: ['contained'] } });
      expect(sch.status, JSON.stringify(sch.body)).toBe(201);
      execSchedule = sch.body;
      expect(execSchedule.nextAt).toBe(firstAt);
      const ext = await s.api(`/api/v1/incidents/${id}/update-schedules`, { token: cmdr, body: { audience: 'account_team', events: ['contained'] } });
      expect(ext.status).toBe(201);
      await waitFor(async () => smtp.mails.filter((m) => isUpdate(m.data)).length >= 2 && sink.hooks.length >= 1);
      const mails = smtp.mails.filter((m) => isUpdate(m.data));
      expect(mails.flatMap((m) => m.to).sort()).toEqual(['ceo@example.test', 'cfo@example.test']);
      expect(mails[0]!.data).toMatch(/Status: confirmed \(severity high\)/);
      expect(subjectOf(mails[0]!.data)).toMatch(/^\[Status update\] Payroll export leaked — confirmed \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
      const slack = sink.hooks[0]!;
      expect(slack.path).toBe('/slack/T0/B0/secret');
      expect(slack.body).toMatchObject({ text: expect.stringMatching(/^\[Status update\] Payroll export leaked — confirmed/), blocks: [{ type: 'header' }, { type: 'section', text: { type: 'mrkdwn', text: expect.stringMatching(/^Status: confirmed/) } }] });
      expect(slack.headers['idempotency-key']).toMatch(/^<[0-9a-f]{32}\.v1@example\.test>$/);
      const list = await waitFor(async () => {
        const r = await s.api(`/api/v1/incidents/${id}/updates`, { token: cmdr });
        return r.body.items?.[0]?.status === 'sent' ? r.body.items : null;
      });
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ audience: 'executives', trigger: 'schedule', createdBy: 'schedule', delivery: { counts: { sent: 3 } } });
      expect(list[0].delivery.recipients.map((r: { recipient: string }) => r.recipient).sort()).toEqual(['c***@example.test', 'c***@example.test', `slack ${new URL(sink.url).host}`]);
      const after = (await s.api(`/api/v1/incidents/${id}/update-schedules`, { token: cmdr })).body.items.find((x: { id: string }) => x.id === execSchedule.id);
      expect(Date.parse(after.nextAt) - Date.parse(firstAt)).toBe(4 * 3_600_000);

      // The slot's job again (a retry, a second worker): no second update, nothing sent twice.
      await s.platform.jobs.send('learn.update-slot', { scheduleId: execSchedule.id, slot: firstAt });
      expect(await s.modules.learn.schedules.runSlot({ scheduleId: execSchedule.id, slot: firstAt })).toMatchObject({ fired: false });
      await new Promise((r) => setTimeout(r, 1500));
      expect((await s.api(`/api/v1/incidents/${id}/updates`, { token: cmdr })).body.items).toHaveLength(1);
      expect(smtp.mails.filter((m) => isUpdate(m.data))).toHaveLength(2);
      expect(sink.hooks).toHaveLength(1);
    });

    it('on an event (contained): internal audiences get it at once; the external one waits for an approval its drafter cannot give', async () => {
      expect((await s.api(`/api/v1/incidents/${id}/status`, { token: cmdr, body: { status: 'contained' } })).status).toBe(200);
      const items = await waitFor(async () => {
        const r = await s.api(`/api/v1/incidents/${id}/updates`, { token: cmdr });
        const byEvent = r.body.items.filter((u: { trigger: string }) => u.trigger === 'event:contained');
        return byEvent.length === 2 && byEvent.some((u: { status: string }) => u.status === 'sent') ? byEvent : null;
      });
      const internal = items.find((u: { audience: string }) => u.audience === 'executives');
      expect(internal.body).toMatch(/^Status: contained/);
      await waitFor(async () => sink.hooks.length >= 2);
      expect(sink.hooks[1]!.path).toBe('/slack/T0/B0/secret');
      const external = items.find((u: { audience: string }) => u.audience === 'account_team');
      expect(external).toMatchObject({ status: 'draft', needsApproval: true });
      expect(sink.hooks.some((h) => h.path.startsWith('/teams'))).toBe(false);

      const unapproved = await s.api(`/api/v1/updates/${external.id}/send`, { token: cmdr, body: {} });
      expect(unapproved.status).toBe(409);
      expect(unapproved.body.detail).toMatch(/needs an approval/);
      const edited = await s.api(`/api/v1/updates/${external.id}`, { method: 'PUT', token: cmdr, body: { subject: 'Security incident: update for account managers', body: 'The incident is contained.\nPlease send customer questions to the incident desk.' } });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, draftedByMe: true });
      const own = await s.api(`/api/v1/updates/${external.id}/approve`, { token: cmdr, body: {} });
      expect(own.status).toBe(403);
      expect(own.body.detail).toMatch(/drafter of an update cannot approve/);
      expect((await s.api(`/api/v1/updates/${external.id}/approve`, { token: await s.tokenFor('viewer'), body: {} })).status).toBe(404);
      const ok = await s.api(`/api/v1/updates/${external.id}/approve`, { token: counsel, body: {} });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body).toMatchObject({ status: 'approved', approvedBy: 'counsel' });
      const sent = await s.api(`/api/v1/updates/${external.id}/send`, { token: cmdr, body: {} });
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
      expect((await s.api(`/api/v1/updates/${external.id}/send`, { token: cmdr, body: {} })).status).toBe(202);
      const teams = await waitFor(async () => sink.hooks.find((h) => h.path.startsWith('/teams')));
      expect(teams.body).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.4' } }] });
      const card = (teams.body as { attachments: Array<{ content: { body: Array<{ text: string }> } }> }).attachments[0]!.content.body.map((b) => b.text);
      expect(card).toEqual(['Security incident: update for account managers', 'The incident is contained.', 'Please send customer questions to the incident desk.']);
      await waitFor(async () => smtp.mails.some((m) => m.to.includes('accounts@example.test')));
      const done = await waitFor(async () => {
        const r = await s.api(`/api/v1/updates/${external.id}`, { token: cmdr });
        return r.body.status === 'sent' ? r.body : null;
      });
      expect(done.delivery.counts).toMatchObject({ sent: 2, failed: 0 });
      expect(await s.modules.notices.service.outbox.countsByState(external.id)).toMatchObject({ sent: 2 });
      expect(sink.hooks.filter((h) => h.path.startsWith('/teams'))).toHaveLength(1);
      // The delivery job records 'update.sent' just after it sets the status the API answered with
      // (two statements, not one transaction), so the trail is read once that event is there.
      const trailOf = async () => (await s.platform.audit.list({ incidentId: id, subjectType: 'update', subjectId: external.id })).map((e) => e.action);
      const trail = await waitFor(async () => {
        const t = await trailOf();
        return t.includes('update.sent') ? t : null;
      });
      expect(trail).toEqual(['update.drafted', 'update.edited', 'update.approved', 'update.send', 'update.sent']);
    });

    it('a manual draft to an audience nobody receives is refused with the way to fix it', async () => {
      const d = await s.api(`/api/v1/incidents/${id}/updates`, { token: cmdr, body: { audience: 'all_staff' } });
      expect(d.status).toBe(201);
      expect(d.body.body).not.toMatch(/people affected/);
      const r = await s.api(`/api/v1/updates/${d.body.id}/send`, { token: cmdr, body: {} });
      expect(r.status).toBe(400);
      expect(r.body.detail).toMatch(/no recipients for All staff: an admin sets them/);
    });
  });
}
