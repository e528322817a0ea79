/**
 * `breachdesk worker`: runs jobs only (scans, obligation recomputation, reminders, notice
 * delivery); start several against one PostgreSQL store.
 */
import type { Config } from '../platform/config.js';
import { openPlatform, type Platform } from '../platform/platform.js';
import { ALL_MIGRATIONS } from './migrations.js';
import { createModules } from './modules.js';

export async function startWorker(config: Config): Promise<{ platform: Platform; close(): Promise<void> }> {
  const platform = await openPlatform(config, { migrations: ALL_MIGRATIONS });
  createModules(platform).registerJobs(platform.jobs);
  await platform.jobs.start();
  process.stdout.write(`Breachdesk worker running against ${platform.store.dialect}\n`);
  return { platform, close: () => platform.close() };
}
