/**
 * The spellings of one person that the adversarial leak (adversarial-people.ts) writes: names,
 * e-mails, phones and birth dates as other systems and clerks write them. Split from
 * adversarial-people.ts unchanged.
 */
import type { AdvPerson } from './adversarial-people.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const iso = (d: AdvPerson['dob']) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;

/** A name as one of its spellings (`k` picks which). */
export function nameVariant(p: AdvPerson, k: number): string {
  switch (k % 5) {
    case 0:
      return `${p.last}, ${p.first}`;
    case 1:
      return `${p.asciiFirst} ${p.asciiLast}`;
    case 2:
      return `${p.first} ${p.last}`.toUpperCase();
    case 3:
      return `${p.asciiLast.toUpperCase()}, ${p.asciiFirst}`;
    default:
      return `${p.first.toLowerCase()} ${p.last.toLowerCase()}`;
  }
}

/** Umlauts and ß written out, as German systems without them do (DIN 5007-2: ü → ue, ß → ss). */
const spelledOut = (s: string) => s.replace(/[äöüÄÖÜß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' })[c] ?? c);

/** A middle initial of the person (any letter: the anchor has no middle name). */
const initialOf = (p: AdvPerson) => String.fromCharCode(65 + ((p.pid * 7) % 26));

/** The name with a title, a middle initial, letters after it, or its umlauts written out (`k` picks). */
export function formalNameVariant(p: AdvPerson, k: number): string {
  const i = initialOf(p);
  switch (k % 6) {
    case 0:
      return `Dr. ${p.first} ${i}. ${p.last}`;
    case 1:
      return `Mr ${spelledOut(p.first)} ${spelledOut(p.last)}`;
    case 2:
      return `${p.last}, ${p.first} ${i}.`;
    case 3:
      return `Prof. ${p.first} ${p.last}, PhD`;
    case 4:
      return `MS. ${p.asciiFirst} ${i} ${p.asciiLast}`;
    default:
      return `${spelledOut(p.last).toUpperCase()}, ${spelledOut(p.first)}`;
  }
}

/** The name with a generational suffix the anchor does not write (`k` picks). */
export function suffixedNameVariant(p: AdvPerson, k: number): string {
  switch (k % 4) {
    case 0:
      return `${p.first} ${p.last} Jr.`;
    case 1:
      return `${p.last} III, ${p.first}`;
    case 2:
      return `Mrs ${p.first} ${p.last}, Senior`;
    default:
      return `${spelledOut(p.first)} ${spelledOut(p.last)} Jnr`;
  }
}

/** The birth date with a two-digit year: day first with dots, or US month first (`k` picks). */
export function shortYearDob(d: AdvPerson['dob'], k: number): string {
  const yy = pad(d.y % 100);
  return k % 2 === 0 ? `${pad(d.d)}.${pad(d.m)}.${yy}` : `${d.m}/${d.d}/${yy}`;
}

/** The e-mail as another system wrote it. */
export function emailVariant(email: string, k: number): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const ascii = new URL(`http://${domain}`).hostname;
  switch (k % 8) {
    case 0:
      return email.toUpperCase();
    case 1:
      // RFC 1035 §3.1: a trailing dot names the same (absolute) domain.
      return `${local}@${domain}.`;
    case 2:
      // The IDN in Punycode (RFC 3492) where the anchor has it in Unicode, and vice versa.
      return domain === ascii ? email : `${local}@${ascii}`;
    case 3:
      // RFC 5321 §4.1.2: a quoted local part that is a dot-atom is the same mailbox.
      return `"${local}"@${domain}`;
    case 4:
      return `mailto:${email}`;
    case 5:
      return domain === 'gmail.com' ? `${local.replaceAll('.', '')}+shop@googlemail.com` : `${local}+shop@${domain}`;
    case 6:
      return `${local}@${domain.toUpperCase()}`;
    default:
      return ` ${email} `;
  }
}

/** The phone as a person or a clerk typed it. */
export function phoneVariant(p: Pick<AdvPerson, 'country' | 'phone' | 'nationalPhone'>, k: number): string {
  const cc = p.country === 'US' ? '1' : p.country === 'GB' ? '44' : p.country === 'FR' ? '33' : '49';
  const nsn = p.phone.slice(1 + cc.length);
  const trunk = p.country === 'US' ? '' : '0';
  switch (k % 9) {
    case 0:
      return p.nationalPhone;
    case 1:
      return p.nationalPhone.replace(/[ ()-]+/g, '.').replace(/^\./, '');
    case 2:
      return `+${cc} (${trunk || '1'}) ${nsn}`.replace(' (1) ', ' ');
    case 3:
      // RFC 3966 `tel:` URI, visual separators as dashes.
      return `tel:+${cc}-${nsn.slice(0, 3)}-${nsn.slice(3)}`;
    case 4:
      return `00${cc} ${nsn}`;
    case 5:
      return `${p.nationalPhone} ext. 12`;
    case 6:
      return `tel:+${cc}${nsn};ext=7`;
    case 7:
      return `${trunk}${nsn}`.replace(/^(\d{3})(\d{3})/, '$1-$2-');
    default:
      return p.phone;
  }
}

/**
 * The birth date in one of its written forms; `dd/mm/yyyy` with a day ≤ 12 is ambiguous alone,
 * and told by the other values of its column.
 */
export function dobVariant(d: AdvPerson['dob'], k: number): string {
  switch (k % 7) {
    case 0:
      return iso(d);
    case 1:
      return `${pad(d.d)}.${pad(d.m)}.${d.y}`;
    case 2:
      return `${d.d} ${MONTH_NAMES[d.m - 1]} ${d.y}`;
    case 3:
      return `${d.y}${pad(d.m)}${pad(d.d)}`;
    case 4:
      // Oracle's default DATE format (NLS_DATE_FORMAT DD-MON-RR), with a four-digit year.
      return `${pad(d.d)}-${MONTHS[d.m - 1].toUpperCase()}-${d.y}`;
    case 5:
      return `${pad(d.d)}/${pad(d.m)}/${d.y}`;
    default:
      return `${MONTH_NAMES[d.m - 1]} ${d.d}, ${d.y}`;
  }
}
