/** Sign in, sign out, session expiry, forced password change — in Debian's Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../src/platform/http/auth-hook.js';
import { PASSWORD, screenshot, signIn, startWeb, type WebHarness } from './browser.js';

describe('web: signing in and out', () => {
  let h: WebHarness;
  beforeAll(async () => {
    h = await startWeb();
  });
  afterAll(async () => h?.close());

  it('signs in by e-mail and lands on the incidents list; a wrong password is refused with a message', async () => {
    const u = await h.user('ines.responder', ['responder']);
    const { page } = await h.newPage();
    await signIn(page, u.email, 'not the password at all');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\S/);
    expect(page.url()).toContain('/sign-in');
    await page.getByLabel('Password', { exact: true }).fill(u.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/incidents');
    await screenshot(page, 'sign-in-done-incidents');
  });

  it('accepts the user name too, and signing out ends the session on the server', async () => {
    const u = await h.user('otto.viewer', ['viewer']);
    const { page, context } = await h.newPage();
    await signIn(page, u.username, u.password);
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    // A viewer may not open incidents: the button is not offered.
    expect(await page.getByRole('button', { name: 'New incident', exact: true }).count()).toBe(0);
    const sid = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)?.value;
    expect(sid).toBeTruthy();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Breachdesk' }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/signed out/i);
    expect(await h.server.platform.accounts.resolveSession(sid!)).toBeNull();
    // Back to a protected page: the app sends us to sign in again.
    await page.goto('/incidents');
    await page.getByRole('heading', { name: 'Sign in to Breachdesk' }).waitFor();
  });

  it('an expired session sends the user to sign in with a message, then back to where they were going', async () => {
    const u = await h.user('ada.admin', ['admin']);
    const { page, context } = await h.newPage();
    await signIn(page, u.username, u.password);
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    // Let the page finish its own requests first: the 401 must come from the click below.
    await page.getByRole('heading', { name: 'Overdue and due within 24 hours' }).waitFor();
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
    // The server forgets the session (expiry, revocation) while the browser still holds the cookie.
    const sid = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!.value;
    await h.server.platform.accounts.endSession(sid);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Sign in to Breachdesk' }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/session has expired/i);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('next=/admin/users');
    await screenshot(page, 'sign-in-session-expired');
    await page.getByLabel('Email').fill(u.email);
    await page.getByLabel('Password', { exact: true }).fill(u.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
  });

  it('a deep link opened while signed out returns there after signing in, never to another site', async () => {
    const u = await h.user('ada.admin', ['admin']);
    const { page } = await h.newPage();
    await page.goto('/admin/tokens');
    await page.getByRole('heading', { name: 'Sign in to Breachdesk' }).waitFor();
    await page.getByLabel('Email').fill(u.email);
    await page.getByLabel('Password', { exact: true }).fill(u.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    const { page: p2 } = await h.newPage();
    await signIn(p2, u.email, u.password, '/sign-in?next=//evil.example/');
    await p2.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    expect(new URL(p2.url()).host).toBe(new URL(h.server.url).host);
  });

  it('a one-time password forces a password change before anything else', async () => {
    const u = await h.user('neu.responder', ['responder'], { oneTime: true });
    expect(u.password).not.toBe(PASSWORD);
    const { page } = await h.newPage();
    await signIn(page, u.email, u.password, '/incidents');
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    // Trying to go elsewhere still lands on the change form.
    await page.goto('/admin/tokens');
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await screenshot(page, 'change-password');
    await page.getByLabel('Current password').fill(u.password);
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Repeat new password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    const user = await h.server.platform.accounts.findUser(u.username);
    expect(user?.mustChangePassword).toBe(false);
    // The new password works, the old one no longer does.
    await expect(h.server.platform.accounts.login(u.username, 'a brand new passphrase')).resolves.toBeTruthy();
    await expect(h.server.platform.accounts.login(u.username, u.password)).rejects.toThrow();
  });
});
