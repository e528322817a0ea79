/**
 * Statements marked PREPARED run as named prepared statements on the store's PostgreSQL pool, and
 * a connection's cached plans are made again after PLAN_REFRESH_MS, against the tables' sizes
 * then (a plan made while a table was small kept scanning it whole). Real PostgreSQL.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/dialects.js';
import { openStore, type Store } from './database.js';
import { PLAN_REFRESH_MS, PREPARED } from './pg-prepared.js';

describe.runIf(testDialects().includes('postgresql'))('named prepared statements on PostgreSQL', () => {
  let tdb: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    tdb = await createTestDatabase('postgresql');
    store = openStore({ dialect: 'postgresql', databaseUrl: tdb.databaseUrl, poolSize: 2 });
    await sql`CREATE TABLE probe (id text PRIMARY KEY, pad text NOT NULL)`.execute(store.db);
    await sql`INSERT INTO probe SELECT 'k' || i, repeat('x', 200) FROM generate_series(1, 20) i`.execute(store.db);
    await sql`ANALYZE probe`.execute(store.db);
  }, 60_000);
  afterAll(async () => {
    vi.useRealTimers();
    await store?.close();
    await tdb?.drop();
  });

  const marked = (db: Kysely<Database>, ids: string[]) => sql<{ id: string }>`${sql.raw(PREPARED)} SELECT id FROM probe WHERE id IN (SELECT unnest(${ids}::text[])) ORDER BY id`.execute(db);
  /** The plan the connection's prepared statement runs now (its generic plan once the plan cache chose it). */
  const planOf = async (db: Kysely<Database>) => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements WHERE statement LIKE ${`${PREPARED}%FROM probe%`}`.execute(db);
    expect(rows).toHaveLength(1);
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN EXECUTE ${sql.raw(rows[0]!.name)}('{k1,k2}')`.execute(db);
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  it('runs a marked statement as a named statement with its parameters, an unmarked one as before, and plans it again once its plans are old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await store.db.connection().execute(async (db) => {
      for (let i = 0; i < 8; i++) expect((await marked(db, ['k1', 'k3', 'nope'])).rows).toEqual([{ id: 'k1' }, { id: 'k3' }]);
      await sql`SELECT id FROM probe WHERE id = ${'k2'}`.execute(db);
      const { rows } = await sql<{ statement: string; generic: number }>`SELECT statement, generic_plans::int AS generic FROM pg_prepared_statements`.execute(db);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.statement.startsWith(PREPARED)).toBe(true);
      expect(rows[0]!.generic).toBeGreaterThan(0);
      // Planned for 20 rows on one page: read whole.
      expect(await planOf(db)).toMatch(/Seq Scan on probe/);

      await sql`INSERT INTO probe SELECT 'n' || i, repeat('x', 200) FROM generate_series(1, 50000) i`.execute(db);
      await marked(db, ['k1']);
      expect(await planOf(db)).toMatch(/Seq Scan on probe/); // the cached plan, still for one page
      vi.setSystemTime(Date.now() + PLAN_REFRESH_MS + 1);
      // The next use discards it; the following ones plan against the table as it is now (no ANALYZE ran).
      for (let i = 0; i < 8; i++) expect((await marked(db, ['k1', 'n7'])).rows).toEqual([{ id: 'k1' }, { id: 'n7' }]);
      expect(await planOf(db)).toMatch(/Index (Only )?Scan using probe_pkey/);
    });
  });
});
