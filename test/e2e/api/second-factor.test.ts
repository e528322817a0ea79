/**
 * Second factors over real HTTP (issue 19 §7): an authenticator app (TOTP codes from otplib, as a
 * phone would make them), recovery codes, and the per-role policy that makes a role set one up
 * before anything else. Security keys are tested in Chromium (test/e2e/web/sso-2fa.test.ts).
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

type Jar = Map<string, string>;

for (const dialect of testDialects()) {
  describe(`second factors on ${dialect}`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(dialect, { BREACHDESK_SECOND_FACTOR_ROLES: 'admin,legal' });
    });
    afterAll(async () => s?.close());

    const call = async (jar: Jar, path: string, init: { method?: string; body?: unknown } = {}) => {
      const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
      if (jar.has('csrf')) headers['x-csrf-token'] = jar.get('csrf')!;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(s.url + path, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, body: init.body !== undefined ? JSON.stringify(init.body) : undefined });
      for (const c of r.headers.getSetCookie()) {
        const [kv] = c.split(';');
        const [k, v] = kv!.split('=');
        if (v) jar.set(k!, v);
        else jar.delete(k!);
      }
      const text = await r.text();
      const body = text ? JSON.parse(text) : null;
      if (body?.csrfToken) jar.set('csrf', body.csrfToken);
      return { status: r.status, body };
    };
    const signIn = (jar: Jar, login: string, password: string) => call(jar, '/api/v1/auth/login', { body: { login, password } });

    let secret = '';
    let recovery: string[] = [];

    it('sets up an authenticator app: unconfirmed until a right code, then recovery codes once', async () => {
      await s.platform.accounts.createUser({ email: 'tina@example.test', username: 'tina', roles: ['responder'], password: 'tina long passphrase' }, SYSTEM_ACTOR);
      const jar: Jar = new Map();
      expect((await signIn(jar, 'tina', 'tina long passphrase')).status).toBe(200);
      const begun = await call(jar, '/api/v1/me/second-factors/totp', { body: { name: 'phone' } });
      expect(begun.status).toBe(201);
      expect(begun.body.uri).toMatch(/^otpauth:\/\/totp\/Breachdesk:/);
      secret = begun.body.secret;
      expect((await call(jar, '/api/v1/me/second-factors/totp/confirm', { body: { id: begun.body.id, code: '000000' } })).status).toBe(400);
      const ok = await call(jar, '/api/v1/me/second-factors/totp/confirm', { body: { id: begun.body.id, code: await generate({ secret }) } });
      expect(ok.status).toBe(200);
      recovery = ok.body.recoveryCodes;
      expect(recovery).toHaveLength(10);
      expect(new Set(recovery).size).toBe(10);
      const list = await call(jar, '/api/v1/me/second-factors');
      expect(list.body).toMatchObject({ enrolled: true, required: false, recoveryCodesLeft: 10 });
      // The secret is stored encrypted, never in plain text.
      const rows = JSON.stringify(await s.platform.store.db.selectFrom('second_factors').selectAll().execute());
      expect(rows).not.toContain(secret);
    });

    it('then a password alone no longer signs in: a wrong code fails, the right one completes, and is not accepted twice', async () => {
      const jar: Jar = new Map();
      const first = await signIn(jar, 'tina', 'tina long passphrase');
      expect(first.status).toBe(202);
      expect(first.body.secondFactor.methods).toEqual(['totp', 'recovery_code']);
      expect(jar.has('bd_session')).toBe(false);
      expect((await call(jar, '/api/v1/me')).status).toBe(401);
      expect((await call(jar, '/api/v1/auth/second-factor/totp', { body: { code: '123456' } })).status).toBe(401);
      // The confirming code's time step was used up by the set-up: the app's next code (one step
      // ahead, within the ±1 step allowed for clock drift) is the one a person would type now.
      const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const done = await call(jar, '/api/v1/auth/second-factor/totp', { body: { code } });
      expect(done.status).toBe(200);
      expect((await call(jar, '/api/v1/me')).body.user.username).toBe('tina');
      // Replay of the same code in another sign-in.
      const other: Jar = new Map();
      expect((await signIn(other, 'tina', 'tina long passphrase')).status).toBe(202);
      expect((await call(other, '/api/v1/auth/second-factor/totp', { body: { code } })).status).toBe(401);
    });

    it('five wrong codes end the pending sign-in; a second factor cannot be tried without the password first', async () => {
      const jar: Jar = new Map();
      await signIn(jar, 'tina', 'tina long passphrase');
      for (let i = 0; i < 5; i++) await call(jar, '/api/v1/auth/second-factor/totp', { body: { code: String(100000 + i) } });
      const after = await call(jar, '/api/v1/auth/second-factor/totp', { body: { code: await generate({ secret }) } });
      expect([401, 429]).toContain(after.status);
      expect((await call(new Map(), '/api/v1/auth/second-factor/totp', { body: { code: await generate({ secret }) } })).status).toBe(401);
    });

    it('a recovery code completes a sign-in once', async () => {
      const jar: Jar = new Map();
      await signIn(jar, 'tina', 'tina long passphrase');
      expect((await call(jar, '/api/v1/auth/second-factor/recovery-code', { body: { code: recovery[0]!.toLowerCase() } })).status).toBe(200);
      const again: Jar = new Map();
      await signIn(again, 'tina', 'tina long passphrase');
      expect((await call(again, '/api/v1/auth/second-factor/recovery-code', { body: { code: recovery[0] } })).status).toBe(401);
      expect((await call(again, '/api/v1/auth/second-factor/recovery-code', { body: { code: recovery[1] } })).status).toBe(200);
      expect((await call(again, '/api/v1/me/second-factors')).body.recoveryCodesLeft).toBe(8);
    });

    it('policy: a role that requires a second factor can only set one up until it has', async () => {
      await s.platform.accounts.createUser({ email: 'lena@example.test', username: 'lena', roles: ['legal'], password: 'lena long passphrase' }, SYSTEM_ACTOR);
      const jar: Jar = new Map();
      const r = await signIn(jar, 'lena', 'lena long passphrase');
      expect(r.status).toBe(200);
      expect(r.body.secondFactorEnrollmentRequired).toBe(true);
      const blocked = await call(jar, '/api/v1/incidents');
      expect(blocked.status).toBe(403);
      expect(blocked.body.detail).toMatch(/requires a second factor/);
      expect((await call(jar, '/api/v1/tokens', { body: { name: 'sneaky' } })).status).toBe(403);
      const begun = await call(jar, '/api/v1/me/second-factors/totp', { body: {} });
      const ok = await call(jar, '/api/v1/me/second-factors/totp/confirm', { body: { id: begun.body.id, code: await generate({ secret: begun.body.secret }) } });
      expect(ok.status).toBe(200);
      expect((await call(jar, '/api/v1/incidents')).status).toBe(200);
      // The only factor of a role that requires one cannot be removed.
      const del = await call(jar, `/api/v1/me/second-factors/${begun.body.id}`, { method: 'DELETE' });
      expect(del.status).toBe(400);
    });
  });
}
