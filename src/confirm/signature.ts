/**
 * Request signatures for alert intake (pure), in the scheme Stripe and GitHub made familiar:
 * `X-Breachdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * The timestamp is inside the MAC, so a captured request cannot be re-dated; a signature is
 * accepted once within the tolerance window (the service remembers it), so it cannot be replayed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-breachdesk-signature';
export const SIGNATURE_TOLERANCE_S = 300;

export function sign(secret: string, body: string | Buffer, t: number): string {
  const mac = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
  return `t=${t},v1=${mac}`;
}

export type SignatureCheck = { ok: true; t: number; mac: string } | { ok: false; problem: string };

export function verifySignature(header: string | undefined, secret: string, body: Buffer, nowS: number): SignatureCheck {
  if (!header) return { ok: false, problem: `missing ${SIGNATURE_HEADER} header (t=<unix seconds>,v1=<hex HMAC-SHA256>)` };
  const parts = new Map(header.split(',').map((kv) => kv.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const mac = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/i.test(mac)) return { ok: false, problem: `${SIGNATURE_HEADER}: expected t=<unix seconds>,v1=<64 hex digits>` };
  if (Math.abs(nowS - t) > SIGNATURE_TOLERANCE_S) return { ok: false, problem: `${SIGNATURE_HEADER}: timestamp is more than ${SIGNATURE_TOLERANCE_S} s away from the server's clock` };
  const expected = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  const given = Buffer.from(mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: `${SIGNATURE_HEADER}: signature does not match the body` };
  return { ok: true, t, mac: mac.toLowerCase() };
}
