/** The embedded queue (the `jobs` table) on each dialect: the shared JobQueue contract, plus its backoff. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { jobQueueContract } from '../../../test/support/job-queue-contract.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { EmbeddedJobQueue } from './embedded-queue.js';
import { backoffMs } from './job-queue.js';

for (const dialect of testDialects()) {
  describe(`embedded job queue on ${dialect}`, () => {
    let t: TestPlatform;
    const queues: EmbeddedJobQueue[] = [];
    beforeEach(async () => {
      t = await openTestPlatform(dialect);
    });
    afterEach(async () => {
      for (const q of queues.splice(0)) await q.stop();
      await t?.close();
    });

    jobQueueContract(() => ({
      settleMs: 10_000,
      make: (leaseSeconds) => {
        const q = new EmbeddedJobQueue(t.platform.store.db, undefined, { pollMs: 20, backoffBaseMs: 10, concurrency: 1, leaseMs: leaseSeconds ? leaseSeconds * 1000 : undefined });
        queues.push(q);
        return q;
      },
      orphan: async (id) => {
        await t.platform.store.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_by: 'dead', locked_until: '2000-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
      },
      requeue: async (id) => {
        // What an expired lease amounts to: claimable by any process, due now.
        await t.platform.store.db.updateTable('jobs').set({ status: 'queued', locked_by: null, locked_until: null, run_at: new Date().toISOString() }).where('id', '=', id).execute();
      },
    }));
  });
}

it('backs off exponentially up to ten minutes', () => {
  expect(backoffMs(1)).toBe(2000);
  expect(backoffMs(3)).toBe(8000);
  expect(backoffMs(50)).toBe(600_000);
  expect(backoffMs(2, 10)).toBe(20);
});
