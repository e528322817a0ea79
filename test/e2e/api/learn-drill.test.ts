/**
 * A drill end to end over HTTP: start from a scenario (data file) on a synthetic leak, the
 * scheduled events are injected by the job queue (compressed by `speed`), the team works a task,
 * the score judges tasks against deadlines; the practice incident stays out of register and metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

for (const dialect of testDialects()) {
  describe(`drills on ${dialect}`, () => {
    let s: TestServer;
    let cmdr: string;
    beforeAll(async () => {
      s = await startTestServer(dialect);
      cmdr = await s.tokenFor('incident_commander');
    });
    afterAll(async () => s?.close());

    it('ships three scenarios as data', async () => {
      const r = await s.api('/api/v1/drill-scenarios', { token: cmdr });
      expect(r.body.items.map((x: { name: string }) => x.name).sort()).toEqual(['insider-export', 'misconfigured-cloud-bucket', 'ransomware-exfiltration']);
    });

    it('runs a drill: synthetic leak, injected events, a score; kept out of the register and metrics', async () => {
      expect((await s.api('/api/v1/drills', { token: cmdr, body: { scenario: 'earthquake' } })).body.detail).toMatch(/scenario: no drill scenario "earthquake" \(known: /);
      expect((await s.api('/api/v1/drills', { token: await s.tokenFor('responder'), body: { scenario: 'insider-export' } })).status).toBe(403);
      // 100,000×: the whole schedule (at most 30 h) falls due within about a second.
      const started = await s.api('/api/v1/drills', { token: cmdr, body: { scenario: 'ransomware-exfiltration', speed: 100_000 } });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      const drill = started.body;
      expect(drill.events).toHaveLength(4);
      const incident = (await s.api(`/api/v1/incidents/${drill.incidentId}`, { token: cmdr })).body;
      expect(incident.title).toBe('[DRILL] Ransomware with exfiltration at the file servers');

      // The synthetic leak is evidence of the practice incident: 120 people of DE, FR and NL.
      const dl = await fetch(`${s.url}/api/v1/evidence/${drill.evidenceId}/content`, { headers: { authorization: `Bearer ${cmdr}` } });
      const csv = (await dl.text()).trim().split('\n');
      expect(csv[0]).toBe('first_name,last_name,email,phone,date_of_birth,country');
      expect(csv).toHaveLength(121);
      expect(new Set(csv.slice(1).map((l) => l.split(',').pop()))).toEqual(new Set(['DE', 'FR', 'NL']));

      const injected = await waitFor(async () => {
        const d = (await s.api(`/api/v1/drills/${drill.id}`, { token: cmdr })).body;
        return d.events.every((e: { injectedAt: string | null }) => e.injectedAt) ? d : null;
      });
      expect(injected.events).toHaveLength(4);
      const timeline = (await s.api(`/api/v1/incidents/${drill.incidentId}/timeline?source=manual`, { token: cmdr })).body.items as Array<{ text: string; kind: string }>;
      expect(timeline.map((e) => e.text)).toEqual(expect.arrayContaining(["[DRILL] Journalist e-mail: 'We have seen your company on a leak site. Can you confirm a breach?'"]));
      const tasks = (await s.api(`/api/v1/incidents/${drill.incidentId}/tasks?limit=500`, { token: cmdr })).body.items as Array<{ id: string; title: string; dueAt: string }>;
      const isolate = tasks.find((t) => t.title === 'Isolate the file servers and reset domain admin credentials')!;
      expect(isolate).toBeTruthy();
      expect((await s.api(`/api/v1/incidents/${drill.incidentId}/tasks/${isolate.id}`, { method: 'PATCH', token: cmdr, body: { status: 'done' } })).status).toBe(200);

      // Injected tasks were due within seconds (2 h / 100,000): the press task, not done, is missed.
      const score = await waitFor(async () => {
        const r = (await s.api(`/api/v1/drills/${drill.id}/score`, { token: cmdr })).body;
        return r.items.find((i: { title: string; outcome: string }) => i.title === 'Agree a holding statement for the press')?.outcome === 'missed' ? r : null;
      });
      expect(score.events).toEqual({ scheduled: 4, injected: 4 });
      const isolateItem = score.items.find((i: { title: string }) => i.title === isolate.title);
      expect(['on_time', 'late']).toContain(isolateItem.outcome);
      expect(isolateItem.doneAt).toBeTruthy();
      expect(score.missed.join('\n')).toMatch(/Agree a holding statement for the press: not done by/);
      expect(score.phases.find((p: { phase: string }) => p.phase === 'contain').done).toBeGreaterThanOrEqual(1);
      expect(score.score).toBeGreaterThanOrEqual(0);
      expect(score.score).toBeLessThan(100);

      // Practice stays out of the organisation's record.
      const register = await s.api('/api/v1/register', { token: cmdr });
      expect(register.body.items.map((i: { incidentId: string }) => i.incidentId)).not.toContain(drill.incidentId);
      const quarterly = await s.api('/api/v1/metrics/quarterly', { token: cmdr });
      expect(quarterly.body.incidents.map((i: { incidentId: string }) => i.incidentId)).not.toContain(drill.incidentId);
      const audit = await s.platform.audit.list({ incidentId: drill.incidentId, subjectType: 'drill' });
      expect(audit.map((e) => e.action)).toEqual(['drill.started']);
    });
  });
}
