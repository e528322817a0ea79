/**
 * Spooled zips and workbooks, encrypted at rest (platform/crypto/spool-cipher.ts: AES-256-CTR under
 * a key made for the one spool, memory only). A zip or workbook that arrives as a stream (evidence
 * is decrypted on the way to the scanner; nested zips) is spooled because yauzl needs random access;
 * yauzl then reads it through a RandomAccessReader that deciphers each read at its offset.
 */
import { close, createReadStream, open, read } from 'node:fs';
import { type Readable, pipeline } from 'node:stream';
import yauzl from 'yauzl';
import { type SpoolKey, decipherAt, readSpoolRange } from '../../../platform/crypto/spool-cipher.js';

/** A spooled file: where its ciphertext is, its size, and the key to read it (memory only). */
export interface SpoolFile extends SpoolKey {
  readonly path: string;
  readonly size: number;
}

/** What the zip and workbook readers open: a real file (plaintext, the user's own) or a spool. */
export type ZipInput = string | SpoolFile;

/** Plaintext bytes `start`..`end` (inclusive, as fs.createReadStream) of a file or spool. */
export function rangeStream(input: ZipInput, start: number, end: number, highWaterMark: number): Readable {
  if (typeof input === 'string') return createReadStream(input, { start, end, highWaterMark });
  return readSpoolRange(input.path, input, start, end, highWaterMark);
}

/**
 * yauzl's random-access reader over a spool: one descriptor for the zip's life (closed when yauzl
 * drops its last reference), each read deciphered at its offset.
 */
class SpoolReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly f: SpoolFile,
    private readonly fd: number,
  ) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    // yauzl's end is exclusive; fs's inclusive.
    return pipeline(createReadStream('', { fd: this.fd, autoClose: false, start, end: end - 1 }), decipherAt(this.f, start), () => {});
  }
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    read(this.fd, buffer, offset, length, position, (err, n) => {
      if (err) return callback(err);
      decipherAt(this.f, position).update(buffer.subarray(offset, offset + n)).copy(buffer, offset);
      callback(null, n);
    });
  }
  override close(callback: (err: Error | null) => void): void {
    close(this.fd, callback);
  }
}

/** yauzl.open for a file, yauzl.fromRandomAccessReader over the deciphered spool otherwise. */
export function openZipInput(input: ZipInput, options: yauzl.Options): Promise<yauzl.ZipFile> {
  return new Promise((res, rej) => {
    const done = (e: Error | null, z?: yauzl.ZipFile) => (e || !z ? rej(e) : res(z));
    if (typeof input === 'string') return yauzl.open(input, options, done);
    open(input.path, 'r', (err, fd) => {
      if (err) return rej(err);
      yauzl.fromRandomAccessReader(new SpoolReader(input, fd), input.size, options, (e, z) => {
        // As yauzl.open does: a zip that did not open leaves no descriptor behind.
        if (e) close(fd, () => {});
        done(e, z);
      });
    });
  });
}
