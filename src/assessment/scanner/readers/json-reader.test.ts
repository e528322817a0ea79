import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { tuning } from './dispatch.js';
import { readStream } from './index.js';
import { collect, errorsOf, recordsOf, rowsAsObjects } from './testing.js';


// Parse every small chunk as it comes, so chunk-boundary cases are exercised.
beforeAll(() => {
  tuning.blockBytes = 1;
});

function chunked(s: string, size: number): Readable {
  const buf = Buffer.from(s);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

describe('NDJSON reader', () => {
  it('flattens nested objects and arrays into dotted columns (union per batch)', async () => {
    const text = [
      JSON.stringify({ name: 'Ann', address: { city: 'Paris', zip: '75001' }, phones: ['+33 1 23 45 67 89', '+33 6 12 34 56 78'] }),
      JSON.stringify({ name: 'Bob', email: 'bob@example.org', active: true, score: 3.5, note: null }),
      '',
    ].join('\n');
    const evs = await collect(readStream('people.ndjson', chunked(text, 1 << 20)));
    expect(evs[0]).toMatchObject({ kind: 'file-start', format: 'ndjson' });
    const b = recordsOf(evs)[0];
    expect(b.columns).toEqual(['name', 'address.city', 'address.zip', 'phones.0', 'phones.1', 'email', 'active', 'score', 'note']);
    expect(rowsAsObjects(evs)[1]).toMatchObject({ name: 'Bob', email: 'bob@example.org', active: 'true', score: '3.5', note: null, 'address.city': null });
    expect(b.firstLocation).toEqual({ unit: 'line', n: 1 });
  });

  it('reports a malformed line by number without its content and continues', async () => {
    const text = '{"email":"a@example.com"}\n{"email":"secret@example.com",\n{"email":"c@example.com"}\n';
    const evs = await collect(readStream('x.jsonl', chunked(text, 5)));
    const errs = errorsOf(evs);
    expect(errs).toEqual([{ kind: 'error', path: 'x.jsonl', message: 'malformed JSON on line 2; line skipped', location: 'line 2' }]);
    expect(rowsAsObjects(evs).map((r) => r.email)).toEqual(['a@example.com', 'c@example.com']);
  });
});

describe('JSON document reader', () => {
  it('streams the elements of a top-level array split across tiny chunks', async () => {
    const recs = Array.from({ length: 50 }, (_, i) => ({ id: i, user: { email: `u${i}@example.com`, tags: ['a', 'b,c'] }, quote: 'he said "]}"' }));
    const text = JSON.stringify(recs, null, 2);
    const evs = await collect(readStream('dump.json', chunked(text, 13)));
    expect(evs[0]).toMatchObject({ format: 'json' });
    const rows = rowsAsObjects(evs);
    expect(rows).toHaveLength(50);
    expect(rows[49]).toEqual({ id: '49', 'user.email': 'u49@example.com', 'user.tags.0': 'a', 'user.tags.1': 'b,c', quote: 'he said "]}"' });
    expect(recordsOf(evs)[0]).toMatchObject({ table: 'dump.json', firstLocation: { unit: 'record', n: 1 } });
    expect(errorsOf(evs)).toEqual([]);
  });

  it('turns {"users":[…]} into records of table users, other members into one record', async () => {
    const text = JSON.stringify({ exported: '2024-01-01', users: [{ email: 'a@example.com' }, { email: 'b@example.com' }], admins: [{ login: 'root' }] });
    const evs = await collect(readStream('export.json', chunked(text, 9)));
    const batches = recordsOf(evs);
    expect(batches.map((b) => [b.table, b.rows.length])).toEqual([
      ['users', 2],
      ['admins', 1],
      ['export.json', 1],
    ]);
    expect(rowsAsObjects(evs)[3]).toEqual({ exported: '2024-01-01' });
  });

  it('reports a malformed element and a truncated document, keeping the good records', async () => {
    const text = '[{"a":1},\n{"a":2,,},\n{"a":3},\n{"a":';
    const evs = await collect(readStream('bad.json', chunked(text, 4)));
    expect(errorsOf(evs).map((e) => e.location)).toEqual(['line 2', 'line 4']);
    expect(errorsOf(evs)[1].message).toBe('JSON ended inside record 4 (truncated?)');
    expect(rowsAsObjects(evs).map((r) => r.a)).toEqual(['1', '3']);
  });

  it('skips an element longer than maxLineBytes', async () => {
    const text = JSON.stringify([{ a: 'x'.repeat(3000) }, { a: 'ok' }]);
    const evs = await collect(readStream('big.json', chunked(text, 256), { limits: { maxLineBytes: 1000 } }));
    expect(errorsOf(evs)).toHaveLength(1);
    expect(errorsOf(evs)[0].message).toMatch(/longer than maxLineBytes/);
    expect(rowsAsObjects(evs)).toEqual([{ a: 'ok' }]);
  });

  it('puts a record with very many keys in a batch of its own', async () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'v']));
    const text = [{ a: 1 }, wide, { a: 2 }].map((o) => JSON.stringify(o)).join('\n') + '\n';
    const evs = await collect(readStream('w.ndjson', chunked(text, 1 << 20)));
    expect(recordsOf(evs).map((b) => [b.columns.length, b.rows.length])).toEqual([
      [1, 1],
      [1000, 1],
      [1, 1],
    ]);
  });

  it('walks nested objects to the arrays inside them', async () => {
    const doc = {
      meta: { exported: '2024-01-01', by: { name: 'admin' } },
      data: { users: [{ email: 'a@example.com' }, { email: 'b@example.com' }], tags: ['x', 'y'] },
      count: 2,
    };
    const evs = await collect(readStream('nested.json', chunked(JSON.stringify(doc, null, 1), 7)));
    expect(errorsOf(evs)).toEqual([]);
    expect(recordsOf(evs).map((b) => [b.table, b.rows.length])).toEqual([
      ['users', 2],
      ['tags', 2],
      ['nested.json', 1],
    ]);
    expect(rowsAsObjects(evs).at(-1)).toEqual({ 'meta.exported': '2024-01-01', 'meta.by.name': 'admin', count: '2' });
    expect(rowsAsObjects(evs)[2]).toEqual({ value: 'x' });
  });
});

describe('JSON document: an object keyed by record ids (Firebase Realtime Database, exports keyed by user id)', () => {
  const users = {
    '-Mx3kLp9QzR1aB2cD3eF': { name: 'Jane Roe', email: 'jane@example.org', address: { city: 'Paris' } },
    '-Mx3kLp9QzR1aB2cD3eG': { name: 'John Poe', email: 'john@example.net' },
    uid1042: { name: 'Ann Lee', phone: '+33 6 12 34 56 78' },
  };
  it('makes each member a record of the map\'s table, its keys relative to it', async () => {
    for (const size of [1, 7, 1 << 20]) {
      const evs = await collect(readStream('db.json', chunked(JSON.stringify({ version: 3, users }), size)));
      expect(errorsOf(evs)).toEqual([]);
      const rows = rowsAsObjects(evs);
      expect(rows.filter((r) => r.email || r.phone)).toEqual([
        expect.objectContaining({ name: 'Jane Roe', email: 'jane@example.org', 'address.city': 'Paris' }),
        expect.objectContaining({ name: 'John Poe', email: 'john@example.net' }),
        expect.objectContaining({ name: 'Ann Lee', phone: '+33 6 12 34 56 78' }),
      ]);
      expect(recordsOf(evs).filter((b) => b.table === 'users').flatMap((b) => b.rows)).toHaveLength(3);
      // The document's own scalars stay one record of the file's table.
      expect(rows).toContainEqual(expect.objectContaining({ version: '3' }));
    }
  });
  it('a lone object under an id key, and objects under field names, stay part of one record', async () => {
    const doc = { profile: { name: 'Jane Roe', email: 'jane@example.org' }, billing: { name: 'Jane Roe', card: '4111 1111 1111 1111' }, orders: { o1: { total: 3 } } };
    const evs = await collect(readStream('one.json', chunked(JSON.stringify(doc), 5)));
    expect(rowsAsObjects(evs)).toEqual([
      { 'profile.name': 'Jane Roe', 'profile.email': 'jane@example.org', 'billing.name': 'Jane Roe', 'billing.card': '4111 1111 1111 1111', 'orders.o1.total': '3' },
    ]);
  });
});
