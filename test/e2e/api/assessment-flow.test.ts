/**
 * Assess → obligations inside an incident, over real HTTP on each dialect: a leaked CSV is
 * uploaded as evidence, assessed by a background job, and the people per jurisdiction it
 * finds re-run the obligation engine, whose deadlines reach the incident and its list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

// Ten Texans and five Californians with names and valid SSNs, plus a decoy order number column.
const SSNS = ['123-45-6780', '234-56-7891', '345-67-8902', '456-78-9013', '567-89-0124', '212-34-5671', '301-22-4455', '402-33-5566', '503-44-6677', '604-55-7788', '705-66-8899', '401-77-9911', '302-88-1122', '203-99-2233', '104-11-3344'];
const CSV = ['first_name,last_name,email,ssn,state,zip,order_number']
  .concat(
    SSNS.map((ssn, i) => {
      const tx = i < 10;
      return `Person${i},Tester${i},person${i}@example.org,${ssn},${tx ? 'TX' : 'CA'},${tx ? '75001' : '94105'},${100000000 + i * 7919}`;
    }),
  )
  .join('\n');

for (const dialect of testDialects()) {
  describe(`assessment and obligations in an incident on ${dialect}`, () => {
    let s: TestServer;
    let token: string;
    let legal: string;
    let viewer: string;
    let incidentId: string;
    let assessmentId: string;
    beforeAll(async () => {
      s = await startTestServer(dialect);
      token = await s.tokenFor('incident_commander');
      legal = await s.tokenFor('legal');
      viewer = await s.tokenFor('viewer');
      await s.api('/api/v1/org/profile', { method: 'PUT', token: await s.tokenFor('admin'), body: { establishments: ['US'] } });
      const inc = await s.api('/api/v1/incidents', { token, body: { title: 'Leaked customer export', awareAt: '2026-03-02T15:00:00Z' } });
      expect(inc.status).toBe(201);
      incidentId = inc.body.id;
    });
    afterAll(async () => s?.close());

    it('assesses an uploaded leak as a background job', async () => {
      const up = await fetch(`${s.url}/api/v1/incidents/${incidentId}/evidence?name=customers.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: CSV,
      });
      expect(up.status).toBe(201);
      const item = (await up.json()) as { id: string };
      const started = await s.api(`/api/v1/incidents/${incidentId}/assessments`, { token, body: { evidenceIds: [item.id] } });
      expect(started.status).toBe(202);
      assessmentId = started.body.id;
      const done = await waitFor(async () => {
        const r = await s.api(`/api/v1/assessments/${assessmentId}`, { token });
        return r.body.status === 'done' || r.body.status === 'failed' ? r.body : null;
      });
      expect(done.status).toBe('done');
      expect(done.report.totals.records).toBe(15);
      expect(done.report.totals.individuals).toBe(15);
      expect(done.report.elements.us_ssn.records).toBe(15);
      expect(done.report.elements.person_name.records).toBe(15);
      expect(done.report.jurisdictions['US-TX']).toBe(10);
      expect(done.report.jurisdictions['US-CA']).toBe(5);
      // Throughput and progress count the evidence item's bytes (they were 0: the scan sized evidence ids as paths).
      expect(done.report.performance.durationMs).toBeGreaterThan(0);
      expect(done.report.performance.bytesPerSecond).toBeGreaterThan(0);
      if (done.progress) expect(done.progress.bytesTotal).toBe(Buffer.byteLength(CSV));
      // Samples are masked; nothing of the plaintext leaks through the API by default.
      expect(JSON.stringify(done.report)).not.toContain('123-45-6780');
      expect(JSON.stringify(done.report)).not.toContain('person0@example.org');
      // The evidence access by the job is in the item's custody ledger, named a scan of this
      // assessment (issue 20 §8), not a download.
      const custody = await s.api(`/api/v1/evidence/${item.id}/custody`, { token });
      const rows = (custody.body as { items?: { action: string; details: unknown }[] }).items ?? (custody.body as { action: string; details: unknown }[]);
      // One read on SQLite; on PostgreSQL (pg-boss: a distributed scan) the planner's look at the
      // file's head and the shard's read are each recorded.
      expect(rows[0]!.action).toBe('upload');
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const r of rows.slice(1)) expect(r).toMatchObject({ action: 'scan', details: { assessmentId } });
    });

    it('un-masking needs a legal or commander role and is audited', async () => {
      const denied = await s.api(`/api/v1/assessments/${assessmentId}?unmask=true`, { token: viewer });
      expect(denied.status).toBe(404);
      const masked = await s.api(`/api/v1/assessments/${assessmentId}`, { token });
      expect(masked.body.unmaskedSamples).toBeUndefined();
      const unmasked = await s.api(`/api/v1/assessments/${assessmentId}?unmask=true`, { token });
      expect(unmasked.status).toBe(200);
      expect(SSNS.map((x) => x.replace(/-/g, ''))).toEqual(expect.arrayContaining((unmasked.body.unmaskedSamples.us_ssn as string[]).map((x) => x.replace(/-/g, ''))));
      expect(unmasked.body.unmaskedSamples.us_ssn.length).toBeGreaterThan(0);
      const events = await s.platform.audit.list({ incidentId });
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['assessment.completed', 'assessment.unmasked']));
    });

    it('the assessment re-runs the obligation engine: Texas and California duties with deadlines', async () => {
      // Until someone states that the data were acquired, acquisition-triggered laws answer "review".
      const pending = await waitFor(async () => {
        const r = await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token });
        return r.body.items?.some((i: { jurisdiction: string }) => i.jurisdiction === 'US-TX') ? r.body : null;
      });
      expect(pending.items.find((i: { jurisdiction: string; recipient: string }) => i.jurisdiction === 'US-TX' && i.recipient === 'individuals').required).toBe('review');
      const facts = await s.api(`/api/v1/incidents/${incidentId}/breach-facts`, { method: 'PUT', token, body: { breach: { acquisition: true, malicious: true }, reason: 'exfiltration confirmed' } });
      expect(facts.status, JSON.stringify(facts.body)).toBe(200);
      const obligations = await waitFor(async () => {
        const r = await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token });
        return r.body.items?.some((i: { jurisdiction: string }) => i.jurisdiction === 'US-TX') ? r.body : null;
      });
      const tx = obligations.items.find((i: { jurisdiction: string; recipient: string }) => i.jurisdiction === 'US-TX' && i.recipient === 'individuals');
      expect(tx.required).toBe(true);
      expect(tx.status).toBe('pending');
      expect(tx.citation).toMatch(/521/);
      const ca = obligations.items.find((i: { jurisdiction: string; recipient: string }) => i.jurisdiction === 'US-CA' && i.recipient === 'individuals');
      expect(ca.required).toBe(true);
      expect(obligations.nextDeadline).not.toBeNull();
      const incident = await s.api(`/api/v1/incidents/${incidentId}`, { token });
      expect(incident.body.nextDeadline).toBe(obligations.nextDeadline.deadline);
      const list = await s.api('/api/v1/incidents', { token });
      expect(list.body.items.find((i: { id: string }) => i.id === incidentId).nextDeadline).toBe(obligations.nextDeadline.deadline);
      // Tracked items move with people, not with the engine.
      const done = await s.api(`/api/v1/incidents/${incidentId}/obligations/${tx.itemId}`, { method: 'PATCH', token: legal, body: { status: 'done' } });
      expect([200, 404]).toContain(done.status);
    });

    it('moving awareAt moves the deadlines', async () => {
      const before = await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token });
      const ca = before.body.items.find((i: { jurisdiction: string; recipient: string; deadline: string | null }) => i.jurisdiction === 'US-CA' && i.recipient === 'regulator' && i.deadline);
      const moved = await s.api(`/api/v1/incidents/${incidentId}`, { method: 'PATCH', token, body: { awareAt: '2026-03-05T15:00:00Z', awareAtReason: 'forensics showed earlier access' } });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      const after = await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token });
      const tx = after.body.items.find((i: { jurisdiction: string; recipient: string }) => i.jurisdiction === 'US-TX' && i.recipient === 'individuals');
      const txBefore = before.body.items.find((i: { itemId: string }) => i.itemId === tx.itemId);
      expect(Date.parse(tx.deadline) - Date.parse(txBefore.deadline)).toBe(3 * 86400_000);
      if (ca) expect(after.body.items.find((i: { itemId: string }) => i.itemId === ca.itemId)).toBeTruthy();
    });

    it('a viewer who is not a member sees nothing of it', async () => {
      expect((await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token: viewer })).status).toBe(404);
      expect((await s.api(`/api/v1/assessments/${assessmentId}`, { token: viewer })).status).toBe(404);
    });
  });
}
