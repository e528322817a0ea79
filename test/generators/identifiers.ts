/**
 * Synthetic identifiers with correct check digits, so that a detector must validate — not just
 * pattern-match — to find them. Each follows the issuer's published rule (cited per function).
 */
import type { Rng } from './prng.js';

/** Luhn check digit (ISO/IEC 7812-1 Annex B) for a payload. */
export function luhnDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** SSA rules: area 001–899 except 666, group 01–99, serial 0001–9999; avoid 9876543xx ads. */
export function ssn(rng: Rng): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  const group = rng.int(1, 99);
  const serial = rng.int(1, 9999);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

/** Visa (4…, 16 digits), Mastercard (51–55, 16), Amex (34/37, 15): IIN ranges per ISO/IEC 7812. */
export function paymentCard(rng: Rng): string {
  const brand = rng.int(0, 2);
  const prefix = brand === 0 ? '4' : brand === 1 ? `5${rng.int(1, 5)}` : rng.pick(['34', '37']);
  const len = brand === 2 ? 15 : 16;
  const payload = prefix + rng.digits(len - 1 - prefix.length);
  const pan = payload + luhnDigit(payload);
  return len === 16 ? pan.replace(/(\d{4})(?=\d)/g, '$1 ') : `${pan.slice(0, 4)} ${pan.slice(4, 10)} ${pan.slice(10)}`;
}

/** A 16-digit Luhn-valid number that is no card (starts with 9: no issuer range) — a tracking-number decoy. */
export function luhnDecoy(rng: Rng): string {
  const payload = `9${rng.digits(14)}`;
  return payload + luhnDigit(payload);
}

/** ISO 13616 mod-97 check digits. */
function mod97(s: string): number {
  let r = 0;
  for (const ch of s) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) r = (r * 10 + Number(d)) % 97;
  }
  return r;
}

const BBAN: Record<string, (rng: Rng) => string> = {
  DE: (rng) => rng.digits(18),
  GB: (rng) => 'NWBK' + rng.digits(14),
  NL: (rng) => 'ABNA' + rng.digits(10),
};

export function iban(rng: Rng, country: keyof typeof BBAN): string {
  const bban = BBAN[country](rng);
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** UK National Insurance number (HMRC NIM39110): two prefix letters, six digits, suffix A–D. */
export function ukNino(rng: Rng): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  let prefix = first[rng.int(0, first.length - 1)] + second[rng.int(0, second.length - 1)];
  if (['GB', 'NK', 'TN', 'ZZ', 'BG', 'KN', 'NT'].includes(prefix)) prefix = 'AB';
  return `${prefix}${rng.digits(6)}${'ABCD'[rng.int(0, 3)]}`;
}

/** German tax ID (Steuer-IdNr, §139b AO): 11 digits, ISO 7064 MOD 11,10, one digit repeated. */
export function deTaxId(rng: Rng): string {
  for (;;) {
    const d = [rng.int(1, 9), ...Array.from({ length: 9 }, () => rng.int(0, 9))];
    const counts = new Map<number, number>();
    for (const x of d) counts.set(x, (counts.get(x) ?? 0) + 1);
    const reps = [...counts.values()];
    // Since 2016: exactly one digit occurs two or three times, others at most once.
    if (reps.filter((n) => n > 1).length !== 1 || Math.max(...reps) > 3) continue;
    let p = 10;
    for (const x of d) {
      let s = (x + p) % 10;
      if (s === 0) s = 10;
      p = (s * 2) % 11;
    }
    const check = (11 - p) % 10;
    return d.join('') + String(check);
  }
}

/** US NANP number: valid area codes (per state) and exchange 2–9xx; never 555 fictional ranges. */
export function usPhone(rng: Rng, areaCode: string): string {
  const exchange = `${rng.int(2, 9)}${rng.int(0, 9)}${rng.int(1, 9)}`;
  return `+1 ${areaCode}-${exchange === '555' ? '556' : exchange}-${rng.digits(4)}`;
}

export function dePhone(rng: Rng): string {
  return `+49 30 ${rng.int(2, 9)}${rng.digits(7)}`;
}

export function gbPhone(rng: Rng): string {
  return `+44 20 7${rng.digits(3)} ${rng.digits(4)}`;
}

/** bcrypt (OpenBSD format): $2b$, cost, 53 chars of bcrypt-base64 (salt + hash). */
export function bcryptHash(rng: Rng): string {
  const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 53; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return `$2b$${rng.pick(['10', '12'])}$${s}`;
}

export function ipv4(rng: Rng): string {
  // A public address: first octets of the private, shared, loopback, link-local and documentation
  // ranges (RFC 1918, 6598, 5735, 3927, 5737) move to the next, public one.
  const a = rng.int(11, 223);
  const first = [100, 127, 169, 172, 192, 198, 203].includes(a) ? a + 1 : a;
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
