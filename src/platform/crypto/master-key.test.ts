/**
 * A missing master key with data in the store refuses to start with a clear error instead of
 * creating a new key that can decrypt nothing (issue 19 §5).
 */
import { existsSync, unlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../main/migrations.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/dialects.js';
import { testConfig } from '../../../test/support/platform.js';
import { createLogger } from '../logger.js';
import { masterKeyFile, openPlatform } from '../platform.js';

for (const dialect of testDialects()) {
  describe(`missing master key on ${dialect}`, () => {
    const dbs: TestDatabase[] = [];
    afterAll(async () => {
      for (const d of dbs) await d.drop();
    });
    const open = (db: TestDatabase) => openPlatform(testConfig(db), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });

    it('creates the key file on the first start of an empty store', async () => {
      const db = await createTestDatabase(dialect);
      dbs.push(db);
      const p = await open(db);
      await p.close();
      expect(existsSync(masterKeyFile(testConfig(db)))).toBe(true);
    });

    it('refuses to start when the store holds data keys but the key file is gone, and creates none', async () => {
      const db = await createTestDatabase(dialect);
      dbs.push(db);
      const p = await open(db);
      const secret = p.keyring.encrypt('078-05-1121', 'test');
      expect(secret).not.toContain('078');
      await p.close();
      const file = masterKeyFile(testConfig(db));
      unlinkSync(file);
      await expect(open(db)).rejects.toThrow(/master key.*(missing|not found).*BREACHDESK_MASTER_KEY/s);
      expect(existsSync(file)).toBe(false);
    });
  });
}
