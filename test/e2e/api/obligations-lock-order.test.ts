/**
 * Two audited changes of one incident's obligations at once must both commit (PostgreSQL). A
 * regulator submission locks the audit head (its `notice.submitted` event) and then the obligation
 * it meets; the obligations recompute (the background job after every triggering change) locked
 * the obligation rows first and the audit head last — the opposite order, so PostgreSQL found a
 * deadlock and killed one of them: the submission answered 500 (the CI flake of
 * audit-atomic.test.ts, 2026-12-08). Every writer of tracked obligations now takes the audit head
 * before its rows.
 *
 * The interleaving is forced, not hoped for: a third connection holds the audit head while the
 * submission and then the recompute queue behind it, and lets go once both wait.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';
import { FULL_INPUTS, nyIncident } from './notices-fixtures.js';

const SSNS = ['123-45-6780', '234-56-7891'];
const LEAK = ['first_name,last_name,email,ssn,state'].concat(SSNS.map((ssn, i) => `Nia${i},York${i},nia${i}@example.org,${ssn},NY`)).join('\n');
const PEOPLE = ['name,email,state'].concat(SSNS.map((_, i) => `Nia${i} York${i},nia${i}@example.org,NY`)).join('\n');

describe.runIf(testDialects().includes('postgresql'))('a submission and an obligations recompute at once (postgresql)', () => {
  let s: TestServer;
  let blocker: pg.Client;
  let watcher: pg.Client;

  beforeAll(async () => {
    s = await startTestServer('postgresql');
    blocker = new pg.Client({ connectionString: s.db.databaseUrl! });
    watcher = new pg.Client({ connectionString: s.db.databaseUrl! });
    await Promise.all([blocker.connect(), watcher.connect()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([blocker?.end(), watcher?.end()]);
    await s?.close();
  });

  /** Server connections of this database waiting for a lock (not the blocker's). */
  const waiting = async () =>
    Number((await watcher.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0].n);

  it('both commit: the notice is submitted, the obligation met and recomputed, no deadlock', async () => {
    const cmd = await s.tokenFor('incident_commander');
    const legal = await s.tokenFor('legal');
    const drafter = await s.tokenFor('responder');
    const incidentId = await nyIncident(s, cmd, LEAK, PEOPLE);
    const item = async () =>
      ((await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token: cmd })).body as { items: { id: string; required: unknown; met: unknown }[] }).items.find((i) => i.id === 'US-NY.regulator.2025');
    await waitFor(async () => ((await item())?.required === true ? true : null));
    const d = await s.api('/api/v1/notices', { token: drafter, body: { incidentId, recipient: 'regulator', jurisdiction: 'US-NY', ruleId: 'US-NY.regulator.2025', inputs: { ...FULL_INPUTS, reporterName: 'Cora', reporterTitle: 'CISO', sampleNoticeRef: 'attachment A' }, elements: ['person_name', 'us_ssn'] } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    for (const token of [legal, cmd]) expect((await s.api(`/api/v1/notices/${d.body.id}/approve`, { token, body: {} })).status).toBe(200);
    // No background job from the set-up may run meanwhile: only the two changes below take locks.
    await s.platform.jobs.stop();

    await blocker.query('BEGIN');
    await blocker.query('SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE');
    const submitted = s.api(`/api/v1/notices/${d.body.id}/submission`, { token: cmd, body: { submittedAt: new Date(Date.now() - 3_600_000).toISOString(), channel: 'portal', reference: 'AG-1' } });
    await waitFor(async () => ((await waiting()) >= 1 ? true : null), 30_000, 20);
    const recomputed = s.modules.tracking.recompute(incidentId, SYSTEM_ACTOR).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    await waitFor(async () => ((await waiting()) >= 2 ? true : null), 30_000, 20);
    await blocker.query('COMMIT');

    const ok = await submitted;
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(await recomputed).toBe('ok');
    expect((await item())?.met).toMatchObject({ channel: 'portal', reference: 'AG-1' });
    expect((await s.platform.audit.verify()).ok).toBe(true);
  });
});
