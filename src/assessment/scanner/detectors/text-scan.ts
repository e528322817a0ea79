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
import { passwordHash } from './hashes.js';
import { ID_CONTEXT_KINDS } from './national-ids.js';
import { ADDRESS_CUES, type AddressCue, addressAround, CORNER_WORDS, flushAddresses, MILITARY_WORDS, STREET_AFTER, STREET_BEFORE, STREET_MID, STREET_SUFFIX, UNIT_WORDS } from './text-address.js';
import { NAME_STRONG, NAME_WEAK, nameAfterCue, nameLines } from './text-people.js';
import { SECRET_RULE_KEYWORDS } from './secret-scan.js';
import { SECRET_DETECTORS } from './secrets.js';
import { keywordHit } from './text-keyword-hits.js';
import { keywordFinder } from './text-keywords.js';
import { dispatchNumber, NUMBER_RUN } from './text-numbers.js';
import { type TextAnchors, textAnchors } from './text-anchors.js';
import { nameWords } from './text-names.js';
import { mayEndInStreetType } from './text-fast-paths.js';
import { PARTIAL_CARD_LAST4_WORDS, PARTIAL_CARD_MASK_WORDS, partialCardAt } from './card-partial.js';
import { memoised } from './text-memo.js';
import { CELL, CLASS_AT, CLASS_COLON, CLASS_DIGIT, CLASS_NEWLINE, CLASS_PERCENT, cellPass } from './text-lower-words.js';

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
/** Shorter cells take the JavaScript passes: the copy into the kernel and the call have a fixed cost. */
const CELL_MIN_CHARS = 48;
const ASCII_UPPER = /[A-Z]/;
/** Test hook: off, every text takes the general path (no memo); the tests compare both. */
export function setTextFastPaths(on: boolean): void {
  fast = on;
}

function scanOnce(text: string, opts: ScanTextOptions, anchors?: TextAnchors | null, line = -1): TextFindings {
  const res: TextFindings = { elements: [], secrets: [] };
  const marked = anchors != null && line >= 0 && anchors.ascii[line] === 1;
  if (text.length === 0) return res;
  // An ASCII cell without capitals (a lower-case note): one kernel pass gives its keyword
  // candidates and which anchor characters it holds; a pass whose anchor is absent cannot find
  // anything and is skipped (text-lower-words.ts), and the name rules' word walk reuses its copy.
  // Cells with capitals keep the JavaScript passes: there the copy and the pass cost what they save
  // (tickets: 53.6 → 57.8 ns a character with them).
  const cell = !marked && fast && text.length >= CELL_MIN_CHARS && !ASCII_UPPER.test(text) && cellPass(text, KEYWORDS.tables);
  const mask = cell ? CELL.mask : -1;
  if ((mask & (CLASS_AT | CLASS_PERCENT)) !== 0) scanEmails(text, res.elements);
  if ((mask & CLASS_COLON) !== 0) scanIpv6(text, res.elements);
  if (marked && anchors.num !== null && anchors.numAt !== null) numberRunsAmong(text, anchors.num, anchors.numAt[line], anchors.numAt[line + 1], res.elements);
  else if ((mask & CLASS_DIGIT) !== 0) {
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
  const kw = marked ? anchors.kw : cell ? CELL.ints : kwScratch(text.length);
  let kwLo = marked ? anchors.kwAt[line] : cell ? CELL.kwAt : 0;
  const kwHi = marked ? anchors.kwAt[line + 1] : cell ? CELL.kwAt + CELL.kwCount : KEYWORDS.candidates(text, kw);
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
    if ((mask & CLASS_NEWLINE) !== 0) nameLines(text, res.elements);
    if (marked) nameWords(text, res.elements, true, anchors.name, anchors.nameAt[line], anchors.nameAt[line + 1]);
    else nameWords(text, res.elements, true, undefined, 0, 0, cell);
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
