/**
 * The reminder sweep is a chain: each sweep's job schedules the next slot's (incidents.module.ts).
 * On pg-boss, a worker that dies while it holds a sweep must not end the chain for the whole fleet
 * (issue 18 §1: a worker that dies loses nothing). The sweep was sent with one attempt, so pg-boss's
 * expiry failed the dead worker's job for good, no later slot was ever scheduled, and no process
 * reminded anyone again until one restarted. With retries, a live process runs the sweep again
 * (it is idempotent: each task is stamped when reminded) and the chain goes on.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../main/modules.js';
import { testDialects } from '../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../test/support/platform.js';
import { waitFor } from '../../test/support/wait.js';
import { startWebhookSink, type WebhookSink } from '../../test/support/webhook-sink.js';
import { REMINDER_PERIOD_MS, REMINDER_QUEUE, reminderSlot } from './incidents.module.js';

describe.runIf(testDialects().includes('postgresql'))('the reminder chain on pg-boss when a worker dies mid-sweep', { timeout: 120_000 }, () => {
  let t: TestPlatform;
  let sink: WebhookSink;
  const sql = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
    const c = new pg.Client({ connectionString: t.db.databaseUrl! });
    await c.connect();
    try {
      return (await c.query(text, values)).rows as T[];
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    sink = await startWebhookSink();
    // A 3 s lease: pg-boss expires a dead worker's job 3 s after its last renewal.
    t = await openTestPlatform('postgresql', { BREACHDESK_REMINDER_WEBHOOK_URL: `${sink.url}/reminders`, BREACHDESK_JOB_LEASE_SECONDS: '3' });
    expect(t.config.jobQueue).toBe('pg-boss');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it("a sweep whose worker died is run again elsewhere, and the next slot's sweep is scheduled", async () => {
    const modules = createModules(t.platform);
    modules.registerJobs(t.platform.jobs);
    await t.platform.jobs.start();
    // Starting schedules this slot's sweep, which runs and schedules the next slot's.
    const next = reminderSlot(new Date(Date.now() + REMINDER_PERIOD_MS));
    const [queued] = await waitFor(async () => {
      const rows = await sql<{ id: string }>(`select id from pgboss.job where name = $1 and singleton_key = $2 and state = 'created'`, [REMINDER_QUEUE, next.key]);
      return rows.length ? rows : null;
    });
    // Its time comes, a worker takes it and dies: active, started long ago, never renewed.
    await sql(`update pgboss.job set state = 'active', started_on = now() - interval '1 hour', start_after = now() - interval '1 hour' where id = $1`, [queued!.id]);

    // pg-boss's expiry gives it back, a live process runs it, and it schedules a later sweep.
    const state = await waitFor(async () => {
      const [j] = await sql<{ state: string }>('select state from pgboss.job where id = $1', [queued!.id]);
      return j && (j.state === 'completed' || j.state === 'failed') ? j.state : null;
    }, 60_000, 250);
    expect(state).toBe('completed');
    const waiting = await sql<{ singleton_key: string; start_after: Date }>(`select singleton_key, start_after from pgboss.job where name = $1 and state = 'created'`, [REMINDER_QUEUE]);
    expect(waiting).toHaveLength(1);
    // The slot a period after the retry ran (here: before its time, so the same slot again).
    expect(waiting[0]!.singleton_key).toMatch(/^incidents\.reminders:/);
    expect(new Date(waiting[0]!.start_after).getTime()).toBeGreaterThan(Date.now());
  });
});
