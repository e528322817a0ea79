/**
 * Flow-log uploads on an S3-compatible object store (issue 18 §3), against a real local S3 server
 * (s3rver, in this process): the upload is sealed (the bucket never holds a byte of the log in the
 * clear), read back exactly, refused when altered, and gone once the job has read it — so the job
 * can run on any process of the fleet, not only on the one that took the upload.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseAndWait } from '../../../test/support/flows.js';
import { type LocalS3, startS3rver } from '../../../test/support/local-s3.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { waitFor } from '../../../test/support/wait.js';
import { SealedBlobs } from '../../platform/storage/sealed-blobs.js';

const BUCKET = 'breachdesk-uploads';
let s3: LocalS3;
let s: TestServer;

const keysUnder = async (prefix: string) => {
  const keys: string[] = [];
  for await (const k of s.platform.blobs.list(prefix)) keys.push(k);
  return keys;
};

beforeAll(async () => {
  s3 = await startS3rver(BUCKET);
  s = await startTestServer('sqlite', s3.env());
}, 60_000);
afterAll(async () => {
  await s?.close();
  await s3?.stop();
});

describe('sealed uploads on the object store', () => {
  it('are encrypted in the bucket, read back exactly in frames, refused when altered, removed', async () => {
    expect(s.platform.blobs.kind).toBe('s3');
    const uploads = new SealedBlobs(s.platform.blobs, s.platform.keyring);
    // Over two frames (1 MiB each), with a recognisable plaintext at the start.
    const data = Buffer.concat([Buffer.from('10.0.0.10\t203.0.113.7\tjane.doe@example.com\n'), randomBytes(2_500_000)]);
    const sealed = await uploads.put('uploads/test/one.bdev', Readable.from([data.subarray(0, 1_000_000), data.subarray(1_000_000)]));
    expect(sealed.size).toBe(data.length);
    expect(s3.stored().some((f) => f.includes('jane.doe@example.com') || f.includes('203.0.113.7'))).toBe(false);
    expect((await buffer(uploads.read(sealed))).equals(data)).toBe(true);
    // The wrapped key is bound to the blob: another blob's key does not open it.
    const other = await uploads.put('uploads/test/two.bdev', Readable.from([Buffer.from('other')]));
    expect(() => uploads.read({ key: sealed.key, keyEnc: other.keyEnc })).toThrow();
    // One byte altered in the stored object: reading stops at that frame.
    const body = (readdirSync(s3.dir, { recursive: true }) as string[]).map((e) => join(s3.dir, e)).find((p) => statSync(p).isFile() && statSync(p).size > 2_500_000)!;
    const bytes = readFileSync(body);
    bytes[bytes.length - 100]! ^= 1;
    writeFileSync(body, bytes);
    await expect(buffer(uploads.read(sealed))).rejects.toThrow(/frame/);
    await uploads.remove(sealed.key);
    await uploads.remove(other.key);
    expect(await keysUnder('uploads/test/')).toEqual([]);
  }, 60_000);

  it('a flow analysis reads its upload from the bucket and removes it', async () => {
    const token = await s.tokenFor('responder');
    const { done } = await analyseAndWait(s, token);
    expect(done.error).toBeNull();
    expect(done.report.findings.map((f: { kind: string }) => f.kind)).toContain('volume');
    // Kept only until the job read it; nothing under DATA_DIR/flows either. The analysis reads
    // 'done' a moment before the upload is gone: the job removes it after recording the result
    // (flows.routes.ts flowJob), so that a retry after a failed write can still read it. Checked
    // at once, this failed whenever the removal's round trip lost the race against the poll
    // (a loaded machine; reproduced by delaying the removal 300 ms).
    await waitFor(async () => (await keysUnder('uploads/flows/')).length === 0, 10_000);
    expect(await keysUnder('uploads/flows/')).toEqual([]);
    expect(() => readdirSync(join(s.config.dataDir, 'flows'))).toThrow();
  }, 60_000);
});
