/**
 * Opens the platform: store (migrated), keyring, audit, accounts and the job queue. Entry
 * points (serve, worker, admin CLI) and tests all start here.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Metrics } from './metrics.js';
import type { Migration } from 'kysely';
import { AccountsRepository } from './auth/accounts.repository.js';
import { AccountsService } from './auth/accounts.service.js';
import { AuditCheckpoint } from './audit/audit-checkpoint.js';
import { AuditService } from './audit/audit.service.js';
import type { Config } from './config.js';
import { Keyring, loadMasterKey, masterKeyFile } from './crypto/keyring.js';
import { openStore, type Store } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { EmbeddedJobQueue } from './jobs/embedded-queue.js';
import { PgBossJobQueue } from './jobs/pg-boss-queue.js';
import { adoptEmbeddedJobs } from './jobs/queued-jobs-transfer.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { BlobStore } from './storage/blob-store.js';
import { openBlobStore } from './storage/open-blob-store.js';
import { createLogger, type Logger } from './logger.js';

export interface Platform {
  config: Config;
  store: Store;
  keyring: Keyring;
  audit: AuditService;
  accounts: AccountsService;
  jobs: JobQueue;
  /** Where evidence files live: the data directory or an S3-compatible store (storage/). */
  blobs: BlobStore;
  metrics: Metrics;
  log: Logger;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrations: Record<string, Migration>;
  log?: Logger;
  /** SQLite file override (tests). */
  sqliteFile?: string;
  jobPollMs?: number;
  /** Jobs run at once by this process (per queue with pg-boss). */
  jobConcurrency?: number;
}

export { masterKeyFile };

/** Queue depth and the age of the oldest due job, per queue, across every process on this store. */
function registerJobGauges(metrics: Metrics, jobs: JobQueue): void {
  metrics.gauge('breachdesk_jobs', 'Jobs due or running, by queue and state (queued = waiting for a worker)', ['queue', 'state'], async () =>
    (await jobs.depth()).map((r) => ({ labels: { queue: r.queue, state: r.state }, value: r.count })),
  );
  metrics.gauge('breachdesk_jobs_oldest_queued_age_seconds', 'How long the oldest due job of each queue has waited for a worker', ['queue'], async () =>
    (await jobs.depth())
      .filter((r) => r.state === 'queued' && r.oldestDueAt)
      .map((r) => ({ labels: { queue: r.queue }, value: Math.max(0, (Date.now() - Date.parse(r.oldestDueAt!)) / 1000) })),
  );
}

/**
 * Opens the keyring; if a key rotation was interrupted after the data keys were re-wrapped but
 * before the key file was swapped, the staged `master.key.next` completes it.
 */
async function openKeyring(store: Store, config: Config): Promise<Keyring> {
  const file = masterKeyFile(config);
  const storeHasKeys = (await store.db.selectFrom('data_keys').select('id').limit(1).execute()).length > 0;
  try {
    return await Keyring.open(store.db, loadMasterKey(config.masterKey, file, { storeHasKeys }));
  } catch (e) {
    const next = `${file}.next`;
    if (config.masterKey || !existsSync(next)) throw e;
    const ring = await Keyring.open(store.db, loadMasterKey(null, next));
    renameSync(next, file);
    return ring;
  }
}

export async function openPlatform(config: Config, opts: OpenOptions): Promise<Platform> {
  const log = opts.log ?? createLogger(config.logLevel);
  const store = openStore({ dialect: config.dialect, dataDir: config.dataDir, databaseUrl: config.databaseUrl, sqliteFile: opts.sqliteFile });
  try {
    await migrateToLatest(store.db as never, opts.migrations);
    const keyring = await openKeyring(store, config);
    const checkpoint = new AuditCheckpoint(config.auditCheckpoint ?? join(config.dataDir, 'audit.checkpoint'), (data) => keyring.blindIndex('audit-checkpoint', data));
    const audit = new AuditService(store.db, store.dialect, checkpoint);
    const accounts = new AccountsService(new AccountsRepository(store.db), audit, config.sessionMinutes);
    const jobs: JobQueue =
      config.jobQueue === 'pg-boss' && config.databaseUrl
        ? new PgBossJobQueue({ connectionString: config.databaseUrl, leaseSeconds: config.jobLeaseSeconds, concurrency: opts.jobConcurrency }, log)
        : new EmbeddedJobQueue(store.db, log, { pollMs: opts.jobPollMs, leaseMs: config.jobLeaseSeconds * 1000, concurrency: opts.jobConcurrency });
    if (jobs instanceof PgBossJobQueue) {
      // Jobs left in the embedded queue's table (queued before a switch to pg-boss, or restored
      // from a backup) would wait there for good: pg-boss takes them over.
      const moved = await adoptEmbeddedJobs(store.db, jobs).catch((e) => {
        log.warn({ err: (e as Error).message }, 'could not hand the embedded queue\'s jobs to pg-boss; they wait in the jobs table');
        return 0;
      });
      if (moved) log.info({ jobs: moved }, 'handed the embedded queue\'s waiting jobs to pg-boss');
    }
    const metrics = new Metrics();
    registerJobGauges(metrics, jobs);
    const blobs = await openBlobStore(config);
    return {
      config,
      store,
      keyring,
      audit,
      accounts,
      jobs,
      blobs,
      metrics,
      log,
      close: async () => {
        await jobs.stop();
        await audit.flushCheckpoint().catch(() => {});
        blobs.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
