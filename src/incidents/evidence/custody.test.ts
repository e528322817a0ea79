import { describe, expect, it } from 'vitest';
import { CUSTODY_GENESIS, canonicalJson, type CustodyFields, hashCustodyRow, type StoredCustodyRow, verifyCustodyChain } from './custody.js';

function chain(n: number): StoredCustodyRow[] {
  const rows: StoredCustodyRow[] = [];
  let prev = CUSTODY_GENESIS;
  for (let i = 1; i <= n; i++) {
    const f: CustodyFields = {
      item_id: 'it',
      seq: i,
      at: `2026-01-0${i}T00:00:00.000Z`,
      action: i === 1 ? 'upload' : 'handover',
      actor_id: 'u1',
      actor_name: 'alice',
      from_party: i === 1 ? null : `p${i - 1}`,
      to_party: `p${i}`,
      reason: null,
      details: null,
      prev_hash: prev,
    };
    const hash = hashCustodyRow(f);
    rows.push({ ...f, hash });
    prev = hash;
  }
  return rows;
}

describe('custody ledger', () => {
  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
  });

  it('an intact chain has no problems', () => {
    const rows = chain(4);
    expect(verifyCustodyChain(rows, { seq: 4, hash: rows[3]!.hash })).toEqual([]);
  });

  it('names an altered row', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2]!, to_party: 'mallory' };
    expect(verifyCustodyChain(rows, { seq: 4, hash: rows[3]!.hash })).toEqual(['custody row 3 altered']);
  });

  it('names a removed middle row and removed newest rows', () => {
    const rows = chain(4);
    const head = { seq: 4, hash: rows[3]!.hash };
    expect(verifyCustodyChain([rows[0]!, rows[2]!, rows[3]!], head)[0]).toMatch(/custody row 2 missing/);
    expect(verifyCustodyChain(rows.slice(0, 3), head)).toEqual([expect.stringMatching(/ends at row 3 but the item records row 4/)]);
  });

  it('names a row re-hashed to hide an edit (its successor no longer follows)', () => {
    const rows = chain(3);
    const forged = { ...rows[1]!, reason: 'forged' };
    forged.hash = hashCustodyRow(forged);
    rows[1] = forged;
    expect(verifyCustodyChain(rows, { seq: 3, hash: rows[2]!.hash })).toEqual(['custody row 3 does not follow row 2 (removed, reordered or replaced)']);
  });
});
