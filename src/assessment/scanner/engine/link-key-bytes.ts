/**
 * A record's composite link keys (link-keys.ts `eachLinkKey`) as UTF-8 bytes, for the batch's
 * digest queue (batch.ts → keyed-siphash.ts), without building the key strings.
 *
 * Why: on a customer export every row makes up to three keys — name + phone, name + birth date,
 * name + address — and the string form built the name key (two slices, two toLowerCase, one
 * concatenation), the address key (a slice per word, concatenations, toLowerCase), then copied
 * the name key into WebAssembly memory once per key, a character at a time (≈ 12 % of a detection
 * thread on issue 21's customers-us, CPU profile). Here an ASCII name or address — most of a
 * leak — is folded straight into a reused byte buffer in one pass (lower case of an ASCII letter
 * is `| 0x20`; a digit is itself), the name once per record; the digest queue copies those bytes.
 * Anything else takes the string functions and is encoded once.
 *
 * The bytes are exactly the UTF-8 of the strings eachLinkKey hands its sink, in the same order
 * with the same tags (link-key-bytes.test.ts compares both on random records), so every digest,
 * and so the people index and the report, is unchanged.
 */
import type { ValueFinding } from '../types.js';
import {
  addressKey, asciiWords, FOLD, isWordChar, LATIN_END, LINK_NAME_ADDRESS, LINK_NAME_DOB, LINK_NAME_PHONE, LINK_PHONE_ALONE, linkParts, nameKey,
  phoneKeyStart, WORD_BOUNDS,
} from './link-keys.js';

/** A reused byte buffer: `buf[0, len)` is the current key part. */
export class KeyBytes {
  buf = new Uint8Array(256);
  len = 0;
  /** Room for `n` bytes (the contents are not kept). */
  room(n: number): Uint8Array {
    if (this.buf.length < n) this.buf = new Uint8Array(Math.max(n, 2 * this.buf.length));
    return this.buf;
  }
}

/**
 * Where eachLinkKeyBytes' keys go: `value` alone, or `head` + NUL + `tail` (tail: the UTF-8 of
 * `tail.slice(from)` for a string — a phone's national digits are copied from its E.164 value
 * without a slice, phoneKeyStart — or bytes, `from` then 0).
 */
export interface LinkByteSink {
  alone(namespace: string, value: string, tag: number): void;
  joined(namespace: string, head: KeyBytes, tail: string | KeyBytes, tag: number, from: number): void;
}

const PHONE = 'phone';
const encoder = new TextEncoder();
const NAME = new KeyBytes();
const ADDRESS = new KeyBytes();

/** UTF-8 of `s` into `out` (TextEncoder: a lone surrogate becomes U+FFFD, as Buffer writes it). */
function encode(s: string, out: KeyBytes): void {
  const buf = out.room(3 * s.length);
  out.len = encoder.encodeInto(s, buf).written;
}

/** ASCII lower case of c (A–Z only: what toLowerCase changes among ASCII characters). */
const lower = (c: number) => (c >= 65 && c <= 90 ? c | 0x20 : c);

/** s[from, to) lower-cased into buf at `at`; returns the end. */
function putLower(s: string, from: number, to: number, buf: Uint8Array, at: number): number {
  for (let i = from; i < to; i++) buf[at++] = lower(s.charCodeAt(i));
  return at;
}

/**
 * nameKey(name) into `out`, and its number of words as far as linking asks: 0 (no key), 1 (one
 * word: links only with a phone) or 2 (two or more). An ASCII name of up to two words is folded
 * here (the two words in the order sort() puts their lower-cased forms: UTF-16 units, which for
 * ASCII is byte order); a Latin one (latinKeyBytes) too; others go through nameKey.
 */
export function nameKeyBytes(name: string, out: KeyBytes): 0 | 1 | 2 {
  const count = asciiWords(name);
  if (count >= 0 && count <= 2) {
    if (count === 0) return 0;
    if (count === 1) {
      const buf = out.room(WORD_BOUNDS[1] - WORD_BOUNDS[0]);
      out.len = putLower(name, WORD_BOUNDS[0], WORD_BOUNDS[1], buf, 0);
      return 1;
    }
    const a0 = WORD_BOUNDS[0];
    const a1 = WORD_BOUNDS[1];
    const b0 = WORD_BOUNDS[2];
    const b1 = WORD_BOUNDS[3];
    // Compare the lower-cased words: the first differing unit decides, else the shorter is first.
    const la = a1 - a0;
    const lb = b1 - b0;
    let aFirst = la <= lb;
    for (let i = 0; i < la && i < lb; i++) {
      const x = lower(name.charCodeAt(a0 + i));
      const y = lower(name.charCodeAt(b0 + i));
      if (x !== y) {
        aFirst = x < y;
        break;
      }
    }
    const buf = out.room(la + lb + 1);
    let at = aFirst ? putLower(name, a0, a1, buf, 0) : putLower(name, b0, b1, buf, 0);
    buf[at++] = 32;
    at = aFirst ? putLower(name, b0, b1, buf, at) : putLower(name, a0, a1, buf, at);
    out.len = at;
    return 2;
  }
  const words = latinKeyBytes(name, out, true);
  if (words >= 0) return words === 0 ? 0 : words === 1 ? 1 : 2;
  const k = nameKey(name);
  if (k.length === 0) return 0;
  encode(k, out);
  return k.indexOf(' ') === -1 ? 1 : 2;
}

/** addressKey(address) into `out`; returns its length in bytes (0: no key). */
export function addressKeyBytes(address: string, out: KeyBytes): number {
  const count = asciiWords(address);
  if (count < 0) {
    if (latinKeyBytes(address, out, false) < 0) encode(addressKey(address), out);
    return out.len;
  }
  let need = 0;
  for (let w = 0; w < count; w++) need += WORD_BOUNDS[2 * w + 1] - WORD_BOUNDS[2 * w] + 1;
  const buf = out.room(need);
  let at = 0;
  for (let w = 0; w < count; w++) {
    if (w > 0) buf[at++] = 32;
    at = putLower(address, WORD_BOUNDS[2 * w], WORD_BOUNDS[2 * w + 1], buf, at);
  }
  out.len = at;
  return at;
}

/**
 * Latin names and addresses (every character below LATIN_END: "José Núñez", "Łukasz Żółć",
 * "Mary Ann Smith") as bytes: link-keys.ts `latinWords` — each character's FOLD, its word
 * characters kept — written as UTF-8 straight into a scratch buffer, the words then sorted (a
 * name) by their bytes and joined with spaces into `out`. Before (issue 21), latinWords built each
 * word a character at a time (`cur += ch`), then sort(), join() and the UTF-8 encoding: strings
 * and arrays per name that most of a European leak's names paid (engine23). The folded units are
 * all in the BMP outside the surrogates (checked below), where UTF-8 byte order is UTF-16 unit
 * order: the sort is the one sort() does. Returns the number of words, or -1 when `s` has a
 * character from LATIN_END on (then nothing is written).
 */
function latinKeyBytes(s: string, out: KeyBytes, sorted: boolean): number {
  const n = s.length;
  const buf = SCRATCH.room(n * FOLD_MAX_BYTES);
  let at = 0;
  let count = 0;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= LATIN_END || FOLD_BAD[c] === 1) return -1;
    for (let u = FOLD_AT[c]; u < FOLD_AT[c + 1]; u++) {
      if (UNIT_WORD[u] === 1) {
        if (start < 0) start = at;
        const x = UNITS[u];
        if (x < 0x80) buf[at++] = x;
        else if (x < 0x800) {
          buf[at++] = 0xc0 | (x >> 6);
          buf[at++] = 0x80 | (x & 63);
        } else {
          buf[at++] = 0xe0 | (x >> 12);
          buf[at++] = 0x80 | ((x >> 6) & 63);
          buf[at++] = 0x80 | (x & 63);
        }
      } else if (start >= 0) {
        BOUNDS[2 * count] = start;
        BOUNDS[2 * count + 1] = at;
        count++;
        start = -1;
      }
    }
  }
  if (start >= 0) {
    BOUNDS[2 * count] = start;
    BOUNDS[2 * count + 1] = at;
    count++;
  }
  // Word order: ORDER[0, count) as indexes of BOUNDS' pairs, insertion-sorted by their bytes.
  for (let w = 0; w < count; w++) {
    let j = w - 1;
    if (sorted) for (; j >= 0 && compareWords(buf, ORDER[j], w) > 0; j--) ORDER[j + 1] = ORDER[j];
    ORDER[j + 1] = w;
  }
  const dst = out.room(at + count);
  let len = 0;
  for (let k = 0; k < count; k++) {
    if (k > 0) dst[len++] = 32;
    const w = ORDER[k];
    for (let b = BOUNDS[2 * w]; b < BOUNDS[2 * w + 1]; b++) dst[len++] = buf[b];
  }
  out.len = len;
  return count;
}

/** Byte order of words a and b of BOUNDS in `buf` (negative: a first), as string comparison orders them. */
function compareWords(buf: Uint8Array, a: number, b: number): number {
  const a0 = BOUNDS[2 * a];
  const la = BOUNDS[2 * a + 1] - a0;
  const b0 = BOUNDS[2 * b];
  const lb = BOUNDS[2 * b + 1] - b0;
  for (let i = 0; i < la && i < lb; i++) {
    const d = buf[a0 + i] - buf[b0 + i];
    if (d !== 0) return d;
  }
  return la - lb;
}

const SCRATCH = new KeyBytes();
/** latinKeyBytes' words as [from, to) byte pairs in SCRATCH, and their sorted order (reused). */
const BOUNDS: number[] = [];
const ORDER: number[] = [];
/** FOLD as tables: character c's folded units are UNITS[FOLD_AT[c], FOLD_AT[c + 1]), UNIT_WORD says which are word characters. */
const FOLD_AT = new Int32Array(LATIN_END + 1);
const unitList: number[] = [];
const wordList: number[] = [];
/** 1 for a character whose fold leaves the BMP or holds a surrogate (none does; then latinWords' own path decides). */
const FOLD_BAD = new Uint8Array(LATIN_END);
let foldMax = 1;
for (let c = 0; c < LATIN_END; c++) {
  FOLD_AT[c] = unitList.length;
  const f = FOLD[c];
  let bytes = 0;
  for (let j = 0; j < f.length; j++) {
    const u = f.charCodeAt(j);
    if (u >= 0xd800 && u <= 0xdfff) FOLD_BAD[c] = 1;
    unitList.push(u);
    wordList.push(isWordChar(f[j], u) ? 1 : 0);
    bytes += u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
  }
  foldMax = Math.max(foldMax, bytes);
}
FOLD_AT[LATIN_END] = unitList.length;
const UNITS = Uint16Array.from(unitList);
const UNIT_WORD = Uint8Array.from(wordList);
/** The most UTF-8 bytes one character folds to. */
const FOLD_MAX_BYTES = foldMax;

/** eachLinkKey (link-keys.ts), the same keys in the same order, as bytes into `sink`. */
export function eachLinkKeyBytes(elements: readonly ValueFinding[], strong: boolean, sink: LinkByteSink): void {
  const { name, phones, dob, address } = linkParts(elements);
  const words = name !== null && (phones > 0 || dob !== null || address !== null) ? nameKeyBytes(name, NAME) : 0;
  if (words === 0) {
    // No name: a phone links alone, and only records without a strong identifier.
    if (phones === 0 || strong) return;
    for (let i = 0; i < elements.length; i++) if (elements[i].element === PHONE) sink.alone('link:phone', elements[i].value, LINK_PHONE_ALONE);
    return;
  }
  if (phones > 0) for (let i = 0; i < elements.length; i++) if (elements[i].element === PHONE) {
      const phone = elements[i].value;
      sink.joined('link:name+phone', NAME, phone, LINK_NAME_PHONE, phoneKeyStart(phone));
    }
  // A single given name or surname links only with a phone.
  if (words === 1) return;
  if (dob !== null) sink.joined('link:name+dob', NAME, dob, LINK_NAME_DOB, 0);
  if (address !== null && addressKeyBytes(address, ADDRESS) > 0) sink.joined('link:name+address', NAME, ADDRESS, LINK_NAME_ADDRESS, 0);
}
