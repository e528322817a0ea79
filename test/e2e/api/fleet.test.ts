/**
 * Stateless serve processes (issue 18 §4): two `breachdesk serve` processes on different ports
 * over one PostgreSQL, as behind a load balancer. A browser session made on one works on the
 * other (cookie and CSRF token), signing out on one ends it on both, and a rate limit counts the
 * hits of the fleet, not of each process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../support/dialects.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';

const PASSWORD = 'fleet test passphrase 42';

describe.runIf(testDialects().includes('postgresql'))('two serve processes on one PostgreSQL', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let a: ServeProcess;
  let b: ServeProcess;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    const env = { BREACHDESK_DATABASE_URL: db.databaseUrl!, BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_INLINE_WORKER: 'false' };
    // One after the other: the first migrates the store and makes the key file the second reads.
    a = await spawnServe(env);
    b = await spawnServe(env);
    const { loadConfig } = await import('../../../src/platform/config.js');
    const { openPlatform } = await import('../../../src/platform/platform.js');
    const { ALL_MIGRATIONS } = await import('../../../src/main/migrations.js');
    const { createLogger } = await import('../../../src/platform/logger.js');
    const p = await openPlatform(loadConfig({ env: { ...env, BREACHDESK_LOG_LEVEL: 'silent' }, cwd: db.dataDir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
    await p.accounts.createUser({ email: 'ic@example.test', username: 'ic', roles: ['incident_commander'], password: PASSWORD }, SYSTEM_ACTOR);
    await p.close();
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  async function signIn(on: ServeProcess): Promise<{ cookie: string; csrf: string }> {
    const r = await fetch(`${on.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'ic', password: PASSWORD }) });
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

  it('the sign-in rate limit counts hits on both processes together', async () => {
    const statuses: number[] = [];
    // The limit is 20 a minute per address; 30 wrong sign-ins alternate between the two processes.
    for (let i = 0; i < 30; i++) {
      const on = i % 2 === 0 ? a : b;
      const r = await fetch(`${on.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: `nobody${i}`, password: 'wrong password 123' }) });
      statuses.push(r.status);
    }
    // The previous test's sign-in on A was the window's first hit: 19 more get through, the rest
    // are refused on both processes. Counted per process, all 30 would have got through.
    expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(19).every((s) => s === 429)).toBe(true);
  });
});
