/**
 * Distributed scans (issue 18 §2, "Done when"): `serve` without an inline worker and 1, 2, then 3
 * `breachdesk worker` processes on one PostgreSQL (pg-boss). A multi-file leak (CRM CSV, NDJSON,
 * SQL dump, auth log — people linked across files — a zip of those four files and a CRM export with
 * quoted multi-line notes) uploaded as evidence and assessed through the API gives the report of
 * the standalone `breachdesk scan` of the same files, byte for byte but for timings, on every fleet
 * size. With BREACHDESK_SCAN_SHARD_BYTES low, the quoted CSV is read in ≥ 3 byte ranges, the log
 * and the NDJSON in ranges too, the zip in groups of members. With the worker running a shard
 * killed, the shard runs again elsewhere and the report is still the same. Cancel stops the
 * shards, resume finishes the rest. Workers start once for the file and stay up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { writeMultiLeak } from '../../generators/multi-leak.js';
import { writeQuotedCsv } from '../../generators/quoted-csv.js';
import { zipBuffer } from '../../generators/writers.js';
import { BIN, runCliAsync } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../support/dialects.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';
import { waitFor } from '../../support/wait.js';

type Shard = { seq: number; status: string; worker: string | null; unit_json: string | null; item: number; digests: number | null };

describe.runIf(testDialects().includes('postgresql'))('distributed scans over PostgreSQL', { timeout: 240_000 }, () => {
  let db: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  let serve: ServeProcess;
  let sql: pg.Client;
  const workers: ChildProcess[] = [];
  let token: string;
  let incidentId: string;
  let evidenceIds: string[];
  /** The standalone CLI's report, timings removed, as JSON text. */
  let standalone: string;

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${serve.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [BIN, 'worker', '--queues', 'assessment.run,assessment.shard,assessment.people,assessment.merge', '--concurrency', '1'], {
      env: { ...process.env, BREACHDESK_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    return child;
  }

  const live = () => workers.filter((w) => w.exitCode === null && w.signalCode === null);

  async function waitForWorkers(n: number): Promise<void> {
    // A worker is up once its banner is out (it listens on the queues from then on).
    await waitFor(async () => {
      const up = await Promise.all(live().map((w) => new Promise<boolean>((r) => r((w.stdout as NodeJS.ReadableStream & { _up?: boolean })._up === true))));
      return up.filter(Boolean).length >= n;
    }, 60_000, 100);
  }

  function watch(child: ChildProcess): void {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('worker running')) (child.stdout as NodeJS.ReadableStream & { _up?: boolean })._up = true;
    });
  }

  async function startScan(): Promise<string> {
    const r = await api(`/incidents/${incidentId}/assessments`, { method: 'POST', body: JSON.stringify({ evidenceIds }) });
    expect(r.status).toBe(202);
    return ((await r.json()) as { id: string }).id;
  }

  async function finished(id: string): Promise<{ status: string; error: string | null; report: Record<string, unknown> }> {
    return waitFor(
      async () => {
        const a = (await (await api(`/assessments/${id}`)).json()) as { status: string; error: string | null; report: Record<string, unknown> };
        return a.status === 'done' || a.status === 'failed' ? a : null;
      },
      180_000,
      200,
    );
  }

  const shards = async (id: string): Promise<Shard[]> => (await sql.query<Shard>('select seq, status, worker, unit_json, item, digests from assessment_shards where assessment_id = $1 order by seq', [id])).rows;
  const unitOf = (s: Shard) => (s.unit_json ? (JSON.parse(s.unit_json) as { kind: string }).kind : 'whole');

  function withoutTimings(report: Record<string, unknown>): string {
    const { performance: _p, ...rest } = report;
    return JSON.stringify(rest);
  }

  async function scanAndCompare(): Promise<Shard[]> {
    const id = await startScan();
    const a = await finished(id);
    expect(a.error).toBeNull();
    expect(a.status).toBe('done');
    expect(withoutTimings(a.report)).toBe(standalone);
    const s = await shards(id);
    expect(s.map((x) => x.status)).toEqual(s.map(() => 'done'));
    // Every item is read: by one shard, by ranges, or by groups of its members.
    expect(new Set(s.map((x) => x.item))).toEqual(new Set(evidenceIds.map((_, i) => i)));
    // Progress across the fleet: the sum of the shards', complete, with their number.
    const stored = await sql.query<{ progress_json: string }>('select progress_json from assessments where id = $1', [id]);
    const progress = JSON.parse(stored.rows[0]!.progress_json) as { bytesRead: number; bytesTotal: number; shards: number };
    expect(progress.bytesTotal).toBeGreaterThan(0);
    expect(progress.shards).toBe(s.length);
    expect(progress.bytesRead).toBe(progress.bytesTotal);
    // The merge's people grouping ran as the four people jobs, every partition once, then the merge.
    const people = await sql.query<{ from: number; to: number }>(
      "select (data->>'from')::int as from, (data->>'to')::int as to from pgboss.job where name = 'assessment.people' and state = 'completed' and data->>'assessmentId' = $1 order by 1",
      [id],
    );
    expect(people.rows.map((r) => [r.from, r.to])).toEqual([[0, 64], [64, 128], [128, 192], [192, 256]]);
    return s;
  }

  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    dir = mkdtempSync(join(tmpdir(), 'bd-distributed-'));
    const leak = writeMultiLeak(dir, { seed: 18, people: 1500, logLines: 5000 });
    // A zip of part of the leak (its members are files of their own in the report) and a big quoted CSV.
    // (All four files: deflated they pass the 160 KiB shard size, so the zip is read in groups of members.)
    writeFileSync(join(dir, 'backup.zip'), zipBuffer(leak.files.map((f) => ({ name: `backup/${basename(f)}`, data: readFileSync(f) }))));
    writeQuotedCsv(join(dir, 'crm-notes.csv'), 9000);
    leak.files.push(join(dir, 'backup.zip'), join(dir, 'crm-notes.csv'));
    env = {
      BREACHDESK_DATABASE_URL: db.databaseUrl!,
      BREACHDESK_DATA_DIR: db.dataDir,
      BREACHDESK_INLINE_WORKER: 'false',
      BREACHDESK_JOB_QUEUE: 'pg-boss',
      BREACHDESK_JOB_LEASE_SECONDS: '6',
      BREACHDESK_SCAN_SHARD_BYTES: String(160 * 1024),
      // The merge's people grouping as four people jobs on the fleet (off by default).
      BREACHDESK_SCAN_PEOPLE_JOBS: '4',
    };
    serve = await spawnServe(env, 120_000);
    for (const w of [startWorker()]) watch(w);
    // The standalone scan of the same files, by name from their folder (the report names files as given).
    const cli = await runCliAsync(['scan', '--json', ...leak.files.map((f) => basename(f))], {}, dir);
    expect(cli.code, cli.stderr).toBe(0);
    standalone = withoutTimings(JSON.parse(cli.stdout) as Record<string, unknown>);
    sql = new pg.Client({ connectionString: db.databaseUrl! });
    await sql.connect();
    const { loadConfig } = await import('../../../src/platform/config.js');
    const { openPlatform } = await import('../../../src/platform/platform.js');
    const { ALL_MIGRATIONS } = await import('../../../src/main/migrations.js');
    const { createLogger } = await import('../../../src/platform/logger.js');
    const p = await openPlatform(loadConfig({ env: { ...env, BREACHDESK_JOB_QUEUE: 'embedded', BREACHDESK_LOG_LEVEL: 'silent' }, cwd: db.dataDir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
    await p.accounts.createUser({ email: 'ic@example.test', username: 'ic', roles: ['incident_commander'], password: 'distributed scan passphrase' }, SYSTEM_ACTOR);
    token = (await p.accounts.createToken('ic', 'test', SYSTEM_ACTOR)).token;
    await p.close();
    const inc = await api('/incidents', { method: 'POST', body: JSON.stringify({ title: 'Fleet scan' }) });
    incidentId = ((await inc.json()) as { id: string }).id;
    evidenceIds = [];
    for (const f of leak.files) {
      const up = await fetch(`${serve.url}/api/v1/incidents/${incidentId}/evidence?name=${encodeURIComponent(basename(f))}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: readFileSync(f),
      });
      expect(up.status).toBe(201);
      evidenceIds.push(((await up.json()) as { id: string }).id);
    }
  }, 180_000);
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await sql?.end();
    await serve?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one worker: the report is the standalone scan\'s', async () => {
    expect(evidenceIds.length).toBeGreaterThanOrEqual(6);
    await waitForWorkers(1);
    const s = await scanAndCompare();
    expect(new Set(s.map((x) => x.worker)).size).toBe(1);
    // Finer than an item: the quoted CSV (the last item) in ≥ 3 ranges, the zip in groups of members.
    const csv = s.filter((x) => x.item === evidenceIds.length - 1);
    expect(csv.map(unitOf)).toEqual(csv.map(() => 'range'));
    expect(csv.length).toBeGreaterThanOrEqual(3);
    const zip = s.filter((x) => x.item === evidenceIds.length - 2);
    expect(zip.length).toBeGreaterThanOrEqual(2);
    expect(zip.map(unitOf)).toEqual(zip.map(() => 'members'));
    // The partitioned merge (the default): every shard kept its digests apart, per block of partitions.
    expect(s.map((x) => x.digests)).toEqual(s.map(() => 1));
  });

  it('two and three workers: the same report, the shards spread over the fleet', async () => {
    watch(startWorker());
    await waitForWorkers(2);
    await scanAndCompare();
    watch(startWorker());
    await waitForWorkers(3);
    const s = await scanAndCompare();
    expect(new Set(s.map((x) => x.worker)).size).toBeGreaterThanOrEqual(2);
  });

  it('a worker killed while it runs a shard: the shard runs again elsewhere, the report is the same', async () => {
    const pids = new Set(live().map((w) => w.pid));
    const id = await startScan();
    const victim = await waitFor(async () => (await shards(id)).find((x) => x.status === 'running' && pids.has(Number(x.worker?.split(':').pop()))), 60_000, 20);
    const pid = Number(victim.worker!.split(':').pop());
    workers.find((w) => w.pid === pid)!.kill('SIGKILL');
    const a = await finished(id);
    expect(a.status).toBe('done');
    expect(withoutTimings(a.report)).toBe(standalone);
    const after = (await shards(id)).find((x) => x.seq === victim.seq)!;
    expect(after.status).toBe('done');
    expect(after.worker).not.toBe(victim.worker);
  });

  it('cancel stops the shards; resume runs the rest and gives the same report', async () => {
    const id = await startScan();
    await waitFor(async () => (await shards(id)).some((x) => x.status === 'done' || x.status === 'running'), 60_000, 20);
    const c = await api(`/assessments/${id}/cancel`, { method: 'POST', body: '{}' });
    expect(c.status).toBe(200);
    // Nothing runs any more once the running shards reached their next progress report.
    await waitFor(async () => !(await shards(id)).some((x) => x.status === 'running'), 60_000, 200);
    expect(((await (await api(`/assessments/${id}`)).json()) as { status: string }).status).toBe('cancelled');
    const r = await api(`/assessments/${id}/resume`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(200);
    const a = await finished(id);
    expect(a.status).toBe('done');
    expect(withoutTimings(a.report)).toBe(standalone);
  });
});
