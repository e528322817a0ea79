/**
 * Issue 15 "done when": real-shaped alerts of every listed source over HTTP — normalisation,
 * dedup, correlation, confirm-to-incident with the awareness time — and the bad-input answers,
 * on SQLite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../../src/confirm/signature.js';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const fixture = (name: string) => readFileSync(new URL(`../../../src/confirm/fixtures/${name}`, import.meta.url), 'utf8');

for (const dialect of testDialects()) {
  describe(`alert intake and triage over HTTP on ${dialect}`, () => {
    let s: TestServer;
    let admin: string;
    let responder: string;
    let commander: string;
    const secrets: Record<string, string> = {};

    const post = (source: string, body: string, headers: Record<string, string> = {}) => s.api(`/api/v1/intake/${source}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    const tokenPost = (source: string, body: string) => post(source, body, { authorization: `Bearer ${secrets[source]}` });
    const signedPost = (source: string, body: string, t = Math.floor(Date.now() / 1000)) => post(source, body, { 'x-breachdesk-signature': sign(secrets[source]!, body, t) });

    beforeAll(async () => {
      s = await startTestServer(dialect);
      admin = await s.tokenFor('admin');
      responder = await s.tokenFor('responder');
      commander = await s.tokenFor('incident_commander');
      for (const [name, auth] of [
        ['wazuh', 'token'],
        ['elastic', 'hmac'],
        ['suricata', 'token'],
        ['falco', 'token'],
        ['guardduty', 'token'],
        ['canary-webhook', 'token'],
        ['dlp', 'token'],
      ] as const) {
        const r = await s.api('/api/v1/intake-sources', { token: admin, body: { name, auth } });
        expect(r.status).toBe(201);
        secrets[name] = r.body.secret;
      }
    }, 60_000);
    afterAll(async () => s?.close());

    it('only admins add sources; the secret is shown once and never listed', async () => {
      expect((await s.api('/api/v1/intake-sources', { token: responder, body: { name: 'x' } })).status).toBe(403);
      const list = await s.api('/api/v1/intake-sources', { token: responder });
      expect(list.body.items.map((x: { name: string }) => x.name)).toContain('wazuh');
      expect(list.text).not.toContain(secrets.wazuh);
      expect((await s.api('/api/v1/intake-sources', { token: admin, body: { name: 'outside-report' } })).status).toBe(400);
    });

    it('takes every listed vendor shape and normalises it; repeats raise a counter', async () => {
      const wz = await tokenPost('wazuh', fixture('wazuh-alerts.ndjson'));
      expect(wz.status).toBe(201);
      expect(wz.body).toMatchObject({ version: 1, accepted: 2, created: 2, repeats: 0, unparsed: 0 });
      const again = await tokenPost('wazuh', fixture('wazuh-alerts.ndjson'));
      expect(again.body).toMatchObject({ accepted: 2, created: 0, repeats: 2 });
      expect(again.body.alerts[0]).toMatchObject({ id: wz.body.alerts[0].id, count: 2, repeat: true });

      const el8 = await signedPost('elastic', fixture('elastic-8.json'));
      expect(el8.status).toBe(201);
      const el7 = await signedPost('elastic', fixture('elastic-7-signal.json'));
      expect(el7.status).toBe(201);
      const sur = await tokenPost('suricata', fixture('suricata-eve.ndjson'));
      // The flow event beside the alert is no alert shape: kept as unparsed, answered 202.
      expect(sur.status).toBe(202);
      expect(sur.body).toMatchObject({ accepted: 2, unparsed: 1 });
      expect((await tokenPost('falco', fixture('falco.json'))).status).toBe(201);
      const gd = await tokenPost('guardduty', `[${fixture('guardduty-eventbridge.json')},${fixture('guardduty-bare-pascal.json')}]`);
      expect(gd.body.alerts.map((a: { kind: string }) => a.kind)).toEqual(['guardduty', 'guardduty']);
      // Canarytokens cannot set headers: its webhook URL carries the token.
      const ct = await s.api(`/api/v1/intake/canary-webhook?token=${secrets['canary-webhook']}`, { body: fixture('canarytoken.json') });
      expect(ct.status).toBe(201);
      const dlp = await tokenPost('dlp', fixture('generic.json'));
      expect(dlp.body.alerts[0].kind).toBe('generic');

      const one = await s.api(`/api/v1/intake/alerts/${el8.body.alerts[0].id}`, { token: responder });
      expect(one.body).toMatchObject({ kind: 'elastic', severity: 'high', observedAt: '2025-11-02T09:15:27.118Z', hosts: ['db-prod-01'], users: ['p***s'], masked: true });
      expect(one.body.raw).toBeUndefined();
      const unmasked = await s.api(`/api/v1/intake/alerts/${el8.body.alerts[0].id}?unmask=true`, { token: commander });
      expect(unmasked.body.users).toEqual(['postgres']);
      expect(JSON.parse(unmasked.body.raw)['kibana.alert.rule.name']).toBe('Potential Database Dumping Activity');
      expect((await s.api(`/api/v1/intake/alerts/${el8.body.alerts[0].id}?unmask=true`, { token: responder })).status).toBe(403);
      const wazuhAlert = await s.api(`/api/v1/intake/alerts/${wz.body.alerts[0].id}`, { token: responder });
      expect(wazuhAlert.body).toMatchObject({ count: 2, severity: 'medium', observedAtLocal: '2025-10-23T10:41:50.711+0000' });
    });

    it('bad input gets a clear error and stores nothing of the request', async () => {
      const before = (await s.api('/api/v1/intake/alerts?limit=200', { token: responder })).body.items.length;
      const wrong = await post('wazuh', fixture('falco.json'), { authorization: 'Bearer bdi_wrong' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.detail).toMatch(/wrong or missing token/);
      // The source's token was accepted before (and is remembered): one of its length that differs in a character is still refused.
      const real = secrets.wazuh!;
      const nearly = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
      expect((await post('wazuh', fixture('falco.json'), { authorization: `Bearer ${nearly}` })).status).toBe(401);
      const unsigned = await post('elastic', fixture('falco.json'));
      expect(unsigned.body.detail).toMatch(/missing x-breachdesk-signature/);
      const badSig = await post('elastic', fixture('falco.json'), { 'x-breachdesk-signature': sign('not the secret', fixture('falco.json'), Math.floor(Date.now() / 1000)) });
      expect(badSig.body.detail).toMatch(/does not match/);
      const stale = await signedPost('elastic', fixture('falco.json'), Math.floor(Date.now() / 1000) - 3600);
      expect(stale.body.detail).toMatch(/timestamp/);
      const body = '{"title":"replay probe","severity":"low"}';
      const headers = { 'content-type': 'application/json', 'x-breachdesk-signature': sign(secrets.elastic!, body, Math.floor(Date.now() / 1000)) };
      expect((await post('elastic', body, headers)).status).toBe(201);
      const replay = await post('elastic', body, headers);
      expect(replay.status).toBe(409);
      expect(replay.body.detail).toMatch(/replay/);
      const broken = await tokenPost('falco', `${fixture('falco.json').trim()}\n{"rule": "half`);
      expect(broken.status).toBe(400);
      expect(broken.body.detail).toMatch(/^line 2: not valid JSON/);
      const huge = await tokenPost('falco', JSON.stringify({ title: 'x', severity: 'low', pad: 'x'.repeat(s.config.bodyLimit) }));
      expect(huge.status).toBe(413);
      expect((await s.api('/api/v1/intake/nope', { body: '{}', headers: { authorization: 'Bearer x' } })).status).toBe(404);
      const after = (await s.api('/api/v1/intake/alerts?limit=200', { token: responder })).body.items.length;
      expect(after).toBe(before + 1); // only the one good signed request
    });

    it('correlates alerts that share a host or IP into one suspected incident and confirms it with the awareness time', async () => {
      const queue = await s.api('/api/v1/triage/suspects', { token: responder });
      expect(queue.status).toBe(200);
      const db = queue.body.items.find((x: { title: string }) => /Database Dumping|DLP/.test(x.title));
      const detail = await s.api(`/api/v1/triage/suspects/${db.id}`, { token: responder });
      // Elastic's pg_dump alert and the DLP upload share host db-prod-01 and 198.51.100.77 within the window.
      expect(detail.body.alerts.map((a: { kind: string }) => a.kind).sort()).toEqual(['elastic', 'generic']);
      expect(detail.body.score).toBeGreaterThan(60);
      expect(detail.body.severity).toBe('high');

      expect((await s.api(`/api/v1/triage/suspects/${db.id}/acknowledge`, { method: 'POST', token: responder, body: {} })).body.status).toBe('acknowledged');
      const early = '2025-11-02T09:30:00Z';
      const noReason = await s.api(`/api/v1/triage/suspects/${db.id}/confirm`, { token: responder, body: { awareAt: early } });
      expect(noReason.status).toBe(400);
      expect(noReason.body.detail).toMatch(/^awareAtReason/);
      const ok = await s.api(`/api/v1/triage/suspects/${db.id}/confirm`, { token: responder, body: { awareAt: early, awareAtReason: 'the DLP ticket was read by the on-call that morning' } });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ awareAt: '2025-11-02T09:30:00.000Z', suspect: { status: 'confirmed' } });
      expect(ok.body.observables).toBeGreaterThanOrEqual(4);
      const incident = await s.api(`/api/v1/incidents/${ok.body.incidentId}`, { token: responder });
      expect(incident.body).toMatchObject({ status: 'confirmed', awareAt: '2025-11-02T09:30:00.000Z', detectedAt: '2025-11-02T09:15:27.118Z', severity: 'high' });
      const obs = await s.api(`/api/v1/incidents/${ok.body.incidentId}/observables`, { token: responder });
      const kinds = obs.body.items.map((o: { kind: string; value: string }) => `${o.kind}:${o.value}`);
      expect(kinds).toEqual(expect.arrayContaining(['ip:198.51.100.77', 'hash:d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592']));
      const timeline = await s.api(`/api/v1/incidents/${ok.body.incidentId}/timeline?limit=200`, { token: responder });
      const texts = timeline.body.items.map((e: { text: string }) => e.text).join('\n');
      expect(texts).toMatch(/suspect confirmed/);
      expect(texts).toMatch(/Triage: acknowledged by/);
      expect(texts).toMatch(/Alert from dlp \(generic, high\)/);
      expect(texts).toMatch(/Awareness time set at confirmation: the DLP ticket/);
      // Confirming twice is refused.
      expect((await s.api(`/api/v1/triage/suspects/${db.id}/confirm`, { token: responder, body: {} })).status).toBe(409);
      expect((await s.api(`/api/v1/triage/suspects/${db.id}/confirm`, { token: await s.tokenFor('viewer'), body: {} })).status).toBe(403);
    });

    it('concurrent senders stored together (group commit) answer as if stored one at a time', async () => {
      const at = '2026-03-01T08:00:00Z';
      const one = (n: number, host: string) => JSON.stringify({ id: `grp-${n}`, title: `Group ${n}`, severity: 'medium', time: at, hosts: [host] });
      // 12 requests at once: 4 copies of one alert, 8 distinct alerts on two hosts.
      const bodies = [...Array.from({ length: 4 }, () => one(0, 'grp-a')), ...Array.from({ length: 8 }, (_, i) => one(i + 1, i % 2 ? 'grp-a' : 'grp-b'))];
      const answers = await Promise.all(bodies.map((b) => tokenPost('dlp', b)));
      expect(answers.map((r) => r.status)).toEqual(bodies.map(() => 201));
      const copies = answers.slice(0, 4).map((r) => r.body.alerts[0]);
      expect(new Set(copies.map((a: { id: string }) => a.id)).size).toBe(1);
      expect(copies.map((a: { count: number }) => a.count).sort()).toEqual([1, 2, 3, 4]);
      expect(copies.filter((a: { repeat: boolean }) => !a.repeat)).toHaveLength(1);
      const suspects = new Set(answers.map((r) => r.body.alerts[0].suspectId));
      expect(suspects.size).toBe(2);
      const a = await s.api(`/api/v1/triage/suspects/${copies[0].suspectId}`, { token: responder });
      expect(a.body.alerts).toHaveLength(5);
      expect(a.body.alertCount).toBe(5);
      expect(a.body.alerts.find((x: { id: string }) => x.id === copies[0].id)).toMatchObject({ count: 4 });
      const again = await tokenPost('dlp', one(0, 'grp-a'));
      expect(again.body.alerts[0]).toMatchObject({ id: copies[0].id, count: 5, repeat: true, suspectId: copies[0].suspectId });
    });

    it('more requests at once than one group takes correlate as if stored one after the other, and count every copy once', async () => {
      const at = '2026-03-02T08:00:00Z';
      // 320 distinct alerts on one host, sent at once: more than one group takes (256 requests at
      // most). Each group must see the suspect the groups before it opened: one suspect in all.
      const distinct = Array.from({ length: 320 }, (_, n) => JSON.stringify({ id: `pipe-${n}`, title: `Pipe ${n}`, severity: 'low', time: at, hosts: ['pipe-host'] }));
      const answers = await Promise.all(distinct.map((b) => tokenPost('dlp', b)));
      expect(answers.map((r) => r.status)).toEqual(distinct.map(() => 201));
      const items = answers.map((r) => r.body.alerts[0] as { id: string; count: number; suspectId: string });
      expect(new Set(items.map((a) => a.id)).size).toBe(320);
      expect(new Set(items.map((a) => a.suspectId)).size).toBe(1);
      expect((await s.api(`/api/v1/triage/suspects/${items[0]!.suspectId}`, { token: responder })).body.alertCount).toBe(320);
      // 8 alerts × 40 copies at once: each copy counted once, in some order, across groups.
      const copies = Array.from({ length: 320 }, (_, i) => JSON.stringify({ id: `copy-${i % 8}`, title: `Copy ${i % 8}`, severity: 'low', time: at, hosts: ['copy-host'] }));
      const counted = (await Promise.all(copies.map((b) => tokenPost('dlp', b)))).map((r) => r.body.alerts[0] as { id: string; count: number; suspectId: string });
      for (let n = 0; n < 8; n++) {
        const of = counted.filter((_, i) => i % 8 === n);
        expect(new Set(of.map((a) => a.id)).size).toBe(1);
        expect(of.map((a) => a.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      }
      expect(new Set(counted.map((a) => a.suspectId)).size).toBe(1);
    });

    it('a repeat in the group that opened its suspect moves that suspect’s lastSeen (written and seen again in one commit)', async () => {
      // One request, one group: the first alert opens a suspect, its later copy raises the count
      // and must move the new suspect's lastSeen (PostgreSQL writes both in one statement).
      const body = ['08:10', '08:40'].map((hm) => JSON.stringify({ id: 'fold-1', title: 'Fold', severity: 'low', time: `2026-03-03T${hm}:00Z`, hosts: ['fold-host'] })).join('\n');
      const r = await tokenPost('dlp', body);
      expect(r.body).toMatchObject({ accepted: 2, created: 1, repeats: 1 });
      const suspect = (await s.api(`/api/v1/triage/suspects/${r.body.alerts[0].suspectId}`, { token: responder })).body;
      expect(suspect).toMatchObject({ alertCount: 1, firstSeen: '2026-03-03T08:10:00.000Z', lastSeen: '2026-03-03T08:40:00.000Z' });
    });

    it('dismiss needs a reason; merge, split and link move alerts between suspects and incidents', async () => {
      const items = (await s.api('/api/v1/triage/suspects?limit=200', { token: responder })).body.items as Array<{ id: string; title: string; alertCount: number }>;
      const falco = items.find((x) => x.title === 'Write below binary dir')!;
      const canary = items.find((x) => x.title.startsWith('Canarytoken'))!;
      expect((await s.api(`/api/v1/triage/suspects/${falco.id}/dismiss`, { token: responder, body: {} })).status).toBe(400);
      const merged = await s.api(`/api/v1/triage/suspects/${canary.id}/merge`, { token: responder, body: { from: [falco.id] } });
      expect(merged.body).toMatchObject({ alertCount: 2 });
      expect((await s.api(`/api/v1/triage/suspects/${falco.id}`, { token: responder })).body).toMatchObject({ status: 'merged', mergedInto: canary.id });
      const both = (await s.api(`/api/v1/triage/suspects/${canary.id}`, { token: responder })).body.alerts as Array<{ id: string; kind: string }>;
      const split = await s.api(`/api/v1/triage/suspects/${canary.id}/split`, { token: responder, body: { alertIds: [both.find((a) => a.kind === 'falco')!.id] } });
      expect(split.body.to.alertCount).toBe(1);
      const dismissed = await s.api(`/api/v1/triage/suspects/${split.body.to.id}/dismiss`, { token: responder, body: { reason: 'build server writing its own binaries' } });
      expect(dismissed.body).toMatchObject({ status: 'dismissed', reason: 'build server writing its own binaries' });
      const inc = await s.api('/api/v1/incidents', { token: commander, body: { title: 'Canary touched' } });
      const linked = await s.api(`/api/v1/triage/suspects/${canary.id}/link`, { token: commander, body: { incidentId: inc.body.id } });
      expect(linked.body).toMatchObject({ status: 'linked', incidentId: inc.body.id });
      const audit = await s.platform.audit.list({ subjectType: 'intake_suspect' });
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['suspect.acknowledged', 'suspect.confirmed', 'suspect.merged', 'suspect.split', 'suspect.dismissed', 'suspect.linked']));
    });
  });
}
