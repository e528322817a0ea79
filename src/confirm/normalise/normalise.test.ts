import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAlertsBody } from '../intake-body.js';
import { normalise } from './index.js';

const fixture = (name: string) => parseAlertsBody(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const AT = '2026-01-01T00:00:00.000Z';

describe('normalisers over the vendors’ samples', () => {
  it('Wazuh: level 10 → medium, agent, data.srcip, MITRE, time with its +0000 zone; syscheck hashes and file', () => {
    const [auth, fim] = fixture('wazuh-alerts.ndjson').map((d) => normalise(d, 'auto', AT));
    expect(auth).toMatchObject({ kind: 'wazuh', severity: 'medium', severityRaw: 10, sourceAlertId: '1761216110.3956585', observedAt: '2025-10-23T10:41:50.711Z', observedAtLocal: '2025-10-23T10:41:50.711+0000' });
    expect(auth!.rule).toMatchObject({ id: '100051', mitre: ['T1110.001'] });
    expect(auth!.hosts).toEqual(['DESKTOP-RL1K13Q', 'ip-10-0-8-30']);
    expect(auth!.ips).toEqual(['192.168.80.9', '203.0.113.50']);
    expect(auth!.users).toEqual(['admin']);
    expect(fim).toMatchObject({ severity: 'low', files: ['/etc/passwd'] });
    expect(fim!.hashes).toHaveLength(3);
  });

  it('Elastic 8.x flattened kibana.alert.* and 7.x signal.* inside a search hit', () => {
    const [v8] = fixture('elastic-8.json').map((d) => normalise(d, 'auto', AT));
    expect(v8).toMatchObject({ kind: 'elastic', severity: 'high', observedAt: '2025-11-02T09:15:27.118Z', hosts: ['db-prod-01'], users: ['postgres'] });
    expect(v8!.rule).toMatchObject({ id: 'e46eaaf3-6d81-4cdb-8cbb-b2201a11358b', name: 'Potential Database Dumping Activity', mitre: ['T1005'] });
    expect(v8!.ips).toEqual(['10.0.4.21', '198.51.100.77']);
    expect(v8!.sourceRef).toMatch(/^5e1f6a8c/);
    const [v7] = fixture('elastic-7-signal.json').map((d) => normalise(d, 'auto', AT));
    expect(v7).toMatchObject({ kind: 'elastic', severity: 'medium', sourceAlertId: '820e05ab0a10a2110d6f0ab2e1864402724a88680d5b49840ecc17dd069d7646', observedAt: '2020-04-20T21:27:41.502Z' });
    expect(v7!.rule.name).toBe('Unusual Outbound Transfer');
  });

  it('Elastic 8.x nested (the same alert with its dotted keys as objects) normalises as the flattened one', () => {
    const flat = fixture('elastic-8.json')[0] as Record<string, unknown>;
    const nested: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(flat)) {
      const parts = k.split('.');
      let o = nested;
      for (const p of parts.slice(0, -1)) {
        o[p] ??= {};
        o = o[p] as Record<string, unknown>;
      }
      o[parts.at(-1)!] = v;
    }
    expect(JSON.stringify(nested)).not.toContain('"kibana.alert');
    type Doc = Parameters<typeof normalise>[0];
    expect(normalise(nested as Doc, 'auto', AT)).toEqual(normalise(flat as Doc, 'auto', AT));
  });

  it('Suricata: severity 2 → medium, time converted from +0100; a flow event is not an alert', () => {
    const [alert, flow] = fixture('suricata-eve.ndjson').map((d) => normalise(d, 'auto', AT));
    expect(alert).toMatchObject({ kind: 'suricata', severity: 'medium', severityRaw: 2, observedAt: '2017-04-07T21:24:37.251Z', sourceAlertId: '586497171462735:2018358' });
    expect(alert!.ips).toEqual(['192.168.2.14', '209.53.113.5']);
    expect(flow!.kind).toBe('unparsed');
  });

  it('Falco: Error → high, nanosecond time, user and file', () => {
    const [a] = fixture('falco.json').map((d) => normalise(d, 'auto', AT));
    expect(a).toMatchObject({ kind: 'falco', severity: 'high', observedAt: '2019-05-17T15:31:56.746Z', users: ['root'], files: ['/bin/hack'], hosts: ['localhost'] });
  });

  it('GuardDuty: EventBridge envelope (camelCase) and bare PascalCase finding', () => {
    const [eb] = fixture('guardduty-eventbridge.json').map((d) => normalise(d, 'auto', AT));
    expect(eb).toMatchObject({ kind: 'guardduty', severity: 'medium', severityRaw: 5, sourceRef: '16afba5c5c43e07c9e3e5e2e544e95df', hosts: ['i-99999999'], observedAt: '2025-10-18T11:58:44.000Z' });
    expect(eb!.ips).toEqual(['10.0.0.1', '198.51.100.0', '198.51.100.77']);
    const [bare] = fixture('guardduty-bare-pascal.json').map((d) => normalise(d, 'auto', AT));
    expect(bare).toMatchObject({ kind: 'guardduty', severity: 'high', users: ['alice', 'ASIA_DUMMY_KEY'], files: ['s3://customer-exports'] });
  });

  it('GuardDuty through Security Hub (ASFF in the "Findings - Imported" event): one alert per finding, keyed by the finding id; other products unparsed', () => {
    const docs = fixture('guardduty-securityhub.json');
    expect(docs).toHaveLength(2);
    const [gd, other] = docs.map((d) => normalise(d, 'auto', AT));
    expect(gd).toMatchObject({ kind: 'guardduty', severity: 'high', severityRaw: 8, sourceRef: '4ec6d1a2b3f4c5d6e7f8a9b0c1d2e3f4', observedAt: '2026-11-30T05:10:37.000Z', hosts: ['i-0a1b2c3d4e5f60718'], files: ['s3://crm-exports-prod'], domains: ['exfil.example.net'] });
    expect(gd!.rule).toMatchObject({ id: 'Exfiltration:S3-AnomalousBehavior', name: 'Anomalous S3 GetObject calls by backup-operator' });
    expect(gd!.users).toEqual(['backup-operator', 'ASIAEXAMPLEKEY0042']);
    expect(gd!.ips).toEqual(expect.arrayContaining(['10.0.3.17', '198.51.100.44', '203.0.113.91']));
    expect(other!.kind).toBe('unparsed');
    expect(normalise(docs[0]!, 'guardduty', AT).kind).toBe('guardduty');
    // Recognised by any of its product names: the ARN with one colon (as in AWS's own example), or only ProductFields' name.
    const { ProductName: _n, ...bare } = docs[0] as Record<string, unknown>;
    expect(normalise({ ...bare, ProductArn: 'arn:aws:securityhub:eu-west-1:product/aws/guardduty' }, 'auto', AT).kind).toBe('guardduty');
    expect(normalise({ ...bare, ProductArn: 'arn:aws:securityhub:eu-west-1::product/other', ProductFields: { 'aws/securityhub/ProductName': 'GuardDuty' } }, 'auto', AT).kind).toBe('guardduty');
  });

  it('Canarytokens webhook: always high, token + time as the key, "(UTC)" time', () => {
    const [a] = fixture('canarytoken.json').map((d) => normalise(d, 'auto', AT));
    expect(a).toMatchObject({ kind: 'canarytoken', severity: 'high', observedAt: '2020-06-09T14:04:39.000Z', ips: ['1.1.1.1'] });
    expect(a!.sourceRef).toBe('ztb3lx4e2k9w8q0m1n7c5v6b3@2020-06-09 14:04:39 (UTC)');
  });

  it('Canarytokens token kinds: who and where from src_data, the AWS key found in public, "(not obtained)" dropped', () => {
    const [cmd, dir, sql, aws, exposed] = fixture('canarytoken-kinds.ndjson').map((d) => normalise(d, 'auto', AT));
    expect(cmd).toMatchObject({ kind: 'canarytoken', users: ['jdoe'], hosts: ['fin-ws-0142'], files: ['klist.exe'], ips: ['192.0.2.53'], observedAt: '2026-11-30T02:14:09.000Z' });
    expect(dir).toMatchObject({ users: ['svc-backup'], hosts: ['fs02'] });
    expect(sql).toMatchObject({ users: [], hosts: [], ips: ['192.0.2.55'] });
    expect(aws).toMatchObject({ ips: ['203.0.113.77'], rule: { category: 'aws_keys' } });
    // An exposure: its own time and key, the public place as a URL, a key apart from the triggers'.
    expect(exposed).toMatchObject({ kind: 'canarytoken', severity: 'high', observedAt: '2026-11-29T22:45:00.000Z', users: ['AKIAEXAMPLECANARY0001'] });
    expect(exposed!.title).toMatch(/^Canarytoken exposed in public: /);
    expect(exposed!.urls).toContain('https://github.com/example-org/build-scripts/blob/main/ci.env');
    expect(exposed!.sourceRef).toBe('m1n2b3v4c5x6z7l8k9j0h1g2f:exposed@2026-11-29 22:45:00 (UTC)');
    expect(aws!.sourceRef).toBe('m1n2b3v4c5x6z7l8k9j0h1g2f@2026-11-30 04:10:10 (UTC)');
  });

  it('generic JSON; unknown shapes are unparsed; a pinned format reads only its own shape', () => {
    const [g] = fixture('generic.json');
    expect(normalise(g!, 'auto', AT)).toMatchObject({ kind: 'generic', severity: 'high', observedAt: '2025-11-02T09:20:00.000Z', users: ['mallory'] });
    expect(normalise({ hello: 'world' }, 'auto', AT)).toMatchObject({ kind: 'unparsed', observedAt: AT });
    expect(normalise(g!, 'wazuh', AT).kind).toBe('unparsed');
  });

  it('GuardDuty across resource types (AWS finding shapes): EKS, RDS and Runtime entities are read, not dropped', () => {
    const [ec2, eks, rds, runtime] = fixture('guardduty-types.ndjson').map((d) => normalise(d, 'auto', AT));
    expect(ec2).toMatchObject({ severity: 'medium', hosts: ['i-5c3e9a17'], ips: ['192.0.2.44', '203.0.113.41'], domains: ['sinkholed.example.org'], observedAt: '2025-09-03T14:05:52.000Z' });
    expect(eks).toMatchObject({ severity: 'high', hosts: ['demo-payments-eks'], users: ['system:anonymous'], ips: ['198.51.100.77'] });
    expect(rds).toMatchObject({ severity: 'high', hosts: ['demo-orders-db-1'], users: ['orders_reader'], ips: ['203.0.113.9'] });
    expect(runtime).toMatchObject({ hosts: ['i-0e8d41c7'], users: ['root', 'deploy'], ips: ['192.0.2.15', '203.0.113.56'] });
    expect(runtime!.hashes).toEqual(['01281c7c96b7d3d6ff8837d8e0fd5f9f238eb14287820d252a63a3d970b26947']);
    expect(runtime!.files).toEqual(expect.arrayContaining(['/usr/sbin/ledger-agent', '/var/tmp/.cache-7f3a.bin']));
  });

  it('GuardDuty PascalCase and IPv6 remote addresses are read under any action', () => {
    const f = { Arn: 'arn:aws:guardduty:eu-west-1:1:detector/d/finding/f', Id: 'f', Type: 'UnauthorizedAccess:EC2/SSHBruteForce', Severity: 2, Resource: {}, Service: { Action: { PortProbeAction: { PortProbeDetails: [{ RemoteIpDetails: { IpAddressV6: '2001:db8::7' } }] } } } };
    expect(normalise(f, 'auto', AT)).toMatchObject({ kind: 'guardduty', severity: 'low', ips: ['2001:db8::7'] });
  });

  it('Suricata EVE (-0400 zone, TLS SNI): the SNI is a domain, not one of our hosts', () => {
    const [a] = fixture('suricata-eve-tls-0400.ndjson').map((d) => normalise(d, 'auto', AT));
    expect(a).toMatchObject({ severity: 'high', observedAt: '2025-10-14T13:41:07.318Z', observedAtLocal: '2025-10-14T09:41:07.318204-0400', hosts: [], domains: ['whatismyip.example.org'] });
    expect(a!.ips).toEqual(['192.0.2.85', '198.51.100.70']);
  });

  it('Wazuh (+0500 zone): FIM hashes and file; a Windows event names its computer as a host', () => {
    const [fim, win] = fixture('wazuh-fim-windows.ndjson').map((d) => normalise(d, 'auto', AT));
    expect(fim).toMatchObject({ severity: 'low', observedAt: '2025-07-03T09:26:48.207Z', files: ['/etc/demo-ledger/ledger.conf'] });
    expect(fim!.rule.mitre).toEqual(['T1565.001']);
    expect(fim!.hashes).toHaveLength(3);
    expect(win).toMatchObject({ severity: 'low', hosts: ['demo-wks-07', 'DESKTOP-K7R2QX4'], ips: ['198.51.100.23'] });
  });

  it('Wazuh FIM who-data: the user who logged in behind sudo, the audit user, a Windows user; machine accounts are no one', () => {
    const [linux, win] = fixture('wazuh-whodata.ndjson').map((d) => normalise(d, 'auto', AT));
    expect(linux).toMatchObject({ kind: 'wazuh', hosts: ['crm-db-02'], files: ['/srv/crm/exports/customers.csv'], users: ['mbrandt', 'root'] });
    expect(win).toMatchObject({ hosts: ['fin-ws-0142'], users: ['jdoe'], observedAt: '2026-11-30T07:02:10.500Z' });
  });

  it('Falco with container and k8s fields: Warning → medium, Informational → info, MITRE tags', () => {
    const [w, i] = fixture('falco-k8s.ndjson').map((d) => normalise(d, 'auto', AT));
    expect(w).toMatchObject({ severity: 'medium', users: ['root'], files: ['/etc/shadow'], observedAt: '2025-08-21T04:17:52.663Z' });
    expect(w!.hosts).toEqual(['ef48d4dab50e', 'ledger-sync-6f9d7c5b8-q2xkp', 'demo-ledger-sync-1']);
    expect(w!.rule.mitre).toEqual(['T1555']);
    expect(i).toMatchObject({ severity: 'info', users: ['daemon'] });
  });

  it('a GuardDuty GetFindings answer is a list of alerts; an empty one stays as sent', () => {
    const findings = fixture('guardduty-types.ndjson');
    expect(parseAlertsBody(JSON.stringify({ findings }))).toHaveLength(4);
    expect(parseAlertsBody(JSON.stringify({ Findings: findings, ResponseMetadata: { RequestId: 'x' } }))).toHaveLength(4);
    expect(parseAlertsBody('{"findings":[]}')).toEqual([{ findings: [] }]);
    expect(parseAlertsBody('{"findings":[{"a":1}],"title":"t"}')).toHaveLength(1);
  });

  it('bodies: array, NDJSON, and malformed input named by line', () => {
    expect(parseAlertsBody('[{"a":1},{"b":2}]')).toHaveLength(2);
    expect(parseAlertsBody('{"a":1}\n\n{"b":2}\n')).toHaveLength(2);
    expect(() => parseAlertsBody('{"a":1}\n{"b":')).toThrow(/line 2: not valid JSON/);
    expect(() => parseAlertsBody('[1]')).toThrow(/alert 1: not a JSON object/);
    expect(() => parseAlertsBody('  ')).toThrow(/empty/);
  });
});
