/** A real server on a free loopback port, on the given dialect, with tokens per role. */
import type { Dialect } from '../../src/platform/config.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.service.js';
import { createModules, type Modules } from '../../src/main/modules.js';
import { buildServer } from '../../src/main/server.js';
import { openTestPlatform, type TestPlatform } from './platform.js';
import type { FastifyInstance } from 'fastify';

export interface TestServer extends TestPlatform {
  app: FastifyInstance;
  modules: Modules;
  url: string;
  /** Creates (once per role) a user with that role and returns a bearer token. */
  tokenFor(role: Role, username?: string): Promise<string>;
  api(path: string, init?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
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
  const api: TestServer['api'] = async (path, init = {}) => {
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
    ...t,
    app,
    modules,
    url,
    tokenFor,
    api,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}
