/**
 * A real server on a loopback port with the platform's and the incident workspace's routes
 * and migrations, on the given dialect, with users per role (until the lead wires the
 * incidents module into src/main, startTestServer does not serve these routes).
 */
import type { FastifyInstance } from 'fastify';
import { ALL_MIGRATIONS } from '../../src/main/migrations.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.service.js';
import { accountsRoutes } from '../../src/platform/auth/accounts.routes.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { localClient } from '../../src/platform/cli-client.js';
import type { Dialect } from '../../src/platform/config.js';
import { buildHttpApp } from '../../src/platform/http/app.js';
import { createLogger } from '../../src/platform/logger.js';
import type { CliContext, FeatureParts } from '../../src/platform/module.js';
import { openPlatform, type Platform } from '../../src/platform/platform.js';
import { createIncidentsModule, type IncidentsModuleOptions } from '../../src/incidents/incidents.module.js';
import type { IncidentsService } from '../../src/incidents/incidents.service.js';
import { INCIDENTS_MIGRATIONS } from '../../src/incidents/migrations/index.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';
import { type ApiInit, type ApiResult, closeApp, jsonApi } from './http.js';
import { testConfig } from './platform.js';

export const INCIDENT_TEST_MIGRATIONS = { ...ALL_MIGRATIONS, ...INCIDENTS_MIGRATIONS };

export type { ApiResult };

export interface IncidentsTestServer {
  platform: Platform;
  db: TestDatabase;
  app: FastifyInstance;
  url: string;
  service: IncidentsService;
  parts: FeatureParts;
  /** A user (created once per name) with the org role and a bearer token for them. */
  user(username: string, role: Role): Promise<{ id: string; token: string; username: string }>;
  api(path: string, init?: ApiInit): Promise<ApiResult>;
  /** A CLI context whose client runs the API in-process as the local CLI principal. */
  cliContext(): CliContext;
  close(): Promise<void>;
}

export async function startIncidentsTestServer(
  dialect: Dialect,
  opts: IncidentsModuleOptions & { env?: Record<string, string> } = {},
): Promise<IncidentsTestServer> {
  const db = await createTestDatabase(dialect, { migrations: INCIDENT_TEST_MIGRATIONS });
  const platform = await openPlatform(testConfig(db, opts.env), { migrations: INCIDENT_TEST_MIGRATIONS, log: createLogger('silent'), jobPollMs: 50 });
  const mod = createIncidentsModule(platform, { notifier: opts.notifier ?? null, now: opts.now });
  const app = await buildHttpApp(platform, {
    plugins: [accountsRoutes(platform.accounts, { cookieSecure: false, sessionMinutes: 60 }), ...(mod.parts.routes ?? [])],
    version: 'test',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const users = new Map<string, { id: string; token: string; username: string }>();
  return {
    platform,
    db,
    app,
    url,
    service: mod.service,
    parts: mod.parts,
    async user(username, role) {
      const known = users.get(username);
      if (known) return known;
      const r = await platform.accounts.createUser({ email: `${username}@example.test`, username, roles: [role], password: 'test password 123' }, SYSTEM_ACTOR);
      const token = (await platform.accounts.createToken(username, 'test', SYSTEM_ACTOR)).token;
      const u = { id: r.user.id, token, username };
      users.set(username, u);
      return u;
    },
    api: jsonApi(url),
    cliContext: () => ({ client: () => localClient(async () => ({ app, close: async () => {} })) }),
    async close() {
      await closeApp(app);
      await platform.close();
      await db.drop();
    },
  };
}
