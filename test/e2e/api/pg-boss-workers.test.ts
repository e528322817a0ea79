/**
 * Workers on other processes (issue 18 §1): `serve` without an inline worker and two
 * `breachdesk worker` processes, all on one PostgreSQL with BREACHDESK_JOB_QUEUE=pg-boss. A scan
 * asked through the API is run by a worker; with one worker killed, the next scan still runs on
 * the other. An unknown queue name is refused in one line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { runCliAsync, BIN } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../support/dialects.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';
import { waitFor } from '../../support/wait.js';

const CSV = 'name,email,ssn,state\nAnn Smith,ann@example.org,123-45-6780,TX\nBob Jones,bob@example.org,234-56-7891,CA\n';

describe.runIf(testDialects().includes('postgresql'))('pg-boss: serve and two worker processes', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let serve: ServeProcess;
  const workers: ChildProcess[] = [];
  let token: string;
  let incidentId: string;

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [BIN, 'worker', '--queues', 'assessment.run,assessment.shard,assessment.people,assessment.merge,obligations.recompute', '--concurrency', '1'], {
      env: { ...process.env, BREACHDESK_LOG_LEVEL: 'warn', ...env },
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

  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    env = { BREACHDESK_DATABASE_URL: db.databaseUrl!, BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_INLINE_WORKER: 'false', BREACHDESK_JOB_QUEUE: 'pg-boss', BREACHDESK_JOB_LEASE_SECONDS: '10' };
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
    await p.close();
    const inc = await fetch(`${serve.url}/api/v1/incidents`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Fleet scan' }) });
    incidentId = ((await inc.json()) as { id: string }).id;
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await serve?.stop();
    await db?.drop();
  });

  it('a worker process runs the scan the API queued', async () => {
    await scanOnce();
  });

  it('with one worker killed, the other runs the next scan', async () => {
    workers[0]!.kill('SIGKILL');
    await scanOnce();
  });

  it('refuses a queue name that does not exist', async () => {
    const r = await runCliAsync(['worker', '--queues', 'assessment.runn'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--queues: no such queue assessment\.runn \(queues: .*assessment\.run/);
  });
});
