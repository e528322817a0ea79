/**
 * Plain text and logs: a record is a line. Binary files are not parsed; their printable ASCII runs
 * (like `strings(1)`, ≥ MIN_STRING bytes) are scanned as lines instead, so secrets and e-mail
 * addresses inside database files, core dumps or office binaries are still found.
 */
import type { BodyEvent } from './reader-context.js';
import { BATCH_LINES } from './reader-context.js';
import { countLf, type LineBlock } from './line-splitter.js';
import type { ErrorEvent } from './reader-context.js';

/**
 * The lines of a block of whole UTF-8 lines: split at `\n`, without the empty string after a final
 * `\n`, and without a line's trailing `\r`.
 */
export function textBlockLines(buf: Uint8Array): string[] {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const lines = b.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (b.indexOf(13) !== -1) {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.length && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
    }
  }
  return lines;
}

/** How many entries textBlockLines(buf) has, without decoding: one per `\n`, and an unterminated tail. */
export function textBlockLineCount(buf: Uint8Array): number {
  const n = countLf(buf);
  return buf.length > 0 && buf[buf.length - 1] !== 10 ? n + 1 : n;
}

/**
 * `blocks`: with `handOver` (ReadOptions.textBlocks), each block is passed on undecoded as a
 * `text-block` event for the scan's worker threads to decode and split (issue 21: on a log,
 * decoding, splitting and structured-cloning the lines to the workers kept the reading thread
 * busy); else as `lines` events of at most BATCH_LINES lines.
 */
export async function* readTextLines(
  path: string,
  blocks: AsyncIterable<LineBlock | ErrorEvent>,
  handOver = false,
): AsyncGenerator<BodyEvent> {
  for await (const b of blocks) {
    if (b.kind === 'error') {
      yield b;
      continue;
    }
    if (handOver) {
      const n = textBlockLineCount(b.buf);
      if (n > 0) yield { kind: 'text-block', path, buf: b.buf, lines: n, firstLine: b.firstLine };
      continue;
    }
    const lines = textBlockLines(b.buf);
    for (let i = 0; i < lines.length; i += BATCH_LINES) {
      const part = i === 0 && lines.length <= BATCH_LINES ? lines : lines.slice(i, i + BATCH_LINES);
      yield { kind: 'lines', path, lines: part, firstLine: b.firstLine + i };
    }
  }
}

const MIN_STRING = 6;
const MAX_STRING = 4096;

const printable = (b: number) => (b >= 0x20 && b < 0x7f) || b === 9;

/**
 * Printable runs of a binary stream, one per entry of `lines`; `firstLine` counts runs. A run longer
 * than MAX_STRING is cut into pieces so memory stays bounded.
 */
export async function* readBinaryStrings(path: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<BodyEvent> {
  let run: number[] = [];
  let out: string[] = [];
  let n = 1;
  const flushRun = () => {
    if (run.length >= MIN_STRING) out.push(String.fromCharCode(...run));
    run = [];
  };
  for await (const c of chunks) {
    for (let i = 0; i < c.length; i++) {
      const b = c[i];
      if (printable(b)) {
        run.push(b);
        if (run.length >= MAX_STRING) flushRun();
      } else if (run.length) flushRun();
    }
    if (out.length >= BATCH_LINES / 8) {
      yield { kind: 'lines', path, lines: out, firstLine: n };
      n += out.length;
      out = [];
    }
  }
  flushRun();
  if (out.length) yield { kind: 'lines', path, lines: out, firstLine: n };
}
