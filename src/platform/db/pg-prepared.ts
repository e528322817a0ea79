/**
 * Named prepared statements on PostgreSQL for the few hot statements that ask for them. Kysely's
 * driver sends every query as the unnamed statement (`client.query(text, values)`), so the server
 * parses, analyses and plans it on every execution: for the intake's group statements (CTEs over
 * `unnest` of array parameters) that was ≈ 25 % of PostgreSQL's CPU on the intake bench
 * (bench/README.md, pgi15). A statement whose text starts with PREPARED is sent as a named
 * statement instead: parsed once per connection (node-postgres remembers which names a
 * connection has prepared) and, once the server's plan cache settles on a generic plan (after
 * five executions, when it costs no more than the custom ones: PostgreSQL docs, PREPARE), not
 * planned again. Parameters still travel apart from the text: nothing is inlined.
 *
 * A generic plan is made for the tables' sizes at that moment and kept until something
 * invalidates it (an ANALYZE, which autovacuum runs at most once a minute): a join planned when a
 * table had 200 rows scans it sequentially, and at 2,000 alerts a second it has 120,000 a minute
 * later (measured: the intake's read, prepared without a refresh, seq-scanned 6,000 alerts a
 * group 10 s into a run). So each connection discards its cached plans every PLAN_REFRESH_MS
 * (`DISCARD PLANS`: the statements stay prepared; the next use plans again, against the sizes
 * then — the planner reads a table's current size, not only ANALYZE's figures): a plan made for a
 * small table serves at most a second's growth of it. One plan a statement a second per
 * connection is nothing beside the dozens of executions it spares.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

/** Leading comment marking a statement to run as a named prepared statement. */
export const PREPARED = '/* prepared */';

/** How long a connection keeps its cached plans before planning its statements again. */
export const PLAN_REFRESH_MS = 1_000;

const names = new Map<string, string>();

/** The statement's name: a hash of its text, so two texts never share a name on a connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `bd_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** pg's Client, running texts marked PREPARED as named statements (the pool's `Client` option). */
export class PreparingClient extends pg.Client {
  /** When this connection's plans were last discarded (0: it has prepared nothing yet). */
  plansSince = 0;
}

type Query = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;
const query = pg.Client.prototype.query as Query;
PreparingClient.prototype.query = function (this: PreparingClient, config: unknown, values?: unknown, callback?: unknown) {
  if (typeof config === 'string' && config.startsWith(PREPARED) && (values === undefined || Array.isArray(values)) && callback === undefined) {
    const now = Date.now();
    if (now - this.plansSince > PLAN_REFRESH_MS) {
      // Queued before the statement on this connection; a failure (an aborted transaction) fails the statement too.
      if (this.plansSince) (query.call(this, 'DISCARD PLANS') as Promise<unknown>).catch(() => {});
      this.plansSince = now;
    }
    return query.call(this, { name: nameOf(config), text: config, values });
  }
  return query.call(this, config, values, callback);
} as typeof pg.Client.prototype.query;
