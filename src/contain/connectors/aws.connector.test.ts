/**
 * The connector contract for AWS IAM and EC2 isolation against a local HTTP fake of the query
 * APIs that checks each request's SigV4 signature; throttling, refused credentials and the
 * assume-role path.
 */
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorContract, type LiveSession } from '../../../test/support/connector-contract.js';
import { type AwsFake, startAwsFake } from '../../../test/support/peers/aws-fake.js';
import { findOperation, PermanentError, TransientError } from '../connector.js';
import { awsEc2Connector } from './aws-ec2.connector.js';
import { awsIamConnector, REVOKE_POLICY } from './aws-iam.connector.js';

let fake: AwsFake;
const ADMIN = { accessKeyId: 'AKIAADMIN0000000TEST', secretAccessKey: 'admin/secret+key0123456789abcdefghijklm' };
const LEAKED = { accessKeyId: 'AKIALEAKED00001234AB', secretAccessKey: 'leaked/secret+key0123456789abcdefghijkl' };
const OTHER = 'AKIAOTHER000005678CD';
const ISO = 'sg-0150a7e000000001';

beforeAll(async () => {
  fake = await startAwsFake();
  fake.users.set('breachdesk', new Map());
  fake.users.set('alice', new Map());
  fake.users.set('bob', new Map([[REVOKE_POLICY, '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"2020-01-01T00:00:00Z"}}}]}']]));
  fake.keys.set(ADMIN.accessKeyId, { user: 'breachdesk', secret: ADMIN.secretAccessKey, status: 'Active' });
  fake.keys.set(LEAKED.accessKeyId, { user: 'alice', secret: LEAKED.secretAccessKey, status: 'Active' });
  fake.keys.set(OTHER, { user: 'alice', secret: 'x', status: 'Active' });
  fake.roles.set('ci-deploy', new Map());
  fake.roles.set('breachdesk-responder', new Map());
  fake.securityGroups.set('sg-0eb0000000000001', 'web');
  fake.securityGroups.set('sg-055a000000000002', 'ssh');
  fake.securityGroups.set(ISO, 'isolation');
  fake.instances.set('i-0abc1234def567890', [
    { eni: 'eni-0primary0000001', groups: ['sg-0eb0000000000001', 'sg-055a000000000002'] },
    { eni: 'eni-0second0000002', groups: ['sg-055a000000000002'] },
  ]);
});
afterAll(async () => fake?.stop());

/** A client that signs with `creds`: alive while AWS accepts its calls. */
function callsWith(creds: () => { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): () => Promise<LiveSession> {
  return async () => {
    const c = new EC2Client({ region: 'eu-west-1', endpoint: fake.url, credentials: creds(), maxAttempts: 1 });
    return {
      alive: () => c.send(new DescribeInstancesCommand({})).then(() => true, () => false),
      close: async () => c.destroy(),
    };
  };
}

/** Temporary credentials of `ci-deploy` issued a second ago (as if assumed by a CI job before the incident). */
function ciSession() {
  const id = 'ASIACIDEPLOY00000001';
  fake.sessions.set(id, { role: 'ci-deploy', secret: 'ci/secret', token: 'ci-token', issuedAt: new Date(Date.now() - 1000) });
  return { accessKeyId: id, secretAccessKey: 'ci/secret', sessionToken: 'ci-token' };
}

const config = () => ({ region: 'eu-west-1', endpoint: fake.url });

describe('AWS IAM connector contract (HTTP fake, SigV4 checked)', () => {
  connectorContract({
    kind: awsIamConnector,
    config,
    secrets: () => ADMIN,
    cases: [
      { operation: 'deactivate-access-key', target: LEAKED.accessKeyId, live: callsWith(() => LEAKED) },
      { operation: 'revoke-sessions', target: 'ci-deploy', live: callsWith(ciSession) },
      { operation: 'revoke-sessions', target: 'bob', params: { principal: 'user' } },
      { operation: 'delete-access-key', target: OTHER, params: { userName: 'alice' }, live: callsWith(() => ({ accessKeyId: OTHER, secretAccessKey: 'x' })) },
    ],
    unknownTarget: { operation: 'deactivate-access-key', target: 'AKIANOSUCHKEY0009999', message: /^AWS access key AKIA…9999 not found in this account$/ },
    unreachable: () => ({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:1', maxAttempts: 1 }),
  });
});

describe('AWS EC2 isolation connector contract (HTTP fake, through an assumed role)', () => {
  connectorContract({
    kind: awsEc2Connector,
    config: () => ({ ...config(), roleArn: `arn:aws:iam::${fake.account}:role/breachdesk-responder`, isolationGroupId: ISO }),
    secrets: () => ADMIN,
    cases: [{ operation: 'isolate-instance', target: 'i-0abc1234def567890' }],
    unknownTarget: { operation: 'isolate-instance', target: 'i-0000000000dead000' },
    unreachable: () => ({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:1', maxAttempts: 1 }),
  });
});

describe('AWS errors, throttling and what each operation leaves behind', () => {
  const open = (secrets = ADMIN, extra: Record<string, unknown> = {}) => awsIamConnector.connect(awsIamConnector.config.parse({ ...config(), ...extra }), secrets);

  it('retries Throttling with backoff inside one call, then gives a transient error', async () => {
    const h = await open();
    try {
      const op = findOperation(awsIamConnector, 'deactivate-access-key');
      fake.throttle(2);
      const before = fake.requests.length;
      expect(await op.capture(h, LEAKED.accessKeyId, {})).toEqual({ userName: 'alice', status: 'Active' });
      expect(fake.requests.length - before).toBe(2); // GetAccessKeyLastUsed + ListAccessKeys, after 2 throttled answers
      fake.throttle(10);
      const err = await op.capture(h, LEAKED.accessKeyId, {}).catch((e: unknown) => e);
      fake.throttle(0);
      expect(err).toBeInstanceOf(TransientError);
      expect((err as Error).message).toBe(`AWS at ${fake.url} IAM is throttling requests (Throttling); retry later`);
    } finally {
      await h.close();
    }
  }, 30_000);

  it('a wrong secret fails the signature check: a permanent, clear error; a missing secret too', async () => {
    const h = await open({ ...ADMIN, secretAccessKey: 'wrong' });
    const err = await awsIamConnector.check(h).catch((e: unknown) => e);
    await h.close();
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as Error).message).toMatch(/^AWS at http:\/\/127\.0\.0\.1:\d+ refused the credential \(SignatureDoesNotMatch\)/);
    const missing = await open({ accessKeyId: ADMIN.accessKeyId } as typeof ADMIN).catch((e: unknown) => e);
    expect((missing as Error).message).toBe('the AWS connector needs the secrets accessKeyId and secretAccessKey');
  });

  it('check names the caller; temporary and malformed key ids are refused before any call', async () => {
    const h = await open();
    try {
      expect(await awsIamConnector.check(h)).toBe(`AWS credentials accepted: arn:aws:iam::${fake.account}:user/breachdesk (account ${fake.account})`);
      const op = findOperation(awsIamConnector, 'deactivate-access-key');
      await expect(op.capture(h, 'ASIAXXXXXXXXXXXX1234', {})).rejects.toThrow(/^ASIA…1234 is a temporary key \(STS\)/);
      await expect(op.capture(h, 'not-a-key', {})).rejects.toThrow('target is not an AWS access key id (AKIA…)');
    } finally {
      await h.close();
    }
  });

  it('revoke-sessions writes the documented deny-older-sessions document; undo removes exactly that policy', async () => {
    const h = await open();
    try {
      fake.roles.get('ci-deploy')!.set('keep-me', '{"Version":"2012-10-17","Statement":[]}');
      const op = findOperation(awsIamConnector, 'revoke-sessions');
      const p = op.params.parse({});
      const pre = await op.capture(h, 'ci-deploy', p);
      await op.apply(h, 'ci-deploy', p, pre, { label: 't' });
      const doc = JSON.parse(fake.roles.get('ci-deploy')!.get(REVOKE_POLICY)!);
      expect(doc.Statement[0]).toMatchObject({ Effect: 'Deny', Action: ['*'], Resource: ['*'] });
      expect(Date.parse(doc.Statement[0].Condition.DateLessThan['aws:TokenIssueTime'])).toBeGreaterThan(Date.now() - 5000);
      await op.undo(h, 'ci-deploy', p, pre);
      expect([...fake.roles.get('ci-deploy')!.keys()]).toEqual(['keep-me']);
      await expect(op.capture(h, 'no-such-role', p)).rejects.toThrow('IAM role "no-such-role" not found');
    } finally {
      await h.close();
    }
  });

  it('EC2: an unknown isolation group and a missing one are clear errors', async () => {
    const h = await awsEc2Connector.connect(awsEc2Connector.config.parse(config()), ADMIN);
    try {
      const op = findOperation(awsEc2Connector, 'isolate-instance');
      await expect(op.capture(h, 'i-0abc1234def567890', {})).rejects.toThrow('no isolation security group: set isolationGroupId on the connector or the action');
      const p = { isolationGroupId: 'sg-0dead0000000000ff' };
      const pre = await op.capture(h, 'i-0abc1234def567890', p);
      await expect(op.apply(h, 'i-0abc1234def567890', p, pre, { label: 't' })).rejects.toThrow(/^network interface eni-0primary0000001 or one of the groups sg-0dead0000000000ff not found$/);
      expect(fake.instances.get('i-0abc1234def567890')![0]!.groups).toEqual(['sg-0eb0000000000001', 'sg-055a000000000002']);
      await expect(op.capture(h, 'web-1', p)).rejects.toThrow('"web-1" is not an EC2 instance id (i-…)');
      // The contract suite above worked through the role it assumed.
      expect(fake.requests).toContain('sts AssumeRole');
    } finally {
      await h.close();
    }
  });
});
