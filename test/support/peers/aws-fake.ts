/**
 * A local HTTP fake of the AWS query APIs the AWS connectors call (DESIGN.md: cloud APIs are the
 * one thing mocked, and only at the HTTP level). Like AWS it takes form-encoded POSTs
 * (`Action=…&Version=…`), checks each request's Signature Version 4 itself (its own
 * implementation of the documented algorithm, not the SDK's signer: a wrong secret is
 * `SignatureDoesNotMatch`, an unknown or Inactive key `InvalidClientTokenId`), and answers in the
 * services' XML: IAM (2010-05-08; lists as `<member>`, inline policies URL-encoded, errors as
 * `<ErrorResponse>`, `NoSuchEntity` = 404), STS (2011-06-15: AssumeRole, GetCallerIdentity) and
 * EC2 (2016-11-15; lists as `<item>`, errors as `<Response><Errors>`, e.g.
 * `InvalidInstanceID.NotFound`). `throttle(n)` answers the next n requests with `Throttling`
 * (IAM/STS, HTTP 400) or `RequestLimitExceeded` (EC2, HTTP 503) as AWS does under load.
 *
 * Temporary credentials (AssumeRole) carry their issue time, and calls made with them are
 * refused (`AccessDenied`) when an inline policy of the role denies everything with
 * `DateLessThan aws:TokenIssueTime` after it — the documented effect of "Revoke active sessions"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';

export interface FakeKey {
  user: string;
  secret: string;
  status: 'Active' | 'Inactive';
}

export interface FakeSession {
  role: string;
  secret: string;
  token: string;
  issuedAt: Date;
}

export interface AwsFake {
  url: string;
  account: string;
  /** Access keys by id (the connector's own and leaked ones). */
  keys: Map<string, FakeKey>;
  /** IAM users and roles with their inline policies (name → JSON document). */
  users: Map<string, Map<string, string>>;
  roles: Map<string, Map<string, string>>;
  /** Temporary credentials by access key id (ASIA…). */
  sessions: Map<string, FakeSession>;
  /** EC2 instances: their network interfaces and each one's security groups. */
  instances: Map<string, Array<{ eni: string; groups: string[] }>>;
  securityGroups: Map<string, string>;
  /** The next n requests are throttled. */
  throttle(n: number): void;
  /** `service Action` of every request that passed the signature check. */
  requests: string[];
  stop(): Promise<void>;
}

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hmac = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** RFC 3986 encoding, as IAM returns policy documents. */
const uriEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** SigV4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html) for a POST to `/` without a query. */
function expectedSignature(secret: string, headers: Record<string, string | string[] | undefined>, signed: string[], body: string, scope: string[]): string {
  const amzDate = String(headers['x-amz-date'] ?? '');
  const canonicalHeaders = signed.map((h) => `${h}:${String(headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = ['POST', '/', '', canonicalHeaders, signed.join(';'), sha256(body)].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope.join('/'), sha256(canonical)].join('\n');
  const [date, region, service, term] = scope;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), service!), term!);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

export async function startAwsFake(): Promise<AwsFake> {
  const account = '123456789012';
  const keys = new Map<string, FakeKey>();
  const users = new Map<string, Map<string, string>>();
  const roles = new Map<string, Map<string, string>>();
  const sessions = new Map<string, FakeSession>();
  const instances = new Map<string, Array<{ eni: string; groups: string[] }>>();
  const securityGroups = new Map<string, string>();
  const requests: string[] = [];
  let throttled = 0;

  const xml = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomBytes(8).toString('hex') });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
  };
  const queryOk = (service: string, action: string, result = '') => {
    const ns = service === 'sts' ? 'https://sts.amazonaws.com/doc/2011-06-15/' : 'https://iam.amazonaws.com/doc/2010-05-08/';
    return `<${action}Response xmlns="${ns}">${result ? `<${action}Result>${result}</${action}Result>` : ''}<ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata></${action}Response>`;
  };
  const queryErr = (res: ServerResponse, status: number, code: string, message: string) =>
    xml(res, status, `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`);
  const ec2Err = (res: ServerResponse, status: number, code: string, message: string) =>
    xml(res, status, `<Response><Errors><Error><Code>${code}</Code><Message>${esc(message)}</Message></Error></Errors><RequestID>${randomBytes(8).toString('hex')}</RequestID></Response>`);
  const ec2Ok = (action: string, inner: string) => `<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomBytes(8).toString('hex')}</requestId>${inner}</${action}Response>`;

  /** Whether the role's inline policies deny a session issued at `issuedAt` (Deny * on * with DateLessThan aws:TokenIssueTime). */
  const revoked = (role: string, issuedAt: Date) =>
    [...(roles.get(role)?.values() ?? [])].some((doc) => {
      const stmts = ([] as Array<Record<string, unknown>>).concat((JSON.parse(doc) as { Statement: Record<string, unknown> }).Statement);
      return stmts.some((s) => {
        const cutoff = (s.Condition as { DateLessThan?: Record<string, string> } | undefined)?.DateLessThan?.['aws:TokenIssueTime'];
        return s.Effect === 'Deny' && ([] as unknown[]).concat(s.Action).includes('*') && ([] as unknown[]).concat(s.Resource).includes('*') && !!cutoff && issuedAt < new Date(cutoff);
      });
    });

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/(aws4_request), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
      const service = auth?.[4] ?? '';
      const err = service === 'ec2' ? ec2Err : queryErr;
      if (!auth) return err(res, 403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
      const [, keyId, date, region, , term, signedHeaders, signature] = auth as unknown as string[];
      const session = sessions.get(keyId!);
      const key = keys.get(keyId!);
      const secret = session?.secret ?? (key?.status === 'Active' ? key.secret : undefined);
      if (!secret || (session && req.headers['x-amz-security-token'] !== session.token)) {
        return err(res, 403, service === 'ec2' ? 'AuthFailure' : 'InvalidClientTokenId', 'The security token included in the request is invalid.');
      }
      const signed = signedHeaders!.split(';');
      if (!signed.includes('host') || expectedSignature(secret, req.headers, signed, body, [date!, region!, service, term!]) !== signature) {
        return err(res, 403, service === 'ec2' ? 'AuthFailure' : 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.');
      }
      if (throttled > 0) {
        throttled--;
        return service === 'ec2' ? ec2Err(res, 503, 'RequestLimitExceeded', 'Request limit exceeded.') : queryErr(res, 400, 'Throttling', 'Rate exceeded');
      }
      const action = form.get('Action') ?? '';
      requests.push(`${service} ${action}`);
      if (session && action !== 'GetCallerIdentity' && revoked(session.role, session.issuedAt)) {
        return err(res, 403, service === 'ec2' ? 'UnauthorizedOperation' : 'AccessDenied', `User: arn:aws:sts::${account}:assumed-role/${session.role}/s is not authorized to perform: ${service}:${action} with an explicit deny in an identity-based policy`);
      }
      const caller = session ? `arn:aws:sts::${account}:assumed-role/${session.role}/breachdesk` : `arn:aws:iam::${account}:user/${key!.user}`;

      if (service === 'sts') {
        if (action === 'GetCallerIdentity') return xml(res, 200, queryOk('sts', action, `<Arn>${caller}</Arn><UserId>AIDA${keyId!.slice(4)}</UserId><Account>${account}</Account>`));
        if (action === 'AssumeRole') {
          const role = /^arn:aws:iam::\d{12}:role\/(.+)$/.exec(form.get('RoleArn') ?? '')?.[1];
          if (!role || !roles.has(role)) return queryErr(res, 403, 'AccessDenied', `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${form.get('RoleArn')}`);
          const id = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
          const s: FakeSession = { role, secret: randomBytes(20).toString('base64'), token: randomBytes(32).toString('base64'), issuedAt: new Date() };
          sessions.set(id, s);
          const expires = new Date(Date.now() + 3600_000).toISOString();
          return xml(res, 200, queryOk('sts', action, `<Credentials><AccessKeyId>${id}</AccessKeyId><SecretAccessKey>${s.secret}</SecretAccessKey><SessionToken>${s.token}</SessionToken><Expiration>${expires}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::${account}:assumed-role/${role}/${esc(form.get('RoleSessionName') ?? '')}</Arn><AssumedRoleId>AROA:${esc(form.get('RoleSessionName') ?? '')}</AssumedRoleId></AssumedRoleUser>`));
        }
        return queryErr(res, 400, 'InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
      }

      if (service === 'iam') {
        if (form.get('Version') !== '2010-05-08') return queryErr(res, 400, 'InvalidParameterValue', 'Version must be 2010-05-08');
        const userName = form.get('UserName') ?? '';
        const roleName = form.get('RoleName') ?? '';
        const keyIdParam = form.get('AccessKeyId') ?? '';
        const noUser = () => queryErr(res, 404, 'NoSuchEntity', `The user with name ${userName} cannot be found.`);
        const noKey = () => queryErr(res, 404, 'NoSuchEntity', `The Access Key with id ${keyIdParam} cannot be found.`);
        const policies = action.includes('Role') ? roles.get(roleName) : users.get(userName);
        const noPrincipal = () => (action.includes('Role') ? queryErr(res, 404, 'NoSuchEntity', `The role with name ${roleName} cannot be found.`) : noUser());
        switch (action) {
          case 'GetAccountSummary':
            return xml(res, 200, queryOk('iam', action, `<SummaryMap><entry><key>Users</key><value>${users.size}</value></entry></SummaryMap>`));
          case 'GetAccessKeyLastUsed': {
            const k = keys.get(keyIdParam);
            if (!k) return noKey();
            return xml(res, 200, queryOk('iam', action, `<UserName>${k.user}</UserName><AccessKeyLastUsed><Region>N/A</Region><ServiceName>N/A</ServiceName></AccessKeyLastUsed>`));
          }
          case 'ListAccessKeys': {
            if (!users.has(userName)) return noUser();
            const own = [...keys].filter(([, k]) => k.user === userName);
            return xml(res, 200, queryOk('iam', action, `<AccessKeyMetadata>${own.map(([id, k]) => `<member><UserName>${userName}</UserName><AccessKeyId>${id}</AccessKeyId><Status>${k.status}</Status><CreateDate>2026-01-05T10:00:00Z</CreateDate></member>`).join('')}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`));
          }
          case 'UpdateAccessKey':
          case 'DeleteAccessKey': {
            if (!users.has(userName)) return noUser();
            const k = keys.get(keyIdParam);
            if (!k || k.user !== userName) return noKey();
            if (action === 'DeleteAccessKey') keys.delete(keyIdParam);
            else {
              const st = form.get('Status');
              if (st !== 'Active' && st !== 'Inactive') return queryErr(res, 400, 'ValidationError', `1 validation error detected: Value '${st}' at 'status' failed to satisfy constraint`);
              k.status = st;
            }
            return xml(res, 200, queryOk('iam', action));
          }
          case 'GetUser':
          case 'GetRole':
            if (!policies) return noPrincipal();
            return xml(res, 200, queryOk('iam', action, action === 'GetUser' ? `<User><UserName>${userName}</UserName><Arn>arn:aws:iam::${account}:user/${userName}</Arn></User>` : `<Role><RoleName>${roleName}</RoleName><Arn>arn:aws:iam::${account}:role/${roleName}</Arn></Role>`));
          case 'GetUserPolicy':
          case 'GetRolePolicy':
          case 'PutUserPolicy':
          case 'PutRolePolicy':
          case 'DeleteUserPolicy':
          case 'DeleteRolePolicy': {
            if (!policies) return noPrincipal();
            const name = form.get('PolicyName') ?? '';
            const doc = policies.get(name);
            const noPolicy = () => queryErr(res, 404, 'NoSuchEntity', `The ${action.includes('Role') ? 'role' : 'user'} policy with name ${name} cannot be found.`);
            if (action.startsWith('Get')) {
              if (doc === undefined) return noPolicy();
              const who = action.includes('Role') ? `<RoleName>${roleName}</RoleName>` : `<UserName>${userName}</UserName>`;
              return xml(res, 200, queryOk('iam', action, `${who}<PolicyName>${esc(name)}</PolicyName><PolicyDocument>${uriEncode(doc)}</PolicyDocument>`));
            }
            if (action.startsWith('Delete')) {
              if (doc === undefined) return noPolicy();
              policies.delete(name);
              return xml(res, 200, queryOk('iam', action));
            }
            const d = form.get('PolicyDocument') ?? '';
            try {
              JSON.parse(d);
            } catch {
              return queryErr(res, 400, 'MalformedPolicyDocument', 'Syntax errors in policy.');
            }
            policies.set(name, d);
            return xml(res, 200, queryOk('iam', action));
          }
          default:
            return queryErr(res, 400, 'InvalidAction', `Could not find operation ${action} for version 2010-05-08`);
        }
      }

      if (service === 'ec2') {
        const list = (prefix: string) => [...form].filter(([k]) => k.startsWith(`${prefix}.`)).map(([, v]) => v);
        const groupXml = (ids: string[]) => `<groupSet>${ids.map((g) => `<item><groupId>${g}</groupId><groupName>${esc(securityGroups.get(g) ?? '')}</groupName></item>`).join('')}</groupSet>`;
        switch (action) {
          case 'DescribeInstances': {
            const ids = list('InstanceId');
            for (const id of ids) {
              if (!/^i-[0-9a-f]{8,17}$/.test(id)) return ec2Err(res, 400, 'InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
              if (!instances.has(id)) return ec2Err(res, 400, 'InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
            }
            const items = (ids.length ? ids : [...instances.keys()]).map((id) => {
              const enis = instances.get(id)!;
              const nis = enis.map((n, i) => `<item><networkInterfaceId>${n.eni}</networkInterfaceId><attachment><deviceIndex>${i}</deviceIndex><status>attached</status></attachment>${groupXml(n.groups)}</item>`).join('');
              return `<item><instanceId>${id}</instanceId><instanceState><code>16</code><name>running</name></instanceState>${groupXml(enis[0]?.groups ?? [])}<networkInterfaceSet>${nis}</networkInterfaceSet></item>`;
            });
            return xml(res, 200, ec2Ok(action, `<reservationSet><item><reservationId>r-0123456789abcdef0</reservationId><ownerId>${account}</ownerId><instancesSet>${items.join('')}</instancesSet></item></reservationSet>`));
          }
          case 'DescribeSecurityGroups': {
            const ids = list('GroupId');
            const missing = ids.find((g) => !securityGroups.has(g));
            if (missing) return ec2Err(res, 400, 'InvalidGroup.NotFound', `The security group '${missing}' does not exist`);
            return xml(res, 200, ec2Ok(action, `<securityGroupInfo>${(ids.length ? ids : [...securityGroups.keys()]).map((g) => `<item><groupId>${g}</groupId><groupName>${esc(securityGroups.get(g)!)}</groupName><ownerId>${account}</ownerId></item>`).join('')}</securityGroupInfo>`));
          }
          case 'ModifyNetworkInterfaceAttribute': {
            const eniId = form.get('NetworkInterfaceId') ?? '';
            const eni = [...instances.values()].flat().find((n) => n.eni === eniId);
            if (!eni) return ec2Err(res, 400, 'InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${eniId}' does not exist`);
            const groups = list('SecurityGroupId');
            const missing = groups.find((g) => !securityGroups.has(g));
            if (missing) return ec2Err(res, 400, 'InvalidGroup.NotFound', `The security group '${missing}' does not exist`);
            if (groups.length) eni.groups = groups;
            return xml(res, 200, ec2Ok(action, '<return>true</return>'));
          }
          default:
            return ec2Err(res, 400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
        }
      }
      return queryErr(res, 400, 'UnknownService', `unknown service ${service}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return {
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    account,
    keys,
    users,
    roles,
    sessions,
    instances,
    securityGroups,
    requests,
    throttle: (n) => {
      throttled = n;
    },
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
