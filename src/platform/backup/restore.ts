/**
 * `breachdesk admin restore FILE` (issue 18 §5): brings a backup back into an empty store and
 * data directory, on either dialect (a PostgreSQL installation's backup restores into SQLite and
 * back). All or nothing: the rows go in one transaction, evidence files are staged beside the
 * data directory and moved in only after the commit, and a failure leaves the place as empty as
 * it was. The master key must already be there (key file or BREACHDESK_MASTER_KEY): a restore
 * never makes one, and says which key the backup needs when it is the wrong one.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { type Kysely, type Migration, sql } from 'kysely';
import tar from 'tar-stream';
import type { Config } from '../config.js';
import { loadMasterKey, masterKeyFile } from '../crypto/keyring.js';
import { openStore } from '../db/database.js';
import { migrateToLatest, migrateUpTo } from '../db/migrate.js';
import { checkInputFile } from '../cli-input-files.js';
import { BadInputError, FailedError } from '../errors.js';
import type { BackupManifest } from './backup.js';
import { openStream } from './sealed-stream.js';
import { storeTables, tablesInDependencyOrder } from './tables.js';
import { LocalBlobStore } from '../storage/local-blob-store.js';
import { openBlobStore } from '../storage/open-blob-store.js';

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export interface RestoreResult {
  manifest: BackupManifest;
}

function masterFor(config: Config) {
  const file = masterKeyFile(config);
  if (!config.masterKey && !existsSync(file)) {
    throw new BadInputError(`put the master key in place first (${file}, mode 0600, or BREACHDESK_MASTER_KEY): a backup is encrypted under it and a restore never makes a new one`);
  }
  return loadMasterKey(config.masterKey, file, { storeHasKeys: true });
}

export async function restoreBackup(config: Config, file: string, migrations: Record<string, Migration>): Promise<RestoreResult> {
  checkInputFile(file);
  const master = masterFor(config);
  const evidenceDir = join(config.dataDir, 'evidence');
  if (existsSync(evidenceDir) && readdirSync(evidenceDir).some((n) => n !== '.partial')) {
    throw new BadInputError(`${evidenceDir} is not empty: restore into a fresh data directory`);
  }
  const blobs = await openBlobStore(config);
  try {
    if (blobs.kind === 's3') {
      for await (const key of blobs.list('evidence/')) throw new BadInputError(`the object store already holds evidence (${key}): restore into an empty bucket or prefix`);
    }
  } catch (e) {
    blobs.close();
    throw e;
  }
  const store = openStore({ dialect: config.dialect, dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const db = store.db as unknown as AnyDb;
  const staging = join(config.dataDir, `.restore-${process.pid}`);
  let created = false;
  try {
    const existing = await storeTables(db as never, config.dialect, { withInternalKyselyTables: true });
    if (existing.length > 0) throw new BadInputError(`the ${config.dialect} store already has tables: restore into an empty database`);
    created = true;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o700 });

    const extract = tar.extract();
    const reading = pipeline(
      createReadStream(file),
      openStream((h) => {
        if (h.masterKeyId !== master.id) {
          throw new BadInputError(`this backup was made under master key ${h.masterKeyId}; this machine has ${master.id}: put that key in place (after a rotate-key, the old one)`);
        }
        return master.key;
      }),
      extract,
    );
    // Its error also reaches the entries' iterator below; this keeps it from being unhandled
    // when it comes before the first await on it.
    reading.catch(() => {});
    let manifest: BackupManifest | null = null;
    let checkpoint: Buffer | null = null;
    const counts: Record<string, number> = {};
    let files = 0;
    const entries = extract[Symbol.asyncIterator]();

    // The head (settings, checkpoint, migration list) comes before any row: the schema is made
    // as the backup's version had it, outside the rows' transaction (SQLite has one connection).
    for (;;) {
      const r = await entries.next();
      if (r.done) throw new BadInputError('damaged backup: no migration list');
      const entry = r.value;
      if (entry.header.name === 'audit.checkpoint') checkpoint = await buffer(entry);
      else if (entry.header.name === 'migrations.json') {
        const names = JSON.parse((await buffer(entry)).toString()) as string[];
        const unknown = names.filter((n) => !(n in migrations));
        if (unknown.length) throw new FailedError(`this backup comes from a newer Breachdesk (migrations ${unknown.join(', ')}): restore it with that version or a newer one`);
        await migrateUpTo(store.db as never, migrations, names.at(-1));
        break;
      } else await buffer(entry);
    }

    await db.transaction().execute(async (trx) => {
      // Migrations may seed rows; the backup's rows replace them.
      for (const t of (await tablesInDependencyOrder(trx as never, config.dialect)).reverse()) await trx.deleteFrom(t.name).execute();
      for (;;) {
        const r = await entries.next();
        if (r.done) break;
        const entry = r.value;
        const name = entry.header.name;
        if (name.startsWith('db/')) {
          const table = name.split('/')[1]!;
          const rows = (await buffer(entry)).toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
          if (rows.length) await trx.insertInto(table).values(rows).execute();
          counts[table] = (counts[table] ?? 0) + rows.length;
        } else if (name.startsWith('evidence/')) {
          const rel = normalize(name.slice('evidence/'.length));
          if (rel.startsWith('..') || rel.startsWith('/')) throw new BadInputError(`damaged backup: evidence path ${name} leaves the evidence directory`);
          const target = join(staging, 'evidence', rel);
          mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
          await pipeline(entry, createWriteStream(target, { mode: 0o600 }));
          files++;
        } else if (name === 'manifest.json') {
          manifest = JSON.parse((await buffer(entry)).toString()) as BackupManifest;
        } else await buffer(entry);
      }
      await reading;
      if (!manifest) throw new BadInputError('damaged backup: no manifest (the file is incomplete)');
      const m = manifest as BackupManifest;
      for (const [t, n] of Object.entries(m.tables)) {
        if ((counts[t] ?? 0) !== n) throw new BadInputError(`damaged backup: table ${t} has ${counts[t] ?? 0} rows, the manifest says ${n}`);
      }
      if (files !== m.evidenceFiles) throw new BadInputError(`damaged backup: ${files} evidence files, the manifest says ${m.evidenceFiles}`);
    });

    // Committed: move the files in, then the checkpoint, then bring the schema up to this version.
    if (existsSync(join(staging, 'evidence'))) {
      if (blobs.kind === 's3') {
        // Into the object store the configuration names (platform/storage), as they were.
        const staged = new LocalBlobStore(staging);
        for await (const key of staged.list('evidence/')) await blobs.put(key, await staged.stream(key));
      } else {
        rmSync(evidenceDir, { recursive: true, force: true });
        renameSync(join(staging, 'evidence'), evidenceDir);
      }
    }
    if (checkpoint) writeFileSync(config.auditCheckpoint ?? join(config.dataDir, 'audit.checkpoint'), checkpoint, { mode: 0o600 });
    await migrateToLatest(store.db as never, migrations);
    created = false;
    return { manifest: manifest! };
  } catch (e) {
    if (created) await dropAll(db, config.dialect).catch(() => {});
    throw e;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    blobs.close();
    await store.close();
  }
}



/** Leaves the store as empty as it was found (a failed restore must not block the next try). */
async function dropAll(db: AnyDb, dialect: Config['dialect']): Promise<void> {
  const tables = await tablesInDependencyOrder(db as never, dialect);
  for (const t of tables.reverse()) await sql`drop table if exists ${sql.table(t.name)}`.execute(db);
  for (const t of ['kysely_migration', 'kysely_migration_lock']) await sql`drop table if exists ${sql.table(t)}`.execute(db);
}

