/**
 * AWS IAM (query API 2010-05-08, through @aws-sdk/client-iam):
 *
 * - `deactivate-access-key`: UpdateAccessKey Status=Inactive — calls signed with the key fail at
 *   once; undo sets the saved status back (Active). The key's user comes from
 *   GetAccessKeyLastUsed unless given; ListAccessKeys reads the status back.
 * - `delete-access-key`: DeleteAccessKey — **irreversible** (a deleted key cannot be recreated;
 *   reference §7.2), so it always needs an approval.
 * - `revoke-sessions`: what the console's "Revoke active sessions" does
 *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html): an
 *   inline policy `AWSRevokeOlderSessions` denying everything to credentials issued before now
 *   (`DateLessThan aws:TokenIssueTime`). Disabling a key never ends temporary credentials already
 *   issued (they live 15 min – 36 h); this does. Undo removes exactly that policy, or puts back
 *   the one that had that name before. Read back with GetRolePolicy / GetUserPolicy (IAM returns
 *   the document URL-encoded, RFC 3986).
 *
 * Access key ids are credentials' names: errors and plans show them masked ("AKIA…MPLE").
 */
import { z } from 'zod';
import { type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';
import { AWS_SECRETS, AwsConfig, type AwsClients, awsClients, awsCode, awsError, awsSend, awsWhoAmI } from './aws.js';
import { maskTarget } from '../masking.js';

export interface AwsIamHandle extends ConnectorHandle, AwsClients {}

const KEY_ID = /^AKIA[A-Z0-9]{12,124}$/;
/** The policy name the IAM console uses for "Revoke active sessions". */
export const REVOKE_POLICY = 'AWSRevokeOlderSessions';

const KeyParams = z.object({ userName: z.string().min(1).max(64).optional() }).strict();
type KeyParams = z.infer<typeof KeyParams>;
type KeyState = { userName: string; status: 'Active' | 'Inactive' | 'absent' };

async function keyState(h: AwsIamHandle, keyId: string, p: KeyParams): Promise<KeyState> {
  if (/^ASIA/.test(keyId)) throw new PermanentError(`${maskTarget(keyId)} is a temporary key (STS): it cannot be deactivated; revoke the role's sessions (revoke-sessions) instead`);
  if (!KEY_ID.test(keyId)) throw new PermanentError('target is not an AWS access key id (AKIA…)');
  const masked = maskTarget(keyId);
  const userName =
    p.userName ??
    (await awsSend(`${h.what} IAM`, () => h.iam.send(new h.sdk.iam.GetAccessKeyLastUsedCommand({ AccessKeyId: keyId })), `AWS access key ${masked} not found in this account`)).UserName;
  if (!userName) throw new PermanentError(`AWS access key ${masked} has no IAM user (a root key: deactivate it as the root user)`);
  let marker: string | undefined;
  do {
    const r = await awsSend(`${h.what} IAM`, () => h.iam.send(new h.sdk.iam.ListAccessKeysCommand({ UserName: userName, Marker: marker })), `IAM user "${userName}" not found`);
    const k = r.AccessKeyMetadata?.find((m) => m.AccessKeyId === keyId);
    if (k) return { userName, status: k.Status === 'Inactive' ? 'Inactive' : 'Active' };
    marker = r.IsTruncated ? r.Marker : undefined;
  } while (marker);
  return { userName, status: 'absent' };
}

async function present(h: AwsIamHandle, keyId: string, p: KeyParams): Promise<KeyState & { status: 'Active' | 'Inactive' }> {
  const s = await keyState(h, keyId, p);
  if (s.status === 'absent') throw new PermanentError(`AWS access key ${maskTarget(keyId)} not found for IAM user "${s.userName}"`);
  return s as KeyState & { status: 'Active' | 'Inactive' };
}

const setStatus = (h: AwsIamHandle, keyId: string, userName: string, Status: 'Active' | 'Inactive') =>
  awsSend(`${h.what} IAM`, () => h.iam.send(new h.sdk.iam.UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: keyId, Status })), `AWS access key ${maskTarget(keyId)} not found for IAM user "${userName}"`);

const deactivate: Operation<AwsIamHandle, KeyParams, KeyState> = {
  name: 'deactivate-access-key',
  title: 'Deactivate an access key (UpdateAccessKey Status=Inactive)',
  target: 'access key id (AKIA…)',
  params: KeyParams,
  reversible: true,
  secretTarget: true,
  approval: 'commander',
  capture: (h, t, p) => present(h, t, p),
  plan: (t, _p, pre) => [`${maskTarget(t)} of IAM user ${pre.userName}: ${pre.status} → Inactive (calls signed with it fail at once)`, 'temporary credentials already issued with it stay valid until they expire: also revoke-sessions'],
  async apply(h, t, p, pre) {
    if ((await present(h, t, { ...p, userName: pre.userName })).status !== 'Inactive') await setStatus(h, t, pre.userName, 'Inactive');
    return `${maskTarget(t)} is Inactive`;
  },
  async verify(h, t, p, pre) {
    const s = await present(h, t, { ...p, userName: pre.userName });
    return { ok: s.status === 'Inactive', observed: `${maskTarget(t)}: ${s.status} (ListAccessKeys)` };
  },
  describeUndo: (t, _p, pre) => `${maskTarget(t)} of IAM user ${pre.userName}: ${pre.status} again`,
  async undo(h, t, p, pre) {
    if (pre.status === 'absent') return;
    if ((await present(h, t, { ...p, userName: pre.userName })).status !== pre.status) await setStatus(h, t, pre.userName, pre.status);
  },
};

const remove: Operation<AwsIamHandle, KeyParams, KeyState> = {
  name: 'delete-access-key',
  title: 'Delete an access key (DeleteAccessKey) — cannot be undone',
  target: 'access key id (AKIA…)',
  params: KeyParams,
  reversible: false,
  secretTarget: true,
  approval: 'commander',
  // A key already deleted reads as `absent` (so a retried job finishes); an unknown one fails in GetAccessKeyLastUsed.
  capture: (h, t, p) => keyState(h, t, p),
  plan: (t, _p, pre) => [pre.status === 'absent' ? `${maskTarget(t)}: already deleted, nothing to do` : `${maskTarget(t)} of IAM user ${pre.userName} (${pre.status}) is deleted for good`],
  async apply(h, t, p, pre) {
    if ((await keyState(h, t, { ...p, userName: pre.userName })).status !== 'absent') {
      await awsSend(`${h.what} IAM`, () => h.iam.send(new h.sdk.iam.DeleteAccessKeyCommand({ UserName: pre.userName, AccessKeyId: t })), `AWS access key ${maskTarget(t)} not found for IAM user "${pre.userName}"`);
    }
    return `${maskTarget(t)} deleted`;
  },
  async verify(h, t, p, pre) {
    const s = await keyState(h, t, { ...p, userName: pre.userName });
    return { ok: s.status === 'absent', observed: s.status === 'absent' ? `${maskTarget(t)} is no longer listed for ${pre.userName}` : `${maskTarget(t)}: ${s.status}` };
  },
  describeUndo: () => 'nothing: a deleted access key cannot be restored (issue a new one)',
  async undo() {
    throw new PermanentError('a deleted AWS access key cannot be restored');
  },
};

const SessionParams = z.object({ principal: z.enum(['role', 'user']).default('role') }).strict();
type SessionParams = z.infer<typeof SessionParams>;
type SessionState = { policy: string | null };

/** The console's deny-older-sessions document (id_roles_use_revoke-sessions.html). */
export function revokeOlderSessionsPolicy(cutoff: Date): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: { DateLessThan: { 'aws:TokenIssueTime': cutoff.toISOString().replace(/\.\d{3}Z$/, 'Z') } } }],
  });
}

function isRevokePolicy(doc: string | null): boolean {
  if (!doc) return false;
  try {
    const s = (JSON.parse(doc) as { Statement?: Array<Record<string, unknown>> }).Statement?.[0];
    return s?.Effect === 'Deny' && !!(s.Condition as { DateLessThan?: Record<string, string> } | undefined)?.DateLessThan?.['aws:TokenIssueTime'];
  } catch {
    return false;
  }
}

async function sessionPolicy(h: AwsIamHandle, name: string, p: SessionParams): Promise<SessionState> {
  const what = `${h.what} IAM`;
  if (p.principal === 'role') await awsSend(what, () => h.iam.send(new h.sdk.iam.GetRoleCommand({ RoleName: name })), `IAM role "${name}" not found`);
  else await awsSend(what, () => h.iam.send(new h.sdk.iam.GetUserCommand({ UserName: name })), `IAM user "${name}" not found`);
  try {
    const r = p.principal === 'role' ? await h.iam.send(new h.sdk.iam.GetRolePolicyCommand({ RoleName: name, PolicyName: REVOKE_POLICY })) : await h.iam.send(new h.sdk.iam.GetUserPolicyCommand({ UserName: name, PolicyName: REVOKE_POLICY }));
    return { policy: r.PolicyDocument ? decodeURIComponent(r.PolicyDocument) : null };
  } catch (e) {
    if (awsCode(e) === 'NoSuchEntity') return { policy: null };
    throw awsError(e, what);
  }
}

async function putPolicy(h: AwsIamHandle, name: string, p: SessionParams, doc: string | null): Promise<void> {
  const what = `${h.what} IAM`;
  if (doc === null) {
    const cmd = p.principal === 'role' ? new h.sdk.iam.DeleteRolePolicyCommand({ RoleName: name, PolicyName: REVOKE_POLICY }) : new h.sdk.iam.DeleteUserPolicyCommand({ UserName: name, PolicyName: REVOKE_POLICY });
    await h.iam.send(cmd as never).catch((e: unknown) => {
      if (awsCode(e) !== 'NoSuchEntity') throw awsError(e, what);
    });
    return;
  }
  const cmd = p.principal === 'role' ? new h.sdk.iam.PutRolePolicyCommand({ RoleName: name, PolicyName: REVOKE_POLICY, PolicyDocument: doc }) : new h.sdk.iam.PutUserPolicyCommand({ UserName: name, PolicyName: REVOKE_POLICY, PolicyDocument: doc });
  await awsSend(what, () => h.iam.send(cmd as never));
}

const revokeSessions: Operation<AwsIamHandle, SessionParams, SessionState> = {
  name: 'revoke-sessions',
  title: 'Revoke active sessions: deny credentials issued before now (inline policy AWSRevokeOlderSessions)',
  target: 'IAM role name (or user name with principal "user")',
  params: SessionParams,
  reversible: true,
  approval: 'commander',
  capture: (h, t, p) => sessionPolicy(h, t, p),
  plan: (t, p, pre) => [
    `${p.principal} ${t}: put inline policy ${REVOKE_POLICY} denying every action to credentials issued before the run (aws:TokenIssueTime)`,
    pre.policy ? `it replaces the ${REVOKE_POLICY} policy already there (undo puts that one back)` : 'new credentials (assume the role again) keep working',
  ],
  async apply(h, t, p, pre) {
    // Idempotent: once a newer deny-older-sessions policy is in place, a second run keeps its cut-off.
    const now = await sessionPolicy(h, t, p);
    if (!(isRevokePolicy(now.policy) && now.policy !== pre.policy)) await putPolicy(h, t, p, revokeOlderSessionsPolicy(new Date()));
    return `${p.principal} ${t}: sessions issued before now are denied`;
  },
  async verify(h, t, p, pre) {
    const now = await sessionPolicy(h, t, p);
    const ok = isRevokePolicy(now.policy) && now.policy !== pre.policy;
    const cutoff = ok ? (JSON.parse(now.policy!) as { Statement: Array<{ Condition: { DateLessThan: Record<string, string> } }> }).Statement[0]!.Condition.DateLessThan['aws:TokenIssueTime'] : null;
    return { ok, observed: ok ? `${REVOKE_POLICY} denies credentials issued before ${cutoff}` : `${t}: no new ${REVOKE_POLICY} policy` };
  },
  describeUndo: (t, p, pre) => (pre.policy ? `${p.principal} ${t}: the earlier ${REVOKE_POLICY} policy again` : `${p.principal} ${t}: policy ${REVOKE_POLICY} removed (sessions issued meanwhile stay valid)`),
  async undo(h, t, p, pre) {
    if ((await sessionPolicy(h, t, p)).policy !== pre.policy) await putPolicy(h, t, p, pre.policy);
  },
};

export const awsIamConnector: ConnectorKind<AwsIamHandle, AwsConfig> = {
  kind: 'aws-iam',
  title: 'AWS IAM',
  config: AwsConfig,
  secrets: AWS_SECRETS,
  operations: [deactivate, remove, revokeSessions],
  connect: async (config, secrets) => awsClients(config, secrets),
  check: (h) => awsWhoAmI(h),
};
