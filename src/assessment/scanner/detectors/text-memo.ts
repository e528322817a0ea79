/**
 * Repeated cell values of free-text columns answered from memory (issue 21, text21). A table's
 * user-agent column holds a few dozen distinct strings over millions of rows, a channel or tier
 * column a handful, and every one went through scanText again (a 54-character user agent ≈ 3 µs, a
 * 6-character tier ≈ 0.6 µs: the fixed cost of the passes). scanText is a pure function of the text
 * and the `people` option (its other inputs are block anchors, which never reach here), so a
 * remembered result is the result.
 *
 * Bounded three ways, so that all-distinct text (ticket bodies, transcripts) pays nearly nothing:
 *  - only texts up to MEMO_MAX_CHARS characters (long prose rarely repeats), each key a string of
 *    its own (`own`);
 *  - a text is kept only when it comes a second time while its hash is still in a small table of
 *    the hashes seen (SEEN slots, no string kept): a column of distinct subjects next to a column
 *    of repeated tiers kept the memo on and filled it with subjects, whose copies outlived the
 *    young generation — `tickets`' cells went 64 → 94 ns a character with a memo that kept every
 *    text, back to 61–67 with one that kept texts up to 64 characters;
 *  - at most MEMO_ENTRIES entries, then the table starts again empty;
 *  - every PROBE look-ups the hits are counted: under PROBE / 16 the memo turns itself off for the
 *    next PAUSE texts (then one look-up costs a decrement) and tries again after them.
 * The findings handed out are copies: a caller may push, sort or change them without reaching
 * the remembered ones.
 */
import type { SecretFinding, ValueFinding } from '../types.js';

export interface MemoFindings {
  elements: ValueFinding[];
  secrets: SecretFinding[];
}

export const MEMO_MAX_CHARS = 64;
const MEMO_ENTRIES = 4096;
const PROBE = 1024;
const PAUSE = 32_768;
const SEEN = 1 << 14;

/** One table per `people` option. */
interface Table {
  map: Map<string, MemoFindings>;
  lookups: number;
  hits: number;
  /** Texts still to pass before the memo is tried again (0: on). */
  paused: number;
  /** FNV-1a hashes (never 0) of texts seen once, by their top 14 bits. */
  seen: Int32Array;
}

const copy = (r: MemoFindings): MemoFindings => ({
  elements: r.elements.length === 0 ? [] : r.elements.map((f) => ({ ...f })),
  secrets: r.secrets.length === 0 ? [] : r.secrets.map((f) => ({ ...f })),
});

/**
 * The text as a string of its own. A cell is often a slice of its block's decoded text (V8 keeps
 * a substring of 13 or more characters as a view of its parent): kept as a key, it would keep
 * the whole block alive. The concatenation is flattened by the slice into a new string of
 * text.length + 1 characters, which the result views.
 */
const own = (text: string): string => ` ${text}`.slice(1);

/** `scan` behind the memo; `scan` must be a pure function of its arguments. */
export function memoised(scan: (text: string, people: boolean) => MemoFindings): (text: string, people: boolean) => MemoFindings {
  const tables: [Table, Table] = [
    { map: new Map(), lookups: 0, hits: 0, paused: 0, seen: new Int32Array(SEEN) },
    { map: new Map(), lookups: 0, hits: 0, paused: 0, seen: new Int32Array(SEEN) },
  ];
  return (text, people) => {
    if (text.length > MEMO_MAX_CHARS) return scan(text, people);
    const t = tables[people ? 1 : 0];
    if (t.paused > 0) {
      t.paused--;
      return scan(text, people);
    }
    if (++t.lookups === PROBE) {
      const low = t.hits < PROBE >>> 4;
      t.lookups = 0;
      t.hits = 0;
      if (low) {
        t.paused = PAUSE;
        t.map.clear();
        return scan(text, people);
      }
    }
    const known = t.map.get(text);
    if (known !== undefined) {
      t.hits++;
      return copy(known);
    }
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h |= 1;
    const slot = h >>> 18;
    const r = scan(text, people);
    if (t.seen[slot] !== h) {
      t.seen[slot] = h;
      return r;
    }
    if (t.map.size >= MEMO_ENTRIES) t.map.clear();
    t.map.set(own(text), copy(r));
    return r;
  };
}
