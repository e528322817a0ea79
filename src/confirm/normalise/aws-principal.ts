/**
 * An AWS principal's account-qualified identity (pure), for correlation: the name GuardDuty,
 * CloudTrail (as Wazuh and Elastic forward it) and Security Hub give a principal — `Root`, an IAM
 * user or role name — names one only within its account. Every account has a root user, and an
 * organisation's member accounts share role names (`OrganizationAccountAccessRole`), so bare they
 * welded unrelated accounts' findings into one suspect.
 *
 * The identity is the principal's ARN as the IAM User Guide "IAM identifiers" writes it:
 * - root user `arn:<partition>:iam::<account>:root` (root@account);
 * - IAM user `arn:<partition>:iam::<account>:user/<name>` (a role `…:role/<name>`), its path left
 *   out: user and role names are unique within an account whatever their path, and GuardDuty
 *   names the user without it;
 * - role session `arn:<partition>:sts::<account>:assumed-role/<role>/<session>` (the role and the
 *   session: two sessions of one role are two actors, e.g. two instances or two SSO users);
 * - federated user `arn:<partition>:sts::<account>:federated-user/<name>`;
 * - any other principal type: `<name>@aws:<account>`.
 */
import type { NormalisedAlert } from './alert.js';

/** `aws:<account id>`: the account, tagged by cloud so that another cloud's id never meets it. */
export const awsAccount = (id: string | null | undefined): string | null => (id && /^\d{12}$/.test(id.trim()) ? `aws:${id.trim()}` : null);

/** The identity of an ARN that names a principal, else null (an ARN of anything else stays as written). */
export function principalFromArn(arn: string): string | null {
  const m = /^arn:([a-z-]+):(iam|sts)::(\d{12}):(.+)$/i.exec(arn.trim());
  if (!m) return null;
  const [, partition, service, account, resource] = m as unknown as [string, string, string, string, string];
  const head = `arn:${partition}:${service}::${account}:`;
  if (service.toLowerCase() === 'iam' && resource.toLowerCase() === 'root') return `${head}root`;
  const parts = resource.split('/');
  const type = parts[0]!.toLowerCase();
  if (service.toLowerCase() === 'iam' && (type === 'user' || type === 'role') && parts.length >= 2) return `${head}${type}/${parts.at(-1)}`;
  if (service.toLowerCase() === 'sts' && (type === 'assumed-role' || type === 'federated-user')) return `${head}${resource}`;
  return null;
}

export interface AwsIdentityFields {
  /** The principal's ARN, where the tool gives it (CloudTrail `userIdentity.arn`). */
  arn?: string | null;
  account: string | null;
  partition?: string | null;
  /** `Root`, `IAMUser`, `AssumedRole`, `FederatedUser` … (GuardDuty `userType`, CloudTrail `userIdentity.type`, ASFF `PrincipalType`). */
  type: string | null;
  /** The name the tool gives (GuardDuty `userName`: for a role session, the role's name). */
  name: string | null;
  /** `AROA…:<session>` for a role session; the account id for the root user. */
  principalId?: string | null;
}

/** The principal's identity from a finding's fields, or null when they do not say which account. */
export function awsPrincipal(f: AwsIdentityFields): string | null {
  const fromArn = f.arn ? principalFromArn(f.arn) : null;
  if (fromArn) return fromArn;
  const type = f.type?.trim().toLowerCase() ?? '';
  const account = (f.account ?? (type === 'root' ? f.principalId : null))?.trim() ?? '';
  if (!/^\d{12}$/.test(account)) return null;
  const head = (service: string) => `arn:${f.partition?.trim() || 'aws'}:${service}::${account}:`;
  const name = f.name?.trim() || null;
  if (type === 'root') return `${head('iam')}root`;
  if (!name) return null;
  if (type === 'iamuser') return `${head('iam')}user/${name}`;
  if (type === 'federateduser') return `${head('sts')}federated-user/${name}`;
  if (type === 'assumedrole') {
    const session = f.principalId?.includes(':') ? f.principalId.slice(f.principalId.indexOf(':') + 1) : '';
    return session ? `${head('sts')}assumed-role/${name}/${session}` : `${head('iam')}role/${name}`;
  }
  return `${name}@aws:${account}`;
}

/**
 * Records on the alert the AWS account it is about and, for each user value read from an AWS
 * identity, that principal's identity (what correlation joins on, NormalisedAlert.principals).
 */
export function scopeToAws(a: NormalisedAlert, accountId: string | null, identities: Array<{ value: string | null } & AwsIdentityFields>): void {
  const account = awsAccount(accountId);
  if (account) a.account = account;
  for (const { value, ...f } of identities) {
    const p = value && a.users.includes(value) ? awsPrincipal(f) : null;
    if (p) a.principals = { ...a.principals, [value!]: p };
  }
}
