/**
 * The documented backup and restore (docs/backup.md, issue 19 §8), step by step on each store:
 * checkpoint, then database (online), then evidence files, with the master key kept apart; restored
 * into a fresh place, the audit chain verifies, the evidence verifies, and nothing opens without the key.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createModules } from '../../src/main/modules.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.service.js';
import { toPrincipal } from '../../src/platform/auth/accounts.service.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/dialects.js';
import { openTestPlatform } from '../support/platform.js';
import { ALL_MIGRATIONS } from '../../src/main/migrations.js';
import { createLogger } from '../../src/platform/logger.js';
import { openPlatform } from '../../src/platform/platform.js';
import { testConfig } from '../support/platform.js';

for (const dialect of testDialects()) {
  describe(`backup and restore on ${dialect}`, () => {
    const cleanup: Array<() => Promise<void> | void> = [];
    afterAll(async () => {
      for (const c of cleanup.reverse()) await c();
    });

    it('follows docs/backup.md and gets everything back, only with the key', async () => {
      const t = await openTestPlatform(dialect);
      cleanup.push(() => t.close());
      const m = createModules(t.platform);
      const u = await t.platform.accounts.createUser({ email: 'bk@example.test', username: 'bk', roles: ['incident_commander'], password: 'backup test passphrase' }, SYSTEM_ACTOR);
      const p = toPrincipal(u.user, 'token');
      const inc = await m.incidents.service.create(p, { title: 'Backed-up incident' } as never);
      const { Readable } = await import('node:stream');
      const item = await m.evidence.service.upload(p, inc.id, { stream: Readable.from(['name,ssn\nAnn,123-45-6780\n']), name: 'leak.csv' });
      await t.platform.audit.flushCheckpoint();

      // --- back up, in the documented order --------------------------------------------------
      const backup = mkdtempSync(join(tmpdir(), 'bd-backup-'));
      cleanup.push(() => rmSync(backup, { recursive: true, force: true }));
      copyFileSync(t.platform.audit.checkpointFile!, join(backup, 'audit.checkpoint'));
      if (dialect === 'sqlite') {
        const live = new SQLite(t.db.sqliteFile);
        live.exec(`VACUUM INTO '${join(backup, 'breachdesk.sqlite')}'`);
        live.close();
      } else {
        execFileSync('pg_dump', ['--format=custom', `--file=${join(backup, 'breachdesk.dump')}`, t.db.databaseUrl!]);
      }
      cpSync(join(t.db.dataDir, 'evidence'), join(backup, 'evidence'), { recursive: true, filter: (src) => !src.includes('.partial') });
      // The key goes elsewhere.
      const keyPlace = mkdtempSync(join(tmpdir(), 'bd-key-'));
      cleanup.push(() => rmSync(keyPlace, { recursive: true, force: true }));
      copyFileSync(join(t.db.dataDir, 'master.key'), join(keyPlace, 'master.key'));
      // Work goes on after the backup (it will be missing after the restore, and that is expected).
      await m.incidents.service.create(p, { title: 'After the backup' } as never);
      await t.platform.audit.flushCheckpoint();

      // --- restore into a fresh place --------------------------------------------------------
      const target: TestDatabase = await createTestDatabase(dialect);
      cleanup.push(() => target.drop());
      if (dialect === 'sqlite') copyFileSync(join(backup, 'breachdesk.sqlite'), target.sqliteFile);
      else execFileSync('pg_restore', ['--no-owner', `--dbname=${target.databaseUrl}`, join(backup, 'breachdesk.dump')]);
      mkdirSync(join(target.dataDir, 'evidence'), { recursive: true });
      cpSync(join(backup, 'evidence'), join(target.dataDir, 'evidence'), { recursive: true });
      copyFileSync(join(backup, 'audit.checkpoint'), join(target.dataDir, 'audit.checkpoint'));

      // Without the key: refused, with a clear error, and no key made.
      const open = () => openPlatform(testConfig(target), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
      await expect(open()).rejects.toThrow(/master key file .* is missing/);
      copyFileSync(join(keyPlace, 'master.key'), join(target.dataDir, 'master.key'));
      const restored = await open();
      cleanup.push(() => restored.close());
      expect(await restored.audit.verify()).toMatchObject({ ok: true });
      const rm = createModules(restored);
      const titles = (await rm.incidents.service.list(p, { limit: 50 })).items.map((i) => i.title);
      expect(titles).toEqual(['Backed-up incident']);
      expect(await rm.evidence.service.verify(p, item.id)).toMatchObject({ ok: true, problems: [] });

      // A checkpoint newer than the database (copied after it, against the order) is reported.
      unlinkSync(join(target.dataDir, 'audit.checkpoint'));
      copyFileSync(t.platform.audit.checkpointFile!, join(target.dataDir, 'audit.checkpoint'));
      const wrongOrder = await restored.audit.verify();
      expect(wrongOrder.ok).toBe(false);
    }, 120_000);
  });
}
