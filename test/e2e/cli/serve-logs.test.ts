/**
 * Issue 20 §8: at the default log level `serve` prints no line per request, so the first-start
 * one-time password is still the last thing on screen after a browser has loaded the UI; at
 * debug each request is one line naming the route pattern, never the raw path or query.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';

describe('serve: request logs', () => {
  let serve: ServeProcess | undefined;
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await serve?.stop();
    await db?.drop();
    serve = undefined;
  });

  it('at the default level, the one-time password stays the last line printed', async () => {
    db = await createTestDatabase('sqlite');
    serve = await spawnServe({ BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_LOG_LEVEL: '', BREACHDESK_ADMIN_PASSWORD: '' });
    for (const path of ['/', '/login', '/api/health', '/api/v1/incidents', '/api/openapi.json', '/api/nope']) await fetch(serve.url + path);
    const out = serve.stdout().trim().split('\n');
    expect(out[0]).toMatch(/is serving on http:\/\/localhost:\d+/);
    expect(out.at(-2)).toMatch(/one-time password/);
    expect(out.at(-1)).toMatch(/^ {2}\S{12,}$/);
    // Only Fastify's one "Server listening" line (written before the password), no warnings.
    const err = serve.stderr().trim().split('\n');
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/"msg":"Server listening at http:\/\/127\.0\.0\.1:\d+"/);
  });

  it('at debug, logs one line per request with the route pattern, not the raw path', async () => {
    db = await createTestDatabase('sqlite');
    serve = await spawnServe({ BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_LOG_LEVEL: 'debug', BREACHDESK_ADMIN_PASSWORD: 'a first admin password' });
    const r = await fetch(`${serve.url}/api/v1/incidents/inc-secret-4711?q=jane`);
    expect(r.status).toBe(401);
    await serve.stop();
    const lines = serve
      .stderr()
      .split('\n')
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l) as { level: number; method: string; route: string; status: number });
    expect(lines.find((l) => l.status === 401)).toMatchObject({ level: 20, method: 'GET', route: '/api/v1/incidents/:id' });
    expect(serve.stderr()).not.toContain('inc-secret-4711');
    expect(serve.stderr()).not.toContain('jane');
  });
});
