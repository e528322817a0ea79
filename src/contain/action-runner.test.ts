/**
 * Execution as a job (issue 16 §1 "a job with retries and timeouts"; "done when": bad input gives a
 * clear error on the action and the rest of a bulk still runs) against a real redis-server behind a
 * TCP relay this suite controls: a target gone between plan and run fails at once (permanent, one
 * attempt) while the rest of the bulk is done; a peer that is down is retried up to the limit and
 * then failed with a clear error, and runs once it is back; a peer that accepts but never answers
 * is cut by the per-call timeout.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/dialects.js';
import { type RedisPeer, startRedis } from '../../test/support/peers/redis-peer.js';
import { startTestServer, type TestServer } from '../../test/support/server.js';
import { freePort } from '../../test/support/spawn-server.js';
import { waitFor } from '../../test/support/wait.js';
import { SYSTEM_ACTOR } from '../platform/audit/audit.service.js';
import { executeAction } from './action-runner.js';

/** Relays 127.0.0.1:port to the peer; `down()` closes the port, `hang()` accepts and never answers. */
interface Relay {
  port: number;
  mode: 'relay' | 'hang';
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}
async function startRelay(to: number): Promise<Relay> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const relay: Relay = {
    port,
    mode: 'relay',
    up: () =>
      new Promise<void>((resolve) => {
        server = createServer((s) => {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
          if (relay.mode === 'hang') return;
          const p = createConnection({ host: '127.0.0.1', port: to });
          p.on('error', () => s.destroy());
          s.pipe(p).pipe(s);
          s.on('close', () => p.destroy());
        });
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      server = null;
    },
    stop: () => relay.down(),
  };
  await relay.up();
  return relay;
}

let redis: RedisPeer;
const USERS = ['svc_a', 'svc_b', 'svc_c', 'svc_d', 'svc_e'];
const aclOf = (u: string) => redis.using(async (r) => ((await r.call('ACL', 'LIST')) as string[]).find((l) => l.startsWith(`user ${u} `)) ?? 'absent');

beforeAll(async () => {
  redis = await startRedis();
  await redis.aclUsers(USERS);
});
afterAll(async () => redis?.stop());

for (const dialect of testDialects()) {
  describe(`containment jobs: retries, timeouts and per-target failures on ${dialect}`, () => {
    let s: TestServer;
    let relay: Relay;
    let token: string;
    let incident: string;
    const name = `cache-${dialect}`;
    const actions = async (bulkId: string) => (await s.api(`/api/v1/incidents/${incident}/actions?bulkId=${bulkId}`, { token })).body.items as Array<{ id: string; target: string; state: string; error: string | null; attempts: number; links: unknown[] }>;
    const settled = (bulkId: string) => waitFor(async () => (await actions(bulkId)).every((a) => a.state === 'done' || a.state === 'failed'), 60_000);
    const plan = async (targets: string[]) => {
      const p = await s.api(`/api/v1/incidents/${incident}/actions`, { token, body: { connector: name, operation: 'disable-user', targets } });
      expect(p.body.items.map((a: { state: string }) => a.state)).toEqual(targets.map(() => 'planned'));
      return p.body.bulkId as string;
    };
    const run = async (bulkId: string) => expect((await s.api(`/api/v1/incidents/${incident}/actions/run`, { token, body: { bulkId } })).body.items.every((i: { ok: boolean }) => i.ok)).toBe(true);

    beforeAll(async () => {
      relay = await startRelay(redis.port);
      s = await startTestServer(dialect);
      token = await s.tokenFor('incident_commander', 'ic-runner');
      incident = (await s.api('/api/v1/incidents', { token, body: { title: 'Stolen service passwords' } })).body.id;
      const c = await s.api('/api/v1/connectors', { token, body: { name, kind: 'redis', config: { port: relay.port }, secrets: { password: '' }, approvals: { 'disable-user': 'none' } } });
      expect(c.status).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await s?.close();
      await relay?.stop();
      await redis.aclUsers(USERS);
    });

    it('a target gone between plan and run fails at once with a clear error; the rest of the bulk is done', async () => {
      const bulkId = await plan(['svc_a', 'svc_b', 'svc_c']);
      await redis.using((r) => r.call('ACL', 'DELUSER', 'svc_b'));
      await run(bulkId);
      await settled(bulkId);
      const by = Object.fromEntries((await actions(bulkId)).map((a) => [a.target, a]));
      expect(by.svc_a).toMatchObject({ state: 'done', attempts: 1 });
      expect(by.svc_c).toMatchObject({ state: 'done', attempts: 1 });
      // Permanent: not retried.
      expect(by.svc_b).toMatchObject({ state: 'failed', attempts: 1, error: 'ACL user "svc_b" not found' });
      expect(await aclOf('svc_a')).toMatch(/ off /);
      expect(await aclOf('svc_c')).toMatch(/ off /);
      expect(await aclOf('svc_b')).toBe('absent');
      // The state machine refuses steps out of order; running a done action again changes nothing.
      const step = async (what: string, id: string) => (await s.api(`/api/v1/incidents/${incident}/actions/${what}`, { token, body: { actionIds: [id] } })).body.items[0];
      expect(await step('verify', by.svc_b.id)).toMatchObject({ ok: false, state: 'failed', detail: 'cannot verify an action that is failed' });
      expect(await step('approve', by.svc_a.id)).toMatchObject({ ok: false, state: 'done', detail: 'cannot approve an action that is done' });
      expect(await step('run', by.svc_a.id)).toMatchObject({ ok: true, state: 'done', detail: 'already done: nothing to do' });
      const fresh = await plan(['svc_a']);
      expect(await step('undo', (await actions(fresh))[0]!.id)).toMatchObject({ ok: false, state: 'planned', detail: 'nothing to undo: the action is planned' });
      expect((await actions(bulkId)).find((a) => a.target === 'svc_a')).toMatchObject({ state: 'done', attempts: 1 });
      const doneEvents = (await s.platform.audit.list({ subjectType: 'action', subjectId: by.svc_a.id })).filter((e) => e.action === 'action.done');
      expect(doneEvents).toHaveLength(1);
      await redis.aclUsers(['svc_b']);
    }, 90_000);

    it('an unreachable peer is retried up to the limit, then the action fails saying so; run again once it is back', async () => {
      const bulkId = await plan(['svc_d']);
      await relay.down();
      try {
        await run(bulkId);
        await settled(bulkId);
        const [a] = await actions(bulkId);
        expect(a).toMatchObject({ state: 'failed', attempts: 3 });
        expect(a!.error).toMatch(/^Redis at 127\.0\.0\.1:\d+ is unreachable \(ECONNREFUSED\)$/);
        expect(await aclOf('svc_d')).toMatch(/ on /);
        const events = (await s.platform.audit.list({ subjectType: 'action', subjectId: a!.id })).map((e) => e.action);
        expect(events.filter((e) => e === 'action.failed')).toHaveLength(1);
        expect(events.filter((e) => e === 'action.executing')).toHaveLength(1);
      } finally {
        await relay.up();
      }
      await run(bulkId);
      await waitFor(async () => (await actions(bulkId))[0]!.state === 'done', 60_000);
      expect(await aclOf('svc_d')).toMatch(/ off /);
    }, 90_000);

    it('an action links to a task, an observable, a finding and a remediation item of its incident; those of another are refused', async () => {
      const task = (await s.api(`/api/v1/incidents/${incident}/tasks?limit=1`, { token })).body.items[0].id;
      const obs = (await s.api(`/api/v1/incidents/${incident}/observables`, { token, body: { kind: 'account', value: 'svc_a' } })).body.id;
      const rem = (await s.api(`/api/v1/incidents/${incident}/remediations`, { token, body: { rootCause: 'shared password', fix: 'per-service ACL users' } })).body.id;
      // A finding is <scanId>/<secretType> of one of the incident's scans: scan a leaked config with a token in it.
      const leak = 'service,secret\nci,ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8\n';
      const up = await fetch(`${s.url}/api/v1/incidents/${incident}/evidence?name=config.csv`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: leak });
      const scanId = (await s.api(`/api/v1/incidents/${incident}/assessments`, { token, body: { evidenceIds: [((await up.json()) as { id: string }).id] } })).body.id as string;
      const done = await waitFor(async () => {
        const a = (await s.api(`/api/v1/assessments/${scanId}`, { token })).body;
        return a.status === 'done' ? a : null;
      }, 60_000);
      const secretType = Object.keys(done.report.secrets)[0];
      expect(secretType).toBeDefined();
      const links = [
        { type: 'task', id: task },
        { type: 'observable', id: obs },
        { type: 'finding', id: `${scanId}/${secretType}` },
        { type: 'remediation', id: rem },
      ];
      const p = await s.api(`/api/v1/incidents/${incident}/actions`, { token, body: { connector: name, operation: 'disable-user', targets: ['svc_a'], links } });
      expect(p.status).toBe(201);
      expect((await actions(p.body.bulkId))[0]).toMatchObject({ links });
      const other = (await s.api('/api/v1/incidents', { token, body: { title: 'Another incident' } })).body.id;
      const otherTask = (await s.api(`/api/v1/incidents/${other}/tasks?limit=1`, { token })).body.items[0].id;
      const refused = async (on: string, link: { type: string; id: string }) => {
        const r = await s.api(`/api/v1/incidents/${on}/actions`, { token, body: { connector: name, operation: 'disable-user', targets: ['svc_a'], links: [link] } });
        expect(r.status).toBe(400);
        return r.body.detail as string;
      };
      expect(await refused(incident, { type: 'task', id: otherTask })).toBe(`links: this incident has no task ${otherTask}`);
      expect(await refused(other, { type: 'remediation', id: rem })).toBe(`links: this incident has no remediation item ${rem}`);
      expect(await refused(other, { type: 'observable', id: obs })).toBe(`links: this incident has no observable ${obs}`);
      expect(await refused(other, { type: 'finding', id: `${scanId}/${secretType}` })).toMatch(/^links: this incident has no scan finding /);
      expect(await refused(incident, { type: 'finding', id: `${scanId}/no_such_secret` })).toMatch(/^links: this incident has no scan finding /);
      expect(await refused(incident, { type: 'finding', id: 'scan-1/redis_password' })).toMatch(/^links: this incident has no scan finding /);
    }, 90_000);

    it('a peer that accepts and never answers is cut by the per-call timeout', async () => {
      const bulkId = await plan(['svc_e']);
      const [a] = await actions(bulkId);
      relay.mode = 'hang';
      try {
        const ctx = { signal: new AbortController().signal, attempt: 3, reportProgress: async () => {} };
        const t0 = Date.now();
        const out = await executeAction(s.modules.contain.actions, { actionId: a!.id, actor: SYSTEM_ACTOR }, ctx, 1500);
        expect(Date.now() - t0).toBeLessThan(10_000);
        expect(out).toEqual({ failed: `${name} disable-user svc_e timed out after 2 s` });
        expect((await actions(bulkId))[0]).toMatchObject({ state: 'failed', error: `${name} disable-user svc_e timed out after 2 s` });
      } finally {
        relay.mode = 'relay';
      }
      expect(await aclOf('svc_e')).toMatch(/ on /);
    }, 60_000);
  });
}
