/**
 * Test harness for the evidence and experts suites: a real HTTP server on a loopback port over
 * the platform, the incident workspace's migrations and access rules, and these features'
 * routes (the composition root wires them for production). Users and incidents are created
 * directly in the store so the tests do not depend on another feature's API.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.service.js';
import { accountsRoutes } from '../../platform/auth/accounts.routes.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Config } from '../../platform/config.js';
import { PLATFORM_MIGRATIONS } from '../../platform/db/migrate.js';
import { buildHttpApp } from '../../platform/http/app.js';
import { createLogger } from '../../platform/logger.js';
import { openPlatform, type Platform } from '../../platform/platform.js';
import { createExpertsModule } from '../experts/experts.module.js';
import { EXPERTS_MIGRATIONS } from '../experts/migrations.js';
import { createIncidentAccess, type IncidentRole } from '../incident-access.js';
import type { IncidentsDatabase } from '../incidents.tables.js';
import { INCIDENTS_MIGRATIONS } from '../migrations/index.js';
import { createEvidenceModule, type EvidenceModule } from './evidence.module.js';
import { EVIDENCE_MIGRATIONS } from './migrations.js';

export const FEATURE_MIGRATIONS = { ...PLATFORM_MIGRATIONS, ...INCIDENTS_MIGRATIONS, ...EVIDENCE_MIGRATIONS, ...EXPERTS_MIGRATIONS };

export interface Harness {
  platform: Platform;
  app: FastifyInstance;
  url: string;
  evidence: EvidenceModule;
  /** A user with that org role (created once) and a bearer token for them. */
  user(username: string, role: Role): Promise<{ id: string; token: string }>;
  /** An incident with the given members (username → incident role). */
  incident(members: Record<string, IncidentRole>): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect JSON answers loosely, like test/support/server.ts
  api(path: string, init?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export async function startHarness(config: Config): Promise<Harness> {
  const platform = await openPlatform(config, { migrations: FEATURE_MIGRATIONS, log: createLogger('silent') });
  const access = createIncidentAccess(platform.store.db);
  const evidence = createEvidenceModule(platform, access);
  const experts = createExpertsModule(platform, access);
  const app = await buildHttpApp(platform, {
    plugins: [accountsRoutes(platform.accounts, { cookieSecure: false, sessionMinutes: 60 }), ...(evidence.parts.routes ?? []), ...(experts.parts.routes ?? [])],
    version: 'test',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const users = new Map<string, { id: string; token: string }>();
  const idb = platform.store.db as unknown as Kysely<IncidentsDatabase>;

  const user: Harness['user'] = async (username, role) => {
    const known = users.get(username);
    if (known) return known;
    const r = await platform.accounts.createUser({ email: `${username}@example.test`, username, roles: [role], password: 'test password 123' }, SYSTEM_ACTOR);
    const token = (await platform.accounts.createToken(username, 'test', SYSTEM_ACTOR)).token;
    const u = { id: r.user.id, token };
    users.set(username, u);
    return u;
  };

  const incident: Harness['incident'] = async (members) => {
    const id = randomUUID();
    const now = new Date().toISOString();
    await idb
      .insertInto('incidents')
      .values({
        id,
        title: 'Test incident',
        summary: '',
        status: 'suspected',
        dismissed_reason: null,
        severity: 'high',
        categories: '["confidentiality"]',
        detected_at: null,
        aware_at: now,
        contained_at: null,
        closed_at: null,
        plan_version: 1,
        facts: '',
        effects: '',
        remedial_action: '',
        created_by: 'test',
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const [username, role] of Object.entries(members)) {
      const u = users.get(username);
      if (!u) throw new Error(`create user ${username} first`);
      await idb.insertInto('incident_members').values({ incident_id: id, user_id: u.id, role, added_by: 'test', added_at: now }).execute();
    }
    return id;
  };

  const api: Harness['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers };
  };

  return {
    platform,
    app,
    url,
    evidence,
    user,
    incident,
    api,
    close: async () => {
      // The test's connections are dropped at once, as test/support/http.ts closeApp does: the
      // product's close waits for an answer in flight (a download) to finish, and a test has no
      // client to wait for (this close cost 70 s of every evidence.memory run before, 2026-12-08).
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await platform.close();
    },
  };
}
