import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { EmbeddedJobQueue } from './embedded-queue.js';
import { backoffMs } from './job-queue.js';
import { waitFor as poll } from '../../../test/support/wait.js';

const waitFor = <T>(fn: () => Promise<T | null | undefined | false>, ms = 10_000) => poll(fn, ms, 25);

for (const dialect of testDialects()) {
  describe(`embedded job queue on ${dialect}`, () => {
    let t: TestPlatform;
    const queues: EmbeddedJobQueue[] = [];
    const make = (opts = {}) => {
      const q = new EmbeddedJobQueue(t.platform.store.db, undefined, { pollMs: 20, backoffBaseMs: 10, ...opts });
      queues.push(q);
      return q;
    };
    beforeEach(async () => {
      t = await openTestPlatform(dialect);
    });
    afterEach(async () => {
      for (const q of queues.splice(0)) await q.stop();
      await t?.close();
    });

    it('runs a job and stores its result and progress', async () => {
      const q = make();
      q.work<{ n: number }>('double', async (p, ctx) => {
        await ctx.reportProgress({ step: 1 });
        return p.n * 2;
      });
      await q.start();
      const id = await q.send('double', { n: 21 });
      const job = await waitFor(async () => {
        const j = await q.get(id);
        return j?.status === 'done' ? j : null;
      });
      expect(job.result).toBe(42);
      expect(job.progress).toEqual({ step: 1 });
    });

    it('retries with backoff and gives up after maxAttempts', async () => {
      const q = make();
      let calls = 0;
      q.work('flaky', async () => {
        calls++;
        if (calls < 3) throw new Error(`transient ${calls}`);
        return 'ok';
      });
      q.work('broken', async () => {
        throw new Error('always fails');
      });
      await q.start();
      const a = await q.send('flaky', {});
      const b = await q.send('broken', {}, { maxAttempts: 2 });
      const ja = await waitFor(async () => ((await q.get(a))?.status === 'done' ? q.get(a) : null));
      expect(ja!.attempts).toBe(3);
      const jb = await waitFor(async () => ((await q.get(b))?.status === 'failed' ? q.get(b) : null));
      expect(jb!.attempts).toBe(2);
      expect(jb!.lastError).toBe('always fails');
      expect(backoffMs(1)).toBe(2000);
      expect(backoffMs(3)).toBe(8000);
      expect(backoffMs(50)).toBe(600_000);
    });

    it('survives a restart: a job queued before is run by a new queue, and an expired lease is reclaimed', async () => {
      const first = make();
      const id = await first.send('later', { x: 1 });
      // Simulate a worker that claimed a job and died: running with an expired lease.
      const id2 = await first.send('later', { x: 2 });
      await t.platform.store.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_by: 'dead', locked_until: '2000-01-01T00:00:00.000Z' }).where('id', '=', id2).execute();
      await first.stop();
      const second = make();
      const seen: number[] = [];
      second.work<{ x: number }>('later', async (p) => {
        seen.push(p.x);
      });
      await second.start();
      await waitFor(async () => (await second.get(id))?.status === 'done' && (await second.get(id2))?.status === 'done');
      expect(seen.sort()).toEqual([1, 2]);
      expect((await second.get(id2))!.attempts).toBe(2);
    });

    it('cancels queued jobs and honours singleton keys', async () => {
      const q = make();
      const a = await q.send('idle', {}, { singletonKey: 'k1' });
      const b = await q.send('idle', {}, { singletonKey: 'k1' });
      expect(b).toBe(a);
      expect(await q.cancel(a)).toBe(true);
      expect((await q.get(a))!.status).toBe('cancelled');
      expect(await q.cancel(a)).toBe(false);
    });
  });
}
