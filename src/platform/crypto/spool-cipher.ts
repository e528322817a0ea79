/**
 * Temp files encrypted at rest (DESIGN §4: personal data encrypted at rest). Where bytes of a leak
 * must sit on disk for a while (a zip or workbook spooled for random access, a leak uploaded for a
 * canary check), they are written as AES-256-CTR ciphertext under a random key and IV made for that
 * one file and kept only in memory: a crash or kill -9 that leaves the file behind leaves no
 * readable personal data, since the key dies with the process.
 *
 * CTR (NIST SP 800-38A §6.5) gives random access: the keystream for byte offset o starts at counter
 * block IV + floor(o / 16), o % 16 bytes in. OpenSSL increments the whole 128-bit counter block
 * big-endian, and so does `counterAt`. Ciphertext and plaintext have the same length. No MAC: the
 * file lives for one scan or request, mode 0600, in a private directory; a local attacker able to
 * rewrite it could as well rewrite the process reading it.
 */
import { type Cipher, type Decipher, createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type Readable, pipeline } from 'node:stream';

const ALGO = 'aes-256-ctr';
const BLOCK = 16;

/** A temp file's key and initial counter block (memory only). */
export interface SpoolKey {
  readonly key: Buffer;
  readonly iv: Buffer;
}

export function newSpoolKey(): SpoolKey {
  return { key: randomBytes(32), iv: randomBytes(BLOCK) };
}

/** The cipher that encrypts a temp file from byte 0 (a Transform stream, or `update` per chunk). */
export function spoolCipher(k: SpoolKey): Cipher {
  return createCipheriv(ALGO, k.key, k.iv);
}

/** The counter block for block number `n`: IV + n, modulo 2^128, big-endian. */
export function counterAt(iv: Buffer, n: number): Buffer {
  const out = Buffer.from(iv);
  let carry = n;
  for (let i = BLOCK - 1; i >= 0 && carry > 0; i--) {
    const sum = out[i]! + (carry % 256);
    out[i] = sum & 0xff;
    carry = Math.floor(carry / 256) + (sum >> 8);
  }
  return out;
}

/** A decipher positioned at byte `offset` of the file. */
export function decipherAt(k: SpoolKey, offset: number): Decipher {
  const d = createDecipheriv(ALGO, k.key, counterAt(k.iv, Math.floor(offset / BLOCK)));
  const skip = offset % BLOCK;
  if (skip) d.update(Buffer.alloc(skip));
  return d;
}

/** Plaintext bytes `start`..`end` (inclusive, as fs.createReadStream) of an encrypted temp file. */
export function readSpoolRange(path: string, k: SpoolKey, start: number, end: number, highWaterMark?: number): Readable {
  return pipeline(createReadStream(path, { start, end, highWaterMark }), decipherAt(k, start), () => {});
}
