/**
 * Role and membership rules, route by route: an org role gates the kind of action (policy),
 * membership gates the incident (a non-member sees nothing — 404, not 403, so ids do not leak).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { type IncidentsTestServer, startIncidentsTestServer } from '../../support/incidents.js';

type U = { id: string; token: string; username: string };

for (const dialect of testDialects()) {
  describe(`incident access rules on ${dialect}`, () => {
    let s: IncidentsTestServer;
    let cmdr: U, scribe: U, viewerMember: U, outsider: U, viewerOutsider: U, admin: U, counsel: U;
    let id: string;
    let taskId: string;

    beforeAll(async () => {
      s = await startIncidentsTestServer(dialect);
      cmdr = await s.user('cmdr', 'incident_commander');
      scribe = await s.user('scribe', 'responder');
      viewerMember = await s.user('exec', 'viewer');
      outsider = await s.user('outsider', 'responder');
      viewerOutsider = await s.user('looker', 'viewer');
      admin = await s.user('root', 'admin');
      counsel = await s.user('counsel', 'responder');
      const r = await s.api('/api/v1/incidents', { token: cmdr.token, body: { title: 'Access test' } });
      id = r.body.id;
      for (const [u, role] of [
        [scribe, 'scribe'],
        [viewerMember, 'executive_sponsor'],
        [counsel, 'legal_counsel'],
      ] as const) {
        // Legal incident roles are granted by legal or admin (issue 19 §2).
        const m = await s.api(`/api/v1/incidents/${id}/members`, { token: role === 'legal_counsel' ? admin.token : cmdr.token, body: { username: u.username, role } });
        expect(m.status).toBe(200);
      }
      taskId = (await s.api(`/api/v1/incidents/${id}/tasks`, { token: cmdr.token })).body.items[0].id;
    });
    afterAll(async () => s?.close());

    const reads = () => [
      `/api/v1/incidents/${id}`,
      `/api/v1/incidents/${id}/tasks`,
      `/api/v1/incidents/${id}/tasks?view=overdue`,
      `/api/v1/incidents/${id}/timeline`,
      `/api/v1/incidents/${id}/timeline/export?format=csv`,
      `/api/v1/incidents/${id}/members`,
      `/api/v1/incidents/${id}/decisions`,
      `/api/v1/incidents/${id}/observables`,
    ];
    const writes = (): [string, string, unknown][] => [
      ['PATCH', `/api/v1/incidents/${id}`, { summary: 'more facts' }],
      ['POST', `/api/v1/incidents/${id}/status`, { status: 'confirmed' }],
      ['POST', `/api/v1/incidents/${id}/tasks`, { phase: 'contain', title: 'Block the IP' }],
      ['PATCH', `/api/v1/incidents/${id}/tasks/${taskId}`, { notes: 'looking' }],
      ['POST', `/api/v1/incidents/${id}/timeline`, { at: '2026-01-01T00:00:00Z', text: 'note' }],
      ['POST', `/api/v1/incidents/${id}/decisions`, { kind: 'other', what: 'w', why: 'y' }],
      ['POST', `/api/v1/incidents/${id}/observables`, { kind: 'domain', value: 'evil.example' }],
    ];

    it('members (any org role) read every incident route; admins read without membership', async () => {
      for (const u of [cmdr, scribe, viewerMember, admin]) {
        for (const path of reads()) expect((await s.api(path, { token: u.token })).status, `${u.username} GET ${path}`).toBe(200);
      }
    });

    it('non-members get 404 on every incident route, read or write, as for a missing incident', async () => {
      for (const u of [outsider, viewerOutsider]) {
        for (const path of reads()) {
          const r = await s.api(path, { token: u.token });
          expect(r.status, `${u.username} GET ${path}`).toBe(404);
          expect(r.body.detail).toBe('incident not found');
        }
      }
      for (const [method, path, body] of writes()) {
        const r = await s.api(path, { token: outsider.token, method, body });
        expect(r.status, `outsider ${method} ${path}`).toBe(404);
      }
      const missing = await s.api('/api/v1/incidents/00000000-0000-7000-8000-000000000000', { token: outsider.token });
      expect(missing.body).toEqual((await s.api(`/api/v1/incidents/${id}`, { token: outsider.token })).body);
    });

    it('a viewer who is a member cannot write anywhere', async () => {
      for (const [method, path, body] of writes()) {
        const r = await s.api(path, { token: viewerMember.token, method, body });
        expect(r.status, `viewer ${method} ${path}`).toBe(403);
      }
      const create = await s.api('/api/v1/incidents', { token: viewerMember.token, body: { title: 'nope' } });
      expect(create.status).toBe(403);
      const detail = await s.api(`/api/v1/incidents/${id}`, { token: viewerMember.token });
      expect(detail.body.permissions).toMatchObject({ read: true, write: false, manageMembers: false });
      expect(detail.body.myRole).toBe('executive_sponsor');
    });

    it('a responder member writes every route', async () => {
      for (const [method, path, body] of writes()) {
        const r = await s.api(path, { token: scribe.token, method, body });
        expect([200, 201], `scribe ${method} ${path}: ${JSON.stringify(r.body)}`).toContain(r.status);
      }
    });

    it('only the commander (incident or org role) manages members and closes or dismisses', async () => {
      const add = await s.api(`/api/v1/incidents/${id}/members`, { token: scribe.token, body: { username: outsider.username, role: 'member' } });
      expect(add.status).toBe(403);
      const dismiss = await s.api(`/api/v1/incidents/${id}/status`, { token: scribe.token, body: { status: 'dismissed', reason: 'x' } });
      expect(dismiss.status).toBe(403);
      const noLastCommander = await s.api(`/api/v1/incidents/${id}/members/${cmdr.id}`, { token: cmdr.token, method: 'DELETE' });
      expect(noLastCommander.status).toBe(409);
      const added = await s.api(`/api/v1/incidents/${id}/members`, { token: cmdr.token, body: { username: outsider.username, role: 'forensics_lead' } });
      expect(added.status).toBe(200);
      expect((await s.api(`/api/v1/incidents/${id}`, { token: outsider.token })).status).toBe(200);
      const removed = await s.api(`/api/v1/incidents/${id}/members/${outsider.id}`, { token: cmdr.token, method: 'DELETE' });
      expect(removed.status).toBe(204);
      expect((await s.api(`/api/v1/incidents/${id}`, { token: outsider.token })).status).toBe(404);
    });

    it('lists, register and observable search show non-members nothing of the incident', async () => {
      await s.api(`/api/v1/incidents/${id}/observables`, { token: cmdr.token, body: { kind: 'ip', value: '198.51.100.9' } });
      const mine = await s.api('/api/v1/incidents', { token: scribe.token });
      expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(id);
      const theirs = await s.api('/api/v1/incidents', { token: outsider.token });
      expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect((await s.api('/api/v1/incidents', { token: admin.token })).body.items.map((i: { id: string }) => i.id)).toContain(id);
      const reg = await s.api('/api/v1/register/export', { token: viewerOutsider.token });
      expect(reg.body.items.map((e: { incidentId: string }) => e.incidentId)).not.toContain(id);
      const search = '/api/v1/observables/search?kind=ip&value=198.51.100.9';
      expect((await s.api(search, { token: outsider.token })).body.items).toHaveLength(0);
      expect((await s.api(search, { token: scribe.token })).body.items).toHaveLength(1);
    });

    it('the cross-incident overdue view shows only incidents the caller may see', async () => {
      const other = await s.api('/api/v1/incidents', { token: outsider.token, body: { title: 'Outsider incident', awareAt: '2026-01-01T00:00:00Z' } });
      const mine = await s.api('/api/v1/tasks?view=overdue&limit=500', { token: outsider.token });
      expect(mine.status).toBe(200);
      expect(new Set(mine.body.items.map((t: { incidentId: string }) => t.incidentId))).toEqual(new Set([other.body.id]));
      const dues = mine.body.items.map((t: { dueAt: string }) => t.dueAt);
      expect(dues).toEqual([...dues].sort());
      const all = await s.api('/api/v1/tasks?view=overdue&limit=500', { token: admin.token });
      const firstPage = await s.api('/api/v1/tasks?view=overdue&limit=3', { token: admin.token });
      const rest = await s.api(`/api/v1/tasks?view=overdue&limit=500&cursor=${firstPage.body.nextCursor}`, { token: admin.token });
      expect([...firstPage.body.items, ...rest.body.items].map((t: { id: string }) => t.id)).toEqual(all.body.items.map((t: { id: string }) => t.id));
      expect(all.body.items.some((t: { incidentId: string }) => t.incidentId === other.body.id)).toBe(true);
      expect((await s.api('/api/v1/tasks?view=overdue&mine=true', { token: outsider.token })).body.items).toHaveLength(0);
    });

    it('privileged material: legal roles of the incident and org legal/admin only', async () => {
      const priv = async (u: U) => (await s.api(`/api/v1/incidents/${id}`, { token: u.token })).body.permissions.privileged;
      expect(await priv(counsel)).toBe(true);
      expect(await priv(admin)).toBe(true);
      expect(await priv(scribe)).toBe(false);
      expect(await priv(viewerMember)).toBe(false);
      const unmask = await s.api(`/api/v1/incidents/${id}/observables?unmask=true`, { token: scribe.token });
      expect(unmask.status).toBe(403);
    });

    it('only an admin edits the response plan; running incidents keep their version', async () => {
      const cur = await s.api('/api/v1/response-plan', { token: scribe.token });
      expect(cur.body.version).toBe(1);
      const yaml = 'name: Short plan\nphases:\n  - id: confirm\n    title: Confirm\n    tasks:\n      - key: look\n        title: Look at it\n        due: { anchor: awareAt, offset: 1h }\n';
      expect((await s.api('/api/v1/response-plan', { token: cmdr.token, method: 'PUT', body: { yaml } })).status).toBe(403);
      const broken = await s.api('/api/v1/response-plan', { token: admin.token, method: 'PUT', body: { yaml: yaml.replace('1h', 'soon') } });
      expect(broken.status).toBe(400);
      expect(broken.body.detail).toMatch(/phases\.0\.tasks\.0\.due\.offset/);
      const saved = await s.api('/api/v1/response-plan', { token: admin.token, method: 'PUT', body: { yaml } });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(2);
      const fresh = await s.api('/api/v1/incidents', { token: cmdr.token, body: { title: 'Under plan 2', awareAt: '2026-04-01T00:00:00Z' } });
      expect(fresh.body.planVersion).toBe(2);
      const tasks = (await s.api(`/api/v1/incidents/${fresh.body.id}/tasks`, { token: cmdr.token })).body.items;
      expect(tasks.map((t: { key: string; dueAt: string }) => [t.key, t.dueAt])).toEqual([['look', '2026-04-01T01:00:00.000Z']]);
      expect((await s.api(`/api/v1/incidents/${id}`, { token: cmdr.token })).body.planVersion).toBe(1);
      expect((await s.api('/api/v1/response-plan/versions/1', { token: cmdr.token })).body.yaml).toMatch(/notify-authority/);
    });

    it('every route in the OpenAPI document declares a policy: anonymous callers get 401', async () => {
      const spec = (await s.api('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
      const mine = Object.entries(spec.paths).filter(([path]) => /^\/api\/v1\/(incidents|register|observables|response-plan|tasks)/.test(path));
      expect(mine.length).toBeGreaterThanOrEqual(15);
      for (const [path, ops] of mine) {
        for (const method of Object.keys(ops)) {
          const r = await s.api(path.replace(/\{[^}]+\}/g, id), { method: method.toUpperCase(), body: ['post', 'put', 'patch'].includes(method) ? {} : undefined });
          expect(r.status, `${method} ${path}`).toBe(401);
        }
      }
    });

    it('every incident route refuses anonymous callers', async () => {
      for (const path of reads()) expect((await s.api(path)).status).toBe(401);
      for (const [method, path, body] of writes()) expect((await s.api(path, { method, body })).status).toBe(401);
    });
  });
}
