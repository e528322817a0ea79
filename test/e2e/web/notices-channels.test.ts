/**
 * The web notices page shows what the law lets a notice do with e-mail (docs/notices.md
 * "Channels"): each affected person's consent to electronic notice, the "e-mail is our primary
 * means" declaration (made in the UI, audited), and — for approval, before sending and after —
 * how many people with an e-mail address go by post because e-mail needs their consent here
 * (Cal. Civ. Code §1798.82(j)(2), E-SIGN 15 U.S.C. §7001(c)).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_INPUTS, type Sink, startSink } from '../api/notices-fixtures.js';
import { screenshot, signIn, startWeb, type WebHarness } from './browser.js';

const PEOPLE = [
  'name,email,street,city,state,zip,data exposed,email_consent',
  'Cal Noconsent,cal@example.org,1 Elm St,Los Angeles,CA,90001,name;SSN,',
  'Cara Consent,cara@example.org,2 Oak St,San Diego,CA,92101,name;SSN,2024-03-14',
].join('\n');

describe('web: notice channels the law allows', () => {
  let h: WebHarness;
  let sink: Sink;
  let dir: string;
  let token: string;
  let incidentId = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bd-channels-'));
    sink = await startSink(dir);
    h = await startWeb({ BREACHDESK_SMTP_URL: sink.url, BREACHDESK_MAIL_FROM: 'Privacy <privacy@example.test>' });
    await h.user('cora.commander', ['incident_commander']);
    await h.user('lee.legal', ['legal']);
    await h.user('dee.drafter', ['responder']);
    const tok = async (u: string) => (await h.server.platform.accounts.createToken(u, 'test', { type: 'system', id: null, name: 'test' })).token;
    token = await tok('cora.commander');
    incidentId = (await h.server.api('/api/v1/incidents', { token, body: { title: 'Customer list copied', awareAt: new Date(Date.now() - 3_600_000).toISOString(), status: 'confirmed' } })).body.id;
    for (const [username, role] of [
      ['lee.legal', 'legal_counsel'],
      ['dee.drafter', 'communications'],
    ]) {
      expect((await h.server.api(`/api/v1/incidents/${incidentId}/members`, { token, body: { username, role } })).status).toBeLessThan(300);
    }
    expect((await h.server.api(`/api/v1/incidents/${incidentId}/people/import`, { token, body: PEOPLE, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
    const d = await h.server.api('/api/v1/notices', { token: await tok('dee.drafter'), body: { incidentId, recipient: 'individuals', jurisdiction: 'US-CA', inputs: FULL_INPUTS } });
    expect(d.body.problems, JSON.stringify(d.body.problems)).toEqual([]);
    await h.server.api(`/api/v1/notices/${d.body.id}/approve`, { token: await tok('lee.legal'), body: {} });
  });
  afterAll(async () => {
    await h?.close();
    await sink?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows each consent, records the declaration, and counts who goes by post for want of consent before and after sending', async () => {
    const { page } = await h.newPage();
    await signIn(page, 'cora.commander@example.test', 'correct horse battery staple', `/incidents/${incidentId}/notices`);
    const people = page.getByRole('region', { name: 'Affected people' });
    await people.getByRole('row').filter({ hasText: 'C*** C***' }).getByText('yes (2024-03-14)').waitFor();
    await people.getByRole('row').filter({ hasText: 'C*** N***' }).getByText('not stated').waitFor();
    expect(await page.getByText('cal@example.org').count()).toBe(0);

    // The declaration, with why: California does not accept it (consent only), so nothing changes there.
    await people.getByLabel('Why (kept with the declaration)').fill('online-only customers');
    await people.getByRole('button', { name: 'Declare e-mail our primary means' }).click();
    await people.getByText(/E-mail is declared our primary means of communication with these people \(cora\.commander, .+\): online-only customers/).waitFor();
    const events = await h.server.platform.audit.list({ incidentId });
    expect(events.filter((e) => e.action === 'notice.email_primary').map((e) => e.after)).toEqual([{ primaryEmail: true, statement: 'online-only customers' }]);

    await page.getByRole('button', { name: /^Open the notice to individuals US-CA/ }).click();
    await page.getByText(/Will reach 2 recipient\(s\): 1 by e-mail, 1 by post\. 1 of them have an e-mail address but no consent to electronic notice.*1798\.82\(j\)/).waitFor();
    await screenshot(page, 'notices-channels');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Send to 2 recipient(s)' }).click();
    await page.getByText(/delivery finished/).waitFor({ timeout: 30_000 });
    await page.getByText('Not e-mailed for want of consent to electronic notice (E-SIGN, 15 U.S.C. §7001(c)): 1 by post.').waitFor();
    expect(sink.lines().map((l) => l.rcpt).filter((r) => r.endsWith('@example.org'))).toEqual(['cara@example.org']);
  });
});
