import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countQuotedBlockRows, csvBlockRows } from './csv-block.js';
import { parseCsvText } from './csv-tokenizer.js';

/**
 * The rows of a strictly quoted block as they were before strictRowFields (issue 21): each logical
 * row decoded and parsed by the reader's own tokenizer, then padded or projected as RowBatcher does.
 */
function tokenizerRows(buf: Uint8Array, delim: string, width: number, keep: number[] | null): (string | null)[][] {
  const rows: (string | null)[][] = [];
  const b = Buffer.from(buf);
  let start = 0;
  let quotes = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 34) quotes++;
    else if (b[i] === 10 && quotes % 2 === 0) {
      parseCsvText(b.toString('utf8', start, i + 1), delim, 1, false, (f: (string | null)[]) => {
        if (keep) rows.push(keep.map((c) => f[c] ?? null));
        else {
          while (f.length < width) f.push(null);
          rows.push(f);
        }
      });
      start = i + 1;
    }
  }
  return rows;
}

/** A field written in strict RFC 4180 quoting: quoted when it must be (or by choice), `""` inside. */
const field = (delim: string) =>
  fc
    .tuple(fc.array(fc.constantFrom('a', 'Z', ' ', 'é', 'ł', '😀', '"', delim, ',', ';', '\t', '\n', '\r', '\r\n', '1', '-', '@'), { maxLength: 8 }), fc.boolean())
    .map(([chars, quote]) => {
      const text = chars.join('');
      const must = /["\n]/.test(text) || text.includes(delim);
      return must || quote ? `"${text.replaceAll('"', '""')}"` : text;
    });

const block = (delim: string, width: number) =>
  fc.array(
    fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.array(field(delim), { minLength: 1, maxLength: width }), fc.boolean()).map(([fs, crlf]) => fs.join(delim) + (crlf ? '\r\n' : '\n')) },
      { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r\r\n', `${delim}\n`, '""\n', '"a"\r\n') },
    ),
    { maxLength: 12 },
  );

describe('strictly quoted CSV blocks: strictRowFields gives the tokenizer rows', () => {
  it('on random strict rows, every delimiter, with and without a projection', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (delim, width, seed) => {
          const lines = fc.sample(block(delim, width), { seed, numRuns: 1 })[0];
          const buf = Buffer.from(lines.join(''));
          // Only blocks the reader would hand over (the generator makes strict ones; a `\r\r\n` row is not).
          fc.pre(countQuotedBlockRows(buf, delim.charCodeAt(0), width) >= 0);
          expect(csvBlockRows(buf, delim, width, null, true)).toEqual(tokenizerRows(buf, delim, width, null));
          const keeps = [[0], [width - 1, 0], Array.from({ length: width }, (_, c) => width - 1 - c), [...Array(width).keys()].filter((c) => seed & (1 << c))];
          // The engine's projections never repeat a column.
          for (const keep of keeps.map((k) => [...new Set(k)])) expect(csvBlockRows(buf, delim, width, keep, true)).toEqual(tokenizerRows(buf, delim, width, keep));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads escaped quotes, quoted line breaks, CR LF and empty last fields', () => {
    const text = '1,"a ""b"" c",x\r\n2,"""",""\n3,"l1\nl2\r\nl3",\r\n\r\n4,,"q,r"\n5,"é",ü\r\n';
    const buf = Buffer.from(text);
    expect(countQuotedBlockRows(buf, 44, 3)).toBe(5);
    expect(csvBlockRows(buf, ',', 3, null, true)).toEqual([
      ['1', 'a "b" c', 'x'],
      ['2', '"', ''],
      ['3', 'l1\nl2\r\nl3', ''],
      ['4', '', 'q,r'],
      ['5', 'é', 'ü'],
    ]);
    expect(csvBlockRows(buf, ',', 3, [2, 1], true)).toEqual(tokenizerRows(buf, ',', 3, [2, 1]));
  });
});
