import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyedSha64 } from './keyed-sha256.js';

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
});
