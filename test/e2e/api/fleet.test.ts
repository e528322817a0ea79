/**
 * Stateless serve processes (issue 18 §4): two `breachdesk serve` processes on different ports
 * over one PostgreSQL, as behind a load balancer. A browser session made on one works on the
 * other (cookie and CSRF token), signing out on one ends it on both, a sign-in whose password one
 * checked is completed with a second factor on the other, an account locked by wrong
 * passwords on both is locked on both, and the rate limits (sign-in, the public outside-report
 * form) count the hits of the fleet, not of each process.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { testDialects } from '../../support/dialects.js';
import { type ServePair, startServePair } from '../../support/serve-pair.js';
import type { ServeProcess } from '../../support/spawn-server.js';

const PASSWORD = 'fleet test passphrase 42';

describe.runIf(testDialects().includes('postgresql'))('two serve processes on one PostgreSQL', { timeout: 120_000 }, () => {
  let fleet: ServePair;
  let a: ServeProcess;
  let b: ServeProcess;
  beforeAll(async () => {
    fleet = await startServePair(async (p) => {
      await p.accounts.createUser({ email: 'ic@example.test', username: 'ic', roles: ['incident_commander'], password: PASSWORD }, SYSTEM_ACTOR);
      await p.accounts.createUser({ email: 'lockme@example.test', username: 'lockme', roles: ['incident_commander'], password: PASSWORD }, SYSTEM_ACTOR);
      await p.accounts.createUser({ email: 'twofa@example.test', username: 'twofa', roles: ['responder'], password: PASSWORD }, SYSTEM_ACTOR);
    });
    ({ a, b } = fleet);
  });
  afterAll(async () => fleet?.close());

  /** Sign-in attempts so far (all from this address, on either process): the limit counts them all. */
  let signInHits = 0;
  const login = (on: ServeProcess, user: string, password: string) => {
    signInHits++;
    return fetch(`${on.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user, password }) });
  };

  async function signIn(on: ServeProcess): Promise<{ cookie: string; csrf: string }> {
    const r = await login(on, 'ic', PASSWORD);
    expect(r.status).toBe(200);
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    const body = (await r.json()) as { csrfToken: string };
    return { cookie, csrf: body.csrfToken };
  }

  it('a session made on one process works on the other, and ends on both', async () => {
    const s = await signIn(a);
    const created = await fetch(`${b.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Made through B with a session from A' }),
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const read = await fetch(`${a.url}/api/v1/incidents/${id}`, { headers: { cookie: s.cookie } });
    expect(read.status).toBe(200);
    // A wrong CSRF token is refused on either process.
    const forged = await fetch(`${a.url}/api/v1/incidents`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': 'forged', 'content-type': 'application/json' }, body: '{"title":"x"}' });
    expect(forged.status).toBe(403);
    const out = await fetch(`${b.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.status).toBeLessThan(300);
    expect((await fetch(`${a.url}/api/v1/incidents/${id}`, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('a sign-in started on one process is completed with its second factor on the other', async () => {
    // A cookie jar per browser; every request names the process it goes to, as a balancer would pick.
    type Jar = Map<string, string>;
    const call = async (on: ServeProcess, jar: Jar, path: string, body?: unknown) => {
      const headers: Record<string, string> = { cookie: [...jar].filter(([k]) => k !== 'csrf').map(([k, v]) => `${k}=${v}`).join('; ') };
      if (jar.has('csrf')) headers['x-csrf-token'] = jar.get('csrf')!;
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (path === '/api/v1/auth/login') signInHits++;
      const r = await fetch(on.url + path, { method: body !== undefined ? 'POST' : 'GET', headers, body: body !== undefined ? JSON.stringify(body) : undefined });
      for (const c of r.headers.getSetCookie()) {
        const [k, v] = c.split(';')[0]!.split('=');
        if (v) jar.set(k!, v);
        else jar.delete(k!);
      }
      const text = await r.text();
      const json = text ? JSON.parse(text) : null;
      if (json?.csrfToken) jar.set('csrf', json.csrfToken);
      return { status: r.status, body: json };
    };
    // The authenticator app is set up through A …
    const setup: Jar = new Map();
    expect((await call(a, setup, '/api/v1/auth/login', { login: 'twofa', password: PASSWORD })).status).toBe(200);
    const begun = await call(b, setup, '/api/v1/me/second-factors/totp', { name: 'phone' });
    expect(begun.status).toBe(201);
    expect((await call(a, setup, '/api/v1/me/second-factors/totp/confirm', { id: begun.body.id, code: await generate({ secret: begun.body.secret }) })).status).toBe(200);
    // … the password is checked by A, the code by B (the challenge is a row, not process memory).
    const jar: Jar = new Map();
    const first = await call(a, jar, '/api/v1/auth/login', { login: 'twofa', password: PASSWORD });
    expect(first.status).toBe(202);
    const code = await generate({ secret: begun.body.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect((await call(b, jar, '/api/v1/auth/second-factor/totp', { code })).status).toBe(200);
    expect((await call(a, jar, '/api/v1/me')).body.user.username).toBe('twofa');
  });

  it('wrong passwords on both processes lock the account on both', async () => {
    // Five failed sign-ins lock an account (NIST SP 800-63B §5.2.2), counted in the users table:
    // three on A and two on B are five; then even the right password is refused on either.
    for (let i = 0; i < 5; i++) expect((await login(i % 2 === 0 ? a : b, 'lockme', 'wrong password 123')).status).toBe(401);
    for (const on of [a, b]) {
      const r = await login(on, 'lockme', PASSWORD);
      expect(r.status).toBe(423);
      expect(await r.text()).toMatch(/account locked after 5 failed sign-ins/);
    }
  });

  it('the sign-in rate limit counts hits on both processes together', async () => {
    const statuses: number[] = [];
    // The limit is 20 a minute per address; 30 wrong sign-ins alternate between the two processes.
    const before = signInHits;
    for (let i = 0; i < 30; i++) statuses.push((await login(i % 2 === 0 ? a : b, `nobody${i}`, 'wrong password 123')).status);
    // The previous tests' sign-ins were the window's first hits: the rest of 20 get through, the
    // others are refused on both processes. Counted per process, all 30 would have got through.
    expect(before).toBeLessThan(20);
    expect(statuses.slice(0, 20 - before).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20 - before).every((s) => s === 429)).toBe(true);
  });

  it("the outside-report form's per-address limit counts reports sent to both processes", async () => {
    // Five reports per address in ten minutes (confirm/reports.routes.ts); seven alternate A, B.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await fetch(`${(i % 2 === 0 ? a : b).url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: `An open bucket at storage.example.net, report ${i}` }),
      });
      statuses.push(r.status);
    }
    // Counted per process, A would have taken four and B three: none refused.
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });
});
