import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/prng.js';
import { parseCsvText } from './csv-tokenizer.js';
import { csvRecordStart, lineStart } from './record-boundary.js';

/** Byte offsets where the reader starts a row (the whole-file parse: the truth). */
function rowStarts(text: string): Set<number> {
  const lineOffsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineOffsets.push(i + 1);
  const starts = new Set<number>();
  parseCsvText(text, ',', 1, true, (_f, line) => starts.add(lineOffsets[line - 1]));
  return starts;
}

function randomCsv(seed: number, rows: number): string {
  const rnd = mulberry32(seed);
  const field = () => {
    const r = rnd();
    if (r < 0.2) return `"${'multi\nline, " quoted\n'.slice(0, 3 + Math.floor(rnd() * 18)).replace(/"/g, '""')}"`;
    if (r < 0.35) return `"${'Smith, John'.slice(0, Math.floor(rnd() * 11))}"`;
    if (r < 0.4) return '""';
    if (r < 0.45) return 'say "hi"';
    return 'abcdefgh'.slice(0, Math.floor(rnd() * 8));
  };
  const out: string[] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from({ length: 4 }, field).join(','));
  return `${out.join(rnd() < 0.5 ? '\n' : '\r\n')}\n`;
}

describe('record boundaries for byte ranges', () => {
  it('a line file starts after the first LF', () => {
    expect(lineStart(Buffer.from('tail of a line\nnext\n'))).toBe(15);
    expect(lineStart(Buffer.from('no newline'))).toBe(-1);
  });

  it('a quoted field with line breaks is not cut: the start found is the reader\'s', () => {
    const text = 'id,note\n1,"first\nsecond\nthird"\n2,"Smith, John"\n3,plain\n';
    const buf = Buffer.from(text);
    // A window starting inside the quoted field (at "second"): the next real row is "2,…".
    const from = text.indexOf('second');
    const at = csvRecordStart(buf.subarray(from), 44);
    expect(from + at).toBe(text.indexOf('2,"Smith'));
  });

  it('random CSV with multi-line quoted fields: every start found is a row start of the whole-file parse', () => {
    let found = 0;
    let unknown = 0;
    for (let seed = 1; seed <= 15; seed++) {
      const text = randomCsv(seed, 300);
      const buf = Buffer.from(text);
      const truth = rowStarts(text);
      const rnd = mulberry32(seed * 7);
      for (let k = 0; k < 40; k++) {
        const cut = Math.floor(rnd() * (buf.length - 2000));
        const at = csvRecordStart(buf.subarray(cut, cut + 1500), 44);
        if (at < 0) {
          unknown++;
          continue;
        }
        found++;
        expect(truth.has(cut + at), `seed ${seed} cut ${cut}`).toBe(true);
      }
    }
    // Ambiguity is rare: most cuts find their boundary.
    expect(found).toBeGreaterThan(unknown * 5);
  });
});
