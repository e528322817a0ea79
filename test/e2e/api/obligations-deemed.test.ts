/**
 * Deemed compliance end to end, over real HTTP with a real SMTP server, on each dialect: a HIPAA
 * covered entity whose Washington patients' health records were copied owes the HIPAA individual
 * notice (45 CFR §164.404) and, on its face, Washington's consumer notice (RCW 19.255.010(1)) —
 * which the law deems satisfied by the HIPAA notice. Before the HIPAA campaign the WA duty is owed
 * with the note of which notice would discharge it; once the campaign is sent it is met by deemed
 * compliance (audited, out of the countdowns), and the WA Attorney General notice is still owed.
 * The HIPAA notice itself says, from its draft on, that it also meets the WA duty (`alsoMeets`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { type SmtpCatcher, startSmtp } from '../../support/smtp.js';
import { waitFor } from '../../support/wait.js';
import { assessCsv, FULL_INPUTS } from './notices-fixtures.js';

// 501 Washington patients (the WA AG notice is due above 500, RCW 19.255.010(7)).
const N = 501;
const ssn = (i: number) => `5${String(i).padStart(2, '0').slice(-2)}-${String(10 + (i % 89)).padStart(2, '0')}-${String(1000 + i).slice(-4)}`;
const LEAK = ['first_name,last_name,email,ssn,state,diagnosis'].concat(Array.from({ length: N }, (_, i) => `Pat${i},Ward${i},pat${i}@example.org,${ssn(i)},WA,asthma`)).join('\n');
const PEOPLE = ['name,email,state,email_consent'].concat(Array.from({ length: 3 }, (_, i) => `Pat${i} Ward${i},pat${i}@example.org,WA,yes`)).join('\n');

type Item = {
  id: string;
  itemId: string;
  status: string;
  owed: boolean;
  required: unknown;
  satisfiedBy?: { via: string; by: string | null }[];
  deemedCompliance?: { state: string; by: string | null; label: string; waitingFor: string[] };
  met: { deemed?: { label: string; by: string } } | null;
};

for (const dialect of testDialects()) {
  describe(`a HIPAA notice meets Washington's consumer notice by deemed compliance, on ${dialect}`, () => {
    let s: TestServer;
    let smtp: SmtpCatcher;
    let cmd: string;
    let legal: string;
    let drafter: string;
    let incidentId: string;
    const list = async () => (await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token: cmd })).body as { nextDeadline: { id: string } | null; items: Item[] };
    const item = async (id: string) => (await list()).items.find((i) => i.id === id)!;

    beforeAll(async () => {
      smtp = await startSmtp();
      s = await startTestServer(dialect, { BREACHDESK_SMTP_URL: smtp.url, BREACHDESK_MAIL_FROM: 'Privacy <privacy@example.test>' });
      cmd = await s.tokenFor('incident_commander');
      // The users exist once they have a token: the members below are added by name.
      legal = await s.tokenFor('legal');
      drafter = await s.tokenFor('responder');
      const profile = { establishments: ['US'], hipaa: 'covered_entity', name: 'Cascade Clinic', address: '1 Rainier Ave, Seattle', contactEmail: 'privacy@cascade.test', contactPhone: '+1 206 555 0100' };
      expect((await s.api('/api/v1/org/profile', { method: 'PUT', token: await s.tokenFor('admin'), body: profile })).status).toBe(200);
      incidentId = (await s.api('/api/v1/incidents', { token: cmd, body: { title: 'Patient records copied', awareAt: new Date(Date.now() - 86_400_000).toISOString(), status: 'confirmed' } })).body.id;
      for (const [username, role] of [
        ['legal-user', 'legal_counsel'],
        ['responder-user', 'communications'],
      ])
        expect((await s.api(`/api/v1/incidents/${incidentId}/members`, { token: cmd, body: { username, role } })).status).toBeLessThan(300);
      await assessCsv(s, cmd, incidentId, LEAK, 'patients.csv');
      expect((await s.api(`/api/v1/incidents/${incidentId}/people/import`, { token: cmd, body: PEOPLE, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
      const f = await s.api(`/api/v1/incidents/${incidentId}/breach-facts`, { method: 'PUT', token: cmd, body: { breach: { acquisition: true, malicious: true }, reason: 'exfiltration confirmed' } });
      expect(f.status, JSON.stringify(f.body)).toBe(200);
      await waitFor(async () => ((await item('US-WA.individuals.2020'))?.required === true ? true : null));
    });
    afterAll(async () => {
      await s?.close();
      await smtp?.close();
    });

    it('before the HIPAA notice: the WA duty is owed, in the countdown, with the notice that would discharge it', async () => {
      const wa = await item('US-WA.individuals.2020');
      expect(wa.owed).toBe(true);
      expect(wa.satisfiedBy).toEqual([expect.objectContaining({ via: 'hipaa', by: 'US.hipaa.individuals' })]);
      expect(wa.deemedCompliance).toMatchObject({ state: 'pending', by: 'US.hipaa.individuals', waitingFor: ['US.hipaa.individuals'] });
      expect(wa.deemedCompliance!.label).toMatch(/RCW 19\.255\.010/);
    });

    it('the HIPAA campaign sent: the WA duty is met by deemed compliance (audited) and leaves the countdowns; the WA AG notice stays owed', async () => {
      const d = await s.api('/api/v1/notices', { token: drafter, body: { incidentId, recipient: 'individuals', jurisdiction: 'US', ruleId: 'US.hipaa.individuals', inputs: FULL_INPUTS, elements: ['person_name', 'us_ssn', 'health'] } });
      expect(d.status, JSON.stringify(d.body)).toBe(201);
      // The campaign says before it is sent which state duty it will meet too (and why).
      expect(d.body.alsoMeets).toEqual([expect.objectContaining({ ruleId: 'US-WA.individuals.2020', jurisdiction: 'US-WA', recipient: 'individuals', state: 'pending' })]);
      expect(d.body.alsoMeets[0].label).toMatch(/RCW 19\.255\.010/);
      for (const tok of [legal, cmd]) expect((await s.api(`/api/v1/notices/${d.body.id}/approve`, { token: tok, body: {} })).status).toBe(200);
      expect((await s.api(`/api/v1/notices/${d.body.id}/send`, { token: cmd, body: {} })).status).toBe(202);
      await waitFor(async () => ((await s.api(`/api/v1/notices/${d.body.id}/status`, { token: cmd })).body.status === 'sent' ? true : null));
      expect((await item('US.hipaa.individuals')).status).toBe('done');
      expect((await s.api(`/api/v1/notices/${d.body.id}`, { token: cmd })).body.alsoMeets).toEqual([expect.objectContaining({ ruleId: 'US-WA.individuals.2020', state: 'met' })]);
      const wa = await item('US-WA.individuals.2020');
      expect(wa.status).toBe('done');
      expect(wa.owed).toBe(false);
      expect(wa.met?.deemed).toMatchObject({ by: 'US.hipaa.individuals' });
      expect(wa.met!.deemed!.label).toMatch(/^Met by HIPAA notice \(deemed compliance, RCW 19\.255\.010/);
      const ag = await item('US-WA.regulator.2020');
      expect(ag.owed).toBe(true);
      expect((await list()).nextDeadline?.id).not.toBe('US-WA.individuals.2020');
      const events = (await s.platform.audit.list({ incidentId })).filter((e) => e.action === 'obligation.met_by_deemed_compliance');
      expect(events.map((e) => (e.after as { rule: string }).rule)).toEqual(['US-WA.individuals.2020']);
      // The breach register says how: by the HIPAA notice, under the state's clause.
      const reg = await s.api('/api/v1/register/export?format=json', { token: cmd });
      const entry = (reg.body.items ?? reg.body).find((e: { incidentId: string }) => e.incidentId === incidentId);
      expect(entry.notifications.join('\n')).toMatch(/individuals US-WA \(US-WA\.individuals\.2020\) met by US\.hipaa\.individuals \(deemed compliance, RCW 19\.255\.010[^)]*\)\) by e-mail and post/);
    });
  });
}
