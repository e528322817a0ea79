/**
 * Crash tests (issue 19 §9): `breachdesk serve` (the built package, as operators run it) is killed
 * with SIGKILL in the middle of an evidence upload and in the middle of a scan, then started again
 * on the same store. Nothing committed is lost: earlier evidence verifies, the half upload left no
 * item, the interrupted scan is taken up again (its job lease runs out) and completes with every
 * record, and the audit chain verifies. The crash in the middle of a notice campaign is
 * test/e2e/cli/notices-crash.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../src/main/migrations.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.service.js';
import { createLogger } from '../../src/platform/logger.js';
import { openPlatform } from '../../src/platform/platform.js';
import { cli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/dialects.js';
import { jsonApi } from '../support/http.js';
import { testConfig } from '../support/platform.js';
import { type ServeProcess, spawnServe } from '../support/spawn-server.js';
import { waitFor } from '../support/wait.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SMALL = 'name,email,ssn\nAnn Lee,ann@example.org,123-45-6780\n';

// The leak scanned mid-crash, generated once for both dialects (deterministic: seeded). 30 MB: the
// kill must land while the scan runs, and a scan reports its progress (bytesRead) at its first
// block, then each second; 30 MB takes ≈ 2 s to scan at load 5 on this 2-core machine, a hundred
// times the 20 ms between polls. 60 MB only doubled both scans.
let bigDir: string;
let bigFile: string;
let bigRows: number;
beforeAll(() => {
  bigDir = mkdtempSync(join(tmpdir(), 'bd-crash-'));
  bigFile = join(bigDir, 'big.csv');
  const gen = spawnSync(process.execPath, [join(ROOT, 'bench/scan/gen-data.mjs'), 'csv', '30', bigFile], { encoding: 'utf8' });
  bigRows = Number(/([\d]+) rows/.exec(gen.stdout + gen.stderr)?.[1]);
  expect(bigRows).toBeGreaterThan(0);
}, 180_000);
afterAll(() => rmSync(bigDir, { recursive: true, force: true }));

for (const dialect of testDialects()) {
  describe(`kill -9 of serve on ${dialect}`, () => {
    let db: TestDatabase;
    let serve: ServeProcess;
    let token: string;
    let incident: string;
    let small: string;
    let big: string;
    const env = () => ({ BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_JOB_LEASE_SECONDS: '3', ...(db.databaseUrl ? { BREACHDESK_DATABASE_URL: db.databaseUrl } : {}) });
    const api = (path: string, init: { method?: string; body?: unknown } = {}) => jsonApi(serve.url)(path, { ...init, token });
    const upload = (name: string, body: Readable, size: number) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${serve.url}/api/v1/incidents/${incident}/evidence?name=${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': size },
        });
        req.on('response', (res) => {
          let b = '';
          res.on('data', (d) => (b += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
        });
        req.on('error', reject);
        body.pipe(req);
      });

    beforeAll(async () => {
      db = await createTestDatabase(dialect, { migrations: ALL_MIGRATIONS });
      const p = await openPlatform(testConfig(db), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
      await p.accounts.createUser({ email: 'crash@example.test', username: 'crash', roles: ['incident_commander'], password: 'crash test passphrase' }, SYSTEM_ACTOR);
      token = (await p.accounts.createToken('crash', 'crash test', SYSTEM_ACTOR)).token;
      await p.close();
      serve = await spawnServe(env());
      incident = (await api('/api/v1/incidents', { body: { title: 'Crash test' } })).body.id;
      small = JSON.parse((await upload('small.csv', Readable.from([SMALL]), SMALL.length)).body).id;
      const r = await upload('big.csv', createReadStream(bigFile), statSync(bigFile).size);
      expect(r.status).toBe(201);
      big = JSON.parse(r.body).id;
    }, 180_000);
    afterAll(async () => {
      await serve?.stop('SIGKILL');
      await db?.drop();
    });

    const restart = async () => {
      await serve.stop('SIGKILL');
      serve = await spawnServe(env());
    };

    it('mid-upload: the half upload leaves no item; what was there verifies', async () => {
      const total = 40 * 1024 * 1024;
      let sent = 0;
      const slow = new Readable({
        read() {
          if (sent >= total) return this.push(null);
          sent += 256 * 1024;
          setTimeout(() => this.push(Buffer.alloc(256 * 1024, 0x41)), 5);
        },
      });
      const pending = upload('interrupted.bin', slow, total).catch((e: Error) => ({ status: 0, body: e.message }));
      await waitFor(async () => sent > 4 * 1024 * 1024);
      await restart();
      expect((await pending).status).not.toBe(201);
      const list = await api(`/api/v1/incidents/${incident}/evidence`);
      expect(list.body.items.map((i: { name: string }) => i.name).sort()).toEqual(['big.csv', 'small.csv']);
      expect((await api(`/api/v1/evidence/${small}/verify`, { method: 'POST' })).body).toMatchObject({ ok: true, problems: [] });
    }, 120_000);

    it('mid-scan: the scan is taken up again after the restart and finds every record', async () => {
      const started = await api(`/api/v1/incidents/${incident}/assessments`, { body: { evidenceIds: [big] } });
      expect(started.status).toBe(202);
      const id = started.body.id;
      await waitFor(async () => {
        const a = (await api(`/api/v1/assessments/${id}`)).body;
        return a.status === 'running' && (a.progress?.bytesRead ?? 0) > 0;
      }, 60_000, 20);
      await restart();
      // Waits for a condition, so generous: the restarted serve takes the job up after its lease
      // (3 s) and scans the 30 MB again, seconds on a quiet machine, over 120 s at load 28.
      const done = await waitFor(async () => {
        const a = (await api(`/api/v1/assessments/${id}`)).body;
        return a.status === 'done' || a.status === 'failed' ? a : null;
      }, 300_000, 200);
      expect(done.status).toBe('done');
      expect(done.report.totals.records).toBe(bigRows);
      expect((await api(`/api/v1/evidence/${big}/verify`, { method: 'POST' })).body.ok).toBe(true);
    }, 480_000);

    it('after both crashes the audit chain verifies', async () => {
      await serve.stop('SIGTERM');
      // In this process (test/support/cli.ts): the command, not a process start, is under test.
      const r = await cli(['admin', 'verify-audit', '--json'], env());
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
    }, 60_000);
  });
}
