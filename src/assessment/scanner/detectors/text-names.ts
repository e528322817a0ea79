/**
 * Person names in free text without a cue (issue 14 §5): runs of capitalised words checked
 * against embedded given-name and surname lists of ten languages (name-lists.data.ts, generated
 * by scripts/gen-name-lists.mjs from @zxcvbn-ts/language-* and @faker-js/faker). A run is a name when
 *  - it has two or more words and its first word is a given name or its last a surname, and not
 *    every word is a common word ("New York", "Thank You"), or
 *  - it is one word that is a given name or surname, is not one of the frequent common words of
 *    those languages, and does not start a sentence (where every word is capitalised).
 * Cost: one pass of character-code tests; set look-ups only at capitalised words. The lists are
 * turned into sets on first use (a scan with no free text never pays for them).
 */
import { inEncodedRun } from './text-blob.js';
import { isCountry, isUsState } from '../classify/geo.js';
import type { ValueFinding } from '../types.js';
import { isMonthAbbreviation } from './context-only.js';
import { element, isDigit } from './detector.js';
import { decodeWordTables, NAME_LISTS } from './name-tables.js';
import { CUE_AFTER, CUE_BEFORE, CUE_LAST_WORDS, cueAfterGate, enumerationNames, speakerNames, surnameShaped, vetoed } from './text-name-context.js';
import { lowerCaseNamesFast } from './text-lower-names.js';
import { WordTable, type Words } from './word-table.js';

let first: Words | null = null;
let last: Words | null = null;
let common: Words | null = null;

/** Words that are capitalised in text for other reasons: never a name alone. */
const NOT_NAME = new Set(
  'i|name|names|german|the|a|an|royal|highness|majesty|my|your|our|his|her|their|this|that|these|those|it|we|you|he|she|they|mr|mrs|ms|dr|prof|sir|madam|dear|hello|hi|hey|thanks|thank|please|yes|no|ok|okay|re|fw|fwd|subject|from|to|cc|date|sent|street|road|avenue|lane|drive|st|rd|ave|apt|suite|unit|inc|ltd|llc|gmbh|corp|co|company|bank|university|hospital|school|city|county|state|north|south|east|west|new|san|santa|saint|st|fort|mount|lake|port|union|pass|route|coves|cove|terrace|close|place|bypass|streets|point|beach|springs|parks|park|square|court|crescent|gardens|way|view|heights|hills|valley|islands|island|rue|via|rua|calle|avenida|strasse|straße|will|may|mark|bill|grant|page|case|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter|god|internet|email|phone|account|card|order|customer|user|admin|team|support|service|manager|director|president|doctor|nurse|patient|client'.split(
    '|',
  ),
);

/** Where the build's tables of the lists are read from (nameTablesFrom), or null. */
let prebuilt: (() => Uint8Array | null) | null = null;

/**
 * `read`: the build's binary form of the lists' tables (name-tables.ts), asked for on first use.
 * The engine passes the reading of its file (engine/default-detection.ts): this module does no I/O.
 */
export function nameTablesFrom(read: (() => Uint8Array | null) | null): void {
  prebuilt = read;
  first = last = common = null;
}

/**
 * The lists as tables over their own strings (word-table.ts: half the CPU of three Sets, no string
 * a word): the build's, when they are there and were made from these very lists (name-tables.ts
 * checks), else built here.
 */
function sets(): void {
  const bytes = prebuilt?.() ?? null;
  const read = bytes === null ? null : decodeWordTables(bytes, NAME_LISTS);
  [first, last, common] = read ?? NAME_LISTS.map((list) => new WordTable(list));
}

const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x100 && c < 0x250 && c % 2 === 0);
const isLower = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7) || (c >= 0x100 && c < 0x250);
const isLetter = (c: number) => isUpper(c) || isLower(c);

interface Word {
  start: number;
  end: number;
  /** An initial ("J" or "J."): part of a name, no evidence of one. */
  initial: boolean;
}

/** The capitalised word at `i` (upper-case letter, then lower-case letters, ' ’ -), or null. */
function wordAt(text: string, i: number): Word | null {
  const c = text.charCodeAt(i);
  if (!isUpper(c)) return null;
  let e = i + 1;
  while (e < text.length) {
    const d = text.charCodeAt(e);
    if (isLower(d) || ((d === 39 || d === 0x2019 || d === 45) && isLetter(text.charCodeAt(e + 1)))) e++;
    else break;
  }
  const next = text.charCodeAt(e);
  if (e === i + 1) {
    // "J" or "J." followed by a space: an initial.
    if (e < text.length && next !== 46 && next !== 32) return null;
    return { start: i, end: next === 46 ? e + 1 : e, initial: true };
  }
  if (isUpper(next) || (next >= 48 && next <= 57)) return null; // "McDonald"-like or "Abc1": not checked
  return { start: i, end: e, initial: false };
}

/** Where the sentence around `i` starts: true when only punctuation/space lies between it and a sentence end. */
function sentenceStart(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '"' || text[k] === '(' || text[k] === '\'')) k--;
  return k < 0 || text[k] === '.' || text[k] === '!' || text[k] === '?' || text[k] === '\n' || text[k] === ':' || text[k] === '-';
}

/** A cue before or after the run at [start, end) (text-name-context.ts). */
const cued = (text: string, start: number, end: number) =>
  (CUE_LAST_WORDS.has(wordBefore(text, start)) && CUE_BEFORE.test(text.slice(start > 30 ? start - 30 : 0, start))) || (cueAfterGate(text, end) && CUE_AFTER.test(text.slice(end, end + 30)));

/** The lower-cased word (or the ':' / '?') just before `start`, past one space. */
function wordBefore(text: string, start: number): string {
  let e = start - 1;
  if (text.charCodeAt(e) !== 32 && text.charCodeAt(e) !== 9) return '';
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  const c = text.charCodeAt(e - 1);
  if (c === 58 || c === 63) return text[e - 1];
  let b = e;
  while (b > 0 && isLetter(text.charCodeAt(b - 1))) b--;
  // "ex-Zombie Sedej": the prefix counts as the cue.
  if (text.charCodeAt(b - 1) === 45) return 'ex-';
  return text.slice(b, e).toLowerCase();
}

/** A country or US state name (isCountry, isUsState) per distinct word (it folds diacritics with a Unicode regex: ≈ 5 % of a prose scan uncached). */
const COUNTRY_MEMO = new Map<string, boolean>();
function country(w: string): boolean {
  let v = COUNTRY_MEMO.get(w);
  if (v === undefined) {
    if (COUNTRY_MEMO.size > 20_000) COUNTRY_MEMO.clear();
    v = isCountry(w) || isUsState(w);
    COUNTRY_MEMO.set(w, v);
  }
  return v;
}

/** Greetings and royal or noble titles: a cue before a name, never part of it. */
const LEADING_CUES = new Set(['hi', 'hello', 'hey', 'dear', 'thanks', 'prince', 'princess', 'king', 'queen', 'lord', 'lady', 'duke', 'duchess', 'earl', 'baron', 'baroness', 'emperor', 'empress', 'pope']);
const ARTICLES = new Set(['the', 'a', 'an', 'my', 'your', 'our', 'his', 'her', 'their', 'this', 'that']);

/**
 * What a lone capitalised word is, apart from where it stands: its lower-cased form (without a
 * possessive) and its list memberships. Log lines repeat the same few capitalised words
 * ("Mozilla", "Failed", "Mar") on every line; this memo answers them with one Map lookup
 * (issue 21). Bounded: cleared at LONE_MAX distinct words, like COUNTRY_MEMO.
 */
interface Lone {
  lower: string;
  /** Not a NOT_NAME word nor a country/state (the `clean` test). */
  clean: boolean;
  common: boolean;
  given: boolean;
  /** A given name, a surname or surname-shaped. */
  listed: boolean;
}
const LONE = new Map<string, Lone>();
const LONE_MAX = 20_000;
function lone(raw: string, F: Words, L: Words, C: Words): Lone {
  let v = LONE.get(raw);
  if (v === undefined) {
    if (LONE.size >= LONE_MAX) LONE.clear();
    const lower = raw.toLowerCase().replace(/['’]s$/, '');
    const given = F.has(lower);
    v = { lower, clean: !NOT_NAME.has(lower) && !(lower.length > 3 && country(lower)), common: C.has(lower), given, listed: given || L.has(lower) || surnameShaped(lower) };
    LONE.set(raw, v);
  }
  return v;
}

/**
 * A month's abbreviation written inside a date or time (outside review logfp23): `[12/Jan/2024:…]`
 * (nginx/Apache %t), `Jan  5 10:11:12` (the RFC 3164 syslog header), `5-Mar-2024`, `Jan 2024`. The
 * full English month names are NOT_NAME already; "Jan" is also a given name ("Jan Novak called"),
 * so the abbreviation is dropped only when a digit touches it, directly or across one date separator
 * (`/`, `-`, `.`, `:`), or a number follows it after blanks ("Jan: hello" stays a speaker).
 */
const dateSeparator = (c: number) => c === 47 || c === 45 || c === 46 || c === 58;
function monthInDate(text: string, start: number, end: number, lower: string): boolean {
  if (end - start > 4 || !isMonthAbbreviation(lower)) return false;
  const p = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (isDigit(p) || (dateSeparator(p) && isDigit(text.charCodeAt(start - 2)))) return true;
  let k = end;
  if (dateSeparator(text.charCodeAt(k)) && isDigit(text.charCodeAt(k + 1))) return true;
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  return k > end && isDigit(text.charCodeAt(k));
}

/** A lone word after "to/at/in/from" is a place far more often ("flew to Coles"). */
const PLACE_BEFORE = /\b(?:to|at|in|from|of|on|near|via)\s+$/i;
/** A house number just before a run: a street or a place ("137 Colorado Springs"). */
const NUMBER_BEFORE = /\d[\s,]{0,2}$/;

/**
 * `memo` (default): a run of one capitalised word is decided by `lone` and the context tests
 * only when they can change the answer; the general branch below gives the same answer
 * (text-fast-paths.test.ts compares both on arbitrary text). `lower`: the caller knows the text
 * holds no upper-case letter (scanText's ASCII cell without A–Z), so HAS_UPPER is not tested again.
 */
export function nameWords(text: string, out: ValueFinding[], memo = true, cands?: Int32Array, lo = 0, hi = 0, lower = false): void {
  if (first === null) sets();
  const F = first!;
  const L = last!;
  const C = common!;
  const add = (v: string) => {
    // Already found after a cue ("this is Dr. Kyle Kuefer"): once is enough.
    if (!out.some((f) => f.element === 'person_name' && f.value === v)) out.push(element('person_name', v));
  };
  if (lower || !HAS_UPPER.test(text)) {
    lowerCaseNamesFast(text, F, L, C, add);
    return;
  }
  // Candidates by one regex jump (an upper-case letter, then a lower-case one or a dot/space for
  // an initial): per-character tests in JavaScript cost ≈ 20 % of a log scan, this a few %.
  // `resume` is CANDIDATE's lastIndex. With `cands` (text-anchors.ts: the positions where CANDIDATE
  // matches, ascending) the next candidate is the first one ≥ resume, as CANDIDATE.exec would find;
  // a match is 2 or 3 characters long and the characters after its first are never a candidate
  // (not upper case), so `resume = i + 1` after a candidate finds the same next one.
  let resume = 0;
  let c = lo;
  for (;;) {
    let i: number;
    if (cands !== undefined) {
      while (c < hi && cands[c] < resume) c++;
      if (c === hi) break;
      i = cands[c];
      resume = i + 1;
    } else {
      CANDIDATE.lastIndex = resume;
      const m = CANDIDATE.exec(text);
      if (m === null) break;
      i = m.index;
      resume = CANDIDATE.lastIndex;
    }
    // Inside a word or a hyphenated compound ("Weeks-Rivas" is a firm): not a name start.
    if (i > 0 && (isLetter(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 45)) continue;
    // Inside base64 or a token (`…ti+U+Ine+m8k…`): letters by chance, no one's name (text-blob.ts).
    if ((i === 0 || text.charCodeAt(i - 1) !== 32) && inEncodedRun(text, i, i + 2)) continue;
    if (memo) {
      // One word, not an initial, with no capitalised word after it: the run is that word alone.
      const w = wordAt(text, i);
      if (w !== null && !w.initial && (text.charCodeAt(w.end) !== 32 || !isUpper(text.charCodeAt(w.end + 1)))) {
        loneWord(text, w.start, w.end, lone(text.slice(w.start, w.end), F, L, C), add);
        resume = w.end;
        continue;
      }
    }
    const words: Word[] = [];
    let j = i;
    for (;;) {
      const w = wordAt(text, j);
      if (!w) break;
      words.push(w);
      if (words.length === 4) break;
      const sep = text.charCodeAt(w.end);
      if (sep !== 32 || !isUpper(text.charCodeAt(w.end + 1))) break;
      j = w.end + 1;
    }
    if (words.length === 0) continue;
    // Trailing initials belong to what follows, not to this name.
    while (words.length > 0 && words[words.length - 1].initial) words.pop();
    // "The Steffen Mauer version": an article or possessive before a name is not part of it.
    // "Hi Freddy": a greeting is a cue, not part of the name.
    // "King Charles", "Princess Royal": a royal or noble title before a name is not part of it.
    while (words.length > 1 && LEADING_CUES.has(text.slice(words[0].start, words[0].end).toLowerCase())) words.shift();
    while (words.length > 2 && ARTICLES.has(text.slice(words[0].start, words[0].end).toLowerCase())) words.shift();
    const full = words.filter((w) => !w.initial);
    if (full.length > 0 && !words[0].initial) {
      // "Szczepańska's": the possessive is not part of the name.
      const lower = full.map((w) => text.slice(w.start, w.end).toLowerCase().replace(/['’]s$/, ''));
      // "Mijail C Adomo", "Soib K. Kishiev": given name, initial, surname — a name by its form.
      const initialed = words.length === 3 && !words[0].initial && words[1].initial && !words[2].initial;
      const clean = lower.filter((w) => !NOT_NAME.has(w) && !(w.length > 3 && country(w)));
      let ok = false;
      const start = words[0].start;
      const end = words[words.length - 1].end;
      const lastWord = lower[lower.length - 1];
      if (clean.length === lower.length && lower.length >= 2) {
        const evidence = initialed || F.has(lower[0]) || L.has(lastWord) || surnameShaped(lastWord) || cued(text, start, end);
        ok = evidence && !lower.every((w) => C.has(w));
      } else if (lower.length === 1 && clean.length === 1) {
        const w = lower[0];
        const place = PLACE_BEFORE.test(text.slice(start > 8 ? start - 8 : 0, start));
        if (!C.has(w)) {
          const given = F.has(w);
          const listed = given || L.has(w) || surnameShaped(w);
          ok = (listed && (given || (!place && !sentenceStart(text, start)))) || cued(text, start, end);
        }
      }
      // After a house number ("137 Colorado Springs") it is a street or a place; the vetoes of
      // text-name-context.ts (organisation, street, nationality words) run only on accepted runs.
      if (ok && (NUMBER_BEFORE.test(text.slice(start > 4 ? start - 4 : 0, start)) || vetoed(lower, text, end))) ok = false;
      if (ok && lower.length === 1 && monthInDate(text, start, end, lower[0])) ok = false;
      if (ok) add(text.slice(words[0].start, end).replace(/['’]s$/, ''));
    }
    if (words.length > 0) resume = words[words.length - 1].end;
  }
  // "Monjeau, Graves and Reed" once one of them is a name.
  if (out.length > 0 && text.includes(' ') && out.some((f) => f.element === 'person_name')) {
    const names = new Set(out.filter((f) => f.element === 'person_name').map((f) => f.value));
    if (names.size > 0) {
      const single = (w: string) => {
        const l = w.toLowerCase().replace(/['’]s$/, '');
        return !NOT_NAME.has(l) && !country(l) && !vetoed([l], '', 0) && (!C.has(l) || F.has(l) || L.has(l));
      };
      const known = (w: string) => {
        const l = w.toLowerCase();
        return names.has(w) || ((F.has(l) || L.has(l) || surnameShaped(l)) && !C.has(l));
      };
      const drop = (v: string) => {
        const i = out.findIndex((f) => f.element === 'person_name' && f.value === v);
        if (i >= 0) out.splice(i, 1);
      };
      enumerationNames(text, known, single, add, drop);
      if (text.includes('\n')) speakerNames(text, (w) => names.has(w), single, add);
    }
  }
}

/** The general branch's one-word case for the word at [start, end), its context tests in the same order, each only when the answer still depends on it. */
function loneWord(text: string, start: number, end: number, w: Lone, add: (v: string) => void): void {
  if (!w.clean || w.common) return;
  const ok = (w.listed && (w.given || (!PLACE_BEFORE.test(text.slice(start > 8 ? start - 8 : 0, start)) && !sentenceStart(text, start)))) || cued(text, start, end);
  if (!ok || NUMBER_BEFORE.test(text.slice(start > 4 ? start - 4 : 0, start)) || vetoed([w.lower], text, end) || monthInDate(text, start, end, w.lower)) return;
  add(text.slice(start, end).replace(/['’]s$/, ''));
}

const HAS_UPPER = /[A-Z\u00C0-\u00DE]/;
const CANDIDATE = /[A-Z\u00C0-\u00DE\u0100-\u024F](?:[a-z\u00DF-\u024F]|\.? )/g;
