/**
 * E-mail addresses in free text by the '@' anchor, expanded left and right over the characters an
 * address can hold (a naive e-mail regex runs ≈ 30 MB/s; this ≈ GB/s; scanning.md §7.2).
 */
import type { ValueFinding } from '../types.js';
import { validateEmail } from './contact-email.js';

/**
 * Local-part characters read leftwards from the '@' in free text. RFC 5322 also allows
 * ! # $ & * / = ? ^ ` { | } ~, but in text they end the address far more often than they belong to it
 * (`user=jane@example.com`, `email='jane@…'`, `to:jane@…`): with them the log's e-mail came out as
 * `user=jane@example.com` and never met the table's `jane@example.com` (issue 20 §7). These are
 * the characters mail providers let users choose (letters, digits, . _ % + - and ').
 */
const LOCAL = new Uint8Array(128);
const DOMAIN = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%'+_-.") LOCAL[c.charCodeAt(0)] = 1;
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.') DOMAIN[c.charCodeAt(0)] = 1;

export function scanEmails(text: string, out: ValueFinding[]): void {
  scanPlainEmails(text, out);
  if (text.indexOf('%40') !== -1) scanEncodedEmails(text, out);
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Where the local part before `text[at]` starts: local-part characters to the left, at most `max` of them. */
function localStart(text: string, at: number, max: number): number {
  let s = at;
  while (s > 0 && at - s < max) {
    const c = text.charCodeAt(s - 1);
    if (c >= 128 || !LOCAL[c]) break;
    s--;
  }
  return s;
}

/**
 * Percent-encoded addresses in URLs and query strings (`GET /reset?email=jane.doe%40example.com`):
 * only lines holding `%40` get here. The token around each `%40` (local-part characters to the
 * left, domain characters and `%XX` to the right, ≤ 320 characters) is percent-decoded (only valid
 * UTF-8: decodeURIComponent throws on anything else) and the decoded text is scanned like plain
 * text, so the finding's value is the address itself and links to the same person as its plain form.
 */
function scanEncodedEmails(text: string, out: ValueFinding[]): void {
  let at = text.indexOf('%40');
  while (at !== -1) {
    const s = localStart(text, at, 192);
    let e = at + 3;
    while (e < text.length && e - at < 128) {
      const c = text.charCodeAt(e);
      if (c === 37 && HEX.test(text.slice(e + 1, e + 3))) e += 3;
      else if (c < 128 && DOMAIN[c] === 1) e++;
      else break;
    }
    let decoded: string | null = null;
    try {
      decoded = decodeURIComponent(text.slice(s, e));
    } catch {
      // A stray '%' or bytes that are not UTF-8: not an encoded address.
    }
    if (decoded !== null && decoded.indexOf('@') !== -1) scanPlainEmails(decoded, out);
    at = text.indexOf('%40', Math.max(e, at + 3));
  }
}

function scanPlainEmails(text: string, out: ValueFinding[]): void {
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = localStart(text, at, 64);
    let e = at + 1;
    while (e < text.length && e - at < 254) {
      const c = text.charCodeAt(e);
      if (c >= 128 || !DOMAIN[c]) break;
      e++;
    }
    // Trim punctuation that ends sentences or quotes around the address.
    while (s < at && /[.'+%-]/.test(text[s])) s++;
    while (e > at + 1 && /[.-]/.test(text[e - 1])) e--;
    // A local part longer than RFC 5321's 64 octets, or one that goes on in non-ASCII letters
    // (`jürgen@…`), is not cut to its tail: a tail is someone else's address.
    const cut = s > 0 && (at - s >= 64 || /[\p{L}\p{N}]/u.test(text[s - 1]));
    // `scheme://user:password@host`: the password and host are not an e-mail address.
    const userinfo = text.charCodeAt(s - 1) === 58 && /[a-z][a-z0-9+.-]*:\/\/[^\s/@]*$/i.test(text.slice(s > 200 ? s - 200 : 0, s - 1));
    if (!cut && s < at && e > at + 3 && !userinfo) {
      const f = validateEmail(text.slice(s, e));
      if (f) out.push(f);
    }
    at = text.indexOf('@', e > at ? e : at + 1);
  }
}
