/**
 * Character loops that stand in front of the free-text RegExps (issue 21: on a log every line
 * holds an address, a status and a size, so these run several times a line). Each either returns
 * exactly what the RegExp it replaces returns, or is a necessary condition for that RegExp to
 * match (a "gate": false means the RegExp cannot match, true means run it). text-fast-paths.test.ts
 * compares each with its RegExp on inputs fast-check generates.
 */

const digit = (c: number) => c >= 48 && c <= 57;

const LETTER = /\p{L}/u;
/** `/\p{L}/u.test(c)` for one character (or undefined): ASCII by its code, the rest by the RegExp. */
export function isLetterChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  if (x < 128) return (x | 32) >= 97 && (x | 32) <= 122;
  return LETTER.test(c);
}

/**
 * Gate of `/(?:st|rd|ave|dr|blvd)\.?$/i` on a text's end: its last letter (before an optional
 * '.') is t, d, e or r in either case.
 */
export function mayEndInStreetType(text: string): boolean {
  let k = text.length - 1;
  if (text.charCodeAt(k) === 46) k--;
  const c = text.charCodeAt(k) | 32;
  return c === 116 || c === 100 || c === 101 || c === 114;
}

/** `/^\d{1,3}(?:\.\d{1,3}){3}$/.test(c)`. */
export function isDottedQuad(c: string): boolean {
  let parts = 0;
  let len = 0;
  for (let i = 0; i < c.length; i++) {
    const x = c.charCodeAt(i);
    if (digit(x)) {
      if (++len > 3) return false;
    } else if (x === 46 && len > 0 && parts < 3) {
      parts++;
      len = 0;
    } else return false;
  }
  return parts === 3 && len > 0;
}

const DATE_SEP = (x: number) => x === 45 || x === 47 || x === 46;
/**
 * Gate of `/^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})/`: a separator at
 * index 4 (first form) or 1 or 2 (second form).
 */
export const mayBeDate = (c: string) => DATE_SEP(c.charCodeAt(4)) || DATE_SEP(c.charCodeAt(1)) || DATE_SEP(c.charCodeAt(2));

const asciiLetter = (x: number) => (x | 32) >= 97 && (x | 32) <= 122;
/**
 * Gate of `/(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}/` on text.slice(from, to): two ASCII letters then two
 * digits somewhere in it (the IBAN look-back of text-scan.ts tryIban).
 */
export function mayHoldIbanStart(text: string, from: number, to: number): boolean {
  for (let k = from; k + 4 <= to; k++) {
    if (asciiLetter(text.charCodeAt(k)) && asciiLetter(text.charCodeAt(k + 1)) && digit(text.charCodeAt(k + 2)) && digit(text.charCodeAt(k + 3))) return true;
  }
  return false;
}

/**
 * A gate for a case-insensitive, non-unicode alternation of words: true when text[from, to)
 * holds one of the words' first two characters (ASCII letters folded; a non-ASCII second
 * character after a first letter that starts a word whose second character may be non-ASCII
 * counts too). In a non-unicode /i RegExp an ASCII letter matches only its two cases and a
 * character ≥ 128 never matches an ASCII one, so a match of a word needs its first two characters
 * (in either case) next to each other.
 */
export function bigramGate(firsts: readonly string[]): (text: string, from: number, to: number) => boolean {
  const pairs = new Uint8Array(128 * 128);
  const wideSecond = new Uint8Array(128);
  for (const w of firsts) {
    const a = w.charCodeAt(0);
    const b = w.charCodeAt(1);
    if (a >= 128 || !asciiLetter(a) || Number.isNaN(b)) throw new Error(`gate word must start with two characters, the first an ASCII letter: ${w}`);
    if (b >= 128) wideSecond[a | 32] = 1;
    else pairs[((a | 32) << 7) | (asciiLetter(b) ? b | 32 : b)] = 1;
  }
  return (text, from, to) => {
    if (from < 0) from = 0;
    if (to > text.length) to = text.length;
    let a = text.charCodeAt(from);
    for (let k = from + 1; k < to; k++) {
      const b = text.charCodeAt(k);
      if (a < 128 && asciiLetter(a)) {
        if (b >= 128) {
          if (wideSecond[a | 32] === 1) return true;
        } else if (pairs[((a | 32) << 7) | (asciiLetter(b) ? b | 32 : b)] === 1) return true;
      }
      a = b;
    }
    return false;
  };
}

/**
 * Gate of a sticky/anchored `^[\s-]{0,3}(?:words)` or `^(?:'s)?[ \t]+(?:words)` test at `pos`:
 * one of the next `span` characters (ASCII-folded) is a word's first letter.
 */
export function initialGate(words: readonly string[], span: number): (text: string, pos: number) => boolean {
  const first = new Uint8Array(128);
  for (const w of words) {
    const a = w.charCodeAt(0);
    if (a >= 128 || !asciiLetter(a)) throw new Error(`gate word must start with an ASCII letter: ${w}`);
    first[a | 32] = 1;
  }
  return (text, pos) => {
    const end = Math.min(text.length, pos + span);
    for (let k = pos; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c < 128 && asciiLetter(c) && first[c | 32] === 1) return true;
    }
    return false;
  };
}
