/**
 * Rows reach detectRecord from packed batches, CSV blocks and SQL blocks. V8 keeps packed and holey
 * arrays apart: rows of two kinds in one table threw the optimised detectRecord away when the first
 * block followed the first (packed) rows (bench/README.md, issue 21, branch start21b). Every source
 * gives packed arrays. `%HasHoleyElements` needs --allow-natives-syntax, set here for this file.
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { eachBlockRow } from '../readers/csv-block.js';
import { eachSqlBlockRow } from '../readers/sql-block.js';
import { packRows, unpackRows } from './pack.js';

setFlagsFromString('--allow-natives-syntax');
const holey = new Function('a', 'return %HasHoleyElements(a)') as (a: unknown[]) => boolean;
const enc = (s: string) => new TextEncoder().encode(s);

function kinds(each: (visit: (row: (string | null)[]) => void) => void): boolean[] {
  const out: boolean[] = [];
  each((row) => out.push(holey(row)));
  return out;
}

describe('row arrays handed to detection are packed, whatever their source', () => {
  it('rows of a packed batch', () => {
    const rows = unpackRows(packRows([['a', null, 'c'], ['d', 'e', null]], null, 3), 3);
    expect(rows.map(holey)).toEqual([false, false]);
    expect(rows).toEqual([['a', null, 'c'], ['d', 'e', null]]);
  });

  it('rows of a CSV block, projected or not, quoted or not', () => {
    const block = enc('1,ann@x.io,CA\n2,bob@x.io,NY\n');
    expect(kinds((v) => eachBlockRow(block, ',', 3, [1, 2], false, v))).toEqual([false, false]);
    expect(kinds((v) => eachBlockRow(block, ',', 3, null, false, v))).toEqual([false, false]);
    expect(kinds((v) => eachBlockRow(enc('1,"Ann, Lee",CA\n'), ',', 3, [1], true, v))).toEqual([false]);
  });

  it('rows of a SQL block, VALUES and COPY, projected or not', () => {
    const values = enc("(1,'ann@x.io','CA'),(2,'bob@x.io',NULL);\n");
    expect(kinds((v) => eachSqlBlockRow(values, 'values', true, 3, null, v))).toEqual([false, false]);
    expect(kinds((v) => eachSqlBlockRow(values, 'values', true, 3, [1], v))).toEqual([false, false]);
    const copy = enc('1\tann@x.io\tCA\n2\tbob@x.io\t\\N\n');
    expect(kinds((v) => eachSqlBlockRow(copy, 'copy', false, 3, null, v))).toEqual([false, false]);
    expect(kinds((v) => eachSqlBlockRow(copy, 'copy', false, 3, [0, 2], v))).toEqual([false, false]);
  });
});
