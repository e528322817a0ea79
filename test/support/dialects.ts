/**
 * The contract suite runs every repository test on SQLite and PostgreSQL (Kysely-style:
 * one suite, every dialect). PostgreSQL tests create and drop their own database.
 * BREACHDESK_TEST_DIALECTS=sqlite limits the run (e.g. on a laptop without PostgreSQL);
 * CI runs both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bd-test-'));
  const sqliteFile = join(dataDir, 'breachdesk.sqlite');
  if (dialect === 'sqlite') {
    return { dialect, databaseUrl: null, dataDir, sqliteFile, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `bd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    databaseUrl: url.toString(),
    dataDir,
    sqliteFile,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
