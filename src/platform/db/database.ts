/**
 * The store: Kysely over better-sqlite3 (embedded default) or pg. The dialect comes from
 * configuration (BREACHDESK_DATABASE_URL set → PostgreSQL), never sniffed from data.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Dialect } from '../config.js';
import type { Database } from './schema.js';
import { checkpointOffThread } from './sqlite-checkpoint.js';
import { PreparingClient } from './pg-prepared.js';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface StoreOptions {
  dialect: Dialect;
  /** SQLite: directory holding breachdesk.sqlite. */
  dataDir?: string;
  /** SQLite: explicit file (tests). */
  sqliteFile?: string;
  databaseUrl?: string | null;
  poolSize?: number;
}

// Return BIGINT/NUMERIC counts as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openStore(opts: StoreOptions): Store {
  if (opts.dialect === 'postgresql') {
    if (!opts.databaseUrl) throw new Error('PostgreSQL needs a database URL');
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, Client: PreparingClient });
    // An idle client losing its server must not crash the process; queries report the error.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgresql', close: () => db.destroy() };
  }
  let file = opts.sqliteFile;
  if (!file) {
    const dir = opts.dataDir ?? './data';
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    file = join(dir, 'breachdesk.sqlite');
  }
  const sqlite = new SQLite(file);
  // The store holds encrypted personal data and audit history: owner-only, like the key file.
  chmodSync(file, 0o600);
  // WAL lets readers run beside the single writer; busy_timeout makes a second process
  // (e.g. `breachdesk admin` while `serve` runs) wait instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  cachePreparedStatements(sqlite);
  const checkpointer = file === ':memory:' ? null : checkpointOffThread(sqlite, file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      // The checkpointer's connection first: the last one to close checkpoints and removes the WAL.
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

/** Statements kept per connection; the hot paths use a few dozen distinct ones. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew (`db.prepare(sql)` per execution), which cost
 * ≈ a third of the intake path's CPU (bench/README.md). The same SQL text gets the same compiled
 * statement back instead; a statement still being iterated (a streamed select) is never handed
 * out twice. better-sqlite3 re-prepares a cached statement by itself after a schema change.
 */
export function cachePreparedStatements(sqlite: SQLite.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      // Most recently used last: the first key is the one to evict.
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const stmt = prepare(source);
    if (!hit) {
      cache.set(source, stmt);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

/** Human name of where the store lives, without credentials. */
export function describeStore(opts: StoreOptions): string {
  if (opts.dialect === 'postgresql' && opts.databaseUrl) {
    const u = new URL(opts.databaseUrl);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return `SQLite ${opts.sqliteFile ?? join(opts.dataDir ?? './data', 'breachdesk.sqlite')}`;
}
