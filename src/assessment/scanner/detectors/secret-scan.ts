/**
 * Running the credential rules: from a prefilter keyword to findings. Free text calls `secretAt`
 * for each keyword hit (text-scan.ts owns the one prefilter pass); a single value (a secret
 * column's cell, the value of a `key = value` pair) goes through `scanSecrets`, the same rules
 * behind a prefilter of their own keywords.
 */
import type { SecretFinding } from '../types.js';
import { judgeSecret } from './secret-placeholder.js';
import { ALL_RULES, ruleBody, ruleKind, type SecretRule } from './secret-rules.js';
import { awsSecretNear, basicAuthAt, derKeyAt, dockerAuthsAt, type Found, gcpServiceAccountAt, insideServiceAccount, jwtAt, privateKeyAt, urlCredentialAt } from './secret-structured.js';
import { keywordFinder } from './text-keywords.js';

type Finder = (text: string, pos: number) => Found | null;

const TOKEN_CHAR = /[A-Za-z0-9_-]/;
/** Vendor tokens start at a token boundary: a prefix inside a longer run is not one. */
const atBoundary = (text: string, pos: number) => pos === 0 || !TOKEN_CHAR.test(text[pos - 1]);

function ruleFinder(rule: SecretRule): Finder {
  return (text, pos) => {
    const start = pos - (rule.back ?? 0);
    if (start < 0) return null;
    if (rule.bare && !rule.back && /^[A-Za-z0-9_]/.test(text[pos]) && !atBoundary(text, pos)) return null;
    rule.re.lastIndex = start;
    const m = rule.re.exec(text);
    if (!m) return null;
    const value = m[1] ?? m[0];
    const verdict = judgeSecret(value, m[1] === undefined ? ruleBody(rule, value) : value, rule.minEntropy ?? 3);
    if (verdict === 'placeholder') return null;
    const kind = ruleKind(rule, value);
    const f: SecretFinding = { type: rule.type, value, family: rule.family, provider: rule.provider, ...(kind ? { kind } : {}) };
    if (verdict === 'suspect') f.suspect = true;
    return { finding: f, end: start + m[0].length };
  };
}

const boundaryOnly =
  (find: Finder): Finder =>
  (text, pos) =>
    atBoundary(text, pos) ? find(text, pos) : null;

/**
 * URLs are found by their '://' (one keyword for every scheme: 'http' alone would fire on every
 * `http.request` log line); the scheme is read back from there.
 */
const SCHEME_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-') SCHEME_CHAR[c.charCodeAt(0)] = 1;

function urlAt(text: string, pos: number): Found | null {
  let s = pos;
  for (let c = text.charCodeAt(s - 1); s > 0 && pos - s < 20 && c < 128 && SCHEME_CHAR[c] === 1; c = text.charCodeAt(s - 1)) s--;
  if (s >= 5 && text.slice(s - 5, s).toLowerCase() === 'jdbc:') s -= 5;
  return s < pos ? urlCredentialAt(text, s) : null;
}

const FINDERS = new Map<string, Finder[]>();
function add(keyword: string, f: Finder): void {
  const list = FINDERS.get(keyword);
  if (list) list.push(f);
  else FINDERS.set(keyword, [f]);
}
for (const rule of ALL_RULES) {
  const f = ruleFinder(rule);
  for (const k of rule.keywords) add(k, f);
}
add('-----begin', (text, pos) => (insideServiceAccount(text, pos) ? null : privateKeyAt(text, pos)));
for (const k of ['miib', 'miic', 'miie', 'miij']) add(k, boundaryOnly(derKeyAt));
add('"service_account"', gcpServiceAccountAt);
add('eyj', boundaryOnly(jwtAt));
add('"auths"', dockerAuthsAt);
add('basic ', boundaryOnly(basicAuthAt));
add('://', urlAt);

/** Every keyword of the credential rules (lower case), for the free-text prefilter. */
export const SECRET_RULE_KEYWORDS: readonly string[] = [...FINDERS.keys()];

/**
 * Run the rules of keyword `kw` (lower case) found at `pos`. Findings go to `out`; returns where
 * the prefilter may resume (past a consumed token), or -1 when nothing matched.
 */
export function secretAt(text: string, kw: string, pos: number, out: SecretFinding[]): number {
  const finders = FINDERS.get(kw);
  if (!finders) return -1;
  for (const find of finders) {
    const r = find(text, pos);
    if (!r) continue;
    if (!r.finding) return r.end;
    out.push(r.finding);
    if (r.finding.type === 'aws_access_key_id' && !r.finding.suspect) {
      const s = awsSecretNear(text, pos, r.end, r.finding.value);
      if (s) out.push(s);
    }
    return r.end;
  }
  return -1;
}

const SECRET_KEYWORDS = keywordFinder(SECRET_RULE_KEYWORDS);

/** Every credential in one value or short text (secret columns, `key = value` values). */
export function scanSecrets(text: string): SecretFinding[] {
  const out: SecretFinding[] = [];
  let from = 0;
  for (let m = SECRET_KEYWORDS.next(text, 0); m; m = SECRET_KEYWORDS.next(text, from)) {
    const next = secretAt(text, m[0].toLowerCase(), m.index, out);
    from = next > m.index ? next : m.index + 1;
  }
  return out;
}

/** The first non-suspect credential in a value, or null. */
export function matchSecretValue(value: string): SecretFinding | null {
  for (const f of scanSecrets(value)) if (!f.suspect) return f;
  return null;
}
