/**
 * Evidence, notes and experts together with the incident workspace over real HTTP: incidents
 * and memberships are made through the incidents API, access comes from its module, and the
 * custody events appear in the incident's timeline. (Until the lead wires these modules into
 * src/main, this file composes them itself, as src/main will.)
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExpertsModule } from '../../../src/incidents/experts/experts.module.js';
import { EXPERTS_MIGRATIONS } from '../../../src/incidents/experts/migrations.js';
import { createEvidenceModule } from '../../../src/incidents/evidence/evidence.module.js';
import { EVIDENCE_MIGRATIONS } from '../../../src/incidents/evidence/migrations.js';
import { createIncidentsModule } from '../../../src/incidents/incidents.module.js';
import { INCIDENTS_MIGRATIONS } from '../../../src/incidents/migrations/index.js';
import { ALL_MIGRATIONS } from '../../../src/main/migrations.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { accountsRoutes } from '../../../src/platform/auth/accounts.routes.js';
import type { Role } from '../../../src/platform/auth/roles.js';
import { buildHttpApp } from '../../../src/platform/http/app.js';
import { createLogger } from '../../../src/platform/logger.js';
import { openPlatform, type Platform } from '../../../src/platform/platform.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../support/dialects.js';
import { testConfig } from '../../support/platform.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const dialect of testDialects()) {
  describe(`evidence with the incident workspace on ${dialect}`, () => {
    let db: TestDatabase;
    let platform: Platform;
    let app: FastifyInstance;
    let url: string;
    const tokens: Record<string, string> = {};

    // biome-ignore lint/suspicious/noExplicitAny: JSON answers are inspected field by field
    const api = async (path: string, token: string, body?: unknown, method?: string): Promise<{ status: number; body: any }> => {
      const res = await fetch(url + path, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      platform = await openPlatform(testConfig(db), {
        migrations: { ...ALL_MIGRATIONS, ...INCIDENTS_MIGRATIONS, ...EVIDENCE_MIGRATIONS, ...EXPERTS_MIGRATIONS },
        log: createLogger('silent'),
      });
      const incidents = createIncidentsModule(platform, { notifier: null });
      const evidence = createEvidenceModule(platform, incidents.access);
      const experts = createExpertsModule(platform, incidents.access);
      app = await buildHttpApp(platform, {
        plugins: [accountsRoutes(platform.accounts, { cookieSecure: false, sessionMinutes: 60 }), ...[incidents, evidence, experts].flatMap((m) => m.parts.routes ?? [])],
        version: 'test',
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const addr = app.server.address();
      url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      for (const [name, role] of [
        ['cmdr', 'incident_commander'],
        ['resp', 'responder'],
        ['counsel', 'responder'],
        ['stranger', 'responder'],
        ['root', 'admin'],
      ] as Array<[string, Role]>) {
        await platform.accounts.createUser({ email: `${name}@example.test`, username: name, roles: [role], password: 'test password 123' }, SYSTEM_ACTOR);
        tokens[name] = (await platform.accounts.createToken(name, 'test', SYSTEM_ACTOR)).token;
      }
    });
    afterAll(async () => {
      await app?.close();
      await platform?.close();
      await db?.drop();
    });

    it('members upload, verify and hand over evidence; non-members and non-legal members see only what they may', async () => {
      const inc = await api('/api/v1/incidents', tokens.cmdr!, { title: 'Stolen backup tape' });
      expect(inc.status).toBe(201);
      const id = inc.body.id as string;
      expect((await api(`/api/v1/incidents/${id}/members`, tokens.cmdr!, { username: 'resp', role: 'forensics_lead' })).status).toBe(200);
      // Outside counsel (org role responder) is named by an admin: a commander may not grant legal roles (issue 19 §2).
      expect((await api(`/api/v1/incidents/${id}/members`, tokens.root!, { username: 'counsel', role: 'legal_counsel' })).status).toBe(200);

      const data = randomBytes(1536 * 1024);
      const up = await fetch(`${url}/api/v1/incidents/${id}/evidence?name=tape-index.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.resp}`, 'content-type': 'application/octet-stream' },
        body: data,
      });
      expect(up.status).toBe(201);
      const item = (await up.json()) as { id: string; sha256: string };
      expect(item.sha256).toBe(sha(data));
      expect((await api(`/api/v1/evidence/${item.id}/verify`, tokens.cmdr!, {})).body).toMatchObject({ ok: true, problems: [] });
      expect((await api(`/api/v1/evidence/${item.id}/handover`, tokens.resp!, { to: 'Secure store B', reason: 'overnight' })).body.custodian).toBe('Secure store B');

      // A responder who is not a member of the incident sees nothing of it.
      expect((await api(`/api/v1/incidents/${id}/evidence`, tokens.stranger!)).status).toBe(404);
      expect((await api(`/api/v1/evidence/${item.id}`, tokens.stranger!)).status).toBe(404);

      // Privileged: the legal_counsel member (org role responder) may; the forensics lead may not.
      const note = await api(`/api/v1/incidents/${id}/notes`, tokens.counsel!, { body: 'Privileged: exposure assessment for counsel', privileged: true });
      expect(note.status).toBe(201);
      expect((await api(`/api/v1/incidents/${id}/notes`, tokens.resp!)).body.items).toEqual([]);
      expect((await api(`/api/v1/incidents/${id}/notes/${note.body.id}`, tokens.resp!)).status).toBe(404);
      expect((await api(`/api/v1/incidents/${id}/notes`, tokens.counsel!)).body.items).toHaveLength(1);

      // Custody events are in the incident's timeline (built from the audit trail).
      const timeline = await api(`/api/v1/incidents/${id}/timeline`, tokens.cmdr!);
      expect(timeline.status).toBe(200);
      const actions = (timeline.body.items as Array<{ action?: string | null }>).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['evidence.upload', 'evidence.verify', 'evidence.handover', 'note.created']));
      expect(JSON.stringify(timeline.body)).not.toContain('exposure assessment for counsel');
    });

    it('engages an expert from the directory on the incident', async () => {
      const inc = await api('/api/v1/incidents', tokens.cmdr!, { title: 'Ransomware' });
      const insurer = await api('/api/v1/experts', tokens.cmdr!, { kind: 'insurer', name: 'Cover Co', policyNumber: 'P-9', claimHotline: '+1 800 555 0199' });
      expect(insurer.status).toBe(201);
      const e = await api(`/api/v1/incidents/${inc.body.id}/experts`, tokens.cmdr!, { expertId: insurer.body.id, role: 'cyber insurer', terms: 'claim notified under policy P-9' });
      expect(e.status).toBe(201);
      const list = await api(`/api/v1/incidents/${inc.body.id}/experts`, tokens.cmdr!);
      expect(list.body.items[0]).toMatchObject({ role: 'cyber insurer', engagedBy: 'cmdr', expert: { claimHotline: '+1 800 555 0199' } });
      expect((await api(`/api/v1/incidents/${inc.body.id}/experts`, tokens.stranger!)).status).toBe(404);
    });
  });
}
