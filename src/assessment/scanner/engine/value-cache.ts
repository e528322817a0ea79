/**
 * The values of non-identifying elements — names, birth dates, cities — a batch thread has already
 * digested and sent in this scan (batch.ts). They repeat (a dense CSV's 6 million rows hold 120
 * names and 5,850 birth dates), and a repeat, which carries no person-record, adds nothing to the
 * people index: so each is sent once per thread, not once per record.
 *
 * Why not a Set of the strings: on a dense CSV the lookup cost ≈ 400 ns (two per row) though the
 * same Map answers in ≈ 100 ns in isolation — between two lookups the row's own allocations evict
 * the Map's bucket, entry and key string from the CPU caches, and each comes back as a miss. Here
 * a slot is 8 contiguous bytes of one typed array: one miss.
 *
 * A value is looked up by its blind-index digest (keyed-siphash.ts: SipHash-2-4 under the scan's
 * key for the element's namespace, 64 bits), mixed with the element tag. Until issue 21 the slot
 * held a separate 64-bit fingerprint computed in JavaScript (two MurmurHash3 lanes over the
 * value's UTF-16 units) before the value was queued for its digest: ≈ 5 % of a detection thread
 * on a customer export, where names, streets and birth dates are mostly distinct, so nearly every
 * value paid for both. Now every value is queued, the batch's digests are computed in one
 * WebAssembly call, and batch.ts drops the repeats afterwards, in record order, so what is sent is
 * what the fingerprint sent. Two different values share a digest with probability ≈ 2⁻⁶⁴ a pair
 * (which the people index already accepts), and only values of non-identifying elements go
 * through here, so a collision could at worst leave one name out of `distinctValues`, never merge
 * or drop a person.
 */

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

  /** Whether the value of element `tag` whose digest is (hi, lo) was added. */
  has(tag: number, hi: number, lo: number): boolean {
    const h1 = hi | 0;
    let h2 = (lo ^ Math.imul(tag + 1, 0x9e3779b1)) | 0;
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
