/**
 * Normalisers for Elastic Security (8.x kibana.alert.*, 7.x signal.*), AWS GuardDuty (bare and in
 * the EventBridge envelope, camelCase and PascalCase), Canarytokens webhooks and the documented
 * generic JSON (pure). Shapes: shared/reference/detection-containment.md §2.2; docs/intake.md.
 */
import { blank, hashesOf, ipsOf, isObj, type Json, type NormalisedAlert, num, type Obj, pick, str, strs, timeOf, uniq } from './alert.js';
import { scopeToAws } from './aws-principal.js';
import { fromGuardDuty, fromRiskScore, fromWord } from './severity.js';

export function isElastic(o: Obj): boolean {
  return pick(o, 'kibana.alert.rule.name') !== undefined || pick(o, 'signal.rule.name') !== undefined;
}

export function elastic(o: Obj, receivedAt: string): NormalisedAlert {
  const a = blank('elastic', receivedAt);
  const v8 = pick(o, 'kibana.alert.rule.name') !== undefined;
  const p = v8 ? 'kibana.alert' : 'signal';
  a.sourceAlertId = str(pick(o, `${p}.uuid`)) ?? str(o._id) ?? str(pick(o, 'signal.group.id'));
  a.sourceRef = a.sourceAlertId;
  a.rule = {
    id: str(pick(o, `${p}.rule.rule_id`)) ?? str(pick(o, `${p}.rule.uuid`)) ?? str(pick(o, `${p}.rule.id`)),
    name: str(pick(o, `${p}.rule.name`)) ?? 'Elastic alert',
    category: str(pick(o, `${p}.rule.category`)) ?? str(pick(o, `${p}.rule.type`)),
    mitre: threatIds(pick(o, `${p}.rule.threat`)),
  };
  a.title = str(pick(o, `${p}.reason`)) ?? a.rule.name;
  const word = str(pick(o, `${p}.severity`)) ?? str(pick(o, `${p}.rule.severity`));
  const risk = num(pick(o, `${p}.risk_score`)) ?? num(pick(o, `${p}.rule.risk_score`));
  a.severity = (word ? fromWord(word) : null) ?? (risk !== null ? fromRiskScore(risk) : 'medium');
  a.severityRaw = word ?? risk;
  const t = timeOf(pick(o, `${p}.original_time`)) ?? timeOf(o['@timestamp']);
  if (t) [a.observedAt, a.observedAtLocal] = [t.utc, t.local];
  a.hosts = uniq(strs(pick(o, 'host.name'), pick(o, 'host.hostname')));
  a.users = uniq(strs(pick(o, 'user.name'), pick(o, 'user.target.name')));
  // CloudTrail as the Elastic AWS integration writes it: user.name is the IAM user's, or for a role
  // session the role's name (elastic/integrations aws cloudtrail pipeline), both per account.
  if (str(pick(o, 'cloud.provider')) === 'aws' || pick(o, 'aws.cloudtrail.user_identity.arn') !== undefined) {
    const accountId = str(pick(o, 'cloud.account.id'));
    const name = str(pick(o, 'user.name'));
    const who = { arn: str(pick(o, 'aws.cloudtrail.user_identity.arn')), account: accountId, type: str(pick(o, 'aws.cloudtrail.user_identity.type')), principalId: str(pick(o, 'user.id')) };
    scopeToAws(a, accountId, [{ value: name, name, ...who }]);
  }
  a.ips = ipsOf(pick(o, 'host.ip'), pick(o, 'source.ip'), pick(o, 'destination.ip'));
  a.domains = uniq(strs(pick(o, 'destination.domain'), pick(o, 'dns.question.name'), pick(o, 'url.domain')));
  a.urls = uniq(strs(pick(o, 'url.full')));
  a.hashes = hashesOf(pick(o, 'file.hash.md5'), pick(o, 'file.hash.sha1'), pick(o, 'file.hash.sha256'), pick(o, 'process.hash.sha256'), pick(o, 'process.hash.md5'));
  a.files = uniq(strs(pick(o, 'file.path')));
  return a;
}

function threatIds(t: Json | undefined): string[] {
  if (!Array.isArray(t)) return [];
  const ids: string[] = [];
  for (const x of t) for (const tech of (isObj(x) && Array.isArray(x.technique) ? x.technique : []) as Json[]) if (isObj(tech) && typeof tech.id === 'string') ids.push(tech.id);
  return ids;
}

/** The finding itself: the EventBridge envelope's `detail`, or the bare GetFindings object. */
export function guardDutyFinding(o: Obj): Obj | null {
  if ((o['detail-type'] === 'GuardDuty Finding' || o.source === 'aws.guardduty') && isObj(o.detail)) return o.detail;
  const arn = str(pick(o, 'arn'));
  if (arn?.includes(':guardduty:') && pick(o, 'type') !== undefined) return o;
  return null;
}

export function guardDuty(f: Obj, receivedAt: string): NormalisedAlert {
  const a = blank('guardduty', receivedAt);
  const sev = num(pick(f, 'severity')) ?? 0;
  // Repeats update the same finding id and raise service.count (reference §2.4).
  a.sourceAlertId = str(pick(f, 'id'));
  a.sourceRef = a.sourceAlertId;
  a.rule = { id: str(pick(f, 'type')), name: str(pick(f, 'title')) ?? str(pick(f, 'type')) ?? 'GuardDuty finding', category: str(pick(f, 'type'))?.split(':')[0] ?? null, mitre: [] };
  a.title = a.rule.name;
  a.severity = fromGuardDuty(sev);
  a.severityRaw = sev;
  const t = timeOf(pick(f, 'service.eventLastSeen')) ?? timeOf(pick(f, 'updatedAt')) ?? timeOf(pick(f, 'createdAt'));
  if (t) [a.observedAt, a.observedAtLocal] = [t.utc, t.local];
  // GuardDuty nests its entities under a different path for each resource and action type
  // (EC2, IAM access key, S3, EKS, RDS, Lambda, ECS, Runtime Monitoring, Malware Protection; API
  // reference "Finding"/"Resource"/"Action"/"RuntimeDetails"/"ScanDetections" data types), and
  // adds new ones over time. Fixed paths read only the first few and dropped the rest silently
  // (an RDS login finding came out with no host, user or IP), so read the finding's own field
  // names wherever they sit: they mean the same thing under every type.
  const e = guardDutyEntities(f);
  a.hosts = uniq(strs(pick(f, 'resource.instanceDetails.instanceId'), pick(f, 'resource.eksClusterDetails.name'), pick(f, 'resource.ecsClusterDetails.name'), pick(f, 'resource.rdsDbInstanceDetails.dbInstanceIdentifier'), pick(f, 'resource.lambdaDetails.functionName')));
  a.users = uniq(strs(pick(f, 'resource.accessKeyDetails.userName'), pick(f, 'resource.accessKeyDetails.accessKeyId'), ...e.users));
  // `Root` and IAM user and role names name a principal only within the finding's account.
  const key = pick(f, 'resource.accessKeyDetails');
  const accountId = str(pick(f, 'accountId'));
  scopeToAws(a, accountId, [{ value: str(pick(key, 'userName')), account: accountId, partition: str(pick(f, 'partition')), type: str(pick(key, 'userType')), name: str(pick(key, 'userName')), principalId: str(pick(key, 'principalId')) }]);
  a.ips = ipsOf(...e.ips);
  a.domains = uniq(strs(pick(f, 'service.action.dnsRequestAction.domain'), ...e.domains));
  a.hashes = hashesOf(...e.hashes);
  const buckets = pick(f, 'resource.s3BucketDetails');
  a.files = uniq([...strs(...(Array.isArray(buckets) ? buckets.map((b) => pick(b, 'name')) : [])).map((n) => `s3://${n}`), ...strs(...e.files).filter((p) => p.startsWith('/') || /^[A-Za-z]:\\/.test(p))]);
  return a;
}

/**
 * A GuardDuty finding as Security Hub forwards it, in the AWS Security Finding Format (ASFF:
 * Security Hub user guide, "AWS Security Finding Format"; an EventBridge "Security Hub Findings -
 * Imported" event carries a list of them, split by intake-body.ts). Only GuardDuty's own
 * (`ProductArn …:product/aws/guardduty`): other products' findings stay `unparsed`, kept as sent.
 */
export function isAsffGuardDuty(o: Obj): boolean {
  const product = str(o.ProductArn) ?? '';
  // The product by any of the three names ASFF gives it (AWS's own example writes the ARN with one
  // colon before "product"; some forwarders drop ProductName).
  const name = str(o.ProductName) ?? str(pick(o.ProductFields, 'aws/securityhub/ProductName'));
  return typeof o.SchemaVersion === 'string' && typeof o.Id === 'string' && (/:product\/aws\/guardduty$/.test(product) || name === 'GuardDuty');
}

export function asffGuardDuty(f: Obj, receivedAt: string): NormalisedAlert {
  const a = blank('guardduty', receivedAt);
  const id = str(f.Id)!;
  // The finding's own id (the ARN's tail): the same finding posted bare and via Security Hub, or
  // updated later (service.count), is one alert (reference §2.4).
  a.sourceAlertId = id.split('/finding/')[1] ?? id;
  a.sourceRef = a.sourceAlertId;
  // Types are "namespace/category/classifier"; GuardDuty's type is the classifier, its own "/"
  // written as "-".
  const type = strs(f.Types)[0]?.split('/').slice(2).join('/') || null;
  a.rule = { id: type, name: str(f.Title) ?? type ?? 'GuardDuty finding', category: type?.split(':')[0] ?? null, mitre: [] };
  a.title = a.rule.name;
  // Severity.Product is GuardDuty's own score; Label when a forwarder dropped it.
  const product = num(pick(f, 'Severity.Product'));
  const label = str(pick(f, 'Severity.Label'));
  a.severity = product !== null ? fromGuardDuty(product) : ((label ? fromWord(label.toLowerCase()) : null) ?? 'medium');
  a.severityRaw = product ?? label;
  const t = timeOf(f.LastObservedAt) ?? timeOf(f.UpdatedAt) ?? timeOf(f.CreatedAt);
  if (t) [a.observedAt, a.observedAtLocal] = [t.utc, t.local];
  const resources = (Array.isArray(f.Resources) ? f.Resources : []).filter(isObj);
  const ofType = (type: string) => resources.filter((r) => r.Type === type);
  const tail = (arn: Json | undefined, sep: string) => str(arn)?.split(sep).pop() ?? null;
  // ProductFields repeats the finding under "aws/guardduty/…/<field>" keys: read by the last name,
  // as GuardDuty's own fields are read (guardDutyEntities).
  const e = guardDutyEntities({ ...f, ProductFields: null, Resources: resources as Json[] });
  for (const [k, v] of Object.entries(isObj(f.ProductFields) ? f.ProductFields : {})) {
    const name = k.split('/').pop()!;
    const slot = name === 'accessKeyId' ? 'users' : GD_KEYS[name];
    if (slot) e[slot].push(v);
  }
  a.hosts = uniq(
    strs(
      ...ofType('AwsEc2Instance').map((r) => tail(r.Id, '/')),
      ...ofType('AwsEksCluster').map((r) => pick(r, 'Details.AwsEksCluster.Name') ?? tail(r.Id, '/')),
      ...ofType('AwsRdsDbInstance').map((r) => pick(r, 'Details.AwsRdsDbInstance.DbInstanceIdentifier') ?? tail(r.Id, ':')),
      ...ofType('AwsLambdaFunction').map((r) => pick(r, 'Details.AwsLambdaFunction.FunctionName') ?? tail(r.Id, ':')),
    ),
  );
  a.users = uniq(strs(...ofType('AwsIamAccessKey').flatMap((r) => [pick(r, 'Details.AwsIamAccessKey.PrincipalName'), pick(r, 'Details.AwsIamAccessKey.UserName')]), ...e.users));
  // ASFF AwsIamAccessKeyDetails: the principal's name, type and id, and its account.
  scopeToAws(
    a,
    str(f.AwsAccountId),
    ofType('AwsIamAccessKey').flatMap((r) => {
      const k = pick(r, 'Details.AwsIamAccessKey');
      const who = { account: str(pick(k, 'AccountId')) ?? str(f.AwsAccountId), partition: str(r.Partition), type: str(pick(k, 'PrincipalType')), principalId: str(pick(k, 'PrincipalId')) };
      return [str(pick(k, 'PrincipalName')), str(pick(k, 'UserName'))].map((name) => ({ value: name, name, ...who }));
    }),
  );
  a.ips = ipsOf(
    pick(f, 'Network.SourceIpV4'),
    pick(f, 'Network.SourceIpV6'),
    pick(f, 'Network.DestinationIpV4'),
    pick(f, 'Network.DestinationIpV6'),
    ...ofType('AwsEc2Instance').flatMap((r) => [pick(r, 'Details.AwsEc2Instance.IpV4Addresses'), pick(r, 'Details.AwsEc2Instance.IpV6Addresses')]),
    ...e.ips,
  );
  a.domains = uniq(strs(pick(f, 'Network.DestinationDomain'), ...e.domains));
  a.hashes = hashesOf(...e.hashes);
  a.files = uniq([...strs(...ofType('AwsS3Bucket').map((r) => tail(r.Id, ':::'))).map((n) => `s3://${n}`), ...strs(...e.files).filter((p) => p.startsWith('/') || /^[A-Za-z]:\\/.test(p))]);
  return a;
}

/** GuardDuty field names (first letter either case) and what they hold, under any parent. */
const GD_KEYS: Record<string, 'ips' | 'users' | 'hashes' | 'files' | 'domains'> = {
  ipAddressV4: 'ips',
  ipAddressV6: 'ips',
  privateIpAddress: 'ips',
  publicIp: 'ips',
  ipv6Addresses: 'ips',
  sourceIPs: 'ips',
  userName: 'users',
  username: 'users',
  hash: 'hashes',
  sha256: 'hashes',
  executableSha256: 'hashes',
  filePath: 'files',
  executablePath: 'files',
  threatFilePath: 'files',
  scriptPath: 'files',
  domain: 'domains',
};
/** `user` names a person only under these parents (elsewhere it is a flag or an object). */
const GD_USER_PARENTS = new Set(['rdsDbUserDetails', 'process', 'modifyingProcess', 'targetProcess']);

function guardDutyEntities(f: Obj) {
  const out = { ips: [] as Json[], users: [] as Json[], hashes: [] as Json[], files: [] as Json[], domains: [] as Json[] };
  const walk = (v: Json, parent: string, depth: number): void => {
    if (depth > 12) return;
    if (Array.isArray(v)) for (const x of v) walk(x, parent, depth + 1);
    else if (isObj(v))
      for (const [k0, x] of Object.entries(v)) {
        const k = k0.charAt(0).toLowerCase() + k0.slice(1);
        // additionalInfo.value is the same object again as a JSON string; tags are free text.
        if (k === 'tags' || k === 'additionalInfo') continue;
        const slot = GD_KEYS[k] ?? (k === 'user' && GD_USER_PARENTS.has(parent) ? 'users' : null);
        if (slot && (typeof x === 'string' || Array.isArray(x))) out[slot].push(x);
        else walk(x, k, depth + 1);
      }
  };
  walk(f, '', 0);
  return out;
}

/**
 * Canarytokens webhook: a trigger (thinkst/canarytokens models/common.py `TokenAlertDetails`) or an
 * exposure — a key token found public, e.g. on GitHub (`TokenExposedDetails`: `key_id`,
 * `public_location`, `exposed_time`, no `channel`).
 */
export function isCanarytoken(o: Obj): boolean {
  return 'manage_url' in o || ('memo' in o && 'channel' in o) || 'token_type' in o;
}

/**
 * What a token's trigger learnt about who touched it, in `src_data` (top level, or under
 * `additional_data` as the notification flattens it): decoded by the switchboard from the DNS name
 * the token's host looked up (canarytokens tokens.py `_cmd_process`, `_desktop_ini_browsing`,
 * `_sql_server_username`, `_mysql_…`, `_log4_shell`, `_linux_inotify`). "(not obtained)" and
 * "Not Obtained" mean the token could not read it.
 */
const CANARY_USERS = ['cmd_user_name', 'windows_desktopini_access_username', 'sql_username', 'mysql_username'];
const CANARY_HOSTS = ['cmd_computer_name', 'windows_desktopini_access_hostname', 'log4_shell_computer_name'];
const CANARY_FILES = ['linux_inotify_filename_access', 'cmd_process'];
const obtained = (v: string) => !/^\(?not obtained\)?$/i.test(v.trim()) && !/^(failed to decode|decoded base-64|unrecoverable data)/i.test(v.trim());

export function canarytoken(o: Obj, receivedAt: string): NormalisedAlert {
  const a = blank('canarytoken', receivedAt);
  const token = str(o.token) ?? str(o.manage_url)?.match(/[0-9a-z]{25}/)?.[0] ?? null;
  const exposed = !('channel' in o) && ('key_id' in o || 'exposed_time' in o || 'public_location' in o);
  const when = str(o.time) ?? str(o.exposed_time);
  const t = timeOf(o.time) ?? timeOf(o.exposed_time);
  if (t) [a.observedAt, a.observedAtLocal] = [t.utc, t.local];
  // token + time identifies one trigger (reference §2.4); an exposure is keyed apart from triggers.
  a.sourceAlertId = token ? `${token}${exposed ? ':exposed' : ''}@${when ?? ''}` : null;
  a.sourceRef = a.sourceAlertId;
  const what = str(o.memo) ?? str(o.token_type) ?? 'token';
  a.rule = { id: token, name: exposed ? `Canarytoken exposed in public: ${what}` : `Canarytoken triggered: ${what}`, category: str(o.token_type) ?? str(o.channel), mitre: [] };
  a.title = a.rule.name;
  // Any canary hit is high (reference §2.3): nobody should ever touch one; a key in public is too.
  a.severity = 'high';
  a.severityRaw = str(o.channel) ?? (exposed ? 'exposed' : null);
  const src = [o.src_data, pick(o, 'additional_data.src_data'), o.additional_data].filter(isObj);
  const from = (keys: string[]) => uniq(src.flatMap((d) => strs(...keys.map((k) => d[k]))).filter(obtained));
  a.ips = ipsOf(o.src_ip, pick(o, 'additional_data.src_ip'), pick(o, 'additional_data.x_forwarded_for'));
  // The AWS key and its account the attacker used (aws_key_log_data), or the key found in public.
  a.users = uniq([...from(CANARY_USERS), ...strs(o.key_id)]);
  a.hosts = from(CANARY_HOSTS);
  a.files = from(CANARY_FILES);
  a.urls = uniq(strs(pick(o, 'additional_data.location'), o.manage_url, o.public_location, ...src.map((d) => d.location)).filter((u) => /^https?:\/\//.test(u)));
  return a;
}

/**
 * The generic shape (docs/intake.md): `title` and `severity` required; `id`, `time`, `rule`,
 * `hosts`, `users`, `ips`, `hashes`, `files`, `domains`, `urls`, `emails` optional.
 */
export function isGeneric(o: Obj): boolean {
  return typeof o.title === 'string' && typeof o.severity === 'string' && fromWord(o.severity) !== null;
}

export function generic(o: Obj, receivedAt: string): NormalisedAlert {
  const a = blank('generic', receivedAt);
  a.sourceAlertId = str(o.id);
  a.sourceRef = a.sourceAlertId;
  a.title = str(o.title) ?? 'alert';
  const rule = isObj(o.rule) ? o.rule : null;
  a.rule = { id: str(rule?.id) ?? (typeof o.rule === 'string' ? o.rule : null), name: str(rule?.name) ?? a.title, category: str(rule?.category) ?? str(o.category), mitre: strs(rule?.mitre) };
  a.severity = fromWord(String(o.severity)) ?? 'medium';
  a.severityRaw = String(o.severity);
  const t = timeOf(o.time);
  if (t) [a.observedAt, a.observedAtLocal] = [t.utc, t.local];
  a.hosts = uniq(strs(o.hosts, o.host));
  a.users = uniq(strs(o.users, o.user));
  a.ips = ipsOf(o.ips, o.ip);
  a.hashes = hashesOf(o.hashes);
  a.files = uniq(strs(o.files));
  a.domains = uniq(strs(o.domains));
  a.urls = uniq(strs(o.urls));
  a.emails = uniq(strs(o.emails).filter((e) => /^[^@\s]+@[^@\s]+$/.test(e)));
  return a;
}
