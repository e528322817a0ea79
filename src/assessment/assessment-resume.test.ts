/**
 * Cancel and resume against the worst interleaving a fleet allows: a worker takes the job up
 * before the sender's next statement runs (pg-boss wakes workers by NOTIFY the moment a job is
 * sent). The queue here runs each job inside send(), so any status written after send() is too late.
 */
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../test/support/platform.js';
import { SYSTEM_ACTOR } from '../platform/audit/audit.service.js';
import type { Job, JobHandler, JobQueue, QueueDepth, SendOptions } from '../platform/jobs/job-queue.js';
import { ASSESS_QUEUE, AssessmentService, type EvidenceSource } from './assessment.service.js';

const CSV = `name,email\n${Array.from({ length: 12 }, (_, i) => `Person ${i},person${i}@example.org`).join('\n')}\n`;

/** The store's queue, but a job sent while `eager` is on has run to its end before send() returns. */
class EagerQueue implements JobQueue {
  eager = false;
  private readonly handlers = new Map<string, JobHandler>();
  constructor(private readonly inner: JobQueue) {}
  async send<T>(queue: string, payload: T, opts?: SendOptions): Promise<string> {
    const id = await this.inner.send(queue, payload, opts);
    const h = this.handlers.get(queue);
    if (this.eager && h) await h(payload, { signal: new AbortController().signal, attempt: 1, reportProgress: async () => {} });
    return id;
  }
  work<T>(queue: string, handler: JobHandler<T>): void {
    this.handlers.set(queue, handler as JobHandler);
  }
  get(id: string): Promise<Job | null> {
    return this.inner.get(id);
  }
  cancel(id: string): Promise<boolean> {
    return this.inner.cancel(id);
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  depth(): Promise<QueueDepth[]> {
    return this.inner.depth();
  }
}

for (const dialect of testDialects()) {
  describe(`assessment resume on ${dialect}`, () => {
    let t: TestPlatform;
    beforeEach(async () => {
      t = await openTestPlatform(dialect, { BREACHDESK_JOB_QUEUE: 'embedded' });
    });
    afterEach(async () => t?.close());

    it('a resumed scan whose job starts before resume() returns runs to the end, once', async () => {
      const queue = new EagerQueue(t.platform.jobs);
      const evidence: EvidenceSource = {
        check: async (ids) => ids.map(() => CSV.length),
        open: async () => ({ name: 'people.csv', size: CSV.length, stream: Readable.from([Buffer.from(CSV)]) }),
      };
      const service = new AssessmentService(t.platform.store.db, t.platform.keyring, t.platform.audit, queue, evidence);
      queue.work(ASSESS_QUEUE, (p, ctx) => service.run(p as { assessmentId: string; actor: typeof SYSTEM_ACTOR }, ctx));
      const started = await service.start('incident-1', ['ev-1'], SYSTEM_ACTOR);
      expect((await service.cancel(started.id, SYSTEM_ACTOR)).status).toBe('cancelled');
      queue.eager = true;
      // The job ran inside resume(): it must have found the assessment queued, not still cancelled.
      const resumed = await service.resume(started.id, SYSTEM_ACTOR);
      expect(resumed.status).toBe('done');
      expect(resumed.report?.totals.records).toBe(12);
      // A second resume of a done assessment is refused; nothing runs twice.
      await expect(service.resume(started.id, SYSTEM_ACTOR)).rejects.toThrow(/done/);
      const events = (await t.platform.audit.list({})).filter((e) => e.subjectId === started.id).map((e) => e.action);
      expect(events.filter((a) => a === 'assessment.completed')).toHaveLength(1);
    }, 60_000);
  });
}
