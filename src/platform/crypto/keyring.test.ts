import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { testDialects } from '../../../test/support/dialects.js';
import { Keyring, masterKeyId } from './keyring.js';

const SECRET = 'Jane Q. Doe, SSN 078-05-1121, jane.doe@example.org';

for (const dialect of testDialects()) {
  describe(`encryption helpers on ${dialect}`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await openTestPlatform(dialect);
    });
    afterAll(async () => t?.close());

    it('round-trips values and binds them to their context', () => {
      const c = t.platform.keyring.encrypt(SECRET, 'person:1');
      expect(c).not.toContain('Jane');
      expect(t.platform.keyring.decrypt(c, 'person:1')).toBe(SECRET);
      expect(() => t.platform.keyring.decrypt(c, 'person:2')).toThrow(/failed authentication/);
      const tampered = c.slice(0, -4) + (c.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      expect(() => t.platform.keyring.decrypt(tampered, 'person:1')).toThrow();
    });

    it('blind indexes are deterministic, keyed and namespaced', () => {
      const k = t.platform.keyring;
      expect(k.blindIndex('email', 'a@b.c')).toBe(k.blindIndex('email', 'a@b.c'));
      expect(k.blindIndex('email', 'a@b.c')).not.toBe(k.blindIndex('phone', 'a@b.c'));
      expect(k.blindIndex('email', 'a@b.c')).not.toContain('a@b.c');
    });

    it('a stored value does not appear in plain text in the database', async () => {
      const k = t.platform.keyring;
      const id = randomUUID();
      await t.platform.store.db.insertInto('secure_values').values({ id, ciphertext: k.encrypt(SECRET), blind_index: k.blindIndex('note', SECRET), created_at: new Date().toISOString() }).execute();
      const row = await t.platform.store.db.selectFrom('secure_values').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(k.decrypt(row.ciphertext)).toBe(SECRET);
      if (dialect === 'sqlite') {
        // Checkpoint the WAL so the main file holds the row too, then read every byte on disk.
        await t.platform.store.close();
        const files = readdirSync(t.db.dataDir).filter((f) => f.startsWith('breachdesk.sqlite'));
        expect(files.length).toBeGreaterThan(0);
        for (const f of files) {
          const bytes = readFileSync(join(t.db.dataDir, f));
          expect(bytes.includes(Buffer.from('078-05-1121'))).toBe(false);
          expect(bytes.includes(Buffer.from('jane.doe@example.org'))).toBe(false);
        }
        expect(statSync(join(t.db.dataDir, 'breachdesk.sqlite')).mode & 0o777).toBe(0o600);
        t = await openTestPlatformReusing(t);
      } else {
        const c = new pg.Client({ connectionString: t.db.databaseUrl! });
        await c.connect();
        const dump = await c.query("select string_agg(t::text, '\n') as all from secure_values t");
        await c.end();
        expect(String(dump.rows[0].all)).not.toContain('078-05-1121');
        expect(String(dump.rows[0].all)).not.toContain('jane.doe@example.org');
      }
    });

    it('rotating the master key re-wraps data keys and old values still decrypt', async () => {
      const before = t.platform.keyring.encrypt('still readable');
      const index = t.platform.keyring.blindIndex('x', 'y');
      const next = randomBytes(32);
      const n = await t.platform.keyring.rotateMasterKey({ id: masterKeyId(next), key: next });
      expect(n).toBe(2);
      const reopened = await Keyring.open(t.platform.store.db, { id: masterKeyId(next), key: next });
      expect(reopened.decrypt(before)).toBe('still readable');
      expect(reopened.blindIndex('x', 'y')).toBe(index);
      const wrong = randomBytes(32);
      await expect(Keyring.open(t.platform.store.db, { id: masterKeyId(wrong), key: wrong })).rejects.toThrow(/master key/);
    });
  });
}

async function openTestPlatformReusing(t: TestPlatform): Promise<TestPlatform> {
  const { openPlatform } = await import('../platform.js');
  const { ALL_MIGRATIONS } = await import('../../main/migrations.js');
  const { createLogger } = await import('../logger.js');
  const platform = await openPlatform(t.config, { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
  return { ...t, platform, close: async () => { await platform.close(); await t.db.drop(); } };
}
