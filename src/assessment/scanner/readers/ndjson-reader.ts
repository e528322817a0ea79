/**
 * NDJSON (one JSON value per line) read as `JSON.parse` per line (~140 MB/s measured;
 * token-streaming parsers run 15–40 MB/s), or by a learned line shape (ndjson-shapes.ts); each
 * value flattened into the rows of its batch (flatten.ts).
 */
import { JsonBatcher } from './flatten.js';
import type { LineBlock } from './line-splitter.js';
import { isBlank, NdjsonShapes } from './ndjson-shapes.js';
import type { BodyEvent, ErrorEvent } from './reader-context.js';
import { BATCH_ROWS, errorEvent } from './reader-context.js';

/**
 * `learnShapes`: lines of a shape already seen skip JSON.parse (ndjson-shapes.ts); off only to test
 * that it changes nothing. `ndjsonBlocks` (ReadOptions.ndjsonBlocks): a batch whose every line has one
 * learned shape goes out as an `ndjson-block` event, its lines only tested here (ndjson-block.ts).
 */
export async function* readNdjson(
  path: string,
  table: string,
  blocks: AsyncIterable<LineBlock | ErrorEvent>,
  learnShapes = true,
  ndjsonBlocks = false,
): AsyncGenerator<BodyEvent> {
  const batch = new JsonBatcher(path, table, 'line');
  const shapes = learnShapes ? new NdjsonShapes(batch) : null;
  for await (const b of blocks) {
    if (b.kind === 'error') {
      yield b;
      continue;
    }
    const lines = b.buf.toString('utf8').split('\n');
    // Block events go out where the batcher's records would: after this block's errors.
    const shaped: BodyEvent[] = [];
    const from = ndjsonBlocks && shapes ? shapeBlocks(path, table, b, lines, shapes, shaped) : 0;
    for (let i = from; i < lines.length; i++) {
      const l = lines[i];
      if (isBlank(l)) continue;
      if (shapes?.add(l, b.firstLine + i)) continue;
      let v: unknown;
      try {
        v = JSON.parse(l);
      } catch {
        const n = b.firstLine + i;
        yield errorEvent(path, `malformed JSON on line ${n}; line skipped`, `line ${n}`);
        continue;
      }
      batch.add(v, b.firstLine + i);
      shapes?.learn(l, v);
    }
    batch.flush();
    yield* shaped;
    yield* batch.ready.splice(0);
  }
}

/**
 * The block's lines as `ndjson-block` events into `out`, one per batch the JsonBatcher would make (BATCH_ROWS
 * lines: all of them rows, since each has a learned shape), while a batch's every line has one
 * shape; returns the index of the first line left to the line-by-line path (lines.length: none).
 * The batcher is empty at each cut (it flushes at every block's end and at BATCH_ROWS rows), so
 * what is left starts a batch as it would have.
 */
function shapeBlocks(path: string, table: string, b: LineBlock, lines: string[], shapes: NdjsonShapes, out: BodyEvent[]): number {
  let from = 0;
  let byte = 0;
  while (from < lines.length) {
    let to = from;
    let rows = 0;
    let first = -1;
    for (; to < lines.length && rows < BATCH_ROWS; to++) {
      if (isBlank(lines[to])) continue;
      if (first < 0) first = to;
      rows++;
    }
    // Blank lines after the last row belong to this part, so a batch ends where the batcher's would.
    while (to < lines.length && isBlank(lines[to])) to++;
    if (rows === 0) return lines.length;
    const shape = shapes.blockShape(lines, from, to, rows);
    if (shape === null) return from;
    // Byte offset of line `to`: lines are cut at LF bytes, which UTF-8 uses for nothing else.
    let end = byte;
    for (let k = from; k < to && end < b.buf.length; k++) {
      const nl = b.buf.indexOf(10, end);
      end = nl < 0 ? b.buf.length : nl + 1;
    }
    out.push({
      kind: 'ndjson-block',
      path,
      table,
      columns: shape.nodes.map((n) => n.path || 'value'),
      source: shape.re.source,
      buf: byte === 0 && end === b.buf.length ? b.buf : b.buf.subarray(byte, end),
      rows,
      firstLocation: { unit: 'line', n: b.firstLine + first },
    });
    from = to;
    byte = end;
  }
  return from;
}
