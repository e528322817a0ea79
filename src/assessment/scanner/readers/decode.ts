/**
 * Turns a byte source in any supported encoding into UTF-8 chunks that end on a character
 * boundary, so every later stage can work on UTF-8 bytes and `toString('utf8')` each chunk.
 * Invalid UTF-8 found after the sniffed head is decoded line by line as Latin-1 (Windows-1252, as
 * WHATWG reads that label: every byte maps to a character) and reported once.
 */
import { isUtf8 } from 'node:buffer';
import type { ErrorEvent } from './reader-context.js';
import { errorEvent } from './reader-context.js';
import { decodeLatin1, type TextEncoding, utf8CompleteEnd } from './sniff.js';

const latin1ToUtf8 = (b: Buffer): Buffer => Buffer.from(decodeLatin1(b), 'utf8');

/** Re-decode a chunk that failed UTF-8 validation: valid lines stay, invalid lines become Latin-1. */
function repairChunk(buf: Buffer): { out: Buffer; firstBad: number } {
  const parts: Buffer[] = [];
  let firstBad = -1;
  let start = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(10, start);
    const end = nl < 0 ? buf.length : nl + 1;
    const line = buf.subarray(start, end);
    if (isUtf8(line)) parts.push(line);
    else {
      if (firstBad < 0) firstBad = start;
      parts.push(latin1ToUtf8(line));
    }
    start = end;
  }
  return { out: Buffer.concat(parts), firstBad };
}

export async function* decodeToUtf8(
  chunks: AsyncIterable<Buffer>,
  enc: TextEncoding,
  path: string,
  notes: ErrorEvent[],
): AsyncGenerator<Buffer> {
  if (enc === 'utf16le' || enc === 'utf16be') {
    // WHATWG TextDecoder strips the BOM and keeps surrogate pairs split across chunks (stream: true).
    const dec = new TextDecoder(enc === 'utf16le' ? 'utf-16le' : 'utf-16be');
    for await (const c of chunks) {
      const s = dec.decode(c, { stream: true });
      if (s.length) yield Buffer.from(s, 'utf8');
    }
    const tail = dec.decode();
    if (tail.length) yield Buffer.from(tail, 'utf8');
    return;
  }
  if (enc === 'latin1') {
    notes.push(errorEvent(path, 'text is not valid UTF-8; decoded as Latin-1', 'byte 0'));
    for await (const c of chunks) yield latin1ToUtf8(c);
    return;
  }
  let carry: Buffer | null = null;
  let first = enc === 'utf8-bom';
  let offset = 0;
  let reported = false;
  for await (const chunk of chunks) {
    let c: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      if (c.length < 3) {
        carry = c;
        continue;
      }
      c = c.subarray(3);
      offset = 3;
      first = false;
    }
    const end = utf8CompleteEnd(c);
    let body = c.subarray(0, end);
    carry = end < c.length ? Buffer.from(c.subarray(end)) : null;
    if (!isUtf8(body)) {
      const { out, firstBad } = repairChunk(body);
      if (!reported) {
        reported = true;
        const at = offset + Math.max(firstBad, 0);
        notes.push(errorEvent(path, 'invalid UTF-8; the affected lines were decoded as Latin-1', `byte ${at}`));
      }
      body = out;
    }
    offset += end;
    if (body.length) yield body;
  }
  if (carry?.length) yield isUtf8(carry) ? carry : latin1ToUtf8(carry);
}

/**
 * Merge small chunks (network streams, tar/gzip output) into ≥ min-byte pieces so batches keep
 * their size (a 16 KiB chunk would make 100-row batches). Pieces stay UTF-8 complete.
 */
export async function* coalesce(chunks: AsyncIterable<Buffer>, min: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let len = 0;
  for await (const c of chunks) {
    if (len === 0 && c.length >= min) {
      yield c;
      continue;
    }
    parts.push(c);
    len += c.length;
    if (len >= min) {
      yield parts.length === 1 ? parts[0] : Buffer.concat(parts, len);
      parts = [];
      len = 0;
    }
  }
  if (len) yield parts.length === 1 ? parts[0] : Buffer.concat(parts, len);
}
