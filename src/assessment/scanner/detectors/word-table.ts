/**
 * Membership in a '|'-separated word list (name-lists.data.ts) without a string per word.
 *
 * Why (issue 21): `new Set(list.split('|'))` made 177,000 strings and three Sets in every thread
 * that met a capitalised word — ≈ 47 CPU-ms a detection thread on this machine, paid again by each
 * thread of a scan, ≈ 10 MB of old space that every later mark-compact walks. Here the list stays
 * the one string it is; an open-addressing table of 32-bit offsets into it (twice as many slots as
 * words, FNV-1a over UTF-16 units) is built in one pass (23–34 CPU-ms for the three lists at load ≈ 20, against 47–49 for the Sets), and
 * `has` hashes the query and compares units at the offsets it probes.
 *
 * Same answers as the Set: `has(w)` is true exactly when w equals one of the list's words unit
 * for unit (word-table.test.ts compares both on the real lists and on random words).
 */

/** What the name detectors ask of a word list (a Set<string> answers it too, as tests use). */
export interface Words extends Iterable<string> {
  has(word: string): boolean;
}

/** A table's slots: per slot the word's offset in the list (-1: empty) and its length. */
export interface WordTableParts {
  at: Int32Array;
  len: Int32Array;
}

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const BAR = 124;

export class WordTable implements Words {
  private readonly src: string;
  /** Per slot: the word's offset in `src`, or -1. */
  private readonly at: Int32Array;
  /** Per slot: the word's length in UTF-16 units. */
  private readonly len: Int32Array;
  private readonly mask: number;

  /**
   * `parts`: the table as `parts()` gave it for this very `list`, e.g. read back from the build's
   * name-tables file (name-tables.ts checks that it was made from the same list before).
   */
  constructor(list: string, parts?: WordTableParts) {
    this.src = list;
    if (parts) {
      this.at = parts.at;
      this.len = parts.len;
      this.mask = parts.at.length - 1;
      return;
    }
    let words = 1;
    for (let i = list.indexOf('|'); i !== -1; i = list.indexOf('|', i + 1)) words++;
    let size = 8;
    while (size < 2 * words) size <<= 1;
    this.mask = size - 1;
    this.at = new Int32Array(size).fill(-1);
    this.len = new Int32Array(size);
    // One pass: each word's hash is taken while looking for its end.
    const n = list.length;
    let s = 0;
    let h = FNV_BASIS;
    for (let e = 0; e <= n; e++) {
      const c = e < n ? list.charCodeAt(e) : BAR;
      if (c !== BAR) {
        h = Math.imul(h ^ c, FNV_PRIME);
        continue;
      }
      // A repeated word keeps its first slot (a Set holds it once too).
      const k = this.slot(h, list, s, e);
      if (this.at[k] === -1) {
        this.at[k] = s;
        this.len[k] = e - s;
      }
      s = e + 1;
      h = FNV_BASIS;
    }
  }

  /** The slot arrays (shared, not copied), to be written out and handed back to the constructor. */
  parts(): WordTableParts {
    return { at: this.at, len: this.len };
  }

  has(word: string): boolean {
    let h = FNV_BASIS;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    return this.at[this.slot(h, word, 0, word.length)] !== -1;
  }

  /** The slot holding `text[from, to)` (hash `h`), or the empty slot where it would go. */
  private slot(h: number, text: string, from: number, to: number): number {
    const { src, at, len, mask } = this;
    const n = to - from;
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const o = at[k];
      if (o === -1 || len[k] !== n) {
        if (o === -1) return k;
        continue;
      }
      let i = 0;
      while (i < n && src.charCodeAt(o + i) === text.charCodeAt(from + i)) i++;
      if (i === n) return k;
    }
  }

  /** The distinct words, in table order (for building filters from a list). */
  *[Symbol.iterator](): Iterator<string> {
    for (let k = 0; k <= this.mask; k++) if (this.at[k] !== -1) yield this.src.slice(this.at[k], this.at[k] + this.len[k]);
  }
}
