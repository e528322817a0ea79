/**
 * Work waiting in the queue travels with a backup (issue 18 §5). pg-boss keeps its jobs in its own
 * schema (`pgboss`), outside the store's tables, so a backup of the tables alone lost every queued
 * scan, pending notice delivery, scheduled reminder sweep, update slot, drill event and approved
 * containment action: the restored rows said "queued", and nothing would ever run them.
 *
 * So a backup writes pg-boss's waiting and running jobs as rows of the embedded queue's `jobs`
 * table, read in the same snapshot transaction as the other tables (one database, one snapshot),
 * and a restore hands the `jobs` rows to whichever engine the restored store runs: on SQLite (or
 * BREACHDESK_JOB_QUEUE=embedded) they are the embedded queue's own rows already; on pg-boss they
 * are sent to pg-boss under their ids (assessments name their job by id) and removed from `jobs`.
 * A job that was running when the backup was taken runs again after the restore, as on the
 * embedded queue (handlers are idempotent: docs/operations.md).
 */
import { type Kysely, sql } from 'kysely';
import type { Database, JobsTable } from '../db/schema.js';
import type { JobQueue } from './job-queue.js';

interface PgBossRow {
  id: string;
  name: string;
  data: unknown;
  state: string;
  retry_limit: number;
  retry_count: number;
  start_after: Date;
  started_on: Date | null;
  singleton_key: string | null;
  created_on: Date;
  output: { progress?: unknown; message?: string } | null;
}

/** A lease that ran out long ago: the restored embedded queue takes the job up at once. */
const EXPIRED = '1970-01-01T00:00:00.000Z';

/**
 * pg-boss's waiting (created, retry) and running (active) jobs as `jobs` rows; none when this
 * PostgreSQL database has no pg-boss schema. Call it inside the backup's snapshot transaction.
 */
export async function pgBossJobsAsRows(db: Kysely<unknown>, schema = 'pgboss'): Promise<JobsTable[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${`${schema}.job`})::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const r = await sql<PgBossRow>`
    select id, name, data, state, retry_limit, retry_count, start_after, started_on, singleton_key, created_on, output
      from ${sql.table(`${schema}.job`)}
     where state in ('created', 'retry', 'active')
     order by created_on, id`.execute(db);
  return r.rows.map((j) => {
    // pg-boss counts a retry when a job that ran before starts again (retry_count), so a job in
    // 'retry' or 'active' has run retry_count + 1 times, a 'created' one never.
    const runs = j.state === 'created' ? 0 : j.retry_count + 1;
    const running = j.state === 'active';
    return {
      id: j.id,
      queue: j.name,
      payload: JSON.stringify(j.data ?? null),
      status: running ? 'running' : 'queued',
      attempts: runs,
      max_attempts: j.retry_limit + 1,
      run_at: new Date(j.start_after).toISOString(),
      locked_by: running ? 'backup' : null,
      locked_until: running ? EXPIRED : null,
      last_error: j.output?.message ?? null,
      progress: j.output?.progress === undefined ? null : JSON.stringify(j.output.progress),
      result: null,
      singleton_key: j.singleton_key,
      created_at: new Date(j.created_on).toISOString(),
      updated_at: new Date(j.started_on ?? j.created_on).toISOString(),
    };
  });
}

/**
 * Sends the `jobs` rows still waiting, or running under a lease that ran out, to `queue` (pg-boss)
 * under their ids and removes them from the table; returns how many. Run by `admin restore` and by
 * every process that opens a PostgreSQL store on pg-boss, so jobs queued on the embedded queue —
 * before an engine switch, or restored from a backup — are not stranded where no process looks.
 * Safe beside embedded-queue processes still running (a rolling switch): a row is removed only in
 * the state it was read in; one claimed meanwhile stays theirs and its pg-boss twin is cancelled.
 */
export async function adoptEmbeddedJobs(db: Kysely<Database>, queue: JobQueue, now = new Date()): Promise<number> {
  const nowIso = now.toISOString();
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)])]))
    .orderBy('created_at')
    .execute();
  let moved = 0;
  for (const r of rows) {
    // The attempts it has left; an attempt whose process died (or that a backup caught) is given back.
    const left = Math.max(1, r.max_attempts - r.attempts + (r.status === 'running' ? 1 : 0));
    const id = await queue.send(r.queue, JSON.parse(r.payload), { id: r.id, singletonKey: r.singleton_key ?? undefined, runAt: new Date(r.run_at), maxAttempts: left });
    const gone = await db.deleteFrom('jobs').where('id', '=', r.id).where('status', '=', r.status).where('attempts', '=', r.attempts).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 1) moved++;
    else if (id === r.id) await queue.cancel(id);
  }
  return moved;
}
