/**
 * Blobs on an S3-compatible object store (AWS S3, MinIO, Ceph, R2) with the AWS SDK v3. Writes are
 * multipart uploads of 8 MiB parts (lib-storage `Upload`): an object appears only when the upload
 * completes, and a failed one is aborted; reads are ranged GETs (RFC 9110 §14), one per frame the
 * reader asks for. Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY, a profile, or the instance role) — never from Breachdesk's settings.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { BlobFile, BlobStore } from './blob-store.js';

export interface S3Settings {
  bucket: string;
  /** Endpoint URL for S3-compatible stores (MinIO, Ceph, R2); null = AWS. */
  endpoint: string | null;
  region: string;
  /** Key prefix inside the bucket ('' or 'breachdesk/'), so one bucket can hold several installations. */
  prefix: string;
  /** Path-style URLs (bucket in the path): most self-hosted stores need them. */
  forcePathStyle: boolean;
}

const PART_BYTES = 8 << 20;

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly s: S3Settings) {
    this.client = new S3Client({ region: s.region, forcePathStyle: s.forcePathStyle, ...(s.endpoint ? { endpoint: s.endpoint } : {}) });
  }

  private key(key: string): string {
    return `${this.s.prefix}${key}`;
  }

  async put(key: string, body: Readable): Promise<void> {
    const upload = new Upload({ client: this.client, params: { Bucket: this.s.bucket, Key: this.key(key), Body: body }, partSize: PART_BYTES, queueSize: 2, leavePartsOnError: false });
    await upload.done();
  }

  async open(key: string): Promise<BlobFile> {
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }));
    const size = Number(head.ContentLength ?? 0);
    return {
      size,
      read: async (buf, position) => {
        const end = Math.min(size, position + buf.length) - 1;
        if (end < position) return 0;
        const r = await this.client.send(new GetObjectCommand({ Bucket: this.s.bucket, Key: this.key(key), Range: `bytes=${position}-${end}` }));
        let n = 0;
        for await (const chunk of r.Body as Readable) {
          const c = chunk as Buffer;
          c.copy(buf, n, 0, Math.min(c.length, buf.length - n));
          n += c.length;
        }
        return Math.min(n, buf.length);
      },
      close: async () => {},
    };
  }

  async stream(key: string): Promise<Readable> {
    const r = await this.client.send(new GetObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }));
    return r.Body instanceof Readable ? r.Body : Readable.from(r.Body as AsyncIterable<Uint8Array>);
  }

  async *list(prefix: string): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const r = await this.client.send(new ListObjectsV2Command({ Bucket: this.s.bucket, Prefix: this.key(prefix), ContinuationToken: token }));
      for (const o of r.Contents ?? []) if (o.Key) yield o.Key.slice(this.s.prefix.length);
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }));
  }

  /** Closes the client's sockets. */
  close(): void {
    this.client.destroy();
  }
}
