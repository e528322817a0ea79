/**
 * Workers on other processes (issue 18 §1): `serve` without an inline worker and two
 * `breachdesk worker` processes, all on one PostgreSQL with BREACHDESK_JOB_QUEUE=pg-boss, each
 * worker with a data directory of its own (another machine: only the master key is shared) and the
 * evidence on an S3-compatible store (s3rver, issue 18 §3), so a worker reads what `serve` took in
 * from the bucket alone. A scan
 * asked through the API is run by a worker; with one worker killed, the next scan still runs on
 * the other. Each worker runs only its `--queues`: stakeholder-update slots due while only the
 * scan and obligation workers run stay queued (those workers meanwhile finish a later recompute),
 * and a third worker started with the update queues and `--concurrency 3` delivers three updates
 * at once (an SMTP server that holds every message sees three held together; the default, 2,
 * never gets there). An unknown queue name is refused in one line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { runCliAsync, BIN } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../support/dialects.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';
import { type LocalS3, startS3rver } from '../../support/local-s3.js';
import { waitFor } from '../../support/wait.js';

const CSV = 'name,email,ssn,state\nAnn Smith,ann@example.org,123-45-6780,TX\nBob Jones,bob@example.org,234-56-7891,CA\n';

describe.runIf(testDialects().includes('postgresql'))('pg-boss: serve and two worker processes', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let s3: LocalS3;
  const dirs: string[] = [];
  let serve: ServeProcess;
  const workers: ChildProcess[] = [];
  let token: string;
  let adminToken: string;
  let incidentId: string;
  // An SMTP server that holds every message until released: a delivery job stays running meanwhile.
  let held = 0;
  const delivered: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (d: Buffer) => (data += d.toString('utf8')));
      stream.on('end', () => {
        held++;
        void released.then(() => {
          delivered.push(data);
          callback();
        });
      });
    },
  });

  /** A data directory as on another machine: empty but for the master key, put there by its operator. */
  function machineDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'bd-worker-machine-'));
    dirs.push(dir);
    copyFileSync(join(db.dataDir, 'master.key'), join(dir, 'master.key'));
    return dir;
  }

  const SCAN_QUEUES = 'assessment.run,assessment.shard,assessment.people,assessment.merge,obligations.recompute';
  function startWorker(queues = SCAN_QUEUES, concurrency = '1'): ChildProcess {
    const child = spawn(process.execPath, [BIN, 'worker', '--queues', queues, '--concurrency', concurrency], {
      env: { ...process.env, BREACHDESK_LOG_LEVEL: 'warn', ...env, BREACHDESK_DATA_DIR: machineDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    return child;
  }

  async function scanOnce(): Promise<string> {
    const up = await fetch(`${serve.url}/api/v1/incidents/${incidentId}/evidence?name=leak.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: CSV,
    });
    const item = (await up.json()) as { id: string };
    const r = await fetch(`${serve.url}/api/v1/incidents/${incidentId}/assessments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ evidenceIds: [item.id] }),
    });
    if (r.status !== 202) throw new Error(`assessment ${r.status}: ${await r.text()}\nserve: ${serve.stdout()}\n${serve.stderr()}`);
    const id = ((await r.json()) as { id: string }).id;
    const done = await waitFor(
      async () => {
        const a = (await (await fetch(`${serve.url}/api/v1/assessments/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string; report?: { totals: { individuals: number } } };
        return a.status === 'done' || a.status === 'failed' ? a : null;
      },
      90_000,
      250,
    );
    expect(done.status).toBe('done');
    expect(done.report!.totals.individuals).toBe(2);
    return id;
  }

  /** pg-boss's jobs of one queue by state, from the database every process shares. */
  async function jobStates(queue: string): Promise<Record<string, number>> {
    const c = new pg.Client({ connectionString: db.databaseUrl! });
    await c.connect();
    try {
      const r = await c.query<{ state: string; n: string }>('select state, count(*) as n from pgboss.job where name = $1 group by state', [queue]);
      return Object.fromEntries(r.rows.map((x) => [x.state, Number(x.n)]));
    } finally {
      await c.end();
    }
  }
  const api = async (path: string, bearer: string, method: string, body: unknown) => {
    const r = await fetch(`${serve.url}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text) as { id: string };
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    s3 = await startS3rver('fleet-evidence');
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtp.server.address() as { port: number }).port;
    env = {
      BREACHDESK_DATABASE_URL: db.databaseUrl!,
      BREACHDESK_DATA_DIR: db.dataDir,
      BREACHDESK_INLINE_WORKER: 'false',
      BREACHDESK_JOB_QUEUE: 'pg-boss',
      BREACHDESK_JOB_LEASE_SECONDS: '10',
      BREACHDESK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      BREACHDESK_MAIL_FROM: 'Incident desk <desk@example.test>',
      ...s3.env('workers/'),
    };
    serve = await spawnServe(env, 120_000);
    startWorker();
    startWorker();
    const { loadConfig } = await import('../../../src/platform/config.js');
    const { openPlatform } = await import('../../../src/platform/platform.js');
    const { ALL_MIGRATIONS } = await import('../../../src/main/migrations.js');
    const { createLogger } = await import('../../../src/platform/logger.js');
    const p = await openPlatform(loadConfig({ env: { ...env, BREACHDESK_JOB_QUEUE: 'embedded', BREACHDESK_LOG_LEVEL: 'silent' }, cwd: db.dataDir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
    await p.accounts.createUser({ email: 'ic@example.test', username: 'ic', roles: ['incident_commander'], password: 'pg-boss test passphrase' }, SYSTEM_ACTOR);
    token = (await p.accounts.createToken('ic', 'test', SYSTEM_ACTOR)).token;
    await p.accounts.createUser({ email: 'root@example.test', username: 'root', roles: ['admin'], password: 'pg-boss test passphrase' }, SYSTEM_ACTOR);
    adminToken = (await p.accounts.createToken('root', 'test', SYSTEM_ACTOR)).token;
    await p.close();
    const inc = await fetch(`${serve.url}/api/v1/incidents`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Fleet scan' }) });
    incidentId = ((await inc.json()) as { id: string }).id;
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await serve?.stop();
    release();
    await new Promise<void>((r) => smtp.close(() => r()));
    await s3?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await db?.drop();
  });

  it('a worker process runs the scan the API queued', async () => {
    await scanOnce();
    // The evidence is in the bucket (encrypted), not in serve's data directory.
    expect(s3.stored().some((b) => b.length > 0)).toBe(true);
    expect(existsSync(join(db.dataDir, 'evidence')) ? readdirSync(join(db.dataDir, 'evidence')).filter((f) => f.endsWith('.bdev')) : []).toEqual([]);
  });

  it('with one worker killed, the other runs the next scan', async () => {
    workers[0]!.kill('SIGKILL');
    await scanOnce();
  });

  it('a worker runs only its --queues, and as many jobs at once as --concurrency says', async () => {
    await api('/api/v1/update-audiences/executives', adminToken, 'PUT', { emails: ['ceo@example.test'] });
    // Three incidents, each with an update schedule whose first slot is due in a moment.
    const firstAt = new Date(Date.now() + 1500).toISOString();
    for (let i = 0; i < 3; i++) {
      const inc = await api('/api/v1/incidents', token, 'POST', { title: `Fleet update ${i}`, status: 'confirmed', severity: 'high', awareAt: new Date(Date.now() - 3_600_000).toISOString() });
      await api(`/api/v1/incidents/${inc.id}/update-schedules`, token, 'POST', { audience: 'executives', everyHours: 4, firstAt, events: [] });
    }
    await waitFor(async () => (await jobStates('learn.update-slot')).created === 3, 30_000, 200);
    // After the slots are due, a recompute queued later is run by the scan worker still alive …
    while (Date.now() <= Date.parse(firstAt)) await new Promise((r) => setTimeout(r, 100));
    await api('/api/v1/incidents', token, 'POST', { title: 'Queued after the slots' });
    await waitFor(async () => {
      const st = await jobStates('obligations.recompute');
      return !st.created && !st.retry && !st.active;
    }, 90_000, 250);
    // … which does not serve the update queues: the slots still wait, nothing was sent.
    expect(await jobStates('learn.update-slot')).toEqual({ created: 3 });
    expect(held).toBe(0);

    startWorker('learn.update-slot,learn.update-deliver,learn.update-event', '3');
    // Three deliveries held at the SMTP server at once: three delivery jobs running in one process.
    await waitFor(async () => held === 3, 120_000, 100);
    expect((await jobStates('learn.update-deliver')).active).toBe(3);
    release();
    await waitFor(async () => delivered.length === 3, 60_000, 100);
    for (const m of delivered) expect(m).toMatch(/Status: confirmed \(severity high\)/);
  });

  it('refuses a queue name that does not exist', async () => {
    const r = await runCliAsync(['worker', '--queues', 'assessment.runn'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--queues: no such queue assessment\.runn \(queues: .*assessment\.run/);
  });
});
