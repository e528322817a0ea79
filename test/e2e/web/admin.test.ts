/** Admin pages that the platform serves today: users and API tokens. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signIn, startWeb, type WebHarness } from './browser.js';

describe('web: users and tokens', () => {
  let h: WebHarness;
  beforeAll(async () => {
    h = await startWeb();
  });
  afterAll(async () => h?.close());

  it('an admin adds a user with roles, sees the one-time password once, and disables the user', async () => {
    const admin = await h.user('ada.admin', ['admin']);
    const { page } = await h.newPage();
    await signIn(page, admin.email, admin.password, '/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByLabel('E-mail address').fill('lee.legal@example.test');
    await page.getByLabel('Display name').fill('Lee Legal');
    await page.getByRole('checkbox', { name: 'Responder' }).uncheck();
    await page.getByRole('checkbox', { name: 'Legal' }).check();
    await page.getByRole('button', { name: 'Add user' }).click();
    const secret = page.locator('.notice code.secret');
    await secret.waitFor();
    const oneTime = (await secret.textContent())!.trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    const created = await h.server.platform.accounts.findUser('lee.legal@example.test');
    expect(created?.roles).toEqual(['legal']);
    expect(created?.mustChangePassword).toBe(true);
    // The one-time password shown is the real one.
    await expect(h.server.platform.accounts.login('lee.legal@example.test', oneTime)).resolves.toBeTruthy();
    const row = page.getByRole('row').filter({ hasText: 'lee.legal@example.test' });
    await row.getByText('Must change password').waitFor();
    await screenshot(page, 'admin-users');
    await row.getByRole('button', { name: /^Disable / }).click();
    await row.getByText('Disabled', { exact: true }).waitFor();
    expect((await h.server.platform.accounts.findUser('lee.legal@example.test'))?.disabled).toBe(true);
  });

  it('an admin cannot disable themselves: the server refuses and the page says so', async () => {
    const admin = await h.user('ada.admin', ['admin']);
    const { page } = await h.newPage();
    await signIn(page, admin.username, admin.password, '/admin/users');
    const row = page.getByRole('row').filter({ hasText: admin.email });
    await row.getByRole('button', { name: /^Disable / }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/cannot disable yourself/);
    expect((await h.server.platform.accounts.findUser(admin.username))?.disabled).toBe(false);
  });

  it('a responder creates an API token that works, then revokes it; the Users page is not offered', async () => {
    const u = await h.user('rita.responder', ['responder']);
    const { page } = await h.newPage();
    await signIn(page, u.email, u.password);
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByLabel('Token name').fill('laptop cli');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.locator('.notice code.secret').textContent())!.trim();
    const me = await h.server.api('/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('rita.responder');
    const row = page.getByRole('row').filter({ hasText: 'laptop cli' });
    await row.getByText('Active').waitFor();
    await screenshot(page, 'admin-tokens');
    await row.getByRole('button', { name: 'Revoke token laptop cli' }).click();
    await row.getByText(/^Revoked/).waitFor();
    expect((await h.server.api('/api/v1/me', { token })).status).toBe(401);
  });
});
