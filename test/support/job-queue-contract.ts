/**
 * The one contract every JobQueue implementation runs (the embedded queue on SQLite and
 * PostgreSQL, pg-boss on PostgreSQL): result and progress kept, retries up to maxAttempts with
 * the last error, singleton keys and cancel, and a job whose worker died taken up by another
 * process. Implementation details (backoff figures, how a dead worker is simulated) stay in each
 * implementation's own test file.
 */
import { expect, it } from 'vitest';
import type { JobQueue } from '../../src/platform/jobs/job-queue.js';
import { waitFor as poll } from './wait.js';

export interface JobQueueFixture {
  /** A fresh queue on the fixture's store (stopped by the caller's afterEach), with this lease (seconds) when given. */
  make(leaseSeconds?: number): JobQueue;
  /** Marks a queued job as claimed by a worker that died (running, lease long expired). */
  orphan(jobId: string): Promise<void>;
  /** Puts a running job back as its expiry does when its lease ran out (claimable, due now). */
  requeue(jobId: string): Promise<void>;
  /** How long to wait for a job to settle (pg-boss polls and backs off in whole seconds). */
  settleMs: number;
}

export function jobQueueContract(fixture: () => JobQueueFixture): void {
  const waitFor = <T>(fn: () => Promise<T | null | undefined | false>) => poll(fn, fixture().settleMs, 25);

  it('runs a job and keeps its result and progress', async () => {
    const q = fixture().make();
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
    expect(job.attempts).toBe(1);
    expect(job.queue).toBe('double');
  });

  it('retries a failing job and gives up after maxAttempts, keeping the last error', async () => {
    const q = fixture().make();
    let calls = 0;
    q.work('flaky', async () => {
      calls++;
      if (calls < 2) throw new Error(`transient ${calls}`);
      return 'ok';
    });
    q.work('broken', async () => {
      throw new Error('always fails');
    });
    await q.start();
    const a = await q.send('flaky', {});
    const b = await q.send('broken', {}, { maxAttempts: 2 });
    const ja = await waitFor(async () => ((await q.get(a))?.status === 'done' ? q.get(a) : null));
    expect(ja!.attempts).toBe(2);
    expect(ja!.result).toBe('ok');
    const jb = await waitFor(async () => ((await q.get(b))?.status === 'failed' ? q.get(b) : null));
    expect(jb!.attempts).toBe(2);
    expect(jb!.lastError).toBe('always fails');
  });

  it('honours singleton keys, across processes too, and cancels waiting jobs', async () => {
    const q = fixture().make();
    const a = await q.send('idle', {}, { singletonKey: 'k1', runAt: new Date(Date.now() + 3_600_000) });
    const b = await q.send('idle', {}, { singletonKey: 'k1' });
    expect(b).toBe(a);
    // Another process scheduling the same slot (a reminder sweep, an update) gets the same job:
    // schedules fire once across the fleet.
    expect(await fixture().make().send('idle', {}, { singletonKey: 'k1' })).toBe(a);
    const c = await q.send('idle', {});
    expect(c).not.toBe(a);
    expect(await q.cancel(a)).toBe(true);
    expect((await q.get(a))!.status).toBe('cancelled');
    expect(await q.cancel(a)).toBe(false);
    expect(await q.get('00000000-0000-4000-8000-000000000000')).toBeNull();
    // Ids come from URLs (/flows/analyses/:id): one that is not any job's is simply unknown.
    expect(await q.get('nope')).toBeNull();
    expect(await q.cancel('nope')).toBe(false);
  });

  it("takes up a dead worker's job, and one queued before, in a new process", async () => {
    const first = fixture().make();
    const queued = await first.send('later', { x: 1 });
    const orphaned = await first.send('later', { x: 2 });
    await fixture().orphan(orphaned);
    expect((await first.get(orphaned))!.status).toBe('running');
    await first.stop();
    const second = fixture().make();
    const seen: number[] = [];
    second.work<{ x: number }>('later', async (p) => {
      seen.push(p.x);
    });
    await second.start();
    await waitFor(async () => (await second.get(queued))?.status === 'done' && (await second.get(orphaned))?.status === 'done');
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('runs a job that outlasts its lease once: the lease is renewed while it runs', async () => {
    const q = fixture().make(2);
    let calls = 0;
    q.work('long', async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 6500));
      return 'finished';
    });
    await q.start();
    const id = await q.send('long', {});
    const job = await waitFor(async () => {
      const j = await q.get(id);
      return j?.status === 'done' || j?.status === 'failed' ? j : null;
    });
    expect(job.status).toBe('done');
    expect(job.result).toBe('finished');
    expect(job.attempts).toBe(1);
    expect(calls).toBe(1);
  });

  it('an attempt that lost its job stops, and only the attempt holding the job settles it', async () => {
    // Process A runs the job, then stalls past its lease: its expiry puts the job back (here
    // done by hand: fixture.requeue) and process B takes it up. A must notice at its next
    // renewal and stop; its late result must not complete the job B holds.
    const a = fixture().make(3);
    const b = fixture().make(3);
    let bStarted!: () => void;
    const bRunning = new Promise<void>((r) => (bStarted = r));
    let aAborted = false;
    let aReturned!: () => void;
    const aDone = new Promise<void>((r) => (aReturned = r));
    const calls: string[] = [];
    a.work('fenced', async (_p, ctx) => {
      calls.push('a');
      await new Promise((r) => ctx.signal.addEventListener('abort', r, { once: true }));
      aAborted = true;
      await bRunning;
      aReturned();
      return 'stale';
    });
    await a.start();
    const id = await a.send('fenced', {});
    await waitFor(async () => (await a.get(id))?.status === 'running');
    await fixture().requeue(id);
    b.work('fenced', async () => {
      calls.push('b');
      bStarted();
      return 'fresh';
    });
    await b.start();
    await aDone;
    const job = await waitFor(async () => {
      const j = await b.get(id);
      return j?.status === 'done' ? j : null;
    });
    // A's 'stale' comes after B settled the job or is refused before: either way B's result stands.
    await new Promise((r) => setTimeout(r, 500));
    expect(aAborted).toBe(true);
    expect(calls.sort()).toEqual(['a', 'b']);
    expect((await b.get(id))!.result).toBe('fresh');
    expect(job.attempts).toBe(2);
  });

  it('runs jobs again after stop and start (a test or a drain pauses the queue)', async () => {
    const q = fixture().make();
    q.work<{ n: number }>('again', async (p) => p.n + 1);
    await q.start();
    await q.stop();
    await q.start();
    const id = await q.send('again', { n: 1 });
    const job = await waitFor(async () => {
      const j = await q.get(id);
      return j?.status === 'done' ? j : null;
    });
    expect(job.result).toBe(2);
  });
}
