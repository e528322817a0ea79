/** Opaque bearer tokens: random, shown once, stored only as SHA-256 (they have full entropy). */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'bd_';

export function newToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
