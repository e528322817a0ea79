/**
 * Small random values (ids, AES-GCM nonces) cut from a pooled buffer of CSPRNG output: one
 * `randomFillSync` per 4 KiB instead of one `randomBytes` call per value, which was ≈ 3 % of the
 * intake's CPU (three calls an alert; bench/README.md, intake, canary branch). The bytes are the
 * same CSPRNG's (node:crypto), each handed out once, and every caller gets its own copy.
 */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

/** `n` (≤ 256) fresh random bytes, in a buffer of the caller's own. */
export function randomChunk(n: number): Buffer {
  if (n > 256) throw new RangeError('randomChunk is for small values (≤ 256 bytes)');
  if (offset + n > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Spent bytes are overwritten at once, so no copy of them stays in the pool.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
