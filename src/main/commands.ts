/**
 * Every `breachdesk` command but `scan` (cli.ts), and the local in-process API they share. Wiring
 * only: each feature registers its commands from its own `*.cli.ts`, listed here explicitly.
 */
import type { Command } from 'commander';
import { registerIntakeCommands } from '../confirm/intake.cli.js';
import { registerTriageCommands } from '../confirm/triage.cli.js';
import { registerCanariesCommands } from '../confirm/canaries.cli.js';
import { registerFlowsCommands } from '../confirm/flows/flows.cli.js';
import { registerContainCommands } from '../contain/contain.cli.js';
import { registerEvidenceCommands } from '../incidents/evidence/evidence.cli.js';
import { registerIncidentCommands } from '../incidents/incidents.cli.js';
import { registerLearnCommands } from '../learn/learn.cli.js';
import { registerNoticeCommands, registerPeopleCommands } from '../notices/notices.cli.js';
import { registerObligationsCommands } from '../obligations/obligations.cli.js';
import { registerTrackingCommands } from '../obligations/tracking/tracking.cli.js';
import type { CliContext } from '../platform/module.js';
import { registerAdminCommands } from '../platform/admin.cli.js';
import { action } from '../platform/cli-support.js';
import { formatProblems, inspectConfig, loadConfig, SETTING_NAMES } from '../platform/config.js';
import { BadInputError } from '../platform/errors.js';

/**
 * The server, worker and store modules are imported when a command needs them: the HTTP server's
 * module graph alone takes ≈0.7 s to load, which `breachdesk scan` (standalone) never uses.
 */
const lazy = {
  server: () => import('./server.js'),
  worker: () => import('./worker.js'),
  platform: () => import('../platform/platform.js'),
  migrations: async () => (await import('./migrations.js')).ALL_MIGRATIONS,
  store: () => import('../platform/db/database.js'),
  migrate: () => import('../platform/db/migrate.js'),
};

async function openLocalPlatform(config = loadConfig()) {
  const { openPlatform } = await lazy.platform();
  return openPlatform(config, { migrations: await lazy.migrations() });
}

/** The API in-process over the local store, for CLI commands without BREACHDESK_URL. */
export async function localApp() {
  const { buildServer } = await lazy.server();
  const platform = await openLocalPlatform(loadConfig({ env: { ...process.env, BREACHDESK_LOG_LEVEL: process.env.BREACHDESK_LOG_LEVEL ?? 'warn' } }));
  const app = await buildServer(platform);
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
}

/** On SIGINT or SIGTERM: close (the server, the job worker), then exit 0. */
function closeOnSignals(close: () => Promise<unknown>): void {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Register the commands on `program`; `ctx` reaches the API (BREACHDESK_URL/TOKEN, or localApp). */
export function registerCommands(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('HTTP API + web UI + in-process jobs (SQLite under ./data unless BREACHDESK_DATABASE_URL is set)')
    .option('--port <port>', 'port (overrides BREACHDESK_PORT)')
    .action(
      action(async (o: { port?: string }) => {
        const config = loadConfig({ env: o.port ? { ...process.env, BREACHDESK_PORT: o.port } : process.env });
        const { startServer } = await lazy.server();
        const server = await startServer(config);
        closeOnSignals(() => server.close());
      }),
    );

  program
    .command('worker')
    .description('run background jobs only (scans, notice delivery) against the configured store')
    .option('--queues <names>', 'comma-separated queues to serve (default: all)')
    .option('--concurrency <n>', 'jobs at once in this process (per queue with pg-boss)')
    .action(
      action(async (o: { queues?: string; concurrency?: string }) => {
        const concurrency = o.concurrency === undefined ? undefined : Number(o.concurrency);
        if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) throw new BadInputError('--concurrency must be a whole number 1–64');
        const { startWorker } = await lazy.worker();
        const w = await startWorker(loadConfig(), { queues: o.queues?.split(',').map((q) => q.trim()).filter(Boolean), concurrency });
        closeOnSignals(() => w.close());
      }),
    );

  program
    .command('migrate')
    .description('apply schema migrations to the configured store')
    .action(
      action(async () => {
        const config = loadConfig();
        const opts = { dialect: config.dialect, dataDir: config.dataDir, databaseUrl: config.databaseUrl };
        const [{ openStore, describeStore }, { migrateToLatest }] = await Promise.all([lazy.store(), lazy.migrate()]);
        const store = openStore(opts);
        try {
          const r = await migrateToLatest(store.db as never, await lazy.migrations());
          process.stdout.write(`${describeStore(opts)}: ${r.applied.length ? `applied ${r.applied.join(', ')}` : 'up to date'}\n`);
        } finally {
          await store.close();
        }
      }),
    );

  const config = program.command('config').description('configuration');
  config
    .command('check')
    .description('validate the environment and config file; one line per bad value')
    .action(
      action(async () => {
        const { config: c, problems } = inspectConfig();
        if (!c) throw new BadInputError(`${problems.length} bad setting(s):\n${formatProblems(problems)}`);
        process.stdout.write(`configuration ok: port ${c.port}, store ${c.dialect === 'sqlite' ? `SQLite in ${c.dataDir}` : 'PostgreSQL'}\n`);
      }),
    );
  config
    .command('list')
    .description('list the settings and their environment variables')
    .action(() => {
      for (const [, [env, key]] of Object.entries(SETTING_NAMES)) process.stdout.write(`${env}\t(config file: ${key})\n`);
    });

  registerAdminCommands(program, (config) => openLocalPlatform(config), { migrations: lazy.migrations });
  // Workspace commands go through the API: BREACHDESK_URL/TOKEN, or the local store in-process.
  registerIncidentCommands(program, ctx);
  registerEvidenceCommands(program, ctx);
  registerPeopleCommands(program, ctx);
  registerNoticeCommands(program, ctx);
  registerLearnCommands(program, ctx);
  registerIntakeCommands(program, ctx);
  registerTriageCommands(program, ctx);
  registerCanariesCommands(program, ctx);
  registerContainCommands(program, ctx);
  // Standalone capabilities: no server and no store needed.
  registerObligationsCommands(program);
  registerFlowsCommands(program);
  registerTrackingCommands(program, ctx);
}
