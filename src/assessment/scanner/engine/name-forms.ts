/**
 * One person's name as other systems write it (outside review 4, docs/scan-json.md "What counts
 * as the same value"): the words of a name key (link-keys.ts nameKey, already folded to lower-case
 * letters without accents) less what does not tell two people apart.
 *  - Titles (`Dr`, `Mr`, `Mrs`, `Ms`, `Prof`, `Herr`, `Mme`…) and letters after a name (`PhD`,
 *    `MD`, `Esq`): a form's salutation field, not the name.
 *  - Middle initials (`Jane M. Doe`): one form has a middle-name field, another not. A letter
 *    standing alone is dropped when two words remain (`J. Doe` keeps its initial: it is the given
 *    name): `dropInitials`.
 *  - German umlauts written out (`Müller` = `Mueller` = `Muller`; DIN 5007-2 spells ü ö ä as ue oe
 *    ae, an export that strips accents as u o a): `ue`, `oe`, `ae` count as `u`, `o`, `a` in words
 *    of five letters or more (`Joe` and `Jo`, `Rae` and `Ra` stay apart).
 *  - Generational suffixes (`Jr`, `Jr.`, `Junior`, `Jnr`; `Sr`, `Senior`, `Snr`; `II`, `III`, `IV`)
 *    are one spelling each, kept in the name + phone and name + address keys — a father and a son
 *    of one name share a home and its landline, and the suffix is what tells them apart there —
 *    and dropped in the name + birth date key (their birth dates differ): `nameDobKey`.
 * Each key still needs its other part to agree (a phone, a birth date, an address): a name alone
 * never links.
 */

/** Words dropped from a name key: salutations and post-nominal letters. */
const DROPPED = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'mme', 'mlle', 'herr', 'frau', 'rev', 'phd', 'md', 'dds', 'esq', 'cpa', 'mba'];
/** Generational suffixes, each spelling → its one form. */
const GENERATION = new Map(Object.entries({ jr: 'jr', jnr: 'jr', junior: 'jr', sr: 'sr', snr: 'sr', senior: 'sr', ii: 'ii', iii: 'iii', iv: 'iv' }));
const GENERATION_FORMS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * A word of 2–6 ASCII letters as a small integer (a = 1 … z = 26, five bits each: a V8 small
 * integer, so the set lookup hashes no heap number), or -1: lookups without building a string.
 */
function letterCode(s: string, from: number, to: number): number {
  const n = to - from;
  if (n < 2 || n > 6) return -1;
  let x = 0;
  for (let i = to - 1; i >= from; i--) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    x = (x << 5) | (c - 96);
  }
  return x;
}
/** Every word canonWords changes by itself (titles, post-nominals, suffix spellings) of 2–6 letters, by letterCode. */
const SPECIAL = new Set([...DROPPED, ...GENERATION.keys()].map((w) => letterCode(w, 0, w.length)).filter((c) => c >= 0));
const LONG_SPECIAL = [...DROPPED, ...GENERATION.keys()].filter((w) => w.length > 6);

/** `ue`, `oe` or `ae` in s[from, to) (either case). */
function hasDigraph(s: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    if ((s.charCodeAt(i) | 0x20) !== 101) continue;
    const p = s.charCodeAt(i - 1) | 0x20;
    if (p === 117 || p === 111 || p === 97) return true;
  }
  return false;
}

/** Shortest word whose umlaut digraphs are folded. */
const DIGRAPH_MIN = 5;

/** FIRST_LETTERS[n]: bit (c − 'a') set when a special word of n letters starts with c (a cheap first test). */
const FIRST_LETTERS = new Int32Array(10);
for (const w of [...DROPPED, ...GENERATION.keys()]) FIRST_LETTERS[w.length] |= 1 << (w.charCodeAt(0) - 97);

/** Is the ASCII word s[from, to) one canonWords drops or respells (a title, post-nominal or suffix)? */
export function specialNameWord(s: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 2 || n > 9) return false;
  const f = (s.charCodeAt(from) | 0x20) - 97;
  if (f < 0 || f > 25 || (FIRST_LETTERS[n] & (1 << f)) === 0) return false;
  if (n > 6) return LONG_SPECIAL.includes(s.slice(from, to).toLowerCase());
  return SPECIAL.has(letterCode(s, from, to));
}

/** Does the word s[from, to) hold an umlaut digraph canonWords folds? */
export function digraphWord(s: string, from: number, to: number): boolean {
  return to - from >= DIGRAPH_MIN && hasDigraph(s, from, to);
}

/**
 * Does canonWords leave the folded words buf[bounds[2w], bounds[2w + 1]) (UTF-8, w < count) as
 * they are? The byte form of a Latin name (engine23's latinKeyBytes) is its key only then, and
 * when dropInitials leaves the name alone; otherwise the string path applies name-forms.ts. (A
 * word's bytes are at least its characters: a word canonWords would fold is never too short here.)
 */
export function plainWordBytes(buf: Uint8Array, bounds: readonly number[], count: number): boolean {
  for (let w = 0; w < count; w++) {
    const from = bounds[2 * w];
    const to = bounds[2 * w + 1];
    const n = to - from;
    if (n >= DIGRAPH_MIN) {
      for (let i = from + 1; i < to; i++) {
        if (buf[i] !== 101) continue;
        const p = buf[i - 1];
        if (p === 117 || p === 111 || p === 97) return false;
      }
    }
    if (n < 2 || n > 9) continue;
    const f = buf[from] - 97;
    if (f < 0 || f > 25 || (FIRST_LETTERS[n] & (1 << f)) === 0) continue;
    let word = '';
    for (let i = from; i < to; i++) word += String.fromCharCode(buf[i]);
    if (DROPPED.includes(word) || GENERATION.has(word)) return false;
  }
  return true;
}

/** A lower-case word with its umlaut digraphs folded (`mueller` → `muller`), when digraphWord. */
export const foldDigraphs = (w: string) => w.replace(/([aou])e/g, '$1');

/** The words of a name key as one person's name in every spelling above (a new array, unsorted). */
export function canonWords(words: readonly string[]): string[] {
  const out: string[] = [];
  let dropped = false;
  for (let w of words) {
    if (digraphWord(w, 0, w.length)) w = foldDigraphs(w);
    const g = GENERATION.get(w);
    if (g !== undefined) w = g;
    else if (DROPPED.includes(w)) {
      dropped = true;
      continue;
    }
    out.push(w);
  }
  // A title alone (`Dr`) stays what it was: something is better than no name.
  return out.length === 0 && dropped ? [...words] : out;
}

/** A letter standing alone, with or without its dot (`M.`, `M`), between spaces or commas. */
const INITIAL = /(^|[\s,])\p{L}\.?(?=[\s,]|$)/u;
const INITIALS = new RegExp(INITIAL.source, 'gu');
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * `name` without its initials (`Jane M. Doe` → `Jane Doe`) when two words remain, else `name`
 * itself. On the name as written, before punctuation splits it into words: the `O` of `O'Neill`
 * and the `d` of `d'Arc` are no initials.
 */
export function dropInitials(name: string): string {
  if (!INITIAL.test(name)) return name;
  const rest = name.replace(INITIALS, '$1');
  return (rest.match(WORD)?.length ?? 0) >= 2 ? rest : name;
}

/**
 * The name key of the name + birth date key: `key` (a nameKey) without its generational suffix
 * when two words remain, else `key` itself (the same string: callers compare by identity).
 */
export function nameDobKey(key: string): string {
  if (key.indexOf(' ') === -1 || !/(?:^| )(?:jr|sr|ii|iii|iv)(?: |$)/.test(key)) return key;
  const rest = key.split(' ').filter((w) => !GENERATION_FORMS.has(w));
  return rest.length >= 2 ? rest.join(' ') : key;
}
