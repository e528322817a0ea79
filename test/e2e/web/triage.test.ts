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
