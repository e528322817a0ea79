import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/dialects.js';
import { testConfig } from '../../../test/support/platform.js';
import { type Harness, startHarness } from '../evidence/testing.js';

for (const dialect of testDialects()) {
  describe(`experts API on ${dialect}`, () => {
    let db: TestDatabase;
    let h: Harness;
    let incidentId: string;
    const t: Record<string, string> = {};

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      h = await startHarness(testConfig(db));
      for (const [name, role] of [
        ['commander', 'incident_commander'],
        ['counsel', 'legal'],
        ['responder', 'responder'],
        ['viewer', 'viewer'],
        ['outsider', 'incident_commander'],
      ] as const) {
        t[name] = (await h.user(name, role)).token;
      }
      incidentId = await h.incident({ commander: 'commander', counsel: 'legal_counsel', responder: 'member', viewer: 'member' });
    });
    afterAll(async () => {
      await h?.close();
      await db?.drop();
    });

    it('directory CRUD is for admin, incident commanders and legal; everyone signed in can read it', async () => {
      const insurer = await h.api('/api/v1/experts', {
        token: t.counsel,
        body: { kind: 'insurer', name: 'Acme Cyber Insurance', contactName: 'Claims desk', phone: '+44 20 7946 0000', policyNumber: 'CYB-123456', claimHotline: '+44 800 000 000' },
      });
      expect(insurer.status).toBe(201);
      expect(insurer.body).toMatchObject({ kind: 'insurer', policyNumber: 'CYB-123456', claimHotline: '+44 800 000 000' });
      expect((await h.api('/api/v1/experts', { token: t.responder, body: { kind: 'forensics', name: 'X' } })).status).toBe(403);
      const badKind = await h.api('/api/v1/experts', { token: t.commander, body: { kind: 'astrologer', name: 'X' } });
      expect(badKind.status).toBe(400);
      expect(badKind.body.detail).toMatch(/kind/);
      const notInsurer = await h.api('/api/v1/experts', { token: t.commander, body: { kind: 'pr_agency', name: 'Spin Ltd', policyNumber: 'P1' } });
      expect(notInsurer.status).toBe(400);
      expect(notInsurer.body.detail).toMatch(/policyNumber/);
      const forensics = await h.api('/api/v1/experts', { token: t.commander, body: { kind: 'forensics', name: 'Bit Detectives', email: 'ir@bitdetectives.example', website: 'https://bitdetectives.example' } });
      expect(forensics.status).toBe(201);

      const list = await h.api('/api/v1/experts', { token: t.viewer });
      expect(list.status).toBe(200);
      expect(list.body.items.map((x: { name: string }) => x.name)).toEqual(['Acme Cyber Insurance', 'Bit Detectives']);
      const onlyInsurers = await h.api('/api/v1/experts?kind=insurer', { token: t.viewer });
      expect(onlyInsurers.body.items).toHaveLength(1);

      const patched = await h.api(`/api/v1/experts/${forensics.body.id}`, { method: 'PATCH', token: t.commander, body: { phone: '+1 555 0100' } });
      expect(patched.body).toMatchObject({ phone: '+1 555 0100', email: 'ir@bitdetectives.example' });
      expect((await h.api(`/api/v1/experts/${forensics.body.id}`, { method: 'PATCH', token: t.viewer, body: { phone: '1' } })).status).toBe(403);
      const audit = await h.platform.audit.list({ subjectType: 'expert' });
      expect(audit.map((e) => e.action)).toEqual(['expert.created', 'expert.created', 'expert.updated']);

      const gone = await h.api('/api/v1/experts', { token: t.commander, body: { kind: 'other', name: 'Zed' } });
      expect((await h.api(`/api/v1/experts/${gone.body.id}`, { method: 'DELETE', token: t.commander })).status).toBe(204);
      expect((await h.api(`/api/v1/experts/${gone.body.id}`, { token: t.commander })).status).toBe(404);
    });

    it('engages an expert on an incident (who, when, terms, role, status), listed per incident', async () => {
      const counsel = await h.api('/api/v1/experts', { token: t.counsel, body: { kind: 'outside_counsel', name: 'Lex & Partners', email: 'breach@lex.example' } });
      const engage = await h.api(`/api/v1/incidents/${incidentId}/experts`, {
        token: t.counsel,
        body: { expertId: counsel.body.id, role: 'breach counsel', terms: 'Engagement letter of 26 Nov; forensics retained through counsel for privilege' },
      });
      expect(engage.status).toBe(201);
      expect(engage.body).toMatchObject({ incidentId, role: 'breach counsel', status: 'engaged', engagedBy: 'counsel', expert: { name: 'Lex & Partners' } });
      expect(Date.parse(engage.body.engagedAt)).not.toBeNaN();

      expect((await h.api(`/api/v1/incidents/${incidentId}/experts`, { token: t.responder, body: { expertId: counsel.body.id, role: 'x' } })).status).toBe(403);
      // An org commander who is not a member of the incident does not see it at all.
      expect((await h.api(`/api/v1/incidents/${incidentId}/experts`, { token: t.outsider, body: { expertId: counsel.body.id, role: 'x' } })).status).toBe(404);
      expect((await h.api(`/api/v1/incidents/${incidentId}/experts`, { token: t.outsider })).status).toBe(404);
      expect((await h.api(`/api/v1/incidents/${incidentId}/experts`, { token: t.commander, body: { expertId: 'nope', role: 'x' } })).status).toBe(400);

      const list = await h.api(`/api/v1/incidents/${incidentId}/experts`, { token: t.viewer });
      expect(list.status).toBe(200);
      expect(list.body.items.map((e: { expert: { name: string }; role: string }) => [e.expert.name, e.role])).toEqual([['Lex & Partners', 'breach counsel']]);

      const ended = await h.api(`/api/v1/incidents/${incidentId}/experts/${engage.body.id}`, { method: 'PATCH', token: t.commander, body: { status: 'ended' } });
      expect(ended.body.status).toBe('ended');
      expect(ended.body.endedAt).toBeTruthy();
      const timeline = await h.platform.audit.list({ incidentId });
      expect(timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['expert.engaged', 'expert.engagement_updated']));
      const other = await h.incident({ commander: 'commander' });
      expect((await h.api(`/api/v1/incidents/${other}/experts/${engage.body.id}`, { method: 'PATCH', token: t.commander, body: { status: 'engaged' } })).status).toBe(404);
    });
  });
}
