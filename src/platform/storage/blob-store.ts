/**
 * Where the encrypted files live (issue 18 §3): the data directory by default, or an S3-compatible
 * object store (AWS S3, MinIO, Ceph, R2) shared by every `serve` and `worker` process. Blobs are
 * written and read as they are — already encrypted by their owner (evidence-file.ts) — streamed in
 * both directions: a write never holds more than a part in memory, a read asks for byte ranges.
 * Keys are relative paths ('evidence/<id>.bdev'), the same on every backend.
 */
import type { Readable } from 'node:stream';

/** Random access to one stored blob. */
export interface BlobFile {
  readonly size: number;
  /** Reads `buf.length` bytes from `position` (fewer only at the end); returns how many. */
  read(buf: Buffer, position: number): Promise<number>;
  close(): Promise<void>;
}

export interface BlobStore {
  /** 'local' (the data directory) or 's3'. */
  readonly kind: 'local' | 's3';
  /** Stores the stream under `key`; nothing is visible under it unless the whole stream was stored. */
  put(key: string, body: Readable): Promise<void>;
  open(key: string): Promise<BlobFile>;
  /** The whole blob as a stream (backups). */
  stream(key: string): Promise<Readable>;
  /** Keys under a prefix ('evidence/'), in no particular order. */
  list(prefix: string): AsyncIterable<string>;
  /** Removes the blob; no error if it is gone. */
  remove(key: string): Promise<void>;
  /** Lets go of connections. */
  close(): void;
}
