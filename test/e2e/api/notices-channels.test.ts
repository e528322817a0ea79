/**
 * E-mail only where the law lets it count as notice, over real HTTP and a real SMTP server, on
 * each dialect (rule `electronicNotice`; src/notices/electronic-notice.ts):
 * - California (Civ. Code §1798.82(j)(2), E-SIGN 15 U.S.C. §7001(c)): e-mail with consent; without
 *   it, post — or, with no postal address, unreachable (substitute notice) — counted before and after.
 * - GDPR (Art. 34): e-mail with or without consent.
 * - Colorado (C.R.S. §6-1-716(1)(f)(III)): the incident's "primary means" declaration (audited) suffices.
 * - HIPAA (45 CFR §164.404(d)(1)): only the individual's agreement; the declaration does not count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { type SmtpCatcher, startSmtp } from '../../support/smtp.js';
import { waitFor } from '../../support/wait.js';
import { approvedIndividualNotice, FULL_INPUTS, type NoticeTeam, noticeTeamIncident } from './notices-fixtures.js';

const PEOPLE = [
  'Name,E-mail,Street,City,State,Country,ZIP,Data Exposed,Paperless',
  'Cal Noconsent,cal@example.test,1 Elm St,Los Angeles,CA,US,90001,name;SSN,', // CA, e-mail, no consent stated → post
  'Cara Consent,cara@example.test,2 Oak St,San Diego,CA,US,92101,name;SSN,2024-03-14', // consent given that day → e-mail
  'Cy Refused,cy@example.test,,,CA,US,,name;SSN,no', // refused, no postal address → unreachable
  'Dora Deutsch,dora@example.test,Hauptstr. 1,Berlin,,DE,10115,name;email,', // GDPR: e-mail without consent
  'Col Primary,col@example.test,3 Pine St,Denver,CO,US,80202,name;SSN,', // CO: e-mail once e-mail is declared the primary means
].join('\n');

for (const dialect of testDialects()) {
  describe(`notice channels the law allows, on ${dialect}`, () => {
    let s: TestServer;
    let smtp: SmtpCatcher;
    let team: NoticeTeam;
    let cmd: string;
    let legal: string;
    let incidentId: string;

    const noticeMails = (noticeId: string) => smtp.mails.filter((m) => m.data.includes(`X-Breachdesk-Notice: ${noticeId}`)).flatMap((m) => m.to);
    const approved = async (jurisdiction: string, ruleId?: string) => (await approvedIndividualNotice(s, team, { jurisdiction, ...(ruleId ? { ruleId } : {}), inputs: FULL_INPUTS })).id;
    const sendAndSettle = async (id: string) => {
      expect((await s.api(`/api/v1/notices/${id}/send`, { token: cmd, body: {} })).status).toBe(202);
      let st = { status: '' } as { status: string; counts: Record<string, number>; emailNotPermitted: { postal: number; failed: number } };
      await waitFor(async () => {
        st = (await s.api(`/api/v1/notices/${id}/status`, { token: cmd })).body;
        return st.status === 'sent';
      });
      return st;
    };

    beforeAll(async () => {
      smtp = await startSmtp();
      s = await startTestServer(dialect, { BREACHDESK_SMTP_URL: smtp.url, BREACHDESK_MAIL_FROM: 'Privacy <privacy@example.test>' });
      const r = await noticeTeamIncident(s, 'Customer database copied', PEOPLE);
      team = r.team;
      ({ cmd, legal, incidentId } = team);
      expect(r.imported).toMatchObject({ imported: 5, mapping: { emailConsent: 'Paperless' } });
    });
    afterAll(async () => {
      await s?.close();
      await smtp?.close();
    });

    it('the people view shows each consent (masked names, consent day)', async () => {
      const items = (await s.api(`/api/v1/incidents/${incidentId}/people`, { token: cmd })).body.items as { name: string; emailConsent: boolean | null; emailConsentAt: string | null }[];
      const by = (n: string) => items.find((p) => p.name === n);
      expect(by('C*** C***')).toMatchObject({ emailConsent: true, emailConsentAt: '2024-03-14' });
      expect(by('C*** N***')).toMatchObject({ emailConsent: null });
      expect(by('C*** R***')).toMatchObject({ emailConsent: false });
    });

    it('California: a resident with e-mail and no consent gets post; with consent, e-mail — counted before sending and in the status and proof', async () => {
      const ca = await approved('US-CA');
      const a = (await s.api(`/api/v1/notices/${ca}/audience`, { token: cmd })).body;
      expect(a).toMatchObject({ email: 1, postal: 1, unreachable: 1, total: 3, emailNotPermitted: 2, electronicNotice: { allowed: 'consent', primaryEmail: false } });
      expect(a.electronicNotice.basis).toMatch(/1798\.82\(j\)/);
      const st = await sendAndSettle(ca);
      expect(st.counts).toMatchObject({ sent: 1, postal: 1, failed: 1 });
      expect(st.emailNotPermitted).toEqual({ postal: 1, failed: 1 });
      expect(noticeMails(ca)).toEqual(['cara@example.test']);
      const proof = (await s.api(`/api/v1/notices/${ca}/proof`, { token: legal })).text as string;
      const [comment, header, ...rows] = proof.trim().split('\n');
      expect(comment).toMatch(/not e-mailed for want of consent to electronic notice \(E-SIGN 15 U\.S\.C\. §7001\(c\)\): 2$/);
      expect(header).toBe('person_id,recipient,channel,state,at,message_id,content_hash,attempts,last_code,channel_reason');
      expect(rows.filter((r) => r.endsWith(',no_consent')).map((r) => r.split(',')[3]).sort()).toEqual(['failed', 'postal']);
      const failed = (await s.api(`/api/v1/incidents/${incidentId}/people`, { token: cmd })).body.items.find((p: { name: string }) => p.name === 'C*** R***');
      expect(failed).toMatchObject({ state: 'failed' });
    });

    it('GDPR (Art. 34): a German resident is e-mailed without any consent', async () => {
      const de = await approved('DE');
      expect((await s.api(`/api/v1/notices/${de}/audience`, { token: cmd })).body).toMatchObject({ email: 1, emailNotPermitted: 0, electronicNotice: { allowed: 'any' } });
      const st = await sendAndSettle(de);
      expect(st.counts).toMatchObject({ sent: 1, postal: 0 });
      expect(noticeMails(de)).toEqual(['dora@example.test']);
    });

    it('Colorado: the primary-means declaration (who, when, audited) lets the notice e-mail; HIPAA still needs the agreement', async () => {
      const denied = await s.api(`/api/v1/incidents/${incidentId}/notices/email-primary`, { method: 'PUT', token: await s.tokenFor('viewer'), body: { primaryEmail: true } });
      expect(denied.status).toBeGreaterThanOrEqual(403);
      const put = await s.api(`/api/v1/incidents/${incidentId}/notices/email-primary`, { method: 'PUT', token: cmd, body: { primaryEmail: true, statement: 'Customers are served through their online accounts and e-mail only.' } });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body).toMatchObject({ primaryEmail: true, declaredBy: expect.any(String), declaredAt: expect.any(String) });
      const tl = (await s.api(`/api/v1/incidents/${incidentId}/timeline?limit=200`, { token: cmd })).body.items as { action?: string | null }[];
      expect(tl.map((e) => e.action)).toContain('notice.email_primary');

      const co = await approved('US-CO');
      const st = await sendAndSettle(co);
      expect(st.emailNotPermitted).toEqual({ postal: 0, failed: 0 });
      expect(noticeMails(co)).toEqual(['col@example.test']);

      const hipaa = await approved('US', 'US.hipaa.individuals');
      const a = (await s.api(`/api/v1/notices/${hipaa}/audience`, { token: cmd })).body;
      expect(a).toMatchObject({ email: 1, postal: 2, unreachable: 1, emailNotPermitted: 3, electronicNotice: { ruleId: 'US.hipaa.individuals', allowed: 'consent', primaryEmail: true } });
      const hs = await sendAndSettle(hipaa);
      expect(hs.emailNotPermitted).toEqual({ postal: 2, failed: 1 });
      expect(noticeMails(hipaa)).toEqual(['cara@example.test']);
    });

    it('the declaration can be withdrawn: the same row changes, and the audit trail keeps both, before and after', async () => {
      const off = await s.api(`/api/v1/incidents/${incidentId}/notices/email-primary`, { method: 'PUT', token: legal, body: { primaryEmail: false } });
      expect(off.body).toMatchObject({ primaryEmail: false, statement: null });
      expect((await s.api(`/api/v1/incidents/${incidentId}/notices/email-primary`, { token: cmd })).body.primaryEmail).toBe(false);
      const events = await s.platform.audit.list({ incidentId });
      const declared = events.filter((e) => e.action === 'notice.email_primary');
      expect(declared.map((e) => [e.before, e.after])).toEqual([
        [null, { primaryEmail: true, statement: 'Customers are served through their online accounts and e-mail only.' }],
        [{ primaryEmail: true, statement: 'Customers are served through their online accounts and e-mail only.' }, { primaryEmail: false, statement: null }],
      ]);
    });
  });
}
