import { describe, expect, it } from 'vitest';
import { type AlertToCorrelate, correlate } from './correlate.js';
import { type CorrelationPolicy, correlationPolicy, DEFAULT_POLICY, effectiveCorrelation, entitiesOf, parseCidr } from './correlation-entities.js';
import { blank, type NormalisedAlert } from './normalise/alert.js';

const AT = '2026-03-01T10:00:00.000Z';
const alert = (o: Partial<NormalisedAlert>, rule = 'r'): NormalisedAlert => ({ ...blank('generic', AT), title: rule, rule: { id: rule, name: rule, category: null, mitre: [] }, ...o });
const keys = (a: NormalisedAlert, p?: CorrelationPolicy) => entitiesOf(a, p).map((e) => `${e.kind}:${e.value.replace('\u0000', '@')}`);
/** What the writer does: one blind index per kind and value (here the clear text of it). */
const toCorrelate = (a: NormalisedAlert, observedAt: string, p?: CorrelationPolicy): AlertToCorrelate => ({ lookups: [...new Set(keys(a, p))], kind: a.kind, severity: 'low', title: a.title, observedAt, windowS: 3600 });
const suspectsOf = (alerts: AlertToCorrelate[]) => {
  let n = 0;
  return correlate(alerts, { suspects: [], windows: [] }, () => `s${n++}`).suspectOf;
};

describe('correlation entities: what identifies something, and where', () => {
  it('a local or built-in account correlates only with its host; a domain account bare', () => {
    expect(keys(alert({ hosts: ['crm-db-02'], users: ['mbrandt', 'root'] }))).toEqual(['host:crm-db-02', 'user:mbrandt', 'user@host:root@crm-db-02', 'rule:generic/r']);
    // Windows: the machine's own name or `.` as domain is a local account whatever its name;
    // NT AUTHORITY\SYSTEM and SYSTEM of one host meet; CORP\Administrator is the domain's.
    const win = alert({ hosts: ['WS-0142.corp.example'], users: ['WS-0142\\helpdesk', '.\\kiosk', 'NT AUTHORITY\\SYSTEM', 'SYSTEM', 'CORP\\Administrator', 'Administrator', 'alice@corp.example'] });
    expect(keys(win)).toEqual([
      'host:ws-0142.corp.example',
      'user@host:helpdesk@ws-0142.corp.example',
      'user@host:kiosk@ws-0142.corp.example',
      'user@host:system@ws-0142.corp.example',
      'user@host:system@ws-0142.corp.example',
      'user:corp\\administrator',
      'user@host:administrator@ws-0142.corp.example',
      'user:alice@corp.example',
      'rule:generic/r',
    ]);
    // No host to scope it to: a local account ties the alert to nothing.
    expect(keys(alert({ users: ['www-data'] }))).toEqual(['rule:generic/r']);
  });

  it('loopback, unspecified, link-local, broadcast and multicast addresses, localhost and empty-file digests do not correlate', () => {
    const a = alert({
      hosts: ['localhost', '127.0.0.1', 'web-1'],
      ips: ['127.0.0.1', '127.8.0.3', '::1', '0.0.0.0', '::', '169.254.169.254', 'fe80::1', '255.255.255.255', '224.0.0.251', 'ff02::fb', '::ffff:127.0.0.1', '10.0.0.7', '2001:db8::5'],
      hashes: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'd41d8cd98f00b204e9800998ecf8427e', 'aa'.repeat(32)],
      users: ['-', 'unknown'],
    });
    expect(keys(a)).toEqual(['host:web-1', 'ip:10.0.0.7', 'ip:2001:db8::5', `hash:${'aa'.repeat(32)}`, 'rule:generic/r']);
  });

  it('files every host has correlate as file@host; other paths bare', () => {
    expect(keys(alert({ hosts: ['a', 'b'], files: ['/etc/shadow', 'C:\\Windows\\System32\\config\\SAM', '/srv/crm/exports/customers.csv'] }))).toEqual([
      'host:a',
      'host:b',
      'file@host:/etc/shadow@a',
      'file@host:/etc/shadow@b',
      'file@host:c:\\windows\\system32\\config\\sam@a',
      'file@host:c:\\windows\\system32\\config\\sam@b',
      'file:/srv/crm/exports/customers.csv',
      'rule:generic/r',
    ]);
  });

  it('a routine rule that fires on every host (Wazuh 550 file changed) correlates as rule@host; other rules bare', () => {
    const fim = { ...alert({ hosts: ['crm-db-02'] }), kind: 'wazuh' as const, rule: { id: '550', name: 'Integrity checksum changed.', category: null, mitre: [] } };
    expect(keys(fim)).toEqual(['host:crm-db-02', 'rule@host:wazuh/550@crm-db-02']);
    expect(keys({ ...fim, rule: { ...fim.rule, id: '100051' } })).toEqual(['host:crm-db-02', 'rule:wazuh/100051']);
  });

  it("a source's own list replaces that default list only", () => {
    const p = correlationPolicy(JSON.stringify({ localAccounts: ['svc-*'], ignoreIps: ['10.99.0.0/16'] }));
    const a = alert({ hosts: ['h1'], users: ['svc-backup', 'root'], ips: ['10.99.3.4', '127.0.0.1'] });
    // Replaced, not added to: this source's ignoreIps no longer holds loopback (the view shows the
    // lists in force, so an operator starts from the defaults).
    expect(keys(a, p)).toEqual(['host:h1', 'user@host:svc-backup@h1', 'user:root', 'ip:127.0.0.1', 'rule:generic/r']);
    expect(correlationPolicy(JSON.stringify({ localAccounts: ['svc-*'], ignoreIps: ['10.99.0.0/16'] }))).toBe(p);
    expect(correlationPolicy(null)).toBe(DEFAULT_POLICY);
    expect(effectiveCorrelation({ ignoreHosts: ['x'] })).toMatchObject({ ignoreHosts: ['x'], localAccounts: expect.arrayContaining(['root', 'nt authority\\*']) });
    expect([parseCidr('10.0.0.0/8'), parseCidr('::1'), parseCidr('10.0.0.0/33'), parseCidr('nope'), parseCidr('1.2.3.4/8/1')]).toEqual([
      { address: '10.0.0.0', prefix: 8, type: 'ipv4' },
      { address: '::1', prefix: 128, type: 'ipv6' },
      null,
      null,
      null,
    ]);
  });

  it('correlate with scoped lookups: two hosts’ root alerts stay two suspects, one host’s join, a domain user joins across hosts, 127.0.0.1 joins nothing', () => {
    const t = (m: number) => new Date(Date.parse(AT) + m * 60_000).toISOString();
    const s = suspectsOf([
      toCorrelate(alert({ hosts: ['db-1'], users: ['root'], ips: ['127.0.0.1'] }, 'fim-1'), t(0)),
      toCorrelate(alert({ hosts: ['web-7'], users: ['root'], ips: ['127.0.0.1'] }, 'fim-2'), t(5)),
      toCorrelate(alert({ hosts: ['db-1'], users: ['NT AUTHORITY\\SYSTEM', 'root'] }, 'fim-3'), t(10)),
      toCorrelate(alert({ hosts: ['hr-3'], users: ['alice'] }, 'vpn-1'), t(15)),
      toCorrelate(alert({ hosts: ['fin-9'], users: ['alice'] }, 'dlp-1'), t(20)),
      toCorrelate(alert({ hosts: ['ops-2'], ips: ['127.0.0.1', '::1'] }, 'scan-1'), t(25)),
    ]);
    expect(s).toEqual(['s0', 's1', 's0', 's2', 's2', 's3']);
    // The bare account, as before this policy, welded the first two hosts into one suspect.
    const bare = (a: NormalisedAlert, at: string): AlertToCorrelate => ({ ...toCorrelate(a, at), lookups: [...a.hosts.map((h) => `host:${h}`), ...a.users.map((u) => `user:${u}`)] });
    expect(suspectsOf([bare(alert({ hosts: ['db-1'], users: ['root'] }), t(0)), bare(alert({ hosts: ['web-7'], users: ['root'] }), t(5))])).toEqual(['s0', 's0']);
  });
});
