/**
 * A change and its audit event commit together or not at all (DESIGN.md: every change is in the
 * audit trail). A database trigger — a real fault in the real store, not a stub — makes the audit
 * insert of one action fail; the change it records must then leave no trace. Before, the status
 * moved, rows were written, and only the audit event (and, for a submission, the obligations it
 * meets) was missing: a notice "submitted" with no submission row, an import half done.
 */
import { sql } from 'kysely';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import type { Dialect } from '../../../src/platform/config.js';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';
import { FULL_INPUTS, nyIncident } from './notices-fixtures.js';

const SSNS = ['123-45-6780', '234-56-7891', '345-67-8902'];
const LEAK = ['first_name,last_name,email,ssn,state'].concat(SSNS.map((ssn, i) => `Nia${i},York${i},nia${i}@example.org,${ssn},NY`)).join('\n');
const PEOPLE = ['name,email,state'].concat(SSNS.map((_, i) => `Nia${i} York${i},nia${i}@example.org,NY`)).join('\n');

/** Makes inserting an audit event of `action` fail inside the database. */
async function failAudit(s: TestServer, dialect: Dialect, action: string): Promise<void> {
  const db = s.platform.store.db;
  if (dialect === 'sqlite') {
    await sql.raw(`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END`).execute(db);
  } else {
    await sql.raw(`CREATE OR REPLACE FUNCTION fail_audit() RETURNS trigger AS $$ BEGIN IF NEW.action = '${action}' THEN RAISE EXCEPTION 'injected audit failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`).execute(db);
    await sql.raw('CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_audit()').execute(db);
  }
}
async function healAudit(s: TestServer, dialect: Dialect): Promise<void> {
  await sql.raw(dialect === 'sqlite' ? 'DROP TRIGGER fail_audit' : 'DROP TRIGGER fail_audit ON audit_events').execute(s.platform.store.db);
}

for (const dialect of testDialects()) {
  describe(`a change and its audit event are one transaction (${dialect})`, () => {
    let s: TestServer;
    let cmd: string;
    let legal: string;
    let drafter: string;
    let incidentId: string;
    const actions = async (action: string) => (await s.platform.audit.list({ incidentId, limit: 1000 })).filter((e) => e.action === action).length;
    const item = async (id: string) =>
      ((await s.api(`/api/v1/incidents/${incidentId}/obligations`, { token: cmd })).body as { items: { id: string; status: string; required: unknown; met: unknown }[] }).items.find((i) => i.id === id);
    const people = async () => ((await s.api(`/api/v1/incidents/${incidentId}/people`, { token: cmd })).body as { items: unknown[] }).items.length;

    beforeAll(async () => {
      s = await startTestServer(dialect);
      cmd = await s.tokenFor('incident_commander');
      legal = await s.tokenFor('legal');
      drafter = await s.tokenFor('responder');
      incidentId = await nyIncident(s, cmd, LEAK);
      await waitFor(async () => ((await item('US-NY.regulator.2025'))?.required === true ? true : null));
    }, 120_000);
    afterAll(async () => {
      await s?.close();
    });

    it('a people import whose audit event fails imports no one; once the store heals, all of it', async () => {
      await failAudit(s, dialect, 'people.import');
      const bad = await s.api(`/api/v1/incidents/${incidentId}/people/import`, { token: cmd, body: PEOPLE, headers: { 'content-type': 'text/csv' } });
      expect(bad.status).toBeGreaterThanOrEqual(500);
      expect(JSON.stringify(bad.body)).not.toMatch(/injected|stack|at .*\.ts/);
      expect(await people()).toBe(0);
      expect(await actions('people.import')).toBe(0);
      await healAudit(s, dialect);
      expect((await s.api(`/api/v1/incidents/${incidentId}/people/import`, { token: cmd, body: PEOPLE, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
      expect(await people()).toBe(3);
      expect(await actions('people.import')).toBe(1);
    });

    it('an approval whose audit event fails is not recorded: the notice stays in draft with no approval', async () => {
      const d = await s.api('/api/v1/notices', { token: drafter, body: { incidentId, recipient: 'regulator', jurisdiction: 'US-NY', ruleId: 'US-NY.regulator.2025', inputs: { ...FULL_INPUTS, reporterName: 'Cora', reporterTitle: 'CISO', sampleNoticeRef: 'attachment A' }, elements: ['person_name', 'us_ssn'] } });
      expect(d.status, JSON.stringify(d.body)).toBe(201);
      const id = d.body.id as string;
      await failAudit(s, dialect, 'notice.approve');
      expect((await s.api(`/api/v1/notices/${id}/approve`, { token: legal, body: {} })).status).toBeGreaterThanOrEqual(500);
      const after = (await s.api(`/api/v1/notices/${id}`, { token: cmd })).body;
      expect(after.status).toBe('draft');
      expect(after.approvals).toEqual([]);
      await healAudit(s, dialect);
      expect((await s.api(`/api/v1/notices/${id}/approve`, { token: legal, body: {} })).status).toBe(200);
      expect((await s.api(`/api/v1/notices/${id}/approve`, { token: cmd, body: {} })).body.status).toBe('approved');
      expect(await actions('notice.approve')).toBe(2);

      // The submission, its row, its event and the obligation it meets: one failing undoes all.
      const heard: string[] = [];
      s.platform.audit.onEvent((e) => {
        if (e.action === 'notice.submitted' && e.subjectId === id) heard.push(e.id);
      });
      const at = new Date(Date.now() - 3_600_000).toISOString();
      for (const action of ['notice.submitted', 'obligation.met']) {
        await failAudit(s, dialect, action);
        expect((await s.api(`/api/v1/notices/${id}/submission`, { token: cmd, body: { submittedAt: at, channel: 'portal', reference: 'AG-1' } })).status).toBeGreaterThanOrEqual(500);
        await healAudit(s, dialect);
        expect((await s.api(`/api/v1/notices/${id}`, { token: cmd })).body.status).toBe('approved');
        expect((await s.api(`/api/v1/notices/${id}/submission`, { token: cmd })).body.submission).toBeNull();
        expect((await item('US-NY.regulator.2025'))?.met).toBeNull();
        expect(await actions('notice.submitted')).toBe(0);
      }
      const ok = await s.api(`/api/v1/notices/${id}/submission`, { token: cmd, body: { submittedAt: at, channel: 'portal', reference: 'AG-1' } });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      expect(ok.body.status).toBe('submitted');
      expect((await item('US-NY.regulator.2025'))?.met).toMatchObject({ channel: 'portal', reference: 'AG-1' });
      expect(await actions('notice.submitted')).toBe(1);
      expect(await actions('obligation.met')).toBe(1);
      // Listeners heard the rolled-back submission too (its event was written before obligation.met
      // failed); the stakeholder update it would trigger ("authorities notified") does not fire.
      expect(heard).toHaveLength(2);
      const notified = (ref: string) => s.modules.learn.schedules.runEvent({ incidentId, event: 'notified', ref });
      await expect(notified(heard[0]!)).rejects.toThrow(/not in the trail/);
      await expect(notified(heard[1]!)).resolves.toMatchObject({ fired: 0 });
    });

    it('a second factor whose audit event fails is neither confirmed nor removed', async () => {
      await s.platform.accounts.createUser({ email: 'tina@example.test', username: 'tina', roles: ['responder'], password: 'tina long passphrase' }, SYSTEM_ACTOR);
      const jar = new Map<string, string>();
      const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
        const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
        if (jar.has('csrf')) headers['x-csrf-token'] = jar.get('csrf')!;
        if (init.body !== undefined) headers['content-type'] = 'application/json';
        const r = await fetch(s.url + path, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, body: init.body !== undefined ? JSON.stringify(init.body) : undefined });
        for (const c of r.headers.getSetCookie()) {
          const [k, v] = c.split(';')[0]!.split('=');
          if (v) jar.set(k!, v);
        }
        const text = await r.text();
        const body = text ? JSON.parse(text) : null;
        if (body?.csrfToken) jar.set('csrf', body.csrfToken);
        return { status: r.status, body };
      };
      expect((await call('/api/v1/auth/login', { body: { login: 'tina', password: 'tina long passphrase' } })).status).toBe(200);
      const begun = await call('/api/v1/me/second-factors/totp', { body: { name: 'phone' } });
      expect(begun.status).toBe(201);
      const confirm = async () => call('/api/v1/me/second-factors/totp/confirm', { body: { id: begun.body.id, code: await generate({ secret: begun.body.secret }) } });
      await failAudit(s, dialect, 'user.second_factor_added');
      expect((await confirm()).status).toBeGreaterThanOrEqual(500);
      await healAudit(s, dialect);
      expect((await call('/api/v1/me/second-factors')).body).toMatchObject({ enrolled: false, recoveryCodesLeft: 0 });
      const ok = await confirm();
      expect(ok.status).toBe(200);
      expect(ok.body.recoveryCodes).toHaveLength(10);
      await failAudit(s, dialect, 'user.second_factor_removed');
      expect((await call(`/api/v1/me/second-factors/${begun.body.id}`, { method: 'DELETE' })).status).toBeGreaterThanOrEqual(500);
      await healAudit(s, dialect);
      expect((await call('/api/v1/me/second-factors')).body).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    });
  });
}
