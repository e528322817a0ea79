/**
 * Uploads a job reads later (issue 18 §3): stored on the blob store — the data directory, or the
 * S3-compatible object store every `serve` and `worker` shares — so the job runs on whichever
 * process of the fleet takes it up, not only where the upload landed. Encrypted and streamed as
 * evidence files are (crypto/framed-file.ts: AES-256-GCM frames of 1 MiB under a fresh per-blob
 * key, authenticated with the blob's key as its id); the per-blob key is wrapped by the keyring
 * and travels with the job (`Sealed.keyEnc`), so neither the store nor the queue holds a
 * readable byte.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { decryptFrames, EncryptingStream } from '../crypto/framed-file.js';
import type { Keyring } from '../crypto/keyring.js';
import type { BlobStore } from './blob-store.js';

/** A sealed blob: where it is and its wrapped key. */
export interface Sealed {
  key: string;
  keyEnc: string;
  /** Plaintext bytes. */
  size: number;
}

export class SealedBlobs {
  constructor(
    private readonly blobs: BlobStore,
    private readonly keyring: Keyring,
  ) {}

  private context(key: string): string {
    return `sealed-blob:${key}`;
  }

  /** Encrypts `body` into the blob `key` as it streams. */
  async put(key: string, body: Readable): Promise<Sealed> {
    const fileKey = randomBytes(32);
    const enc = new EncryptingStream(fileKey, key);
    body.on('error', (e) => enc.destroy(e));
    await this.blobs.put(key, body.pipe(enc));
    return { key, keyEnc: this.keyring.encrypt(fileKey.toString('base64'), this.context(key)), size: enc.size };
  }

  /** The plaintext, decrypted and authenticated frame by frame as it is read. */
  read(s: Pick<Sealed, 'key' | 'keyEnc'>): Readable {
    const fileKey = Buffer.from(this.keyring.decrypt(s.keyEnc, this.context(s.key)), 'base64');
    return Readable.from(decryptFrames(() => this.blobs.open(s.key), fileKey, s.key));
  }

  remove(key: string): Promise<void> {
    return this.blobs.remove(key);
  }
}
