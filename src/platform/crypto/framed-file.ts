/**
 * The on-disk format of an evidence file (docs/evidence.md): AES-256-GCM (NIST SP 800-38D) in
 * frames of 1 MiB plaintext, so files of any size are encrypted and decrypted while streaming
 * and a range can be read without decrypting what precedes it.
 *
 *   header  "BDEVID" 0x01 0x14            (magic, format version 1, frame size 2^20)
 *   frame   u32be plaintext length | 12-byte IV | 16-byte tag | ciphertext
 *
 * Each frame's additional authenticated data is "breachdesk-evidence-v1" ‖ item id ‖ u64be frame
 * index ‖ final flag (1 on the last frame, else 0), so frames cannot be reordered, moved to another
 * item's file, dropped from the end (the new last frame would lack the final flag) or appended to.
 * Every frame uses a fresh random IV under a per-item file key; the key is wrapped by the keyring.
 * SHA-256 and the size of the plaintext are computed in the same pass.
 */
import { createCipheriv, createDecipheriv, createHash, type Hash, randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { BlobFile } from '../storage/blob-store.js';
import { LocalBlobStore } from '../storage/local-blob-store.js';
import { Transform, type TransformCallback } from 'node:stream';

export const FRAME_SIZE = 1 << 20;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const LEN_BYTES = 4;
export const FRAME_OVERHEAD = LEN_BYTES + IV_BYTES + TAG_BYTES;
export const HEADER = Buffer.from([0x42, 0x44, 0x45, 0x56, 0x49, 0x44, 0x01, 20]); // "BDEVID", v1, 2^20
const AAD_LABEL = Buffer.from('breachdesk-evidence-v1');

export class EvidenceFileError extends Error {
  constructor(
    message: string,
    readonly frame: number | null = null,
  ) {
    super(message);
    this.name = 'EvidenceFileError';
  }
}

function aad(itemId: string, index: number, final: boolean): Buffer {
  const n = Buffer.alloc(9);
  n.writeBigUInt64BE(BigInt(index), 0);
  n[8] = final ? 1 : 0;
  return Buffer.concat([AAD_LABEL, Buffer.from(itemId, 'utf8'), Buffer.from([0]), n]);
}

function sealFrame(key: Buffer, itemId: string, index: number, final: boolean, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad(itemId, index, final));
  const body = Buffer.concat([c.update(plain), c.final()]);
  const len = Buffer.alloc(LEN_BYTES);
  len.writeUInt32BE(plain.length, 0);
  return Buffer.concat([len, iv, c.getAuthTag(), body]);
}

/**
 * Plaintext in, encrypted file bytes out. Keeps at most one frame (plus one incoming chunk)
 * in memory. After 'finish', `size` and `sha256()` describe the plaintext.
 */
export class EncryptingStream extends Transform {
  size = 0;
  private readonly hash: Hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingLen = 0;
  private index = 0;
  private digest: string | null = null;

  constructor(
    private readonly key: Buffer,
    private readonly itemId: string,
  ) {
    super();
    this.push(HEADER);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.hash.update(chunk);
      this.size += chunk.length;
      this.pending.push(chunk);
      this.pendingLen += chunk.length;
      // Emit only frames known not to be the last: more bytes follow them.
      while (this.pendingLen > FRAME_SIZE) {
        const all = Buffer.concat(this.pending, this.pendingLen);
        this.push(sealFrame(this.key, this.itemId, this.index++, false, all.subarray(0, FRAME_SIZE)));
        const rest = all.subarray(FRAME_SIZE);
        this.pending = [rest];
        this.pendingLen = rest.length;
      }
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.push(sealFrame(this.key, this.itemId, this.index++, true, Buffer.concat(this.pending, this.pendingLen)));
      this.pending = [];
      this.digest = this.hash.digest('hex');
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }

  sha256(): string {
    if (!this.digest) throw new Error('sha256 is known only after the stream finished');
    return this.digest;
  }
}

/** Byte offset of frame `index` in the file. */
function frameOffset(index: number): number {
  return HEADER.length + index * (FRAME_OVERHEAD + FRAME_SIZE);
}

/** A stored evidence file: a path in the data directory, or an opener of a blob (platform/storage). */
export type EvidenceSource = string | (() => Promise<BlobFile>);

function openSource(src: EvidenceSource): Promise<BlobFile> {
  return typeof src === 'string' ? new LocalBlobStore(dirname(src)).open(basename(src)) : src();
}

/**
 * Decrypts the file frame by frame from frame `fromFrame`, authenticating each; throws
 * EvidenceFileError naming the first frame that fails (altered, reordered, truncated).
 */
export async function* decryptFrames(src: EvidenceSource, key: Buffer, itemId: string, fromFrame = 0): AsyncGenerator<Buffer> {
  const fh = await openSource(src);
  try {
    const fileSize = fh.size;
    const head = Buffer.alloc(HEADER.length);
    await fh.read(head, 0);
    if (!head.equals(HEADER)) throw new EvidenceFileError('not a Breachdesk evidence file (bad header)');
    let index = fromFrame;
    let pos = frameOffset(index);
    if (pos >= fileSize && !(fromFrame === 0 && pos === fileSize)) return;
    for (;;) {
      if (pos + FRAME_OVERHEAD > fileSize) throw new EvidenceFileError(`file truncated at frame ${index}`, index);
      // The frame's header and its longest possible body in one read (one ranged GET on an object store).
      const frame = Buffer.alloc(Math.min(FRAME_OVERHEAD + FRAME_SIZE, fileSize - pos));
      await fh.read(frame, pos);
      const meta = frame.subarray(0, FRAME_OVERHEAD);
      const len = meta.readUInt32BE(0);
      if (len > FRAME_SIZE || pos + FRAME_OVERHEAD + len > fileSize) throw new EvidenceFileError(`frame ${index} has a bad length`, index);
      const body = frame.subarray(FRAME_OVERHEAD, FRAME_OVERHEAD + len);
      const next = pos + FRAME_OVERHEAD + len;
      const final = next === fileSize;
      const d = createDecipheriv('aes-256-gcm', key, meta.subarray(LEN_BYTES, LEN_BYTES + IV_BYTES));
      d.setAAD(aad(itemId, index, final));
      d.setAuthTag(meta.subarray(LEN_BYTES + IV_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([d.update(body), d.final()]);
      } catch {
        throw new EvidenceFileError(`frame ${index} failed authentication (altered, reordered or truncated)`, index);
      }
      if (!final && len !== FRAME_SIZE) throw new EvidenceFileError(`frame ${index} is short but not the last`, index);
      yield plain;
      if (final) return;
      pos = next;
      index++;
    }
  } finally {
    await fh.close();
  }
}

/** Plaintext bytes [start, end) of the file (end exclusive), decrypting only the frames needed. */
export async function* decryptRange(path: EvidenceSource, key: Buffer, itemId: string, start: number, end: number): AsyncGenerator<Buffer> {
  if (end <= start) return;
  const first = Math.floor(start / FRAME_SIZE);
  let at = first * FRAME_SIZE;
  for await (const plain of decryptFrames(path, key, itemId, first)) {
    const from = Math.max(0, start - at);
    const to = Math.min(plain.length, end - at);
    if (to > from) yield plain.subarray(from, to);
    at += plain.length;
    if (at >= end) return;
  }
}

/** Re-hashes the plaintext: SHA-256 and size, authenticating every frame. */
export async function hashEncryptedFile(path: EvidenceSource, key: Buffer, itemId: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const plain of decryptFrames(path, key, itemId)) {
    h.update(plain);
    size += plain.length;
  }
  return { sha256: h.digest('hex'), size };
}
