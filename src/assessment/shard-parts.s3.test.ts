/**
 * A distributed scan's shard logs on an S3-compatible object store (issue 18 §3), against a real
 * local S3 server (s3rver, in this process): parts stored as encrypted blobs (the bucket never holds
 * the log's bytes in the clear), read back exactly, removed per attempt and per assessment.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../test/support/platform.js';
import { type LocalS3, startS3rver } from '../../test/support/local-s3.js';
import type { AssessmentDatabase } from './assessment.tables.js';
import { ShardParts } from './shard-parts.js';
import type { Kysely } from 'kysely';

const BUCKET = 'breachdesk-scans';
let s3: LocalS3;
let t: TestPlatform;

beforeAll(async () => {
  s3 = await startS3rver(BUCKET);
  t = await openTestPlatform('sqlite', s3.env());
}, 60_000);
afterAll(async () => {
  await t?.close();
  await s3?.stop();
});

describe('shard logs on the object store', () => {
  it('are encrypted blobs, read back exactly, removed per attempt and per assessment', async () => {
    expect(t.platform.blobs.kind).toBe('s3');
    const db = t.platform.store.db as unknown as Kysely<AssessmentDatabase>;
    const parts = new ShardParts(db, t.platform.keyring, t.platform.blobs);
    expect(parts.where).toBe('object store');
    const id = randomUUID();
    // A recognisable plaintext (a log part holds digests and un-masked sample values).
    const data = Buffer.concat([Buffer.from('jane.doe@example.com;4111111111111111;'), randomBytes(300_000)]);
    const [a, b] = [randomUUID(), randomUUID()];
    await parts.put(id, 0, a, 0, data);
    await parts.put(id, 0, b, 0, Buffer.from('the retry'));
    await parts.put(id, 1, a, 0, Buffer.from('second shard'));
    expect((await parts.get(id, 0, a, 0)).equals(data)).toBe(true);
    expect((await parts.get(id, 1, a, 0)).toString()).toBe('second shard');
    const keys: string[] = [];
    for await (const k of t.platform.blobs.list(`scans/${id}/`)) keys.push(k);
    expect(keys.sort()).toEqual([`scans/${id}/0/${a}/0`, `scans/${id}/0/${b}/0`, `scans/${id}/1/${a}/0`].sort());
    // The database row names the blob; neither it nor the bucket holds the plaintext.
    const rows = await db.selectFrom('assessment_shard_parts').select('data_enc').where('assessment_id', '=', id).execute();
    expect(rows.every((r) => r.data_enc.startsWith('blob:'))).toBe(true);
    expect(s3.stored().some((f) => f.includes('jane.doe@example.com'))).toBe(false);
    // The attempt that counts keeps its parts; the other's go (blob and row).
    await parts.remove(id, { seq: 0, otherThan: a });
    const left: string[] = [];
    for await (const k of t.platform.blobs.list(`scans/${id}/`)) left.push(k);
    expect(left.sort()).toEqual([`scans/${id}/0/${a}/0`, `scans/${id}/1/${a}/0`].sort());
    await parts.remove(id);
    for await (const k of t.platform.blobs.list(`scans/${id}/`)) expect.fail(`left behind: ${k}`);
    expect(await db.selectFrom('assessment_shard_parts').select('seq').where('assessment_id', '=', id).execute()).toEqual([]);
  }, 60_000);
});
