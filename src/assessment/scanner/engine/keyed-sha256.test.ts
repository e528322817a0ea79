import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KeyedSha64, KeyedSha64Batch } from './keyed-sha256.js';

describe('KeyedSha64', () => {
  it('equals the first 64 bits of node:crypto SHA-256(key ⊕ ipad ‖ namespace ‖ 0 ‖ value) for short, long and non-ASCII values', () => {
    const key = randomBytes(32);
    const h = new KeyedSha64(key);
    const pad = Buffer.alloc(64);
    for (let i = 0; i < 64; i++) pad[i] = (key[i] ?? 0) ^ 0x36;
    const values = ['', 'a', 'jane@example.com', 'Müller 東京 🙂', 'x'.repeat(48), 'x'.repeat(49), 'x'.repeat(50), 'é'.repeat(10), 'y'.repeat(56), 'z'.repeat(119), 'w'.repeat(1000)];
    for (const v of values) {
      h.digest('email', v);
      const ref = createHash('sha256').update(pad).update(`email\0${v}`).digest();
      expect([h.hi, h.lo]).toEqual([ref.readUInt32BE(0), ref.readUInt32BE(4)]);
    }
  });

  it('depends on the key and the namespace', () => {
    const a = new KeyedSha64(randomBytes(32));
    const b = new KeyedSha64(randomBytes(32));
    a.digest('email', 'jane@example.com');
    const first = [a.hi, a.lo];
    b.digest('email', 'jane@example.com');
    expect([b.hi, b.lo]).not.toEqual(first);
    a.digest('phone', 'jane@example.com');
    expect([a.hi, a.lo]).not.toEqual(first);
  });

  it('KeyedSha64Batch (four lanes in WebAssembly SIMD, the rest one by one) gives the same digests', () => {
    const key = randomBytes(32);
    const one = new KeyedSha64(key);
    const many = new KeyedSha64Batch(key);
    // Short ASCII values go to the SIMD lanes; long and non-ASCII ones take the scalar path; more
    // than one WebAssembly call's worth (4,096 lanes) and a count that is not a multiple of 4.
    const values = Array.from({ length: 9_001 }, (_, i) =>
      i % 97 === 0 ? 'x'.repeat(40 + (i % 30)) : i % 89 === 0 ? `Müller${i}` : `user${i}@example.com`,
    );
    for (let round = 0; round < 2; round++) {
      many.reset();
      const idx = values.map((v, i) => many.add(i % 2 ? 'email' : 'national_id:fr_nir', v));
      many.finish();
      values.forEach((v, i) => {
        one.digest(i % 2 ? 'email' : 'national_id:fr_nir', v);
        expect([many.hi(idx[i]!), many.lo(idx[i]!)]).toEqual([one.hi, one.lo]);
      });
    }
    // …and both equal node:crypto (first test): check a few against it directly too.
    const pad = Buffer.alloc(64);
    for (let i = 0; i < 64; i++) pad[i] = (key[i] ?? 0) ^ 0x36;
    many.reset();
    const a = many.add('phone', '+12125550100');
    many.finish();
    const ref = createHash('sha256').update(pad).update('phone\0+12125550100').digest();
    expect([many.hi(a), many.lo(a)]).toEqual([ref.readUInt32BE(0), ref.readUInt32BE(4)]);
  });

  it('packs every namespace alignment and value length of the one-block path like node:crypto (scalar and SIMD)', () => {
    const key = randomBytes(40);
    const one = new KeyedSha64(key);
    const many = new KeyedSha64Batch(key);
    const pad = Buffer.alloc(64);
    for (let i = 0; i < 64; i++) pad[i] = (key[i] ?? 0) ^ 0x36;
    const cases: [string, string][] = [];
    // Namespace + separator of every length mod 4, values from empty to past the 55-byte block
    // limit, and a non-ASCII character at each position of a short value (the UTF-8 fallback).
    for (const ns of ['', 'a', 'ab', 'abc', 'email', 'us_ssn', 'payment_card', 'national_id:fr_nir']) {
      for (let len = 0; len <= 60 - ns.length; len++) cases.push([ns, Array.from({ length: len }, (_, i) => String.fromCharCode(33 + ((i * 7 + len) % 90))).join('')]);
      for (let at = 0; at < 9; at++) cases.push([ns, `${'q'.repeat(at)}é${'r'.repeat(8 - at)}`]);
    }
    many.reset();
    const idx = cases.map(([ns, v]) => many.add(ns, v));
    many.finish();
    cases.forEach(([ns, v], i) => {
      const ref = createHash('sha256').update(pad).update(Buffer.from(`${ns}\0${v}`, 'utf8')).digest();
      const want = [ref.readUInt32BE(0), ref.readUInt32BE(4)];
      one.digest(ns, v);
      expect([one.hi, one.lo], `${ns}|${v}`).toEqual(want);
      expect([many.hi(idx[i]!), many.lo(idx[i]!)], `${ns}|${v}`).toEqual(want);
    });
  });

  it('embeds exactly what scripts/gen-sha256x4-wasm.mjs generates', () => {
    const script = fileURLToPath(new URL('../../../../scripts/gen-sha256x4-wasm.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stdout).toContain('up to date');
    expect(r.status).toBe(0);
  });
});
