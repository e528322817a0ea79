/**
 * Structured logs with request and job ids (issue 18 §6), on each dialect (SQLite: the embedded
 * queue; PostgreSQL: pg-boss). A request's log line carries its id, which the answer names in
 * `X-Request-Id`: a random UUID (Fastify's default was `req-1`, `req-2`… in every process, so two
 * `serve` processes behind one balancer logged the same ids), or the proxy's own id when it sent
 * one. A job's lines carry its id, queue, attempt and the worker that ran it.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/main/migrations.js';
import { createModules } from '../../../src/main/modules.js';
import { buildServer } from '../../../src/main/server.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { createLogger } from '../../../src/platform/logger.js';
import { openPlatform, type Platform } from '../../../src/platform/platform.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../support/dialects.js';
import { testConfig } from '../../support/platform.js';
import { waitFor } from '../../support/wait.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = Record<string, unknown> & { msg?: string };

for (const dialect of testDialects()) {
  describe(`request and job ids in the logs on ${dialect}`, { timeout: 120_000 }, () => {
    let db: TestDatabase;
    let platform: Platform;
    let url: string;
    let close: () => Promise<void>;
    let token: string;
    const lines: Line[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Line);
        cb();
      },
    });

    beforeAll(async () => {
      db = await createTestDatabase(dialect, { migrations: ALL_MIGRATIONS });
      platform = await openPlatform(testConfig(db), { migrations: ALL_MIGRATIONS, log: createLogger('debug', sink), jobPollMs: 50 });
      const modules = createModules(platform);
      const app = await buildServer(platform, modules);
      modules.registerJobs(platform.jobs);
      await platform.jobs.start();
      await app.listen({ port: 0, host: '127.0.0.1' });
      const addr = app.server.address();
      url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      await platform.accounts.createUser({ email: 'logs@example.test', username: 'logs', roles: ['incident_commander'], password: 'log ids test passphrase' }, SYSTEM_ACTOR);
      token = (await platform.accounts.createToken('logs', 'test', SYSTEM_ACTOR)).token;
      close = async () => {
        await app.close();
        await platform.close();
        await db.drop();
      };
    });
    afterAll(async () => close?.());

    const requestLines = (id: string) => lines.filter((l) => l.msg === 'request' && l.reqId === id);

    it('a request line carries the id its answer names: a fresh UUID each time, or the proxy’s', async () => {
      const a = await fetch(`${url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
      const b = await fetch(`${url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
      const [ida, idb] = [a.headers.get('x-request-id')!, b.headers.get('x-request-id')!];
      expect(ida).toMatch(UUID);
      expect(idb).toMatch(UUID);
      expect(ida).not.toBe(idb);
      await waitFor(async () => requestLines(ida).length === 1 && requestLines(idb).length === 1);
      expect(requestLines(ida)[0]).toMatchObject({ method: 'GET', route: '/api/v1/incidents', status: 200 });

      const proxied = await fetch(`${url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': '5f0c2a9e7d1b4c3a8e6f0b1d2c3a4e5f' } });
      expect(proxied.headers.get('x-request-id')).toBe('5f0c2a9e7d1b4c3a8e6f0b1d2c3a4e5f');
      await waitFor(async () => requestLines('5f0c2a9e7d1b4c3a8e6f0b1d2c3a4e5f').length === 1);
      // Anything else a client sends is not an id: a new one is made.
      const odd = await fetch(`${url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'x y\u00e9' } });
      expect(odd.headers.get('x-request-id')).toMatch(UUID);
    });

    it('a job’s lines carry its id, queue, attempt and worker', async () => {
      // Creating an incident queues its obligations' recompute (the audit trail is the change feed).
      const r = await fetch(`${url}/api/v1/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Logged incident' }),
      });
      expect(r.status).toBe(201);
      const done = await waitFor(async () => lines.find((l) => l.msg === 'job done' && l.queue === 'obligations.recompute'));
      expect(done).toMatchObject({ jobId: expect.stringMatching(UUID), attempt: 1, worker: expect.any(String), ms: expect.any(Number) });
      expect(lines.find((l) => l.msg === 'job started' && l.jobId === done.jobId)).toMatchObject({ queue: 'obligations.recompute', worker: done.worker });
      expect(await platform.jobs.get(done.jobId as string)).toMatchObject({ queue: 'obligations.recompute', status: 'done' });
    });
  });
}
