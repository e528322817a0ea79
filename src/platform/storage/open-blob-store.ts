/** The blob store the configuration names: an S3-compatible store when a bucket is set, else the data directory. */
import type { Config } from '../config.js';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';

export async function openBlobStore(config: Pick<Config, 'dataDir' | 'objectStore'>): Promise<BlobStore> {
  if (!config.objectStore) return new LocalBlobStore(config.dataDir);
  // Loaded only when configured: the AWS SDK adds ≈ 100 ms to start-up.
  const { S3BlobStore } = await import('./s3-blob-store.js');
  return new S3BlobStore(config.objectStore);
}
