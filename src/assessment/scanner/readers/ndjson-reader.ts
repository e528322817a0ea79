/**
 * NDJSON (one JSON value per line) read as `JSON.parse` per line (~140 MB/s measured;
 * token-streaming parsers run 15–40 MB/s), or by a learned line shape (ndjson-shapes.ts); each
 * value flattened into the rows of its batch (flatten.ts).
 */
import { JsonBatcher } from './flatten.js';
import type { LineBlock } from './line-splitter.js';
import { NdjsonShapes } from './ndjson-shapes.js';
import type { BodyEvent, ErrorEvent } from './reader-context.js';
import { errorEvent } from './reader-context.js';

/** `learnShapes`: lines of a shape already seen skip JSON.parse (ndjson-shapes.ts); off only to test that it changes nothing. */
export async function* readNdjson(
  path: string,
  table: string,
  blocks: AsyncIterable<LineBlock | ErrorEvent>,
  learnShapes = true,
): AsyncGenerator<BodyEvent> {
  const batch = new JsonBatcher(path, table, 'line');
  const shapes = learnShapes ? new NdjsonShapes(batch) : null;
  for await (const b of blocks) {
    if (b.kind === 'error') {
      yield b;
      continue;
    }
    const lines = b.buf.toString('utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.length === 0 || (l.length < 3 && l.trim() === '')) continue;
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
    yield* batch.ready.splice(0);
  }
}
