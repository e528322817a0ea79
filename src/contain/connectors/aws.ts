/**
 * What the AWS connectors share: settings, credentials and the mapping of AWS errors to the
 * connector contract. Calls go through the AWS SDK v3 clients (SigV4-signed query API POSTs; the
 * SDK's standard retry mode backs off on `Throttling` / `RequestLimitExceeded` and 5xx, up to
 * `maxAttempts`), with an `endpoint` override for VPC endpoints, other partitions and the tests'
 * HTTP fake. With `roleArn` the connector first assumes that role (STS AssumeRole) with the
 * stored key and works with the temporary credentials, renewed before they expire.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { z } from 'zod';
import { isUnreachable, PermanentError, TransientError } from '../connector.js';

export const AwsConfig = z.object({
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1')
    .default('us-east-1'),
  /** Endpoint override (a VPC endpoint, a test fake); AWS's own endpoints otherwise. */
  endpoint: z.string().url().optional(),
  /** Assume this role with the stored key (cross-account responders). */
  roleArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'an IAM role ARN')
    .optional(),
  /** Attempts per call, the first included, when AWS throttles or fails (SDK standard retry mode). */
  maxAttempts: z.number().int().min(1).max(10).default(4),
});
export type AwsConfig = z.infer<typeof AwsConfig>;

export const AWS_SECRETS = ['accessKeyId', 'secretAccessKey'] as const;

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };

/** The SDK modules, loaded on first use: importing client-ec2 alone costs ~0.8 CPU-s, which every CLI command and server start would pay otherwise. */
export interface AwsSdk {
  iam: typeof import('@aws-sdk/client-iam');
  ec2: typeof import('@aws-sdk/client-ec2');
  sts: typeof import('@aws-sdk/client-sts');
}
let loading: Promise<AwsSdk> | null = null;
function awsSdk(): Promise<AwsSdk> {
  if (!loading) loading = Promise.all([import('@aws-sdk/client-iam'), import('@aws-sdk/client-ec2'), import('@aws-sdk/client-sts')]).then(([iam, ec2, sts]) => ({ iam, ec2, sts }));
  return loading;
}

export interface AwsClients {
  sdk: AwsSdk;
  iam: IAMClient;
  ec2: EC2Client;
  sts: STSClient;
  what: string;
  close(): Promise<void>;
}

export async function awsClients(config: AwsConfig, secrets: Record<string, string>): Promise<AwsClients> {
  if (!secrets.accessKeyId || !secrets.secretAccessKey) throw new PermanentError('the AWS connector needs the secrets accessKeyId and secretAccessKey');
  const base = {
    region: config.region,
    maxAttempts: config.maxAttempts,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    // Each peer call times out (docs/containment.md: 30 s per step); the SDK's own retries sit inside.
    requestHandler: { requestTimeout: 15_000, connectionTimeout: 5_000 },
  };
  const sdk = await awsSdk();
  const stored: Credentials = { accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.secretAccessKey };
  const sts = new sdk.sts.STSClient({ ...base, credentials: stored });
  let assumed: Credentials | null = null;
  const credentials = config.roleArn
    ? async (): Promise<Credentials> => {
        // Renew five minutes before the temporary credentials expire.
        if (assumed?.expiration && assumed.expiration.getTime() - Date.now() > 300_000) return assumed;
        const r = await awsSend(`AWS STS AssumeRole ${config.roleArn}`, () => sts.send(new sdk.sts.AssumeRoleCommand({ RoleArn: config.roleArn, RoleSessionName: 'breachdesk-containment', DurationSeconds: 3600 })));
        const c = r.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new PermanentError(`AWS STS AssumeRole ${config.roleArn} returned no credentials`);
        assumed = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
        return assumed;
      }
    : stored;
  const iam = new sdk.iam.IAMClient({ ...base, credentials });
  const ec2 = new sdk.ec2.EC2Client({ ...base, credentials });
  // With a role, "who am I" asks as the role: a second STS client on the assumed credentials.
  const caller = config.roleArn ? new sdk.sts.STSClient({ ...base, credentials }) : sts;
  return {
    sdk,
    iam,
    ec2,
    sts: caller,
    what: `AWS${config.endpoint ? ` at ${config.endpoint}` : ` ${config.region}`}`,
    close: async () => {
      for (const c of new Set([iam, ec2, sts, caller])) c.destroy();
    },
  };
}

/** "Check connection": who the credentials are (STS GetCallerIdentity needs no permission). */
export async function awsWhoAmI(c: AwsClients): Promise<string> {
  const r = await awsSend(c.what, () => c.sts.send(new c.sdk.sts.GetCallerIdentityCommand({})));
  return `AWS credentials accepted: ${r.Arn} (account ${r.Account})`;
}

const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestThrottled', 'SlowDown']);
const REFUSED = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'IncompleteSignature', 'AuthFailure', 'ExpiredToken', 'ExpiredTokenException', 'MissingAuthenticationToken', 'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'InvalidAccessKeyId']);

/** An AWS SDK error's code: the XML `<Code>` (the SDK puts it in `name`, or `Code` for unmodelled errors). */
export function awsCode(e: unknown): string {
  const x = e as { Code?: string; name?: string } | null;
  return String(x?.Code ?? x?.name ?? '').replace(/Exception$/, '');
}

/**
 * Maps an AWS error to the contract's: throttling (after the SDK's own retries), 5xx and network
 * failures are transient, so the job retries later; a refused credential, a missing entity and
 * any other 4xx are permanent. `notFound` replaces AWS's message for NoSuchEntity / *.NotFound,
 * so that a key id in it is not echoed unmasked.
 */
export function awsError(e: unknown, what: string, notFound?: string): Error {
  if (e instanceof PermanentError || e instanceof TransientError) return e;
  const code = awsCode(e);
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const msg = (e as Error)?.message ?? String(e);
  if (isUnreachable(e) || ['TimeoutError', 'RequestTimeout'].includes(code)) return new TransientError(`${what} is unreachable (${(e as { code?: string }).code ?? code})`);
  if (THROTTLED.has(code) || status === 429) return new TransientError(`${what} is throttling requests (${code || `HTTP ${status}`}); retry later`);
  if (REFUSED.has(code)) return new PermanentError(`${what} refused the credential (${code}): ${msg}`);
  if (/^NoSuchEntity$|\.NotFound$|\.Malformed$/.test(code)) return new PermanentError(notFound ?? `${what}: ${code}: ${msg}`);
  if (status !== undefined && status >= 400 && status < 500) return new PermanentError(`${what}: ${code}: ${msg}`);
  return new TransientError(`${what}: ${code || 'error'}${status ? ` (HTTP ${status})` : ''}: ${msg}`);
}

/** Sends a command, mapping errors (`notFound`: the message for a missing entity). */
export async function awsSend<T>(what: string, call: () => Promise<T>, notFound?: string): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw awsError(e, what, notFound);
  }
}
