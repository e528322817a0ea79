/**
 * Issue 15 §2 over HTTP on both dialects: correlation does not weld unrelated alerts together on
 * values every machine has. A local account (`root`, also as Wazuh who-data's effective user of a
 * sudo'd change) joins alerts of its own host only; a domain user still joins across hosts;
 * 127.0.0.1 joins nothing, yet every value is still stored and shown. The lists are the source's
 * own (`correlation` on the source config) with documented defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/dialects.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const T0 = Date.parse('2026-03-02T01:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A Wazuh FIM who-data alert (the shape of src/confirm/fixtures/wazuh-whodata.ndjson): `login` ran `sudo cp` on `host`. */
const whodata = (host: string, ip: string, login: string, path: string, minutes: number, id: string) => ({
  timestamp: at(minutes).replace('Z', '+0000'),
  rule: { level: 7, description: 'Integrity checksum changed.', id: '550', groups: ['ossec', 'syscheck'] },
  agent: { id: id.slice(-3), name: host, ip },
  id,
  full_log: `File '${path}' modified\nMode: whodata\n`,
  syscheck: { path, mode: 'whodata', event: 'modified', audit: { user: { id: '0', name: 'root' }, login_user: { id: '1004', name: login }, effective_user: { id: '0', name: 'root' }, process: { name: '/usr/bin/cp', parent_name: '/usr/bin/sudo' } } },
  decoder: { name: 'syscheck_integrity_changed' },
  location: 'syscheck',
});

for (const dialect of testDialects()) {
  describe(`correlation on identifying entities only, on ${dialect}`, () => {
    let s: TestServer;
    let admin: string;
    let responder: string;
    let secret: string;
    type Answer = { id: string; suspectId: string };
    const send = async (alert: Record<string, unknown>): Promise<Answer> => {
      const r = await s.api('/api/v1/intake/fleet', { method: 'POST', body: JSON.stringify(alert), headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` } });
      expect(r.status).toBe(201);
      return r.body.alerts[0];
    };

    beforeAll(async () => {
      s = await startTestServer(dialect);
      admin = await s.tokenFor('admin');
      responder = await s.tokenFor('responder');
      const src = await s.api('/api/v1/intake-sources', { token: admin, body: { name: 'fleet', auth: 'token' } });
      expect(src.status).toBe(201);
      secret = src.body.secret;
    }, 60_000);
    afterAll(async () => s?.close());

    it('two hosts’ root alerts stay two suspects; one host’s two root alerts join', async () => {
      const db1 = await send({ title: 'Shadow file read', severity: 'medium', time: at(0), rule: { id: 'edr-31' }, hosts: ['db-1'], users: ['root'] });
      const web7 = await send({ title: 'Crontab changed', severity: 'medium', time: at(3), rule: { id: 'edr-32' }, hosts: ['web-7'], users: ['root'] });
      expect(web7.suspectId).not.toBe(db1.suspectId);
      const db1Again = await send({ title: 'New SUID binary', severity: 'high', time: at(6), rule: { id: 'edr-33' }, hosts: ['DB-1'], users: ['ROOT'] });
      expect(db1Again.suspectId).toBe(db1.suspectId);

      // Wazuh who-data: root is the effective user of every sudo'd change; two people's changes on two hosts are two suspects.
      const crm = await send(whodata('crm-db-02', '10.20.0.12', 'mbrandt', '/srv/crm/exports/customers.csv', 10, '1772413800.1001'));
      const pay = await send(whodata('pay-app-04', '10.20.0.44', 'kpatel', '/srv/pay/settle/batch.csv', 12, '1772413920.1002'));
      expect(pay.suspectId).not.toBe(crm.suspectId);
      expect([crm.suspectId, pay.suspectId]).not.toContain(db1.suspectId);
      // … and the effective user is still there for the responder to read.
      const shown = await s.api(`/api/v1/intake/alerts/${crm.id}?unmask=true`, { token: await s.tokenFor('incident_commander') });
      expect(shown.body.users).toEqual(['mbrandt', 'root']);
    });

    it('a domain user on two hosts still joins; 127.0.0.1 joins nothing but is stored and shown', async () => {
      const vpn = await send({ title: 'Impossible travel', severity: 'medium', time: at(30), rule: { id: 'idp-7' }, hosts: ['vpn-gw-1'], users: ['alice'] });
      const fs = await send({ title: 'Bulk export', severity: 'high', time: at(40), rule: { id: 'dlp-2' }, hosts: ['fs-3'], users: ['alice'] });
      expect(fs.suspectId).toBe(vpn.suspectId);

      const a = await send({ title: 'Local proxy started', severity: 'low', time: at(50), rule: { id: 'edr-40' }, hosts: ['kiosk-1'], ips: ['127.0.0.1'] });
      const b = await send({ title: 'Loopback listener', severity: 'low', time: at(51), rule: { id: 'edr-41' }, hosts: ['kiosk-2'], ips: ['127.0.0.1', '::1'] });
      expect(b.suspectId).not.toBe(a.suspectId);
      const shown = await s.api(`/api/v1/intake/alerts/${b.id}`, { token: responder });
      expect(shown.body.ips).toEqual(['127.0.0.1', '::1']);
      const detail = await s.api(`/api/v1/triage/suspects/${b.suspectId}`, { token: responder });
      expect(detail.body.alerts.map((x: { title: string }) => x.title)).toEqual(['Loopback listener']);
    });

    it('AWS: two accounts’ root-credential findings stay two suspects; one account’s root joins; a role name is one per account', async () => {
      const finding = (account: string, minutes: number, key: Record<string, string>, ip: string, type = 'Policy:IAMUser/RootCredentialUsage') => ({
        schemaVersion: '2.0',
        accountId: account,
        region: 'us-east-1',
        partition: 'aws',
        id: `gd-${account}-${minutes}`,
        arn: `arn:aws:guardduty:us-east-1:${account}:detector/d1/finding/gd-${account}-${minutes}`,
        type,
        title: `${type} in ${account}`,
        severity: 2,
        createdAt: at(minutes),
        updatedAt: at(minutes),
        resource: { resourceType: 'AccessKey', accessKeyDetails: key },
        service: { serviceName: 'guardduty', action: { actionType: 'AWS_API_CALL', awsApiCallAction: { api: 'ListBuckets', remoteIpDetails: { ipAddressV4: ip } } }, eventLastSeen: at(minutes), count: 1 },
      });
      const root = (account: string, minutes: number, ip: string) => finding(account, minutes, { accessKeyId: `ASIA${account}${minutes}`, principalId: account, userName: 'Root', userType: 'Root' }, ip);
      const a1 = await send(root('111111111111', 80, '198.51.100.10'));
      const b1 = await send(root('222222222222', 82, '198.51.100.20'));
      expect(b1.suspectId).not.toBe(a1.suspectId);
      const a2 = await send(root('111111111111', 84, '198.51.100.30'));
      expect(a2.suspectId).toBe(a1.suspectId);
      // The role every member account of an organisation has, in two accounts: two principals.
      const role = (account: string, minutes: number, ip: string) => finding(account, minutes, { accessKeyId: `ASIAR${account}`, principalId: 'AROAEXAMPLE:ops', userName: 'OrganizationAccountAccessRole', userType: 'AssumedRole' }, ip, 'Discovery:IAMUser/AnomalousBehavior');
      const r1 = await send(role('333333333333', 86, '198.51.100.40'));
      const r2 = await send(role('444444444444', 88, '198.51.100.50'));
      expect(r2.suspectId).not.toBe(r1.suspectId);
      expect([r1.suspectId, r2.suspectId]).not.toContain(a1.suspectId);
      // The user is shown as GuardDuty named it.
      const shown = await s.api(`/api/v1/intake/alerts/${b1.id}?unmask=true`, { token: await s.tokenFor('incident_commander') });
      expect(shown.body.users).toEqual(['Root', 'ASIA22222222222282']);
    });

    it("a source's own lists: shown in force with the defaults for the rest, changed in place, a bad CIDR answers 400", async () => {
      const list = await s.api('/api/v1/intake-sources', { token: admin });
      const fleet = list.body.items.find((x: { name: string }) => x.name === 'fleet');
      expect(fleet.correlation.localAccounts).toEqual(expect.arrayContaining(['root', 'www-data', 'ec2-user', 'nt authority\\*']));
      expect(fleet.correlation.ignoreIps).toEqual(expect.arrayContaining(['127.0.0.0/8', '::1/128', '169.254.0.0/16']));

      const own = await s.api('/api/v1/intake-sources', { token: admin, body: { name: 'lab', auth: 'token', correlation: { localAccounts: ['root', 'Lab-Admin'], ignoreIps: ['127.0.0.0/8', '10.66.0.0/16'] } } });
      expect(own.status).toBe(201);
      expect(own.body.source.correlation).toMatchObject({ localAccounts: ['root', 'lab-admin'], ignoreIps: ['127.0.0.0/8', '10.66.0.0/16'], ignoreHosts: fleet.correlation.ignoreHosts });
      const lab = (alert: Record<string, unknown>) =>
        s.api('/api/v1/intake/lab', { method: 'POST', body: JSON.stringify(alert), headers: { 'content-type': 'application/json', authorization: `Bearer ${own.body.secret}` } }).then((r) => r.body.alerts[0] as Answer);
      const x = await lab({ title: 'Lab login', severity: 'low', time: at(60), rule: { id: 'lab-1' }, hosts: ['lab-1'], users: ['lab-admin'], ips: ['10.66.1.1'] });
      const y = await lab({ title: 'Lab sudo', severity: 'low', time: at(61), rule: { id: 'lab-2' }, hosts: ['lab-2'], users: ['lab-admin'], ips: ['10.66.1.1'] });
      expect(y.suspectId).not.toBe(x.suspectId);
      // www-data is no longer local for this source (its list replaced the default): it joins across hosts.
      const w1 = await lab({ title: 'Web shell', severity: 'high', time: at(62), rule: { id: 'lab-3' }, hosts: ['lab-3'], users: ['www-data'] });
      const w2 = await lab({ title: 'Web shell 2', severity: 'high', time: at(63), rule: { id: 'lab-4' }, hosts: ['lab-4'], users: ['www-data'] });
      expect(w2.suspectId).toBe(w1.suspectId);

      // An existing source's lists change in place (its token stays); null is the defaults again.
      const patched = await s.api('/api/v1/intake-sources/lab', { method: 'PATCH', token: admin, body: { correlation: { localAccounts: ['www-data'] } } });
      expect(patched.status).toBe(200);
      expect(patched.body.correlation.localAccounts).toEqual(['www-data']);
      const w3 = await lab({ title: 'Web shell 3', severity: 'high', time: at(64), rule: { id: 'lab-5' }, hosts: ['lab-5'], users: ['www-data'] });
      expect(w3.suspectId).not.toBe(w1.suspectId);
      const reset = await s.api('/api/v1/intake-sources/lab', { method: 'PATCH', token: admin, body: { correlation: null } });
      expect(reset.body.correlation).toEqual(fleet.correlation);
      const changes = (await s.platform.audit.list({ subjectType: 'intake_source' })).filter((e) => e.action === 'intake.source_changed');
      expect(changes).toHaveLength(2);
      expect(changes[0]).toMatchObject({ before: { correlation: { localAccounts: ['root', 'lab-admin'] } }, after: { correlation: { localAccounts: ['www-data'] } } });
      expect((await s.api('/api/v1/intake-sources/nope', { method: 'PATCH', token: admin, body: { correlation: null } })).status).toBe(404);
      expect((await s.api('/api/v1/intake-sources/lab', { method: 'PATCH', token: responder, body: { correlation: null } })).status).toBe(403);

      const bad = await s.api('/api/v1/intake-sources', { token: admin, body: { name: 'bad', auth: 'token', correlation: { ignoreIps: ['127.0.0.0/40'] } } });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('CIDR');
    });
  });
}
