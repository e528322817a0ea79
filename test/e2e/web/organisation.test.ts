/**
 * Organisation-level admin pages: profile (which laws apply), response-plan editor, expert
 * directory. Each runs once the server serves its API (see the OpenAPI document), else skips.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiPaths, screenshot, signIn, startWeb } from './browser.js';

const h = await startWeb();
const paths = await apiPaths(h.server);

describe('web: organisation admin', () => {
  afterAll(async () => h.close());

  it('shows a clear "not available" state, not a crash, for an API the server lacks', async () => {
    const admin = await h.user('ada.admin', ['admin']);
    const { page } = await h.newPage();
    await page.route('**/api/v1/org/profile', (route) =>
      route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ status: 404, title: 'Not Found', detail: 'no route GET /api/v1/org/profile' }) }),
    );
    await signIn(page, admin.email, admin.password, '/admin/organisation');
    await page.getByRole('heading', { level: 1, name: 'Organisation profile' }).waitFor();
    await page.getByText(/Not available on this server yet/).waitFor();
    // The rest of the app keeps working.
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  });

  it.skipIf(!paths.has('/api/v1/org/profile'))('an admin edits the organisation profile', async () => {
    const admin = await h.user('ada.admin', ['admin']);
    const { page } = await h.newPage();
    await signIn(page, admin.email, admin.password, '/admin/organisation');
    await page.getByLabel('Establishments (country codes, comma-separated)').fill('DE, FR, US');
    await page.getByLabel('Main establishment (GDPR Art. 4(16))').fill('DE');
    await page.getByLabel('NIS2 entity').selectOption('important');
    // Issue 20 §6: who the organisation is, for pre-filled notices.
    await page.getByLabel('Organisation name').fill('Example Retail GmbH');
    await page.getByLabel('Data protection officer (name and contact)').fill('Dana Privacy, dpo@example.test');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved.').waitFor();
    const stored = (await h.server.api('/api/v1/org/profile', { token: await h.server.tokenFor('admin') })).body;
    expect(stored).toMatchObject({ establishments: ['DE', 'FR', 'US'], mainEstablishment: 'DE', nis2Entity: 'important', name: 'Example Retail GmbH', dpoContact: 'Dana Privacy, dpo@example.test' });
    await screenshot(page, 'admin-organisation');
  });

  it.skipIf(!paths.has('/api/v1/response-plan'))('an admin saves a new response-plan version', async () => {
    const admin = await h.user('ada.admin', ['admin']);
    const { page } = await h.newPage();
    await signIn(page, admin.email, admin.password, '/admin/plan');
    const editor = page.getByLabel('Plan (YAML)');
    await editor.waitFor();
    const before = (await h.server.api('/api/v1/response-plan', { token: await h.server.tokenFor('admin') })).body as { version: number; yaml: string };
    expect(await editor.inputValue()).toBe(before.yaml);
    await editor.fill(`${before.yaml.trimEnd()}\n# reviewed in the web UI\n`);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText(`Saved as version ${before.version + 1}.`).waitFor();
    const after = (await h.server.api('/api/v1/response-plan', { token: await h.server.tokenFor('admin') })).body as { version: number; yaml: string };
    expect(after.version).toBe(before.version + 1);
    expect(after.yaml).toContain('# reviewed in the web UI');
    await page.getByText(`Version ${after.version}, saved`).getByText(/by ada\.admin\./).waitFor();
    await screenshot(page, 'admin-plan');
  });

  it.skipIf(!paths.has('/api/v1/experts'))('the expert directory lists an added expert', async () => {
    const u = await h.user('ivo.commander', ['incident_commander']);
    const { page } = await h.newPage();
    await signIn(page, u.email, u.password, '/admin/experts');
    await page.getByRole('heading', { level: 1, name: 'Expert directory' }).waitFor();
    await page.getByLabel('Kind').selectOption('forensics');
    await page.getByLabel('Name').fill('Example Forensics GmbH');
    await page.getByLabel('E-mail').fill('hotline@forensics.example');
    await page.getByRole('button', { name: 'Add expert' }).click();
    await page.getByRole('cell', { name: 'Example Forensics GmbH', exact: true }).waitFor();
    const list = (await h.server.api('/api/v1/experts', { token: await h.server.tokenFor('admin') })).body as { items: { name: string; kind: string }[] };
    expect(list.items).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Example Forensics GmbH', kind: 'forensics' })]));
    await screenshot(page, 'admin-experts');
  });
});
