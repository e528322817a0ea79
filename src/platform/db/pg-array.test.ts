/**
 * Array literals read back by PostgreSQL's own array input as the values given: random strings
 * (quotes, backslashes, braces, commas, white space, "NULL" in any case, empty, non-ASCII) and
 * numbers, against a real server.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL, testDialects } from '../../../test/support/dialects.js';
import { arrayLiteral } from './pg-array.js';

describe.runIf(testDialects().includes('postgresql'))('PostgreSQL array literals', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
  });
  afterAll(async () => client?.end());

  it('writes bare what needs no quotes and quotes the rest', () => {
    expect(arrayLiteral(['01JX', 'fp:Ab+/=', '2026-05-01T10:00:00.000Z', 7, null, undefined])).toBe('{01JX,fp:Ab+/=,2026-05-01T10:00:00.000Z,7,NULL,NULL}');
    expect(arrayLiteral(['', 'NULL', 'null', 'a b', 'a,b', '{x}', 'say "hi"', 'C:\\dir'])).toBe('{"","NULL","null","a b","a,b","{x}","say \\"hi\\"","C:\\\\dir"}');
    expect(arrayLiteral([])).toBe('{}');
  });

  it('is read back as the same values by PostgreSQL', async () => {
    const element = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '\t', '\n', ',', '{', '}', '"', '\\', "'", 'N', 'U', 'L', 'l', ':', '/'), maxLength: 8 }),
      fc.constantFrom('NULL', 'null', 'Null', '', ' NULL', 'NULL '),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 12 }), async (values) => {
        const clean = values.map((v) => (v === null ? null : v.replace(/\0/g, ''))); // PostgreSQL text holds no NUL
        const { rows } = await client.query<{ a: Array<string | null> }>('SELECT $1::text[] AS a', [arrayLiteral(clean)]);
        expect(rows[0]!.a).toEqual(clean);
      }),
      { numRuns: 300 },
    );
    const { rows } = await client.query<{ a: number[] }>('SELECT $1::int[] AS a', [arrayLiteral([1, -2, 0, 2147483647])]);
    expect(rows[0]!.a).toEqual([1, -2, 0, 2147483647]);
  });
});
