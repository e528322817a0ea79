/**
 * `breachdesk serve`: migrations, first-run admin, HTTP API + web UI, and in-process jobs.
 */
import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from '../platform/auth/accounts.routes.js';
import type { Config } from '../platform/config.js';
import { buildHttpApp, type RoutePlugin } from '../platform/http/app.js';
import { openPlatform, type Platform } from '../platform/platform.js';
import { ALL_MIGRATIONS } from './migrations.js';
import { VERSION } from './version.js';
import { webPlugin } from './web.js';

export interface Server {
  app: FastifyInstance;
  platform: Platform;
  url: string;
  close(): Promise<void>;
}

/** Route plugins of every feature, in an explicit list. */
export function routePlugins(platform: Platform): RoutePlugin[] {
  return [accountsRoutes(platform.accounts, { cookieSecure: platform.config.cookieSecure, sessionMinutes: platform.config.sessionMinutes })];
}

export async function buildServer(platform: Platform): Promise<FastifyInstance> {
  return buildHttpApp(platform, { plugins: routePlugins(platform), web: webPlugin(), version: VERSION });
}

export interface StartOptions {
  sqliteFile?: string;
  /** Print first-run credentials here (stdout by default). */
  announce?: (line: string) => void;
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<Server> {
  const announce = opts.announce ?? ((l: string) => process.stdout.write(`${l}\n`));
  const platform = await openPlatform(config, { migrations: ALL_MIGRATIONS, sqliteFile: opts.sqliteFile });
  const first = await platform.accounts.ensureFirstAdmin(config.adminEmail, config.adminPassword);
  const app = await buildServer(platform);
  if (config.inlineWorker) await platform.jobs.start();
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://localhost:${port}`;
  announce(`Breachdesk ${VERSION} is serving on ${url} (store: ${platform.store.dialect})`);
  if (first.created) {
    if (first.password) {
      announce(`First start: sign in as "admin" (${config.adminEmail}) with this one-time password, then change it:`);
      announce(`  ${first.password}`);
    } else announce(`First start: sign in as "admin" (${config.adminEmail}) with BREACHDESK_ADMIN_PASSWORD.`);
  }
  return {
    app,
    platform,
    url,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
}
