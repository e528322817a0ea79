/**
 * Canary people (pure): synthetic individuals planted in one dataset each, so a leak that holds
 * them names where it came from (shared/reference/detection-containment.md §5.2, §5.4). Each has
 * a plausible name, an e-mail address on a domain the organisation controls and watches, a phone
 * number from Ofcom's range reserved for drama (+44 7700 900000–900999, never assigned to a
 * subscriber), and a payment card number in Visa's 400000 test prefix that passes Luhn (ISO/IEC
 * 7812-1 Annex B) so scanners treat it as a card. A 25-character token, as Canarytokens uses,
 * makes the e-mail address and beacon URL unique.
 */
import { randomBytes, randomInt } from 'node:crypto';

const FIRST = ['Alys', 'Bram', 'Cora', 'Dario', 'Edda', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaia', 'Lior', 'Mira', 'Nils', 'Orla', 'Pavel', 'Quinn', 'Rosa', 'Soren', 'Tilde', 'Ugo', 'Vera', 'Wim', 'Xenia', 'Yusuf', 'Zora'];
const LAST = ['Ashdown', 'Brightwell', 'Corrigan', 'Dunmore', 'Ellery', 'Fairbank', 'Galloway', 'Hartigan', 'Ives', 'Jessop', 'Kendrick', 'Lowther', 'Merriman', 'Northcott', 'Ormsby', 'Pendry', 'Quarrie', 'Rowntree', 'Sallow', 'Tremlett'];

export interface CanaryPerson {
  token: string;
  name: string;
  email: string;
  phone: string;
  card: string;
}

const pick = <T>(xs: T[]) => xs[randomInt(xs.length)]!;

export function luhnCheckDigit(partial: string): number {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function luhnValid(digits: string): boolean {
  return /^\d{12,19}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

/** 25 characters of [0-9a-z], as Canarytokens' CANARYTOKEN_LENGTH (≈ 128 bits). */
export function canaryToken(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const b = randomBytes(25);
  return [...b].map((x) => alphabet[x % 36]).join('');
}

export function canaryPerson(domain: string): CanaryPerson {
  const token = canaryToken();
  const first = pick(FIRST);
  const last = pick(LAST);
  const body = `4000${String(randomInt(0, 1e11)).padStart(11, '0')}`;
  return {
    token,
    name: `${first} ${last}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}.${token.slice(0, 10)}@${domain}`,
    phone: `+447700900${String(randomInt(0, 1000)).padStart(3, '0')}`,
    card: `${body}${luhnCheckDigit(body)}`,
  };
}
