/** Identifiers shared by every feature. */
import { randomChunk } from './crypto/random-pool.js';

/**
 * Time-ordered UUIDv7 (RFC 9562 §5.7): ids sort by creation time, so keyset cursors over id
 * list newest or oldest first without a second sort column.
 */
export function newId(now = Date.now()): string {
  const b = randomChunk(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
