/**
 * Single sign-on and second-factor sign-in in Chromium (issue 19 §7): through a real OpenID Connect
 * provider (oidc-provider) and back; an authenticator app set up and used with codes from otplib;
 * a security key registered and used through Chromium's WebAuthn virtual authenticator (DevTools
 * protocol); and a role that must set up a second factor before anything else.
 */
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../../../src/main/modules.js';
import { buildServer } from '../../../src/main/server.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { jsonApi } from '../../support/http.js';
import { oidcEnv, startOidcProvider, type TestProvider } from '../../support/oidc-provider.js';
import { openTestPlatform } from '../../support/platform.js';
import type { TestServer } from '../../support/server.js';
import { freePort } from '../../support/spawn-server.js';
import { PASSWORD, screenshot, signIn, startWeb, type WebHarness } from './browser.js';

describe('single sign-on and second factors in Chromium', () => {
  let h: WebHarness;
  let idp: TestProvider;

  beforeAll(async () => {
    // WebAuthn's relying party is a host name, never an IP address: the app is served as localhost.
    const port = await freePort();
    const url = `http://localhost:${port}`;
    idp = await startOidcProvider([`${url}/api/v1/auth/oidc/callback`]);
    h = await startWeb({}, async () => {
      const t = await openTestPlatform('sqlite', { ...oidcEnv(idp, url), BREACHDESK_SECOND_FACTOR_ROLES: 'legal' });
      const modules = createModules(t.platform);
      const app = await buildServer(t.platform, modules);
      await app.listen({ port, host: '127.0.0.1' });
      const server: TestServer = {
        ...t,
        app,
        modules,
        url,
        api: jsonApi(url),
        tokenFor: async () => {
          throw new Error('not used here');
        },
        close: async () => {
          await app.close();
          await t.close();
        },
      };
      return server;
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await idp?.close();
  });

  const me = async (page: Page) => (await page.request.get('/api/v1/me')).json();

  it('signs in through the identity provider and lands where the user was going, with roles from groups', async () => {
    const { page } = await h.newPage();
    await page.goto('/incidents');
    await page.getByRole('link', { name: 'Sign in with Example IdP' }).click();
    // The provider's own pages (development login and consent of oidc-provider).
    await page.locator('input[name="login"]').fill('alice');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // consent
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/incidents');
    const m = await me(page);
    expect(m.user).toMatchObject({ email: 'alice@idp.test', roles: ['responder'] });
    await screenshot(page, 'sso-signed-in');
  });

  it('sets up an authenticator app, then signs in with password and a code', async () => {
    const u = await h.user('tom.totp', ['responder']);
    const first = await h.newPage();
    await signIn(first.page, u.email, u.password, '/account/security');
    await first.page.getByRole('heading', { name: 'Sign-in security' }).waitFor();
    await first.page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await first.page.getByTestId('totp-secret').textContent())!.trim();
    await first.page.getByLabel('Code from the app').fill(await generate({ secret }));
    await first.page.getByRole('button', { name: 'Confirm' }).click();
    await first.page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    expect(await first.page.locator('.recovery-codes li').count()).toBe(10);
    await screenshot(first.page, 'second-factor-recovery-codes');

    const { page } = await h.newPage();
    await signIn(page, u.email, u.password, '/incidents');
    await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
    expect((await me(page)).status).toBe(401); // no session yet: /me answers a 401 problem
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Authentication code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    expect((await me(page)).user.username).toBe('tom.totp');
  });

  it('registers a security key with a virtual authenticator, then signs in with it', async () => {
    const u = await h.user('kim.key', ['incident_commander']);
    const { context, page } = await h.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await signIn(page, u.email, u.password, '/account/security');
    await page.getByRole('heading', { name: 'Sign-in security' }).waitFor();
    await page.getByLabel('Name of the security key').fill('YubiKey on the desk');
    await page.getByRole('button', { name: 'Add a security key' }).click();
    await page.getByText('Security key: YubiKey on the desk').waitFor();
    const creds = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(creds.credentials).toHaveLength(1);

    await context.clearCookies();
    await signIn(page, u.email, PASSWORD, '/incidents');
    await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
    await screenshot(page, 'second-factor-step');
    await page.getByRole('button', { name: 'Use a security key' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    expect((await me(page)).user.username).toBe('kim.key');
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0]!.signCount).toBeGreaterThan(0);
  });

  it('a role that requires a second factor is sent to set one up before anything else', async () => {
    await h.server.platform.accounts.createUser({ email: 'lee.legal@example.test', username: 'lee.legal', roles: ['legal'], password: PASSWORD }, SYSTEM_ACTOR);
    const { page } = await h.newPage();
    await signIn(page, 'lee.legal', PASSWORD, '/incidents');
    await page.getByText('Your role requires a second factor').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/security');
    expect((await page.request.get('/api/v1/incidents')).status()).toBe(403);
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Code from the app').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    expect((await page.request.get('/api/v1/incidents')).status()).toBe(200);
  });
});
