/**
 * The values of non-identifying elements — names, birth dates, cities — a batch thread has already
 * digested and sent in this scan (batch.ts `addRecord`). They repeat (a dense CSV's 6 million
 * rows hold 120 names and 5,850 birth dates), and a repeat, which carries no person-record, adds
 * nothing to the people index: so each is digested and sent once per thread, not once per record.
 *
 * Why not a Set of the strings: on a dense CSV the lookup cost ≈ 400 ns (two per row) though the
 * same Map answers in ≈ 100 ns in isolation — between two lookups the row's own allocations evict
 * the Map's bucket, entry and key string from the CPU caches, and each comes back as a miss. Here
 * a slot is the value's 64-bit fingerprint, 8 contiguous bytes of one typed array: one miss.
 *
 * The fingerprint is two MurmurHash3-style 32-bit lanes (Appleby's x86_32 block mix and
 * finaliser) over the value's UTF-16 code units, two a block, seeded at random per thread and by
 * the element tag. Two different values share a fingerprint with probability ≈ 2⁻⁶⁴ a pair — the
 * same order as two values sharing a 64-bit digest (keyed-siphash.ts), which the scan already
 * accepts — and only values of non-identifying elements go through here, so a collision could at
 * worst leave one name out of `distinctValues`, never merge or drop a person.
 */
import { randomFillSync } from 'node:crypto';

const SEEDS = randomFillSync(new Uint32Array(2));

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

/** MurmurHash3's fmix32: every input bit affects every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Slots: a power of two, at most half full (the set is cleared at `max` entries). */
export class SentValues {
  readonly #slots: Uint32Array;
  readonly #mask: number;
  readonly #max: number;
  #size = 0;
  /** The fingerprint of the last `has`, for `add`. */
  #f1 = 0;
  #f2 = 0;
  #at = 0;

  constructor(max: number) {
    let cap = 1024;
    while (cap < max * 2) cap *= 2;
    this.#slots = new Uint32Array(cap * 2);
    this.#mask = cap - 1;
    this.#max = max;
  }

  get size(): number {
    return this.#size;
  }

  /** Whether `value` of element `tag` was added. */
  has(tag: number, value: string): boolean {
    let h1 = SEEDS[0] ^ tag;
    let h2 = SEEDS[1] ^ Math.imul(tag + 1, 0x9e3779b1);
    const n = value.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const k = value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16);
      let k1 = Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
      h1 = (Math.imul(rotl(h1 ^ k1, 13), 5) + 0xe6546b64) | 0;
      k1 = Math.imul(rotl(Math.imul(k, 0x85ebca77), 17), 0xc2b2ae3d);
      h2 = (Math.imul(rotl(h2 ^ k1, 15), 5) + 0x561ccd1b) | 0;
    }
    if (i < n) {
      const k = value.charCodeAt(i);
      h1 ^= Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
      h2 ^= Math.imul(rotl(Math.imul(k, 0x85ebca77), 17), 0xc2b2ae3d);
    }
    h1 = fmix(h1 ^ n);
    h2 = fmix(h2 ^ n);
    // (0, 0) marks an empty slot.
    if (h1 === 0 && h2 === 0) h2 = 1;
    const slots = this.#slots;
    const mask = this.#mask;
    let s = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    for (;;) {
      const o = s * 2;
      const a = slots[o];
      const b = slots[o + 1];
      if (a === 0 && b === 0) {
        this.#f1 = h1;
        this.#f2 = h2;
        this.#at = s;
        return false;
      }
      if (a === h1 >>> 0 && b === h2 >>> 0) return true;
      s = (s + 1) & mask;
    }
  }

  /** Add the value the last `has` did not find (call right after it). */
  add(): void {
    if (this.#size >= this.#max) {
      this.clear();
      // The table is empty now: the value goes to its home slot.
      this.#at = (this.#f1 ^ Math.imul(this.#f2, 0x9e3779b1)) & this.#mask;
    }
    const o = this.#at * 2;
    this.#slots[o] = this.#f1;
    this.#slots[o + 1] = this.#f2;
    this.#size++;
  }

  /** Forget every value (batch.ts: after a batch whose result is lost). */
  clear(): void {
    this.#slots.fill(0);
    this.#size = 0;
  }
}
