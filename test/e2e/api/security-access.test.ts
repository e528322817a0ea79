/**
 * Regression tests for the access findings of the red-team test (issue 19 §1, §2 and "an
 * incident cannot lose its last commander" of §5), over real HTTP on each dialect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRow } from '../../../src/assessment/assessment.model.js';
import { type Actor, SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

const CSV = 'name,email,ssn,state\nAda Tester,ada@example.org,123-45-6780,TX\nBob Tester,bob@example.org,234-56-7891,TX\n';


for (const dialect of testDialects()) {
  describe(`access findings of issue 19 on ${dialect}`, () => {
    let s: TestServer;
    let cmdrA: string;
    let cmdrB: string;
    let legalOrg: string;
    let admin: string;
    let incidentA: string;
    let incidentB: string;
    let evidenceA: string;

    const upload = async (token: string, incidentId: string, name: string, body: string, privileged = false) => {
      const r = await fetch(`${s.url}/api/v1/incidents/${incidentId}/evidence?name=${name}${privileged ? '&privileged=true' : ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body,
      });
      expect(r.status).toBe(201);
      return ((await r.json()) as { id: string }).id;
    };

    beforeAll(async () => {
      s = await startTestServer(dialect);
      cmdrA = await s.tokenFor('incident_commander', 'cmdr-a');
      cmdrB = await s.tokenFor('incident_commander', 'cmdr-b');
      legalOrg = await s.tokenFor('legal', 'lee-legal');
      admin = await s.tokenFor('admin', 'root');
      incidentA = (await s.api('/api/v1/incidents', { token: cmdrA, body: { title: 'Incident A' } })).body.id;
      incidentB = (await s.api('/api/v1/incidents', { token: cmdrB, body: { title: 'Incident B' } })).body.id;
      evidenceA = await upload(cmdrA, incidentA, 'a.csv', CSV);
    });
    afterAll(async () => s?.close());

    describe('§1 cross-incident evidence read', () => {
      it("refuses to assess another incident's evidence (404, no job, no custody access)", async () => {
        const r = await s.api(`/api/v1/incidents/${incidentB}/assessments`, { token: cmdrB, body: { evidenceIds: [evidenceA] } });
        expect(r.status).toBe(404);
        expect(r.body.detail).toMatch(/evidence item/);
        const list = await s.api(`/api/v1/incidents/${incidentB}/assessments`, { token: cmdrB });
        expect(list.body.items).toEqual([]);
        const custody = await s.api(`/api/v1/evidence/${evidenceA}/custody`, { token: cmdrA });
        expect(custody.body.items.map((c: { action: string }) => c.action)).not.toContain('download');
      });

      it('refuses even when the requester can read both incidents (evidence belongs to the incident assessed)', async () => {
        const r = await s.api(`/api/v1/incidents/${incidentB}/assessments`, { token: admin, body: { evidenceIds: [evidenceA] } });
        expect(r.status).toBe(404);
      });

      it('refuses privileged evidence to a member who may not see it', async () => {
        await s.api(`/api/v1/incidents/${incidentA}/members`, { token: admin, body: { username: 'lee-legal', role: 'legal_counsel' } });
        const secret = await upload(legalOrg, incidentA, 'privileged.csv', CSV, true);
        const responder = await s.tokenFor('responder', 'resp-a');
        await s.api(`/api/v1/incidents/${incidentA}/members`, { token: cmdrA, body: { username: 'resp-a', role: 'member' } });
        const r = await s.api(`/api/v1/incidents/${incidentA}/assessments`, { token: responder, body: { evidenceIds: [secret] } });
        expect(r.status).toBe(404);
      });

      it("the scan job acts with the requester's own rights, not an admin's", async () => {
        // An assessment queued on behalf of a user who is not a member of incident A (e.g. removed
        // after asking): the job must not be able to open A's evidence.
        const outsider = await s.platform.accounts.findUser('cmdr-b');
        const actor: Actor = { type: 'token', id: outsider!.id, name: outsider!.username };
        const id = 'forged-assessment';
        await s.platform.store.db
          .insertInto('assessments' as never)
          .values({ ...newRow(incidentA, 'evidence', [evidenceA], 'queued', actor), id } as never)
          .execute();
        const ctx = { signal: new AbortController().signal, attempt: 3, reportProgress: async () => {} };
        await expect(s.modules.assessment.run({ assessmentId: id, actor }, ctx)).rejects.toThrow(/not found/);
        const a = await s.api(`/api/v1/assessments/${id}`, { token: cmdrA });
        expect(a.body.status).toBe('failed');
        expect(a.body.report).toBeNull();
      });

      it('a legitimate assessment still runs as its requester and is recorded in custody under their name', async () => {
        const r = await s.api(`/api/v1/incidents/${incidentA}/assessments`, { token: cmdrA, body: { evidenceIds: [evidenceA] } });
        expect(r.status).toBe(202);
        const done = await waitFor(async () => {
          const g = await s.api(`/api/v1/assessments/${r.body.id}`, { token: cmdrA });
          return g.body.status === 'done' || g.body.status === 'failed' ? g.body : null;
        });
        expect(done.status).toBe('done');
        expect(done.report.totals.individuals).toBe(2);
        const custody = await s.api(`/api/v1/evidence/${evidenceA}/custody`, { token: cmdrA });
        // The ledger names the scan a scan (issue 20 §8), under the requester's name.
        const scanned = custody.body.items.find((c: { action: string }) => c.action === 'scan');
        expect(scanned.actorName).toBe('cmdr-a');
      });
    });

    describe('§2 legal incident roles', () => {
      it('a commander cannot make themselves (or anyone) legal counsel or DPO', async () => {
        for (const role of ['legal_counsel', 'dpo']) {
          const self = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB, body: { username: 'cmdr-b', role } });
          expect(self.status).toBe(403);
          expect(self.body.detail).toMatch(/legal or admin/);
        }
        await s.tokenFor('responder', 'resp-b');
        const other = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB, body: { username: 'resp-b', role: 'legal_counsel' } });
        expect(other.status).toBe(403);
        const members = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB });
        expect(members.body.items.map((m: { role: string }) => m.role)).not.toContain('legal_counsel');
      });

      it('a commander may still give a legal role to someone whose org role is already legal', async () => {
        await s.tokenFor('legal', 'lena-legal');
        const r = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB, body: { username: 'lena-legal', role: 'legal_counsel' } });
        expect(r.status).toBe(200);
      });

      it("so the commander never reads the incident's privileged notes", async () => {
        await s.api(`/api/v1/incidents/${incidentB}/members`, { token: admin, body: { username: 'lee-legal', role: 'member' } });
        const note = await s.api(`/api/v1/incidents/${incidentB}/notes`, { token: legalOrg, body: { body: 'counsel advice', privileged: true } });
        expect(note.status).toBe(201);
        await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB, body: { username: 'cmdr-b', role: 'legal_counsel' } });
        const read = await s.api(`/api/v1/incidents/${incidentB}/notes/${note.body.id}`, { token: cmdrB });
        expect(read.status).toBe(404);
      });

      it('an org legal user who leads the incident, or an admin, may grant legal roles', async () => {
        const lc = await s.platform.accounts.createUser({ email: 'lc@example.test', username: 'lc', roles: ['incident_commander', 'legal'], password: 'test password 123' }, SYSTEM_ACTOR);
        const lcToken = (await s.platform.accounts.createToken(lc.user.username, 't', SYSTEM_ACTOR)).token;
        const incidentC = (await s.api('/api/v1/incidents', { token: lcToken, body: { title: 'Incident C' } })).body.id;
        await s.tokenFor('responder', 'counsel-x');
        const byLegal = await s.api(`/api/v1/incidents/${incidentC}/members`, { token: lcToken, body: { username: 'counsel-x', role: 'legal_counsel' } });
        expect(byLegal.status).toBe(200);
        expect(byLegal.body.role).toBe('legal_counsel');
        const byAdmin = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: admin, body: { username: 'counsel-x', role: 'dpo' } });
        expect(byAdmin.status).toBe(200);
        expect(byAdmin.body.role).toBe('dpo');
      });
    });

    describe('§5 an incident keeps a commander', () => {
      it('the only commander cannot demote themselves', async () => {
        const r = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB, body: { username: 'cmdr-b', role: 'member' } });
        expect(r.status).toBe(409);
        const members = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB });
        expect(members.body.items.filter((m: { role: string }) => m.role === 'commander').map((m: { username: string }) => m.username)).toEqual(['cmdr-b']);
      });

      it('nor be removed, nor demoted by someone else, while no other commander exists', async () => {
        const removed = await s.api(`/api/v1/incidents/${incidentB}/members/${(await s.platform.accounts.findUser('cmdr-b'))!.id}`, { method: 'DELETE', token: admin });
        expect(removed.status).toBe(409);
        const demoted = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: admin, body: { username: 'cmdr-b', role: 'scribe' } });
        expect(demoted.status).toBe(409);
      });

      it('once a second commander is named, the first may step down', async () => {
        await s.tokenFor('incident_commander', 'cmdr-c');
        expect((await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB, body: { username: 'cmdr-c', role: 'commander' } })).status).toBe(200);
        const r = await s.api(`/api/v1/incidents/${incidentB}/members`, { token: cmdrB, body: { username: 'cmdr-b', role: 'member' } });
        expect(r.status).toBe(200);
      });
    });
  });
}
