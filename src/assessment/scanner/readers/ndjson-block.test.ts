import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineBlock, splitLines } from './line-splitter.js';
import { eachNdjsonBlockRow, ndjsonBlockRows } from './ndjson-block.js';
import { readNdjson } from './ndjson-reader.js';

async function* chunks(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

interface Counted {
  events: unknown[];
  blocks: number;
}

/** The reader's events, each `ndjson-block` turned into the `records` event it stands for. */
async function events(text: string, size: number, ndjsonBlocks: boolean): Promise<Counted> {
  const out: unknown[] = [];
  let blocks = 0;
  const lines = splitLines(chunks(Buffer.from(text), size), 'f.ndjson', 1 << 20) as AsyncIterable<LineBlock>;
  for await (const ev of readNdjson('f.ndjson', 'f', lines, true, ndjsonBlocks)) {
    if (ev.kind === 'ndjson-block') {
      blocks++;
      const rows = ndjsonBlockRows(ev.buf, ev.source, ev.columns.length);
      expect(rows.length).toBe(ev.rows);
      expectProjections(ev.buf, ev.source, rows);
      out.push({ kind: 'records', path: ev.path, table: ev.table, columns: ev.columns, rows, firstLocation: ev.firstLocation });
    } else out.push(ev);
  }
  return { events: out, blocks };
}

/**
 * With a projection (`keep`), the rows are the full rows' kept columns: the projected shape
 * (projectedSource: unread leaves not captured) reads the same lines the same way.
 */
function expectProjections(buf: Uint8Array, source: string, rows: (string | null)[][]): void {
  const width = rows[0]?.length ?? 0;
  const all = [...Array(width).keys()];
  for (const keep of [all.filter((c) => c % 2 === 1), [width - 1], all.filter((c) => c % 3 !== 0).reverse(), [0, width + 2]]) {
    const got: (string | null)[][] = [];
    eachNdjsonBlockRow(buf, source, width, keep, (r) => got.push(r.slice()));
    expect(got).toEqual(rows.map((r) => keep.map((c) => r[c] ?? null)));
  }
}

const record = (i: number, name: string) => ({ id: i, name, email: `u${i}@example.com`, address: { city: 'Paris', zip: `750${i % 100}` }, vip: i % 3 === 0, total: i / 8 });

describe('NDJSON blocks (lines of one learned shape, parsed where detection runs)', () => {
  it('give the events of the line-by-line reader, batch for batch, whatever the lines', async () => {
    let blocks = 0;
    const name = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('Ann', 'Núñez', 'a"b', 'a\\b', 'tab\there', '\u2028', '\ud800', 'x/y'));
    const line = fc.tuple(
      name,
      fc.nat(1000),
      fc.constantFrom('as-is', 'as-is', 'as-is', 'as-is', 'as-is', 'as-is', 'as-is', 'as-is', 'spaced', 'other-shape', 'broken', 'blank', 'cr', 'array'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 80 }), fc.constantFrom(7, 64, 300, 1 << 16), async (lines, size) => {
        const text = lines
          .map(([n, i, twist]) => {
            const r = record(i, n);
            if (twist === 'blank') return ' ';
            if (twist === 'spaced') return JSON.stringify(r, null, 1).replace(/\n/g, '');
            if (twist === 'other-shape') return JSON.stringify({ name: n, id: i });
            if (twist === 'broken') return JSON.stringify(r).slice(0, -1);
            if (twist === 'cr') return `${JSON.stringify(r)}\r`;
            if (twist === 'array') return JSON.stringify({ ...r, list: [i] });
            return JSON.stringify(r);
          })
          .join('\n');
        const withBlocks = await events(text, size, true);
        blocks += withBlocks.blocks;
        expect(withBlocks.events).toEqual((await events(text, size, false)).events);
      }),
      { numRuns: 300 },
    );
    // Blocks were made (a run of lines of the learned shape within one chunk).
    expect(blocks).toBeGreaterThan(50);
  });

  it('cut a block of more lines than a batch where the batcher would, at BATCH_ROWS rows', async () => {
    const text = `${Array.from({ length: 9000 }, (_, i) => (i % 1000 === 999 ? '' : JSON.stringify(record(i, `N${i}`)))).join('\n')}\n`;
    const withBlocks = await events(text, 1 << 24, true);
    const plain = await events(text, 1 << 24, false);
    // The first batch teaches the shape (records); the rest of the one line block goes as blocks.
    expect(plain.blocks).toBe(0);
    expect(withBlocks.blocks).toBe(0);
    const twoChunks = await events(text, 64 * 1024, true);
    expect(twoChunks.blocks).toBeGreaterThan(0);
    expect(twoChunks.events).toEqual((await events(text, 64 * 1024, false)).events);
    const big = `${JSON.stringify(record(0, 'first'))}\n`;
    const rest = `${Array.from({ length: 9000 }, (_, i) => JSON.stringify(record(i + 1, `N${i}`))).join('\n')}\n`;
    async function* two(): AsyncGenerator<Buffer> {
      yield Buffer.from(big);
      yield Buffer.from(rest);
    }
    const read = async (on: boolean) => {
      const out: { kind: string; rows: number; n: number }[] = [];
      let blocks = 0;
      for await (const ev of readNdjson('f.ndjson', 'f', splitLines(two(), 'f.ndjson', 1 << 20) as AsyncIterable<LineBlock>, true, on)) {
        if (ev.kind === 'ndjson-block') {
          blocks++;
          out.push({ kind: 'records', rows: ev.rows, n: ev.firstLocation.n });
        } else if (ev.kind === 'records') out.push({ kind: 'records', rows: ev.rows.length, n: ev.firstLocation.n });
      }
      return { out, blocks };
    };
    // 9,000 lines in one line block: batches of 4,096, 4,096 and 808 rows both ways.
    const on = await read(true);
    expect(on.blocks).toBe(3);
    expect(on.out).toEqual((await read(false)).out);
    expect(on.out.map((e) => e.rows)).toEqual([1, 4096, 4096, 808]);
  });
});

describe('NDJSON blocks with a projection', () => {
  it('keys with regex characters, nested leaves and every scalar kind', async () => {
    const lines = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify({ 'a(b': i, '[x]': `v${i}"q`, 'c)d?': { 'e|f': i % 2 === 0, 'g\u00e9': null }, 'h.i*': -i / 4, j: `t\\${i}\u2028`, k: 'plain' }),
    );
    const { blocks } = await events(lines.join('\n'), 1 << 16, true);
    expect(blocks).toBeGreaterThan(0);
  });
});
