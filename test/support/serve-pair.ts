/**
 * Two `breachdesk serve` processes on one new PostgreSQL database, on different ports, as behind a
 * load balancer (the fleet tests), seeded through a platform opened in the test process on the
 * same store.
 */
import type { Platform } from '../../src/platform/platform.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';
import { type ServeProcess, spawnServe } from './spawn-server.js';

export interface ServePair {
  db: TestDatabase;
  a: ServeProcess;
  b: ServeProcess;
  /** Stops both processes and drops the database. */
  close(): Promise<void>;
}

export async function startServePair(seed: (p: Platform) => Promise<void>): Promise<ServePair> {
  const db = await createTestDatabase('postgresql');
  const env = { BREACHDESK_DATABASE_URL: db.databaseUrl!, BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_INLINE_WORKER: 'false' };
  // One after the other: the first migrates the store and makes the key file the second reads.
  const a = await spawnServe(env);
  const b = await spawnServe(env);
  const { loadConfig } = await import('../../src/platform/config.js');
  const { openPlatform } = await import('../../src/platform/platform.js');
  const { ALL_MIGRATIONS } = await import('../../src/main/migrations.js');
  const { createLogger } = await import('../../src/platform/logger.js');
  const p = await openPlatform(loadConfig({ env: { ...env, BREACHDESK_LOG_LEVEL: 'silent' }, cwd: db.dataDir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
  try {
    await seed(p);
  } finally {
    await p.close();
  }
  return {
    db,
    a,
    b,
    close: async () => {
      await a.stop();
      await b.stop();
      await db.drop();
    },
  };
}
