/**
 * Shutdown while alerts wait for their group commit (issue 15: acknowledged means stored). Closing
 * the server drains the intake writer before the store closes: every alert queued is written and
 * answered, and an alert that arrives after the close began is refused with 503 (not stored, the
 * sender sends it again) — it used to reach a store already closed ("driver has already been
 * destroyed", seen on SIGTERM at the end of the intake bench).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../../src/platform/auth/accounts.service.js';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

for (const dialect of testDialects()) {
  describe(`intake on shutdown on ${dialect}`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(dialect);
      const admin = await s.tokenFor('admin');
      expect((await s.api('/api/v1/intake-sources', { token: admin, body: { name: 'edr', auth: 'token' } })).status).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await s?.platform.close();
      await s?.db.drop();
    });

    it('writes every queued alert before the store closes and refuses alerts that arrive after', async () => {
      const intake = s.modules.confirm.intake;
      const src = await intake.sourceFor(toPrincipal((await s.platform.accounts.findUser('admin-user'))!, 'session'), 'edr');
      // Queued, not awaited: they wait for the group commit's window when the server starts closing.
      const queued = Array.from({ length: 120 }, (_, i) => intake.ingest(src, [{ title: `alert ${i}`, severity: 'high', host: `h${i}` }]));
      await s.app.close();
      // Written by the time the server has closed (the store closes next), before anyone awaits them.
      const stored = await sql<{ n: number | string }>`select count(*) as n from intake_alerts where source = 'edr'`.execute(s.platform.store.db);
      expect(Number(stored.rows[0]!.n)).toBe(120);
      const answers = await Promise.allSettled(queued);
      expect(answers.filter((a) => a.status === 'rejected')).toEqual([]);
      const ids = answers.map((a) => (a as PromiseFulfilledResult<{ alerts: { id: string }[] }>).value.alerts[0]!.id);
      expect(new Set(ids).size).toBe(120);
      // After the close began: refused, not stored.
      await expect(intake.ingest(src, [{ title: 'late', severity: 'high' }])).rejects.toMatchObject({ status: 503 });
      const after = await sql<{ n: number | string }>`select count(*) as n from intake_alerts where source = 'edr'`.execute(s.platform.store.db);
      expect(Number(after.rows[0]!.n)).toBe(120);
    }, 60_000);
  });
}
