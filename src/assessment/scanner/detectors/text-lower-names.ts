/**
 * lowerCaseNames (text-name-context.ts) without a Unicode RegExp pass per rule on ASCII text
 * (issue 21): a wide free-text column of a customer export ("notes", "support transcript") is
 * often all lower case, and there the four global `u` RegExps over every cell took ≈ 30 % of a
 * scan. Same findings, in the same order (text-lower-names.test.ts compares both on random text):
 *  - given name + surname pairs: one character-code loop over the words, a string only for a
 *    word followed by one space and another word;
 *  - "cormac had given": the verb RegExp is tried only on the token before each " said"-like verb
 *    (a sticky copy at each start in that token: the same leftmost match the global one finds);
 *  - "silvana, adam and caleb": only when the text holds a comma followed by a space or a tab.
 * Text with any non-ASCII character takes lowerCaseNames itself.
 */
import { lowerCaseNames, surnameShaped } from './text-name-context.js';

/** Any character outside ASCII: \p{Ll} is then more than a-z. */
const NON_ASCII = /[^\x00-\x7f]/;
const CUE = /(?:my name is|name is|call me|calls me|hi|hello|dear|with|kid|son|daughter|ask for)[ \t]+(\p{Ll}[\p{Ll}'’-]+)(?:[ \t]+(\p{Ll})(?!\p{L})\.?)?(?:[ \t]+(\p{Ll}[\p{Ll}'’-]+))?/gu;
const VERBS = 'said|says|shouted|told|asked|replied|wrote|lives|lived|began|works|worked|died|married|is from|was born|had given|has given';
/** lowerCaseNames' verb rule, sticky: one attempt at lastIndex. */
const VERB_AT = new RegExp(String.raw`(?<![\p{L}])(\p{Ll}[\p{Ll}'’-]+)(?=(?:'s)?[ \t]+(?:${VERBS})\b)`, 'uy');
/** A blank then a verb: where every match of the verb rule has its lookahead (it ends in [ \t]+verb\b). */
const VERB_GATE = new RegExp(String.raw`[ \t](?:${VERBS})\b`, 'g');
const ENUM_LOWER = /(?<![\p{L}\d])\p{Ll}+(?:,[ \t]+\p{Ll}+)+,?[ \t]+(?:and|or)[ \t]+\p{Ll}+(?![\p{L}\d])/gu;

/** a-z, the only \p{Ll} of ASCII text. */
const lower = (c: number) => c >= 97 && c <= 122;
/** [\p{Ll}'’-] on ASCII text. */
const inWord = (c: number) => (c >= 97 && c <= 122) || c === 39 || c === 45;

export function lowerCaseNamesFast(text: string, F: Set<string>, L: Set<string>, C: Set<string>, add: (v: string) => void): void {
  if (NON_ASCII.test(text)) {
    lowerCaseNames(text, F, L, C, add);
    return;
  }
  const n = text.length;
  // Pairs: the words are the matches of /\p{Ll}[\p{Ll}'’-]+/g; a word is `a` of a pair only when
  // the next word starts one space after it.
  let a: string | null = null;
  let aEnd = -1;
  for (let i = 0; i < n; ) {
    if (!lower(text.charCodeAt(i)) || !inWord(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    let e = i + 2;
    while (e < n && inWord(text.charCodeAt(e))) e++;
    if (a !== null && aEnd + 1 === i && text.charCodeAt(i - 1) === 32) {
      const w = text.slice(i, e);
      if ((L.has(w) || surnameShaped(w)) && !C.has(w)) {
        add(`${a} ${w}`);
        a = null;
        i = e;
        continue;
      }
    }
    a = null;
    // A pair's first word: followed by one space and a word start; then a given name, not a common word.
    if (text.charCodeAt(e) === 32 && lower(text.charCodeAt(e + 1)) && inWord(text.charCodeAt(e + 2))) {
      const w = text.slice(i, e);
      if (F.has(w) && !C.has(w)) {
        a = w;
        aEnd = e;
      }
    }
    i = e;
  }
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
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
  if (!/,[ \t]/.test(text)) return;
  ENUM_LOWER.lastIndex = 0;
  for (let m = ENUM_LOWER.exec(text); m; m = ENUM_LOWER.exec(text)) {
    const items = m[0].split(/,?[ \t]+(?:and|or)[ \t]+|,[ \t]+/);
    const given = items.filter((w) => F.has(w) && !C.has(w)).length;
    if (given >= 2 && given * 2 >= items.length) for (const w of items) if (!C.has(w)) add(w);
  }
}
