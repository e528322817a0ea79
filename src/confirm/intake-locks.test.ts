/** The advisory-lock keys of a group: one per distinct entity and fingerprint, in one order for every group. */
import { describe, expect, it } from 'vitest';
import { lockKeysOf } from './intake-locks.js';

const mac = (i: number) => Buffer.alloc(32, i).toString('base64url');

describe('intake lock keys', () => {
  it('one key per distinct entity and fingerprint, sorted as signed 64-bit integers, whatever the alerts’ order', () => {
    const a = { fingerprint: `fp:${mac(1)}`, lookups: [mac(200), mac(3)] };
    const b = { fingerprint: `ref:${mac(4)}`, lookups: [mac(3), mac(5)] };
    const keys = lockKeysOf([a, b]);
    expect(keys).toHaveLength(5); // mac(3) is shared
    expect(keys).toEqual(lockKeysOf([b, a]));
    const n = keys.map(BigInt);
    expect([...n].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(n);
    expect(n[0]! < 0n).toBe(true); // 0xc8c8… read as a signed bigint, as PostgreSQL's bigint takes it
    expect(keys).toContain(String(Buffer.alloc(8, 3).readBigInt64BE(0)));
  });

  it('a name that is not a MAC is hashed; the fingerprint’s kind prefix is not part of its key', () => {
    expect(lockKeysOf([{ fingerprint: 'fp:x', lookups: ['short'] }])).toHaveLength(2);
    expect(lockKeysOf([{ fingerprint: `fp:${mac(7)}`, lookups: [] }])).toEqual(lockKeysOf([{ fingerprint: `raw:${mac(7)}`, lookups: [] }]));
  });
});
