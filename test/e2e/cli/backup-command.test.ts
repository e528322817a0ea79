/**
 * `admin backup` while the server runs and writes, then `admin restore` on a fresh place (issue
 * 18 §5): the restored store verifies (audit chain, evidence digests), a PostgreSQL backup also
 * restores into SQLite, and bad restores — the wrong master key, a truncated file, a target that
 * is not empty — fail with one clear line and leave the target as they found it. The backup beside
 * the server and the wrong-key restore run the built binary; the other commands run in this
 * process through the same commander program (test/support/cli.ts).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCliAsync } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const CSV = 'name,email,ssn\nAnn Smith,ann@example.org,123-45-6780\n';

for (const dialect of testDialects()) {
  describe(`admin backup and restore on ${dialect}`, { timeout: 300_000 }, () => {
    let s: TestServer;
    let token: string;
    let incidentId: string;
    let itemId: string;
    let backupFile: string;
    const cleanup: Array<() => Promise<void> | void> = [];
    const srcEnv = () => ({ BREACHDESK_DATA_DIR: s.db.dataDir, ...(s.db.databaseUrl ? { BREACHDESK_DATABASE_URL: s.db.databaseUrl } : {}) });
    /** A fresh, empty place with this installation's master key in it. */
    async function freshPlace(d = dialect): Promise<{ env: Record<string, string>; db: TestDatabase }> {
      const db = await createTestDatabase(d);
      cleanup.push(() => db.drop());
      copyFileSync(join(s.db.dataDir, 'master.key'), join(db.dataDir, 'master.key'));
      return { db, env: { BREACHDESK_DATA_DIR: db.dataDir, ...(db.databaseUrl ? { BREACHDESK_DATABASE_URL: db.databaseUrl } : {}) } };
    }

    beforeAll(async () => {
      s = await startTestServer(dialect);
      token = await s.tokenFor('incident_commander');
      const inc = await s.api('/api/v1/incidents', { token, body: { title: 'Backed-up incident', awareAt: '2026-03-02T15:00:00Z' } });
      incidentId = inc.body.id;
      const up = await fetch(`${s.url}/api/v1/incidents/${incidentId}/evidence?name=leak.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: CSV,
      });
      itemId = ((await up.json()) as { id: string }).id;
      const dir = mkdtempSync(join(tmpdir(), 'bd-backup-file-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      backupFile = join(dir, 'breachdesk.backup');
    });
    afterAll(async () => {
      for (const c of cleanup.reverse()) await c();
      await s?.close();
    });

    it('backs up while the server keeps writing; the file holds nothing in the clear', async () => {
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          const r = await s.api(`/api/v1/incidents/${incidentId}/timeline`, { token, body: { text: `entry ${written}`, at: '2026-03-02T16:00:00Z' } });
          if (r.status === 201) written++;
          // A busy server, not a tight loop: SQLite serialises writers, and a loop with no pause
          // could starve the backup's one write (its audit record) past the busy timeout.
          await new Promise((res) => setTimeout(res, 20));
        }
      })();
      const r = await runCliAsync(['admin', 'backup', '--out', backupFile, '--json'], srcEnv());
      writing = false;
      await writer;
      expect(r.code, r.stderr).toBe(0);
      const manifest = JSON.parse(r.stdout) as { tables: Record<string, number>; evidenceFiles: number };
      expect(manifest.tables.incidents).toBe(1);
      expect(manifest.tables.audit_events).toBeGreaterThan(3);
      expect(manifest.evidenceFiles).toBe(1);
      expect(written).toBeGreaterThan(0);
      const bytes = readFileSync(backupFile);
      expect(bytes.subarray(0, 10).toString()).toBe('BDBACKUP1\n');
      expect(bytes.includes(Buffer.from('Backed-up incident'))).toBe(false);
      expect(bytes.includes(Buffer.from('"tables"'))).toBe(false);
      expect(statSync(backupFile).mode & 0o077).toBe(0);
    });

    it('restores on a fresh place: the audit chain and the evidence verify there', async () => {
      const { env } = await freshPlace();
      const r = await cli(['admin', 'restore', backupFile], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/restored \d+ rows and 1 evidence files .*audit chain intact: \d+ events/);
      const audit = await cli(['admin', 'verify-audit'], env);
      expect(audit.code, audit.stderr).toBe(0);
      expect(audit.stdout + audit.stderr).toMatch(/audit chain intact: \d+ events/);
      const v = await cli(['evidence', 'verify', itemId], env);
      expect(v.code, v.stderr + v.stdout).toBe(0);
      const list = await cli(['incident', 'list', '--json'], env);
      expect(list.stdout).toContain('Backed-up incident');
    });

    if (dialect === 'postgresql') {
      it('restores a PostgreSQL backup into SQLite', async () => {
        const { env } = await freshPlace('sqlite');
        const r = await cli(['admin', 'restore', backupFile], env);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/audit chain intact/);
      });
    }

    it('refuses the wrong master key, a truncated file and a place that is not empty — and leaves the place empty', async () => {
      const place = await freshPlace();
      writeFileSync(join(place.db.dataDir, 'master.key'), `${Buffer.alloc(32, 9).toString('base64')}\n`, { mode: 0o600 });
      const wrongKey = await runCliAsync(['admin', 'restore', backupFile], place.env);
      expect(wrongKey.code).not.toBe(0);
      expect(wrongKey.stderr).toMatch(/this backup was made under master key \S+; this machine has \S+/);
      expect(wrongKey.stderr).not.toMatch(/\n\s+at /);

      copyFileSync(join(s.db.dataDir, 'master.key'), join(place.db.dataDir, 'master.key'));
      const cut = `${backupFile}.cut`;
      copyFileSync(backupFile, cut);
      truncateSync(cut, statSync(cut).size - 100);
      const truncated = await cli(['admin', 'restore', cut], place.env);
      expect(truncated.code).not.toBe(0);
      expect(truncated.stderr).toMatch(/damaged backup/);

      // The failed restores left nothing behind: the same place now restores cleanly …
      const ok = await cli(['admin', 'restore', backupFile], place.env);
      expect(ok.code, ok.stderr).toBe(0);
      // … and a second restore into it is refused, since it is no longer empty.
      const again = await cli(['admin', 'restore', backupFile], place.env);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already has tables: restore into an empty database|is not empty/);
    });
  });
}
