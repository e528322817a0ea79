import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PUBLIC_ROUTES } from '../../security/authz-matrix.js';

for (const dialect of testDialects()) {
  describe(`platform API on ${dialect}`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(dialect, { BREACHDESK_BODY_LIMIT: '4096' });
    });
    afterAll(async () => s?.close());

    it('answers health without credentials, naming the store', async () => {
      const r = await s.api('/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ status: 'ok', database: dialect });
    });

    it('serves the OpenAPI document listing the routes', async () => {
      const r = await s.api('/api/openapi.json');
      expect(r.status).toBe(200);
      expect(r.body.openapi).toMatch(/^3\./);
      expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/users']));
    });

    it('refuses every /api/v1 route without credentials with 401 problem+json', async () => {
      const spec = (await s.api('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
      let checked = 0;
      for (const [path, ops] of Object.entries(spec.paths)) {
        if (!path.startsWith('/api/v1/')) continue;
        for (const method of Object.keys(ops)) {
          if (PUBLIC_ROUTES.has(`${method.toUpperCase()} ${path}`)) continue;
          const r = await s.api(path.replace(/\{[^}]+\}/g, 'x'), { method: method.toUpperCase(), body: ['post', 'put', 'patch'].includes(method) ? {} : undefined });
          expect(r.status, `${method} ${path}`).toBe(401);
          expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
          expect(r.body.detail).toBeTruthy();
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(5);
    });

    it('enforces roles: a viewer cannot write, an admin can', async () => {
      const viewer = await s.tokenFor('viewer');
      const admin = await s.tokenFor('admin');
      const newUser = { email: 'new.responder@example.test', roles: ['responder'] };
      const denied = await s.api('/api/v1/users', { token: viewer, body: newUser });
      expect(denied.status).toBe(403);
      expect(denied.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await s.api('/api/v1/users', { token: viewer })).status).toBe(403);
      const ok = await s.api('/api/v1/users', { token: admin, body: newUser });
      expect(ok.status).toBe(201);
      expect(ok.body.user.roles).toEqual(['responder']);
      expect(ok.body.oneTimePassword).toHaveLength(20);
      const list = await s.api('/api/v1/users', { token: admin });
      expect(list.body.items.map((u: { email: string }) => u.email)).toContain('new.responder@example.test');
      const me = await s.api('/api/v1/me', { token: viewer });
      expect(me.body.roles).toEqual(['viewer']);
      expect(me.body.permissions.write).toBe(false);
    });

    it('a bad token, a malformed body and an oversized body each get a one-line problem', async () => {
      const admin = await s.tokenFor('admin');
      const bad = await s.api('/api/v1/me', { token: 'bd_not-a-real-token' });
      expect(bad.status).toBe(401);
      expect(bad.body.detail).toBe('invalid API token');
      const malformed = await s.api('/api/v1/users', { token: admin, body: '{"email": "a@b.c", roles: [' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.detail).toMatch(/^malformed JSON body/);
      const invalid = await s.api('/api/v1/users', { token: admin, body: { email: 'not-an-email', roles: [] } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.detail).toMatch(/email/);
      const big = await s.api('/api/v1/users', { token: admin, body: { email: 'x@y.z', roles: ['viewer'], displayName: 'x'.repeat(10_000) } });
      expect(big.status).toBe(413);
      for (const r of [bad, malformed, invalid, big]) {
        expect(JSON.stringify(r.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
        expect(String(r.body.detail)).not.toContain('\n');
      }
    });

    it('browser sessions: sign in by user name or e-mail, CSRF on writes, sign out', async () => {
      await s.tokenFor('admin', 'boss');
      const login = await fetch(`${s.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'boss@example.test', password: 'test password 123' }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/bd_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const session = cookie.split(';')[0]!;
      const me = await s.api('/api/v1/me', { headers: { cookie: session } });
      expect(me.body.user.username).toBe('boss');
      const noCsrf = await s.api('/api/v1/tokens', { headers: { cookie: session }, body: { name: 'x' } });
      expect(noCsrf.status).toBe(403);
      expect(noCsrf.body.detail).toMatch(/CSRF/);
      const withCsrf = await s.api('/api/v1/tokens', { headers: { cookie: session, 'x-csrf-token': csrfToken }, body: { name: 'x' } });
      expect(withCsrf.status).toBe(201);
      const out = await s.api('/api/v1/auth/logout', { method: 'POST', headers: { cookie: session, 'x-csrf-token': csrfToken } });
      expect(out.status).toBe(204);
      expect((await s.api('/api/v1/me', { headers: { cookie: session } })).status).toBe(401);
      const wrong = await s.api('/api/v1/auth/login', { body: { login: 'boss', password: 'nope nope nope' } });
      expect(wrong.status).toBe(401);
    });

    it('sends security headers', async () => {
      const r = await s.api('/api/health');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(r.headers.get('x-frame-options')).toBeTruthy();
    });

    it('every change so far is in an intact audit chain', async () => {
      const v = await s.platform.audit.verify();
      expect(v.ok).toBe(true);
      const events = await s.platform.audit.list({ subjectType: 'user' });
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['user.created']));
    });
  });
}
