/**
 * Multi-row inserts compiled once per (statement, row count) and dialect, then run with new values.
 * Kysely parses and compiles every `values(rows)` anew: for the intake's group commit (25 columns ×
 * the group's alerts, four such statements a group) that was ≈ 5 % of the intake CPU under load
 * (bench/README.md, intake, canary branch). The statement is built once with a placeholder in every
 * cell, each compiled parameter is traced back to its (row, column), and later calls only fill the
 * parameters in that order — the SQL text is the same, so the store's statement cache hits too.
 * For repositories (it takes Kysely builders; DESIGN.md §3: only they use Kysely).
 */
import type { CompiledQuery, DialectAdapter, Kysely, QueryResult } from 'kysely';

interface Template {
  query: CompiledQuery;
  /** Per parameter: [row, column] of the value, or null for a constant of the statement. */
  slots: Array<[number, string] | null>;
}

const templates = new WeakMap<DialectAdapter, Map<string, Template>>();
/** Row counts kept per statement and dialect (a group commit has at most a few hundred). */
const MAX_TEMPLATES = 512;
const MARK = '\u0000bd-slot:';

export async function runCompiledInsert<DB, R extends object, O>(
  db: Kysely<DB>,
  name: string,
  rows: R[],
  build: (rows: R[]) => { compile(): CompiledQuery<O> },
): Promise<QueryResult<O>> {
  const adapter = db.getExecutor().adapter;
  let byName = templates.get(adapter);
  if (!byName) {
    byName = new Map();
    templates.set(adapter, byName);
  }
  const key = `${name}:${rows.length}`;
  let t = byName.get(key);
  if (!t) {
    const marked = rows.map((r, i) => Object.fromEntries(Object.keys(r).map((k) => [k, `${MARK}${i}:${k}`])) as R);
    const query = build(marked).compile();
    const slots = query.parameters.map((p) => {
      if (typeof p !== 'string' || !p.startsWith(MARK)) return null;
      const rest = p.slice(MARK.length);
      const colon = rest.indexOf(':');
      return [Number(rest.slice(0, colon)), rest.slice(colon + 1)] as [number, string];
    });
    t = { query, slots };
    if (byName.size >= MAX_TEMPLATES) byName.clear();
    byName.set(key, t);
  }
  const { query, slots } = t;
  const parameters = slots.map((s, i) => (s ? (rows[s[0]] as Record<string, unknown>)[s[1]] : query.parameters[i]));
  return db.executeQuery<O>({ ...query, parameters } as CompiledQuery<O>);
}
