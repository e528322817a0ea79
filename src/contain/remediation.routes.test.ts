/**
 * Secure and suggest over the API on both dialects: remediation items close only with evidence
 * of the fix (a verified action of the incident, a finished scan no longer finding the secret),
 * and observables and scan findings become ready-made plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/dialects.js';
import { type AwsFake, startAwsFake } from '../../test/support/peers/aws-fake.js';
import { type RedisPeer, startRedis } from '../../test/support/peers/redis-peer.js';
import { type SaasFake, startSaasFake } from '../../test/support/peers/saas-fakes.js';
import { startTestServer, type TestServer } from '../../test/support/server.js';
import { waitFor } from '../../test/support/wait.js';

const AWS_KEY = 'AKIAZ7VRSQ5TJBFE1234';
const GH_TOKEN = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const LEAK = `deploy.sh ran with\nAWS_ACCESS_KEY_ID=${AWS_KEY}\nAWS_SECRET_ACCESS_KEY=kQ3vZ8pL2mN7xR4tY9wB1cF6hJ0dS5gA/eU+iO3k\nGITHUB_TOKEN=${GH_TOKEN}\n`;

const report = (secrets: Record<string, { count: number; samples: string[] }>) => ({
  version: 1,
  files: [],
  totals: { records: 0, recordsWithPersonalData: 0, individuals: 0, individualsMethod: 'none' },
  elements: {},
  combinations: [],
  jurisdictions: {},
  secrets,
  columns: [],
  matching: { customers: 0, matched: 0, unmatched: 0 },
  performance: { durationMs: 1, bytesPerSecond: 1, peakRssBytes: 1 },
});

for (const dialect of testDialects()) {
  describe(`remediation and suggestions on ${dialect}`, () => {
    let s: TestServer;
    let cmd: string;
    let viewer: string;
    let incident: string;
    let githubScan: string;

    beforeAll(async () => {
      s = await startTestServer(dialect);
      cmd = await s.tokenFor('incident_commander', 'ic-1');
      viewer = await s.tokenFor('viewer', 'viewer-1');
      incident = (await s.api('/api/v1/incidents', { token: cmd, body: { title: 'Token leak' } })).body.id;
      await s.api(`/api/v1/incidents/${incident}/members`, { token: cmd, body: { username: 'viewer-1', role: 'member' } });
    });
    afterAll(async () => s?.close());

    it('offers plans from observables and scan findings', async () => {
      await s.api(`/api/v1/incidents/${incident}/observables`, { token: cmd, body: { kind: 'account', value: 'alice' } });
      await s.api(`/api/v1/incidents/${incident}/observables`, { token: cmd, body: { kind: 'ip', value: '203.0.113.9' } });
      await s.api('/api/v1/connectors', { token: cmd, body: { name: 'dir', kind: 'ldap', config: { url: 'ldap://127.0.0.1:1', bindDN: 'cn=admin', baseDN: 'dc=x' } } });
      const imp = await s.api(`/api/v1/incidents/${incident}/assessments/import`, { token: cmd, body: { report: report({ github_token: { count: 12, samples: ['…a1b2', '…c3d4'] } }) } });
      expect(imp.status).toBe(201);
      githubScan = imp.body.id;
      const r = await s.api(`/api/v1/incidents/${incident}/action-suggestions`, { token: cmd });
      expect(r.status).toBe(200);
      const by = Object.fromEntries(r.body.items.map((x: { operation: string }) => [x.operation, x]));
      expect(by['lock-account']).toMatchObject({ connectorKind: 'ldap', connectors: ['dir'], targets: ['alice'] });
      expect(by['block-ip']).toMatchObject({ connectorKind: 'nftables', targets: ['203.0.113.9'] });
      expect(by['revoke-token']).toMatchObject({ title: 'Revoke 12 GitHub tokens found by the scan', source: 'scan', count: 12, targets: [], samples: ['…a1b2', '…c3d4'] });
      // Newer scans carry the scanner's revocation advice per provider: one plan per provider.
      await s.api(`/api/v1/incidents/${incident}/assessments/import`, {
        token: cmd,
        body: {
          report: report({
            database_url: {
              count: 3,
              samples: ['postgres://app:…@db'],
              providers: { database: 3 },
              revocation: [{ provider: 'database', revocable: true, action: 'rotate_password', how: 'Rotate the password of the database account.' }],
            } as never,
          }),
        },
      });
      const newer = await s.api(`/api/v1/incidents/${incident}/action-suggestions`, { token: cmd });
      expect(newer.body.items.find((x: { source: string }) => x.source === 'scan')).toMatchObject({
        title: 'Revoke 3 database credential(s) found by the scan (database_url)',
        connectorKind: 'postgres',
        operation: 'rotate-password',
        how: 'Rotate the password of the database account.',
      });
      // A viewer sees the plan with the account masked and no ready targets.
      const v = await s.api(`/api/v1/incidents/${incident}/action-suggestions`, { token: viewer });
      expect(v.body.items.find((x: { operation: string }) => x.operation === 'lock-account').targets).toEqual([]);
    });

    it('a scanned leak with an AWS key and a GitHub token gives ready-made plans with masked targets, planned as they stand', async () => {
      const aws: AwsFake = await startAwsFake();
      const gh: SaasFake = await startSaasFake();
      try {
        aws.users.set('ops', new Map());
        aws.users.set('deployer', new Map());
        aws.keys.set('AKIAADMIN0000000TEST', { user: 'ops', secret: 'admin-secret', status: 'Active' });
        aws.keys.set(AWS_KEY, { user: 'deployer', secret: 'kQ3vZ8pL2mN7xR4tY9wB1cF6hJ0dS5gA/eU+iO3k', status: 'Active' });
        gh.githubTokens.add(GH_TOKEN);
        const leak = (await s.api('/api/v1/incidents', { token: cmd, body: { title: 'CI secrets leaked' } })).body.id;
        await s.api(`/api/v1/incidents/${leak}/members`, { token: cmd, body: { username: 'viewer-1', role: 'member' } });
        for (const [name, kind, config, secrets] of [
          ['aws-prod', 'aws-iam', { region: 'eu-west-1', endpoint: aws.url }, { accessKeyId: 'AKIAADMIN0000000TEST', secretAccessKey: 'admin-secret' }],
          ['github', 'github', { baseUrl: gh.url }, {}],
        ] as const) {
          expect((await s.api('/api/v1/connectors', { token: cmd, body: { name, kind, config, secrets } })).status).toBe(201);
        }
        const up = await fetch(`${s.url}/api/v1/incidents/${leak}/evidence?name=ci-log.txt`, { method: 'POST', headers: { authorization: `Bearer ${cmd}`, 'content-type': 'application/octet-stream' }, body: LEAK });
        const evidenceId = ((await up.json()) as { id: string }).id;
        const scan = await s.api(`/api/v1/incidents/${leak}/assessments`, { token: cmd, body: { evidenceIds: [evidenceId] } });
        expect(scan.status).toBe(202);
        await waitFor(async () => (await s.api(`/api/v1/assessments/${scan.body.id}`, { token: cmd })).body.status === 'done');

        const r = await s.api(`/api/v1/incidents/${leak}/action-suggestions`, { token: cmd });
        expect(r.text).not.toContain(AWS_KEY);
        expect(r.text).not.toContain(GH_TOKEN);
        const byKind = Object.fromEntries(r.body.items.filter((x: { ready: number }) => x.ready > 0).map((x: { connectorKind: string }) => [x.connectorKind, x]));
        // The secret key's line names no key id here: its plan holds no target (suggestions.test.ts pairs them).
        expect(r.body.items.filter((x: { operation: string; ready: number }) => x.operation === 'deactivate-access-key' && x.ready > 0)).toHaveLength(1);
        expect(byKind['aws-iam']).toMatchObject({ title: 'Deactivate AWS access key AKIA…1234', operation: 'deactivate-access-key', connectors: ['aws-prod'], ready: 1, maskedTargets: ['AKIA…1234'], targets: [] });
        expect(byKind.github).toMatchObject({ title: 'Revoke GitHub token ghp_…Q7r8', operation: 'revoke-token', connectors: ['github'], ready: 1, maskedTargets: ['ghp_…Q7r8'] });
        // A viewer sees the same masked plans and cannot plan them.
        const seen = await s.api(`/api/v1/incidents/${leak}/action-suggestions`, { token: viewer });
        expect(seen.body.items.find((x: { id: string }) => x.id === byKind['aws-iam'].id).maskedTargets).toEqual(['AKIA…1234']);
        expect((await s.api(`/api/v1/incidents/${leak}/action-suggestions/${byKind.github.id}/plan`, { token: viewer, body: {} })).status).toBe(403);

        const planned = await s.api(`/api/v1/incidents/${leak}/action-suggestions/${byKind['aws-iam'].id}/plan`, { token: cmd, body: {} });
        expect(planned.status).toBe(201);
        expect(planned.text).not.toContain(AWS_KEY);
        expect(planned.body.items).toHaveLength(1);
        expect(planned.body.items[0]).toMatchObject({ connector: { name: 'aws-prod', kind: 'aws-iam' }, target: 'AKIA…1234', state: 'planned', error: null, undoPreview: 'AKIA…1234 of IAM user deployer: Active again' });
        expect(planned.body.items[0].plan[0]).toBe('AKIA…1234 of IAM user deployer: Active → Inactive (calls signed with it fail at once)');
        expect(planned.body.items[0].links.map((l: { type: string; id: string }) => `${l.type}:${l.id}`)).toEqual([`finding:${scan.body.id}/aws_access_key_id`]);
        const gp = await s.api(`/api/v1/incidents/${leak}/action-suggestions/${byKind.github.id}/plan`, { token: cmd, body: { connector: 'github' } });
        expect(gp.body.items[0]).toMatchObject({ target: 'ghp_…Q7r8', state: 'planned', approval: 'commander', reversible: false, plan: ['POST /credentials/revoke: the token stops working for good'] });
        // The AWS key really is deactivated by the planned action once approved and run.
        const ids = { actionIds: [planned.body.items[0].id] };
        expect((await s.api(`/api/v1/incidents/${leak}/actions/approve`, { token: cmd, body: ids })).body.items[0].ok).toBe(true);
        await s.api(`/api/v1/incidents/${leak}/actions/run`, { token: cmd, body: ids });
        await waitFor(async () => aws.keys.get(AWS_KEY)?.status === 'Inactive', 20_000);
        // `scan --incident` uploads its values with the report (up to 1,000 per type; element samples stay at 5).
        const tokens = Array.from({ length: 7 }, (_, i) => `ghp_${'Z9y8X7w6V5'.repeat(3)}${i}abcdefghi`);
        const up7 = await s.api(`/api/v1/incidents/${leak}/assessments/import`, { token: cmd, body: { report: report({ github_token: { count: 7, samples: ['ghp_…ghi'] } }), rawSamples: { 'secret:github_token:github': tokens } } });
        expect(up7.status).toBe(201);
        const seven = (await s.api(`/api/v1/incidents/${leak}/action-suggestions`, { token: cmd })).body.items.find((x: { connectorKind: string }) => x.connectorKind === 'github');
        expect(seven).toMatchObject({ title: 'Revoke these 7 GitHub tokens', ready: 7 });
        expect(seven.maskedTargets).toHaveLength(7);
        const six = await s.api(`/api/v1/incidents/${leak}/assessments/import`, { token: cmd, body: { report: report({}), rawSamples: { email: ['a', 'b', 'c', 'd', 'e', 'f'] } } });
        expect(six.status).toBe(400);
        // A suggestion without held values says how to plan it instead.
        const none = await s.api(`/api/v1/incidents/${incident}/action-suggestions/scan:database_url:database/plan`, { token: cmd, body: { connector: 'dir' } });
        expect(none.status).toBe(400);
        expect(none.body.detail).toBe('suggestion scan:database_url:database: Breachdesk holds no targets for it (masked for your role, or a scan that kept no values): plan it with its targets');
      } finally {
        await aws.stop();
        await gh.stop();
      }
    }, 90_000);

    it('closes a remediation item only with evidence that the fix holds', async () => {
      const item = await s.api(`/api/v1/incidents/${incident}/remediations`, { token: cmd, body: { rootCause: 'CI log printed a GitHub token', fix: 'Mask secrets in CI logs; rotate the token', owner: 'Platform team', due: '2026-12-20' } });
      expect(item.status).toBe(201);
      const close = (evidence: unknown) => s.api(`/api/v1/incidents/${incident}/remediations/${item.body.id}/close`, { token: cmd, body: { evidence } });
      const stillThere = await close({ type: 'assessment', id: githubScan, secretType: 'github_token' });
      expect(stillThere.status).toBe(400);
      expect(stillThere.body.detail).toBe(`evidence: scan ${githubScan} still finds github_token`);
      expect((await close({ type: 'action', id: 'nope' })).body.detail).toBe('evidence: action nope is not an action of this incident');
      expect((await close({ type: 'evidence', id: 'nope' })).body.detail).toBe('evidence: evidence nope is not evidence of this incident');
      expect((await s.api(`/api/v1/incidents/${incident}/remediations/${item.body.id}/close`, { token: viewer, body: { evidence: { type: 'action', id: 'x' } } })).status).toBe(403);

      const rescan = await s.api(`/api/v1/incidents/${incident}/assessments/import`, { token: cmd, body: { report: report({}) } });
      const ok = await close({ type: 'assessment', id: rescan.body.id, secretType: 'github_token', note: 'rescan of the CI logs is clean' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'closed', closedBy: 'ic-1', evidence: { type: 'assessment', secretType: 'github_token' } });
      expect((await close({ type: 'assessment', id: rescan.body.id, secretType: 'github_token' })).status).toBe(409);
      const list = await s.api(`/api/v1/incidents/${incident}/remediations`, { token: viewer });
      expect(list.body.items).toHaveLength(1);
      const audit = await s.platform.audit.list({ subjectType: 'remediation' });
      expect(audit.map((e) => e.action)).toEqual(['remediation.created', 'remediation.closed']);
    });

    it('an action that is done but not verified is no evidence; verified it is, and so is an evidence file', async () => {
      const redis: RedisPeer = await startRedis();
      try {
        await redis.aclUsers(['etl']);
        await s.api('/api/v1/connectors', { token: cmd, body: { name: `cache-${dialect}`, kind: 'redis', config: { port: redis.port }, secrets: { password: '' }, approvals: { 'disable-user': 'none' } } });
        const plan = await s.api(`/api/v1/incidents/${incident}/actions`, { token: cmd, body: { connector: `cache-${dialect}`, operation: 'disable-user', targets: ['etl'] } });
        const actionId = plan.body.items[0].id;
        await s.api(`/api/v1/incidents/${incident}/actions/run`, { token: cmd, body: { actionIds: [actionId] } });
        await waitFor(async () => (await s.api(`/api/v1/incidents/${incident}/actions?bulkId=${plan.body.bulkId}`, { token: cmd })).body.items[0].state === 'done');
        const item = await s.api(`/api/v1/incidents/${incident}/remediations`, { token: cmd, body: { rootCause: 'ETL password in a public gist', fix: 'Switch the ETL user off; new credentials' } });
        const close = (evidence: unknown) => s.api(`/api/v1/incidents/${incident}/remediations/${item.body.id}/close`, { token: cmd, body: { evidence } });
        const early = await close({ type: 'action', id: actionId });
        expect(early.status).toBe(400);
        expect(early.body.detail).toBe(`evidence: action ${actionId} is done, not verified: verify it first`);
        expect((await s.api(`/api/v1/incidents/${incident}/actions/verify`, { token: cmd, body: { actionIds: [actionId] } })).body.items[0]).toMatchObject({ ok: true, state: 'verified' });
        expect((await close({ type: 'action', id: actionId })).body).toMatchObject({ status: 'closed', evidence: { type: 'action', id: actionId } });

        const other = await s.api(`/api/v1/incidents/${incident}/remediations`, { token: cmd, body: { rootCause: 'Gist public', fix: 'Gist deleted' } });
        const up = await fetch(`${s.url}/api/v1/incidents/${incident}/evidence?name=gist-404.png`, { method: 'POST', headers: { authorization: `Bearer ${cmd}`, 'content-type': 'application/octet-stream' }, body: 'PNG screenshot of the 404' });
        const evidenceId = ((await up.json()) as { id: string }).id;
        const byFile = await s.api(`/api/v1/incidents/${incident}/remediations/${other.body.id}/close`, { token: cmd, body: { evidence: { type: 'evidence', id: evidenceId } } });
        expect(byFile.body).toMatchObject({ status: 'closed', evidence: { type: 'evidence', id: evidenceId } });
      } finally {
        await redis.stop();
      }
    });

    it('links an item only to a task of the same incident', async () => {
      const tasks = await s.api(`/api/v1/incidents/${incident}/tasks?limit=5`, { token: cmd });
      const task = tasks.body.items[0].id;
      const body = { rootCause: 'CI log printed a GitHub token', fix: 'Rotate the token' };
      const linked = await s.api(`/api/v1/incidents/${incident}/remediations`, { token: cmd, body: { ...body, taskId: task } });
      expect(linked.status).toBe(201);
      expect(linked.body.taskId).toBe(task);
      const other = (await s.api('/api/v1/incidents', { token: cmd, body: { title: 'Another incident' } })).body.id;
      const wrong = await s.api(`/api/v1/incidents/${other}/remediations`, { token: cmd, body: { ...body, taskId: task } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.detail).toBe(`taskId: this incident has no task ${task}`);
    });
  });
}
