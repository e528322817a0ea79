/**
 * Issue 17 §6 over real HTTP and a real SMTP server process, on each dialect: people imported with a
 * language column (or without one: their jurisdiction's default) each receive the notice of their
 * jurisdiction in their language — German to German readers, English to the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { type SmtpCatcher, startSmtp } from '../../support/smtp.js';
import { waitFor } from '../../support/wait.js';
import { approvedIndividualNotice, type NoticeTeam, noticeTeamIncident } from './notices-fixtures.js';

const PEOPLE = [
  'Name,E-Mail,Country,Language,Data Exposed',
  'Anna Schmidt,anna@example.test,DE,,name;email', // no language: Germany's default, German
  'Jean Dupont,jean@example.test,DE,fr,name;email', // reads French: no French notice, so English
  'Lena Fischer,lena@example.test,AT,Deutsch,name;email',
  'Piet de Vries,piet@example.test,NL,,name;email', // Dutch by default: no Dutch notice, so English
].join('\n');

const BASE = { organisationName: 'Beispiel GmbH', contactPhone: '+49 30 1234567', contactEmail: 'datenschutz@example.test', dpoContact: 'dsb@example.test', breachDate: '2026-10-01', discoveryDate: '2026-10-05' };
const GERMAN = {
  ...BASE,
  whatHappened: 'Unbekannte haben sich mit gestohlenen Zugangsdaten Zugriff auf unser Kundenportal verschafft und eine Kundenliste heruntergeladen.',
  likelyConsequences: 'Es besteht das Risiko, dass Sie betrügerische E-Mails erhalten, die sich als Nachrichten von uns ausgeben.',
  whatWeAreDoing: 'Wir haben den Zugang gesperrt, alle Passwörter zurückgesetzt und die Aufsichtsbehörde informiert.',
  whatYouCanDo: 'Seien Sie bitte vorsichtig bei E-Mails, die nach Ihren Zugangsdaten fragen, und melden Sie uns solche Nachrichten.',
};
const ENGLISH = {
  ...BASE,
  whatHappened: 'Unknown people used stolen credentials to get into our customer portal and downloaded a customer list.',
  likelyConsequences: 'You may receive fraudulent e-mails that pretend to come from us.',
  whatWeAreDoing: 'We blocked the access, reset every password and informed the supervisory authority.',
  whatYouCanDo: 'Be careful with e-mails that ask for your login details, and report them to us.',
};

for (const dialect of testDialects()) {
  describe(`notices in the recipients' languages on ${dialect}`, () => {
    let s: TestServer;
    let smtp: SmtpCatcher;
    let team: NoticeTeam;
    let cmd: string;
    let legal: string;
    let drafter: string;
    let incidentId: string;

    // biome-ignore lint/suspicious/noExplicitAny: the notice view is inspected field by field
    const approvedNotice = async (language: string | undefined, inputs: object): Promise<any> => approvedIndividualNotice(s, team, { jurisdiction: 'EU', inputs, ...(language ? { language } : {}) });

    beforeAll(async () => {
      smtp = await startSmtp();
      s = await startTestServer(dialect, { BREACHDESK_SMTP_URL: smtp.url, BREACHDESK_MAIL_FROM: 'Datenschutz <datenschutz@example.test>' });
      const r = await noticeTeamIncident(s, 'Kundenportal', PEOPLE);
      team = r.team;
      ({ cmd, legal, drafter, incidentId } = team);
      expect((r.imported.mapping as Record<string, string>).language).toBe('Language');
    });
    afterAll(async () => {
      await s?.close();
      await smtp?.close();
    });

    it('German readers get the German notice, everyone else the English one; the audience counts say so before sending', async () => {
      const de = await approvedNotice('German', GERMAN);
      expect(de).toMatchObject({ language: 'de', rendered: { title: 'Benachrichtigung über eine Verletzung des Schutzes personenbezogener Daten' } });
      const en = await approvedNotice(undefined, ENGLISH);
      expect(en.language).toBe('en');
      expect((await s.api(`/api/v1/notices/${de.id}/audience`, { token: cmd })).body).toMatchObject({ email: 2, total: 2 });
      expect((await s.api(`/api/v1/notices/${en.id}/audience`, { token: cmd })).body).toMatchObject({ email: 2, total: 2 });
      for (const n of [de, en]) expect((await s.api(`/api/v1/notices/${n.id}/send`, { token: cmd, body: {} })).status).toBe(202);
      // Only the notices' mails: the server's task reminders reach the team on the same SMTP server.
      const notices = () => smtp.mails.filter((m) => /^X-Breachdesk-Notice: /m.test(m.data));
      await waitFor(async () => notices().length >= 4);
      const noticeOf = (rcpt: string) => /^X-Breachdesk-Notice: (.+)$/m.exec(notices().find((m) => m.to.includes(rcpt))!.data)?.[1]?.trim();
      expect(Object.fromEntries(['anna', 'lena', 'jean', 'piet'].map((n) => [n, noticeOf(`${n}@example.test`)]))).toEqual({ anna: de.id, lena: de.id, jean: en.id, piet: en.id });
      const anna = notices().find((m) => m.to.includes('anna@example.test'))!.data;
      expect(anna).toMatch(/Guten Tag Anna Schmidt,/);
      expect(notices().find((m) => m.to.includes('piet@example.test'))!.data).toMatch(/Dear Piet de Vries,/);
      expect(notices()).toHaveLength(4);
    });

    it('a German notice with the drafter’s words in English cannot be approved', async () => {
      const d = await s.api('/api/v1/notices', { token: drafter, body: { incidentId, recipient: 'individuals', jurisdiction: 'EU', language: 'de', inputs: ENGLISH } });
      expect(d.body.problems.map((p: { kind: string; item: string }) => `${p.kind}:${p.item}`)).toEqual(['language:whatHappened', 'language:likelyConsequences', 'language:whatWeAreDoing', 'language:whatYouCanDo']);
      const a = await s.api(`/api/v1/notices/${d.body.id}/approve`, { token: legal, body: {} });
      expect(a.status).toBe(422);
      expect((await s.api('/api/v1/notices', { token: drafter, body: { incidentId, recipient: 'individuals', jurisdiction: 'EU', language: 'klingon', inputs: ENGLISH } })).status).toBe(400);
    });
  });
}
