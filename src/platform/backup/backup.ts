/**
 * `breachdesk admin backup` (issue 18 §5): one encrypted file holding a consistent snapshot of a
 * running installation — the audit checkpoint, every table, the evidence files and the settings
 * that are not secrets — that `admin restore` brings back on a fresh machine.
 *
 * Consistency follows docs/backup.md's order: the checkpoint first (its head is never ahead of the
 * copied chain), the tables in one snapshot transaction (PostgreSQL REPEATABLE READ; SQLite's WAL
 * read transaction), then the evidence files (an item's file is renamed into place before its row
 * commits, so every row in the snapshot has its file). The tables travel as NDJSON pages in a tar
 * stream sealed by sealed-stream.ts under a key derived from the master key; the master key itself
 * is never in the file.
 */
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { type Kysely, sql } from 'kysely';
import tar from 'tar-stream';
import type { Config } from '../config.js';
import type { MasterKey } from '../crypto/keyring.js';
import type { Store } from '../db/database.js';
import { pgBossJobsAsRows } from '../jobs/queued-jobs-transfer.js';
import { sealStream } from './sealed-stream.js';
import { tablesInDependencyOrder } from './tables.js';
import type { BlobStore } from '../storage/blob-store.js';
import { openBlobStore } from '../storage/open-blob-store.js';

/** Tables whose rows are not worth restoring: sign-ins in flight end with the old machine. */
export const NOT_BACKED_UP = new Set(['sessions', 'login_challenges', 'rate_limits', 'kysely_migration', 'kysely_migration_lock']);
export const PAGE_ROWS = 500;

export interface BackupManifest {
  format: 1;
  createdAt: string;
  dialect: string;
  migrations: string[];
  tables: Record<string, number>;
  evidenceFiles: number;
}

/** Settings safe to keep in a backup (no key, passwords, tokens or URLs with credentials). */
function publicSettings(c: Config): Record<string, unknown> {
  return { dialect: c.dialect, publicUrl: c.publicUrl, mailFrom: c.mailFrom, sessionMinutes: c.sessionMinutes, secondFactorRoles: c.secondFactorRoles, oidcIssuer: c.oidc?.issuer ?? null };
}

async function addEntry(pack: tar.Pack, name: string, data: Buffer | string): Promise<void> {
  await new Promise<void>((resolve, reject) => pack.entry({ name, mode: 0o600 }, data, (e) => (e ? reject(e) : resolve())));
}

async function addBlob(pack: tar.Pack, blobs: BlobStore, key: string): Promise<void> {
  const f = await blobs.open(key);
  const size = f.size;
  await f.close();
  const body = await blobs.stream(key);
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name: key, size, mode: 0o600 }, (e) => (e ? reject(e) : resolve()));
    body.on('error', reject).pipe(entry);
  });
}

export interface BackupSource {
  config: Config;
  store: Store;
  master: MasterKey;
  /** Flushes the audit checkpoint and returns its file (null when none is written yet). */
  checkpoint(): Promise<string | null>;
}

export async function writeBackup(src: BackupSource, out: string): Promise<BackupManifest> {
  const partial = `${out}.partial`;
  const pack = tar.pack();
  const sink = pipeline(pack, sealStream(src.master.key, src.master.id), createWriteStream(partial, { mode: 0o600 }));
  try {
    const manifest = await fill(src, pack);
    pack.finalize();
    await sink;
    renameSync(partial, out);
    return manifest;
  } catch (e) {
    pack.destroy();
    await sink.catch(() => {});
    rmSync(partial, { force: true });
    throw e;
  }
}

async function fill(src: BackupSource, pack: tar.Pack): Promise<BackupManifest> {
  const { store, config } = src;
  await addEntry(pack, 'settings.json', JSON.stringify(publicSettings(config)));
  const checkpoint = await src.checkpoint();
  if (checkpoint && existsSync(checkpoint)) await addEntry(pack, 'audit.checkpoint', readFileSync(checkpoint));

  const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const tables: Record<string, number> = {};
  let migrations: string[] = [];
  const snapshot = async (trx: Kysely<Record<string, Record<string, unknown>>>) => {
    migrations = (await trx.selectFrom('kysely_migration').select('name').orderBy('name').execute()).map((r) => String(r.name));
    await addEntry(pack, 'migrations.json', JSON.stringify(migrations));
    for (const t of await tablesInDependencyOrder(trx as never, store.dialect)) {
      if (NOT_BACKED_UP.has(t.name)) continue;
      const order = sql.raw(t.columns.map((_, i) => String(i + 1)).join(', '));
      let n = 0;
      for (let page = 0; ; page++) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} order by ${order} limit ${PAGE_ROWS} offset ${page * PAGE_ROWS}`.execute(trx);
        if (rows.rows.length === 0) break;
        n += rows.rows.length;
        await addEntry(pack, `db/${t.name}/${String(page).padStart(8, '0')}.ndjson`, `${rows.rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
        if (rows.rows.length < PAGE_ROWS) break;
      }
      tables[t.name] = n;
    }
    // pg-boss's jobs live outside the store's tables (schema pgboss): they travel as `jobs` rows,
    // from the same snapshot, and a restore hands them to its engine (jobs/queued-jobs-transfer.ts).
    if (store.dialect === 'postgresql') {
      const queued = await pgBossJobsAsRows(trx as never);
      for (let i = 0; i < queued.length; i += PAGE_ROWS) {
        const page = queued.slice(i, i + PAGE_ROWS);
        await addEntry(pack, `db/jobs/pgboss-${String(i / PAGE_ROWS).padStart(8, '0')}.ndjson`, `${page.map((r) => JSON.stringify(r)).join('\n')}\n`);
      }
      if (queued.length) tables.jobs = (tables.jobs ?? 0) + queued.length;
    }
  };
  if (store.dialect === 'postgresql') await db.transaction().setIsolationLevel('repeatable read').execute(snapshot);
  else await db.transaction().execute(snapshot);

  // From wherever the evidence lives: the data directory or the object store (platform/storage).
  const blobs = await openBlobStore(config);
  let files = 0;
  try {
    for await (const key of blobs.list('evidence/')) {
      await addBlob(pack, blobs, key);
      files++;
    }
  } finally {
    blobs.close();
  }
  const manifest: BackupManifest = { format: 1, createdAt: new Date().toISOString(), dialect: store.dialect, migrations, tables, evidenceFiles: files };
  await addEntry(pack, 'manifest.json', JSON.stringify(manifest));
  return manifest;
}

