/**
 * Issue 16 "done when": `breachdesk serve` (the built package) is killed with SIGKILL in the middle
 * of a bulk action (switch off 150 Redis ACL users), then started again on the same store. The
 * interrupted job's lease runs out, it is taken up again, and every target ends `done` with
 * exactly one `action.done` in the audit trail; every user is off on the real Redis; the chain verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/main/migrations.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { createLogger } from '../../../src/platform/logger.js';
import { openPlatform } from '../../../src/platform/platform.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../support/dialects.js';
import { jsonApi } from '../../support/http.js';
import { type RedisPeer, startRedis } from '../../support/peers/redis-peer.js';
import { testConfig } from '../../support/platform.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';
import { waitFor } from '../../support/wait.js';

const N = 150;
const USERS = Array.from({ length: N }, (_, i) => `svc_${String(i).padStart(3, '0')}`);

for (const dialect of testDialects()) {
  describe(`kill -9 of serve during a bulk action on ${dialect}`, () => {
    let db: TestDatabase;
    let redis: RedisPeer;
    let serve: ServeProcess;
    let token: string;
    const env = () => ({ BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_JOB_LEASE_SECONDS: '3', ...(db.databaseUrl ? { BREACHDESK_DATABASE_URL: db.databaseUrl } : {}) });
    const api = (path: string, init: { method?: string; body?: unknown } = {}) => jsonApi(serve.url)(path, { ...init, token });

    beforeAll(async () => {
      redis = await startRedis();
      await redis.aclUsers(USERS);
      db = await createTestDatabase(dialect, { migrations: ALL_MIGRATIONS });
      const p = await openPlatform(testConfig(db), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
      await p.accounts.createUser({ email: 'ic@example.test', username: 'ic', roles: ['incident_commander'], password: 'crash test passphrase' }, SYSTEM_ACTOR);
      token = (await p.accounts.createToken('ic', 'crash test', SYSTEM_ACTOR)).token;
      await p.close();
      serve = await spawnServe(env());
    }, 120_000);
    afterAll(async () => {
      await serve?.stop('SIGKILL');
      await db?.drop();
      await redis?.stop();
    });

    it('finishes the bulk after a restart with each target done exactly once', async () => {
      const incident = (await api('/api/v1/incidents', { body: { title: 'Stolen service credentials' } })).body.id;
      const c = await api('/api/v1/connectors', { body: { name: 'cache', kind: 'redis', config: { port: redis.port }, secrets: { password: '' }, approvals: { 'disable-user': 'none' } } });
      expect(c.status).toBe(201);
      const plan = await api(`/api/v1/incidents/${incident}/actions`, { body: { connector: 'cache', operation: 'disable-user', targets: USERS } });
      expect(plan.body.items.filter((a: { state: string }) => a.state === 'planned')).toHaveLength(N);
      const run = await api(`/api/v1/incidents/${incident}/actions/run`, { body: { bulkId: plan.body.bulkId } });
      expect(run.body.items.every((i: { ok: boolean }) => i.ok)).toBe(true);

      const states = async () => ((await api(`/api/v1/incidents/${incident}/actions`)).body.items as Array<{ state: string }>).map((a) => a.state);
      // Kill as soon as some targets are done and some are not.
      await waitFor(async () => (await states()).some((s) => s === 'done'), 60_000, 20);
      await serve.stop('SIGKILL');
      serve = await spawnServe(env());
      const atRestart = await states();
      expect(atRestart.filter((s) => s === 'done').length).toBeLessThan(N);

      await waitFor(async () => (await states()).every((s) => s === 'done'), 120_000, 200);
      const p = await openPlatform(testConfig(db), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
      try {
        const done = await p.audit.list({ incidentId: incident, limit: 10_000 });
        const perAction = new Map<string, number>();
        for (const e of done) if (e.action === 'action.done') perAction.set(e.subjectId!, (perAction.get(e.subjectId!) ?? 0) + 1);
        expect(perAction.size).toBe(N);
        expect([...perAction.values()].every((n) => n === 1)).toBe(true);
        expect(await p.audit.verify()).toMatchObject({ ok: true });
      } finally {
        await p.close();
      }
      const r = redis.client();
      await r.connect();
      const list = (await r.call('ACL', 'LIST')) as string[];
      r.disconnect();
      expect(list.filter((l) => / svc_\d{3} off /.test(l))).toHaveLength(N);
    }, 240_000);
  });
}
