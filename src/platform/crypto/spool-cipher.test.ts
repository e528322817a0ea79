import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { counterAt, newSpoolKey, readSpoolRange, spoolCipher } from './spool-cipher.js';

const dir = mkdtempSync(join(tmpdir(), 'spool-cipher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function text(s: NodeJS.ReadableStream): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of s) out.push(c as Buffer);
  return Buffer.concat(out);
}

describe('spool cipher (AES-256-CTR, random access)', () => {
  it('adds the block number to the whole 128-bit counter, carrying across bytes and wrapping', () => {
    expect(counterAt(Buffer.alloc(16), 0x1_0203).toString('hex')).toBe('00000000000000000000000000010203');
    expect(counterAt(Buffer.from('000000000000000000000000000000ff', 'hex'), 1).toString('hex')).toBe('00000000000000000000000000000100');
    expect(counterAt(Buffer.alloc(16, 0xff), 2).toString('hex')).toBe('00000000000000000000000000000001');
  });

  it('reads any range of the file back as the plaintext, from any offset, whatever the IV (the counter carries and wraps)', async () => {
    const plain = randomBytes(100_003);
    for (const iv of [Buffer.alloc(16, 0xff), Buffer.from('00000000000000000000000000fffff0', 'hex'), randomBytes(16)]) {
      const k = { key: newSpoolKey().key, iv };
      const c = spoolCipher(k);
      const file = join(dir, `f-${iv.toString('hex')}`);
      writeFileSync(file, Buffer.concat([c.update(plain.subarray(0, 7)), c.update(plain.subarray(7)), c.final()]));
      for (const [s, e] of [[0, plain.length - 1], [1, 1], [15, 16], [17, 50_000], [65_536, plain.length - 1]] as const) {
        expect((await text(readSpoolRange(file, k, s, e))).equals(plain.subarray(s, e + 1))).toBe(true);
      }
      // Under another IV (here zero) the file does not read back as the plaintext.
      const whole = await text(readSpoolRange(file, { key: k.key, iv: Buffer.alloc(16) }, 0, plain.length - 1));
      expect(whole.equals(plain)).toBe(iv.equals(Buffer.alloc(16)));
    }
  });

  it('a new key and IV each time; the file is not the plaintext', () => {
    const a = newSpoolKey();
    const b = newSpoolKey();
    expect(a.key.equals(b.key) || a.iv.equals(b.iv)).toBe(false);
    const plain = Buffer.from('ann@example.com,+44 20 7946 0000\n'.repeat(10));
    const enc = spoolCipher(a).update(plain);
    expect(enc.length).toBe(plain.length);
    expect(enc.includes('ann@example.com')).toBe(false);
  });
});
