/**
 * Switching a PostgreSQL store from the embedded queue (the default there before 2026-12-07) to
 * pg-boss: the jobs queued on the embedded queue are handed to pg-boss by the first process that
 * opens the store on pg-boss, under their ids, and run there. Before, they waited in the `jobs`
 * table where no pg-boss process looks (docs/operations.md told operators to drain first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../main/migrations.js';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform, testConfig } from '../../../test/support/platform.js';
import { waitFor } from '../../../test/support/wait.js';
import { createLogger } from '../logger.js';
import { openPlatform, type Platform } from '../platform.js';

describe.runIf(testDialects().includes('postgresql'))('embedded queue → pg-boss on one PostgreSQL store', { timeout: 90_000 }, () => {
  let before: TestPlatform;
  let after: Platform | undefined;
  beforeAll(async () => {
    before = await openTestPlatform('postgresql', { BREACHDESK_JOB_QUEUE: 'embedded' });
  });
  afterAll(async () => {
    await after?.close();
    await before?.close();
  });

  it('the jobs queued on the embedded queue run on pg-boss after the switch', async () => {
    const due = await before.platform.jobs.send('switch.test', { n: 1 }, { singletonKey: 'switch:1' });
    const later = await before.platform.jobs.send('switch.test', { n: 2 }, { runAt: new Date(Date.now() + 3_600_000), maxAttempts: 4 });
    await before.platform.jobs.stop();

    after = await openPlatform(testConfig(before.db), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
    expect(after.config.jobQueue).toBe('pg-boss');
    expect(await after.store.db.selectFrom('jobs').select('id').where('status', 'in', ['queued', 'running']).execute()).toEqual([]);
    const seen: number[] = [];
    after.jobs.work<{ n: number }>('switch.test', async ({ n }) => seen.push(n));
    await after.jobs.start();
    await waitFor(async () => (await after!.jobs.get(due))?.status === 'done', 45_000, 100);
    expect(seen).toEqual([1]);
    expect(await after.jobs.get(later)).toMatchObject({ status: 'queued', maxAttempts: 4, runAt: expect.any(String) });
  });
});
