/**
 * `breachdesk worker`: runs jobs only. Job handlers are registered here from each feature.
 */
import type { Config } from '../platform/config.js';
import { openPlatform, type Platform } from '../platform/platform.js';
import { ALL_MIGRATIONS } from './migrations.js';

/** Registers every feature's job handlers on the platform's queue (explicit list). */
export function registerJobHandlers(_platform: Platform): void {}

export async function startWorker(config: Config): Promise<{ platform: Platform; close(): Promise<void> }> {
  const platform = await openPlatform(config, { migrations: ALL_MIGRATIONS });
  registerJobHandlers(platform);
  await platform.jobs.start();
  process.stdout.write(`Breachdesk worker running against ${platform.store.dialect}\n`);
  return { platform, close: () => platform.close() };
}
