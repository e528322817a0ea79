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
  /** Slot of the last `find`/`insert`. */
  slot = -1;

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
    previous.slot = -1;
    return previous;
  }

  /** true when the key exists (slot points at it); false after inserting it with `value`. Keys are unsigned 32-bit words. */
  upsert(hi: number, lo: number, value: number): boolean {
    const mask = this.#mask;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    const keys = this.#keys;
    for (;;) {
      if (this.#used[i] === 0) {
        this.#used[i] = 1;
        keys[i * 2] = hi;
        keys[i * 2 + 1] = lo;
        this.#vals[i] = value;
        this.slot = i;
        return false;
      }
      if (keys[i * 2] === hi && keys[i * 2 + 1] === lo) {
        this.slot = i;
        return true;
      }
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

  value(slot: number): number {
    return this.#vals[slot];
  }
  setValue(slot: number, v: number): void {
    this.#vals[slot] = v;
  }
}
