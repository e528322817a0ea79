/**
 * Evidence on an S3-compatible object store (issue 18 §3), against a real local S3 server
 * (s3rver, in this process): the blob store's multipart writes, ranged reads, listing and removal;
 * then evidence uploaded, downloaded whole and by Range and verified through the API with
 * BREACHDESK_S3_* set — the bucket holds only encrypted bytes and the data directory no file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/dialects.js';
import { testConfig } from '../../../test/support/platform.js';
import { type LocalS3, startS3rver } from '../../../test/support/local-s3.js';
import { writeBackup } from '../../platform/backup/backup.js';
import { restoreBackup } from '../../platform/backup/restore.js';
import { loadMasterKey, masterKeyFile } from '../../platform/crypto/keyring.js';
import { S3BlobStore } from '../../platform/storage/s3-blob-store.js';
import { FEATURE_MIGRATIONS, type Harness, startHarness } from './testing.js';

const BUCKET = 'breachdesk-evidence';
let s3: LocalS3;
let endpoint: string;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  s3 = await startS3rver(BUCKET);
  endpoint = s3.endpoint;
});
afterAll(async () => {
  await s3?.stop();
});

describe('S3 blob store', () => {
  it('writes in parts, reads ranges, lists and removes', async () => {
    const store = new S3BlobStore({ bucket: BUCKET, endpoint, region: 'us-east-1', prefix: 'unit/', forcePathStyle: true });
    try {
      // Over two 8 MiB parts: a multipart upload.
      const data = randomBytes(17 * 1024 * 1024 + 5);
      await store.put('evidence/a.bdev', Readable.from([data.subarray(0, 5_000_000), data.subarray(5_000_000)]));
      const f = await store.open('evidence/a.bdev');
      expect(f.size).toBe(data.length);
      const mid = Buffer.alloc(1000);
      expect(await f.read(mid, 9_000_000)).toBe(1000);
      expect(mid.equals(data.subarray(9_000_000, 9_001_000))).toBe(true);
      const tail = Buffer.alloc(100);
      expect(await f.read(tail, data.length - 10)).toBe(10);
      expect(tail.subarray(0, 10).equals(data.subarray(data.length - 10))).toBe(true);
      expect(sha(await buffer(await store.stream('evidence/a.bdev')))).toBe(sha(data));
      const keys: string[] = [];
      for await (const k of store.list('evidence/')) keys.push(k);
      expect(keys).toEqual(['evidence/a.bdev']);
      await store.remove('evidence/a.bdev');
      await expect(store.open('evidence/a.bdev')).rejects.toThrow();
    } finally {
      store.close();
    }
  });

  it('stores nothing when the stream fails half-way', async () => {
    const store = new S3BlobStore({ bucket: BUCKET, endpoint, region: 'us-east-1', prefix: 'unit/', forcePathStyle: true });
    try {
      const failing = new Readable({
        read() {
          this.push(randomBytes(9 * 1024 * 1024));
          this.destroy(new Error('client went away'));
        },
      });
      await expect(store.put('evidence/b.bdev', failing)).rejects.toThrow();
      await expect(store.open('evidence/b.bdev')).rejects.toThrow();
    } finally {
      store.close();
    }
  });
});

describe('evidence on the object store', () => {
  let db: TestDatabase;
  let h: Harness;
  let token: string;
  let incidentId: string;
  let itemId: string;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    h = await startHarness(testConfig(db, { BREACHDESK_S3_BUCKET: BUCKET, BREACHDESK_S3_ENDPOINT: endpoint, BREACHDESK_S3_FORCE_PATH_STYLE: 'true', BREACHDESK_S3_PREFIX: 'site-a/' }));
    token = (await h.user('commander', 'incident_commander')).token;
    incidentId = await h.incident({ commander: 'commander' });
  });
  afterAll(async () => {
    await h?.close();
    await db?.drop();
  });

  it('uploads, downloads whole and by range and verifies — encrypted in the bucket, nothing on local disk', async () => {
    expect(h.platform.blobs.kind).toBe('s3');
    const data = Buffer.concat([Buffer.from('name,email\nAnn Smith,ann@example.org\n'), randomBytes(2 * 1024 * 1024 + 99)]);
    const up = await fetch(`${h.url}/api/v1/incidents/${incidentId}/evidence?name=leak.csv`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: data });
    expect(up.status).toBe(201);
    const item = (await up.json()) as { id: string; sha256: string; size: number };
    expect(item).toMatchObject({ sha256: sha(data), size: data.length });
    // In the bucket under the prefix, encrypted; not in the data directory.
    const store = new S3BlobStore({ bucket: BUCKET, endpoint, region: 'us-east-1', prefix: 'site-a/', forcePathStyle: true });
    const stored = await buffer(await store.stream(`evidence/${item.id}.bdev`));
    store.close();
    expect(stored.length).toBeGreaterThan(data.length);
    expect(stored.includes(Buffer.from('ann@example.org'))).toBe(false);
    const local = join(db.dataDir, 'evidence');
    expect(existsSync(local) ? readdirSync(local).filter((f) => f.endsWith('.bdev')) : []).toEqual([]);
    const full = await fetch(`${h.url}/api/v1/evidence/${item.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await full.arrayBuffer()).equals(data)).toBe(true);
    const part = await fetch(`${h.url}/api/v1/evidence/${item.id}/content`, { headers: { authorization: `Bearer ${token}`, range: 'bytes=1048570-1048580' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(data.subarray(1048570, 1048581))).toBe(true);
    const v = await h.api(`/api/v1/evidence/${item.id}/verify`, { method: 'POST', token, body: {} });
    expect(v.body).toMatchObject({ ok: true, sha256: sha(data), size: data.length });
    itemId = item.id;
  });

  it('backs up from the bucket and restores into another prefix, where the evidence verifies', async () => {
    const p = h.platform;
    const out = join(db.dataDir, 'site-a.bdbackup');
    const master = loadMasterKey(p.config.masterKey, masterKeyFile(p.config), { storeHasKeys: true });
    const m = await writeBackup({ config: p.config, store: p.store, master, checkpoint: async () => {
        await p.audit.flushCheckpoint();
        return p.audit.checkpointFile;
      } }, out);
    expect(m.evidenceFiles).toBe(1);
    const fresh = await createTestDatabase('sqlite');
    try {
      copyFileSync(masterKeyFile(p.config), masterKeyFile({ dataDir: fresh.dataDir }));
      const siteB = { BREACHDESK_S3_BUCKET: BUCKET, BREACHDESK_S3_ENDPOINT: endpoint, BREACHDESK_S3_FORCE_PATH_STYLE: 'true', BREACHDESK_S3_PREFIX: 'site-b/' };
      await restoreBackup(testConfig(fresh, siteB), out, FEATURE_MIGRATIONS);
      // A second restore into the same prefix is refused: it already holds evidence.
      const second = await createTestDatabase('sqlite');
      copyFileSync(masterKeyFile(p.config), masterKeyFile({ dataDir: second.dataDir }));
      await expect(restoreBackup(testConfig(second, siteB), out, FEATURE_MIGRATIONS)).rejects.toThrow(/already holds evidence/);
      await second.drop();
      const b = await startHarness(testConfig(fresh, siteB));
      try {
        const v = await b.api(`/api/v1/evidence/${itemId}/verify`, { method: 'POST', token: (await b.user('ic2', 'admin')).token, body: {} });
        expect(v.body).toMatchObject({ ok: true, problems: [] });
      } finally {
        await b.close();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a body shorter than its Content-Length and leaves no object behind', async () => {
    const before: string[] = [];
    const store = new S3BlobStore({ bucket: BUCKET, endpoint, region: 'us-east-1', prefix: 'site-a/', forcePathStyle: true });
    for await (const k of store.list('evidence/')) before.push(k);
    const { request } = await import('node:http');
    const u = new URL(`${h.url}/api/v1/incidents/${incidentId}/evidence?name=short.bin`);
    await new Promise<void>((resolve) => {
      const req = request({ hostname: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': '500000' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => resolve());
      req.write(randomBytes(1000));
      setTimeout(() => req.destroy(), 200);
    });
    await new Promise((r) => setTimeout(r, 300));
    const after: string[] = [];
    for await (const k of store.list('evidence/')) after.push(k);
    store.close();
    expect(after.sort()).toEqual(before.sort());
  });
});
