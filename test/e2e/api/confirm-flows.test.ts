/** Flow analysis as an API job (issue 15 §5): upload, analyse in the background, findings raised into triage. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { header, line, scenario } from '../../../src/confirm/flows/synth.js';
import { testDialects } from '../../support/dialects.js';
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
      const r = await s.api('/api/v1/flows/analyses?name=conn.log&raise=true', { token, body, headers: { 'content-type': 'text/plain' } });
      expect(r.status).toBe(202);
      const done = await waitFor(async () => {
        const j = await s.api(`/api/v1/flows/analyses/${r.body.id}`, { token });
        return j.body.status === 'done' || j.body.status === 'failed' ? j.body : null;
      });
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
  });
}
