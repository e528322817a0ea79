/**
 * A @fastify/rate-limit store in the database, so every `serve` process of a fleet counts the
 * same hits (issue 18 §4). One atomic upsert per hit (INSERT … ON CONFLICT DO UPDATE …
 * RETURNING, on PostgreSQL and SQLite ≥ 3.35): a window that has run out restarts at 1; the
 * counter never goes through a read-then-write race between processes. Keys are per route, as
 * with the plugin's own in-memory store.
 */
import { sql } from 'kysely';
import type { Store } from '../db/database.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

export function sharedRateLimitStore(store: Store) {
  const db = store.db;
  let calls = 0;
  const incr = async (key: string, timeWindow: number): Promise<{ current: number; ttl: number }> => {
    const now = Date.now();
    const expired = now - timeWindow;
    const r = await sql<{ hits: number; window_start: number | string }>`
      insert into rate_limits (key, hits, window_start) values (${key}, 1, ${now})
      on conflict (key) do update set
        hits = case when rate_limits.window_start <= ${expired} then 1 else rate_limits.hits + 1 end,
        window_start = case when rate_limits.window_start <= ${expired} then ${now} else rate_limits.window_start end
      returning hits, window_start`.execute(db);
    // Now and then, forget windows that ended long ago (a day: longer than any window we set).
    if (++calls % 500 === 0) void db.deleteFrom('rate_limits').where('window_start', '<', now - 86_400_000).execute().catch(() => {});
    const row = r.rows[0]!;
    return { current: Number(row.hits), ttl: Math.max(0, Number(row.window_start) + timeWindow - now) };
  };
  const read = async (key: string, timeWindow: number) => {
    const now = Date.now();
    const row = await db.selectFrom('rate_limits').select(['hits', 'window_start']).where('key', '=', key).executeTakeFirst();
    if (!row || Number(row.window_start) + timeWindow <= now) return { current: 0, ttl: 0 };
    return { current: Number(row.hits), ttl: Number(row.window_start) + timeWindow - now };
  };
  class SharedStore {
    private readonly prefix: string;
    /** The plugin calls `new Store(globalOptions)`; children get their route's prefix. */
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : 'global';
    }
    incr(key: string, cb: Callback, timeWindow: number): void {
      incr(`${this.prefix}|${key}`, timeWindow).then((r) => cb(null, r), cb);
    }
    read(key: string, cb: Callback, timeWindow: number): void {
      read(`${this.prefix}|${key}`, timeWindow).then((r) => cb(null, r), cb);
    }
    child(opts: { routeInfo?: { method?: string | string[]; url?: string } }): SharedStore {
      const m = opts.routeInfo?.method;
      return new SharedStore(`${Array.isArray(m) ? m.join(',') : (m ?? '')} ${opts.routeInfo?.url ?? ''}`);
    }
  }
  return SharedStore;
}
