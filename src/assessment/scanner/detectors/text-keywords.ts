/**
 * The literal-keyword prefilter of free-text scanning, as a "find the next keyword from here"
 * function. It returns exactly what a global, case-insensitive alternation of the words (longest
 * first) returns from the same start, for less CPU (measured on the 100 MB perf inputs, one core:
 * log lines 650 → 430 ms, CSV lines as text 610 → 340 ms; a trie-shaped alternation gave 570 ms,
 * lower-casing the line first and matching case-sensitively 710 ms).
 *
 * V8 runs the one big alternation at every position of every line (≈ 160 MB/s for ~220 words).
 * Here a table of the words' first three characters (ASCII lower-cased; every non-ASCII character
 * in one bucket) rejects most positions with three loads, and the same alternation runs sticky
 * only where the three characters could start a word. Why the table never rejects a real match:
 * in a non-unicode /i RegExp an ASCII character matches only itself or its other case (A–Z/a–z),
 * and a non-ASCII character never matches an ASCII one (ECMA-262 Canonicalize keeps a character
 * ≥ 128 whose upper case is < 128), so a match at i has the same folded trigram as its word.
 * The leftmost position whose sticky match succeeds is the global search's match, with the same
 * alternative (the alternation is the same, tried in the same order).
 */

const escapeLiteral = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** ASCII letters to lower case, other ASCII unchanged, everything ≥ 128 to 0. */
export const FOLD = new Uint8Array(65536);
for (let c = 1; c < 128; c++) FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;

/** A 4-gram's slot in a 64 K table: a multiplicative hash of its folded trigram and fourth character. */
export const quadSlot = (trigram: number, c3: number) => Math.imul((trigram << 7) | c3, 0x9e3779b1) >>> 16;

/** A folded trigram's slot in the 64 K table of the 3-character keywords (`candidates`). */
const tripleSlot = (trigram: number) => Math.imul(trigram, 0x85ebca6b) >>> 16;

export interface KeywordFinder {
  /** The leftmost keyword match starting at or after `from`, as RegExp#exec would return it. */
  next(text: string, from: number): RegExpExecArray | null;
  /**
   * `next` over precomputed candidates: `cands[lo … hi)`, ascending, are the positions of `text`
   * where `next`'s table test passes (text-anchors.ts, on the text's bytes). The same match as `next`.
   */
  nextAmong(text: string, from: number, cands: Int32Array, lo: number, hi: number): RegExpExecArray | null;
  /**
   * Every position of `text` where a keyword match can start, ascending, into `out` (room for
   * text.length entries): returns how many. A superset of the positions `next`'s table test
   * passes, so `nextAmong(text, from, out, 0, count)` is `next(text, from)`. The walk has no
   * branch on the text (wide21): `next`'s table test passes at a third of a prose cell's
   * characters and fails at the next, a mispredicted branch each time (≈ 9 ns a character on
   * customers-wide's notes); here each position costs two table loads and is written whether it
   * passes or not (≈ 3.5 ns), for ≈ 2 % more candidates than the exact test (hash collisions, each
   * a sticky exec that fails).
   */
  candidates(text: string, out: Int32Array): number;
  /**
   * `next`'s table test, for a byte-level walk (text-anchors.ts): at i it passes when, with
   * f(k) = FOLD[character i + k], `bigrams[f(0) << 7 | f(1)]` is 1 and `kind = trigrams[f(0) << 14 |
   * f(1) << 7 | f(2)]` is 1, or is 2 and a fourth character exists with `quads[quadSlot(trigram, f(3))]` 1.
   * `triples`: `candidates`' table of the 3-character keywords' trigrams (with `quads`, for the
   * same walk in WebAssembly, text-lower-words.wat `cell`).
   */
  readonly tables: { readonly bigrams: Uint8Array; readonly trigrams: Uint8Array; readonly quads: Uint8Array; readonly triples: Uint8Array };
  /** The equivalent global alternation (the reference behaviour, kept for tests). */
  readonly global: RegExp;
}

/** `words`: lower-case literals, each at least 3 characters long. */
export function keywordFinder(words: readonly string[]): KeywordFinder {
  const source = [...words]
    .sort((x, y) => y.length - x.length)
    .map(escapeLiteral)
    .join('|');
  const sticky = new RegExp(source, 'iy');
  // The trigram table is 2 MB: one lookup a character missed the CPU caches (≈ 10 ns a character
  // on a log, issue 21). A 16 KB table of the words' first two characters answers most positions
  // from the cache; the trigram table is read only where a word's first two characters stand.
  // Trigrams that only words of four or more characters start with (2 in the table) also need
  // the fourth character in a 64 KB hashed table of the words' first four (a collision only costs
  // a sticky exec): on a web log "example", "Firefox", "vendor" open no keyword, yet their trigrams
  // ("ple", "fir", "dor") do.
  const trigrams = new Uint8Array(1 << 21);
  const bigrams = new Uint8Array(1 << 14);
  const quads = new Uint8Array(1 << 16);
  const tri = (w: string) => (FOLD[w.charCodeAt(0)] << 14) | (FOLD[w.charCodeAt(1)] << 7) | FOLD[w.charCodeAt(2)];
  for (const w of words) {
    if (w.length < 3 || w !== w.toLowerCase()) throw new Error(`keyword must be lower case, ≥ 3 characters: ${w}`);
    trigrams[tri(w)] = w.length === 3 ? 1 : trigrams[tri(w)] === 1 ? 1 : 2;
    bigrams[(FOLD[w.charCodeAt(0)] << 7) | FOLD[w.charCodeAt(1)]] = 1;
    if (w.length > 3) quads[quadSlot(tri(w), FOLD[w.charCodeAt(3)])] = 1;
  }
  // The 3-character keywords' folded trigrams, hashed into 64 KB (`candidates`): with `quads`
  // (every longer keyword's first four), one of the two holds for every match start.
  const triples = new Uint8Array(1 << 16);
  for (const w of words) if (w.length === 3) triples[tripleSlot(tri(w))] = 1;
  return {
    global: new RegExp(source, 'gi'),
    tables: { bigrams, trigrams, quads, triples },
    next(text: string, from: number): RegExpExecArray | null {
      const n = text.length;
      if (from < 0) from = 0;
      if (from + 2 >= n) return null;
      let b = FOLD[text.charCodeAt(from)];
      for (let i = from; i + 2 < n; i++) {
        b = ((b << 7) & 0x3fff) | FOLD[text.charCodeAt(i + 1)];
        if (bigrams[b] !== 1) continue;
        const t = (b << 7) | FOLD[text.charCodeAt(i + 2)];
        const kind = trigrams[t];
        if (kind === 1 || (kind === 2 && i + 3 < n && quads[quadSlot(t, FOLD[text.charCodeAt(i + 3)])] === 1)) {
          sticky.lastIndex = i;
          const m = sticky.exec(text);
          if (m) return m;
        }
      }
      return null;
    },
    candidates(text: string, out: Int32Array): number {
      const n = text.length;
      if (n < 3) return 0;
      // A match of word w at i: FOLD of each of its characters is FOLD of w's (see above), so a
      // 3-character w has the trigram at i, a longer one the trigram and fourth character at i.
      // Locals, not the closure's and module's bindings: loaded once, not at every character.
      const fold = FOLD;
      const t3 = triples;
      const q4 = quads;
      let t = (fold[text.charCodeAt(0)] << 14) | (fold[text.charCodeAt(1)] << 7) | fold[text.charCodeAt(2)];
      let k = 0;
      for (let i = 0; i + 3 < n; i++) {
        const c3 = fold[text.charCodeAt(i + 3)];
        out[k] = i;
        // tripleSlot(t) and quadSlot(t, c3), written out.
        k += t3[Math.imul(t, 0x85ebca6b) >>> 16] | q4[Math.imul((t << 7) | c3, 0x9e3779b1) >>> 16];
        t = ((t << 7) & 0x1fffff) | c3;
      }
      // The last position a keyword fits at: only a 3-character one.
      out[k] = n - 3;
      return k + t3[tripleSlot(t)];
    },
    nextAmong(text: string, from: number, cands: Int32Array, lo: number, hi: number): RegExpExecArray | null {
      // `next` tests the table at every i ≥ from with i + 2 < n, and the test at i reads only
      // characters i … i + 3: so its positions are the candidates ≥ from, in the same order.
      for (let j = lo; j < hi; j++) {
        const i = cands[j];
        if (i < from) continue;
        sticky.lastIndex = i;
        const m = sticky.exec(text);
        if (m) return m;
      }
      return null;
    },
  };
}
