/**
 * De-duplication keys and suspected-incident scores (pure). Practice after TheHive (one alert per
 * type + source + sourceRef) and the reference's recommendation (shared/reference/
 * detection-containment.md §2.4): the vendor's stable id where there is one, else a keyed hash
 * of chosen fields plus the time bucket of the source's window.
 */
import type { NormalisedAlert, Severity } from './normalise/alert.js';
import { SEVERITY_RANK } from './normalise/alert.js';

export const DEDUP_FIELDS = ['rule', 'title', 'hosts', 'users', 'ips', 'hashes', 'files', 'domains', 'urls'] as const;
export type DedupField = (typeof DEDUP_FIELDS)[number];
export const DEFAULT_DEDUP_KEYS: DedupField[] = ['rule', 'hosts', 'users', 'ips'];

/** `mac` is a keyed hash (the keyring's blind index): field values include personal data. */
export function fingerprintOf(a: NormalisedAlert, keys: readonly DedupField[], windowS: number, rawText: string, mac: (s: string) => string): string {
  if (a.kind === 'unparsed') return `raw:${mac(rawText)}`;
  if (a.sourceRef) return `ref:${mac(`${a.kind}|${a.sourceRef}`)}`;
  const bucket = Math.floor(Date.parse(a.observedAt) / 1000 / windowS);
  // A list a later version of the normaliser reads more of is fingerprinted as first read
  // (`dedupBasis`, normalise/alert.ts): a repeat across the upgrade still folds into its row.
  const parts = eventKeys(a, keys).map((k) => (k === 'rule' ? ruleKey(a) : k === 'title' ? a.title : [...(a.dedupBasis?.[k] ?? a[k])].sort().join(',')));
  return `fp:${mac([a.kind, ...parts, String(bucket)].join('|'))}`;
}

/**
 * The source's keys, plus what identifies the event where the rule alone does not: a Wazuh file
 * integrity alert (rules 550–554, syscheck) is about one file, `syscheck.path` (Wazuh "File
 * integrity monitoring" alert fields). Without it, two files changed on one host within the dedup
 * window were one row counted twice, and the second file was never shown.
 */
function eventKeys(a: NormalisedAlert, keys: readonly DedupField[]): readonly DedupField[] {
  return a.kind === 'wazuh' && a.files.length > 0 && !keys.includes('files') ? [...keys, 'files'] : keys;
}

/**
 * The rule as the fingerprint reads it: for the tools whose rules carry a stable id beside a name,
 * the id alone. That name is free text the vendor rewrites across versions and the operator across
 * locales — Wazuh `rule.description` (a ruleset upgrade, or a rule overwritten in another language
 * with `overwrite="yes"`, keeps the id), Suricata `alert.signature` (Emerging Threats reword a
 * signature's msg and bump its rev, keeping its sid), an Elastic rule's name (editable; `rule_id`
 * stays) — and with it in the fingerprint the same event re-sent after an upgrade was a new row.
 * Elsewhere the rule reads as before: Falco has no id (its rule name is the rule's identity:
 * rules are overridden and excepted by name), GuardDuty, Canarytokens and outside reports dedup
 * on their own keys, a generic alert's rule is what its sender wrote, and canary alerts name two
 * rules under one id. Written `id/` so that no other fingerprint changes.
 */
const RULE_BY_ID: ReadonlySet<string> = new Set(['wazuh', 'suricata', 'elastic']);

function ruleKey(a: NormalisedAlert): string {
  return a.rule.id && RULE_BY_ID.has(a.kind) ? `${a.rule.id}/` : `${a.rule.id ?? ''}/${a.rule.name}`;
}

const BASE: Record<Severity, number> = { info: 5, low: 15, medium: 35, high: 60, critical: 80 };

/**
 * A suspected incident's score, 0–100, from its alerts grouped by severity and kind: its worst alert's severity, plus corroboration (more
 * distinct alerts, more distinct tools agreeing). A canary hit is near-certain (reference §4.6 7).
 */
export function suspectScore(groups: Array<{ severity: string; kind: string; n: number }>): { score: number; severity: Severity } {
  let worst: Severity = 'info';
  for (const g of groups) worst = worse(worst, g.severity as Severity);
  return scoreOf(
    worst,
    groups.reduce((s, g) => s + g.n, 0),
    groups.map((g) => g.kind),
  );
}

export const worse = (a: Severity, b: Severity): Severity => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);

/** The score from a suspect's running totals (what each new alert updates). */
export function scoreOf(worst: Severity, alerts: number, kindList: string[]): { score: number; severity: Severity } {
  const kinds = new Set(kindList);
  let score = BASE[worst] + Math.min(20, 4 * (alerts - 1)) + 10 * (kinds.size - 1);
  if (kinds.has('canary') || kinds.has('canarytoken')) score = Math.max(score, 90);
  return { score: Math.min(100, score), severity: worst };
}
