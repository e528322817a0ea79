/**
 * Digit runs of free text (text-scan.ts): one RegExp finds runs of ≥ 7 digits and separators, and
 * each run is dispatched by its shape to IPv4, SSN/ITIN, cards, IBAN, phone and dates of birth,
 * with the context words each needs.
 */
import type { ValueFinding } from '../types.js';
import { validateIp, validatePhone } from './contact.js';
import { parseBirthDate } from './context-only.js';
import { allSameDigit, digitsOf, element, isDigit, luhn } from './detector.js';
import { inEncodedRun } from './text-blob.js';
import { cardBrand, validAba, validateIban } from './financial.js';
import { validItin, validSsn } from './national-ids.js';
import { bigramGate, initialGate, isDottedQuad, mayBeDate, mayHoldIbanStart } from './text-fast-paths.js';

/** ≥ 7 characters of digits and separators, starting and ending with a digit (optional + or '('). */
export const NUMBER_RUN = /[+(]?\d[\d\-. ()/]{5,32}\d(?:\s?(?:x|ext\.?)\s?\d{1,6})?/g;
const DOB_CONTEXT = /\b(?:dob|d\.o\.b|birth|born|geb\.|geboren|naissance|n[ée]e? le|nacimiento|nacid[oa]|nascita|nato|nata|geboortedatum|nascimento)[^\n]{0,25}$/i;
const SSN_CONTEXT = /\b(?:ssn|social security|soc\.? sec|ss#|itin|taxpayer)[^\n]{0,30}$/i;
const CARD_CONTEXT = /\b(?:card|credit|visa|mastercard|amex|cc#?|pan|karte|carte|tarjeta|carta)\b[^\n]{0,30}$/i;
const PHONE_CONTEXT = /\b(?:phone|tel\b|tel\.|telephone|mobile|cell|fax|call|desk|office|contact|sms|text me|whatsapp|dial|reach|ring\b|telefon|t[ée]l[ée]phone|tel[ée]fono|telefoon|celular|handy|portable)[^\n]{0,30}(?:\n\s*)?$/i;
const PHONE_AFTER = /^[\s-]{0,3}(?:office|fax|mobile|cell|home|work|phone|tel)/i;
/** Gates of PHONE_CONTEXT and PHONE_AFTER (text-fast-paths.ts): their words' first two characters, first letters. */
export const phoneContextGate = bigramGate(['phone', 'tel', 'té', 'mobile', 'cell', 'fax', 'call', 'desk', 'office', 'contact', 'sms', 'whatsapp', 'dial', 'reach', 'ring', 'celular', 'handy', 'portable']);
export const phoneAfterGate = initialGate(['office', 'fax', 'mobile', 'cell', 'home', 'work', 'phone', 'tel'], 4);
const OTHER_NUMBER_CONTEXT = /\b(?:licen[cs]e|passport|account|acct|order|invoice|ticket|tracking|serial|ref(?:erence)?|iban|ssn|card|id|aadhaar|nino|sin|nir|dni|nie|bsn|cpf|steuer|fiscal|insurance|tfn|tax file)\b[^\n]{0,25}$/i;
/**
 * A card written with dots, only in card groups (4-4-4-4 with an optional 1–3 digit tail, Amex
 * 4-6-5 and Diners 4-6-4, 12-digit Maestro 4-4-4): dotted decimals, versions and thousands
 * (`1.234.567.890.123`) are not grouped so (outside review 4).
 */
const DOTTED_CARD = /^\d{4}(?:\.\d{4}){2,3}(?:\.\d{1,3})?$|^\d{4}\.\d{6}\.\d{4,5}$/;
/**
 * A card or SSN in its groups at the head of a longer run, followed by a space (dispatchNumber);
 * a card not by one more group of four (`1234 5678 9012 3456 7890` is one longer number).
 */
const ID_HEAD = /^(?:(?:\d{4}([ .-])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ .-])\d{6}\2\d{4,5})(?!\s+\d{4}(?![\d/.-]))|\d{3}([ .-])\d{2}\3\d{4})(?=\s)/;
const ROUTING_CONTEXT = /\b(?:routing|aba|rtn|transit)\b[^\n]{0,25}$/i;

function before(text: string, pos: number, n = 40): string {
  return text.slice(pos > n ? pos - n : 0, pos);
}

function tryIban(text: string, pos: number, out: ValueFinding[]): boolean {
  // Look back (≤ 12 chars) for the two-letter country code + two check digits, then read forward.
  const from = pos > 12 ? pos - 12 : 0;
  if (!mayHoldIbanStart(text, from, Math.min(text.length, pos + 2))) return false;
  const pre = text.slice(from, pos + 2);
  const re = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}/g;
  for (let m = re.exec(pre); m; m = re.exec(pre)) {
    const start = from + m.index;
    const raw = /^[A-Za-z0-9]+(?: ?[A-Za-z0-9]+)*/.exec(text.slice(start, start + 50));
    if (!raw) continue;
    const compact = raw[0].replace(/ /g, '');
    for (let len = Math.min(34, compact.length); len >= 15; len--) {
      const f = validateIban(compact.slice(0, len));
      if (f) {
        out.push(f);
        return true;
      }
    }
  }
  return false;
}

/** Offset of the first whitespace in `c` (a digit run), or -1. */
function firstSpace(c: string): number {
  for (let i = 1; i < c.length; i++) {
    const x = c.charCodeAt(i);
    if (x === 32 || x === 9 || x === 10 || x === 13 || x === 160) return i;
  }
  return -1;
}

/**
 * A dotted quad standing as its own word inside a longer run (`677 206.177.235.212 22`): the
 * offset of its start in `c`, or -1. International phone numbers (+ or 00) are left whole.
 */
function quadInRun(c: string): number {
  if (c[0] === '+' || (c[0] === '0' && c[1] === '0')) return -1;
  for (let i = 0; i < c.length; ) {
    let e = i;
    while (e < c.length && c[e] !== ' ' && c[e] !== '\t') e++;
    if (e - i >= 7 && isDottedQuad(c.slice(i, e))) return i;
    i = e + 1;
  }
  return -1;
}

/**
 * The part of `b` (the text before a digit run) after the last closing quote that ends a field
 * (`" ` or `"\t`): a phone context word labels numbers of its own field only (outside review
 * logfp23). In a web-server access log (`"GET /help/contact HTTP/1.1" 301 228077`, Apache's
 * Common/Combined Log Format) the word sits in the quoted request, and the status and the response
 * size that follow the quote are other fields. JSON's `"phone": "…"` closes its key with `":`.
 */
function sameField(b: string): string {
  const q = Math.max(b.lastIndexOf('" '), b.lastIndexOf('"\t'));
  return q === -1 ? b : b.slice(q + 2);
}

/**
 * Digits right after a `%` are its escape's two hex digits (RFC 3986 §2.1), not a number's:
 * `?phone=(520)%20643-9892` matched as `20643-9892`. `%20` is an encoded space: when a digit group
 * (or `(520)`) stands right before it, the number is that group, a space and the rest. Returns the
 * run to dispatch and where it starts, or null when the run is not an escape's tail.
 */
function percentEscaped(text: string, pos: number, c: string): { run: string; at: number } | null {
  if (pos < 1 || text.charCodeAt(pos - 1) !== 37 || c.length < 3) return null;
  const rest = c.slice(2).replace(/^[\s\-.()/]+/, '');
  if (c[0] !== '2' || c[1] !== '0') return { run: rest, at: pos + c.length - rest.length };
  let s = pos - 1;
  while (s > 0 && /[\d()\-.]/.test(text[s - 1])) s--;
  const head = text.slice(s, pos - 1);
  return /\d/.test(head) ? { run: `${head} ${rest}`, at: s } : { run: rest, at: pos + c.length - rest.length };
}

/**
 * Dispatch one digit run. Returns where the run scan (NUMBER_RUN.lastIndex) resumes when the run
 * was cut short — after the leading part glued to a word (`renee677 206.177.235.212`), or at a
 * dotted quad inside the run (`677 206.177.235.212`) — else -1 (resume after the run).
 */
export function dispatchNumber(text: string, raw: string, pos: number, out: ValueFinding[]): number {
  let c = raw;
  // A NUMBER_RUN match ends with a digit, so this trim is a no-op from scanText: test the digit first.
  const last = c.charCodeAt(c.length - 1);
  if (!isDigit(last)) while (/[\s\-.(/]$/.test(c)) c = c.slice(0, -1);
  const prev = pos > 0 ? text.charCodeAt(pos - 1) : 32;
  // Part of a longer token (hex id, version, word): skip that token, and look again at what follows
  // it after a space (a run does not cross into the word's digits: `user renee677 206.177.235.212`).
  if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || prev === 95) {
    if (tryIban(text, pos, out)) return -1;
    const sp = firstSpace(c);
    return sp === -1 ? -1 : pos + sp + 1;
  }
  // Inside base64 or a token (`…+647718170Y…`): digits by chance, no one's number (text-blob.ts).
  const next = text.charCodeAt(pos + raw.length);
  if ((prev === 43 || prev === 47 || prev === 45 || prev === 95 || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 43 || next === 47) && inEncodedRun(text, pos, pos + raw.length)) return -1;
  if (prev === 37) {
    const e = percentEscaped(text, pos, c);
    if (e !== null) {
      if (e.run.length >= 7) dispatchNumber(text, e.run, e.at, out);
      return -1;
    }
  }
  if (isDottedQuad(c)) {
    const f = validateIp(c);
    if (f) out.push(f);
    return -1;
  }
  const quad = firstSpace(c) === -1 ? -1 : quadInRun(c);
  if (quad === 0) {
    // The run starts with an address and goes on with other numbers (`10.0.0.1 22`).
    const ip = c.slice(0, firstSpace(c));
    const f = validateIp(ip);
    if (f) out.push(f);
    return pos + ip.length;
  }
  if (quad > 0) {
    // Numbers before the address are a run of their own when still long enough.
    const head = c.slice(0, quad).trimEnd();
    if (head.length >= 7) dispatchNumber(text, head, pos, out);
    return pos + quad;
  }
  const idHead = firstSpace(c) === -1 ? null : ID_HEAD.exec(c);
  if (idHead) {
    // A card or SSN in groups with more numbers after it in the same run (`5555 5555 5555 4444
    // 05/27`, `536 22 1234 12/05/1987`): the run's 20+ digits were nothing. The head counts when
    // it is a card or SSN by its own rules; anything else it gives (a phone cut short) does not.
    const k = out.length;
    dispatchNumber(text, idHead[0], pos, out);
    if (out.length > k && out.every((f, i) => i < k || f.element === 'payment_card' || f.element === 'us_ssn' || f.element === 'us_itin')) return pos + idHead[0].length;
    out.length = k;
  }
  const date = mayBeDate(c) ? /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?![\d])/.exec(c) : null;
  // A two-digit year (`DOB 05/12/87`) only after a birth word: alone it is any date, or a version.
  const short = date === null && mayBeDate(c) ? /^\d{1,2}([-/.])\d{1,2}\1\d{2}(?![\d])/.exec(c) : null;
  if (short && DOB_CONTEXT.test(before(text, pos))) {
    const d = parseBirthDate(short[0]);
    if (d) out.push(element('date_of_birth', d));
    return -1;
  }
  if (date) {
    // A date (possibly followed by a time): a birth date only with a DOB context word before it.
    if (DOB_CONTEXT.test(before(text, pos))) {
      const d = parseBirthDate(date[0]);
      if (d) out.push(element('date_of_birth', d));
    }
    return -1;
  }
  if (tryIban(text, pos, out)) return -1;
  const d = digitsOf(c);
  const n = d.length;
  if (n === 9 && /^\d{3}([- .]?)\d{2}\1\d{4}$/.test(c)) {
    // Dashed alone; bare, spaced or dotted (`536.22.1234`) only after an SSN word.
    const dashed = c[3] === '-';
    const ctx = SSN_CONTEXT.test(before(text, pos));
    if ((dashed || ctx) && validItin(d)) out.push(element('us_itin', d, { country: 'US' }));
    else if ((dashed || ctx) && validSsn(d)) out.push(element('us_ssn', d, { country: 'US' }));
    if (dashed || ctx) return -1;
  }
  if (n === 9 && /^\d{9}$/.test(c) && ROUTING_CONTEXT.test(before(text, pos)) && validAba(d)) {
    out.push(element('us_routing_number', d, { country: 'US' }));
    return -1;
  }
  if (n >= 12 && n <= 19 && (/^\d[\d -]+$/.test(c) || DOTTED_CARD.test(c))) {
    const cardCtx = CARD_CONTEXT.test(before(text, pos));
    // Without context: Luhn + a known IIN range and length, 13–19 digits. With a card context word
    // (Presidio's approach): Luhn alone suffices, and 12-digit Maestro-length numbers count.
    const brand = cardBrand(d) ?? (cardCtx && luhn(d) && !allSameDigit(d) ? 'unknown' : null);
    if (brand && (n >= 13 || cardCtx)) {
      out.push(element('payment_card', d, { kind: brand }));
      return -1;
    }
  }
  if (n >= 7 && n <= 15) {
    const plus = c[0] === '+' || (c[0] === '0' && c[1] === '0');
    const after = pos + raw.length;
    const ctx = (phoneContextGate(text, pos - 40, pos) && PHONE_CONTEXT.test(sameField(before(text, pos)))) || (phoneAfterGate(text, after) && PHONE_AFTER.test(text.slice(after, after + 12)));
    if (!plus && !ctx) {
      // No context: only a number written as a phone (three groups or an area code in parentheses)
      // that libphonenumber validates, and not labelled as another kind of number.
      if (n < 9 || !/^(?:\(\d{2,5}\)\s?\d|\d{2,5}([\s.-])\d{2,4}\1\d{2,5})/.test(c)) return -1;
      if (OTHER_NUMBER_CONTEXT.test(before(text, pos))) return -1;
    }
    const f = validatePhone(c);
    if (f) out.push(f);
    // With a phone context word, a phone-shaped number counts even when libphonenumber cannot
    // place it (local numbers written without area or country code).
    else if (ctx && (/[\s().\-/]/.test(c) || n >= 9)) out.push(element('phone', d));
  }
  return -1;
}
