/**
 * Observables (pure): normalisation for de-duplication and search. E-mail addresses and
 * account names are personal data (GDPR Art. 4(1)) and are stored encrypted; the service
 * looks them up by an HMAC blind index of the normalised value (DESIGN.md §4).
 */
import { isIP } from 'node:net';
import { BadInputError } from '../platform/errors.js';
import type { ObservableKind } from './incidents.schema.js';

export const PERSONAL_KINDS: readonly ObservableKind[] = ['email', 'account'];

export function isPersonalKind(kind: ObservableKind): boolean {
  return PERSONAL_KINDS.includes(kind);
}

/** Normalised form: what two spellings of the same observable share. */
export function normaliseObservable(kind: ObservableKind, raw: string): string {
  const v = raw.trim();
  switch (kind) {
    case 'ip': {
      const bare = v.replace(/^\[|\]$/g, '');
      if (!isIP(bare)) throw new BadInputError(`value: "${bare}" is not an IPv4 or IPv6 address`);
      // IPv6 case-insensitive (RFC 5952 §4.3 recommends lowercase).
      return bare.toLowerCase();
    }
    case 'domain': {
      const d = v.toLowerCase().replace(/\.$/, '');
      if (!/^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{1,63}$/.test(d)) throw new BadInputError(`value: "${v}" is not a domain name`);
      return d;
    }
    case 'hash': {
      const h = v.toLowerCase();
      // MD5, SHA-1, SHA-256, SHA-512 hex digests.
      if (!/^[0-9a-f]+$/.test(h) || ![32, 40, 64, 128].includes(h.length)) throw new BadInputError('value: a hash must be an MD5, SHA-1, SHA-256 or SHA-512 hex digest');
      return h;
    }
    case 'email': {
      const at = v.lastIndexOf('@');
      if (at < 1 || at === v.length - 1) throw new BadInputError('value: not an e-mail address');
      // Domain part is case-insensitive (RFC 5321 §2.4); local parts are treated so too, as nearly every provider does.
      return v.toLowerCase();
    }
    case 'account':
      return v.toLowerCase();
    case 'url':
      try {
        return new URL(v).toString();
      } catch {
        throw new BadInputError('value: not a URL');
      }
  }
}

/** Masked display of personal observables: j***@example.com, a***n. */
export function maskObservable(kind: ObservableKind, value: string): string {
  if (kind === 'email') {
    const at = value.lastIndexOf('@');
    return `${value.slice(0, 1)}***${value.slice(at)}`;
  }
  if (kind === 'account') return value.length <= 2 ? '***' : `${value.slice(0, 1)}***${value.slice(-1)}`;
  return value;
}
