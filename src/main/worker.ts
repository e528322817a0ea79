/**
 * `breachdesk worker`: runs jobs only (scans, obligation recomputation, reminders, notice
 * delivery); start several against one PostgreSQL store.
 */
import type { Config } from '../platform/config.js';
import { BadInputError } from '../platform/errors.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { openPlatform, type Platform } from '../platform/platform.js';
import { ALL_MIGRATIONS } from './migrations.js';
import { createModules } from './modules.js';

export interface WorkerOptions {
  /** Only these queues (default: every queue); e.g. scans on big machines, mail elsewhere. */
  queues?: string[];
  concurrency?: number;
}

export async function startWorker(config: Config, opts: WorkerOptions = {}): Promise<{ platform: Platform; close(): Promise<void> }> {
  const platform = await openPlatform(config, { migrations: ALL_MIGRATIONS, jobConcurrency: opts.concurrency });
  const only = opts.queues?.length ? new Set(opts.queues) : null;
  const served: string[] = [];
  const all: string[] = [];
  // The same queue, but `work` registers only the chosen queues (send, get… go through as they are).
  const work: JobQueue['work'] = (queue, handler) => {
    all.push(queue);
    if (only && !only.has(queue)) return;
    served.push(queue);
    platform.jobs.work(queue, handler);
  };
  const jobs = new Proxy(platform.jobs, {
    get: (target, prop) => {
      if (prop === 'work') return work;
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  createModules(platform).registerJobs(jobs);
  if (only) {
    const unknown = [...only].filter((q) => !all.includes(q));
    if (unknown.length) {
      await platform.close();
      throw new BadInputError(`--queues: no such queue ${unknown.join(', ')} (queues: ${all.join(', ')})`);
    }
  }
  await platform.jobs.start();
  process.stdout.write(`Breachdesk worker running against ${platform.store.dialect} (${config.jobQueue} queue): ${served.join(', ')}\n`);
  return { platform, close: () => platform.close() };
}
