/**
 * Which values of an alert tie it to other alerts in correlation, and how (pure). An entity
 * correlates only where it names one thing: the reason is a responder who must not get unrelated
 * alerts welded into one suspected incident (issue 15 §2).
 *
 * - A **local or built-in account** (`root`, `SYSTEM`, `NT AUTHORITY\LOCAL SERVICE`, `www-data`,
 *   `ec2-user`, a `HOST\name` or `.\name` account …) exists on every machine and names a principal
 *   only on its own host: it correlates as `user@host` (one lookup per host of the alert), never
 *   bare. Microsoft Sentinel's entity reference makes the same cut: a built-in SID identifies an
 *   account only together with its Host (`Sid+Host`), a bare account Name is a weak identifier
 *   (learn.microsoft.com/azure/sentinel/entities-reference); Elastic's entity store makes a user
 *   entity from host data only from `user.name` with `host.id`, and leaves service accounts (root,
 *   daemon, nobody …) out (elastic/kibana#260764, elastic/docs-content#7082; identity-provider
 *   data names users by e-mail, id or name + domain). Wazuh who-data names `root` as the
 *   effective user of every sudo'd change (syscheck.audit.effective_user), so bare it joined every
 *   host's file changes into one suspect.
 * - **Files every host has** (`/etc/passwd`, `/etc/shadow`, `C:\Windows\…`) are likewise one file
 *   per host: `file@host`. A file's hash still correlates across hosts (the same content).
 * - **Routine rules that fire on every host** (Wazuh 550/553/554 file changed/deleted/added, 5402
 *   sudo to root, 5501/5502 PAM session, 5715 sshd login) say what happened, not to whom: two
 *   hosts' sudo'd file changes are rule 550 twice. They correlate as `rule@host`; any other rule
 *   still joins its alerts across hosts within the window. Sentinel's alert grouping likewise
 *   groups one rule's alerts by their entities unless told to group all of them (analytics rule
 *   "Alert grouping" settings).
 * - **Cloud principals** (AWS `Root`, IAM user and role names) name one principal only within
 *   their account: they correlate by their account-qualified identity (`arn:aws:iam::<account>:root`,
 *   the user's ARN, the role's ARN + session; normalise/aws-principal.ts), and a cloud finding's
 *   rule as `rule@account`. Every account has a root user, an organisation's accounts share role
 *   names and GuardDuty fires the same finding types in each: bare, two accounts' findings welded.
 * - **Values that identify nothing**: loopback, unspecified, link-local, broadcast and multicast
 *   addresses (RFC 6890 special-purpose registries: 127/8 and ::1 RFC 1122 / RFC 4291, 0/8 and ::,
 *   169.254/16 RFC 3927, fe80::/10, 224/4 RFC 5771, ff00::/8, 255.255.255.255 RFC 919),
 *   `localhost`, placeholder names (`-`, `unknown`) and the digests of empty content. They do not
 *   correlate at all; they are still extracted, stored and shown as the alert's observables.
 *
 * The lists are per source (`correlation` of the source config, docs/intake.md); a list given
 * there replaces that default list. Matching is case-insensitive; an entry ending in `*` matches
 * by prefix.
 */
import { BlockList, isIP } from 'node:net';
import type { NormalisedAlert } from './normalise/alert.js';
import { principalFromArn } from './normalise/aws-principal.js';

export interface CorrelationConfig {
  /** Accounts that name a principal only on their host (correlated as user@host). */
  localAccounts: string[];
  /** Paths every host has (correlated as file@host). */
  localFiles: string[];
  /** Rules (`kind/rule id`, else `kind/rule name`) that fire on every host (correlated as rule@host). */
  localRules: string[];
  /** Host names that name no machine in particular. */
  ignoreHosts: string[];
  /** User values that name no one. */
  ignoreUsers: string[];
  /** Addresses or CIDR blocks that identify nothing (also when given as a host). */
  ignoreIps: string[];
  /** Digests that identify no content (those of empty input). */
  ignoreHashes: string[];
}

export const CORRELATION_LISTS = ['localAccounts', 'localFiles', 'localRules', 'ignoreHosts', 'ignoreUsers', 'ignoreIps', 'ignoreHashes'] as const satisfies ReadonlyArray<keyof CorrelationConfig>;

export const DEFAULT_CORRELATION: Readonly<CorrelationConfig> = Object.freeze({
  localAccounts: [
    // Unix: the superuser, Debian/Red Hat system users (base-passwd, setup), service daemons.
    'root',
    'toor',
    'daemon',
    'bin',
    'sys',
    'sync',
    'adm',
    'lp',
    'mail',
    'news',
    'uucp',
    'operator',
    'games',
    'man',
    'proxy',
    'backup',
    'list',
    'irc',
    'gnats',
    'nobody',
    'nfsnobody',
    'systemd-*',
    '_apt',
    'messagebus',
    'sshd',
    'www-data',
    'apache',
    'nginx',
    'httpd',
    'postgres',
    'mysql',
    'redis',
    // Cloud images' default login users (AWS, Ubuntu, Debian, CentOS/RHEL, Fedora, Azure, GCP, Oracle).
    'ec2-user',
    'ubuntu',
    'debian',
    'admin',
    'centos',
    'cloud-user',
    'fedora',
    'azureuser',
    'opc',
    // Windows built-in accounts and well-known authorities (Microsoft "Well-known SIDs"): local to each machine.
    'system',
    'local system',
    'localsystem',
    'local service',
    'network service',
    'administrator',
    'guest',
    'defaultaccount',
    'wdagutilityaccount',
    'anonymous logon',
    'nt authority\\*',
    'nt service\\*',
    'builtin\\*',
    'window manager\\*',
    'font driver host\\*',
    'iis apppool\\*',
    // Kubernetes: the reserved `system:` users (anonymous, service accounts, nodes — Kubernetes
    // "Authenticating" docs), kubeadm's admin and EKS's own (`eks:`): one set per cluster.
    'system:*',
    'eks:*',
    'kubernetes-admin',
  ],
  localFiles: [
    '/etc/*',
    '/bin/*',
    '/sbin/*',
    '/usr/bin/*',
    '/usr/sbin/*',
    '/usr/lib/*',
    '/lib/*',
    '/lib64/*',
    '/boot/*',
    '/root/*',
    '/var/log/*',
    '/proc/*',
    '/dev/*',
    '/sys/*',
    'c:\\windows\\*',
    'c:\\program files\\*',
    'c:\\program files (x86)\\*',
  ],
  // Wazuh ruleset: 0015-ossec_rules.xml (syscheck 550–554), 0020-syslog_rules.xml (5402 sudo),
  // 0085-pam_rules.xml (5501/5502), 0095-sshd_rules.xml (5715).
  localRules: ['wazuh/550', 'wazuh/551', 'wazuh/552', 'wazuh/553', 'wazuh/554', 'wazuh/5402', 'wazuh/5501', 'wazuh/5502', 'wazuh/5715'],
  ignoreHosts: ['localhost', 'localhost.localdomain', 'localhost4', 'localhost6', 'localhost6.localdomain6', 'ip6-localhost', 'ip6-loopback', '-', 'unknown', 'n/a', '(none)'],
  ignoreUsers: ['-', 'n/a', 'unknown', '(unknown)', 'none', '(none)', 'null'],
  ignoreIps: ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '255.255.255.255/32', '::/128', '::1/128', 'fe80::/10', 'ff00::/8'],
  ignoreHashes: [
    'd41d8cd98f00b204e9800998ecf8427e',
    'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
  ],
});

/** The lists in force: the source's own where it gave one, else the default. */
export function effectiveCorrelation(own: Partial<CorrelationConfig> | null | undefined): CorrelationConfig {
  const out = {} as CorrelationConfig;
  for (const k of CORRELATION_LISTS) out[k] = [...(own?.[k] ?? DEFAULT_CORRELATION[k])];
  return out;
}

/** An address or CIDR block (`10.0.0.0/8`, `fe80::/10`, `::1`), or null when it is neither. */
export function parseCidr(s: string): { address: string; prefix: number; type: 'ipv4' | 'ipv6' } | null {
  const [address = '', bits, ...rest] = s.trim().split('/');
  const v = isIP(address);
  if (v === 0 || rest.length) return null;
  const max = v === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  return prefix >= 0 && prefix <= max ? { address, prefix, type: v === 4 ? 'ipv4' : 'ipv6' } : null;
}

/** Exact values and `prefix*` patterns, lower-case. */
class Matcher {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];
  constructor(entries: readonly string[]) {
    for (const e of entries) {
      const v = e.trim().toLowerCase();
      if (v.endsWith('*')) this.prefixes.push(v.slice(0, -1));
      else this.exact.add(v);
    }
  }
  has(v: string): boolean {
    if (this.exact.has(v)) return true;
    for (const p of this.prefixes) if (v.startsWith(p)) return true;
    return false;
  }
}

/** A source's lists, ready to match (compiled once per source config: correlationPolicy). */
export class CorrelationPolicy {
  private readonly localAccounts: Matcher;
  private readonly localFiles: Matcher;
  private readonly localRules: Matcher;
  private readonly ignoreHosts: Matcher;
  private readonly ignoreUsers: Matcher;
  private readonly ignoreHashes: Matcher;
  private readonly ignoreIps = new BlockList();
  /** BlockList.check costs ≈ 2 µs; the same addresses recur from alert to alert. Bounded. */
  private readonly ipVerdicts = new Map<string, boolean>();

  constructor(c: CorrelationConfig) {
    this.localAccounts = new Matcher(c.localAccounts);
    this.localFiles = new Matcher(c.localFiles);
    this.localRules = new Matcher(c.localRules);
    this.ignoreHosts = new Matcher(c.ignoreHosts);
    this.ignoreUsers = new Matcher(c.ignoreUsers);
    this.ignoreHashes = new Matcher(c.ignoreHashes);
    for (const e of c.ignoreIps) {
      const b = parseCidr(e);
      if (b) this.ignoreIps.addSubnet(b.address, b.prefix, b.type);
    }
  }

  ignoresIp(ip: string): boolean {
    let v = this.ipVerdicts.get(ip);
    if (v === undefined) {
      const t = isIP(ip);
      v = t !== 0 && this.ignoreIps.check(ip, t === 4 ? 'ipv4' : 'ipv6');
      if (this.ipVerdicts.size >= 10_000) this.ipVerdicts.clear();
      this.ipVerdicts.set(ip, v);
    }
    return v;
  }

  ignoresHost(host: string): boolean {
    return this.ignoreHosts.has(host) || this.ignoresIp(host);
  }

  /**
   * The account's name on its host when it is a local one, else null (it names one principal
   * wherever it appears: `alice`, `CORP\alice`, `alice@corp.example`). `HOST\name` with one of
   * the alert's own host names, and `.\name`, are local accounts whatever the name (Windows
   * writes local accounts with the computer's name as their domain); `CORP\Administrator` is the
   * domain's and stays bare. A matched `AUTHORITY\name` correlates on its name, so `SYSTEM` and
   * `NT AUTHORITY\SYSTEM` of one host meet.
   */
  localAccount(user: string, hosts: readonly string[]): string | null {
    const bs = user.lastIndexOf('\\');
    if (bs < 0) return this.localAccounts.has(user) ? user : null;
    const domain = user.slice(0, bs);
    const name = user.slice(bs + 1);
    return domain === '.' || hosts.some((h) => h === domain || (h.startsWith(domain) && h[domain.length] === '.')) || this.localAccounts.has(user) ? name : null;
  }

  ignoresUser(user: string): boolean {
    return this.ignoreUsers.has(user);
  }

  isLocalFile(path: string): boolean {
    return this.localFiles.has(path);
  }

  isLocalRule(rule: string): boolean {
    return this.localRules.has(rule.toLowerCase());
  }

  ignoresHash(hash: string): boolean {
    return this.ignoreHashes.has(hash);
  }
}

export const DEFAULT_POLICY = new CorrelationPolicy(effectiveCorrelation(null));

const policies = new Map<string, CorrelationPolicy>();

/** A source's policy from its stored `correlation` JSON (null: the defaults), compiled once per distinct config. */
export function correlationPolicy(json: string | null): CorrelationPolicy {
  if (!json) return DEFAULT_POLICY;
  let p = policies.get(json);
  if (!p) {
    p = new CorrelationPolicy(effectiveCorrelation(JSON.parse(json) as Partial<CorrelationConfig>));
    if (policies.size >= 1000) policies.clear();
    policies.set(json, p);
  }
  return p;
}

/**
 * Entities that tie alerts together (shared host, user, IP, hash, domain, file, e-mail, rule),
 * lower-cased, under the source's policy. Host-scoped kinds (`user@host`, `file@host`) carry the
 * value and the host joined by a NUL, blind-indexed under their own kind so that they never meet
 * a bare user or file.
 */
export function entitiesOf(a: NormalisedAlert, policy: CorrelationPolicy = DEFAULT_POLICY): Array<{ kind: string; value: string }> {
  const out: Array<{ kind: string; value: string }> = [];
  const hosts: string[] = [];
  for (const h of a.hosts) {
    const v = h.toLowerCase();
    if (policy.ignoresHost(v) || h === a.collectedBy) continue;
    hosts.push(v);
    out.push({ kind: 'host', value: v });
  }
  for (const u of a.users) {
    const v = u.toLowerCase();
    if (policy.ignoresUser(v)) continue;
    // A cloud principal by its account-qualified identity (normalise/aws-principal.ts); an ARN
    // written as a user (generic alerts) in the same form, so that the two meet.
    // (Own keys only: a user named `toString` is not Object.prototype's.)
    const principal = (a.principals && Object.hasOwn(a.principals, u) ? a.principals[u] : null) ?? (v.startsWith('arn:') ? principalFromArn(v) : null);
    if (principal) {
      out.push({ kind: 'user', value: principal.toLowerCase() });
      continue;
    }
    const local = policy.localAccount(v, hosts);
    if (local === null) out.push({ kind: 'user', value: v });
    else for (const h of hosts) out.push({ kind: 'user@host', value: `${local}\u0000${h}` });
  }
  for (const ip of a.ips) {
    const v = ip.toLowerCase();
    if (!policy.ignoresIp(v)) out.push({ kind: 'ip', value: v });
  }
  for (const x of a.hashes) {
    const v = x.toLowerCase();
    if (!policy.ignoresHash(v)) out.push({ kind: 'hash', value: v });
  }
  for (const d of a.domains) out.push({ kind: 'domain', value: d.toLowerCase() });
  for (const f of a.files) {
    const v = f.toLowerCase();
    if (!policy.isLocalFile(v)) out.push({ kind: 'file', value: v });
    else for (const h of hosts) out.push({ kind: 'file@host', value: `${v}\u0000${h}` });
  }
  for (const e of a.emails) out.push({ kind: 'email', value: e.toLowerCase() });
  if (a.rule.id || a.rule.name) {
    const rule = `${a.kind}/${a.rule.id ?? a.rule.name}`;
    // A cloud account is an isolation boundary (AWS whitepaper "Organizing Your AWS Environment
    // Using Multiple Accounts": an account is a security and resource boundary), and GuardDuty
    // fires its finding types in every account of an organisation (root credential usage,
    // anomalous API calls): a cloud finding's rule joins alerts of its own account only.
    if (a.account) out.push({ kind: 'rule@account', value: `${rule}\u0000${a.account}` });
    else if (!policy.isLocalRule(rule)) out.push({ kind: 'rule', value: rule });
    else for (const h of hosts) out.push({ kind: 'rule@host', value: `${rule}\u0000${h}` });
  }
  return out;
}
