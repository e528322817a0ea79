import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { readPath, readStream } from './index.js';
import { collect, errorsOf, linesOf } from './testing.js';
import { textBlockLineCount, textBlockLines } from './text-reader.js';

describe('text and log reader', () => {
  it('counts a block\'s lines without decoding it as textBlockLines splits them', () => {
    const bytes = fc.uint8Array({ maxLength: 40 }).map((a) => a.map((b) => [10, 13, 0xc3, 0xa9, 0xff, 65][b % 6]));
    fc.assert(
      fc.property(bytes, (a) => {
        expect(textBlockLineCount(a)).toBe(textBlockLines(a).length);
        expect(textBlockLines(Buffer.from(a))).toEqual(textBlockLines(new Uint8Array(a)));
      }),
      { numRuns: 1000 },
    );
  });

  it('yields lines with their numbers, CRLF stripped', async () => {
    const evs = await collect(readStream('app.log', Readable.from([Buffer.from('first\r\nsec'), Buffer.from('ond\n\nlast')])));
    expect(evs[0]).toMatchObject({ kind: 'file-start', format: 'text' });
    expect(linesOf(evs)).toEqual(['first', 'second', '', 'last']);
    const batches = evs.filter((e) => e.kind === 'lines');
    expect(batches[0]).toMatchObject({ firstLine: 1 });
    expect(batches.at(-1)).toMatchObject({ firstLine: 4, lines: ['last'] });
    expect(evs.find((e) => e.kind === 'file-end')).toMatchObject({ records: 4 });
  });

  it('skips a 200 MB single line without holding it, reports it and reads on', async () => {
    const MiB = Buffer.alloc(1024 * 1024, 'x'); // one buffer reused: nothing is written or allocated per chunk
    async function* gen() {
      yield Buffer.from('before\n');
      for (let i = 0; i < 200; i++) yield MiB;
      yield Buffer.from('\nafter 1\nafter 2\n');
    }
    const evs = await collect(readStream('huge.log', Readable.from(gen()), { format: 'text' }));
    const errs = errorsOf(evs);
    expect(errs).toEqual([
      { kind: 'error', path: 'huge.log', message: `line 2 longer than maxLineBytes (${16 * 1024 * 1024} bytes); skipped`, location: 'line 2' },
    ]);
    expect(linesOf(evs)).toEqual(['before', 'after 1', 'after 2']);
    const last = evs.filter((e) => e.kind === 'lines').at(-1);
    expect(last).toMatchObject({ firstLine: 3 });
    expect(evs.at(-1)).toEqual({ kind: 'progress', bytesRead: 200 * 1024 * 1024 + 7 + 17 });
  });

  it('sniffs binary junk and scans only its printable strings', async () => {
    const junk = Buffer.alloc(100_000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256 < 200 ? 0 : (i * 31) % 256;
    const secret = Buffer.from('token=ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    secret.copy(junk, 50_000);
    const evs = await collect(readStream('core.dump', Readable.from([junk])));
    expect(evs[0]).toMatchObject({ format: 'binary' });
    expect(errorsOf(evs).map((e) => e.message)).toEqual(['binary file: not parsed, only its printable strings were scanned']);
    expect(linesOf(evs)).toContain(secret.toString());
  });

  it('stops when the signal is aborted', async () => {
    const ac = new AbortController();
    async function* gen() {
      for (let i = 0; i < 1000; i++) yield Buffer.from(`line ${i}\n`.repeat(1000));
    }
    const seen: string[] = [];
    await expect(async () => {
      for await (const ev of readStream('a.log', Readable.from(gen()), { signal: ac.signal })) {
        seen.push(ev.kind);
        if (ev.kind === 'lines') ac.abort();
      }
    }).rejects.toThrow();
    expect(seen.filter((k) => k === 'lines').length).toBeLessThan(5);
  });

  it('names compressed formats it cannot open instead of scanning their bytes', async () => {
    const xz = Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04]), Buffer.alloc(100, 1)]);
    const evs = await collect(readStream('dump.sql.xz', Readable.from([xz])));
    expect(evs[0]).toMatchObject({ format: 'binary' });
    expect(errorsOf(evs).map((e) => e.message)).toEqual(['xz archive/compression is not supported; not scanned (decompress it first)']);
    expect(linesOf(evs)).toEqual([]);
  });

  it('reports a missing path or a directory as one error without file-start', async () => {
    const missing = await collect(readPath('/nonexistent/breachdesk/x.csv'));
    expect(missing.filter((e) => e.kind !== 'progress')).toEqual([
      { kind: 'error', path: '/nonexistent/breachdesk/x.csv', message: 'cannot open (ENOENT)', location: 'file' },
    ]);
    const dir = await collect(readPath(tmpdir()));
    expect(errorsOf(dir).map((e) => e.message)).toEqual(['not a regular file']);
  });
});
