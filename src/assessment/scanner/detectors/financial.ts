/**
 * Payment and bank data: cards (ISO/IEC 7812 Luhn + issuer IIN ranges and lengths), IBAN
 * (ISO 13616 via ibantools: per-country BBAN format + mod-97), US ABA routing numbers (3-7-1
 * checksum; ibantools supplies the per-country IBAN registry data), and the header-only bank account and card security code.
 */
import { countrySpecs } from 'ibantools';
import type { ValueFinding } from '../types.js';
import { allSameDigit, type Detector, digitsOf, element, LUHN_DOUBLE, luhn } from './detector.js';

/** [prefix range low, high, prefix length, allowed lengths]: public IIN tables of the schemes. */
const IIN: readonly [number, number, number, readonly number[], string][] = [
  [4, 4, 1, [13, 16, 19], 'visa'],
  [51, 55, 2, [16], 'mastercard'],
  [2221, 2720, 4, [16], 'mastercard'],
  [34, 34, 2, [15], 'amex'],
  [37, 37, 2, [15], 'amex'],
  [6011, 6011, 4, [16, 17, 18, 19], 'discover'],
  [644, 649, 3, [16, 17, 18, 19], 'discover'],
  [65, 65, 2, [16, 17, 18, 19], 'discover'],
  [300, 305, 3, [14, 15, 16, 17, 18, 19], 'diners'],
  [36, 36, 2, [14, 15, 16, 17, 18, 19], 'diners'],
  [38, 39, 2, [14, 16, 17, 18, 19], 'diners'],
  [3528, 3589, 4, [16, 17, 18, 19], 'jcb'],
  // Legacy 15-digit JCB ranges 1800 and 2131.
  [1800, 1800, 4, [15], 'jcb'],
  [2131, 2131, 4, [15], 'jcb'],
  [62, 62, 2, [16, 17, 18, 19], 'unionpay'],
  [2200, 2204, 4, [16, 17, 18, 19], 'mir'],
  [60, 60, 2, [16], 'rupay'],
  [81, 82, 2, [16], 'rupay'],
  [9792, 9792, 4, [16], 'troy'],
  // Maestro: 12–19 digits (the presidio corpus has 12-digit 5018/6304 numbers; we count them).
  [50, 50, 2, [12, 13, 14, 15, 16, 17, 18, 19], 'maestro'],
  [56, 69, 2, [12, 13, 14, 15, 16, 17, 18, 19], 'maestro'],
];

/** IIN rows flattened for the per-value loop (no destructuring or `includes` per call). */
const IIN_LO = IIN.map((r) => r[0]);
const IIN_HI = IIN.map((r) => r[1]);
const IIN_LEN = IIN.map((r) => r[2]);
/** Bit n set = length n allowed. */
const IIN_LENGTHS = IIN.map((r) => r[3].reduce((m, n) => m | (1 << n), 0));
const IIN_BRAND = IIN.map((r) => r[4]);

/** Card brand for a digit string that passes Luhn and an IIN range with a matching length. */
export function cardBrand(digits: string): string | null {
  const n = digits.length;
  // luhn() is false unless every character is an ASCII digit.
  if (n < 12 || n > 19 || allSameDigit(digits) || !luhn(digits)) return null;
  const d = (i: number) => digits.charCodeAt(i) - 48;
  return iinBrand(n, d(0), d(1), d(2), d(3));
}

/** Brand of the first IIN row whose prefix range and length both match (table order), or null. */
function iinBrand(n: number, a: number, b: number, c: number, d: number): string | null {
  const p2 = a * 10 + b;
  const p3 = p2 * 10 + c;
  const p4 = p3 * 10 + d;
  const bit = 1 << n;
  for (let k = 0; k < IIN_LO.length; k++) {
    const len = IIN_LEN[k];
    const p = len === 1 ? a : len === 2 ? p2 : len === 3 ? p3 : p4;
    if (p >= IIN_LO[k] && p <= IIN_HI[k] && (IIN_LENGTHS[k] & bit) !== 0) return IIN_BRAND[k];
  }
  return null;
}

/**
 * `paymentCard.validate` in one pass over the trimmed cell (cells of 12+ characters are often
 * slices of the CSV line, where every character read costs): the shape `^\d[\d .-]{10,22}\d$`
 * (dots only as ≥ 2 group separators),
 * then exactly what `cardBrand(digitsOf(v))` checks — 12–19 digits, not all the same, Luhn, IIN.
 */
function validateCard(value: string): ValueFinding | null {
  const v = value.trim();
  const n = v.length;
  if (n < 12 || n > 24) return null;
  const last = v.charCodeAt(n - 1);
  let count = 0;
  let sum = 0;
  let diff = 0;
  let separated = false;
  let dots = 0;
  for (let i = n - 1; i >= 0; i--) {
    const c = v.charCodeAt(i);
    const x = c - 48;
    if (x >= 0 && x <= 9) {
      // Luhn from the right: every second digit doubled.
      sum += count & 1 ? LUHN_DOUBLE[x] : x;
      diff |= c ^ last;
      count++;
    } else if ((c === 32 || c === 45 || c === 160 || c === 8239 || c === 8201) && i > 0 && i < n - 1) separated = true;
    else if (c === 46 && i > 0 && i < n - 1) dots++;
    else return null;
  }
  if (count < 12 || count > 19 || diff === 0 || sum % 10 !== 0) return null;
  // Dots group a card too (`4111.1111.1111.1111`, outside review 4), and so do the no-break,
  // narrow no-break and thin spaces of spreadsheets, HTML and French typography (U+00A0, U+202F,
  // U+2009); one dot is a decimal number.
  if (dots > 0) {
    if (dots < 2) return null;
    separated = true;
  }
  let brand: string | null;
  if (separated) {
    const d = digitsOf(v);
    brand = iinBrand(count, d.charCodeAt(0) - 48, d.charCodeAt(1) - 48, d.charCodeAt(2) - 48, d.charCodeAt(3) - 48);
    return brand ? { element: 'payment_card', value: d, kind: brand } : null;
  }
  brand = iinBrand(count, v.charCodeAt(0) - 48, v.charCodeAt(1) - 48, v.charCodeAt(2) - 48, v.charCodeAt(3) - 48);
  return brand ? { element: 'payment_card', value: v, kind: brand } : null;
}

export const paymentCard: Detector = {
  id: 'payment_card',
  kind: 'element',
  description: 'Payment card number (Luhn + issuer IIN range and length)',
  keywords: ['card', 'credit', 'visa', 'mastercard', 'amex', 'cc', 'pan', 'karte', 'carte', 'tarjeta', 'carta', 'kaart', 'cartao'],
  validate: validateCard,
  sampleable: true,
  fixtures: {
    ok: ['4111 1111 1111 1111', '5555-5555-5555-4444', '4111.1111.1111.1111', '3782.822463.10005', '378282246310005', '6011111111111117', '630427373398', '2223003122003222', '3530111333300000'],
    ng: ['4111 1111 1111 1112', '4111.1111.1111.1112', '411111111111111.1', '1234567812345678', '9111111111111111', '0000000000000000', '41111111111', '4111-1111-1111-1111-1111-11'],
  },
};

const BBAN = new Map<string, { chars: number; re: RegExp }>();
for (const [cc, spec] of Object.entries(countrySpecs)) {
  if (spec.chars && spec.bban_regexp) BBAN.set(cc, { chars: spec.chars, re: new RegExp(spec.bban_regexp) });
}

/** ISO 7064 MOD 97-10 over the rearranged IBAN (letters A=10 … Z=35), without big integers. */
function mod97(iban: string): number {
  let r = 0;
  const s = iban.slice(4) + iban.slice(0, 4);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    r = c >= 65 ? (r * 100 + (c - 55)) % 97 : (r * 10 + (c - 48)) % 97;
  }
  return r;
}

/** IBAN per ISO 13616: the country's length and BBAN format (ibantools' registry data) + mod-97 = 1. */
export function validateIban(value: string): ValueFinding | null {
  const v = value.trim();
  if (v.length < 15 || v.length > 42) return null;
  const e = v.replace(/[\s-]+/g, '').toUpperCase();
  const spec = BBAN.get(e.slice(0, 2));
  if (!spec || e.length !== spec.chars || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(e) || !spec.re.test(e.slice(4))) return null;
  return mod97(e) === 1 ? element('iban', e, { country: e.slice(0, 2) }) : null;
}

export const iban: Detector = {
  id: 'iban',
  kind: 'element',
  description: 'IBAN (ISO 13616: country BBAN format + mod-97), country from its prefix',
  keywords: ['iban'],
  validate: validateIban,
  sampleable: true,
  fixtures: {
    ok: ['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'gb42nawi04454264788619', 'FR1420041010050500013M02606'],
    ng: ['DE89 3704 0044 0532 0130 01', 'GB82WEST1234569876543', 'XX89370400440532013000', 'DE89'],
  },
};

/** ABA routing number: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10); Fed prefixes 00–12, 21–32, 61–72, 80. */
export function validAba(d: string): boolean {
  if (!/^\d{9}$/.test(d) || allSameDigit(d)) return false;
  const p = Number(d.slice(0, 2));
  if (!(p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  const n = (i: number) => d.charCodeAt(i) - 48;
  return (3 * (n(0) + n(3) + n(6)) + 7 * (n(1) + n(4) + n(7)) + (n(2) + n(5) + n(8))) % 10 === 0;
}

export const usRoutingNumber: Detector = {
  id: 'us_routing_number',
  kind: 'element',
  description: 'US ABA routing transit number (3-7-1 checksum, Federal Reserve prefixes)',
  keywords: ['routing', 'aba', 'rtn', 'transit'],
  validate(value) {
    const v = value.trim();
    return /^\d{9}$/.test(v) && validAba(v) ? element('us_routing_number', v, { country: 'US' }) : null;
  },
  fixtures: { ok: ['011000015', '021000021', '122105155'], ng: ['011000016', '991000015', '12345678', '000000000'] },
};

export const bankAccount: Detector = {
  id: 'bank_account',
  kind: 'element',
  description: 'Bank account number (by column or context only: no checksum is universal)',
  keywords: ['account number', 'bank account', 'acct', 'kontonummer', 'numero de compte', 'cuenta', 'conto', 'rekeningnummer', 'conta'],
  validate(value) {
    const v = value.trim();
    if (!/^[\dA-Za-z][\dA-Za-z -]{3,33}$/.test(v)) return null;
    const d = digitsOf(v);
    return d.length >= 4 && !allSameDigit(d) ? element('bank_account', v.replace(/[\s-]/g, '').toUpperCase()) : null;
  },
  fixtures: { ok: ['12345678', '0532013000', '1234-5678-9012'], ng: ['abc', '0000', 'hello world account'] },
};

export const cardSecurityCode: Detector = {
  id: 'card_security_code',
  kind: 'element',
  description: 'Card security code CVV/CVC/CID (3–4 digits; by column or context only)',
  keywords: ['cvv', 'cvc', 'cvv2', 'cvc2', 'cid', 'security code'],
  validate(value) {
    const v = value.trim();
    return /^\d{3,4}$/.test(v) ? element('card_security_code', v) : null;
  },
  fixtures: { ok: ['123', '0421'], ng: ['12', '12345', 'abc'] },
};
