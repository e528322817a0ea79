/**
 * Cloud principals correlate by their account (correlation-entities.ts, normalise/aws-principal.ts):
 * two AWS accounts' root users, or one role name in two accounts, are different principals.
 */
import { describe, expect, it } from 'vitest';
import { type AlertToCorrelate, correlate } from './correlate.js';
import { entitiesOf } from './correlation-entities.js';
import type { Json, NormalisedAlert } from './normalise/alert.js';
import { awsPrincipal, principalFromArn } from './normalise/aws-principal.js';
import { normalise } from './normalise/index.js';

const AT = '2026-03-01T10:00:00.000Z';
const keys = (a: NormalisedAlert) => entitiesOf(a).map((e) => `${e.kind}:${e.value.replace('\u0000', '@')}`);
const suspectsOf = (alerts: NormalisedAlert[]) => {
  let n = 0;
  const input: AlertToCorrelate[] = alerts.map((a) => ({ lookups: [...new Set(keys(a))], kind: a.kind, severity: a.severity, title: a.title, observedAt: a.observedAt, windowS: 3600 }));
  return correlate(input, { suspects: [], windows: [] }, () => `s${n++}`).suspectOf;
};

/** A GuardDuty GetFindings object about an access key (IAM finding types), as in fixtures/guardduty-types.ndjson. */
const finding = (account: string, type: string, key: Record<string, string>, ip: string, minute: number): Json => ({
  schemaVersion: '2.0',
  accountId: account,
  region: 'us-east-1',
  partition: 'aws',
  id: `${account}-${minute}`,
  arn: `arn:aws:guardduty:us-east-1:${account}:detector/d1/finding/${account}-${minute}`,
  type,
  title: type,
  severity: 2,
  createdAt: AT,
  updatedAt: AT,
  resource: { resourceType: 'AccessKey', accessKeyDetails: key },
  service: { serviceName: 'guardduty', action: { actionType: 'AWS_API_CALL', awsApiCallAction: { api: 'ListBuckets', remoteIpDetails: { ipAddressV4: ip } } }, eventLastSeen: new Date(Date.parse(AT) + minute * 60_000).toISOString(), count: 1 },
});
const ROOT = 'Policy:IAMUser/RootCredentialUsage';
const root = (account: string, ip: string, minute: number) => finding(account, ROOT, { accessKeyId: `ASIA${account}${minute}`, principalId: account, userName: 'Root', userType: 'Root' }, ip, minute);
const gd = (doc: Json) => normalise(doc, 'auto', AT);

describe('cloud principals correlate by their account', () => {
  it('GuardDuty: the root user as root@account, the finding type as rule@account; the value itself is kept', () => {
    const a = gd(root('111111111111', '198.51.100.7', 0));
    expect(a).toMatchObject({ users: ['Root', 'ASIA1111111111110'], account: 'aws:111111111111', principals: { Root: 'arn:aws:iam::111111111111:root' } });
    expect(keys(a)).toEqual(['user:arn:aws:iam::111111111111:root', 'user:asia1111111111110', 'ip:198.51.100.7', `rule@account:guardduty/${ROOT}@aws:111111111111`]);
  });

  it('two accounts’ root findings stay two suspects; one account’s join (the bare rule welded them)', () => {
    const s = suspectsOf([gd(root('111111111111', '198.51.100.7', 0)), gd(root('222222222222', '203.0.113.9', 5)), gd(root('111111111111', '192.0.2.44', 10))]);
    expect(s).toEqual(['s0', 's1', 's0']);
  });

  it('one role name in two accounts: two principals (role ARN + session); an IAM user by its ARN, path left out', () => {
    const role = (account: string, session: string) => gd(finding(account, 'Discovery:IAMUser/AnomalousBehavior', { accessKeyId: `ASIA${account}`, principalId: `AROAEXAMPLE:${session}`, userName: 'OrganizationAccountAccessRole', userType: 'AssumedRole' }, '198.51.100.8', 0));
    expect(keys(role('111111111111', 'ops-session'))).toContain('user:arn:aws:sts::111111111111:assumed-role/organizationaccountaccessrole/ops-session');
    expect(suspectsOf([role('111111111111', 'ops'), { ...role('222222222222', 'ops'), ips: [] }])).toEqual(['s0', 's1']);
    expect(suspectsOf([role('111111111111', 'i-0abc'), { ...role('111111111111', 'i-0abc'), ips: [] }])).toEqual(['s0', 's0']);

    // The same IAM user seen by GuardDuty (name only) and in CloudTrail via Wazuh (ARN with a path) meets.
    const gdAlice = gd(finding('333333333333', 'CredentialAccess:IAMUser/AnomalousBehavior', { accessKeyId: 'AKIAEXAMPLE1', principalId: 'AIDAEXAMPLE1', userName: 'alice', userType: 'IAMUser' }, '198.51.100.9', 0));
    const wazuh = normalise(
      { timestamp: AT, rule: { level: 5, id: '80202', description: 'AWS Cloudtrail: iam.amazonaws.com - DeleteUser.' }, agent: { id: '000', name: 'wazuh-manager' }, decoder: { name: 'json' }, data: { aws: { aws_account_id: '333333333333', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::333333333333:user/ops/alice', accountId: '333333333333', userName: 'alice', principalId: 'AIDAEXAMPLE1' } } } },
      'auto',
      AT,
    );
    expect(wazuh).toMatchObject({ kind: 'wazuh', users: ['alice'], account: 'aws:333333333333', principals: { alice: 'arn:aws:iam::333333333333:user/alice' } });
    expect(keys(gdAlice)).toContain('user:arn:aws:iam::333333333333:user/alice');
    expect(suspectsOf([gdAlice, wazuh])).toEqual(['s0', 's0']);
    // A GuardDuty finding forwarded by the Wazuh AWS module carries its account as data.aws.accountId.
    const viaWazuh = (account: string) => normalise({ timestamp: AT, rule: { level: 3, id: '80301', description: 'AWS GuardDuty: Policy:IAMUser/RootCredentialUsage' }, agent: { id: '000', name: 'wazuh-manager' }, decoder: { name: 'json' }, data: { aws: { source: 'guardduty', accountId: account } } }, 'auto', AT);
    // Its agent only collected it: shown as a host, not correlated (it welded every account's AWS alerts).
    expect(viaWazuh('555555555555').hosts).toEqual(['wazuh-manager']);
    expect(keys(viaWazuh('555555555555'))).toEqual(['rule@account:wazuh/80301@aws:555555555555']);
    expect(suspectsOf([viaWazuh('555555555555'), viaWazuh('666666666666')])).toEqual(['s0', 's1']);
    // A different account's alice is someone else.
    const other = { ...wazuh, principals: { alice: 'arn:aws:iam::444444444444:user/alice' }, hosts: [] };
    expect(suspectsOf([gdAlice, other])).toEqual(['s0', 's1']);
  });

  it('Security Hub (ASFF) and Elastic (CloudTrail integration) read the principal and its account too', () => {
    const asff = normalise(
      {
        SchemaVersion: '2018-10-08',
        Id: 'arn:aws:guardduty:eu-west-1:555555555555:detector/d/finding/f1',
        ProductArn: 'arn:aws:securityhub:eu-west-1::product/aws/guardduty',
        AwsAccountId: '555555555555',
        Types: [`TTPs/Policy/${ROOT}`],
        Title: 'Root used',
        Severity: { Product: 2 },
        CreatedAt: AT,
        UpdatedAt: AT,
        Resources: [{ Type: 'AwsIamAccessKey', Id: 'AWS::IAM::AccessKey:ASIAX', Partition: 'aws', Details: { AwsIamAccessKey: { PrincipalName: 'Root', PrincipalType: 'Root', PrincipalId: '555555555555' } } }],
      },
      'auto',
      AT,
    );
    expect(keys(asff)).toEqual(['user:arn:aws:iam::555555555555:root', `rule@account:guardduty/${ROOT}@aws:555555555555`]);
    const elastic = normalise(
      {
        'kibana.alert.rule.name': 'AWS IAM Assume Role Policy Update',
        'kibana.alert.uuid': 'e1',
        '@timestamp': AT,
        cloud: { provider: 'aws', account: { id: '666666666666' } },
        user: { name: 'OrganizationAccountAccessRole', id: 'AROAEXAMPLE:jdoe@example.com' },
        aws: { cloudtrail: { user_identity: { type: 'AssumedRole', arn: 'arn:aws:sts::666666666666:assumed-role/OrganizationAccountAccessRole/jdoe@example.com' } } },
      },
      'auto',
      AT,
    );
    expect(keys(elastic)).toContain('user:arn:aws:sts::666666666666:assumed-role/organizationaccountaccessrole/jdoe@example.com');
    expect(keys(elastic)).not.toContain('user:organizationaccountaccessrole');
  });

  it('principal identities from ARNs and from finding fields; without an account a name stays as it was', () => {
    expect(principalFromArn('arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob')).toBe('arn:aws:iam::123456789012:user/Bob');
    expect(principalFromArn('arn:aws-us-gov:iam::123456789012:root')).toBe('arn:aws-us-gov:iam::123456789012:root');
    expect(principalFromArn('arn:aws:iam::123456789012:role/service-role/Deploy')).toBe('arn:aws:iam::123456789012:role/Deploy');
    expect(principalFromArn('arn:aws:sts::123456789012:federated-user/bob')).toBe('arn:aws:sts::123456789012:federated-user/bob');
    expect(principalFromArn('arn:aws:s3:::bucket')).toBeNull();
    expect(awsPrincipal({ account: null, type: 'Root', name: 'Root', principalId: '123456789012' })).toBe('arn:aws:iam::123456789012:root');
    expect(awsPrincipal({ account: '123456789012', type: 'AssumedRole', name: 'Deploy', principalId: 'AROAX' })).toBe('arn:aws:iam::123456789012:role/Deploy');
    expect(awsPrincipal({ account: '123456789012', type: 'AWSService', name: 'ec2.amazonaws.com' })).toBe('ec2.amazonaws.com@aws:123456789012');
    expect(awsPrincipal({ account: null, type: 'IAMUser', name: 'alice' })).toBeNull();
    // A generic alert naming a user by ARN meets the same user from GuardDuty.
    const g = normalise({ title: 't', severity: 'low', users: ['arn:aws:iam::333333333333:user/ops/alice', 'alice'] }, 'auto', AT);
    expect(keys(g)).toEqual(['user:arn:aws:iam::333333333333:user/alice', 'user:alice', 'rule:generic/t']);
  });

  it('a user named like an Object.prototype member beside an AWS principal is just a user', () => {
    const a = gd(root('111111111111', '198.51.100.7', 0));
    expect(keys({ ...a, users: [...a.users, 'toString', 'constructor'] })).toContain('user:tostring');
  });

  it('Kubernetes reserved users (system:anonymous) are one per cluster: user@host', () => {
    const eks = (cluster: string) => gd({ ...(finding('777777777777', 'Persistence:Kubernetes/SuccessfulAnonymousAccess', {}, '198.51.100.77', 0) as object), resource: { resourceType: 'EKSCluster', eksClusterDetails: { name: cluster }, kubernetesDetails: { kubernetesUserDetails: { username: 'system:anonymous' } } } });
    expect(keys(eks('payments'))).toContain('user@host:system:anonymous@payments');
    expect(keys(eks('payments'))).not.toContain('user:system:anonymous');
  });
});
