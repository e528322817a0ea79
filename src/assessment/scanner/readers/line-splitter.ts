/**
 * Cuts a UTF-8 byte stream into blocks of whole lines (each block ends with `\n`, except the last
 * one at end of input). A line longer than maxLineBytes is never assembled: its bytes are dropped
 * as they arrive, it is reported once, and reading resumes at the next line — so a 200 MB line
 * costs no more memory than maxLineBytes.
 */
import type { ErrorEvent } from './reader-context.js';
import { errorEvent } from './reader-context.js';

export interface LineBlock {
  kind: 'block';
  /** Whole lines, UTF-8. */
  buf: Buffer;
  /** 1-based number of the first line in buf. */
  firstLine: number;
}

/** Number of LF bytes in b[from, to): the one line count of the readers' byte paths. */
export function countLf(b: Uint8Array, from = 0, to = b.length): number {
  let n = 0;
  for (let k = b.indexOf(10, from); k !== -1 && k < to; k = b.indexOf(10, k + 1)) n++;
  return n;
}

function tooLong(path: string, line: number, max: number): ErrorEvent {
  return errorEvent(path, `line ${line} longer than maxLineBytes (${max} bytes); skipped`, `line ${line}`);
}

/**
 * Drop lines longer than max from a block of whole lines (slow path, only when a block is longer
 * than max and so might hold one).
 */
function dropLongLines(block: Buffer, firstLine: number, max: number, path: string, errors: ErrorEvent[]): Buffer {
  const keep: Buffer[] = [];
  let start = 0;
  let line = firstLine;
  while (start < block.length) {
    const nl = block.indexOf(10, start);
    const end = nl < 0 ? block.length : nl + 1;
    const len = end - start - (nl < 0 ? 0 : 1);
    if (len > max) {
      errors.push(tooLong(path, line, max));
      keep.push(Buffer.from('\n')); // keep line numbering stable
    } else keep.push(block.subarray(start, end));
    start = end;
    line++;
  }
  return keep.length === 1 ? keep[0] : Buffer.concat(keep);
}

export async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  path: string,
  maxLineBytes: number,
): AsyncGenerator<LineBlock | ErrorEvent> {
  let carry: Buffer[] = [];
  let carryLen = 0;
  let line = 1; // number of the line that carry starts
  let skipping = false; // inside an over-long line, dropping bytes until its newline
  for await (let chunk of chunks) {
    if (skipping) {
      const nl = chunk.indexOf(10);
      if (nl < 0) continue;
      chunk = chunk.subarray(nl + 1);
      skipping = false;
      line++;
    }
    const last = chunk.lastIndexOf(10);
    if (last < 0) {
      carry.push(chunk);
      carryLen += chunk.length;
      if (carryLen > maxLineBytes) {
        yield tooLong(path, line, maxLineBytes);
        carry = [];
        carryLen = 0;
        skipping = true;
      }
      continue;
    }
    const head = chunk.subarray(0, last + 1);
    let block = carry.length ? Buffer.concat([...carry, head]) : head;
    const firstLine = line;
    const n = countLf(block);
    if (block.length > maxLineBytes + 1) {
      const errors: ErrorEvent[] = [];
      block = dropLongLines(block, firstLine, maxLineBytes, path, errors);
      yield* errors;
    }
    line += n;
    const rest = chunk.subarray(last + 1);
    carry = rest.length ? [rest] : [];
    carryLen = rest.length;
    yield { kind: 'block', buf: block, firstLine };
    if (carryLen > maxLineBytes) {
      yield tooLong(path, line, maxLineBytes);
      carry = [];
      carryLen = 0;
      skipping = true;
    }
  }
  if (carry.length && !skipping) yield { kind: 'block', buf: Buffer.concat(carry), firstLine: line };
}
