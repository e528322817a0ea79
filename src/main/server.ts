/**
 * `breachdesk serve`: migrations, first-run admin, HTTP API + web UI, and in-process jobs.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config.js';
import { buildHttpApp } from '../platform/http/app.js';
import { openPlatform, type Platform } from '../platform/platform.js';
import { ALL_MIGRATIONS } from './migrations.js';
import { createModules, type Modules } from './modules.js';
import { VERSION } from './version.js';
import { webPlugin } from './web.js';

export interface Server {
  app: FastifyInstance;
  platform: Platform;
  url: string;
  close(): Promise<void>;
}

/** Builds the HTTP app with every feature's routes; the modules are returned for job wiring. */
export async function buildServer(platform: Platform, modules: Modules = createModules(platform)): Promise<FastifyInstance> {
  const app = await buildHttpApp(platform, { plugins: modules.routes, web: webPlugin(), version: VERSION });
  // Closing waits for background work the last requests started (the store closes after).
  app.addHook('onClose', () => modules.settle());
  return app;
}

export interface StartOptions {
  sqliteFile?: string;
  /** Print first-run credentials here (stdout by default). */
  announce?: (line: string) => void;
  /** Print warnings here (stderr by default). */
  warn?: (line: string) => void;
}

/** Wildcard addresses: the server answers on every network interface. */
export function isAllInterfaces(host: string): boolean {
  return ['0.0.0.0', '::', '[::]', '::0', '0:0:0:0:0:0:0:0'].includes(host.trim());
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<Server> {
  const announce = opts.announce ?? ((l: string) => process.stdout.write(`${l}\n`));
  const warn = opts.warn ?? ((l: string) => process.stderr.write(`${l}\n`));
  const platform = await openPlatform(config, { migrations: ALL_MIGRATIONS, sqliteFile: opts.sqliteFile });
  const first = await platform.accounts.ensureFirstAdmin(config.adminEmail, config.adminPassword);
  const modules = createModules(platform);
  const app = await buildServer(platform, modules);
  if (config.inlineWorker) {
    modules.registerJobs(platform.jobs);
    await platform.jobs.start();
  }
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://localhost:${port}`;
  announce(`Breachdesk ${VERSION} is serving on ${url} (store: ${platform.store.dialect})`);
  if (isAllInterfaces(config.host)) {
    warn(`WARNING: listening on all network interfaces (BREACHDESK_HOST=${config.host}), port ${port}: anyone who can reach this machine can reach the sign-in page and the API.`);
    warn('WARNING: unset BREACHDESK_HOST to listen on 127.0.0.1 only, or serve behind an HTTPS proxy (docs/configuration.md).');
  }
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
