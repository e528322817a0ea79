/**
 * Masked previews for reports and logs (scanning.md §7.5: never print a raw match). Each mask keeps
 * just enough to recognise a value in a support conversation: an e-mail's first letter and domain,
 * the last 4 digits of SSNs, cards and IBANs (PCI DSS 3.4 allows at most first 6/last 4 of a PAN;
 * we keep only the last 4), the last 2 of a phone, the prefix and last 3 characters of a secret.
 */
import type { ElementId, SecretType } from '../types.js';
import { SECRET_TYPES } from '../types.js';

const SECRETS = new Set<string>(SECRET_TYPES);

function keep(v: string, n: number): string {
  return v.length <= n ? '*'.repeat(v.length) : '*'.repeat(Math.max(1, v.length - n)) + v.slice(-n);
}

function maskDigitsKeepingLayout(v: string, keepLast: number): string {
  let seen = 0;
  const total = v.replace(/\D/g, '').length;
  let out = '';
  for (const ch of v) {
    if (/\d/.test(ch)) {
      seen++;
      out += seen > total - keepLast ? ch : '*';
    } else out += ch;
  }
  return out;
}

/** Secret prefixes worth keeping (they name the vendor, not the secret). */
const SECRET_PREFIX = /^(?:gh[pousr]_|github_pat_|glpat-|xox[abposr]-|[sr]k_(?:live|test)_|AKIA|ASIA|AIza|eyJ|-----BEGIN [A-Z ]*-----)/;

/** Other vendor prefixes: letter-led segments ending in `_`, `-` or `.` (sk-ant-api03-, dop_v1_, SG.). */
const OTHER_PREFIX = /^(?:[A-Za-z][A-Za-z0-9]{1,9}[_.-]){1,3}/;

export function maskValue(element: ElementId | SecretType, value: string): string {
  const v = value.trim();
  if (SECRETS.has(element)) {
    // A connection string or URL: scheme and host only (the user may name a person).
    const url = /^(?:jdbc:)?([a-z][a-z0-9+.-]*):\/\/[^@\s]*@([^/?#\s;:]+)/i.exec(v);
    if (url) return `${url[1]}://…@${url[2]}`;
    const p = SECRET_PREFIX.exec(v)?.[0] ?? OTHER_PREFIX.exec(v)?.[0] ?? '';
    return v.length - p.length <= 6 ? `${p}…` : `${p}…${v.slice(-3)}`;
  }
  switch (element) {
    case 'email': {
      const at = v.lastIndexOf('@');
      return at <= 0 ? keep(v, 2) : `${v[0]}***${v.slice(at)}`;
    }
    case 'us_ssn':
    case 'us_itin': {
      const d = v.replace(/\D/g, '');
      return d.length === 9 ? `***-**-${d.slice(5)}` : keep(v, 2);
    }
    case 'payment_card': {
      const d = v.replace(/\D/g, '');
      if (d.length < 12) return keep(v, 2);
      const masked = '*'.repeat(d.length - 4) + d.slice(-4);
      return masked.replace(/(.{4})(?=.)/g, '$1 ');
    }
    case 'iban': {
      const e = v.replace(/\s+/g, '').toUpperCase();
      if (e.length < 8) return keep(v, 2);
      return `${e.slice(0, 2)}** **** … ${e.slice(-4)}`;
    }
    case 'phone':
      return maskDigitsKeepingLayout(v, 2);
    case 'payment_card_partial':
      // Already truncated; show only the last two of its four digits.
      return `**** **${v.slice(-2)}`;
    case 'person_name':
      return v
        .split(/\s+/)
        .map((w) => (w.length ? `${w[0]}***` : w))
        .join(' ');
    case 'national_id':
    case 'bank_account':
    case 'us_routing_number':
    case 'passport_number':
    case 'drivers_license':
    case 'tax_id':
      return keep(v, 2);
    default:
      return keep(v, 2);
  }
}
