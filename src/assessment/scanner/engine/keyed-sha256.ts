/**
 * The scan's blind-index digest: SHA-256 keyed by a secret 64-byte prefix block, truncated to
 * 64 bits — `first8(SHA-256((key ⊕ ipad) ‖ namespace ‖ 0x00 ‖ value))`, i.e. HMAC-SHA256's inner
 * hash (RFC 2104) without the outer one.
 *
 * Why not full HMAC: every valid value of a leaked file is digested (≈4 per row of a dense CSV,
 * millions per GB), and the outer hash doubled the cost. What HMAC's outer hash adds is protection
 * against length extension of a *full* Merkle–Damgård output; a 64-bit truncation leaves an
 * attacker without the chaining state, so extension is impossible (the reason SHA-512/256 resists
 * it), and the secret prefix block makes the keyed compression a PRF under the same assumption
 * HMAC's proof rests on (Bellare, Canetti, Krawczyk 1996, "Keying hash functions"; Bellare 2006).
 * The key is random per scan and lives only in memory; these digests are never stored by the
 * server (its blind indexes are platform/crypto's HMAC-SHA256, DESIGN §4), only spilled to the
 * scan's temporary files, which therefore reveal no value without the key.
 *
 * The key's pad block is compressed once, so a value of up to 55 bytes with its namespace costs
 * one SHA-256 compression and no allocation (node:crypto's createHash costs ≈1.4 µs plus an
 * object per call). keyed-sha256.test.ts checks it against node:crypto's createHash.
 */
import { compileWasm, WA, type WasmMemory } from '../wasm.js';
import { SHA256X4_WASM } from './sha256x4.wasm.js';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Int32Array(64);

/**
 * One SHA-256 compression (FIPS 180-4 §6.2.2) of the block in W[0..15] into `h`. The schedule is
 * expanded first, then the rounds run eight at a time with the working variables renamed instead
 * of shifted (no eight-register shuffle per round); Ch = g ^ (e & (f ^ g)) and
 * Maj = (a & b) | (c & (a | b)) are FIPS 180-4 §4.1.2's functions in two operations. Measured
 * ≈285 ns per block here against ≈410 ns for the rolled loop.
 */
// biome-ignore format: the unrolled rounds read best one per line
function compress(h: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15];
    const w2 = W[t - 2];
    W[t] = (W[t - 16] + (((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)) + W[t - 7] + (((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10))) | 0;
  }
  let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (let t = 0; t < 64; t += 8) {
    hh = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + K[t] + W[t]) | 0;
    d = (d + hh) | 0;
    hh = (hh + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
    g = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + K[t + 1] + W[t + 1]) | 0;
    c = (c + g) | 0;
    g = (g + (((hh >>> 2) | (hh << 30)) ^ ((hh >>> 13) | (hh << 19)) ^ ((hh >>> 22) | (hh << 10))) + ((hh & a) | (b & (hh | a)))) | 0;
    f = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + K[t + 2] + W[t + 2]) | 0;
    b = (b + f) | 0;
    f = (f + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & hh) | (a & (g | hh)))) | 0;
    e = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + K[t + 3] + W[t + 3]) | 0;
    a = (a + e) | 0;
    e = (e + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (hh & (f | g)))) | 0;
    d = (d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + K[t + 4] + W[t + 4]) | 0;
    hh = (hh + d) | 0;
    d = (d + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
    c = (c + (((hh >>> 6) | (hh << 26)) ^ ((hh >>> 11) | (hh << 21)) ^ ((hh >>> 25) | (hh << 7))) + (b ^ (hh & (a ^ b))) + K[t + 5] + W[t + 5]) | 0;
    g = (g + c) | 0;
    c = (c + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) | (f & (d | e)))) | 0;
    b = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (hh ^ a))) + K[t + 6] + W[t + 6]) | 0;
    f = (f + b) | 0;
    b = (b + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) | (e & (c | d)))) | 0;
    a = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (hh ^ (f & (g ^ hh))) + K[t + 7] + W[t + 7]) | 0;
    e = (e + a) | 0;
    a = (a + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d & (b | c)))) | 0;
  }
  h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
}

function loadBlock(bytes: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    W[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
  }
}

/**
 * A namespace's share of a one-block message (FIPS 180-4 §5.2.1): the ASCII bytes of
 * `namespace` and the 0x00 separator as whole big-endian words, plus the partial last word the
 * value's bytes continue. Built once per namespace (there are a handful), so packing a value
 * only touches the value's own characters.
 */
interface NsPack {
  /** Namespace length + 1 (the separator), in bytes. */
  len1: number;
  /** The complete words, then the partial word (its low bytes 0) at index `full`. */
  words: Int32Array;
  full: number;
  /** False when the namespace itself is not ASCII (never for the element ids): the slow path takes it. */
  ascii: boolean;
}

/**
 * The namespaces seen, searched linearly: a scan uses a handful (the strong identifiers' ids),
 * and comparing interned strings beats a Map lookup here (measured ≈ 9 ns a digest).
 */
const nsNames: string[] = [];
const nsPacked: NsPack[] = [];
function nsPack(namespace: string): NsPack {
  for (let i = 0; i < nsNames.length; i++) if (nsNames[i] === namespace) return nsPacked[i];
  const len1 = namespace.length + 1;
  const words = new Int32Array((len1 >> 2) + 1);
  let ascii = true;
  for (let i = 0; i < namespace.length; i++) {
    const c = namespace.charCodeAt(i);
    if (c >= 0x80) ascii = false;
    words[i >> 2] |= (c & 0xff) << (24 - ((i & 3) << 3));
  }
  const p = { len1, words, full: len1 >> 2, ascii };
  // National-id kinds make a few more; past 64 (never with the real detectors) stop remembering.
  if (nsNames.length < 64) {
    nsNames.push(namespace);
    nsPacked.push(p);
  }
  return p;
}

/**
 * A one-block message straight into its big-endian words (FIPS 180-4 §5.2.1): the namespace's
 * prepacked words, then the ASCII bytes of `value`, then the §5.1.1 padding (0x80, zeros, and the
 * bit length counting the 64-byte key block) — word t at `words[at + t * stride]` (stride 1 for
 * the scalar W, 4 for a lane of the four-lane layout). Each word is built in a local and stored
 * once. The caller checks `namespace.length + value.length <= 54` (at most 55 bytes with the
 * separator); false at the first non-ASCII character, with the words left half-written (the UTF-8
 * path then takes the value).
 */
function packShortAscii(ns: NsPack, value: string, words: Int32Array | Uint32Array, at: number, stride: number): boolean {
  if (!ns.ascii) return false;
  const len = value.length;
  const end = at + 15 * stride;
  const nw = ns.words;
  let w = at;
  for (let k = 0; k < ns.full; k++) {
    words[w] = nw[k];
    w += stride;
  }
  // The value continues the namespace's partial last word; b = bytes already in `word`.
  let word = nw[ns.full];
  let b = ns.len1 & 3;
  for (let i = 0; i < len; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) return false;
    word |= c << (24 - (b << 3));
    if (++b === 4) {
      words[w] = word;
      w += stride;
      word = 0;
      b = 0;
    }
  }
  words[w] = word | (0x80 << (24 - (b << 3)));
  for (w += stride; w < end; w += stride) words[w] = 0;
  words[end] = (ns.len1 + len + 64) * 8;
  return true;
}

const encoder = new TextEncoder();

/** Keyed SHA-256 digests truncated to 64 bits (see the file comment); not safe to share across threads' calls. */
export class KeyedSha64 {
  readonly #prefix = new Int32Array(8);
  readonly #h = new Int32Array(8);
  #buf = new Uint8Array(256);
  /** The last digest: hi = bytes 0..3, lo = bytes 4..7 (unsigned). */
  hi = 0;
  lo = 0;

  constructor(key: Uint8Array) {
    if (key.length > 64) throw new Error('key longer than one SHA-256 block is not supported here');
    const pad = new Uint8Array(64);
    for (let i = 0; i < 64; i++) pad[i] = (key[i] ?? 0) ^ 0x36;
    this.#prefix.set(IV);
    loadBlock(pad, 0);
    compress(this.#prefix);
  }

  /** The chaining state after the key block (for KeyedSha64Batch). */
  get prefix(): Int32Array {
    return this.#prefix;
  }

  /** Digest of `namespace + "\0" + value` (UTF-8); result in `hi`/`lo`. */
  digest(namespace: string, value: string): void {
    if (namespace.length + value.length <= 54 && this.#digestShortAscii(namespace, value)) return;
    let n = this.#put(namespace, 0);
    this.#buf[n++] = 0;
    n = this.#put(value, n);
    // FIPS 180-4 §5.1.1 padding; the message length counts the 64-byte prefix block.
    const blocks = (n + 9 + 63) >>> 6;
    const total = blocks * 64;
    if (this.#buf.length < total) this.#grow(total);
    const buf = this.#buf;
    buf[n] = 0x80;
    buf.fill(0, n + 1, total);
    const bits = (n + 64) * 8;
    buf[total - 4] = bits >>> 24;
    buf[total - 3] = (bits >>> 16) & 0xff;
    buf[total - 2] = (bits >>> 8) & 0xff;
    buf[total - 1] = bits & 0xff;
    buf[total - 5] = Math.floor(bits / 2 ** 32) & 0xff;
    const h = this.#h;
    h.set(this.#prefix);
    for (let b = 0; b < blocks; b++) {
      loadBlock(buf, b * 64);
      compress(h);
    }
    this.hi = h[0] >>> 0;
    this.lo = h[1] >>> 0;
  }
  /**
   * The common case without the byte buffer: an ASCII message of at most 55 bytes fits one block,
   * so its bytes go straight into W. False at the first non-ASCII character (the UTF-8 path
   * handles it).
   */
  #digestShortAscii(namespace: string, value: string): boolean {
    if (!packShortAscii(nsPack(namespace), value, W, 0, 1)) return false;
    const h = this.#h;
    h.set(this.#prefix);
    compress(h);
    this.hi = h[0] >>> 0;
    this.lo = h[1] >>> 0;
    return true;
  }

  #grow(n: number): void {
    const next = new Uint8Array(Math.max(n, this.#buf.length * 2));
    next.set(this.#buf);
    this.#buf = next;
  }

  #put(s: string, at: number): number {
    if (this.#buf.length < at + s.length * 3 + 80) this.#grow(at + s.length * 3 + 80);
    const buf = this.#buf;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return at + encoder.encodeInto(s, buf.subarray(at)).written;
      buf[at + i] = c;
    }
    return at + s.length;
  }
}

let simdModule: object | null | undefined;
/** The four-lane compression (scripts/gen-sha256x4-wasm.mjs); null where WebAssembly SIMD is missing. */
function simd(): object | null {
  if (simdModule === undefined) simdModule = compileWasm(SHA256X4_WASM);
  return simdModule;
}

/** Messages per WebAssembly call (a multiple of 4); memory = 64 + 288 bytes a message group of 4. */
const LANES_CAP = 4096;
const GROUPS_CAP = LANES_CAP / 4;
const OUT = 64 + 256 * GROUPS_CAP;

/**
 * The same digests as KeyedSha64, for many values at once: `add()` queues a value and returns its
 * index; after `finish()`, `hi(i)`/`lo(i)` hold its digest. Short ASCII values (the common case: one
 * block, see #digestShortAscii) are hashed four at a time by WebAssembly SIMD, ≈ 80 ns each against
 * ≈ 300 ns one by one in JavaScript; the others, or all of them without SIMD, by KeyedSha64.
 * keyed-sha256.test.ts checks both paths against node:crypto.
 */
export class KeyedSha64Batch {
  readonly #scalar: KeyedSha64;
  readonly #run: ((groups: number, out: number) => void) | null = null;
  #u32 = new Uint32Array(0);
  /** Queued SIMD lanes and the add() index of each. */
  #lanes = 0;
  readonly #slot = new Int32Array(LANES_CAP);
  #count = 0;
  #res = new Uint32Array(2 * LANES_CAP);

  constructor(key: Uint8Array) {
    this.#scalar = new KeyedSha64(key);
    const mod = simd();
    if (mod && WA) {
      const inst = new WA.Instance(mod);
      const memory = inst.exports.memory as WasmMemory;
      const need = OUT + 32 * GROUPS_CAP;
      if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
      this.#u32 = new Uint32Array(memory.buffer);
      this.#u32.set(this.#scalar.prefix);
      this.#run = inst.exports.run as (groups: number, out: number) => void;
    }
  }

  /** The one-at-a-time hasher for the same key (same digests; for values digested on their own). */
  get scalar(): KeyedSha64 {
    return this.#scalar;
  }

  /** Start a new set of values (indices restart at 0). */
  reset(): void {
    this.#count = 0;
    this.#lanes = 0;
  }

  /** Queue the digest of `namespace + "\0" + value`; returns its index for hi()/lo(). */
  add(namespace: string, value: string): number {
    const idx = this.#count++;
    if (2 * this.#count > this.#res.length) {
      const next = new Uint32Array(this.#res.length * 2);
      next.set(this.#res);
      this.#res = next;
    }
    if (this.#run && namespace.length + value.length <= 54 && this.#queue(namespace, value, idx)) return idx;
    this.#scalar.digest(namespace, value);
    this.#res[2 * idx] = this.#scalar.hi;
    this.#res[2 * idx + 1] = this.#scalar.lo;
    return idx;
  }

  /** Hash what is still queued. */
  finish(): void {
    if (this.#lanes > 0) this.#flush();
  }

  hi(i: number): number {
    return this.#res[2 * i];
  }

  lo(i: number): number {
    return this.#res[2 * i + 1];
  }

  /** Queue a short ASCII message into lane `#lanes` (layout: scripts/gen-sha256x4-wasm.mjs); false if not ASCII. */
  #queue(namespace: string, value: string, idx: number): boolean {
    const lane = this.#lanes;
    // word t of this lane: u32[16 + group·64 + 4t + lane % 4]
    if (!packShortAscii(nsPack(namespace), value, this.#u32, 16 + (lane >> 2) * 64 + (lane & 3), 4)) return false;
    this.#slot[lane] = idx;
    this.#lanes++;
    if (this.#lanes === LANES_CAP) this.#flush();
    return true;
  }

  #flush(): void {
    const n = this.#lanes;
    this.#run?.((n + 3) >> 2, OUT);
    const u = this.#u32;
    const res = this.#res;
    for (let k = 0; k < n; k++) {
      const o = (OUT >> 2) + (k >> 2) * 8 + (k & 3);
      const idx = this.#slot[k];
      res[2 * idx] = u[o];
      res[2 * idx + 1] = u[o + 4];
    }
    this.#lanes = 0;
  }
}
