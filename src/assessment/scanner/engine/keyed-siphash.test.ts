import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../../platform/prng.js';
import { compileWasm, WA, type WasmMemory } from '../wasm.js';
import { KeyedSip64Batch } from './keyed-siphash.js';
import { SIPHASH_WASM } from './siphash.wasm.js';

/**
 * The 64 SipHash-2-4 test vectors of the reference implementation (github.com/veorq/SipHash,
 * vectors.h, vectors_sip64; also the paper's appendix for i = 15): key = bytes 00..0f, message i =
 * bytes 00..i-1; each output written here as the u64 its 8 little-endian bytes make.
 */
const VECTORS = [
  0x726fdb47dd0e0e31n, 0x74f839c593dc67fdn, 0x0d6c8009d9a94f5an, 0x85676696d7fb7e2dn,
  0xcf2794e0277187b7n, 0x18765564cd99a68dn, 0xcbc9466e58fee3cen, 0xab0200f58b01d137n,
  0x93f5f5799a932462n, 0x9e0082df0ba9e4b0n, 0x7a5dbbc594ddb9f3n, 0xf4b32f46226bada7n,
  0x751e8fbc860ee5fbn, 0x14ea5627c0843d90n, 0xf723ca908e7af2een, 0xa129ca6149be45e5n,
  0x3f2acc7f57c29bdbn, 0x699ae9f52cbe4794n, 0x4bc1b3f0968dd39cn, 0xbb6dc91da77961bdn,
  0xbed65cf21aa2ee98n, 0xd0f2cbb02e3b67c7n, 0x93536795e3a33e88n, 0xa80c038ccd5ccec8n,
  0xb8ad50c6f649af94n, 0xbce192de8a85b8ean, 0x17d835b85bbb15f3n, 0x2f2e6163076bcfadn,
  0xde4daaaca71dc9a5n, 0xa6a2506687956571n, 0xad87a3535c49ef28n, 0x32d892fad841c342n,
  0x7127512f72f27ccen, 0xa7f32346f95978e3n, 0x12e0b01abb051238n, 0x15e034d40fa197aen,
  0x314dffbe0815a3b4n, 0x027990f029623981n, 0xcadcd4e59ef40c4dn, 0x9abfd8766a33735cn,
  0x0e3ea96b5304a7d0n, 0xad0c42d6fc585992n, 0x187306c89bc215a9n, 0xd4a60abcf3792b95n,
  0xf935451de4f21df2n, 0xa9538f0419755787n, 0xdb9acddff56ca510n, 0xd06c98cd5c0975ebn,
  0xe612a3cb9ecba951n, 0xc766e62cfcadaf96n, 0xee64435a9752fe72n, 0xa192d576b245165an,
  0x0a8787bf8ecb74b2n, 0x81b3e73d20b49b6fn, 0x7fa8220ba3b2ecean, 0x245731c13ca42499n,
  0xb78dbfaf3a8d83bdn, 0xea1ad565322a1a0bn, 0x60e61c23a3795013n, 0x6606d7e446282b93n,
  0x6ca4ecb15c5f91e1n, 0x9f626da15c9625f3n, 0xe51b38608ef25f57n, 0x958a324ceb064572n,
];

const M64 = (1n << 64n) - 1n;
const rotl = (x: bigint, b: bigint): bigint => ((x << b) | (x >> (64n - b))) & M64;
function le64(bytes: Uint8Array, at: number): bigint {
  let x = 0n;
  for (let j = 7; j >= 0; j--) x = (x << 8n) | BigInt(bytes[at + j]);
  return x;
}

/** SipHash-2-4, 64-bit output: a line-by-line BigInt transcription of the reference siphash.c. */
function sipRef(k0: bigint, k1: bigint, msg: Uint8Array): bigint {
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & M64;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & M64;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & M64;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const end = msg.length - (msg.length % 8);
  for (let i = 0; i < end; i += 8) {
    const m = le64(msg, i);
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
  // b = ((uint64_t)inlen) << 56: only the length's low byte survives.
  let b = BigInt(msg.length & 0xff) << 56n;
  for (let j = 0; j < msg.length - end; j++) b |= BigInt(msg[end + j]) << BigInt(8 * j);
  v3 ^= b;
  round();
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  for (let r = 0; r < 4; r++) round();
  return v0 ^ v1 ^ v2 ^ v3;
}


interface Raw {
  hash: (entries: number, count: number, keys: number, out: number) => void;
  memory: WasmMemory;
}
function rawKernel(): Raw {
  const mod = compileWasm(SIPHASH_WASM);
  expect(mod).not.toBeNull();
  const inst = new WA!.Instance(mod!);
  return { hash: inst.exports.hash as Raw['hash'], memory: inst.exports.memory as WasmMemory };
}

describe('siphash.wat (the raw kernel)', () => {
  it('gives the 64 reference test vectors, at every alignment of the message and of the tables', () => {
    const k = rawKernel();
    for (let shift = 0; shift < 8; shift++) {
      const mem = new DataView(k.memory.buffer);
      const bytes = new Uint8Array(k.memory.buffer);
      bytes.fill(0xa5); // garbage around the message: the kernel must not take any of it
      const keys = 3 + shift;
      const msg = 100 + shift;
      const entries = 300 + shift;
      const out = 2000 + shift;
      for (let i = 0; i < 16; i++) bytes[keys + i] = i;
      for (let i = 0; i < 64; i++) bytes[msg + i] = i;
      for (let i = 0; i < 64; i++) {
        mem.setUint32(entries + 12 * i, msg, true);
        mem.setUint32(entries + 12 * i + 4, i, true);
        mem.setUint32(entries + 12 * i + 8, 0, true);
      }
      k.hash(entries, 64, keys, out);
      const got = VECTORS.map((_, i) => mem.getBigUint64(out + 8 * i, true));
      expect(got, `shift ${shift}`).toEqual(VECTORS);
    }
  });

  it('agrees with the BigInt reference on 2,500 random messages (0..300 bytes, unaligned, 5 keys) in one call', () => {
    const k = rawKernel();
    k.memory.grow(16);
    const bytes = new Uint8Array(k.memory.buffer);
    const mem = new DataView(k.memory.buffer);
    const rand = rng(0x5eed);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (rand() * 256) | 0;
    const nKeys = 5;
    const keys = 1; // unaligned key table
    const N = 2500;
    const cases: { at: number; len: number; key: number }[] = [];
    let at = keys + 16 * nKeys + 3;
    for (let i = 0; i < N; i++) {
      const len = Math.floor(rand() * 301);
      cases.push({ at, len, key: Math.floor(rand() * nKeys) });
      at += len + Math.floor(rand() * 8);
    }
    const entries = at + 5;
    const out = entries + 12 * N + 3;
    expect(out + 8 * N).toBeLessThan(bytes.length);
    cases.forEach((c, i) => {
      mem.setUint32(entries + 12 * i, c.at, true);
      mem.setUint32(entries + 12 * i + 4, c.len, true);
      mem.setUint32(entries + 12 * i + 8, c.key, true);
    });
    k.hash(entries, N, keys, out);
    cases.forEach((c, i) => {
      const kAt = keys + 16 * c.key;
      const want = sipRef(le64(bytes, kAt), le64(bytes, kAt + 8), bytes.slice(c.at, c.at + c.len));
      expect(mem.getBigUint64(out + 8 * i, true), `case ${i} (len ${c.len}, at ${c.at})`).toBe(want);
    });
  });

  it('reads nothing after a message (one may end at the last byte of memory) and takes messages from offset 8, or 0 when at least 8 bytes long', () => {
    const k = rawKernel();
    const bytes = new Uint8Array(k.memory.buffer);
    const mem = new DataView(k.memory.buffer);
    const size = bytes.length;
    const rand = rng(7);
    for (let i = 0; i < size; i++) bytes[i] = (rand() * 256) | 0;
    const keys = 4096;
    const k0 = le64(bytes, keys);
    const k1 = le64(bytes, keys + 8);
    const cases: [number, number][] = [];
    for (let len = 0; len <= 40; len++) cases.push([size - len, len]);
    for (let len = 0; len <= 8; len++) cases.push([8, len]);
    for (let len = 8; len <= 20; len++) cases.push([0, len]);
    cases.forEach(([at, len], i) => {
      mem.setUint32(8192 + 12 * i, at, true);
      mem.setUint32(8192 + 12 * i + 4, len, true);
      mem.setUint32(8192 + 12 * i + 8, 0, true);
    });
    k.hash(8192, cases.length, keys, 16384);
    cases.forEach(([at, len], i) => {
      expect(mem.getBigUint64(16384 + 8 * i, true), `at ${at} len ${len}`).toBe(sipRef(k0, k1, bytes.slice(at, at + len)));
    });
  });

  it('embeds exactly what scripts/gen-wasm.mjs compiles from the .wat', () => {
    const script = fileURLToPath(new URL('../../../../scripts/gen-wasm.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stdout).toContain('siphash.wasm.ts is up to date');
    expect(r.status).toBe(0);
  });
});

/** The digest KeyedSip64Batch must give: SipHash-2-4 under the first 16 bytes of HMAC-SHA256(scanKey, label ‖ namespace), as [hi, lo]. */
function expected(scanKey: Uint8Array, namespace: string, value: string): [number, number] {
  const key = createHmac('sha256', scanKey).update(`breachdesk-scan-siphash:${namespace}`).digest();
  const h = sipRef(key.readBigUInt64LE(0), key.readBigUInt64LE(8), Buffer.from(value, 'utf8'));
  return [Number(h >> 32n), Number(h & 0xffffffffn)];
}

const MB_ASCII = 'x'.repeat(1 << 20);
const MB_MIXED = 'ab€🙂é'.repeat(1 << 17);
const VALUES = [
  '',
  'a',
  'jane@example.com',
  'user123456@example.com',
  '+1 415 555 0100',
  '123-45-6789',
  '4111 1111 1111 1111',
  '1234567',
  '12345678',
  '123456789',
  'é',
  'Müller 東京 🙂',
  'jörg.müller@beispiel.de',
  '\ud800',
  'a\udc00b',
  `x${'\ud83d'}`,
  '\ud83d\ude42',
  '\u007f\u0080\u07ff\u0800\uffff',
  'y'.repeat(200),
];

describe('KeyedSip64Batch', () => {
  it('add/finish/hi/lo = scalar digest = SipHash-2-4 under the HMAC-derived key, for ASCII, non-ASCII, lone surrogates, empty and 1 MB values', () => {
    const scanKey = randomBytes(32);
    const batch = new KeyedSip64Batch(scanKey);
    const cases: [string, string][] = [];
    for (const ns of ['email', 'phone', 'national_id:us_ssn']) for (const v of VALUES) cases.push([ns, v]);
    cases.push(['email', MB_ASCII], ['phone', MB_MIXED], ['email', 'after the big ones']);
    const idx = cases.map(([ns, v]) => batch.add(ns, v));
    expect(idx).toEqual(cases.map((_, i) => i));
    batch.finish();
    for (let i = 0; i < cases.length; i++) {
      const [ns, v] = cases[i];
      const want = expected(scanKey, ns, v);
      batch.scalar.digest(ns, v);
      expect([batch.scalar.hi, batch.scalar.lo], `${ns}|${v.slice(0, 40)}`).toEqual(want);
      expect([batch.hi(idx[i]), batch.lo(idx[i])], `${ns}|${v.slice(0, 40)}`).toEqual(want);
    }
  });

  it('addJoined(ns, a, b) = add(ns, a + NUL + b) for any strings, lone surrogates at the edges included', () => {
    const batch = new KeyedSip64Batch(randomBytes(16));
    const part = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\ud800', 'a\udbff', '\udc00b', 'é', ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { minLength: 1, maxLength: 30 }), (pairs) => {
        batch.reset();
        const joined = pairs.map(([a, b]) => batch.addJoined('link:name+dob', a, b));
        const whole = pairs.map(([a, b]) => batch.add('link:name+dob', `${a}\u0000${b}`));
        batch.finish();
        for (let i = 0; i < pairs.length; i++) expect([batch.hi(joined[i]), batch.lo(joined[i])]).toEqual([batch.hi(whole[i]), batch.lo(whole[i])]);
      }),
      { numRuns: 500 },
    );
    // Across a memory grow: one large part.
    batch.reset();
    const big = 'x'.repeat(3 << 20);
    const j = batch.addJoined('ns', big, 'tail\ud800');
    const w = batch.add('ns', `${big}\u0000tail\ud800`);
    batch.finish();
    expect([batch.hi(j), batch.lo(j)]).toEqual([batch.hi(w), batch.lo(w)]);
  });

  it('hashes a lone surrogate as U+FFFD, as Buffer and TextEncoder encode it', () => {
    const batch = new KeyedSip64Batch(randomBytes(16));
    const a = batch.add('email', 'x\ud800y');
    const b = batch.add('email', 'x\udfffy');
    const c = batch.add('email', 'x\ufffdy');
    batch.finish();
    expect([batch.hi(a), batch.lo(a)]).toEqual([batch.hi(c), batch.lo(c)]);
    expect([batch.hi(b), batch.lo(b)]).toEqual([batch.hi(c), batch.lo(c)]);
  });

  it('hashes a batch of 200,000 values (growing its memory) the same as one by one, then a smaller batch after reset()', () => {
    const scanKey = randomBytes(48);
    const batch = new KeyedSip64Batch(scanKey);
    const rand = rng(42);
    const value = (i: number): string => {
      const r = rand();
      if (r < 0.5) return `user${i}@example.com`;
      if (r < 0.8) return `+1 ${String(2000000000 + i)}`;
      if (r < 0.99) return `${String(100 + (i % 900))}-${String(10 + (i % 90))}-${String(1000 + (i % 9000))}`;
      return `ünïcødé-${i}-🙂`;
    };
    for (const n of [200_000, 1_000]) {
      batch.reset();
      const cases: [string, string][] = [];
      for (let i = 0; i < n; i++) cases.push([i % 3 === 0 ? 'email' : i % 3 === 1 ? 'phone' : 'ssn', value(i)]);
      for (let i = 0; i < n; i++) expect(batch.add(cases[i][0], cases[i][1])).toBe(i);
      batch.finish();
      let bad = 0;
      for (let i = 0; i < n; i++) {
        batch.scalar.digest(cases[i][0], cases[i][1]);
        if (batch.hi(i) !== batch.scalar.hi || batch.lo(i) !== batch.scalar.lo) bad++;
      }
      expect(bad).toBe(0);
      for (let i = 0; i < n; i += 997) {
        expect([batch.hi(i), batch.lo(i)], cases[i][1]).toEqual(expected(scanKey, cases[i][0], cases[i][1]));
      }
    }
  });

  it('keeps earlier digests across more add()s and finish()es, and scalar digests between add()s disturb nothing', () => {
    const scanKey = randomBytes(16);
    const batch = new KeyedSip64Batch(scanKey);
    const first = ['a@b.co', 'Zoë', '555-0100'].map((v) => batch.add('email', v));
    batch.finish();
    batch.scalar.digest('phone', 'in between');
    const second = ['x'.repeat(5000), '', 'é'.repeat(3)].map((v) => batch.add('phone', v));
    batch.scalar.digest('email', 'x'.repeat(70_000)); // grows the memory while values are queued
    expect([batch.scalar.hi, batch.scalar.lo]).toEqual(expected(scanKey, 'email', 'x'.repeat(70_000)));
    batch.finish();
    batch.finish(); // nothing queued: no-op
    expect(second).toEqual([3, 4, 5]);
    ['a@b.co', 'Zoë', '555-0100'].forEach((v, i) => {
      expect([batch.hi(first[i]), batch.lo(first[i])]).toEqual(expected(scanKey, 'email', v));
    });
    ['x'.repeat(5000), '', 'é'.repeat(3)].forEach((v, i) => {
      expect([batch.hi(second[i]), batch.lo(second[i])]).toEqual(expected(scanKey, 'phone', v));
    });
    batch.reset();
    expect(batch.add('email', 'again')).toBe(0);
    batch.finish();
    expect([batch.hi(0), batch.lo(0)]).toEqual(expected(scanKey, 'email', 'again'));
  });

  it('depends on the namespace and on the scan key, and takes many namespaces', () => {
    const scanKey = randomBytes(32);
    const a = new KeyedSip64Batch(scanKey);
    const b = new KeyedSip64Batch(randomBytes(32));
    const names = Array.from({ length: 40 }, (_, i) => `national_id:kind${i}`);
    const idx = names.map((ns) => a.add(ns, 'jane@example.com'));
    const j = b.add(names[0], 'jane@example.com');
    a.finish();
    b.finish();
    const digests = new Set(idx.map((i) => `${a.hi(i)}:${a.lo(i)}`));
    expect(digests.size).toBe(names.length);
    expect(`${b.hi(j)}:${b.lo(j)}`).not.toBe(`${a.hi(idx[0])}:${a.lo(idx[0])}`);
    names.forEach((ns, i) => {
      expect([a.hi(idx[i]), a.lo(idx[i])]).toEqual(expected(scanKey, ns, 'jane@example.com'));
    });
  });

  it('refuses a scan key shorter than 16 bytes', () => {
    expect(() => new KeyedSip64Batch(new Uint8Array(15))).toThrow(/16 bytes/);
  });
});
