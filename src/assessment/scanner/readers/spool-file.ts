/**
 * Spool files encrypted at rest (DESIGN §4: personal data encrypted at rest). A zip or workbook that
 * arrives as a stream (evidence is decrypted on the way to the scanner; nested zips) is written to a
 * temp file because yauzl needs random access; that file holds AES-256-CTR ciphertext under a random
 * key and IV made for this one spool and kept only in memory, so a crash or kill -9 that leaves the
 * file behind leaves no readable personal data (the key dies with the process).
 *
 * CTR (NIST SP 800-38A §6.5) gives random access: the keystream for byte offset o starts at counter
 * block IV + floor(o / 16), o % 16 bytes in. OpenSSL increments the whole 128-bit counter block
 * big-endian, and so does `counterAt`. No MAC: the file lives for one scan, mode 0600, in a private
 * directory; a local attacker able to rewrite it could as well rewrite the evidence reader itself.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { close, createReadStream, open, read } from 'node:fs';
import { type Readable, pipeline } from 'node:stream';
import yauzl from 'yauzl';

const ALGO = 'aes-256-ctr';
const BLOCK = 16;

/** A spooled file: where its ciphertext is, its size, and the key to read it (memory only). */
export interface SpoolFile {
  readonly path: string;
  readonly size: number;
  readonly key: Buffer;
  readonly iv: Buffer;
}

/** What the zip and workbook readers open: a real file (plaintext, the user's own) or a spool. */
export type ZipInput = string | SpoolFile;

/** A new random key and IV, and the cipher that encrypts the spool from byte 0. */
export function spoolCipher() {
  const key = randomBytes(32);
  const iv = randomBytes(BLOCK);
  return { key, iv, cipher: createCipheriv(ALGO, key, iv) };
}

/** The counter block for block number `n`: IV + n, modulo 2^128, big-endian. */
export function counterAt(iv: Buffer, n: number): Buffer {
  const out = Buffer.from(iv);
  let carry = n;
  for (let i = BLOCK - 1; i >= 0 && carry > 0; i--) {
    const sum = out[i] + (carry % 256);
    out[i] = sum & 0xff;
    carry = Math.floor(carry / 256) + (sum >> 8);
  }
  return out;
}

/** A decipher positioned at byte `offset` of the spool. */
function decipherAt(f: SpoolFile, offset: number) {
  const d = createDecipheriv(ALGO, f.key, counterAt(f.iv, Math.floor(offset / BLOCK)));
  const skip = offset % BLOCK;
  if (skip) d.update(Buffer.alloc(skip));
  return d;
}

/** Plaintext bytes `start`..`end` (inclusive, as fs.createReadStream) of a file or spool. */
export function rangeStream(input: ZipInput, start: number, end: number, highWaterMark: number): Readable {
  if (typeof input === 'string') return createReadStream(input, { start, end, highWaterMark });
  return pipeline(createReadStream(input.path, { start, end, highWaterMark }), decipherAt(input, start), () => {});
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
