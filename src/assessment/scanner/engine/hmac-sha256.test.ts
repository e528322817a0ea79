import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Hmac64 } from './hmac-sha256.js';

describe('Hmac64', () => {
  it('equals node:crypto HMAC-SHA256 (first 64 bits) for short, long and non-ASCII values', () => {
    const key = randomBytes(32);
    const h = new Hmac64(key);
    const values = ['', 'a', 'jane@example.com', 'Müller 東京 🙂', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(119), 'w'.repeat(1000)];
    for (const v of values) {
      h.digest('email', v);
      const ref = createHmac('sha256', key).update(`email\0${v}`).digest();
      expect([h.hi, h.lo]).toEqual([ref.readUInt32BE(0), ref.readUInt32BE(4)]);
    }
  });
});
