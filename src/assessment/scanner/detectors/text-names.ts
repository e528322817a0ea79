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
import { isCountry } from '../classify/geo.js';
import type { ValueFinding } from '../types.js';
import { element } from './detector.js';
import { COMMON_WORDS, FIRST_NAMES, LAST_NAMES } from './name-lists.data.js';

let first: Set<string> | null = null;
let last: Set<string> | null = null;
let common: Set<string> | null = null;

/** Words that are capitalised in text for other reasons: never a name alone. */
const NOT_NAME = new Set(
  'i|name|names|german|the|a|an|my|your|our|his|her|their|this|that|these|those|it|we|you|he|she|they|mr|mrs|ms|dr|prof|sir|madam|dear|hello|hi|hey|thanks|thank|please|yes|no|ok|okay|re|fw|fwd|subject|from|to|cc|date|sent|street|road|avenue|lane|drive|st|rd|ave|apt|suite|unit|inc|ltd|llc|gmbh|corp|co|company|bank|university|hospital|school|city|county|state|north|south|east|west|new|san|santa|saint|st|fort|mount|lake|port|union|pass|route|coves|cove|terrace|close|place|bypass|streets|point|beach|springs|parks|park|square|court|crescent|gardens|way|view|heights|hills|valley|islands|island|rue|via|rua|calle|avenida|strasse|straße|will|may|mark|bill|grant|page|case|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter|god|internet|email|phone|account|card|order|customer|user|admin|team|support|service|manager|director|president|doctor|nurse|patient|client'.split(
    '|',
  ),
);

/** A word a name may hold: not one capitalised for other reasons, not a country's name. */
const nameable = (w: string) => !NOT_NAME.has(w) && !(w.length > 3 && isCountry(w));

function sets(): void {
  first = new Set(FIRST_NAMES.split('|'));
  last = new Set(LAST_NAMES.split('|'));
  common = new Set(COMMON_WORDS.split('|'));
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

export function nameWords(text: string, out: ValueFinding[]): void {
  if (first === null) sets();
  const F = first!;
  const L = last!;
  const C = common!;
  // Candidates by one regex jump (an upper-case letter, then a lower-case one or a dot/space for
  // an initial): per-character tests in JavaScript cost ≈ 20 % of a log scan, this a few %.
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const i = m.index;
    // Inside a word or a hyphenated compound ("Weeks-Rivas" is a firm): not a name start.
    if (i > 0 && (isLetter(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 45)) continue;
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
    const full = words.filter((w) => !w.initial);
    if (full.length > 0 && !words[0].initial) {
      // "Szczepańska's": the possessive is not part of the name.
      const lower = full.map((w) => text.slice(w.start, w.end).toLowerCase().replace(/['’]s$/, ''));
      // "Mijail C Adomo", "Soib K. Kishiev": given name, initial, surname — a name by its form.
      const initialed = words.length === 3 && !words[0].initial && words[1].initial && !words[2].initial;
      let ok = false;
      const start = words[0].start;
      // After a house number ("137 Colorado Springs") it is a street or a place.
      const afterNumber = /\d[\s,]{0,2}$/.test(text.slice(start > 4 ? start - 4 : 0, start));
      // Every word must be one a name can hold (not NOT_NAME, not a country). Tested last: the
      // country test folds the word (NFD), and most capitalised words of a log ("Mozilla",
      // "Failed") are no given name or surname, so they never get that far (issue 21).
      if (afterNumber) ok = false;
      else if (lower.length >= 2) {
        const evidence = initialed || F.has(lower[0]) || L.has(lower[lower.length - 1]);
        ok = evidence && !lower.every((w) => C.has(w)) && lower.every(nameable);
      } else if (lower.length === 1) {
        const w = lower[0];
        // A lone word after "to/at/in/from" is a place far more often ("flew to Coles").
        if ((F.has(w) || L.has(w)) && !C.has(w)) {
          const place = /\b(?:to|at|in|from|of|on|near|via)\s+$/i.test(text.slice(start > 8 ? start - 8 : 0, start));
          ok = (F.has(w) || (!place && !sentenceStart(text, start))) && nameable(w);
        }
      }
      if (ok) {
        const v = text.slice(words[0].start, words[words.length - 1].end).replace(/['’]s$/, '');
        // Already found after a cue ("this is Dr. Kyle Kuefer"): once is enough.
        if (!out.some((f) => f.element === 'person_name' && f.value === v)) out.push(element('person_name', v));
      }
    }
    if (words.length > 0) CANDIDATE.lastIndex = words[words.length - 1].end;
  }
}

const CANDIDATE = /[A-Z\u00C0-\u00DE\u0100-\u024F](?:[a-z\u00DF-\u024F]|\.? )/g;
