import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptRange, EncryptingStream, FRAME_OVERHEAD, FRAME_SIZE, HEADER, hashEncryptedFile } from './evidence-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bd-evfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = randomBytes(32);

async function encrypt(data: Buffer, itemId = 'item-1'): Promise<{ path: string; enc: EncryptingStream }> {
  const path = join(dir, `${itemId}-${data.length}-${Math.random()}.bdev`);
  const enc = new EncryptingStream(key, itemId);
  // Feed in odd-sized chunks so frame boundaries do not line up with writes.
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += 70_001) chunks.push(data.subarray(i, i + 70_001));
  await pipeline(Readable.from(chunks), enc, createWriteStream(path));
  return { path, enc };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('evidence file format', () => {
  for (const size of [0, 1, FRAME_SIZE, FRAME_SIZE + 1, Math.floor(2.5 * FRAME_SIZE)]) {
    it(`round-trips ${size} bytes and hashes the plaintext while streaming`, async () => {
      const data = randomBytes(size);
      const { path, enc } = await encrypt(data);
      expect(enc.size).toBe(size);
      expect(enc.sha256()).toBe(sha(data));
      const frames = Math.max(1, Math.ceil(size / FRAME_SIZE));
      const onDisk = readFileSync(path);
      expect(onDisk.length).toBe(HEADER.length + frames * FRAME_OVERHEAD + size);
      expect(onDisk.subarray(0, HEADER.length).equals(HEADER)).toBe(true);
      if (size > 64) expect(onDisk.includes(data.subarray(0, 64))).toBe(false);
      expect(await hashEncryptedFile(path, key, 'item-1')).toEqual({ sha256: sha(data), size });
    });
  }

  it('reads a range without starting at the first frame', async () => {
    const data = randomBytes(3 * FRAME_SIZE + 100);
    const { path } = await encrypt(data);
    for (const [s, e] of [
      [0, 10],
      [FRAME_SIZE - 5, FRAME_SIZE + 5],
      [2 * FRAME_SIZE + 7, data.length],
      [data.length - 1, data.length],
    ] as const) {
      const parts: Buffer[] = [];
      for await (const c of decryptRange(path, key, 'item-1', s, e)) parts.push(c);
      expect(Buffer.concat(parts).equals(data.subarray(s, e))).toBe(true);
    }
  });

  it('names the frame whose bytes were altered', async () => {
    const data = randomBytes(2 * FRAME_SIZE + 10);
    const { path } = await encrypt(data);
    const b = readFileSync(path);
    const inSecond = HEADER.length + (FRAME_OVERHEAD + FRAME_SIZE) + FRAME_OVERHEAD + 1000;
    b[inSecond] ^= 0x01;
    writeFileSync(path, b);
    await expect(hashEncryptedFile(path, key, 'item-1')).rejects.toThrow(/frame 1 failed authentication/);
  });

  it('detects reordered frames, a dropped last frame, another item id and a wrong key', async () => {
    const data = randomBytes(2 * FRAME_SIZE + 10);
    const { path } = await encrypt(data);
    const b = readFileSync(path);
    const f = FRAME_OVERHEAD + FRAME_SIZE;
    const swapped = Buffer.concat([b.subarray(0, HEADER.length), b.subarray(HEADER.length + f, HEADER.length + 2 * f), b.subarray(HEADER.length, HEADER.length + f), b.subarray(HEADER.length + 2 * f)]);
    writeFileSync(path, swapped);
    await expect(hashEncryptedFile(path, key, 'item-1')).rejects.toThrow(/frame 0 failed/);
    writeFileSync(path, b.subarray(0, HEADER.length + 2 * f));
    await expect(hashEncryptedFile(path, key, 'item-1')).rejects.toThrow(/frame 1 failed/);
    writeFileSync(path, b);
    await expect(hashEncryptedFile(path, key, 'item-2')).rejects.toThrow(/frame 0 failed/);
    await expect(hashEncryptedFile(path, randomBytes(32), 'item-1')).rejects.toThrow(/failed authentication/);
    writeFileSync(path, b.subarray(0, b.length - 3));
    await expect(hashEncryptedFile(path, key, 'item-1')).rejects.toThrow(/frame 2/);
    expect(await hashEncryptedFile(join(dir, 'x'), key, 'item-1').catch((e: NodeJS.ErrnoException) => e.code)).toBe('ENOENT');
  });
});
