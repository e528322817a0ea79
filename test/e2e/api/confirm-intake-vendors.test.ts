/**
 * Outside review of the alert intake (issue 15 §1): samples in the vendors' own output shapes, with
 * our own values — AWS findings of four resource types in a GetFindings answer, Suricata EVE with a
 * -0400 zone, Falco with container/k8s fields, Wazuh FIM and Windows alerts with a +0500 zone —
 * posted over HTTP and read back as a responder would (src/confirm/fixtures/SOURCES.md says whose
 * shape each follows).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const fixture = (name: string) => readFileSync(new URL(`../../../src/confirm/fixtures/${name}`, import.meta.url), 'utf8');

for (const dialect of testDialects()) {
  describe(`vendor samples over HTTP on ${dialect}`, () => {
    let s: TestServer;
    let commander: string;
    let secret = '';
    beforeAll(async () => {
      s = await startTestServer(dialect);
      const admin = await s.tokenFor('admin');
      commander = await s.tokenFor('incident_commander');
      const r = await s.api('/api/v1/intake-sources', { token: admin, body: { name: 'vendors', auth: 'token' } });
      expect(r.status).toBe(201);
      secret = r.body.secret;
    }, 60_000);
    afterAll(async () => s?.close());

    const post = (body: string) => s.api('/api/v1/intake/vendors', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` } });
    const read = async (id: string) => (await s.api(`/api/v1/intake/alerts/${id}?unmask=true`, { token: commander })).body;

    it('a GetFindings answer of EC2, EKS, RDS and Runtime findings: four alerts, each with its entities', async () => {
      const findings = fixture('guardduty-types.ndjson').trim().split('\n').map((l) => JSON.parse(l));
      const r = await post(JSON.stringify({ findings }));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ accepted: 4, created: 4, unparsed: 0 });
      const [, eks, rds, runtime] = await Promise.all(r.body.alerts.map((a: { id: string }) => read(a.id)));
      expect(eks).toMatchObject({ kind: 'guardduty', severity: 'high', users: ['system:anonymous'], ips: ['198.51.100.77'] });
      expect(rds).toMatchObject({ severity: 'high', hosts: ['demo-orders-db-1'], users: ['orders_reader'], ips: ['203.0.113.9'] });
      expect(runtime.hashes).toEqual(['01281c7c96b7d3d6ff8837d8e0fd5f9f238eb14287820d252a63a3d970b26947']);
      // The same answer again is the same findings: repeats, not new rows.
      expect((await post(JSON.stringify({ findings }))).body).toMatchObject({ created: 0, repeats: 4 });
    });

    it('Suricata, Falco and Wazuh samples: severity on our scale, time with its zone, hosts that are ours', async () => {
      const r = await post([fixture('suricata-eve-tls-0400.ndjson'), fixture('falco-k8s.ndjson'), fixture('wazuh-fim-windows.ndjson')].map((t) => t.trim()).join('\n'));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ accepted: 5, unparsed: 0 });
      const [sur, falcoW, , , win] = await Promise.all(r.body.alerts.map((a: { id: string }) => read(a.id)));
      expect(sur).toMatchObject({ kind: 'suricata', severity: 'high', observedAt: '2025-10-14T13:41:07.318Z', observedAtLocal: '2025-10-14T09:41:07.318204-0400', hosts: [], domains: ['whatismyip.example.org'] });
      expect(falcoW).toMatchObject({ kind: 'falco', severity: 'medium', files: ['/etc/shadow'] });
      expect(win).toMatchObject({ kind: 'wazuh', observedAt: '2025-07-04T06:08:39.552Z', hosts: ['demo-wks-07', 'DESKTOP-K7R2QX4'] });
    });
  });
}
