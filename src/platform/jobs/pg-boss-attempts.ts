/**
 * One run of a pg-boss job, fenced. pg-boss 10 has no heartbeat, and its own workers race each
 * handler against a timer of the job's `expire_in` and fail the job when it fires — while the
 * handler keeps running. With `expire_in` as a short lease (so a dead worker's job comes back
 * soon), every scan longer than the lease was failed and retried beside itself, up to three copies
 * of one shard at once until the last attempt was spent; with `expire_in` long, a dead worker's job
 * waited that long. So the adapter runs its own loop (pg-boss-queue.ts) and settles jobs here.
 *
 * A job's id survives its retries; pg-boss's `retry_count`, raised by each fetch of a job that ran
 * before, tells its attempts apart. Every write of an attempt — lease renewal, progress,
 * completion, failure — holds only while the job is still `active` with that retry count: a run
 * that lost the job (cancelled, or expired and fetched again elsewhere) changes nothing and learns
 * so (`false`), and the attempt that holds the job settles it exactly once.
 */
import { createRequire } from 'node:module';

export interface Attempt {
  queue: string;
  id: string;
  retryCount: number;
}

type Sql = <T>(text: string, values: unknown[]) => Promise<T[]>;

/** The attempt's own columns: $1 queue, $2 ids (uuid[]), $4 retry count. */
const FENCE = "name = $1 AND id IN (SELECT UNNEST($2::uuid[])) AND state = 'active' AND retry_count = $4::int";

/** pg-boss's fail plan (retry with its backoff, or failed, dead letters) with the attempt's fence. */
function fencedFailSql(schema: string): string {
  const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as { failJobsById(schema: string): string };
  const byId = plans.failJobsById(schema);
  const loose = "name = $1 AND id IN (SELECT UNNEST($2::uuid[])) AND state < 'completed'";
  // Pinned to pg-boss 10 (package.json); a plan that changed shape fails loudly here, not silently.
  if (!byId.includes(loose)) throw new Error('pg-boss fail plan changed: update pg-boss-attempts.ts');
  return byId.replace(loose, FENCE);
}

export class PgBossAttempts {
  private readonly failSql: string;

  constructor(
    private readonly sql: Sql,
    private readonly schema: string,
  ) {
    this.failSql = fencedFailSql(schema);
  }

  private async held(a: Attempt, set: string, output: unknown): Promise<boolean> {
    const rows = await this.sql(`update ${this.schema}.job set ${set} where ${FENCE} returning 1`, [a.queue, [a.id], output === undefined ? null : JSON.stringify(output), a.retryCount]);
    return rows.length === 1;
  }

  /** Renews the lease: pg-boss expires an active job `expire_in` after `started_on`. */
  renew(a: Attempt): Promise<boolean> {
    return this.held(a, 'started_on = now(), output = coalesce($3::jsonb, output)', undefined);
  }

  progress(a: Attempt, output: { progress: unknown }): Promise<boolean> {
    return this.held(a, 'output = $3::jsonb', output);
  }

  complete(a: Attempt, output: { result: unknown; progress: unknown }): Promise<boolean> {
    return this.held(a, "completed_on = now(), state = 'completed', output = $3::jsonb", output);
  }

  /** Back to waiting, due now, for any process (this one is stopping). */
  release(a: Attempt): Promise<boolean> {
    return this.held(a, "state = 'retry', start_after = now(), output = coalesce($3::jsonb, output)", undefined);
  }

  /** Failed: pg-boss retries it after its backoff, or marks it failed after the last attempt. */
  async fail(a: Attempt, output: { message: string; progress: unknown }): Promise<boolean> {
    const [row] = await this.sql<{ count: string }>(this.failSql, [a.queue, [a.id], JSON.stringify(output), a.retryCount]);
    return Number(row?.count ?? 0) > 0;
  }
}
