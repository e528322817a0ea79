/** Outside reports over HTTP (issue 15 §3): public, rate-limited, size-capped, nothing echoed, into triage. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

for (const dialect of testDialects()) {
  describe(`outside reports on ${dialect}`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer(dialect, { BREACHDESK_SECURITY_CONTACT: 'mailto:security@example.org', BREACHDESK_PUBLIC_URL: 'https://breachdesk.example.org' });
    }, 60_000);
    afterAll(async () => s?.close());

    it('serves security.txt with the configured contact and the form', async () => {
      const r = await fetch(`${s.url}/.well-known/security.txt`);
      expect(r.status).toBe(200);
      const text = await r.text();
      expect(text).toMatch(/^Contact: mailto:security@example\.org\nContact: https:\/\/breachdesk\.example\.org\/report\nExpires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n/);
      expect(Date.parse(/Expires: (\S+)/.exec(text)![1]!)).toBeGreaterThan(Date.now());
    });

    it('takes a report without sign-in, echoes no personal data, quarantines the attachment and lands in triage', async () => {
      const secret = 'reporter-jane.doe@example.net';
      const attachment = Buffer.from('id,email\n1,victim@example.com\n');
      const r = await s.api('/api/v1/reports', {
        body: { category: 'exposed_data', message: 'Your customer export is on an open bucket', affected: 'https://files.example.com/export.csv', name: 'Jane Doe', contact: secret, attachments: [{ name: 'sample.csv', contentBase64: attachment.toString('base64') }] },
      });
      expect(r.status).toBe(201);
      expect(r.body.reference).toMatch(/^R-[0-9A-F]{10}$/);
      expect(r.text).not.toContain('Jane');
      expect(r.text).not.toContain(secret);
      expect(r.text).not.toContain('open bucket');

      const responder = await s.tokenFor('responder');
      const queue = await s.api('/api/v1/triage/suspects', { token: responder });
      const suspect = queue.body.items.find((x: { title: string }) => x.title.includes(r.body.reference));
      expect(suspect).toMatchObject({ severity: 'high', status: 'open' });
      const reports = await s.api('/api/v1/reports', { token: responder });
      const rep = reports.body.items[0];
      expect(rep).toMatchObject({ reference: r.body.reference, name: 'J***e', masked: true, message: 'Your customer export is on an open bucket' });
      expect(rep.contact).not.toContain('jane');
      expect(rep.attachments[0]).toMatchObject({ name: 'sample.csv', size: attachment.length });
      const file = await fetch(`${s.url}/api/v1/reports/${rep.id}/attachments/${rep.attachments[0].id}`, { headers: { authorization: `Bearer ${responder}` } });
      expect(file.headers.get('content-type')).toBe('application/octet-stream');
      expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(Buffer.from(await file.arrayBuffer()).equals(attachment)).toBe(true);
      expect((await s.api(`/api/v1/reports/${rep.id}?unmask=true`, { token: responder })).status).toBe(403);
      const legal = await s.api(`/api/v1/reports/${rep.id}?unmask=true`, { token: await s.tokenFor('legal') });
      expect(legal.body.contact).toBe(secret);
      // The store holds it encrypted: no plain text of the report in the table.
      const row = await s.platform.store.db.selectFrom('outside_reports' as never).selectAll().executeTakeFirst();
      expect(JSON.stringify(row)).not.toContain('open bucket');

      // Confirmed, the report's attachment becomes evidence of the new incident, byte for byte.
      const confirmed = await s.api(`/api/v1/triage/suspects/${suspect.id}/confirm`, { token: responder, body: {} });
      expect(confirmed.status).toBe(201);
      expect(confirmed.body.evidence).toHaveLength(1);
      const items = await s.api(`/api/v1/incidents/${confirmed.body.incidentId}/evidence`, { token: responder });
      const item = items.body.items.find((x: { id: string }) => x.id === confirmed.body.evidence[0]);
      expect(item).toMatchObject({ name: 'sample.csv', size: attachment.length, sha256: createHash('sha256').update(attachment).digest('hex') });
      expect(item.description).toContain(r.body.reference);
      const content = await fetch(`${s.url}/api/v1/evidence/${item.id}/content`, { headers: { authorization: `Bearer ${responder}` } });
      expect(content.status).toBe(200);
      expect(Buffer.from(await content.arrayBuffer()).equals(attachment)).toBe(true);
    });

    it('refuses malformed and oversized reports with a clear error, then rate-limits per IP', async () => {
      const short = await s.api('/api/v1/reports', { body: { message: 'hi' } });
      expect(short.status).toBe(400);
      expect(short.body.detail).toMatch(/message/);
      const big = await s.api('/api/v1/reports', { body: { message: 'x'.repeat(30), attachments: [{ name: 'a', contentBase64: 'A'.repeat(3_000_000) }] } });
      expect(big.status).toBe(400);
      expect(big.body.detail).toMatch(/at most 2 MB/);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await s.api('/api/v1/reports', { body: { message: `report number ${i} about a leak` } })).status);
      expect(statuses).toContain(429);
      expect(statuses.filter((x) => x === 201).length).toBeLessThanOrEqual(4);
    });
  });
}
