import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRONG_TAGS, TAG_OF } from './batch.js';
import { namespaceOf } from './batch-digests.js';
import { KeyedSip64Batch } from './keyed-siphash.js';
import { countPerson, groupPartition, PeopleIndex, type PartitionGrouper, resolveSubdivisions } from './people.js';
import { TempDir } from './spill-log.js';
import { SpillStore } from './spill-store.js';

const hmac = new KeyedSip64Batch(randomBytes(32)).scalar;

/** Adds one record made of (element, value) pairs. */
function add(people: PeopleIndex, values: [string, string][], hints: string[] = []) {
  const a = new Uint32Array(values.length * 3);
  values.forEach(([el, v], i) => {
    hmac.digest(namespaceOf({ element: el as 'email', value: v }), v);
    a.set([hmac.hi, hmac.lo, TAG_OF.get(el)!], i * 3);
  });
  people.addRecord(a, 0, values.length, STRONG_TAGS, hints.map((h) => people.hintCode(h)), 0, hints.length, values.some(([el]) => el === 'person_name'));
}

function customer(people: PeopleIndex, el: string, v: string, row: number) {
  hmac.digest(el, v);
  people.addCustomerValue(hmac.hi, hmac.lo, row);
}

/**
 * Chain a–d links three records into one person; x alone is another. The phones b and c are
 * logged with their records (customer matching) but link nothing (link-keys.ts).
 */
function feed(people: PeopleIndex) {
  add(people, [['email', 'a'], ['phone', 'b'], ['person_name', 'Ann']], ['US-CA']);
  add(people, [['phone', 'c'], ['email', 'd']], ['US']);
  add(people, [['email', 'x'], ['person_name', 'Xi'], ['phone', 'c']], ['DE']); // shares only a phone with the chain
  add(people, [['email', 'a'], ['email', 'd']]);
  add(people, [['ip_address', '10.0.0.1']]); // no identifier, no name: not a person
  add(people, [['person_name', 'Ann'], ['postal_address', '1 Main St']], ['FR']); // named: own person
  add(people, [['person_name', 'Bo']]);
  for (let i = 0; i < 300; i++) add(people, [['email', `s${i}`]], i % 2 ? ['GB'] : []);
  // Unlinked records with several hints: a state drops the bare US; two countries both count.
  add(people, [['email', 'm']], ['US', 'US-TX']);
  add(people, [['email', 'n']], ['NL', 'BE', 'NL']);
  customer(people, 'email', 'd', 0); // the chain
  customer(people, 'phone', 'b', 1); // the chain again
  customer(people, 'email', 'nobody', 2);
  customer(people, 'email', 's7', 3);
}

describe('PeopleIndex', () => {
  /** Partitions grouped elsewhere, several in flight, finishing out of order (as worker threads may). */
  const shuffled: PartitionGrouper = (data, customers) =>
    new Promise((resolve) => setTimeout(() => resolve(groupPartition(data, customers)), (data.length * 7) % 5));
  for (const [label, opts, grouper, window] of [
    ['in memory', {}, undefined, 1],
    ['spilled to files, union-find in SQLite', { valueMemoryBytes: 1, unionFindMemoryCap: 0 }, undefined, 1],
    ['union-find half in memory, half in SQLite', { valueMemoryBytes: 1, unionFindMemoryCap: 150 }, undefined, 1],
    ['partitions grouped out of order, 4 in flight', {}, shuffled, 4],
  ] as const) {
    it(`links records, counts distinct values, resolves jurisdictions, matches customers (${label})`, async () => {
      const temp = new TempDir();
      const spill = new SpillStore();
      try {
        const people = new PeopleIndex(temp, spill, opts);
        feed(people);
        if ('valueMemoryBytes' in opts) expect(people.spilledBytes).toBeGreaterThan(0);
        const r = await people.finish(grouper, window);
        // 1 chain + x + 300 + 2 singletons + 2 named without identifier
        expect(r.individuals).toBe(306);
        expect(r.jurisdictions['US-TX']).toBe(1);
        expect(r.jurisdictions.NL).toBe(1);
        expect(r.jurisdictions.BE).toBe(1);
        expect(r.jurisdictions['US-CA']).toBe(1);
        expect(r.jurisdictions.US).toBeUndefined();
        expect(r.jurisdictions.DE).toBe(1);
        expect(r.jurisdictions.FR).toBe(1);
        expect(r.jurisdictions.GB).toBe(150);
        expect(r.jurisdictions.unknown).toBe(306 - 155);
        expect(r.distinct.get(TAG_OF.get('email')!)).toBe(305);
        expect(r.distinct.get(TAG_OF.get('phone')!)).toBe(2);
        expect(r.distinct.get(TAG_OF.get('person_name')!)).toBe(3);
        expect(r.matchedIndividuals).toBe(2);
        expect(r.matchedCustomerRows).toEqual([0, 1, 3]);
      } finally {
        spill.close();
        temp.remove();
      }
    });
  }

  it('keeps a bare country only when none of its subdivisions is known', () => {
    expect(resolveSubdivisions(new Set(['US', 'DE']))).toEqual(['US', 'DE']);
    expect(resolveSubdivisions(new Set(['US', 'US-NY']))).toEqual(['US-NY']);
    // A Quebec resident also seen with a +1 Canadian phone ('CA') counts in CA-QC only.
    expect(resolveSubdivisions(new Set(['CA', 'CA-QC', 'US']))).toEqual(['CA-QC', 'US']);
  });

  it('counts a person by hint code as resolveSubdivisions counts its hint names (any codes, repeated or not)', () => {
    const names = ['US', 'US-NY', 'US-CA', 'DE', 'GB', 'unknown-ish', 'USA', 'US-', 'CA', 'CA-QC', 'CA-AB'];
    const parentOf = names.map((h) => (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(h) ? names.indexOf(h.slice(0, 2)) : -1));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: names.length - 1 }), { maxLength: 40 }), fc.nat(5), (codes, pad) => {
        const counts: number[] = [];
        const padded = [...Array(pad).fill(3), ...codes, 4];
        countPerson(padded, pad, pad + codes.length, parentOf, counts);
        const want: Record<string, number> = {};
        for (const h of resolveSubdivisions(new Set(codes.map((c) => names[c])))) want[h] = 1;
        const got: Record<string, number> = {};
        counts.forEach((n, c) => {
          if (n) got[names[c]] = n;
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});
