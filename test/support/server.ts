/** A real server on a free loopback port, on the given dialect, with tokens per role. */
import type { Dialect } from '../../src/platform/config.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.service.js';
import { createModules, type Modules } from '../../src/main/modules.js';
import { buildServer } from '../../src/main/server.js';
import { type ApiInit, type ApiResult, closeApp, jsonApi } from './http.js';
import { openTestPlatform, type TestPlatform } from './platform.js';
import type { FastifyInstance } from 'fastify';

export interface TestServer extends TestPlatform {
  app: FastifyInstance;
  modules: Modules;
  url: string;
  /** Creates (once per role) a user with that role and returns a bearer token. */
  tokenFor(role: Role, username?: string): Promise<string>;
  api(path: string, init?: ApiInit): Promise<ApiResult>;
}

export async function startTestServer(dialect: Dialect, extra: Record<string, string> = {}): Promise<TestServer> {
  const t = await openTestPlatform(dialect, extra);
  const modules = createModules(t.platform);
  const app = await buildServer(t.platform, modules);
  modules.registerJobs(t.platform.jobs);
  await t.platform.jobs.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const tokens = new Map<string, string>();
  const tokenFor = async (role: Role, username = `${role.replace('_', '-')}-user`) => {
    const key = `${role}:${username}`;
    const existing = tokens.get(key);
    if (existing) return existing;
    if (!(await t.platform.accounts.findUser(username))) {
      await t.platform.accounts.createUser({ email: `${username}@example.test`, username, roles: [role], password: 'test password 123' }, SYSTEM_ACTOR);
    }
    const tok = (await t.platform.accounts.createToken(username, 'test', SYSTEM_ACTOR)).token;
    tokens.set(key, tok);
    return tok;
  };
  const api: TestServer['api'] = jsonApi(url);
  return {
    ...t,
    app,
    modules,
    url,
    tokenFor,
    api,
    close: async () => {
      await closeApp(app);
      await t.close();
    },
  };
}
