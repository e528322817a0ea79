/**
 * Hostile query values (issue 19 §5: crafted cursors answered 500). Every list route of the OpenAPI
 * document that takes a cursor gets cursors of the wrong shape; every answer is a 4xx problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const CRAFTED = [
  b64(42),
  b64({ dueAt: 1, id: [] }),
  b64([1, 2]),
  b64(['2026-01-01', { $gt: '' }]),
  b64('x\u0000y'),
  b64(['\u0000', '\u0000']),
  b64({ at: 'not a date', recordedAt: null, id: 7 }),
  b64('"unterminated'),
  '%00',
  'not*base64*at*all',
  b64('a'.repeat(5000)),
];

for (const dialect of testDialects()) {
  describe(`crafted query values on ${dialect}`, () => {
    let s: TestServer;
    let admin: string;
    let incidentId: string;
    beforeAll(async () => {
      s = await startTestServer(dialect);
      admin = await s.tokenFor('admin', 'root');
      incidentId = (await s.api('/api/v1/incidents', { token: admin, body: { title: 'Cursor test' } })).body.id;
    });
    afterAll(async () => s?.close());

    it('every cursor of the wrong shape answers 400 (never 500), on every list route', async () => {
      const doc = (await s.api('/api/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
      const lists = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([m, op]) => m === 'get' && (op.parameters ?? []).some((p) => p.in === 'query' && (p.name === 'cursor' || p.name === 'after')))
          .map(([, op]) => ({ path: path.replace(/\{[^}]+\}/g, incidentId), param: (op.parameters ?? []).find((p) => p.name === 'cursor' || p.name === 'after')!.name })),
      );
      expect(lists.length).toBeGreaterThanOrEqual(10);
      const bad: string[] = [];
      for (const { path, param } of lists) {
        for (const c of CRAFTED) {
          const r = await s.api(`${path}?${param}=${encodeURIComponent(c)}`, { token: admin });
          if (r.status >= 500) bad.push(`${path} ${c.slice(0, 20)} → ${r.status}`);
          else if (r.status !== 200) expect(r.headers.get('content-type'), path).toMatch(/problem\+json/);
        }
      }
      expect(bad).toEqual([]);
      const typed = await s.api(`/api/v1/incidents/${incidentId}/tasks?cursor=${b64({ dueAt: 1, id: [] })}`, { token: admin });
      expect(typed.status).toBe(400);
      expect(typed.body.detail).toMatch(/cursor/);
    });

    it('a NUL byte in a query value or a body answers 400, not a database error', async () => {
      const q = await s.api(`/api/v1/observables/search?kind=domain&value=${encodeURIComponent('evil\u0000.example')}`, { token: admin });
      expect(q.status).toBeLessThan(500);
      const body = await s.api('/api/v1/incidents', { token: admin, body: { title: 'Nul \u0000 title' } });
      expect(body.status).toBeLessThan(500);
    });
  });
}
