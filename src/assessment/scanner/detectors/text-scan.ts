/**
 * Free-text scanning (logs, notes, message bodies). Structure follows scanning.md §7.2–7.4:
 * anchors and one literal-keyword alternation first (no regex that can start at every byte),
 * then exact patterns on a small window at each hit, then validators and context words.
 *  - '@' anchor → e-mail expanded left/right (a naive e-mail regex runs ≈30 MB/s; this ≈GB/s);
 *  - digit runs (one regex that needs ≥ 7 digit/separator characters) → dispatched by shape to
 *    IPv4, SSN/ITIN, cards, IBAN, phone, dates of birth;
 *  - keywords → vendor-prefixed secrets, keyword = value assignments, hashes, national IDs and
 *    other context-only elements (names, addresses) on a window after the keyword.
 */
import type { SecretFinding, ValueFinding } from '../types.js';
import { validateIp } from './contact.js';
import { scanEmails } from './text-email.js';
import { element } from './detector.js';
import { passwordHash, structuredHashKind } from './hashes.js';
import { ID_CONTEXT_KINDS, validateNationalId } from './national-ids.js';
import { ADDRESS_CUES, type AddressCue, addressAround, CORNER_WORDS, flushAddresses, MILITARY_WORDS, STREET_AFTER, STREET_BEFORE, STREET_MID, STREET_SUFFIX, UNIT_WORDS } from './text-address.js';
import { NAME_STRONG, NAME_WEAK, nameAfterCue, nameLines } from './text-people.js';
import { matchSecretValue, SECRET_RULE_KEYWORDS, secretAt } from './secret-scan.js';
import { SECRET_DETECTORS, validateGenericSecret } from './secrets.js';
import { keywordFinder } from './text-keywords.js';
import { dispatchNumber, NUMBER_RUN } from './text-numbers.js';
import { type TextAnchors, textAnchors } from './text-anchors.js';
import { nameWords } from './text-names.js';
import { mayEndInStreetType } from './text-fast-paths.js';
import { PARTIAL_CARD_LAST4_WORDS, PARTIAL_CARD_MASK_WORDS, partialCardAt } from './card-partial.js';
import { memoised } from './text-memo.js';

export interface TextFindings {
  elements: ValueFinding[];
  secrets: SecretFinding[];
}

// ---- digit runs: text-numbers.ts -------------------------------------------------------------

export { phoneAfterGate, phoneContextGate } from './text-numbers.js';

// ---- keyword prefilter -----------------------------------------------------------------------

type Cue = 'secret' | 'id' | 'card4' | 'name1' | 'name2' | AddressCue;
/** The secret detectors' and the password-hash detector's own keywords, plus a few spelling variants. */
const SECRET_WORDS = [
  ...new Set([...SECRET_DETECTORS.flatMap((d) => d.keywords ?? []), ...SECRET_RULE_KEYWORDS, ...(passwordHash.keywords ?? []), 'passw', 'access-key', '$2x$', '$2$', '$7$', '$y$', '$apr1$']),
];
const ID_WORDS = [...ID_CONTEXT_KINDS.keys(), 'national id', 'passport', 'reisepass', 'passeport', 'pasaporte', "driver's licen", 'drivers licen', 'driver licen', 'driving licen', 'license number', 'licence number', 'führerschein', 'permis de conduire'];
const CUE_OF = new Map<string, Cue>();
for (const [words, cue] of [
  [SECRET_WORDS, 'secret'],
  [ID_WORDS, 'id'],
  [[...PARTIAL_CARD_MASK_WORDS, ...PARTIAL_CARD_LAST4_WORDS], 'card4'],
  [NAME_STRONG, 'name1'],
  [NAME_WEAK, 'name2'],
  [STREET_AFTER, 'after'],
  [STREET_BEFORE, 'before'],
  [STREET_SUFFIX, 'suffix'],
  [UNIT_WORDS, 'unit'],
  [STREET_MID, 'mid'],
  [ADDRESS_CUES, 'cue'],
  [MILITARY_WORDS, 'military'],
  [CORNER_WORDS, 'corner'],
] as const) {
  for (const w of words) if (!CUE_OF.has(w)) CUE_OF.set(w, cue);
}
/**
 * The one literal-alternation prefilter pass (scanning.md §7.2: ≈300 MB/s for a V8 alternation of
 * literals, case-insensitive). No \b or lookarounds inside: boundaries are checked per hit. The
 * alternation runs behind a first-three-characters table (text-keywords.ts), with the same matches.
 */
/** Every literal of the prefilter (lower case), for tests and documentation. */
export const PREFILTER_WORDS: readonly string[] = [...CUE_OF.keys()];
const KEYWORDS = keywordFinder(PREFILTER_WORDS);

const STICKY = new Map<string, RegExp>();
function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  let r = STICKY.get(re.source);
  if (!r) {
    r = new RegExp(re.source, 'y');
    STICKY.set(re.source, r);
  }
  r.lastIndex = pos;
  return r.exec(text);
}

/**
 * `key = value` after a secret keyword, in the shapes gitleaks' samples cover (ini, JSON, escaped
 * JSON, XML elements, YAML incl. `|`/`>` blocks, code with a type (`var k string = …`; only type
 * names, or `auth.login user=…` would read as key `auth.login` of type `user`), Makefile
 * `:=`/`::=`/`?=`/`+=`, CSV): a quoted
 * value is taken whole (random passwords hold `;`, `,`, `<`), an unquoted one up to a delimiter.
 */
const ASSIGN = /[A-Za-z0-9_.-]{0,30}(?:[ \t]+(?:string|String|str|char|bytes))?(?:\\?["'])?[ \t]{0,3}(?:[<>?+.]?=|:{1,3}=|=>|:|>|,)[ \t]{0,3}(?:[|>][ \t]*\r?\n[ \t]*|\r?\n[ \t]{0,8})?(?:\\?"((?:[^"\\\n]|\\[^"]){1,200}?)\\?"|'([^'\n]{1,200})'|`([^`\n]{1,200})`|([^\s"'`,;&<>)]{1,200}))/;
const AWS_NEAR = /aws/i;
const ID_TOKEN = /[A-Za-z0-9][A-Za-z0-9 .\-/]{6,22}[A-Za-z0-9]/g;
const PASSPORT_TOKEN = /[\s:#=]{1,6}(?:(?:no|number|nr|num|n°|nummer|numero)\.?[\s:#=]{1,4})?([A-Z0-9]{6,10})\b/iy;

const DL_TOKEN = /[a-z]{0,5}[\s:#=]{0,4}(?:(?:no|number|nr|num|n°|nummer|numero)\.?[\s:#=]{1,4})?(?:is[\s:]+)?([A-Z0-9][A-Z0-9-]{4,18}[A-Z0-9])\b/iy;
const HEX = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;
const isHexAt = (t: string, i: number) => {
  const c = t.charCodeAt(i);
  return c < 128 && HEX[c] === 1;
};

/** `/[a-fA-F]|::/` on the 9 characters around `i` (i − 4 … i + 4), without slicing them out. */
export function hexLetterOrPairNear(text: string, i: number): boolean {
  const end = Math.min(text.length, i + 5);
  for (let k = i > 4 ? i - 4 : 0; k < end; k++) {
    const c = text.charCodeAt(k);
    const l = c | 32;
    if (l >= 97 && l <= 102) return true;
    if (c === 58 && k + 1 < end && text.charCodeAt(k + 1) === 58) return true;
  }
  return false;
}

/**
 * IPv6 by the ':' anchor: a colon next to a hex letter or a "::" is expanded over hex digits,
 * colons and dots (IPv4-mapped tail) and validated. Times like 12:34:56 never qualify, so log
 * timestamps cost one indexOf each.
 */
function scanIpv6(text: string, out: ValueFinding[]): void {
  let i = text.indexOf(':');
  while (i !== -1) {
    let next = i + 1;
    if ((isHexAt(text, i - 1) || text[i - 1] === ':' || isHexAt(text, i + 1) || text[i + 1] === ':') && hexLetterOrPairNear(text, i)) {
      let s = i;
      while (s > 0 && i - s < 40 && (isHexAt(text, s - 1) || text[s - 1] === ':')) s--;
      let e = i + 1;
      while (e < text.length && e - s < 45 && (isHexAt(text, e) || text[e] === ':' || text[e] === '.')) e++;
      while (e > i + 1 && text[e - 1] === '.') e--;
      const prev = text.charCodeAt(s - 1);
      const cand = text.slice(s, e);
      if (!((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || prev === 95) && (cand.match(/:/g)?.length ?? 0) >= 2) {
        const f = validateIp(cand);
        if (f) out.push(f);
      }
      next = e > i ? e : i + 1;
    }
    i = text.indexOf(':', next);
  }
}

const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/;
const AWS_SECRET_BY_ID = SECRET_DETECTORS.find((d) => d.id === 'aws_secret_access_key')!;

const BEARER_TOKEN = /[ \t]+([A-Za-z0-9._~+/-]{16,512}=*)(?![^\s"',;])/y;

/**
 * An opaque bearer token after `Bearer` (RFC 6750 §2.1: b64token): a vendor's token by its rule,
 * else a generic secret when random enough; null (so the prefilter reads on: a JWT, `Basic …`)
 * otherwise.
 */
function bearerAt(text: string, schemeEnd: number, res: TextFindings): number | null {
  if (!/^bearer$/i.test(text.slice(schemeEnd - 6, schemeEnd))) return null;
  BEARER_TOKEN.lastIndex = schemeEnd;
  const m = BEARER_TOKEN.exec(text);
  if (!m || m[1].startsWith('eyJ')) return null;
  const f = matchSecretValue(m[1]) ?? validateGenericSecret(m[1], 16);
  if (!f) return null;
  res.secrets.push(f);
  return schemeEnd + m[0].length;
}

/** Handle one secret/ID keyword hit; returns where the prefilter may resume (past a consumed value). */
function keywordHit(text: string, kw: string, pos: number, res: TextFindings): number {
  const k = kw.toLowerCase();
  const c0 = k[0];
  // Credential rules (vendor prefixes, PEM keys, connection strings…): secret-scan.ts.
  const next = secretAt(text, k, pos, res.secrets);
  if (next !== -1) return next;
  if (c0 === '$' || c0 === '{' || k === 'pbkdf2') {
    // '$…' crypt formats have no ':' (it separates fields in shadow/htpasswd lines); Werkzeug's
    // 'pbkdf2:sha256:…' does. A '$' just before 'pbkdf2' belongs to passlib's format.
    const start = k === 'pbkdf2' && text[pos - 1] === '$' ? pos - 1 : pos;
    const m = at(k === 'pbkdf2' && start === pos ? /[^\s"'`;,]{19,300}/ : /[^\s"'`;:]{19,300}/, text, start);
    if (!m) return -1;
    const cand = m[0].replace(/[,.)\]]+$/, '');
    const kind = structuredHashKind(cand);
    if (kind) res.elements.push(element('password_hash', cand, { kind }));
    // Consume the run either way: another '$2b$' inside the same unbroken run is not a hash start.
    return start + m[0].length;
  }
  if (/^(?:passw|pwd|secret|token|api|access|credential|auth|aws)/.test(k)) {
    const m = at(ASSIGN, text, pos + k.length);
    if (!m) return -1;
    const end = m.index + m[0].length;
    const value = m[1] ?? m[2] ?? m[3] ?? m[4];
    // `Authorization: Basic …` / `Bearer …` (RFC 7617, RFC 6750): the credential is the word after
    // the scheme. Before, the scheme was taken for the value and skipped with it, so the
    // credential behind it was never looked at.
    if (m[4] !== undefined && /^(?:basic|bearer)$/i.test(value)) return bearerAt(text, end, res) ?? end - value.length;
    const window = text.slice(pos > 30 ? pos - 30 : 0, pos + k.length + 30);
    if (value.length === 40 && AWS_NEAR.test(window)) {
      const f = AWS_SECRET_BY_ID.validate(value) as SecretFinding | null;
      if (f) {
        // The key id of the pair, when it is written nearby (credentials files, env exports).
        const id = AWS_KEY_ID.exec(text.slice(Math.max(0, pos - 300), end + 300))?.[0];
        if (id) f.identity = id;
        res.secrets.push(f);
        return end;
      }
    }
    // `password: $2b$…` is a stored hash, not a clear-text secret.
    const hashKind = structuredHashKind(value);
    if (hashKind) {
      res.elements.push(element('password_hash', value, { kind: hashKind }));
      return end;
    }
    // `GITHUB_TOKEN=ghp_…` is a GitHub token, not a generic secret.
    // An unquoted value stops at ASSIGN's 200 characters; a vendor token may be longer (a 1Password
    // service-account token is ≈ 800), so the vendor rules read the whole run. Before, such a token
    // was cut and reported as a generic secret.
    const whole = m[4] !== undefined && value.length === 200 ? (at(/[^\s"'`,;&<>)]{1,16384}/, text, end - value.length)?.[0] ?? value) : value;
    const vendor = matchSecretValue(whole);
    if (vendor) {
      res.secrets.push(vendor);
      return end - value.length + whole.length;
    }
    // A password may be short (6+); a token or key is not (8+).
    const minLength = /^(?:passw|pwd)/.test(k) ? 6 : 8;
    let g = validateGenericSecret(value, minLength);
    if (!g && m[4] !== undefined && /[;,<>)&]/.test(text[end] ?? '')) {
      // Unquoted and cut at a delimiter: a random password may hold `;` `,` `<` itself.
      const wide = at(/[^\s"'`]{1,200}/, text, end - value.length)?.[0].replace(/[;,)]+$/, '');
      if (wide && wide.length > value.length) {
        g = validateGenericSecret(wide, minLength);
        if (g) {
          res.secrets.push(g);
          if (/^(?:passw|pwd)/.test(k)) res.elements.push(element('password', wide));
          return end - value.length + wide.length;
        }
      }
    }
    if (g) res.secrets.push(g);
    // A password written in clear is also personal data (credentials of a person).
    if (g && /^(?:passw|pwd)/.test(k)) res.elements.push(element('password', value));
    return end;
  }
  if (/\p{L}/u.test(text[pos - 1] ?? ' ')) return -1;
  if (k.startsWith('pass') || k === 'reisepass' || k.startsWith('pasa')) {
    const m = at(PASSPORT_TOKEN, text, pos + k.length);
    if (m && /\d/.test(m[1]) && !/^\d{1,5}$/.test(m[1])) res.elements.push(element('passport_number', m[1].toUpperCase()));
    return -1;
  }
  if (/^(?:driv|lic|führ|permis)/.test(k)) {
    const m = at(DL_TOKEN, text, pos + k.length);
    if (m && (m[1].match(/\d/g)?.length ?? 0) >= 4) res.elements.push(element('drivers_license', m[1].replace(/-/g, '').toUpperCase()));
    return -1;
  }
  // National-ID keywords: validate tokens in the window that follows, only as the kind the word
  // names ("BSN" → Dutch BSN only; "national id" → any kind). A token may run on into the next
  // words ("AB123456C and"): its prefixes ending at a space are tried, longest first.
  const kind = ID_CONTEXT_KINDS.get(k);
  const win = text.slice(pos + k.length, pos + k.length + 60);
  ID_TOKEN.lastIndex = 0;
  for (let m = ID_TOKEN.exec(win); m; m = ID_TOKEN.exec(win)) {
    for (let t = m[0]; t.length >= 8; t = t.slice(0, Math.max(0, t.lastIndexOf(' ')))) {
      const f = validateNationalId(t, kind);
      if (f) {
        res.elements.push(f);
        return -1;
      }
      if (t.lastIndexOf(' ') === -1) break;
    }
  }
  return -1;
}

const NUMBER_RUN_AT = new RegExp(NUMBER_RUN.source, 'y');
/**
 * The NUMBER_RUN loop of scanText with the spans of its possible starts known (text-anchors.ts
 * `num`: [lo, hi] pairs, ascending). A sticky exec at each possible start, in order from where
 * the global RegExp would resume, gives the same matches: every match starts at one of them, and
 * a sticky exec matches at a start exactly what the global one, searching from there, would.
 */
function numberRunsAmong(text: string, spans: Int32Array, from: number, to: number, out: ValueFinding[]): void {
  let pos = 0;
  for (let c = from; c < to; c += 2) {
    const hi = spans[c + 1];
    for (let q = Math.max(spans[c], pos); q <= hi; q++) {
      const x = text.charCodeAt(q);
      // A digit, or '+'/'(' before a digit of the span.
      if (!(x >= 48 && x <= 57) && !((x === 43 || x === 40) && q < hi && text.charCodeAt(q + 1) >= 48 && text.charCodeAt(q + 1) <= 57)) continue;
      NUMBER_RUN_AT.lastIndex = q;
      const m = NUMBER_RUN_AT.exec(text);
      if (m === null) continue;
      const resume = dispatchNumber(text, m[0], q, out);
      pos = resume !== -1 ? resume : NUMBER_RUN_AT.lastIndex;
      // The next start is at pos or after: within this span or a later one.
      q = pos - 1;
    }
  }
}

/** scanText's keyword candidates (it is not re-entered: no detector it calls scans text again). */
let KW_SCRATCH = new Int32Array(1024);
function kwScratch(n: number): Int32Array {
  if (KW_SCRATCH.length < n) KW_SCRATCH = new Int32Array(Math.max(n, 2 * KW_SCRATCH.length));
  return KW_SCRATCH;
}

export interface ScanTextOptions {
  /** Best-effort person names and street addresses (heuristic, lower precision). Default true. */
  people?: boolean;
}

const DEFAULTS: ScanTextOptions = {};

/**
 * The anchors of a block of lines on their bytes (text-anchors.ts), for scanText(lines[i], {},
 * anchors, i): the same findings as scanText(lines[i]), with less walking of the string.
 */
export const textBlockAnchors = (buf: Uint8Array, lines: readonly string[]): TextAnchors | null => textAnchors(buf, lines, KEYWORDS);

/**
 * `anchors`, `line`: the line's anchors when `text` is line `line` of a block that textBlockAnchors
 * marked (its keyword and name candidates are then taken from there, not found again).
 */
export function scanText(text: string, opts: ScanTextOptions = DEFAULTS, anchors?: TextAnchors | null, line = -1): TextFindings {
  // A cell of a table (no block anchors): repeated values from the memo (text-memo.ts).
  if (anchors == null && fast) return remembered(text, opts.people !== false);
  return scanOnce(text, opts, anchors, line);
}

const NO_PEOPLE: ScanTextOptions = { people: false };
const remembered = memoised((text, people) => scanOnce(text, people ? DEFAULTS : NO_PEOPLE));
let fast = true;
/** Test hook: off, every text takes the general path (no memo); the tests compare both. */
export function setTextFastPaths(on: boolean): void {
  fast = on;
}

function scanOnce(text: string, opts: ScanTextOptions, anchors?: TextAnchors | null, line = -1): TextFindings {
  const res: TextFindings = { elements: [], secrets: [] };
  const marked = anchors != null && line >= 0 && anchors.ascii[line] === 1;
  if (text.length === 0) return res;
  scanEmails(text, res.elements);
  scanIpv6(text, res.elements);
  if (marked && anchors.num !== null && anchors.numAt !== null) numberRunsAmong(text, anchors.num, anchors.numAt[line], anchors.numAt[line + 1], res.elements);
  else {
    NUMBER_RUN.lastIndex = 0;
    for (let m = NUMBER_RUN.exec(text); m; m = NUMBER_RUN.exec(text)) {
      const resume = dispatchNumber(text, m[0], m.index, res.elements);
      if (resume !== -1) NUMBER_RUN.lastIndex = resume;
    }
  }
  const people = opts.people !== false;
  // `from` follows what a global RegExp's lastIndex would: the match end, or past a consumed value.
  let from = 0;
  /** Address spans [start, end) pairs, grown and merged at the end (text-address.ts). */
  const addresses: number[] = [];
  // The keyword candidates: the block's anchors, else the finder's branch-free walk of the text.
  const kw = marked ? anchors.kw : kwScratch(text.length);
  let kwLo = marked ? anchors.kwAt[line] : 0;
  const kwHi = marked ? anchors.kwAt[line + 1] : KEYWORDS.candidates(text, kw);
  // `from` only grows: the candidates before it are passed once (kwLo), not again at every hit.
  for (let m = KEYWORDS.nextAmong(text, 0, kw, kwLo, kwHi); m; m = KEYWORDS.nextAmong(text, from, kw, kwLo, kwHi)) {
    const k = m[0].toLowerCase();
    const cue = CUE_OF.get(k);
    const end = m.index + k.length;
    from = m.index + m[0].length;
    while (kwLo < kwHi && kw[kwLo] < m.index) kwLo++;
    if (cue === 'secret' || cue === 'id') {
      const next = keywordHit(text, k, m.index, res);
      if (next > end) from = next;
    } else if (cue === 'card4') {
      const next = partialCardAt(text, m.index, k, res.elements);
      if (next > end) from = next;
    } else if (!people) continue;
    else if (cue === 'name1' || cue === 'name2') {
      const next = nameAfterCue(text, m.index, end, cue === 'name1', res.elements);
      if (next > end) from = next;
    } else if (cue) addressAround(text, m.index, end, cue, addresses);
  }
  if (people) {
    nameLines(text, res.elements);
    if (marked) nameWords(text, res.elements, true, anchors.name, anchors.nameAt[line], anchors.nameAt[line + 1]);
    else nameWords(text, res.elements);
  }
  // A street abbreviation at the very end ("… 2450 Crown St") has no following character to match.
  const tail = people && mayEndInStreetType(text) ? /(?:st|rd|ave|dr|blvd)\.?$/i.exec(text.slice(-6)) : null;
  if (tail) addressAround(text, text.length - tail[0].length, text.length, 'after', addresses);
  flushAddresses(text, addresses, res.elements);
  if (res.secrets.length > 1) dropGenericEchoes(res.secrets);
  return res;
}

/**
 * One credential found twice in one text is one credential: `"SecretAccessKey": "…"` is the AWS
 * secret key of the key id beside it and, by its key name, a generic secret. The named finding
 * stays; a generic one with the same value goes (it counted the key twice).
 */
function dropGenericEchoes(secrets: SecretFinding[]): void {
  const named = new Set<string>();
  for (const f of secrets) if (f.type !== 'generic_secret') named.add(f.value);
  if (named.size === 0) return;
  let w = 0;
  for (const f of secrets) if (f.type !== 'generic_secret' || !named.has(f.value)) secrets[w++] = f;
  secrets.length = w;
}
