/**
 * Issue 15 §1–2 over HTTP on both dialects: a source's own dedup keys and window (repeats raise a
 * counter, never a new row; the next window is a new row), correlation by a shared user and by the
 * same rule within the source's correlation window (and not beyond it), and the raw payload capped
 * at 64 KiB with `rawTruncated`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

for (const dialect of testDialects()) {
  describe(`per-source dedup and correlation windows on ${dialect}`, () => {
    let s: TestServer;
    let responder: string;
    let commander: string;
    let secret: string;
    type Answer = { id: string; count: number; repeat: boolean; suspectId: string };
    const send = async (alert: Record<string, unknown>): Promise<Answer> => {
      const r = await s.api('/api/v1/intake/edr', { method: 'POST', body: JSON.stringify(alert), headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` } });
      expect(r.status).toBe(201);
      return r.body.alerts[0];
    };

    beforeAll(async () => {
      s = await startTestServer(dialect);
      const admin = await s.tokenFor('admin');
      responder = await s.tokenFor('responder');
      commander = await s.tokenFor('incident_commander');
      const src = await s.api('/api/v1/intake-sources', { token: admin, body: { name: 'edr', auth: 'token', dedupKeys: ['rule', 'hosts'], dedupWindowSeconds: 600, correlateWindowSeconds: 1800 } });
      expect(src.status).toBe(201);
      expect(src.body.source).toMatchObject({ dedupKeys: ['rule', 'hosts'], dedupWindowSeconds: 600, correlateWindowSeconds: 1800 });
      secret = src.body.secret;
    }, 60_000);
    afterAll(async () => s?.close());

    it("dedups on the source's keys within its window: another user on the same rule and host is a repeat; the next window a new row", async () => {
      const first = await send({ title: 'Credential dumping', severity: 'high', time: at(0), rule: { id: 'edr-17', name: 'LSASS read' }, hosts: ['ws-1'], users: ['alice'] });
      // users are not among this source's keys (the default keys include them): a repeat.
      const again = await send({ title: 'Credential dumping', severity: 'high', time: at(60), rule: { id: 'edr-17', name: 'LSASS read' }, hosts: ['ws-1'], users: ['bob'] });
      expect(again).toMatchObject({ id: first.id, count: 2, repeat: true });
      const later = await send({ title: 'Credential dumping', severity: 'high', time: at(700), rule: { id: 'edr-17', name: 'LSASS read' }, hosts: ['ws-1'], users: ['alice'] });
      expect(later.id).not.toBe(first.id);
      expect(later).toMatchObject({ count: 1, repeat: false, suspectId: first.suspectId });
      const one = await s.api(`/api/v1/intake/alerts/${first.id}`, { token: responder });
      expect(one.body).toMatchObject({ count: 2, lastSeen: expect.any(String) });
    });

    it('correlates by a shared user and by the same rule within the window, not beyond it', async () => {
      const a = await send({ title: 'Suspicious sign-in', severity: 'medium', time: at(0), rule: { id: 'idp-1', name: 'Impossible travel' }, hosts: ['vpn-1'], users: ['carol'] });
      const byUser = await send({ title: 'Mass download', severity: 'high', time: at(900), rule: { id: 'dlp-4', name: 'Bulk export' }, hosts: ['fs-7'], users: ['carol'] });
      expect(byUser.suspectId).toBe(a.suspectId);
      const tooLate = await send({ title: 'Mass download', severity: 'high', time: at(900 + 1800 + 60), rule: { id: 'dlp-5', name: 'Other export' }, hosts: ['fs-8'], users: ['carol'] });
      expect(tooLate.suspectId).not.toBe(a.suspectId);

      const r1 = await send({ title: 'Beacon to known C2', severity: 'high', time: at(0), rule: { id: 'c2-9', name: 'Cobalt Strike beacon' }, hosts: ['hr-laptop-3'] });
      const r2 = await send({ title: 'Beacon to known C2', severity: 'high', time: at(300), rule: { id: 'c2-9', name: 'Cobalt Strike beacon' }, hosts: ['fin-laptop-8'] });
      expect(r2.suspectId).toBe(r1.suspectId);
      expect(r2.suspectId).not.toBe(a.suspectId);
      const detail = await s.api(`/api/v1/triage/suspects/${a.suspectId}`, { token: responder });
      expect(detail.body.alerts.map((x: { title: string }) => x.title).sort()).toEqual(['Mass download', 'Suspicious sign-in']);
      expect(detail.body.score).toBeGreaterThan(60);
    });

    it('keeps the raw payload up to 64 KiB and says it was cut', async () => {
      const big = await send({ title: 'Huge event', severity: 'low', time: at(5000), hosts: ['log-1'], note: 'x'.repeat(100_000) });
      const small = await send({ title: 'Small event', severity: 'low', time: at(5000), hosts: ['log-2'] });
      const b = await s.api(`/api/v1/intake/alerts/${big.id}?unmask=true`, { token: commander });
      expect(b.body.rawTruncated).toBe(true);
      expect(Buffer.byteLength(b.body.raw)).toBe(64 * 1024);
      const sm = await s.api(`/api/v1/intake/alerts/${small.id}?unmask=true`, { token: commander });
      expect(sm.body.rawTruncated).toBe(false);
      expect(JSON.parse(sm.body.raw)).toMatchObject({ title: 'Small event' });
    });
  });
}
