/**
 * lowerCaseNames (text-name-context.ts) without a Unicode RegExp pass per rule on ASCII text
 * (issue 21): a wide free-text column of a customer export ("notes", "support transcript") is
 * often all lower case, and there the four global `u` RegExps over every cell took ≈ 30 % of a
 * scan. Same findings, in the same order (text-lower-names.test.ts compares both on random text):
 *  - given name + surname pairs: one character-code loop over the words, hashing each; a string
 *    and a Set look-up only for a word that a Bloom filter of the given names lets through and
 *    that is followed by one space and another word;
 *  - "hi adam": the cue RegExp is tried (sticky) only where a cue word and a blank stand;
 *  - "cormac had given": the verb RegExp is tried only on the token before each " said"-like verb
 *    (a sticky copy at each start in that token: the same leftmost match the global one finds);
 *  - "silvana, adam and caleb": the list RegExp is tried (sticky) only at the start of the
 *    lower-case word before each comma followed by a blank, where every match starts (the global
 *    search cost ≈ 40 % of this function on prose with commas: at each letter its greedy \p{Ll}+
 *    runs to the word's end and backs off).
 * Characters outside ASCII are classed once each by the RegExp's own \p{Ll} (a table of the BMP);
 * text holding a surrogate (a code point beyond the BMP, one character to a `u` RegExp but two
 * code units here) takes lowerCaseNames itself.
 */
import { lowerCaseNames, surnameShaped } from './text-name-context.js';
import { LOWER_WORDS, lowerWords } from './text-lower-words.js';
import type { Words } from './word-table.js';

const CUES = 'my name is|name is|call me|calls me|hi|hello|dear|with|kid|son|daughter|ask for';
/** lowerCaseNames' cue rule, sticky. */
const CUE = new RegExp(String.raw`(?:${CUES})[ \t]+(\p{Ll}[\p{Ll}'’-]+)(?:[ \t]+(\p{Ll})(?!\p{L})\.?)?(?:[ \t]+(\p{Ll}[\p{Ll}'’-]+))?`, 'uy');
/**
 * Where a cue match can start: a cue then a blank. Every cue ends in two ASCII letters, so it ends
 * where a word of the pair loop ends (before a blank); the loop looks the cues up by the word's
 * last two letters, longest first (the earliest start first).
 */
const CUE_BY_TAIL = new Map<number, string[]>();
/** CUE_BY_TAIL's keys as a table (a Map look-up at every word cost ≈ 15 % of the loop on prose). */
const CUE_TAIL = new Uint8Array(128 * 128);
for (const cue of CUES.split('|').sort((x, y) => y.length - x.length)) {
  const k = cue.charCodeAt(cue.length - 2) * 128 + cue.charCodeAt(cue.length - 1);
  CUE_BY_TAIL.set(k, [...(CUE_BY_TAIL.get(k) ?? []), cue]);
  CUE_TAIL[k] = 1;
}
const VERBS = 'said|says|shouted|told|asked|replied|wrote|lives|lived|began|works|worked|died|married|is from|was born|had given|has given';
/** lowerCaseNames' verb rule, sticky: one attempt at lastIndex. */
const VERB_AT = new RegExp(String.raw`(?<![\p{L}])(\p{Ll}[\p{Ll}'’-]+)(?=(?:'s)?[ \t]+(?:${VERBS})\b)`, 'uy');
/** A blank then a verb: where every match of the verb rule has its lookahead (it ends in [ \t]+verb\b). */
const VERB_GATE = new RegExp(String.raw`[ \t](?:${VERBS})\b`, 'g');
/** lowerCaseNames' list rule, sticky. */
const ENUM_AT = /(?<![\p{L}\d])\p{Ll}+(?:,[ \t]+\p{Ll}+)+,?[ \t]+(?:and|or)[ \t]+\p{Ll}+(?![\p{L}\d])/uy;

/**
 * A Bloom filter (two bits a word, 2^20 bits) of the given names that are not common words, on
 * the FNV-1a hash of their UTF-16 code units: most words of a text are not given names, and are
 * then rejected without a string or a Set look-up. Built once per set.
 */
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const BITS = 1 << 20;
let filterOf: [Words, Words] | null = null;
let filterTest: (h: number) => boolean = () => false;
/** The filter's bits, for the kernel's memory. */
let filterBits = new Int32Array(0);
const bit2 = (h: number) => Math.imul(h, 0x9e3779b1) >>> 12;
function givenFilter(F: Words, C: Words): (h: number) => boolean {
  if (filterOf?.[0] !== F || filterOf[1] !== C) {
    const bits = new Int32Array(BITS >>> 5);
    for (const w of F) {
      if (C.has(w)) continue;
      let h = FNV_BASIS;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
      const b1 = h & (BITS - 1);
      const b2 = bit2(h);
      bits[b1 >>> 5] |= 1 << (b1 & 31);
      bits[b2 >>> 5] |= 1 << (b2 & 31);
    }
    filterOf = [F, C];
    filterBits = bits;
    // One closure per filter, not one per cell scanned.
    filterTest = (h) => {
      const b1 = h & (BITS - 1);
      const b2 = bit2(h);
      return (bits[b1 >>> 5] & (1 << (b1 & 31))) !== 0 && (bits[b2 >>> 5] & (1 << (b2 & 31))) !== 0;
    };
  }
  return filterTest;
}

/** Per BMP code unit above ASCII, filled on first sight: 0 unknown, 1 neither, 2 ’ (in a word only), 3 \p{Ll}. */
const CLASS = new Uint8Array(0x10000);
const LL = /^\p{Ll}$/u;
function classOf(c: number): number {
  let k = CLASS[c];
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? 1 : LL.test(String.fromCharCode(c)) ? 3 : c === 0x2019 ? 2 : 1;
    CLASS[c] = k;
  }
  return k;
}
/** \p{Ll} (a-z in ASCII). */
const lower = (c: number) => (c < 128 ? c >= 97 && c <= 122 : c < 0x10000 && classOf(c) === 3);
/** [\p{Ll}'’-]. */
const inWord = (c: number) => (c < 128 ? (c >= 97 && c <= 122) || c === 39 || c === 45 : c < 0x10000 && classOf(c) >= 2);

/** Shorter texts take the JavaScript walk: copying into the kernel's memory has a fixed cost. */
const KERNEL_MIN_CHARS = 48;

/**
 * The word walk by the kernel (text-lower-words.ts), on ASCII text; null otherwise. The kernel
 * lists the words the JavaScript walk would test as a pair's first word and that pass the Bloom
 * filter, and the cue-word ends; the pairs are then decided as the walk decides them: a listed
 * given name, not a common word, before a surname (or surname-shaped word) that is not one; the
 * surname of a pair is never the first word of another.
 */
function kernelWalk(text: string, F: Words, L: Words, C: Words): Walk | null {
  if (!lowerWords(text, filterBits, CUE_TAIL)) return null;
  const { ints, pairAt, pairCount, cueAt, cueCount } = LOWER_WORDS;
  let pairs: string[] | null = null;
  let cues: number[] | null = null;
  let commas: number[] | null = null;
  let skip = 0;
  for (let j = 0; j < pairCount; j++) {
    const s = ints[pairAt + 2 * j];
    const e = ints[pairAt + 2 * j + 1];
    if (s < skip) continue;
    const w = text.slice(s, e);
    if (!F.has(w) || C.has(w)) continue;
    // The next word starts at e + 1 (the kernel checked a space, a–z, then [a-z'-]).
    let e2 = e + 2;
    for (let d = text.charCodeAt(e2); (d >= 97 && d <= 122) || d === 39 || d === 45; d = text.charCodeAt(++e2));
    const w2 = text.slice(e + 1, e2);
    if ((L.has(w2) || surnameShaped(w2)) && !C.has(w2)) {
      if (pairs === null) pairs = [];
      pairs.push(`${w} ${w2}`);
      skip = e2;
    }
  }
  for (let j = 0; j < cueCount; j++) {
    const e = ints[cueAt + j];
    for (const cue of CUE_BY_TAIL.get(text.charCodeAt(e - 2) * 128 + text.charCodeAt(e - 1))!) {
      if (e - cue.length >= 0 && text.startsWith(cue, e - cue.length)) {
        if (cues === null) cues = [];
        cues.push(e - cue.length);
      }
    }
  }
  for (let q = text.indexOf(','); q !== -1; q = text.indexOf(',', q + 1)) {
    const d = text.charCodeAt(q + 1);
    if (d === 32 || d === 9) {
      if (commas === null) commas = [];
      commas.push(q);
    }
  }
  return { pairs, cues, commas };
}

/** What the word walk collects for the rules: the pairs found, the cue starts, the comma-blanks. */
interface Walk {
  pairs: string[] | null;
  cues: number[] | null;
  commas: number[] | null;
}

export function lowerCaseNamesFast(text: string, F: Words, L: Words, C: Words, add: (v: string) => void): void {
  const maybeGiven = givenFilter(F, C);
  const walk = (text.length >= KERNEL_MIN_CHARS ? kernelWalk(text, F, L, C) : null) ?? jsWalk(text, F, L, C, maybeGiven);
  if (walk === null) {
    // A surrogate: the text takes lowerCaseNames itself.
    lowerCaseNames(text, F, L, C, add);
    return;
  }
  const { pairs, cues, commas } = walk;
  if (pairs !== null) for (const v of pairs) add(v);
  // The cue rule: the global RegExp's matches are its sticky matches at the cue words followed by
  // a blank, tried left to right (a match starts with one).
  for (let k = 0, pos = 0; cues !== null && k < cues.length; k++) {
    const g = cues[k];
    if (g < pos) continue;
    CUE.lastIndex = g;
    const m = CUE.exec(text);
    if (!m) continue;
    pos = m.index + m[0].length;
    const [, a, initial, b] = m;
    if (!(F.has(a) || L.has(a)) || C.has(a)) continue;
    if (b && (L.has(b) || surnameShaped(b)) && !C.has(b)) add(initial ? `${a} ${initial} ${b}` : `${a} ${b}`);
    else if (!b || C.has(b)) add(a);
  }
  VERB_GATE.lastIndex = 0;
  let from = 0;
  for (let g = VERB_GATE.exec(text); g; g = VERB_GATE.exec(text)) {
    // The token (blank-free run) before the blanks that end at the gate: a match's word lies in it.
    let te = g.index;
    while (te > 0 && (text.charCodeAt(te - 1) === 32 || text.charCodeAt(te - 1) === 9)) te--;
    let ts = te;
    while (ts > 0 && text.charCodeAt(ts - 1) !== 32 && text.charCodeAt(ts - 1) !== 9) ts--;
    for (let s = Math.max(ts, from); s < te; s++) {
      VERB_AT.lastIndex = s;
      const m = VERB_AT.exec(text);
      if (m) {
        if (F.has(m[1]) && !C.has(m[1])) add(m[1]);
        from = s + m[0].length;
        break;
      }
    }
  }
  if (commas === null) return;
  // A list match's first \p{Ll}+ ends at its first comma, which a blank follows, and its start
  // has no letter before it: it starts where the run of \p{Ll} before that comma starts. Tried
  // left to right from where the global RegExp would resume (past the last match), the sticky
  // matches at these starts are the global ones.
  for (let k = 0, pos = 0; k < commas.length; k++) {
    const p = commas[k];
    let s = p;
    while (s > 0 && lower(text.charCodeAt(s - 1))) s--;
    if (s === p || s < pos) continue;
    ENUM_AT.lastIndex = s;
    const m = ENUM_AT.exec(text);
    if (m === null) continue;
    pos = s + m[0].length;
    const items = m[0].split(/,?[ \t]+(?:and|or)[ \t]+|,[ \t]+/);
    const given = items.filter((w) => F.has(w) && !C.has(w)).length;
    if (given >= 2 && given * 2 >= items.length) for (const w of items) if (!C.has(w)) add(w);
  }
}

/**
 * The word walk in JavaScript; null when the text holds a surrogate (a code point beyond the BMP,
 * one character to a `u` RegExp but two code units here).
 */
function jsWalk(text: string, F: Words, L: Words, C: Words, maybeGiven: (h: number) => boolean): Walk | null {
  // Pairs: the words are the matches of /\p{Ll}[\p{Ll}'’-]+/g; a word is `a` of a pair only when
  // the next word starts one space after it. Every character is c0 once (a word ends at the
  // first character outside [\p{Ll}'’-]): the loop also sees a surrogate (then the whole text
  // takes lowerCaseNames; the pairs found so far wait in `pairs`) and a comma before a blank.
  const n = text.length;
  let a: string | null = null;
  let aEnd = -1;
  let pairs: string[] | null = null;
  /** Where a comma followed by a blank stands, ascending. */
  let commas: number[] | null = null;
  /** Where a cue followed by a blank starts, ascending. */
  let cues: number[] | null = null;
  for (let i = 0; i < n; ) {
    const c0 = text.charCodeAt(i);
    if (!lower(c0) || !inWord(text.charCodeAt(i + 1))) {
      if (c0 >= 0xd800 && c0 <= 0xdfff) return null;
      if (c0 === 44 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        if (commas === null) commas = [];
        commas.push(i);
      }
      i++;
      continue;
    }
    let h = Math.imul(FNV_BASIS ^ c0, FNV_PRIME);
    let e = i + 1;
    for (let d = text.charCodeAt(e); inWord(d); d = text.charCodeAt(++e)) h = Math.imul(h ^ d, FNV_PRIME);
    const blank = text.charCodeAt(e);
    if (blank === 32 || blank === 9) {
      const t1 = text.charCodeAt(e - 2);
      const t2 = text.charCodeAt(e - 1);
      // Every cue ends in two ASCII letters.
      const tail = t1 < 128 && t2 < 128 && CUE_TAIL[t1 * 128 + t2] === 1 ? CUE_BY_TAIL.get(t1 * 128 + t2) : undefined;
      if (tail !== undefined) {
        for (const cue of tail) {
          if (e - cue.length >= 0 && text.startsWith(cue, e - cue.length)) {
            if (cues === null) cues = [];
            cues.push(e - cue.length);
          }
        }
      }
    }
    if (a !== null && aEnd + 1 === i && text.charCodeAt(i - 1) === 32) {
      const w = text.slice(i, e);
      if ((L.has(w) || surnameShaped(w)) && !C.has(w)) {
        if (pairs === null) pairs = [];
        pairs.push(`${a} ${w}`);
        a = null;
        i = e;
        continue;
      }
    }
    a = null;
    // A pair's first word: followed by one space and a word start; then a given name, not a common word.
    if (text.charCodeAt(e) === 32 && lower(text.charCodeAt(e + 1)) && inWord(text.charCodeAt(e + 2)) && maybeGiven(h)) {
      const w = text.slice(i, e);
      if (F.has(w) && !C.has(w)) {
        a = w;
        aEnd = e;
      }
    }
    i = e;
  }
  return { pairs, cues, commas };
}
