/** Web: the triage queue confirms a suspected incident; the public report form answers a reference only. */
import { afterAll, describe, expect, it } from 'vitest';
import { screenshot, signIn, startWeb } from './browser.js';

const h = await startWeb();

describe('web: triage and outside reports', () => {
  afterAll(async () => h.close());

  it('a responder confirms a suspected incident from the queue', async () => {
    const admin = await h.server.tokenFor('admin');
    const src = await h.server.api('/api/v1/intake-sources', { token: admin, body: { name: 'dlp' } });
    const posted = await h.server.api('/api/v1/intake/dlp', {
      body: { title: 'Customer list uploaded to personal storage', severity: 'high', hosts: ['db-prod-01'], ips: ['198.51.100.77'] },
      headers: { authorization: `Bearer ${src.body.secret}` },
    });
    expect(posted.status).toBe(201);
    const u = await h.user('rita.responder', ['responder']);
    const { page } = await h.newPage();
    await signIn(page, u.email, u.password, '/triage');
    await page.getByRole('heading', { level: 1, name: 'Triage' }).waitFor();
    await page.getByRole('button', { name: 'Customer list uploaded to personal storage' }).click();
    await page.getByRole('heading', { level: 2, name: 'Customer list uploaded to personal storage' }).waitFor();
    await page.getByRole('button', { name: 'Confirm as incident' }).click();
    await page.getByText(/Incident opened, aware at/).waitFor();
    await screenshot(page, 'triage-confirmed');
    await page.getByRole('link', { name: 'open the incident' }).click();
    await page.getByRole('heading', { level: 1, name: /Customer list uploaded/ }).waitFor();
  });

  it('acknowledge, merge, split, dismiss with a reason and link from the triage page', async () => {
    const admin = await h.server.tokenFor('admin');
    const src = await h.server.api('/api/v1/intake-sources', { token: admin, body: { name: 'edr' } });
    for (const [title, host] of [
      ['Macro spawned PowerShell', 'acc-pc-1'],
      ['Unsigned driver loaded', 'lab-pc-9'],
    ]) {
      const r = await h.server.api('/api/v1/intake/edr', { body: { title, severity: 'medium', hosts: [host] }, headers: { authorization: `Bearer ${src.body.secret}` } });
      expect(r.status).toBe(201);
    }
    const u = await h.user('ian.commander', ['incident_commander']);
    const inc = await h.server.api('/api/v1/incidents', { token: await h.server.tokenFor('incident_commander', 'ian.commander'), body: { title: 'Phishing wave' } });
    const { page } = await h.newPage();
    await signIn(page, u.email, u.password, '/triage');
    const status = () => page.getByText(/^Score \d+/).textContent();
    await page.getByRole('button', { name: 'Macro spawned PowerShell' }).click();
    await page.getByRole('heading', { level: 2, name: 'Macro spawned PowerShell' }).waitFor();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(status).toMatch(/acknowledged/);
    await page.getByLabel('Merge in').selectOption({ label: 'Unsigned driver loaded' });
    await page.getByRole('button', { name: 'Merge' }).click();
    const rows = page.getByRole('table', { name: 'Alerts' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByRole('checkbox', { name: 'Move “Unsigned driver loaded” to a new suspected incident' }).check();
    await page.getByRole('button', { name: 'Split the ticked alerts off' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('Existing incident id').fill(inc.body.id);
    await page.getByRole('button', { name: 'Link' }).click();
    await expect.poll(status).toMatch(/linked/);

    await page.getByRole('button', { name: 'Unsigned driver loaded' }).click();
    await page.getByRole('heading', { level: 2, name: 'Unsigned driver loaded' }).waitFor();
    await page.getByLabel('Dismiss reason').fill('lab machine, driver signed in-house');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(status).toMatch(/dismissed/);
    const audit = await h.server.platform.audit.list({ subjectType: 'intake_suspect' });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['suspect.acknowledged', 'suspect.merged', 'suspect.split', 'suspect.linked', 'suspect.dismissed']));
  });

  it('anyone reports exposed data without signing in and sees only a reference', async () => {
    const { page } = await h.newPage();
    await page.goto('/report');
    await page.getByLabel('Details').fill('A CSV with your customers is on a public paste site');
    await page.getByLabel('How to reach you, optional').fill('finder@example.net');
    await page.getByRole('button', { name: 'Send report' }).click();
    const status = page.getByRole('status');
    await status.getByText(/Reference: R-[0-9A-F]{10}/).waitFor();
    expect(await page.content()).not.toContain('finder@example.net');
  });
});
