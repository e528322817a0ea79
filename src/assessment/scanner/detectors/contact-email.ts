/**
 * E-mail addresses (RFC 5321 length limits, dotted domain with an alphabetic TLD), lower-cased;
 * the written forms of one mailbox (`mailto:`, a quoted local part, a root dot, an IDN domain)
 * read as that mailbox, and filler addresses (`noemail@…`) as none. Split out of contact.ts.
 */
import { domainToASCII } from 'node:url';
import type { ValueFinding } from '../types.js';
import { type Detector, element } from './detector.js';

const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;

export function validateEmail(value: string): ValueFinding | null {
  let v = value.trim();
  let at = v.lastIndexOf('@');
  // RFC 5321 §4.5.3.1: local part ≤ 64 octets, path ≤ 256 (address ≤ 254).
  if (at < 1 || at > 64 || v.length > 254 || !EMAIL.test(v)) {
    // Only a value the plain form rejects is rewritten: the hot path stays one RegExp test.
    const w = at < 1 ? null : mailboxText(v, at);
    if (w === null) return null;
    v = w;
    at = v.lastIndexOf('@');
    if (at < 1 || at > 64 || v.length > 254 || !EMAIL.test(v)) return null;
  }
  const lower = v.toLowerCase();
  return fillerEmail(lower, at) ? null : element('email', lower);
}

const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const MAILTO = /^mailto:/i;
/** Non-ASCII (an IDN label in Unicode). */
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * The same mailbox written another way, as the plain form (`local@ascii-domain`), or null when
 * `v` (with its last `@` at `at`) is none of these. One person's address is written so in
 * different systems of one leak, and each spelling counted as another person (review people22):
 *  - a `mailto:` URI (RFC 6068), its `?subject=…` dropped;
 *  - a quoted local part whose content is a dot-atom, `"jane.doe"@example.com`: the same
 *    mailbox as `jane.doe@example.com` (RFC 5321 §4.1.2: a quoted string that needs no quoting
 *    names the same local part; other quoted forms, with spaces or escapes, stay rejected);
 *  - a domain with the trailing root dot (`example.com.`, RFC 1035 §3.1: the same domain);
 *  - an internationalised domain in Unicode (`bücher.example`): its A-label form
 *    (`xn--bcher-kva.example`, IDNA as UTS #46 maps it, which is what `node:url` and browsers
 *    do), so it equals the Punycode spelling. A local part beyond ASCII (RFC 6531) is not read.
 */
function mailboxText(v: string, at: number): string | null {
  let local = v.slice(0, at);
  let domain = v.slice(at + 1);
  if (MAILTO.test(local)) {
    local = local.slice(7);
    const q = domain.indexOf('?');
    if (q >= 0) domain = domain.slice(0, q);
  }
  if (local.length > 2 && local.charCodeAt(0) === 34 && local.charCodeAt(local.length - 1) === 34) {
    const inner = local.slice(1, -1);
    if (!DOT_ATOM.test(inner)) return null;
    local = inner;
  }
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  if (NON_ASCII.test(domain)) {
    domain = domainToASCII(domain);
    if (domain === '') return null;
  }
  const w = `${local}@${domain}`;
  return w === v ? null : w;
}

/**
 * Words a form or a clerk types when there is no address (`noemail@noemail.com`, `none@none.com`,
 * `no@email.com`, `na@na.com`): such a value names no one, and many people share it. As an e-mail
 * — a strong identifier — it made one person of everyone who had it (8 customers → 4).
 */
const FILLER_LOCAL = new Set([
  'none', 'noemail', 'no-email', 'no_email', 'no.email', 'noemailaddress', 'nomail', 'no-mail', 'null',
  'unknown', 'noaddress', 'notprovided', 'not.provided', 'not-provided', 'notavailable', 'declined', 'refused', 'nobody', 'noone', 'no-one',
  'dummy', 'fake', 'invalid', 'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'do.not.reply',
]);

const SHORT_FILLER_LOCAL = new Set(['no', 'na', 'n.a', 'n-a', 'nil']);
const FILLER_DOMAIN_LABEL = new Set(['email', 'mail', 'none', 'noemail', 'nomail', 'na', 'no', 'nil', 'null', 'test']);

/** The longest local part any filler test below can accept (those of SHORT_FILLER_LOCAL and the repeated-domain test are ≤ 3). */
const FILLER_LOCAL_MAX = Math.max(3, ...[...FILLER_LOCAL].map((l) => l.length));

function fillerEmail(lower: string, at: number): boolean {
  const plus = lower.indexOf('+');
  const end = plus > 0 && plus < at ? plus : at;
  // Most addresses' local part is longer than every filler word: no substrings for them (issue 21).
  if (end > FILLER_LOCAL_MAX) return false;
  const local = lower.slice(0, end);
  if (FILLER_LOCAL.has(local)) return true;
  const dot = lower.indexOf('.', at + 1);
  if (dot < 0) return false;
  const label = lower.slice(at + 1, dot);
  // `a@a.com`, `xx@xx.com`: a short local part repeated as the domain.
  if (local.length <= 3 && label === local) return true;
  // `no@email.com`, `na@none.com`: "no"/"n/a" is filler only with a filler domain, since `na@firm.com`
  // may be someone's initials.
  return SHORT_FILLER_LOCAL.has(local) && FILLER_DOMAIN_LABEL.has(label);
}

export const email: Detector = {
  id: 'email',
  kind: 'element',
  description: 'E-mail address (RFC 5321 limits, domain with alphabetic TLD), lower-cased',
  keywords: ['@', 'email', 'e-mail', 'mail', 'courriel', 'correo'],
  validate: validateEmail,
  sampleable: true,
  fixtures: {
    ok: ['jane.doe@example.com', 'UtaKortig@jourrapide.com', "o'brien+tag@mail.example.co.uk", 'na@acme-law.com', 'no@fjord.no'],
    ng: ['jane.doe@', '@example.com', 'jane@localhost', 'jane@example.c0m', 'jane doe@example.com', 'jane..doe@example.com', 'noemail@noemail.com', 'None@none.com', 'no@email.com', 'na@na.com', 'x@x.com', 'no-reply@shop.example'],
  },
};
