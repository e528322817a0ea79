/**
 * The normalised alert (pure): one shape for every detection tool, after the model of
 * shared/reference/detection-containment.md §2.1. Versioned (`version: 1`) because intake
 * payloads are a stable machine contract (DESIGN.md §6; docs/intake.md).
 */
import { isIP } from 'node:net';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export const ALERT_KINDS = ['wazuh', 'elastic', 'suricata', 'falco', 'guardduty', 'canarytoken', 'generic', 'report', 'canary', 'flow', 'unparsed'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface NormalisedAlert {
  version: 1;
  kind: AlertKind;
  /** The vendor's own id of this alert (Wazuh id, kibana.alert.uuid, GuardDuty id, Falco uuid …). */
  sourceAlertId: string | null;
  /** A stable vendor key for de-duplication where one exists (reference §2.4), else null. */
  sourceRef: string | null;
  title: string;
  rule: { id: string | null; name: string; category: string | null; mitre: string[] };
  severity: Severity;
  /** The vendor's value, verbatim. */
  severityRaw: string | number | null;
  /** Event time in UTC, and as the tool wrote it (with its zone) when it had one. */
  observedAt: string;
  observedAtLocal: string | null;
  hosts: string[];
  users: string[];
  ips: string[];
  hashes: string[];
  files: string[];
  domains: string[];
  urls: string[];
  emails: string[];
  /**
   * The entity lists as the dedup fingerprint reads them (dedup.ts fingerprintOf), where a later
   * version of the normaliser reads more paths than the one that first fingerprinted alerts of
   * its kind: the new paths' values are shown, stored and correlated, but a fingerprint that
   * changed with them would make the repeat of an alert stored before the upgrade a new row.
   * Absent (the usual case): the fingerprint reads the lists themselves.
   */
  dedupBasis?: Partial<Record<EntityList, string[]>>;
  /**
   * The cloud account the alert is about (`aws:<account id>`), where the tool names it: the
   * alert's rule joins alerts of this account only (correlation-entities.ts). Absent: none named.
   */
  account?: string;
  /**
   * Values of `users` that name a principal only within their cloud account (AWS `Root`, an IAM
   * user or role name), each mapped to its account-qualified identity (aws-principal.ts):
   * correlation joins on that, never on the bare name; the value itself is shown and stored as read.
   */
  principals?: Record<string, string>;
  /**
   * A host of `hosts` that only collected the alert (the Wazuh agent running the AWS module, whose
   * name every AWS alert it forwards carries): shown and stored, never correlated on.
   */
  collectedBy?: string;
}

/** The entity lists of a normalised alert. */
export type EntityList = 'hosts' | 'users' | 'ips' | 'hashes' | 'files' | 'domains' | 'urls' | 'emails';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = { [k: string]: Json };

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A field by dotted path, whether the document nests it (`{kibana:{alert:{…}}}`), flattens it
 * (`{"kibana.alert.uuid": …}`, as Elasticsearch `fields` and many forwarders do) or mixes both.
 * Case-insensitive on the first letter, for GuardDuty's PascalCase copies (reference §2.2).
 */
export function pick(o: unknown, path: string): Json | undefined {
  if (!isObj(o)) return undefined;
  if (path in o) return o[path];
  const { heads, pascals, rests } = planOf(path);
  const last = heads.length - 1;
  for (let i = 0; i <= last; i++) {
    const key = heads[i]! in o ? heads[i]! : pascals[i]! in o ? pascals[i]! : null;
    if (key === null) continue;
    if (i === last) return o[key];
    const r = pick(o[key], rests[i]!);
    if (r !== undefined) return r;
  }
  return undefined;
}

/**
 * A path's prefixes (`a`, `a.b`, `a.b.c`), their PascalCase forms and the rest after each, split
 * once per path: every alert tries each vendor's paths (a generic alert goes through the
 * GuardDuty, Elastic and Wazuh checks first), and splitting and joining them per call was ≈ 4 %
 * of the intake's CPU (bench/README.md, sqlite15). Paths are the normalisers' constants; the
 * bound only keeps a caller with made-up paths from growing the map.
 */
interface PathPlan {
  heads: string[];
  pascals: string[];
  rests: string[];
}
const plans = new Map<string, PathPlan>();
const MAX_PLANS = 2048;

function planOf(path: string): PathPlan {
  let plan = plans.get(path);
  if (plan) return plan;
  const parts = path.split('.');
  plan = { heads: [], pascals: [], rests: [] };
  for (let i = 1; i <= parts.length; i++) {
    const head = parts.slice(0, i).join('.');
    plan.heads.push(head);
    plan.pascals.push(pascal(head));
    plan.rests.push(parts.slice(i).join('.'));
  }
  if (plans.size < MAX_PLANS) plans.set(path, plan);
  return plan;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function num(v: Json | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** Strings out of a value that may be one string, an array of them, or absent. */
export function strs(...vs: Array<Json | undefined>): string[] {
  const out: string[] = [];
  for (const v of vs) {
    if (Array.isArray(v)) for (const x of v) out.push(...strs(x));
    else {
      const s = str(v);
      if (s) out.push(s);
    }
  }
  return out;
}

export const uniq = (xs: string[]) => [...new Set(xs)];

/** Only well-formed IPs (the rest would fail observable normalisation). */
export const ipsOf = (...vs: Array<Json | undefined>) => uniq(strs(...vs).map((s) => s.replace(/^\[|\]$/g, '')).filter((s) => isIP(s) !== 0));

export const hashesOf = (...vs: Array<Json | undefined>) =>
  uniq(
    strs(...vs)
      .map((h) => h.toLowerCase().replace(/^(md5|sha1|sha256|sha512)[:=]/, ''))
      .filter((h) => /^[0-9a-f]+$/.test(h) && [32, 40, 64, 128].includes(h.length)),
  );

/**
 * A time as UTC ISO plus the original with its zone. Accepts ISO 8601 (with `+0000` offsets as
 * Wazuh writes them), epoch seconds/milliseconds/nanoseconds, and Canarytokens' "%Y-%m-%d %H:%M:%S
 * (UTC)". Null when unreadable (the caller falls back to the receive time).
 */
export function timeOf(v: Json | undefined): { utc: string; local: string | null } | null {
  if (typeof v === 'number' && Number.isFinite(v)) {
    const ms = v > 1e17 ? v / 1e6 : v > 1e12 ? v : v * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : { utc: d.toISOString(), local: null };
  }
  const s = str(v);
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return timeOf(Number(s));
  let t = s.replace(/ \(UTC\)$/, 'Z').replace(/^(\d{4}-\d\d-\d\d) (\d)/, '$1T$2');
  t = t.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  // Nanosecond fractions (Falco) are more than Date parses: keep milliseconds.
  t = t.replace(/(\.\d{3})\d+/, '$1');
  const hasZone = /(Z|[+-]\d\d:\d\d)$/i.test(t);
  const d = new Date(hasZone ? t : `${t}Z`);
  if (Number.isNaN(d.getTime())) return null;
  return { utc: d.toISOString(), local: hasZone ? s : `${s} (no zone given; read as UTC)` };
}

/** A blank alert of a kind, filled in by each normaliser. */
export function blank(kind: AlertKind, receivedAt: string): NormalisedAlert {
  return {
    version: 1,
    kind,
    sourceAlertId: null,
    sourceRef: null,
    title: '',
    rule: { id: null, name: '', category: null, mitre: [] },
    severity: 'medium',
    severityRaw: null,
    observedAt: receivedAt,
    observedAtLocal: null,
    hosts: [],
    users: [],
    ips: [],
    hashes: [],
    files: [],
    domains: [],
    urls: [],
    emails: [],
  };
}
