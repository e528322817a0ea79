/** Flow analysis as an API job (issue 15 §5): upload, analyse in the background, findings raised into triage. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { header, line, scenario } from '../../../src/confirm/flows/synth.js';
import { testDialects } from '../../support/dialects.js';
import { analyseAndWait } from '../../support/flows.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

for (const dialect of testDialects()) {
  describe(`flow analysis job on ${dialect}`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(dialect);
    }, 60_000);
    afterAll(async () => s?.close());

    it('analyses an uploaded conn.log and raises the findings as alerts', async () => {
      const token = await s.tokenFor('responder');
      const body = `${[...header('zeek-tsv'), ...[...scenario()].map((f, i) => line('zeek-tsv', f, i)), 'broken\tline'].join('\n')}\n`;
      const { done } = await analyseAndWait(s, token, body, 'name=conn.log&raise=true');
      expect(done.status).toBe('done');
      expect(done.report.skipped).toBe(1);
      expect(done.report.problems[0]).toMatch(/^conn\.log:\d+: /);
      const kinds = done.report.findings.map((f: { kind: string }) => f.kind).sort();
      expect(kinds).toEqual(['beacon', 'large_transfer', 'large_transfer', 'new_destination', 'off_hours', 'volume']);
      expect(done.report.raised).toBe(6);
      const alerts = await s.api('/api/v1/intake/alerts?source=flow-analytics', { token });
      expect(alerts.body.items.map((a: { rule: { id: string } }) => a.rule.id)).toContain('flow/volume');
      const queue = await s.api('/api/v1/triage/suspects', { token });
      // The findings about 10.0.0.10 share the host: one suspected incident holds them.
      const burst = queue.body.items.find((x: { title: string }) => x.title.includes('10.0.0.10'));
      expect(burst.alertCount).toBeGreaterThanOrEqual(4);
      expect((await s.api('/api/v1/flows/analyses/nope', { token })).status).toBe(404);
    });

    // Issue 18 audit: pg-boss deletes a completed job after 7 days; the report is evidence and
    // names hosts and IP addresses (personal data), so it is kept sealed in the store.
    it('keeps the report, encrypted, after the queue has purged the job', async () => {
      const token = await s.tokenFor('responder');
      const { id, body, done } = await analyseAndWait(s, token);
            expect(done).toMatchObject({ status: 'done', error: null });
      expect(JSON.stringify(done.report)).toContain('10.0.0.10');
      // The report is stored just before the queue marks the job done.
      const job = await waitFor(async () => {
        const j = await s.platform.jobs.get(id);
        return j?.status === 'done' ? j : null;
      });
      const db = s.platform.store.db;
      if (s.config.jobQueue === 'pg-boss') {
        await sql`delete from pgboss.job where id = ${id}::uuid`.execute(db);
        await sql`delete from pgboss.archive where id = ${id}::uuid`.execute(db);
      } else {
        await sql`delete from jobs where id = ${id}`.execute(db);
      }
      expect(await s.platform.jobs.get(id)).toBeNull();
      const after = await s.api(`/api/v1/flows/analyses/${id}`, { token });
      expect(after.status).toBe(200);
      expect(after.body).toEqual(done);
      expect(done).toMatchObject({ name: 'conn.log', size: Buffer.byteLength(body) });
      // Nothing personal in the queue's table.
      expect(JSON.stringify(job.result)).not.toContain('10.0.0.10');
      const row = await sql<{ report_enc: string; name_enc: string }>`select report_enc, name_enc from flow_analyses where id = ${id}`.execute(db);
      expect(row.rows[0]!.report_enc).not.toContain('10.0.0.10');
      expect(row.rows[0]!.name_enc).not.toContain('conn.log');
      const audit = await sql<{ action: string }>`select action from audit_events where subject_id = ${id} order by seq`.execute(db);
      expect(audit.rows.map((a) => a.action)).toEqual(['flow_analysis.started', 'flow_analysis.completed']);
    });
  });
}
