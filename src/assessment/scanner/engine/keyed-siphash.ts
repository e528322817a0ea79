/**
 * A blind-index digest for the scan's hot path: SipHash-2-4 with a 64-bit output (Aumasson and
 * Bernstein 2012, https://131002.net/siphash/), run by a WebAssembly kernel (siphash.wat,
 * embedded by scripts/gen-wasm.mjs) over a whole batch of values in one call.
 *
 * Why SipHash, and why it is enough: a blind index needs a pseudo-random function under a secret
 * key — without the key its outputs say nothing about the values, and equal values give equal
 * digests. SipHash-2-4 is a PRF designed for exactly this, short inputs under a 128-bit key (the
 * paper's security claims, IACR ePrint 2012/351). It replaced a 64-bit truncated keyed SHA-256
 * here (one compression per value, ≈ 140 ns with four lanes in WebAssembly SIMD, ≈ 20 % of a batch
 * thread on the dense CSV) at ≈ 60 ns a value, most of it copying the value's bytes into the
 * kernel's memory (bench/README.md, 2026-11-27, fourth session).
 * The output width is the same 64 bits, so the collision odds (≈ n² / 2⁶⁵ for n distinct values)
 * are unchanged. The scan key is random per scan and lives only in memory; these digests never
 * leave the scan (they are spilled only to its temporary files). The server's own blind indexes
 * are HMAC-SHA256 (platform/crypto, DESIGN §4), not these.
 *
 * Keys: each namespace (the element id: email, phone, national_id:<kind>) gets its own key,
 * derived once from the scan's secret key as the first 16 bytes of
 * HMAC-SHA256(scanKey, 'breachdesk-scan-siphash:' + namespace) (node:crypto); so the namespace is
 * not part of the hashed message, and equal values in different namespaces are unrelated
 * digests. The digest of a value is SipHash-2-4(key, UTF-8 bytes of the value), the reference
 * algorithm with the reference byte order: key bytes k[0..15] give k0 = u64 LE of k[0..7] and k1
 * of k[8..15], and the 64-bit output is hi = its upper 32 bits, lo = its lower 32 bits (the
 * reference writes it as 8 bytes LE: lo's bytes first).
 *
 * Encoding: values are strings; their bytes are UTF-8 as Buffer (and TextEncoder) write them, so
 * a lone surrogate is encoded as U+FFFD (EF BF BD) — two strings that differ only in which lone
 * surrogate they hold get the same digest, as they would after any UTF-8 round trip.
 *
 * Memory: one WebAssembly memory per instance, grown geometrically to hold a batch's bytes (and
 * never shrunk: WebAssembly memory cannot shrink, so one huge value pins its size until the
 * instance is dropped). Layout: [0, 8) unused (the kernel's last-word load reads up to 8 bytes
 * before a message's end; see siphash.wat), then the queued values' bytes back to back from
 * offset 8, then, written only for the duration of a kernel call, the key table, the entries and
 * the outputs. Entries and results live in JavaScript typed arrays, copied in and out around the
 * call, so values can be added after finish() and the scalar digest can run between add()s.
 *
 * keyed-siphash.test.ts checks the kernel against the reference test vectors and a BigInt
 * transcription of the reference C code, and this wrapper against both.
 */
import { createHmac } from 'node:crypto';
import { compileWasm, WA, type WasmMemory } from '../wasm.js';
import { SIPHASH_WASM } from './siphash.wasm.js';

/** Where queued values start (see the file comment: the kernel may read [p + len - 8, p + len)). */
const DATA = 8;
const PAGE = 65536;
/** Prefix of the HMAC message a namespace's SipHash key is derived from. */
const KEY_LABEL = 'breachdesk-scan-siphash:';
/** Namespaces found by a linear search before the Map (#keyFor). */
const FIRST_NS = 8;

type HashFn = (entries: number, count: number, keys: number, out: number) => void;

let sipModule: object | null | undefined;

/** The compiled kernel, once per thread. */
function sipKernel(): object {
  if (sipModule === undefined) sipModule = compileWasm(SIPHASH_WASM);
  if (!sipModule || !WA) {
    throw new Error('keyed-siphash: WebAssembly is unavailable or rejected the SipHash kernel (it needs only the MVP, present on every supported Node)');
  }
  return sipModule;
}

/** One value digested on its own (`KeyedSip64Batch.scalar`): customers' values, non-identifying values. */
export interface KeyedSip64 {
  /** SipHash-2-4 of the UTF-8 bytes of `value` under `namespace`'s key; result in `hi`/`lo`. */
  digest(namespace: string, value: string): void;
  /** The last digest's upper 32 bits (unsigned). */
  readonly hi: number;
  /** The last digest's lower 32 bits (unsigned). */
  readonly lo: number;
}

class Scalar implements KeyedSip64 {
  hi = 0;
  lo = 0;
  constructor(readonly digest: (namespace: string, value: string) => void) {}
}

/**
 * SipHash-2-4 digests of many values, one WebAssembly call per batch: `add()` queues a value and
 * returns its index; after `finish()`, `hi(i)`/`lo(i)` hold its digest. Not safe to share between
 * concurrent users (it is per thread anyway: WebAssembly instances are).
 */
export class KeyedSip64Batch {
  readonly #scanKey: Uint8Array;
  readonly #hash: HashFn;
  readonly #memory: WasmMemory;
  /** Views of #memory; replaced after a grow (growing detaches the old buffer). */
  #u8: Uint8Array;
  #u32: Uint32Array;
  #buf: Buffer;

  /** The namespaces' derived keys, 16 bytes each, in key-index order. */
  #keys = new Uint8Array(16 * 8);
  #nKeys = 0;
  readonly #keyIndex = new Map<string, number>();
  /**
   * The first namespaces seen, searched linearly before the Map: a scan uses a handful, and
   * comparing (usually identical, interned) strings beats a Map lookup (measured ≈ 3 ns a value
   * with four namespaces interleaved, against a one-entry memo in front of the Map).
   */
  readonly #firstNs: string[] = [];

  /** Per queued value: byte offset, byte length, key index (the kernel's entry layout). */
  #ent = new Uint32Array(3 * 1024);
  /** Per value: lo, hi of its digest once finished. */
  #res = new Uint32Array(2 * 1024);
  /** Values added, values already hashed, and the end of the queued bytes. */
  #count = 0;
  #done = 0;
  #pos = DATA;
  readonly #scalar: Scalar;

  /** `scanKey`: the scan's secret key, at least 16 bytes (copied). */
  constructor(scanKey: Uint8Array) {
    if (!(scanKey instanceof Uint8Array) || scanKey.length < 16) {
      throw new RangeError('KeyedSip64Batch: the scan key must be a Uint8Array of at least 16 bytes');
    }
    this.#scanKey = Uint8Array.from(scanKey);
    const inst = new WA!.Instance(sipKernel());
    this.#hash = inst.exports.hash as HashFn;
    this.#memory = inst.exports.memory as WasmMemory;
    this.#u8 = new Uint8Array(this.#memory.buffer);
    this.#u32 = new Uint32Array(this.#memory.buffer);
    this.#buf = Buffer.from(this.#memory.buffer);
    this.#scalar = new Scalar((namespace, value) => this.#digestOne(namespace, value));
  }

  /** The one-at-a-time hasher for the same key (same digests; for values digested on their own). */
  get scalar(): KeyedSip64 {
    return this.#scalar;
  }

  /** Start a new set of values (indices restart at 0); the namespaces' keys are kept. */
  reset(): void {
    this.#count = 0;
    this.#done = 0;
    this.#pos = DATA;
  }

  /** Queue the digest of `value` (its UTF-8 bytes) under `namespace`'s key; returns its index for hi()/lo(). */
  add(namespace: string, value: string): number {
    return this.addKey(this.#keyFor(namespace), value);
  }

  /**
   * The key index of `namespace` (deriving its key on first use), for addKey and the *Key forms:
   * a caller that digests many values of one namespace looks it up once (batch-record.ts, per
   * element tag), not once a value.
   */
  keyIndex(namespace: string): number {
    return this.#keyFor(namespace);
  }

  /** `add` under key index `k` (keyIndex). */
  addKey(k: number, value: string): number {
    const pos = this.#pos;
    return this.#queue(pos, this.#write(value, pos, 0), k);
  }

  /**
   * `add(namespace, head + '\u0000' + value)` without joining the strings (link keys, link-keys.ts):
   * the NUL between them keeps any lone surrogate at either edge lone, so the bytes are the same.
   */
  addJoined(namespace: string, head: string, value: string): number {
    const k = this.#keyFor(namespace);
    const pos = this.#pos;
    const h = this.#write(head, pos, 0);
    this.#ensure(pos + h + 1);
    this.#u8[pos + h] = 0;
    return this.#queue(pos, h + 1 + this.#write(value, pos + h + 1, 0), k);
  }

  /**
   * `addJoined` with the head given as its UTF-8 bytes `head[0, headLen)` (link-key-bytes.ts: the
   * name key is folded into bytes once per record, not built as a string and re-encoded per key).
   */
  addBytesJoined(namespace: string, head: Uint8Array, headLen: number, value: string): number {
    return this.addBytesJoinedKey(this.#keyFor(namespace), head, headLen, value, 0);
  }

  /** `addBytesJoined` under key index `k`, with the tail `value.slice(from)` written without the slice. */
  addBytesJoinedKey(k: number, head: Uint8Array, headLen: number, value: string, from: number): number {
    const pos = this.#pos;
    this.#putBytes(head, headLen, pos);
    return this.#queue(pos, headLen + 1 + this.#write(value, pos + headLen + 1, from), k);
  }

  /** `addBytesJoined` with the tail as bytes too: head, NUL, tail[0, tailLen). */
  addBytesJoinedBytes(namespace: string, head: Uint8Array, headLen: number, tail: Uint8Array, tailLen: number): number {
    return this.addBytesJoinedBytesKey(this.#keyFor(namespace), head, headLen, tail, tailLen);
  }

  /** `addBytesJoinedBytes` under key index `k`. */
  addBytesJoinedBytesKey(k: number, head: Uint8Array, headLen: number, tail: Uint8Array, tailLen: number): number {
    const pos = this.#pos;
    this.#putBytes(head, headLen, pos);
    const t = pos + headLen + 1;
    this.#ensure(t + tailLen);
    const u8 = this.#u8;
    for (let j = 0; j < tailLen; j++) u8[t + j] = tail[j];
    return this.#queue(pos, headLen + 1 + tailLen, k);
  }

  /** head[0, len) and a NUL at `at`. Short (a name key): a loop beats set() with its subarray. */
  #putBytes(head: Uint8Array, len: number, at: number): void {
    this.#ensure(at + len + 1);
    const u8 = this.#u8;
    for (let j = 0; j < len; j++) u8[at + j] = head[j];
    u8[at + len] = 0;
  }

  /** Queue the `n` bytes written at `pos` under key `k`; returns their index. */
  #queue(pos: number, n: number, k: number): number {
    const i = this.#count;
    if (3 * i + 3 > this.#ent.length) this.#growEntries();
    const ent = this.#ent;
    ent[3 * i] = pos;
    ent[3 * i + 1] = n;
    ent[3 * i + 2] = k;
    this.#pos = pos + n;
    this.#count = i + 1;
    return i;
  }

  /** Hash what is still queued (one kernel call). */
  finish(): void {
    const from = this.#done;
    const n = this.#count - from;
    if (n === 0) return;
    // Scratch after the queued bytes: key table (16-aligned), entries, outputs (8-aligned).
    const keysAt = this.#pos + (-this.#pos & 15);
    const entriesAt = keysAt + 16 * this.#nKeys;
    const outAt = entriesAt + 12 * n + ((-(entriesAt + 12 * n)) & 7);
    this.#ensure(outAt + 8 * n);
    const u32 = this.#u32;
    this.#u8.set(this.#keys.subarray(0, 16 * this.#nKeys), keysAt);
    u32.set(this.#ent.subarray(3 * from, 3 * (from + n)), entriesAt >>> 2);
    this.#hash(entriesAt, n, keysAt, outAt);
    this.#res.set(u32.subarray(outAt >>> 2, (outAt >>> 2) + 2 * n), 2 * from);
    this.#done = from + n;
  }

  /** Values queued since reset() (the next add's index). */
  get count(): number {
    return this.#count;
  }

  /**
   * The finished digests as (lo, hi) pairs by index: value i's at [2i, 2i + 2). A view valid until
   * the next add or finish (batch-record.ts reads a whole batch's digests from it in one loop).
   */
  get results(): Uint32Array {
    return this.#res;
  }

  /** Upper 32 bits of value i's digest (unsigned); valid after the finish() that followed its add(). */
  hi(i: number): number {
    return this.#res[2 * i + 1];
  }

  /** Lower 32 bits of value i's digest (unsigned). */
  lo(i: number): number {
    return this.#res[2 * i];
  }

  /** The key index of `namespace`, deriving its key on first use. */
  #keyFor(namespace: string): number {
    const first = this.#firstNs;
    for (let i = 0; i < first.length; i++) if (first[i] === namespace) return i;
    let k = this.#keyIndex.get(namespace);
    if (k === undefined) {
      k = this.#nKeys++;
      if (16 * this.#nKeys > this.#keys.length) {
        const next = new Uint8Array(this.#keys.length * 2);
        next.set(this.#keys);
        this.#keys = next;
      }
      const mac = createHmac('sha256', this.#scanKey).update(KEY_LABEL + namespace, 'utf8').digest();
      this.#keys.set(mac.subarray(0, 16), 16 * k);
      this.#keyIndex.set(namespace, k);
      // Key indices are assigned in order, so first[i] is key i.
      if (k < FIRST_NS) first.push(namespace);
    }
    return k;
  }

  /** Write the UTF-8 bytes of `value.slice(from)` at `at` (growing the memory if needed); returns their count. */
  #write(value: string, at: number, from: number): number {
    const len = value.length - from;
    // A UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair: 2 units, 4 bytes).
    if (at + 3 * len > this.#u8.length) this.#ensure(at + 3 * len);
    const u8 = this.#u8;
    for (let j = 0; j < len; j++) {
      const c = value.charCodeAt(from + j);
      // Not ASCII: encode the whole value again, natively (lone surrogates become U+FFFD).
      if (c >= 0x80) return this.#buf.write(from === 0 ? value : value.slice(from), at, 'utf8');
      u8[at + j] = c;
    }
    return len;
  }

  /** Make the memory at least `bytes` long, at least doubling it, and refresh the views. */
  #ensure(bytes: number): void {
    // #u8 spans the whole memory: no call to the `buffer` getter on the hot path.
    if (bytes <= this.#u8.length) return;
    const have = this.#memory.buffer.byteLength;
    if (bytes <= have) return;
    const need = Math.ceil((bytes - have) / PAGE);
    try {
      this.#memory.grow(Math.max(need, have / PAGE));
    } catch {
      // Doubling would pass the 4 GiB limit: take only what is needed (this throws if even that does not fit).
      this.#memory.grow(need);
    }
    const b = this.#memory.buffer;
    this.#u8 = new Uint8Array(b);
    this.#u32 = new Uint32Array(b);
    this.#buf = Buffer.from(b);
  }

  #growEntries(): void {
    const ent = new Uint32Array(this.#ent.length * 2);
    ent.set(this.#ent);
    this.#ent = ent;
    const res = new Uint32Array(this.#res.length * 2);
    res.set(this.#res);
    this.#res = res;
  }

  /**
   * The scalar digest: one value hashed at once, in scratch memory after the queued bytes (which
   * it leaves alone, so it may run between add()s). Scratch: the key [at, at + 16), the entry
   * [at + 16, at + 28), the output [at + 32, at + 40), the value from at + 40.
   */
  #digestOne(namespace: string, value: string): void {
    const k = this.#keyFor(namespace);
    const at = this.#pos + (-this.#pos & 7);
    const msg = at + 40;
    const n = this.#write(value, msg, 0);
    const u8 = this.#u8;
    const keys = this.#keys;
    for (let j = 0; j < 16; j++) u8[at + j] = keys[16 * k + j];
    const u32 = this.#u32;
    const e = (at + 16) >>> 2;
    u32[e] = msg;
    u32[e + 1] = n;
    u32[e + 2] = 0;
    this.#hash(at + 16, 1, at, at + 32);
    const s = this.#scalar;
    s.lo = u32[(at + 32) >>> 2];
    s.hi = u32[(at + 36) >>> 2];
  }
}
