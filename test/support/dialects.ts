/**
 * The contract suite runs every repository test on SQLite and PostgreSQL (Kysely-style:
 * one suite, every dialect). PostgreSQL tests create and drop their own database.
 * BREACHDESK_TEST_DIALECTS=sqlite limits the run (e.g. on a laptop without PostgreSQL);
 * CI runs both.
 *
 * `createTestDatabase(dialect, { migrations })` starts from a store already migrated with those
 * migrations, copied from a template made once per migration set instead of migrating each
 * database: on PostgreSQL `CREATE DATABASE … TEMPLATE` (≈ 0.3 s instead of ≈ 3 s of DDL on a
 * loaded 2-core machine), on SQLite a copy of a migrated file. The template's name carries a hash
 * of the migrations' names and code, so a changed migration makes a new template, and parallel
 * test processes (and other checkouts on the same PostgreSQL) never share a stale one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Dialect } from '../../src/platform/config.js';

export const PG_ADMIN_URL = process.env.BREACHDESK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDialects(): Dialect[] {
  const only = process.env.BREACHDESK_TEST_DIALECTS;
  if (!only) return ['sqlite', 'postgresql'];
  return only.split(',').map((s) => s.trim()) as Dialect[];
}

export interface TestDatabase {
  dialect: Dialect;
  /** PostgreSQL URL of the fresh database (null for SQLite). */
  databaseUrl: string | null;
  /** Directory for the SQLite file, key file, evidence… */
  dataDir: string;
  sqliteFile: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Start from a store with these migrations applied (copied from a template); default: empty. */
  migrations?: Record<string, Migration>;
}

function pgUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(dialect: Dialect, opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bd-test-'));
  const sqliteFile = join(dataDir, 'breachdesk.sqlite');
  if (dialect === 'sqlite') {
    if (opts.migrations) copyFileSync(await sqliteTemplate(opts.migrations), sqliteFile);
    return { dialect, databaseUrl: null, dataDir, sqliteFile, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `bd_test_${randomBytes(6).toString('hex')}`;
  const template = opts.migrations ? await pgTemplate(opts.migrations) : null;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return {
    dialect,
    databaseUrl: pgUrl(name),
    dataDir,
    sqliteFile,
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Migration source files (paths containing "migrat"), for the template hash. */
function migrationSources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return migrationSources(path);
    return /migrat/i.test(path.slice(SRC.length)) && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * What the template's schema depends on: the migrations' names and code, and the text of the
 * migration source files (helpers a migration calls live there too).
 */
function migrationsHash(migrations: Record<string, Migration>): string {
  const h = createHash('sha256');
  for (const [name, m] of Object.entries(migrations).sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${name}\0${String(m.up)}\0${String(m.down ?? '')}\0`);
  for (const f of migrationSources().sort()) h.update(readFileSync(f));
  h.update(`pg-boss ${PGBOSS_VERSION}`);
  return h.digest('hex').slice(0, 16);
}

async function migrate(opts: { dialect: Dialect; sqliteFile?: string; databaseUrl?: string }, migrations: Record<string, Migration>): Promise<void> {
  const [{ openStore }, { migrateToLatest }] = await Promise.all([import('../../src/platform/db/database.js'), import('../../src/platform/db/migrate.js')]);
  const store = openStore({ ...opts, poolSize: 1 });
  try {
    await migrateToLatest(store.db as never, migrations);
  } finally {
    await store.close();
  }
  if (opts.databaseUrl) await installPgBoss(opts.databaseUrl);
}

const PGBOSS_VERSION = (createRequire(import.meta.url)('pg-boss/package.json') as { version: string }).version;

/**
 * pg-boss is the job queue on PostgreSQL (issue 18 §1); its schema goes into the template too, so
 * a test's first job does not create pg-boss's tables and functions in every database (what
 * `start()` does on a fresh one, as on a fresh install).
 */
async function installPgBoss(databaseUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(PgBoss.getConstructionPlans('pgboss'));
  } finally {
    await c.end();
  }
}

const templates = new Map<string, Promise<string>>();

/** A migrated SQLite file under the temp dir, made once (atomically: parallel processes may race). */
function sqliteTemplate(migrations: Record<string, Migration>): Promise<string> {
  const hash = migrationsHash(migrations);
  const key = `sqlite:${hash}`;
  let p = templates.get(key);
  if (!p) {
    p = (async () => {
      const dir = join(tmpdir(), 'bd-test-templates');
      const file = join(dir, `${hash}.sqlite`);
      if (existsSync(file)) return file;
      mkdirSync(dir, { recursive: true });
      const work = mkdtempSync(join(dir, 'make-'));
      const tmp = join(work, 'template.sqlite');
      await migrate({ dialect: 'sqlite', sqliteFile: tmp }, migrations);
      // Closing checkpointed the WAL into the file; one file is the whole store.
      renameSync(tmp, file);
      rmSync(work, { recursive: true, force: true });
      return file;
    })();
    templates.set(key, p);
  }
  return p;
}

/**
 * A migrated PostgreSQL template database, made once per migration set under an advisory lock
 * (parallel test processes wait for the first), built under a temporary name and renamed when
 * complete, and marked IS_TEMPLATE with connections refused so nothing can change it afterwards.
 */
function pgTemplate(migrations: Record<string, Migration>): Promise<string> {
  const hash = migrationsHash(migrations);
  const key = `pg:${hash}`;
  let p = templates.get(key);
  if (!p) {
    p = (async () => {
      const name = `bd_tpl_${hash}`;
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      try {
        await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
        const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          const work = `${name}_${randomBytes(4).toString('hex')}`;
          await admin.query(`CREATE DATABASE ${work}`);
          try {
            await migrate({ dialect: 'postgresql', databaseUrl: pgUrl(work) }, migrations);
            await admin.query(`ALTER DATABASE ${work} RENAME TO ${name}`);
          } catch (e) {
            await admin.query(`DROP DATABASE IF EXISTS ${work} WITH (FORCE)`);
            throw e;
          }
          await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
        }
      } finally {
        await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
        await admin.end();
      }
      return name;
    })();
    p.catch(() => templates.delete(key));
    templates.set(key, p);
  }
  return p;
}
