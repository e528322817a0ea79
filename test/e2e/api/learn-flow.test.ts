/**
 * The learn feature over real HTTP on each dialect: an incident from the first alert to closure
 * (detection, awareness, GDPR obligations met, containment, costs, closure), then its metrics,
 * the trend per quarter, the post-incident review with action items as tasks, and plan changes
 * accepted into a new, diffable plan version.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { waitFor } from '../../support/wait.js';

const HOUR = 3_600_000;
const LEAK = ['name,email,password'].concat(['Anna Schmidt,anna@example.test,Sommer2024!', 'Jonas Weber,jonas@example.test,Passwort#1', 'Lena Fischer,lena@example.test,Katze!77']).join('\n');
const PEOPLE = ['Full Name,E-mail,Country,Data Exposed', 'Anna Schmidt,anna@example.test,DE,name;email;password', 'Jonas Weber,jonas@example.test,DE,name;email;password', 'Lena Fischer,lena@example.test,DE,name;email;password'].join('\n');

for (const dialect of testDialects()) {
  describe(`learn: metrics, review and plan changes on ${dialect}`, () => {
    let s: TestServer;
    let cmdr: string;
    let id: string;
    const t0 = Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR;
    const at = (h: number) => new Date(t0 + h * HOUR).toISOString();

    beforeAll(async () => {
      s = await startTestServer(dialect);
      cmdr = await s.tokenFor('incident_commander');
      await s.api('/api/v1/org/profile', { method: 'PUT', token: await s.tokenFor('admin'), body: { establishments: ['DE'] } });
      // The alert came in at t0+10 h (detectedAt); the attacker had been in since t0 (first evidence).
      const inc = await s.api('/api/v1/incidents', { token: cmdr, body: { title: 'CRM export leaked', detectedAt: at(10), awareAt: at(12), status: 'confirmed', severity: 'high' } });
      expect(inc.status).toBe(201);
      id = inc.body.id;
      await s.api(`/api/v1/incidents/${id}/timeline`, { token: cmdr, body: { kind: 'attacker_activity', at: at(0), text: 'First login with the stolen VPN credentials' } });
      await s.api(`/api/v1/incidents/${id}/timeline`, { token: cmdr, body: { kind: 'containment', at: at(20), text: 'VPN account disabled, sessions revoked' } });
      await s.api(`/api/v1/incidents/${id}/decisions`, { token: cmdr, body: { kind: 'gdpr_risk', value: 'high', what: 'High risk to the people', why: 'Contact data and passwords' } });
      // The assessment finds what was exposed (e-mail addresses and passwords); the people imported
      // for notices say where they live.
      const up = await fetch(`${s.url}/api/v1/incidents/${id}/evidence?name=crm.csv`, { method: 'POST', headers: { authorization: `Bearer ${cmdr}`, 'content-type': 'application/octet-stream' }, body: LEAK });
      const item = (await up.json()) as { id: string };
      const started = await s.api(`/api/v1/incidents/${id}/assessments`, { token: cmdr, body: { evidenceIds: [item.id] } });
      await waitFor(async () => {
        const r = await s.api(`/api/v1/assessments/${started.body.id}`, { token: cmdr });
        return r.body.status === 'done' || r.body.status === 'failed' ? r.body : null;
      });
      const imp = await s.api(`/api/v1/incidents/${id}/people/import`, { token: cmdr, body: PEOPLE, headers: { 'content-type': 'text/csv' } });
      expect(imp.status, JSON.stringify(imp.body)).toBe(200);
      const obligations = await waitFor(async () => {
        const r = await s.api(`/api/v1/incidents/${id}/obligations`, { token: cmdr });
        return r.body.items?.some((o: { recipient: string; jurisdiction: string; required: unknown }) => o.recipient === 'regulator' && o.jurisdiction === 'DE' && o.required === true) ? r.body : null;
      });
      const authority = obligations.items.find((o: { recipient: string; jurisdiction: string; required: unknown }) => o.recipient === 'regulator' && o.jurisdiction === 'DE' && o.required === true);
      const done = await s.api(`/api/v1/incidents/${id}/obligations/${authority.itemId}`, { method: 'PATCH', token: cmdr, body: { status: 'done', reason: null } });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect((await s.api(`/api/v1/incidents/${id}/status`, { token: cmdr, body: { status: 'contained', at: at(20) } })).status).toBe(200);
      for (const cost of [
        { vendor: 'Bit Detectives', amount: '18000.50', currency: 'EUR', category: 'forensics', incurredOn: at(30).slice(0, 10) },
        { vendor: 'Lex & Partners', amount: 9500, currency: 'EUR', category: 'legal', incurredOn: at(30).slice(0, 10) },
      ]) {
        const r = await s.api(`/api/v1/incidents/${id}/costs`, { token: cmdr, body: cost });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }
      // Obligations of other recipients stay open in this flow: closing anyway takes a reason (issue 20 §5).
      expect((await s.api(`/api/v1/incidents/${id}/status`, { token: cmdr, body: { status: 'closed', at: at(40), reason: 'the remaining obligations were assessed as not owed by counsel' } })).status).toBe(200);
    });
    afterAll(async () => s?.close());

    it('measures time to detect, contain, notify and close from the record', async () => {
      const r = await s.api(`/api/v1/incidents/${id}/metrics`, { token: cmdr });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const m = r.body;
      expect(m.firstCompromiseAt).toBe(at(0));
      expect(m.timeToDetectHours).toBe(12);
      expect(m.timeToContainHours).toBe(8);
      expect(m.timeToCloseHours).toBe(28);
      const authority = m.notify.find((n: { recipient: string }) => n.recipient === 'regulator');
      // GDPR Art. 33(1): 72 hours from awareness; met now (≈36 h after awareness) → on time.
      expect(authority?.outcome, JSON.stringify(m.notify)).toBe('on_time');
      expect(Date.parse(authority.deadline)).toBe(t0 + 84 * HOUR);
      expect(authority.hours).toBeGreaterThan(30);
      expect(m.obligations.onTime, JSON.stringify(m.notify)).toBe(1);
      expect(m.costs.total).toEqual({ EUR: '27500.50' });
      expect(m.costs.byCategory).toEqual({ forensics: { EUR: '18000.50' }, legal: { EUR: '9500.00' } });
    });

    it('keeps a cost ledger: bad amounts are refused with a one-line reason; removal is audited', async () => {
      const bad = await s.api(`/api/v1/incidents/${id}/costs`, { token: cmdr, body: { vendor: 'X', amount: '12.345', currency: 'EUR', category: 'pr', incurredOn: '2026-01-01' } });
      expect(bad.status).toBe(400);
      expect(bad.body.detail).toMatch(/amount/);
      expect((await s.api(`/api/v1/incidents/${id}/costs`, { token: await s.tokenFor('viewer'), body: { vendor: 'X', amount: 1, currency: 'EUR', category: 'pr', incurredOn: '2026-01-01' } })).status).toBe(403);
      const extra = await s.api(`/api/v1/incidents/${id}/costs`, { token: cmdr, body: { vendor: 'Oops', amount: 1, currency: 'USD', category: 'other', incurredOn: '2026-01-01' } });
      expect((await s.api(`/api/v1/incidents/${id}/costs/${extra.body.id}`, { method: 'DELETE', token: cmdr })).status).toBe(204);
      const list = await s.api(`/api/v1/incidents/${id}/costs`, { token: cmdr });
      expect(list.body.items.map((c: { vendor: string }) => c.vendor)).toEqual(['Bit Detectives', 'Lex & Partners']);
      const audit = await s.platform.audit.list({ incidentId: id, subjectType: 'cost' });
      expect(audit.map((e) => e.action)).toEqual(['cost.recorded', 'cost.recorded', 'cost.recorded', 'cost.removed']);
    });

    it('trends per quarter across incidents', async () => {
      const other = await s.api('/api/v1/incidents', { token: cmdr, body: { title: 'Lost laptop', detectedAt: at(1), awareAt: at(5), status: 'confirmed' } });
      expect((await s.api(`/api/v1/incidents/${other.body.id}/status`, { token: cmdr, body: { status: 'contained', at: at(6) } })).status).toBe(200);
      const r = await s.api('/api/v1/metrics/quarterly', { token: cmdr });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const q = r.body.quarters.find((x: { quarter: string }) => x.quarter === r.body.incidents[0].quarter);
      expect(r.body.incidents.map((i: { title: string }) => i.title).sort()).toEqual(['CRM export leaked', 'Lost laptop']);
      if (r.body.quarters.length === 1) {
        expect(q, JSON.stringify(r.body.incidents)).toMatchObject({ incidents: 2, medianTimeToContainHours: 4.5, obligationsOnTime: 1, costs: { EUR: '27500.50' } });
      }
    });

    it('writes the post-incident review: chosen timeline, root cause linked to its remediation task, action items as tasks', async () => {
      const legal = await s.tokenFor('legal', 'counsel');
      expect((await s.api(`/api/v1/incidents/${id}/members`, { token: cmdr, body: { username: 'counsel', role: 'member' } })).status).toBeLessThan(300);
      const owner = await s.platform.accounts.findUser('incident-commander-user');
      const action = await s.api(`/api/v1/incidents/${id}/review/actions`, { token: cmdr, body: { title: 'Enforce phishing-resistant MFA on the VPN', assigneeId: owner!.id, dueAt: at(24 * 30) } });
      expect(action.status, JSON.stringify(action.body)).toBe(201);
      const item = action.body.actionItems[0];
      expect(item).toMatchObject({ title: 'Enforce phishing-resistant MFA on the VPN', status: 'open', assigneeId: owner!.id, dueAt: at(24 * 30) });
      const tasks = await s.api(`/api/v1/incidents/${id}/tasks?phase=learn&limit=500`, { token: cmdr });
      expect(tasks.body.items.map((t: { id: string }) => t.id)).toContain(item.taskId);

      const timeline = (await s.api(`/api/v1/incidents/${id}/timeline`, { token: cmdr })).body.items as Array<{ id: string; kind: string }>;
      const chosen = timeline.filter((e) => e.kind === 'attacker_activity' || e.kind === 'containment').map((e) => e.id);
      expect(chosen).toHaveLength(2);
      const body = {
        summary: 'Stolen VPN credentials were used to export the CRM.',
        timelineIds: chosen,
        rootCauses: [{ cause: 'VPN accepted password-only logins', remediationTaskIds: [item.taskId] }],
        wentWell: 'Containment within 8 hours of awareness.',
        wentBadly: 'The alert waited 10 hours in the queue.',
      };
      const saved = await s.api(`/api/v1/incidents/${id}/review`, { method: 'PUT', token: cmdr, body });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.timeline.map((e: { text: string }) => e.text)).toEqual(['First login with the stolen VPN credentials', 'VPN account disabled, sessions revoked']);
      expect(saved.body.rootCauses).toEqual(body.rootCauses);
      const badTask = await s.api(`/api/v1/incidents/${id}/review`, { method: 'PUT', token: cmdr, body: { rootCauses: [{ cause: 'x', remediationTaskIds: ['nope'] }] } });
      expect(badTask.status).toBe(400);
      expect(badTask.body.detail).toMatch(/rootCauses\.0\.remediationTaskIds: nope/);

      // Privileged notes: only legal writes and reads them; they never reach the audit trail.
      expect((await s.api(`/api/v1/incidents/${id}/review`, { method: 'PUT', token: cmdr, body: { privilegedNotes: 'x' } })).status).toBe(403);
      expect((await s.api(`/api/v1/incidents/${id}/review`, { method: 'PUT', token: legal, body: { privilegedNotes: 'PRIVILEGED: counsel advises the vendor contract was breached' } })).status).toBe(200);
      expect((await s.api(`/api/v1/incidents/${id}/review`, { token: cmdr })).body.privilegedNotes).toBeNull();
      expect((await s.api(`/api/v1/incidents/${id}/review`, { token: legal })).body.privilegedNotes).toMatch(/vendor contract/);
      const trail = await s.platform.audit.list({ incidentId: id, subjectType: 'review' });
      expect(trail.map((e) => e.action)).toEqual(['review.action_added', 'review.updated', 'review.updated']);
      expect(JSON.stringify(trail)).not.toMatch(/vendor contract/);
    });

    it('proposes a plan change from the review; an admin accepts it into a new, diffable plan version', async () => {
      const admin = await s.tokenFor('admin');
      const current = await s.api('/api/v1/response-plan', { token: cmdr });
      const yaml = (current.body.yaml as string).replace('Triage the alert and confirm whether personal data is involved', 'Triage the alert within 1 hour and confirm whether personal data is involved');
      const proposed = await s.api(`/api/v1/incidents/${id}/review/proposals`, { token: cmdr, body: { title: 'Triage within an hour', rationale: 'The alert waited 10 hours', yaml } });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      expect(proposed.body).toMatchObject({ status: 'proposed', baseVersion: current.body.version });
      expect(proposed.body.diff).toMatch(/^-\s+title: Triage the alert and confirm/m);
      expect(proposed.body.diff).toMatch(/^\+\s+title: Triage the alert within 1 hour/m);
      const bad = await s.api(`/api/v1/incidents/${id}/review/proposals`, { token: cmdr, body: { title: 'x', yaml: 'phases: [' } });
      expect(bad.status).toBe(400);
      expect((await s.api(`/api/v1/plan-proposals/${proposed.body.id}/accept`, { token: cmdr, body: {} })).status).toBe(403);
      const accepted = await s.api(`/api/v1/plan-proposals/${proposed.body.id}/accept`, { token: admin, body: {} });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', acceptedVersion: current.body.version + 1, decidedBy: 'admin-user' });
      expect((await s.api(`/api/v1/plan-proposals/${proposed.body.id}/accept`, { token: admin, body: {} })).status).toBe(409);
      const diff = await s.api(`/api/v1/response-plan/diff?from=${current.body.version}&to=${current.body.version + 1}`, { token: cmdr });
      expect(diff.body.diff).toMatch(/^\+\s+title: Triage the alert within 1 hour/m);
      expect((await s.api('/api/v1/response-plan', { token: cmdr })).body.version).toBe(current.body.version + 1);
      const review = await s.api(`/api/v1/incidents/${id}/review`, { token: cmdr });
      expect(review.body.proposals.map((x: { status: string }) => x.status)).toEqual(['accepted']);
    });

    it('renders the post-incident report in all four formats; pdftotext and mammoth find the timeline, metrics and charts', async () => {
      const get = (kind: string, format: string, token = cmdr, extra = '') => fetch(`${s.url}/api/v1/incidents/${id}/reports/${kind}?format=${format}${extra}`, { headers: { authorization: `Bearer ${token}` } });
      const md = await (await get('post-incident', 'md')).text();
      expect(md).toMatch(/^# Post-incident report: CRM export leaked/);
      expect(md).toContain('First login with the stolen VPN credentials');
      expect(md).toContain('| **Time to contain** | 8 h |');
      expect(md.match(/data:image\/svg\+xml;base64,/g)?.length).toBeGreaterThanOrEqual(3);
      const html = await (await get('post-incident', 'html')).text();
      expect(html).toContain('<h2>Timeline</h2>');
      expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);

      const dir = mkdtempSync(join(tmpdir(), 'learn-report-'));
      const pdfRes = await get('post-incident', 'pdf');
      expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
      writeFileSync(join(dir, 'r.pdf'), Buffer.from(await pdfRes.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-raw', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      for (const needle of ['Post-incident report: CRM export leaked', 'First login with the stolen VPN credentials', 'Time to contain: 8 h', 'Chart: Timeline', 'Chart: People by jurisdiction', 'Enforce phishing-resistant MFA on the VPN', 'Bit Detectives']) {
        expect(text, needle).toContain(needle);
      }
      // The chart's own labels are text in the PDF (vector SVG), not a picture of text.
      expect(text).toMatch(/Time to contain 8 h/);
      expect(text).not.toMatch(/vendor contract/);

      const docx = Buffer.from(await (await get('post-incident', 'docx')).arrayBuffer());
      const { value: dhtml } = await mammoth.convertToHtml({ buffer: docx });
      for (const needle of ['<h1>Timeline</h1>', '<h1>Metrics</h1>', 'First login with the stolen VPN credentials', 'Chart: Time to X against deadlines', 'Enforce phishing-resistant MFA on the VPN']) expect(dhtml, needle).toContain(needle);
      expect(dhtml.match(/<img [^>]*src="data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(3);
      expect(dhtml).not.toMatch(/vendor contract/);
    });

    it('leaves privileged material out unless a legal user asks; executive, insurer and regulator reports from the same model', async () => {
      const legal = await s.tokenFor('legal', 'counsel');
      const ask = (token: string, kind = 'post-incident', extra = '') => s.api(`/api/v1/incidents/${id}/reports/${kind}?format=md${extra}`, { token });
      expect((await ask(cmdr, 'post-incident', '&includePrivileged=true')).status).toBe(403);
      const plain = await ask(legal);
      expect(plain.text).not.toMatch(/vendor contract|PRIVILEGED/);
      const privileged = await ask(legal, 'post-incident', '&includePrivileged=true');
      expect(privileged.status).toBe(200);
      expect(privileged.text).toContain('PRIVILEGED & CONFIDENTIAL');
      expect(privileged.text).toContain('counsel advises the vendor contract was breached');
      const made = await s.platform.audit.list({ incidentId: id, subjectType: 'report' });
      expect(made.some((e) => (e.after as { privileged: boolean }).privileged)).toBe(true);

      const exec = await ask(cmdr, 'executive');
      expect(exec.text).toMatch(/^# Executive summary: CRM export leaked/);
      expect(exec.text).toContain('## Action items');
      const insurer = await s.api('/api/v1/experts', { token: cmdr, body: { kind: 'insurer', name: 'Acme Cyber', policyNumber: 'CYB-123456' } });
      await s.api(`/api/v1/incidents/${id}/experts`, { token: cmdr, body: { expertId: insurer.body.id, role: 'cyber insurer' } });
      const claim = await ask(cmdr, 'insurer');
      expect(claim.text).toContain('| **Acme Cyber** | CYB-123456 |');
      expect(claim.text).toContain('| 18000.50 EUR |');
      const reg = await ask(cmdr, 'regulator');
      expect(reg.text).toContain('GDPR Art. 33(4)');
      expect(reg.text).toMatch(/DE: notified \S+ under GDPR Art\. 33/);
      expect(reg.text).toContain('Measures taken or proposed (Art. 33(3)(d))');
      const b64 = await s.api(`/api/v1/incidents/${id}/reports/executive?format=pdf&encoding=base64`, { token: cmdr });
      expect(Buffer.from(b64.body.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('drafts stakeholder updates from the incident state: e-mail, Slack and Teams bodies; the account team needs approval', async () => {
      const exec = await s.api(`/api/v1/incidents/${id}/updates/preview?audience=executives&format=email`, { token: cmdr });
      expect(exec.status, exec.text).toBe(200);
      expect(exec.body.needsApproval).toBe(false);
      expect(exec.body.body.subject).toMatch(/^\[Status update\] CRM export leaked — closed/);
      expect(exec.body.body.text).toContain('Scope: 3 people affected in 1 jurisdiction(s) (DE).');
      const slack = await s.api(`/api/v1/incidents/${id}/updates/preview?audience=account_team&format=slack`, { token: cmdr });
      expect(slack.body.needsApproval).toBe(true);
      expect(slack.body.body.blocks[0].type).toBe('header');
      const teams = await s.api(`/api/v1/incidents/${id}/updates/preview?audience=all_staff&format=teams`, { token: cmdr });
      expect(teams.body.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect((await s.api(`/api/v1/incidents/${id}/updates/preview?audience=press`, { token: cmdr })).status).toBe(400);
    });

    it("time to contain ends at the last containment action verified (the contain feature's audit events)", async () => {
      const inc = await s.api('/api/v1/incidents', { token: cmdr, body: { title: 'Token leaked in CI logs', awareAt: at(1), status: 'confirmed' } });
      for (const [h, op] of [[3, 'revoke_token'], [5, 'disable_user']] as const) {
        await s.platform.audit.record({ actor: { type: 'system', id: null, name: 'contain' }, action: 'action.verified', subjectType: 'action', subjectId: `a${h}`, incidentId: inc.body.id, after: { operation: op, target: 'ci-bot' }, at: new Date(at(h)) });
      }
      const m = (await s.api(`/api/v1/incidents/${inc.body.id}/metrics`, { token: cmdr })).body;
      expect(m.containedAt).toBe(at(5));
      expect(m.timeToContainHours).toBe(4);
    });
  });
}
