/**
 * A flow analysis whose worker dies is run again elsewhere (issue 18 §1: a worker that dies loses
 * nothing), on pg-boss: a job claimed by a worker that then died — active, started long ago, never
 * renewed — is given back by pg-boss's expiry and analysed by a live process, which finds the
 * sealed upload still there and removes it once done. With one attempt, the expiry failed it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { waitFor } from '../../../test/support/wait.js';
import { header, line, scenario } from './synth.js';

describe.runIf(testDialects().includes('postgresql'))('a flow analysis whose worker died, on pg-boss', { timeout: 120_000 }, () => {
  let s: TestServer;
  beforeAll(async () => {
    // A 3 s lease: pg-boss expires a dead worker's job 3 s after its last renewal.
    s = await startTestServer('postgresql', { BREACHDESK_JOB_LEASE_SECONDS: '3' });
    expect(s.config.jobQueue).toBe('pg-boss');
  });
  afterAll(async () => s?.close());

  it('is analysed by a live process, and the upload removed after', async () => {
    const token = await s.tokenFor('responder');
    await s.platform.jobs.stop();
    const body = `${[...header('zeek-tsv'), ...[...scenario()].map((f, i) => line('zeek-tsv', f, i))].join('\n')}\n`;
    const r = await s.api('/api/v1/flows/analyses?name=conn.log', { token, body, headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(202);
    const c = new pg.Client({ connectionString: s.db.databaseUrl! });
    await c.connect();
    await c.query(`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where id = $1`, [r.body.id]);
    await c.end();
    await s.platform.jobs.start();
    const done = await waitFor(async () => {
      const j = await s.api(`/api/v1/flows/analyses/${r.body.id}`, { token });
      return j.body.status === 'done' || j.body.status === 'failed' ? j.body : null;
    }, 60_000, 250);
    expect(done).toMatchObject({ status: 'done', error: null });
    expect(done.report.findings.map((f: { kind: string }) => f.kind)).toContain('volume');
    // The upload goes after the report is stored (a crash between them must not lose the input of a
    // job that would run again), so it may still be there for a moment when the status reads done.
    await waitFor(async () => readdirSync(join(s.config.dataDir, 'uploads', 'flows')).filter((f) => f.endsWith('.bdev')).length === 0, 10_000, 50);
  });
});
