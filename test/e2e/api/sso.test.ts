/**
 * OpenID Connect single sign-on against a real local provider (oidc-provider), over HTTP as a
 * browser would go: Breachdesk → provider login and consent → Breachdesk callback → session, with
 * organisation roles from the provider's groups (issue 19 §7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../../../src/main/modules.js';
import { buildServer } from '../../../src/main/server.js';
import { testDialects } from '../../support/dialects.js';
import { ACCOUNTS, oidcEnv, startOidcProvider, type TestProvider } from '../../support/oidc-provider.js';
import { openTestPlatform, type TestPlatform } from '../../support/platform.js';
import { freePort } from '../../support/spawn-server.js';

/** One cookie jar per host, as a browser keeps them (path and expiry ignored: short flows). */
class Browser {
  jars = new Map<string, Map<string, string>>();
  async get(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const u = new URL(url);
    const jar = this.jars.get(u.host) ?? new Map<string, string>();
    this.jars.set(u.host, jar);
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const r = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const c of r.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv!.indexOf('=');
      const k = kv!.slice(0, i);
      const v = kv!.slice(i + 1);
      if (v && !/expires=Thu, 01 Jan 1970/i.test(c)) jar.set(k, v);
      else jar.delete(k);
    }
    return { status: r.status, location: r.headers.get('location') ? new URL(r.headers.get('location')!, url).href : null, text: await r.text() };
  }
  /** Follows redirects, answering the provider's login and consent pages as `login`. */
  async signIn(start: string, login: string): Promise<{ status: number; location: string | null; text: string }> {
    let r = await this.get(start);
    for (let hops = 0; hops < 20; hops++) {
      if (r.status >= 300 && r.status < 400 && r.location) {
        if (r.location.includes('/api/v1/auth/oidc/callback')) return this.get(r.location);
        r = await this.get(r.location);
        continue;
      }
      const action = /<form[^>]*action="([^"]+)"/.exec(r.text)?.[1];
      if (r.status === 200 && action && /name="login"/.test(r.text)) r = await this.get(new URL(action, start).href, { form: { prompt: 'login', login, password: 'any password' } });
      else if (r.status === 200 && action && /name="prompt" value="consent"/.test(r.text)) r = await this.get(new URL(action, start).href, { form: { prompt: 'consent' } });
      else return r;
    }
    throw new Error('too many redirects');
  }
}

for (const dialect of testDialects()) {
  describe(`OpenID Connect sign-in on ${dialect}`, () => {
    let idp: TestProvider;
    let t: TestPlatform;
    let url: string;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const port = await freePort();
      url = `http://localhost:${port}`;
      idp = await startOidcProvider([`${url}/api/v1/auth/oidc/callback`]);
      t = await openTestPlatform(dialect, oidcEnv(idp, url));
      const app = await buildServer(t.platform, createModules(t.platform));
      await app.listen({ port, host: '127.0.0.1' });
      close = async () => {
        await app.close();
        await t.close();
        await idp.close();
      };
    });
    afterAll(async () => close?.());

    it('the sign-in page learns that single sign-on exists', async () => {
      const r = await fetch(`${url}/api/v1/auth/methods`);
      expect(await r.json()).toEqual({ password: true, oidc: { label: 'Example IdP', startUrl: '/api/v1/auth/oidc/start' } });
    });

    it('signs a new user in through the provider, with roles from their groups, and back to where they were going', async () => {
      const b = new Browser();
      const end = await b.signIn(`${url}/api/v1/auth/oidc/start?next=/incidents`, 'alice');
      expect(end.status).toBe(302);
      expect(end.location).toBe(`${url}/incidents`);
      const me = await b.get(`${url}/api/v1/me`);
      expect(me.status).toBe(200);
      const body = JSON.parse(me.text);
      expect(body.user).toMatchObject({ email: ACCOUNTS.alice!.email, displayName: 'Alice Responder', roles: ['responder'] });
      // Signing in again finds the same account (linked by issuer and subject), roles refreshed.
      const again = new Browser();
      await again.signIn(`${url}/api/v1/auth/oidc/start`, 'alice');
      expect(JSON.parse((await again.get(`${url}/api/v1/me`)).text).user.id).toBe(body.user.id);
    });

    it('maps several groups to several roles', async () => {
      const b = new Browser();
      await b.signIn(`${url}/api/v1/auth/oidc/start`, 'carol');
      expect(JSON.parse((await b.get(`${url}/api/v1/me`)).text).user.roles).toEqual(['responder', 'legal']);
    });

    it('refuses someone whose groups grant no role, and creates no account', async () => {
      const b = new Browser();
      const end = await b.signIn(`${url}/api/v1/auth/oidc/start`, 'mallory');
      expect(end.status).toBe(403);
      expect(end.text).toMatch(/none of your groups/);
      expect(await t.platform.accounts.findUser(ACCOUNTS.mallory!.email)).toBeNull();
    });

    it('refuses a callback that was not started here (no state cookie) or with a forged state', async () => {
      const b = new Browser();
      const first = await b.get(`${url}/api/v1/auth/oidc/start`);
      const cb = await b.get(`${url}/api/v1/auth/oidc/callback?code=stolen-code&state=forged`);
      expect(cb.status).toBe(401);
      expect(first.status).toBe(302);
      const fresh = await new Browser().get(`${url}/api/v1/auth/oidc/callback?code=x&state=y`);
      expect(fresh.status).toBe(401);
      expect(fresh.text).toMatch(/does not belong to a sign-in started here/);
    });

    it('only sends people back to paths of this site', async () => {
      const b = new Browser();
      const end = await b.signIn(`${url}/api/v1/auth/oidc/start?next=//evil.example/x`, 'alice');
      expect(end.location).toBe(`${url}/`);
    });
  });
}
