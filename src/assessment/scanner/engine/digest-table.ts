/**
 * Open-addressing hash table from a 64-bit digest (hi, lo) to a uint32 value, in typed arrays:
 * 12–16 bytes per slot instead of ~80 for a Map of strings. Sized once per partition.
 */
export const NONE = 0xffffffff;

export class DigestTable {
  readonly #keys: Uint32Array;
  readonly #vals: Uint32Array;
  readonly #used: Uint8Array;
  readonly #mask: number;

  constructor(expected: number) {
    const cap = DigestTable.#capacity(expected);
    this.#keys = new Uint32Array(cap * 2);
    this.#vals = new Uint32Array(cap);
    this.#used = new Uint8Array(cap);
    this.#mask = cap - 1;
  }

  static #capacity(expected: number): number {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    return cap;
  }

  /**
   * An empty table for `expected` keys: `previous` emptied when it has the very capacity that
   * needs (only its used-flags are cleared), else a new one. The people index groups 256
   * partitions of about the same size one after the other; a fresh ≈ 3 MB table each time cost
   * more in zeroed pages than the grouping itself (bench/README.md, 2026-11-27, fourth session).
   */
  static empty(previous: DigestTable | null, expected: number): DigestTable {
    if (previous === null || previous.#mask + 1 !== DigestTable.#capacity(expected)) return new DigestTable(expected);
    previous.#used.fill(0);
    return previous;
  }

  /**
   * The key's slot when it exists (≥ 0); else it is inserted with `value` and the result is
   * `~slot` (< 0). Keys are unsigned 32-bit words. A slot, not a flag and a `slot` field: the
   * grouping loop (people-group.ts) reads and writes the slot's value through `values`, with no
   * property load or call in the branches that only duplicates reach (see there).
   */
  upsert(hi: number, lo: number, value: number): number {
    const mask = this.#mask;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    const keys = this.#keys;
    const used = this.#used;
    for (;;) {
      if (used[i] === 0) {
        used[i] = 1;
        keys[i * 2] = hi;
        keys[i * 2 + 1] = lo;
        this.#vals[i] = value;
        return ~i;
      }
      if (keys[i * 2] === hi && keys[i * 2 + 1] === lo) return i;
      i = (i + 1) & mask;
    }
  }

  /** Value for the key, or undefined. */
  get(hi: number, lo: number): number | undefined {
    const mask = this.#mask;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    const keys = this.#keys;
    for (;;) {
      if (this.#used[i] === 0) return undefined;
      if (keys[i * 2] === hi && keys[i * 2 + 1] === lo) return this.#vals[i];
      i = (i + 1) & mask;
    }
  }

  /** Each slot's value (upsert's slots index it). */
  get values(): Uint32Array {
    return this.#vals;
  }
}
