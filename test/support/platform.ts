import { ALL_MIGRATIONS } from '../../src/main/migrations.js';
import { type Config, loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { openPlatform, type Platform } from '../../src/platform/platform.js';
import type { Dialect } from '../../src/platform/config.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

export interface TestPlatform {
  platform: Platform;
  db: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(db: TestDatabase, extra: Record<string, string> = {}): Config {
  return loadConfig({
    env: {
      BREACHDESK_DATA_DIR: db.dataDir,
      ...(db.databaseUrl ? { BREACHDESK_DATABASE_URL: db.databaseUrl } : {}),
      BREACHDESK_LOG_LEVEL: 'silent',
      BREACHDESK_INLINE_WORKER: 'false',
      ...extra,
    },
    cwd: db.dataDir,
  });
}

export async function openTestPlatform(dialect: Dialect, extra: Record<string, string> = {}): Promise<TestPlatform> {
  // Already migrated (a copy of a template): openPlatform finds nothing left to apply.
  const db = await createTestDatabase(dialect, { migrations: ALL_MIGRATIONS });
  const config = testConfig(db, extra);
  const platform = await openPlatform(config, { migrations: ALL_MIGRATIONS, log: createLogger('silent'), jobPollMs: 50 });
  return {
    platform,
    db,
    config,
    close: async () => {
      await platform.close();
      await db.drop();
    },
  };
}
