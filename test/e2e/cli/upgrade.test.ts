/**
 * Upgrades (issue 18 §5): a store made by the previous release's own CLI
 * (test/fixtures/releases/<commit>, made by make-fixture.sh) is opened by today's code on each
 * dialect. Migrations run forward, and then everything the release wrote still reads and
 * verifies: the audit chain, the evidence's digest, the incident, the notice draft, the people.
 * A database migrated by a newer release is refused with a clear error and left untouched (by the
 * built binary; the other commands run in this process through the same commander program,
 * test/support/cli.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL, testDialects } from '../../support/dialects.js';
import { cli, runCli } from '../../support/cli.js';

const RELEASES = fileURLToPath(new URL('../../fixtures/releases/', import.meta.url));
const MASTER_KEY = `${'0'.repeat(63)}7`;
const releases = readdirSync(RELEASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

for (const release of releases) {
  for (const dialect of testDialects()) {
    describe(`upgrade from release ${release} on ${dialect}`, () => {
      let dir: string;
      let env: Record<string, string>;
      let dbName: string | null = null;
      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'bd-upgrade-'));
        cpSync(join(RELEASES, release, dialect), dir, { recursive: true });
        env = { BREACHDESK_DATA_DIR: dir, BREACHDESK_MASTER_KEY: MASTER_KEY };
        if (dialect === 'postgresql') {
          dbName = `bd_upgrade_${process.pid}_${Date.now()}`;
          const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
          await admin.connect();
          await admin.query(`create database ${dbName}`);
          await admin.end();
          const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
          execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', join(dir, 'dump.sql')], { stdio: 'pipe' });
          env.BREACHDESK_DATABASE_URL = url;
        }
      });
      afterAll(async () => {
        rmSync(dir, { recursive: true, force: true });
        if (dbName) {
          const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
          await admin.connect();
          await admin.query(`drop database if exists ${dbName} with (force)`);
          await admin.end();
        }
      });

      it('migrates forward and everything the release wrote still verifies', { timeout: 240_000 }, async () => {
        const audit = await cli(['admin', 'verify-audit'], env);
        expect(audit.stderr + audit.stdout).toMatch(/audit chain intact: \d+ events/);
        expect(audit.code).toBe(0);
        const incidents = (JSON.parse((await cli(['incident', 'list', '--json'], env)).stdout) as { items: Array<{ id: string; title: string }> }).items;
        const inc = incidents.find((i) => i.title === 'Fixture: customer export leaked');
        expect(inc).toBeDefined();
        const evidence = (JSON.parse((await cli(['evidence', 'list', '--incident', inc!.id, '--json'], env)).stdout) as { items: Array<{ id: string; name: string }> }).items;
        expect(evidence.map((e) => e.name)).toEqual(['customers.csv']);
        const verified = await cli(['evidence', 'verify', evidence[0]!.id], env);
        expect(verified.code, verified.stderr).toBe(0);
        const notices = JSON.parse((await cli(['notices', 'list', '--incident', inc!.id, '--json'], env)).stdout);
        expect(JSON.stringify(notices)).toContain('"jurisdiction":"US-CA"');
        const timeline = await cli(['timeline', inc!.id], env);
        expect(timeline.stdout).toContain('attacker logged in');
      });

      it('refuses a database migrated by a newer release, naming the unknown migration', async () => {
        const future = '9999-from-a-newer-release';
        if (dialect === 'sqlite') {
          const db = new Database(join(dir, 'breachdesk.sqlite'));
          db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(future, new Date().toISOString());
          db.close();
        } else {
          const c = new pg.Client({ connectionString: env.BREACHDESK_DATABASE_URL });
          await c.connect();
          await c.query('insert into kysely_migration (name, timestamp) values ($1, $2)', [future, new Date().toISOString()]);
          await c.end();
        }
        const r = runCli(['incident', 'list', '--json'], env);
        expect(r.code).not.toBe(0);
        expect(r.stderr).toMatch(/migrated by a newer Breachdesk \(it has 9999-from-a-newer-release/);
        expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      });
    });
  }
}
