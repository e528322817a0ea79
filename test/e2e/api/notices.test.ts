import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { createSmtpMailer } from '../../../src/notices/mailer.js';
import { FULL_INPUTS, type NoticesHarness, openNoticesHarness, type Sink, startSink } from './notices-fixtures.js';
import { fetchPdfText } from '../../support/pdf.js';

// Everyone consented to electronic notice (E-SIGN, 15 U.S.C. §7001(c)): these tests are about
// delivery, not the channel the law allows (that is notices-channels.test.ts).
const CSV = [
  'Full Name,E-mail,Street,City,State,ZIP,Phone,Data Exposed,Do Not Contact,Minor,E-mail Consent',
  'Alice Adams,alice@example.test,1 Elm St,Los Angeles,CA,90001,,SSN;name,,,yes',
  'Bob Brown,BOB@example.test,2 Oak St,San Diego,California,92101,,name|email,,,yes',
  'Bob Again,bob@example.test,9 Pine St,Fresno,CA,93650,,name,,,yes', // duplicate e-mail → de-duplicated
  'Carol Clark,,3 Birch St,Sacramento,CA,94203,,name;address,,,yes', // no e-mail → postal
  'Dan Doe,dan@reject.example.test,4 Ash St,Oakland,CA,94601,,name,,,yes', // the sink answers 550 → bounced
  'Eve Evans,eve@defer.example.test,5 Fir St,San Jose,CA,95101,,name,,,yes', // 451 first → retried, then sent
  'Frank Fox,frank@example.test,6 Yew St,Boston,MA,02108,,ssn,,,yes',
  'Gina Gray,gina@example.test,7 Elm St,Irvine,CA,92602,,name,yes,,yes', // no contact → suppressed
  'Hal Hill,hal@example.test,8 Elm St,Fresno,CA,93650,,name,,yes,yes', // minor → parent or guardian
].join('\n');

for (const dialect of testDialects()) {
  describe(`notices API on ${dialect}`, () => {
    let h: NoticesHarness;
    let sink: Sink;
    let dir: string;
    let incidentId: string;
    let legal: { token: string; userId: string };
    let commander: { token: string; userId: string };
    let viewer: { token: string; userId: string };
    let outsider: { token: string; userId: string };
    let drafter: { token: string; userId: string };
    let caNotice: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'bd-notices-'));
      sink = await startSink(dir, { SINK_REJECT: '@reject\\.', SINK_DEFER: '@defer\\.' });
      h = await openNoticesHarness(dialect, { BREACHDESK_SMTP_URL: sink.url, BREACHDESK_MAIL_FROM: 'Example Retail <notices@example.test>' }, { delivery: { backoffBaseMs: 50 } });
      legal = await h.tokenFor('legal', 'lena-legal');
      commander = await h.tokenFor('responder', 'cora-commander');
      viewer = await h.tokenFor('viewer', 'vic-viewer');
      outsider = await h.tokenFor('responder', 'otto-outsider');
      // Drafts come from a third person: the drafter never approves (issue 20 §5).
      drafter = await h.tokenFor('responder', 'dan-drafter');
      incidentId = await h.createIncident([
        { userId: commander.userId, role: 'commander' },
        { userId: legal.userId, role: 'member' },
        { userId: viewer.userId, role: 'member' },
        { userId: drafter.userId, role: 'communications' },
      ]);
      await h.platform.jobs.start();
    });
    afterAll(async () => {
      await h?.close();
      await sink?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('previews the automatic header mapping without importing', async () => {
      const r = await h.api(`/api/v1/incidents/${incidentId}/people/preview`, { token: commander.token, body: CSV, contentType: 'text/csv' });
      expect(r.status).toBe(200);
      expect(r.body.mapping).toMatchObject({ name: 'Full Name', email: 'E-mail', addressLine1: 'Street', city: 'City', region: 'State', postalCode: 'ZIP', elements: 'Data Exposed', noContact: 'Do Not Contact', minor: 'Minor' });
      expect(r.body.rows).toBe(9);
      expect(r.body.sample[0]).toMatchObject({ name: 'A*** A***', email: 'a***@example.test', jurisdiction: 'US-CA', elements: ['us_ssn', 'person_name'] });
      const list = await h.api(`/api/v1/incidents/${incidentId}/people`, { token: commander.token });
      expect(list.body.items).toHaveLength(0);
    });

    it('imports people encrypted, de-duplicated by blind index, counted per jurisdiction', async () => {
      const denied = await h.api(`/api/v1/incidents/${incidentId}/people/import`, { token: outsider.token, body: CSV, contentType: 'text/csv' });
      expect(denied.status).toBe(404);
      const r = await h.api(`/api/v1/incidents/${incidentId}/people/import`, { token: commander.token, body: CSV, contentType: 'text/csv' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ rows: 9, imported: 8, duplicates: 1, byJurisdiction: { 'US-CA': 7, 'US-MA': 1 } });
      // Re-importing the same file adds nobody.
      const again = await h.api(`/api/v1/incidents/${incidentId}/people/import`, { token: commander.token, body: CSV, contentType: 'text/csv' });
      expect(again.body).toMatchObject({ imported: 0, duplicates: 9 });
      const rows = await h.kdb.selectFrom('notice_people').selectAll().execute();
      const raw = JSON.stringify(rows);
      for (const secret of ['alice@example.test', 'Alice', 'Elm St', 'bob@example.test']) expect(raw).not.toContain(secret);
      expect(await h.service.countsByJurisdiction(incidentId)).toEqual({ 'US-CA': 7, 'US-MA': 1 });
      const counts = await h.api(`/api/v1/incidents/${incidentId}/people/counts`, { token: viewer.token });
      expect(counts.body.byJurisdiction).toEqual({ 'US-CA': 7, 'US-MA': 1 });
    });

    it('accepts the assessment matches as JSON', async () => {
      const other = await h.createIncident([{ userId: commander.userId, role: 'commander' }]);
      const r = await h.api(`/api/v1/incidents/${other}/people/matches`, {
        token: commander.token,
        body: {
          defaultJurisdiction: 'FR',
          people: [{ name: 'Zoé Z', email: 'zoe@example.test', elements: ['email'] }, { name: 'Zoé again', email: 'ZOE@example.test' }, { name: 'Y', jurisdiction: 'de' }, { name: 'X', email: 'x@y\nBcc: evil@example.test' }],
        },
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ imported: 3, duplicates: 1, byJurisdiction: { FR: 2, DE: 1 }, warnings: [{ row: 4, warning: 'e-mail is not usable' }] });
    });

    it('drafts a California notice and refuses to approve it while a required item is missing, naming it', async () => {
      const { whatYouCanDo: _omit, lawEnforcementDelay: _l, ...partial } = FULL_INPUTS;
      const r = await h.api('/api/v1/notices', { token: drafter.token, body: { incidentId, recipient: 'individuals', jurisdiction: 'US-CA', inputs: partial } });
      expect(r.status).toBe(201);
      caNotice = r.body.id;
      expect(r.body.ruleIds[0]).toMatch(/^US-CA\.individuals/);
      expect(r.body.rendered.title).toBe('Notice of Data Breach');
      expect(r.body.rendered.sections.map((s: { heading: string }) => s.heading)).toEqual(
        expect.arrayContaining(['What Happened?', 'What Information Was Involved?', 'What We Are Doing.', 'What You Can Do.', 'For More Information.']),
      );
      const messages = r.body.problems.map((p: { message: string }) => p.message);
      expect(messages).toContain('placeholder {{whatYouCanDo}} has no value');
      expect(messages.some((m: string) => m.includes('whether notice was delayed by law enforcement'))).toBe(true);
      const refused = await h.api(`/api/v1/notices/${caNotice}/approve`, { token: legal.token, body: {} });
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toContain('whatYouCanDo');
      expect(refused.body.detail).toContain('whether notice was delayed by law enforcement');
    });

    it('approves only with a legal member and the commander, two people; then the version is immutable', async () => {
      const rev = await h.api(`/api/v1/notices/${caNotice}`, { method: 'PATCH', token: commander.token, body: { inputs: FULL_INPUTS } });
      expect(rev.status).toBe(200);
      expect(rev.body.version).toBe(2);
      expect(rev.body.problems).toEqual([]);
      // SSN was exposed: bureau contacts and 12+ months of monitoring are covered.
      expect(rev.body.rendered.coverage.find((c: { item: string }) => c.item.startsWith('toll-free numbers'))?.status).toBe('met');
      expect((await h.api(`/api/v1/notices/${caNotice}/approve`, { token: viewer.token, body: {} })).status).toBe(403);
      // Issue 20 §5: the drafter cannot approve, whatever their role (made commander here, too).
      expect((await h.api(`/api/v1/notices/${caNotice}`, { token: drafter.token })).body.draftedByMe).toBe(true);
      await h.kdb.updateTable('incident_members' as never).set({ role: 'commander' } as never).where('user_id' as never, '=', drafter.userId as never).where('incident_id' as never, '=', incidentId as never).execute();
      const own = await h.api(`/api/v1/notices/${caNotice}/approve`, { token: drafter.token, body: {} });
      expect(own.status).toBe(403);
      expect(own.body.detail).toMatch(/the drafter of a notice cannot approve it/);
      await h.kdb.updateTable('incident_members' as never).set({ role: 'communications' } as never).where('user_id' as never, '=', drafter.userId as never).where('incident_id' as never, '=', incidentId as never).execute();
      expect((await h.api(`/api/v1/notices/${caNotice}/approve`, { token: outsider.token, body: {} })).status).toBe(404);
      const first = await h.api(`/api/v1/notices/${caNotice}/approve`, { token: legal.token, body: {} });
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('review');
      expect((await h.api(`/api/v1/notices/${caNotice}/approve`, { token: legal.token, body: {} })).status).toBe(409);
      expect((await h.api(`/api/v1/notices/${caNotice}/send`, { token: commander.token, body: {} })).status).toBe(409);
      const second = await h.api(`/api/v1/notices/${caNotice}/approve`, { token: commander.token, body: {} });
      expect(second.body.status).toBe('approved');
      expect(second.body.approvals.map((a: { capacity: string }) => a.capacity).sort()).toEqual(['commander', 'legal']);
      expect(second.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
      const change = await h.api(`/api/v1/notices/${caNotice}`, { method: 'PATCH', token: commander.token, body: { inputs: { whatHappened: 'changed' } } });
      expect(change.status).toBe(409);
      const audit = await h.platform.audit.list({ incidentId });
      expect(audit.filter((e) => e.action === 'notice.approve')).toHaveLength(2);
    });

    it('renders text, HTML and a PDF letter', async () => {
      const text = await h.api(`/api/v1/notices/${caNotice}/preview?format=text`, { token: viewer.token });
      expect(text.text).toContain('Notice of Data Breach');
      expect(text.text).toContain('Equifax');
      const html = await h.api(`/api/v1/notices/${caNotice}/preview?format=html`, { token: viewer.token });
      expect(html.text).toContain('<h2 style="font-size:13pt">What Happened?</h2>');
      const pdf = await fetchPdfText(`${h.url}/api/v1/notices/${caNotice}/preview?format=pdf`, viewer.token);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.head).toBe('%PDF-');
      expect(pdf.text).toContain('Notice of Data Breach');
    });

    it('sends through the outbox: e-mail once each, 4xx retried, 5xx bounced, postal for the rest', async () => {
      const sent = await h.api(`/api/v1/notices/${caNotice}/send`, { token: commander.token, body: {} });
      expect(sent.status).toBe(202);
      let status = sent.body;
      for (let i = 0; i < 200 && status.status !== 'sent'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await h.api(`/api/v1/notices/${caNotice}/status`, { token: viewer.token })).body;
      }
      expect(status.status).toBe('sent');
      // CA audience: 7 people, Gina is no-contact; Carol has no e-mail; Dan bounces.
      expect(status.counts).toMatchObject({ queued: 0, sending: 0, sent: 4, bounced: 1, postal: 1, failed: 0 });
      expect(status.suppressed).toBe(1);
      const got = sink.lines();
      const rcpts = got.map((l) => l.rcpt).sort();
      expect(rcpts).toEqual(['alice@example.test', 'bob@example.test', 'eve@defer.example.test', 'hal@example.test']);
      expect(new Set(got.map((l) => l.messageId)).size).toBe(4);
      const eve = await h.kdb.selectFrom('notice_outbox').selectAll().where('notice_id', '=', caNotice).where('state', '=', 'sent').execute();
      expect(eve.find((r) => got.find((g) => g.rcpt.startsWith('eve'))!.messageId === r.message_id)?.attempts).toBe(2);
      const dan = await h.kdb.selectFrom('notice_outbox').selectAll().where('notice_id', '=', caNotice).where('state', '=', 'bounced').executeTakeFirstOrThrow();
      expect(dan.attempts).toBe(1);
      expect(dan.last_code).toBe(550);
      // A second send request changes nothing.
      await h.api(`/api/v1/notices/${caNotice}/send`, { token: commander.token, body: {} });
      await new Promise((r) => setTimeout(r, 300));
      expect(sink.lines()).toHaveLength(4);
    });

    it('exports a postal batch and imports print-vendor results and bounces', async () => {
      const csv = await h.api(`/api/v1/notices/${caNotice}/postal?format=csv`, { token: legal.token });
      const lines = csv.text.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('Carol Clark');
      expect(lines[1]).toContain('3 Birch St');
      const letterId = lines[1]!.split(',')[0]!;
      const pdf = await fetchPdfText(`${h.url}/api/v1/notices/${caNotice}/postal?format=pdf`, legal.token);
      expect(pdf.text).toContain('Carol Clark');
      const alice = sink.lines().find((l) => l.rcpt === 'alice@example.test')!;
      const results = `letter_id,message_id,status,date\n${letterId},,mailed,2026-11-20\n,${alice.messageId},bounced,2026-11-21\n,<nope@x>,bounced,\n`;
      const r = await h.api(`/api/v1/notices/${caNotice}/results`, { token: commander.token, body: results, contentType: 'text/csv' });
      expect(r.body).toEqual({ rows: 3, updated: 2, unknown: 1 });
      const status = (await h.api(`/api/v1/notices/${caNotice}/status`, { token: viewer.token })).body;
      expect(status.counts).toMatchObject({ sent: 3, bounced: 2, postal: 0, printed: 1 });
      const people = (await h.api(`/api/v1/incidents/${incidentId}/people?limit=100`, { token: viewer.token })).body.items as { name: string; state: string; stateChannel: string }[];
      expect(people.find((p) => p.name === 'C*** C***')).toMatchObject({ state: 'notified', stateChannel: 'postal' });
      expect(people.find((p) => p.name === 'A*** A***')).toMatchObject({ state: 'bounced' });
      // Set when the campaign settled: e-mail delivery and the 550 bounce.
      expect(people.find((p) => p.name === 'B*** B***')).toMatchObject({ state: 'notified', stateChannel: 'email' });
      expect(people.find((p) => p.name === 'D*** D***')).toMatchObject({ state: 'bounced', stateChannel: 'email' });
      expect(people.find((p) => p.name === 'G*** G***')).toMatchObject({ state: 'pending' });
    });

    it('tracks each obligation and exports proof of notice', async () => {
      const t = await h.api(`/api/v1/incidents/${incidentId}/notices/tracking`, { token: viewer.token });
      const ob = t.body.obligations.find((o: { noticeId: string }) => o.noticeId === caNotice);
      expect(ob.ruleId).toMatch(/^US-CA\.individuals/);
      expect(ob.reached.email.count).toBe(3);
      expect(ob.reached.postal.count).toBe(1);
      const proof = await h.api(`/api/v1/notices/${caNotice}/proof`, { token: viewer.token });
      const notice = (await h.api(`/api/v1/notices/${caNotice}`, { token: viewer.token })).body;
      expect(proof.text).toContain(notice.contentHash);
      expect(proof.text).not.toContain('alice@example.test');
      expect(proof.text).toContain('a***@example.test');
      expect(proof.text.trim().split('\n')).toHaveLength(2 + 6);
      expect((await h.api(`/api/v1/notices/${caNotice}/proof?unmask=true`, { token: viewer.token })).status).toBe(403);
      const clear = await h.api(`/api/v1/notices/${caNotice}/proof?unmask=true`, { token: legal.token });
      expect(clear.text).toContain('alice@example.test');
      const audit = await h.platform.audit.list({ incidentId });
      expect(audit.filter((e) => e.action === 'notice.export-proof').map((e) => (e.after as { unmasked: boolean }).unmasked)).toEqual([false, true]);
    });

    it('two deliverers draining one campaign at once never send a row twice', async () => {
      const inc = await h.createIncident([
        { userId: commander.userId, role: 'commander' },
        { userId: legal.userId, role: 'member' },
        { userId: drafter.userId, role: 'communications' },
      ]);
      const people = Array.from({ length: 300 }, (_, i) => ({ name: `P ${i}`, email: `twin${i}@example.test`, elements: ['person_name', 'email'], emailConsent: true }));
      expect((await h.api(`/api/v1/incidents/${inc}/people/matches`, { token: commander.token, body: { defaultJurisdiction: 'US-TX', people } })).body.imported).toBe(300);
      const d = await h.api('/api/v1/notices', { token: drafter.token, body: { incidentId: inc, recipient: 'individuals', jurisdiction: 'US-TX', inputs: FULL_INPUTS } });
      expect(d.body.problems).toEqual([]);
      expect((await h.api(`/api/v1/notices/${d.body.id}/approve`, { token: legal.token, body: {} })).body.status).toBe('review');
      expect((await h.api(`/api/v1/notices/${d.body.id}/approve`, { token: commander.token, body: {} })).body.status).toBe('approved');
      // Build the outbox without the job (the queue is stopped), then race two deliverers.
      await h.platform.jobs.stop();
      await h.service.materialize(d.body.id);
      await h.kdb.updateTable('notices').set({ status: 'sending' }).where('id', '=', d.body.id).execute();
      const before = sink.lines().length;
      const mailA = createSmtpMailer({ url: sink.url, connections: 2 });
      const mailB = createSmtpMailer({ url: sink.url, connections: 2 });
      const [a, b] = await Promise.all([
        h.service.deliverer(mailA, { batchSize: 10, concurrency: 8 }).drain({ noticeId: d.body.id }),
        h.service.deliverer(mailB, { batchSize: 10, concurrency: 8 }).drain({ noticeId: d.body.id }),
      ]);
      await mailA.close();
      await mailB.close();
      await h.platform.jobs.start();
      const failedRow = await h.kdb.selectFrom('notice_outbox').select('last_error').where('notice_id', '=', d.body.id).where('state', '=', 'failed').executeTakeFirst();
      expect({ a, b, error: failedRow?.last_error ?? null }).toMatchObject({ a: { failed: 0 }, b: { failed: 0 }, error: null });
      expect(a.sent + b.sent).toBe(300);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      const got = sink.lines().slice(before).filter((l) => l.rcpt.startsWith('twin'));
      expect(got).toHaveLength(300);
      expect(new Set(got.map((l) => l.rcpt)).size).toBe(300);
    });

    it('Massachusetts: the nature of the breach and the number of residents are refused', async () => {
      const ok = await h.api('/api/v1/notices', { token: drafter.token, body: { incidentId, recipient: 'individuals', jurisdiction: 'US-MA', inputs: FULL_INPUTS } });
      expect(ok.status).toBe(201);
      expect(ok.body.rendered.sections.map((s: { key: string }) => s.key)).not.toContain('whatHappened');
      expect(ok.body.problems).toEqual([]);
      const bad = await h.api('/api/v1/notices', {
        token: drafter.token,
        body: { incidentId, recipient: 'individuals', jurisdiction: 'US-MA', inputs: { ...FULL_INPUTS, residentsAffected: 1, whatWeAreDoing: `${FULL_INPUTS.whatHappened} It affected 1 resident.` } },
      });
      const items = bad.body.problems.map((p: { item: string }) => p.item);
      expect(items).toContain('the nature of the breach or unauthorised acquisition or use');
      expect(items).toContain('the number of Massachusetts residents affected');
      const refused = await h.api(`/api/v1/notices/${bad.body.id}/approve`, { token: legal.token, body: {} });
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toContain('prohibited content present: the nature of the breach');
    });

    it('drafts regulator packets with structured fields and a cover letter', async () => {
      const ag = await h.api('/api/v1/notices', { token: drafter.token, body: { incidentId, recipient: 'regulator', jurisdiction: 'US-CA', inputs: { ...FULL_INPUTS, sampleNoticeRef: 'attachment A', reporterName: 'Cora', reporterTitle: 'CISO' } } });
      expect(ag.status).toBe(201);
      expect(ag.body.rendered.fields).toMatchObject({ entityName: 'Example Retail Inc.', residentsAffected: '7', totalAffected: '8' });
      expect(ag.body.problems).toEqual([]);
      const gdpr = await h.api('/api/v1/notices', { token: drafter.token, body: { incidentId, recipient: 'regulator', jurisdiction: 'FR', inputs: FULL_INPUTS } });
      expect(gdpr.body.ruleIds).toEqual(['FR.gdpr.sa']);
      expect(Object.keys(gdpr.body.rendered.fields)).toEqual(expect.arrayContaining(['natureOfBreach', 'categoriesOfData', 'approximateDataSubjects', 'dpoContact', 'likelyConsequences', 'measures']));
      const cb = await h.api('/api/v1/notices', { token: drafter.token, body: { incidentId, recipient: 'credit_bureaus', jurisdiction: 'US-MA', inputs: FULL_INPUTS } });
      expect(cb.body.rendered.title).toBe('Notice to consumer reporting agencies');
      const web = await h.api('/api/v1/notices', { token: drafter.token, body: { incidentId, recipient: 'substitute', jurisdiction: 'US-CA', inputs: FULL_INPUTS } });
      expect(web.body.kind).toBe('substitute');
      expect(web.body.problems).toEqual([]);
      const send = await h.api(`/api/v1/notices/${ag.body.id}/send`, { token: commander.token, body: {} });
      expect(send.status).toBe(400);
    });
  });
}
