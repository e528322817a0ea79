/**
 * Work waiting in the queue survives a backup and restore (issue 18 §5). On PostgreSQL the jobs
 * are pg-boss's, in its own schema, outside the store's tables: a scan queued while no worker ran
 * and a reminder sweep scheduled for later are backed up by `admin backup`, and after `admin
 * restore` on a fresh PostgreSQL (pg-boss) or SQLite (embedded queue) the scan runs to its report
 * and the sweep waits for its time, under the same job ids. Before, the restored assessment said
 * "queued" forever: no engine held a job for it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/main/migrations.js';
import { createModules } from '../../../src/main/modules.js';
import type { Dialect } from '../../../src/platform/config.js';
import { loadConfig } from '../../../src/platform/config.js';
import { createLogger } from '../../../src/platform/logger.js';
import { openPlatform } from '../../../src/platform/platform.js';
import { cli } from '../../support/cli.js';
import { createTestDatabase, testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

const CSV = 'name,email,ssn\nAnn Smith,ann@example.org,123-45-6780\nBob Jones,bob@example.org,234-56-7891\n';

describe.runIf(testDialects().includes('postgresql'))('queued jobs through admin backup and restore (pg-boss)', { timeout: 300_000 }, () => {
  let s: TestServer;
  let backupFile: string;
  let assessmentId: string;
  let scanJobId: string;
  let sweepJobId: string;
  const sweepAt = new Date(Date.now() + 3 * 3_600_000);
  const cleanup: Array<() => Promise<void> | void> = [];

  beforeAll(async () => {
    s = await startTestServer('postgresql');
    expect(s.config.jobQueue).toBe('pg-boss');
    // No process works the queue: what is sent waits in pg-boss, as when every worker is busy.
    await s.platform.jobs.stop();
    const token = await s.tokenFor('incident_commander');
    const inc = await s.api('/api/v1/incidents', { token, body: { title: 'Queued at backup time' } });
    const up = await fetch(`${s.url}/api/v1/incidents/${inc.body.id}/evidence?name=leak.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: CSV,
    });
    const item = (await up.json()) as { id: string };
    const started = await s.api(`/api/v1/incidents/${inc.body.id}/assessments`, { token, body: { evidenceIds: [item.id] } });
    expect(started.status).toBe(202);
    assessmentId = started.body.id;
    const row = await sql<{ status: string; job_id: string }>`select status, job_id from assessments where id = ${assessmentId}`.execute(s.platform.store.db);
    expect(row.rows[0]!.status).toBe('queued');
    scanJobId = row.rows[0]!.job_id;
    sweepJobId = await s.platform.jobs.send('incidents.reminders', {}, { singletonKey: `incidents.reminders:${sweepAt.toISOString()}`, runAt: sweepAt, maxAttempts: 1 });

    const dir = mkdtempSync(join(tmpdir(), 'bd-backup-jobs-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    backupFile = join(dir, 'breachdesk.backup');
    const r = await cli(['admin', 'backup', '--out', backupFile, '--json'], { BREACHDESK_DATA_DIR: s.db.dataDir, BREACHDESK_DATABASE_URL: s.db.databaseUrl! });
    expect(r.code, r.stderr).toBe(0);
    // The tables' `jobs` is empty on pg-boss: what the manifest counts there came from pg-boss.
    expect((JSON.parse(r.stdout) as { tables: Record<string, number> }).tables.jobs).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
    await s?.close();
  });

  async function restoreAndRun(dialect: Dialect): Promise<string> {
    const db = await createTestDatabase(dialect);
    cleanup.push(() => db.drop());
    copyFileSync(join(s.db.dataDir, 'master.key'), join(db.dataDir, 'master.key'));
    const env = { BREACHDESK_DATA_DIR: db.dataDir, ...(db.databaseUrl ? { BREACHDESK_DATABASE_URL: db.databaseUrl } : {}) };
    const r = await cli(['admin', 'restore', backupFile], env);
    expect(r.code, r.stderr).toBe(0);
    // A fresh machine's first process: it works every queue.
    const p = await openPlatform(loadConfig({ env: { ...env, BREACHDESK_LOG_LEVEL: 'silent' }, cwd: db.dataDir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent'), jobPollMs: 50 });
    cleanup.push(() => p.close());
    createModules(p).registerJobs(p.jobs);
    await p.jobs.start();
    const done = await waitFor(async () => {
      const a = await sql<{ status: string; job_id: string }>`select status, job_id from assessments where id = ${assessmentId}`.execute(p.store.db);
      const row = a.rows[0]!;
      return row.status === 'done' || row.status === 'failed' ? row : null;
    }, 120_000, 200);
    expect(done).toEqual({ status: 'done', job_id: scanJobId });
    expect(await p.jobs.get(scanJobId)).toMatchObject({ status: 'done', queue: 'assessment.run' });
    // The sweep keeps its time and waits for it.
    expect(await p.jobs.get(sweepJobId)).toMatchObject({ status: 'queued', queue: 'incidents.reminders', runAt: sweepAt.toISOString() });
    // On pg-boss, nothing is left waiting in the embedded queue's table.
    const left = await sql<{ n: number | string }>`select count(*) as n from jobs where status in ('queued', 'running')`.execute(p.store.db);
    if (dialect === 'postgresql') expect(Number(left.rows[0]!.n)).toBe(0);
    return r.stdout;
  }

  it('restored on PostgreSQL, pg-boss runs the queued scan and keeps the scheduled sweep', async () => {
    const out = await restoreAndRun('postgresql');
    expect(out).toMatch(/audit chain intact: \d+ events/);
  });

  it('restored on SQLite, the embedded queue does', async () => {
    await restoreAndRun('sqlite');
  });
});
