/**
 * The digest side of a batch (batch.ts): per key and scan, the keyed hash (scalar and batched
 * WebAssembly), the cache of non-identifying values already sent, growable typed arrays for the
 * values log, and the queue that hands a record's link keys to the batched hash.
 */
import type { ValueFinding } from '../types.js';
import { type KeyedSip64, KeyedSip64Batch } from './keyed-siphash.js';
import type { KeyBytes, LinkByteSink } from './link-key-bytes.js';
import { STRONG_SOURCE } from './link-keys.js';
import { SentValues } from './value-cache.js';

/** Per key and scan: the keyed hash and the non-identifying values already sent (names, dates repeat). */
export interface Keyed {
  hasher: KeyedSip64;
  /** Strong identifiers' digests, computed together at the end of each batch (one WebAssembly call); `hasher` is its scalar twin. */
  batch: KeyedSip64Batch;
  sent: SentValues;
}
const SENT_MAX = 50_000;
const hashers = new Map<string, Keyed>();
export function keyed(key: Buffer | Uint8Array, run = ''): Keyed {
  const hex = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('hex');
  let h = hashers.get(`${hex}/${run}`);
  if (!h) {
    if (hashers.size > 4) hashers.clear();
    const batch = new KeyedSip64Batch(Buffer.from(hex, 'hex'));
    h = {
      hasher: batch.scalar,
      batch,
      sent: new SentValues(SENT_MAX),
    };
    hashers.set(`${hex}/${run}`, h);
  }
  return h;
}
export function hasherFor(key: Buffer | Uint8Array): KeyedSip64 {
  return keyed(key).hasher;
}

/** Namespace of a value's digest: national IDs of different kinds never collide. */
export function namespaceOf(f: ValueFinding): string {
  return f.element === 'national_id' && f.kind ? `national_id:${f.kind}` : f.element;
}

/**
 * The value a finding is blind-indexed by: its normalised value, but an e-mail address as the
 * mailbox it delivers to — without its sub-address (`jane.roe+news@example.org` →
 * `jane.roe@example.org`, RFC 5233 — Gmail, Outlook, iCloud, Fastmail, Proton and Postfix deliver
 * both to one mailbox) and, at Gmail, without dots in the local part and with googlemail.com as
 * gmail.com (Google: "Dots don't matter in Gmail addresses"; `jane.roe@gmail.com`,
 * `janeroe@gmail.com` and `Jane.Roe@googlemail.com` are one account). So one person signed up
 * with a tagged or dotted address in one file and the bare one in another links as one, and
 * `distinctValues` counts mailboxes. Samples keep the address as written.
 */
export function digestValueOf(f: ValueFinding): string {
  const v = f.value;
  if (f.element !== 'email') return v;
  // Every e-mail finding passes here: most have neither a sub-address nor a Gmail domain and
  // return as they are, without a substring.
  const gmail = v.endsWith('@gmail.com') || v.endsWith('@googlemail.com');
  const plus = v.indexOf('+');
  if (!gmail && plus <= 0) return v;
  const at = v.lastIndexOf('@');
  if (at < 1) return v;
  const local = plus > 0 && plus < at ? v.slice(0, plus) : v.slice(0, at);
  if (gmail) {
    const dotless = local.replaceAll('.', '');
    if (dotless) return `${dotless}@gmail.com`;
  }
  return local.length === at ? v : local + v.slice(at);
}

export class GrowU32 {
  a = new Uint32Array(4096);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  /** Three at once (a value's hi, lo, tag): one capacity check instead of three. */
  push3(x: number, y: number, z: number): void {
    if (this.n + 3 > this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    const a = this.a;
    const n = this.n;
    a[n] = x;
    a[n + 1] = y;
    a[n + 2] = z;
    this.n = n + 3;
  }
}

/**
 * A record's composite link keys into the batch's digest queue and `values` (eachLinkKeyBytes'
 * sink). A key's triple in `values` is (0, 0, tag) until processBatch reads the batch's digests:
 * every triple there is queued in the same order, so triple i is the queue's value i.
 */
export class LinkQueue implements LinkByteSink {
  /** The current record holds a strong identifier (its keys are logged with tag + STRONG_SOURCE). */
  strong = false;
  /** Per link-key tag: its namespace's key index in keyed.batch (-1: not looked up yet). */
  readonly #keys = new Int32Array(256).fill(-1);
  constructor(
    readonly keyed: Keyed,
    readonly values: GrowU32,
  ) {}
  alone(namespace: string, value: string, tag: number): void {
    this.keyed.batch.addKey(this.#key(namespace, tag), value);
    this.#push(tag);
  }
  joined(namespace: string, head: KeyBytes, tail: string | KeyBytes, tag: number, from: number): void {
    const b = this.keyed.batch;
    const k = this.#key(namespace, tag);
    if (typeof tail === 'string') b.addBytesJoinedKey(k, head.buf, head.len, tail, from);
    else b.addBytesJoinedBytesKey(k, head.buf, head.len, tail.buf, tail.len);
    this.#push(tag);
  }
  /** Each link-key tag has one namespace (link-key-bytes.ts). */
  #key(namespace: string, tag: number): number {
    let k = this.#keys[tag];
    if (k < 0) {
      k = this.keyed.batch.keyIndex(namespace);
      this.#keys[tag] = k;
    }
    return k;
  }
  #push(tag: number): void {
    this.values.push3(0, 0, this.strong ? tag + STRONG_SOURCE : tag);
  }
}
