/**
 * Containment over the API on both store dialects, against the local PostgreSQL as the system
 * contained: secrets never shown, per-target plan errors (unknown target, missing credential,
 * unreachable system), approval rules (two people), execution as a job, verify, undo, the audit
 * trail and the incident timeline.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/dialects.js';
import { type SaasFake, startSaasFake } from '../../test/support/peers/saas-fakes.js';
import { startTestServer, type TestServer } from '../../test/support/server.js';
import { waitFor } from '../../test/support/wait.js';

const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };
const sfx = randomBytes(4).toString('hex');
const ROLES = [`bd_api_a_${sfx}`, `bd_api_b_${sfx}`];
const SECRET = `pw-${randomBytes(8).toString('hex')}`;

async function sql<T extends pg.QueryResultRow>(q: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client(PG);
  await c.connect();
  try {
    return (await c.query<T>(q, params)).rows;
  } finally {
    await c.end();
  }
}
const canLogin = async (r: string) => (await sql<{ l: boolean }>('SELECT rolcanlogin AS l FROM pg_roles WHERE rolname = $1', [r]))[0]?.l;

beforeAll(async () => {
  for (const r of ROLES) await sql(`CREATE ROLE ${r} LOGIN`);
});
afterAll(async () => {
  for (const r of ROLES) await sql(`DROP ROLE IF EXISTS ${r}`);
});

for (const dialect of testDialects()) {
  describe(`containment API on ${dialect}`, () => {
    let s: TestServer;
    const tok: Record<string, string> = {};
    let incidentId: string;

    beforeAll(async () => {
      s = await startTestServer(dialect);
      tok.cmd = await s.tokenFor('incident_commander', 'cmd-one');
      tok.cmd2 = await s.tokenFor('incident_commander', 'cmd-two');
      tok.viewer = await s.tokenFor('viewer', 'view-one');
      tok.outsider = await s.tokenFor('incident_commander', 'cmd-outside');
      const inc = await s.api('/api/v1/incidents', { token: tok.cmd, body: { title: 'Leaked DB credentials' } });
      incidentId = inc.body.id;
      for (const [username, role] of [['cmd-two', 'commander'], ['view-one', 'member']]) {
        expect((await s.api(`/api/v1/incidents/${incidentId}/members`, { token: tok.cmd, body: { username, role } })).status).toBe(200);
      }
    });
    afterAll(async () => s?.close());

    it('stores connector secrets encrypted and never shows them; check connection', async () => {
      const c = await s.api('/api/v1/connectors', { token: tok.cmd, body: { name: `pg-${dialect}`, kind: 'postgres', config: { host: '127.0.0.1', port: 5432, user: 'postgres' }, secrets: { password: SECRET }, approvals: { 'lock-role': 'two' } } });
      expect(c.status).toBe(201);
      expect(c.body).toMatchObject({ secretsSet: ['password'], approvals: { 'lock-role': 'two' } });
      expect(c.text).not.toContain(SECRET);
      const list = await s.api('/api/v1/connectors', { token: tok.cmd });
      expect(list.text).not.toContain(SECRET);
      const row = await s.platform.store.db.selectFrom('contain_connectors' as never).selectAll().execute();
      expect(JSON.stringify(row)).not.toContain(SECRET);
      const check = await s.api(`/api/v1/connectors/pg-${dialect}/check`, { token: tok.cmd, method: 'POST' });
      expect(check.body).toMatchObject({ checkOk: true });
      expect(check.body.checkResult).toMatch(/PostgreSQL \d+/);
      expect((await s.api('/api/v1/connectors', { token: tok.viewer, body: { name: 'x', kind: 'postgres', config: { user: 'postgres' } } })).status).toBe(403);
      const badKind = await s.api('/api/v1/connectors', { token: tok.cmd, body: { name: 'x', kind: 'mainframe' } });
      expect(badKind.status).toBe(400);
      expect(badKind.body.detail).toMatch(/unknown connector kind "mainframe"/);
      const kinds = await s.api('/api/v1/connector-kinds', { token: tok.viewer });
      const lock = kinds.body.items.find((k: { kind: string }) => k.kind === 'postgres').operations.find((o: { name: string }) => o.name === 'lock-role');
      expect(lock).toMatchObject({ reversible: true, approval: 'commander' });
      // GitHub's organisation token is optional (only remove-org-member needs it): taken, sealed, never shown.
      const gh = kinds.body.items.find((k: { kind: string }) => k.kind === 'github');
      expect(gh).toMatchObject({ secrets: [], optionalSecrets: ['token'] });
      expect(gh.operations.map((o: { name: string }) => o.name)).toEqual(['revoke-token', 'remove-org-member']);
      const ghTok = `ghp_${randomBytes(18).toString('hex')}`;
      const ghc = await s.api('/api/v1/connectors', { token: tok.cmd, body: { name: `gh-${dialect}`, kind: 'github', config: { org: 'acme' }, secrets: { token: ghTok } } });
      expect(ghc.status).toBe(201);
      expect(ghc.body.secretsSet).toEqual(['token']);
      expect((await s.api('/api/v1/connectors', { token: tok.cmd })).text).not.toContain(ghTok);
      const badSecret = await s.api('/api/v1/connectors', { token: tok.cmd, body: { name: 'gh-x', kind: 'github', secrets: { password: 'x' } } });
      expect(badSecret.body.detail).toBe('secrets: github takes token, not password');
    });

    it('a bulk action: bad targets fail on their own, two people approve, the job runs, verify, undo', async () => {
      const planned = await s.api(`/api/v1/incidents/${incidentId}/actions`, { token: tok.cmd, body: { connector: `pg-${dialect}`, operation: 'lock-role', targets: [...ROLES, `bd_nobody_${sfx}`] } });
      expect(planned.status).toBe(201);
      const byTarget = Object.fromEntries(planned.body.items.map((a: { target: string }) => [a.target, a]));
      expect(byTarget[`bd_nobody_${sfx}`]).toMatchObject({ state: 'failed', error: `plan: role "bd_nobody_${sfx}" not found` });
      expect(byTarget[ROLES[0]!]).toMatchObject({ state: 'planned', approval: 'two', undoPreview: expect.stringContaining(': LOGIN') });
      expect(byTarget[ROLES[0]!].plan[0]).toContain('LOGIN → NOLOGIN');
      const bulkId = planned.body.bulkId;
      const sel = { bulkId };

      const early = await s.api(`/api/v1/incidents/${incidentId}/actions/run`, { token: tok.cmd, body: sel });
      expect(early.body.items.filter((i: { ok: boolean }) => !i.ok).map((i: { detail: string }) => i.detail)).toContain('needs approval (by a second person) before it can run');
      const self = await s.api(`/api/v1/incidents/${incidentId}/actions/approve`, { token: tok.cmd, body: sel });
      expect(self.body.items.find((i: { target: string }) => i.target === ROLES[0]).detail).toMatch(/two people: the one who requested it cannot approve/);
      expect((await s.api(`/api/v1/incidents/${incidentId}/actions/approve`, { token: tok.viewer, body: sel })).status).toBe(403);
      expect((await s.api(`/api/v1/incidents/${incidentId}/actions/approve`, { token: tok.outsider, body: sel })).status).toBe(404);
      const ok = await s.api(`/api/v1/incidents/${incidentId}/actions/approve`, { token: tok.cmd2, body: sel });
      expect(ok.body.items.map((i: { ok: boolean }) => i.ok)).toEqual([true, true, false]);

      const run = await s.api(`/api/v1/incidents/${incidentId}/actions/run`, { token: tok.cmd, body: sel });
      expect(run.body.items.filter((i: { ok: boolean }) => i.ok)).toHaveLength(2);
      await waitFor(async () => {
        const l = await s.api(`/api/v1/incidents/${incidentId}/actions?bulkId=${bulkId}`, { token: tok.viewer });
        return l.body.items.every((a: { state: string }) => a.state === 'done' || a.state === 'failed');
      });
      // The unknown target failed again when run (the job tried to capture it), with the same clear error.
      const after = (await s.api(`/api/v1/incidents/${incidentId}/actions?bulkId=${bulkId}`, { token: tok.viewer })).body.items;
      expect(after.map((a: { state: string }) => a.state).sort()).toEqual(['done', 'done', 'failed']);
      // A viewer sees the targets masked; the commander (who may unmask) in full.
      expect(after.map((a: { target: string }) => a.target)).not.toContain(ROLES[0]);
      expect(after.map((a: { target: string }) => a.target)).toContain(`bd…${ROLES[0]!.slice(-2)}`);
      expect(await canLogin(ROLES[0]!)).toBe(false);

      const v = await s.api(`/api/v1/incidents/${incidentId}/actions/verify`, { token: tok.cmd, body: sel });
      expect(v.body.items.filter((i: { ok: boolean }) => i.ok).map((i: { detail: string }) => i.detail)).toEqual(['NOLOGIN, 0 live session(s)', 'NOLOGIN, 0 live session(s)']);
      const u = await s.api(`/api/v1/incidents/${incidentId}/actions/undo`, { token: tok.cmd, body: { actionIds: [byTarget[ROLES[0]!].id] } });
      expect(u.body.items[0]).toMatchObject({ ok: true, state: 'undone' });
      expect(await canLogin(ROLES[0]!)).toBe(true);
      expect(await canLogin(ROLES[1]!)).toBe(false);

      const events = await s.platform.audit.list({ subjectType: 'action', subjectId: byTarget[ROLES[0]!].id });
      expect(events.map((e) => e.action)).toEqual(['action.planned', 'action.approved', 'action.run_requested', 'action.executing', 'action.done', 'action.verified', 'action.undone']);
      expect(events.every((e) => e.incidentId === incidentId)).toBe(true);
      const timeline = await s.api(`/api/v1/incidents/${incidentId}/timeline`, { token: tok.viewer });
      expect(timeline.text).toContain(`Containment done: lock-role bd…${ROLES[0]!.slice(-2)}`);
      expect(timeline.text).not.toContain(ROLES[0]);
      // The database file alone names no target: targets and the texts naming them are sealed.
      const raw = JSON.stringify(await s.platform.store.db.selectFrom('contain_actions' as never).selectAll().execute());
      expect(raw).not.toContain(ROLES[0]);
      expect(JSON.stringify(await s.platform.audit.list({ incidentId }))).not.toContain(ROLES[0]);
    });

    it('an irreversible action cannot run without approval, even where the connector says none', async () => {
      const fake: SaasFake = await startSaasFake();
      try {
        fake.users.set('u', { id: 'U0ERIN', login: 'erin', status: 'ACTIVE', accountEnabled: true, sessions: 2 });
        await s.api('/api/v1/connectors', { token: tok.cmd, body: { name: `slack-${dialect}`, kind: 'slack', config: { baseUrl: fake.url }, secrets: { token: fake.token }, approvals: { 'reset-sessions': 'none' } } });
        const plan = await s.api(`/api/v1/incidents/${incidentId}/actions`, { token: tok.cmd, body: { connector: `slack-${dialect}`, operation: 'reset-sessions', targets: ['U0ERIN'] } });
        expect(plan.body.items[0]).toMatchObject({ state: 'planned', reversible: false, approval: 'commander', undoPreview: 'nothing: this operation cannot be undone' });
        const sel = { bulkId: plan.body.bulkId };
        const run = await s.api(`/api/v1/incidents/${incidentId}/actions/run`, { token: tok.cmd, body: sel });
        expect(run.body.items[0]).toMatchObject({ ok: false, detail: 'needs approval (by an incident commander) before it can run' });
        expect(fake.users.get('u')!.sessions).toBe(2);
        await s.api(`/api/v1/incidents/${incidentId}/actions/approve`, { token: tok.cmd2, body: sel });
        await s.api(`/api/v1/incidents/${incidentId}/actions/run`, { token: tok.cmd, body: sel });
        await waitFor(async () => fake.users.get('u')!.sessions === 0);
        await waitFor(async () => (await s.api(`/api/v1/incidents/${incidentId}/actions?bulkId=${plan.body.bulkId}`, { token: tok.cmd })).body.items[0].state === 'done');
        const undo = await s.api(`/api/v1/incidents/${incidentId}/actions/undo`, { token: tok.cmd, body: sel });
        expect(undo.body.items[0]).toMatchObject({ ok: false, detail: 'this operation cannot be undone' });
      } finally {
        await fake.stop();
      }
    });

    it('missing credential and an unreachable system are clear errors on each action', async () => {
      await s.api('/api/v1/connectors', { token: tok.cmd, body: { name: `nocred-${dialect}`, kind: 'postgres', config: { user: 'postgres' } } });
      await s.api('/api/v1/connectors', { token: tok.cmd, body: { name: `down-${dialect}`, kind: 'postgres', config: { user: 'postgres', port: 1 }, secrets: { password: 'x' } } });
      const a = await s.api(`/api/v1/incidents/${incidentId}/actions`, { token: tok.cmd, body: { connector: `nocred-${dialect}`, operation: 'lock-role', targets: ROLES } });
      expect(a.body.items.map((x: { error: string }) => x.error)).toEqual([`plan: connector "nocred-${dialect}": missing credential password`, `plan: connector "nocred-${dialect}": missing credential password`]);
      const b = await s.api(`/api/v1/incidents/${incidentId}/actions`, { token: tok.cmd, body: { connector: `down-${dialect}`, operation: 'lock-role', targets: [ROLES[0]] } });
      expect(b.body.items[0].error).toBe('plan: PostgreSQL at 127.0.0.1:1 is unreachable (ECONNREFUSED)');
      const badOp = await s.api(`/api/v1/incidents/${incidentId}/actions`, { token: tok.cmd, body: { connector: `down-${dialect}`, operation: 'drop-database', targets: ['x'] } });
      expect(badOp.status).toBe(400);
      expect(badOp.body.detail).toMatch(/^operation: connector postgres has no operation "drop-database"/);
    });
  });
}
