/** The CSV cell writer every export uses (issue 19 §5: formula guard for every dangerous start). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from './csv-field.js';

/** What a spreadsheet sees in a cell once the CSV quoting is undone. */
const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

describe('csvField', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField(null)).toBe('');
    expect(csvField(['a', 'b'])).toBe('a; b');
  });

  it('neutralises every formula start: = + - @ tab CR, including -1+… and +1-…', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+cmd|"/c calc"!A0', '-cmd', '@SUM(A1)', '\t=1+1', '\r=1+1', '-1+cmd|"/c calc"!A0', '+1-1', '-2*3', '=1', ' =1+1', '\n=1+1']) {
      const seen = unquote(csvField(bad));
      expect(seen.startsWith("'"), JSON.stringify(bad)).toBe(true);
    }
  });

  it('leaves plain numbers as numbers', () => {
    for (const n of ['-5', '+44', '-1.5', '1e3', '42']) expect(csvField(n)).toBe(n);
    expect(csvField(-5)).toBe('-5');
  });

  it('no generated value reaches a spreadsheet starting with a formula character (property)', () => {
    const start = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', 'a', '1', '"', "'");
    fc.assert(
      fc.property(start, fc.string(), (s0, rest) => {
        const seen = unquote(csvField(s0 + rest));
        const plainNumber = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s0 + rest);
        return plainNumber || !/^(\s*[=+\-@]|[\t\r\n])/.test(seen);
      }),
      { numRuns: 2000 },
    );
  });
});
