/**
 * The store's tables with their columns, parents before the tables whose foreign keys point at
 * them, so a restore can insert in this order and clear in the reverse one.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../config.js';

export interface TableInfo {
  name: string;
  columns: string[];
}

async function foreignParents(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const r = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
    return r.rows.map((x) => x.table);
  }
  const r = await sql<{ parent: string }>`
    select ccu.table_name as parent
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = ${table} and tc.table_schema = current_schema()`.execute(db);
  return r.rows.map((x) => x.parent);
}

/**
 * The store's own tables: on PostgreSQL those of its schema only — pg-boss keeps its queue in the
 * `pgboss` schema of the same database (issue 18 §1), which is the queue's, not the store's.
 */
export async function storeTables(db: Kysely<unknown>, dialect: Dialect, opts: { withInternalKyselyTables: boolean }) {
  const meta = await db.introspection.getTables(opts);
  if (dialect === 'sqlite') return meta;
  const r = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const own = r.rows[0]?.schema ?? 'public';
  return meta.filter((t) => (t.schema ?? own) === own);
}

export async function tablesInDependencyOrder(db: Kysely<unknown>, dialect: Dialect): Promise<TableInfo[]> {
  const meta = await storeTables(db, dialect, { withInternalKyselyTables: false });
  const byName = new Map(meta.map((t) => [t.name, { name: t.name, columns: t.columns.map((c) => c.name) }]));
  const parents = new Map<string, string[]>();
  for (const name of byName.keys()) parents.set(name, (await foreignParents(db, dialect, name)).filter((p) => p !== name && byName.has(p)));
  const out: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const p of parents.get(name) ?? []) visit(p);
    out.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return out;
}
