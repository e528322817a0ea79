/**
 * The keys that link two records to one person (issue 20 §7, docs/scan-json.md "How people are
 * counted"). A strong identifier (e-mail, payment card, SSN/ITIN, national ID) links on its own,
 * wherever it occurs. A weak identifier — phone, postal address, name, date of birth — is shared
 * by households, switchboards and namesakes, so it never links alone: only a name together with
 * a phone, a birth date or an address does (composite keys, as record-linkage practice does:
 * Fellegi and Sunter 1969; the "name + DOB" blocking keys of the US Census Bureau's PVS).
 * A record whose only identifier is a phone (no name, no strong identifier) links only to other
 * such records with the same phone: it cannot merge two people who are otherwise told apart. A
 * name of one word ("Anna") links only with a phone, to the same word at the same phone: a
 * family's "Anna" and "Ben" at one landline are two people (review people22: they were one).
 *
 * Two records that each hold a strong identifier are never joined by a composite key: their own
 * identifiers decide (two customers named "John Smith" born on one day, with different e-mails,
 * are two people). A composite key only attaches records without a strong identifier — to each
 * other, and to the first record with one that shares the key (people.ts groupPartition).
 *
 * Link keys are blind-indexed like the values (their own namespace per kind), logged with the
 * record's id, and never reported as elements: their tags lie above the element vocabulary.
 */
import { ELEMENT_IDS, type ElementId, type ValueFinding } from '../types.js';

/** Elements that single out one person on their own. */
export const STRONG_IDS: ReadonlySet<ElementId> = new Set<ElementId>(['email', 'payment_card', 'us_ssn', 'us_itin', 'national_id']);

/**
 * Identifiers a customer list is matched on (customers.ts): the strong ones and the phone. A
 * phone match finds the customer, but links no two leaked records (see above).
 */
export const CUSTOMER_MATCH_IDS: ReadonlySet<ElementId> = new Set<ElementId>([...STRONG_IDS, 'phone']);

/**
 * Tags of the composite keys (after ELEMENT_IDS, below the reserved 254/255), as logged by a
 * record without a strong identifier; a record with one logs the same key with tag + STRONG_SOURCE.
 */
export const LINK_NAME_PHONE = 240;
export const LINK_NAME_DOB = 241;
export const LINK_NAME_ADDRESS = 242;
export const LINK_PHONE_ALONE = 243;
export const STRONG_SOURCE = 4;
if (ELEMENT_IDS.length >= LINK_NAME_PHONE) throw new Error('element tags overlap the link-key tags');

/**
 * Composite-key tags (people.ts groupPartition links them by the anchor rule): 1 for a key
 * logged by a record without a strong identifier, 2 for one logged by a record with one.
 */
export const COMPOSITE_TAGS = new Uint8Array(256);
for (let t = LINK_NAME_PHONE; t <= LINK_PHONE_ALONE; t++) {
  COMPOSITE_TAGS[t] = 1;
  COMPOSITE_TAGS[t + STRONG_SOURCE] = 2;
}

const tagOf = (e: ElementId) => ELEMENT_IDS.indexOf(e);
const PHONE = 'phone';

/** Tags that link records (the people index unions the records sharing one of these digests). */
export const LINK_TAGS = new Uint8Array(256);
for (const e of STRONG_IDS) LINK_TAGS[tagOf(e)] = 1;
for (let t = 0; t < 256; t++) if (COMPOSITE_TAGS[t]) LINK_TAGS[t] = 1;

/**
 * Tags logged with the record's id without linking it: the phone, so a customer row can still be
 * matched by phone (people.ts groupPartition keeps the first record per digest, links none).
 */
export const MATCH_ONLY_TAGS = new Uint8Array(256);
MATCH_ONLY_TAGS[tagOf(PHONE)] = 1;

/**
 * A name as a link-key part: case, accents, punctuation and word order do not matter ("Smith,
 * James" = "james smith" = "James  SMITH").
 */
export function nameKey(name: string): string {
  // ASCII names of one or two words (most of a customer export, and mostly distinct there): one pass, no memo.
  const fast = asciiNameKey(name);
  if (fast !== null) return fast;
  // Latin names ("O'Brien", "Núñez", "Dvořák"): a table per character, no memo either. Mostly
  // distinct in a leak, they missed the memo below (issue 21).
  const latin = latinWords(name);
  if (latin !== null) return sortedKey(latin);
  // Other scripts go through NFD and Unicode RegExps, the costly part: memoised.
  let k = nameKeys.get(name);
  if (k === undefined) {
    if (nameKeys.size >= 4096) nameKeys.clear();
    k = words(name).sort().join(' ');
    nameKeys.set(name, k);
  }
  return k;
}

/** `w.sort().join(' ')`: names have few words, so an insertion sort, by UTF-16 code units as sort() compares. */
function sortedKey(w: string[]): string {
  for (let i = 1; i < w.length; i++) {
    const x = w[i];
    let j = i - 1;
    for (; j >= 0 && w[j] > x; j--) w[j + 1] = w[j];
    w[j + 1] = x;
  }
  return w.join(' ');
}

/**
 * Latin letters that no Unicode decomposition takes to their base letter, as the ASCII an older
 * system or a keyboard without them writes (ICAO Doc 9303 Part 3 §6 transliterates them so for
 * passports: Ł → L, Ø → OE/O, ß → SS, Æ → AE, Þ → TH; here the one-letter forms where ICAO allows
 * both, since an export strips, it does not spell out): "Łukasz Żółć" = "Lukasz Zolc",
 * "Weiß" = "Weiss", "Ørsted" = "Orsted" (review people22: each was two people).
 */
const TRANSLIT: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ı: 'i', ŧ: 't', ĸ: 'k' };
const TRANSLIT_ANY = /[łøßæœđðþħıŧĸ]/;
const TRANSLIT_CHARS = /[łøßæœđðþħıŧĸ]/g;

/**
 * `s` without accents, lower-cased: compatibility decomposition (NFKD: also full-width `Ｊａｎｅ`
 * and ligatures `ﬁ`) with the combining marks dropped, then TRANSLIT.
 */
function fold(s: string): string {
  const f = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return TRANSLIT_ANY.test(f) ? f.replace(TRANSLIT_CHARS, (c) => TRANSLIT[c]) : f;
}

/**
 * Below U+0370 (Latin, IPA, combining diacritics) `words(s)` is the same per character: NFKD
 * decomposes each character on its own (canonical reordering only moves combining marks, which
 * are all dropped), and toLowerCase has no context rule there (Final_Sigma is Greek). So each
 * character's folded text — `fold`, as `words` does — and whether each
 * folded character is a letter or digit are worked out once, by the same calls, into tables.
 */
export const LATIN_END = 0x370;
/** FOLD[c]: `fold` of the character c (below LATIN_END). */
export const FOLD: string[] = [];
/** 1 when the character (below LATIN_END) is \p{L} or \p{N}. */
const WORD_CHAR = new Uint8Array(LATIN_END);
const IS_WORD = /^[\p{L}\p{N}]$/u;
for (let c = 0; c < LATIN_END; c++) {
  const ch = String.fromCharCode(c);
  FOLD.push(fold(ch));
  WORD_CHAR[c] = IS_WORD.test(ch) ? 1 : 0;
}
export const isWordChar = (ch: string, c: number) => (c < LATIN_END ? WORD_CHAR[c] === 1 : IS_WORD.test(ch));

/** `words(s)` for an `s` without a character from U+0370 on; null for any other string. */
function latinWords(s: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= LATIN_END) return null;
    const f = FOLD[c];
    for (let j = 0; j < f.length; j++) {
      const ch = f[j];
      if (isWordChar(ch, ch.charCodeAt(0))) cur += ch;
      else if (cur.length > 0) {
        out.push(cur);
        cur = '';
      }
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
const nameKeys = new Map<string, string>();

/** ASCII letter or digit (what \p{L}|\p{N} match among ASCII characters). */
const isAsciiWordChar = (c: number) => (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);

/**
 * The ASCII words of `s` (runs of letters and digits) as [from, to) pairs in WORD_BOUNDS, in one
 * pass without the RegExp split and its arrays: their count, or -1 when `s` is not ASCII.
 */
export function asciiWords(s: string): number {
  const n = s.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 128) return -1;
    if (!isAsciiWordChar(c)) {
      i++;
      continue;
    }
    const from = i;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d >= 128) return -1;
      if (!isAsciiWordChar(d)) break;
      i++;
    }
    WORD_BOUNDS[2 * count] = from;
    WORD_BOUNDS[2 * count + 1] = i;
    count++;
  }
  return count;
}
/** asciiWords' output (reused; no caller keeps it across calls). */
export const WORD_BOUNDS: number[] = [];

/**
 * `words(s).sort().join(' ')` for an ASCII `s` with at most two words: null for any other
 * string. Two ASCII words sort as the default sort compares them (UTF-16 units).
 */
function asciiNameKey(s: string): string | null {
  const count = asciiWords(s);
  if (count < 0 || count > 2) return null;
  if (count === 0) return '';
  const a = s.slice(WORD_BOUNDS[0], WORD_BOUNDS[1]).toLowerCase();
  if (count === 1) return a;
  const b = s.slice(WORD_BOUNDS[2], WORD_BOUNDS[3]).toLowerCase();
  return a <= b ? `${a} ${b}` : `${b} ${a}`;
}

/** An address as a link-key part: case, punctuation and spacing do not matter. */
export function addressKey(address: string): string {
  return asciiAddressKey(address) ?? (latinWords(address) ?? words(address)).join(' ');
}

/** `words(s).join(' ')` for an ASCII `s` (asciiWords); null for any other string. */
function asciiAddressKey(s: string): string | null {
  const count = asciiWords(s);
  if (count < 0) return null;
  let out = '';
  for (let w = 0; w < count; w++) {
    const word = s.slice(WORD_BOUNDS[2 * w], WORD_BOUNDS[2 * w + 1]);
    out = w === 0 ? word : `${out} ${word}`;
  }
  return out.toLowerCase();
}

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const NOT_ASCII_WORD = /[^a-z0-9]+/;

/**
 * The words of `s` without accents, lower-cased. An ASCII string has no accent to strip and its
 * letters and digits are exactly \p{L} and \p{N} there, so it skips NFD and the Unicode
 * property RegExps: names and streets are mostly ASCII, and mostly distinct in a customer export
 * (issue 21: ≈ 8 % of a worker on customers-us).
 */
function words(s: string): string[] {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 128) return fold(s).split(NOT_WORD).filter(Boolean);
  }
  return s.toLowerCase().split(NOT_ASCII_WORD).filter(Boolean);
}

/**
 * ITU-T E.164 country calling codes, as libphonenumber-js's metadata assigns them to countries
 * (every code validatePhone's values carry; link-keys.test.ts checks the list against it). The
 * codes are prefix-free (ITU-T E.164 §6.2.1), so the first one, two or three digits that are a
 * code are the code.
 */
const CALLING_CODES =
  '1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 ' +
  '211 212 213 216 218 220 221 222 223 224 225 226 227 228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249 ' +
  '250 251 252 253 254 255 256 257 258 260 261 262 263 264 265 266 267 268 269 290 291 297 298 299 350 351 352 353 354 355 356 357 358 359 ' +
  '370 371 372 373 374 375 376 377 378 380 381 382 383 385 386 387 389 420 421 423 500 501 502 503 504 505 506 507 508 509 590 591 592 593 ' +
  '594 595 596 597 598 599 670 672 673 674 675 676 677 678 679 680 681 682 683 685 686 687 688 689 690 691 692 850 852 853 855 856 880 886 ' +
  '960 961 962 963 964 965 966 967 968 970 971 972 973 974 975 976 977 992 993 994 995 996 998';
export const COUNTRY_CALLING_CODES: readonly string[] = CALLING_CODES.split(' ');
/** CODE_LENGTH[n] = the number of digits of code n (1–3), 0 when n is no code; by its digits as a number. */
const CODE_LENGTH = new Uint8Array(1000);
for (const c of COUNTRY_CALLING_CODES) CODE_LENGTH[Number(c)] = c.length;

/**
 * A phone (an E.164 value, `+33142685300`) as a part of the name + phone key: its national
 * significant number without the country code and without leading zeros (`142685300`). A number
 * written nationally is valid in several countries more often than not (`01 42 68 53 00` is a
 * Paris number and a German one, `030 9569 1588` a Berlin and a UK one); the scanner then claims
 * no country, and its E.164 value is the first region's (+49…), not the +33… that the same
 * person's number has where it was written internationally. Their national digits are the same
 * (the trunk 0 is not part of them, ITU-T E.164 §7; Italy's leading 0 is, hence the zeros
 * dropped), so the person links (review people22: French and some German national numbers were
 * two people). Two people of one full name whose phones in two countries share their national
 * digits would link too: far rarer than one person's number written both ways. The phone's own
 * value (distinctValues, customer matching, the phone-only key) keeps the country code.
 */
export function phoneKey(e164: string): string {
  const at = phoneKeyStart(e164);
  return at === 0 ? e164 : e164.slice(at);
}

/** Where phoneKey's part of `e164` starts (0: the whole string), so a caller can copy it without the slice (link-key-bytes.ts). */
export function phoneKeyStart(e164: string): number {
  if (e164.charCodeAt(0) !== 43) return 0;
  const d1 = e164.charCodeAt(1) - 48;
  const d2 = e164.charCodeAt(2) - 48;
  const d3 = e164.charCodeAt(3) - 48;
  let at = 0;
  if (CODE_LENGTH[d1] === 1) at = 2;
  else if (CODE_LENGTH[d1 * 10 + d2] === 2) at = 3;
  else if (CODE_LENGTH[d1 * 100 + d2 * 10 + d3] === 3) at = 4;
  else return 0;
  while (at < e164.length - 1 && e164.charCodeAt(at) === 48) at++;
  return at;
}

/** A record's first name, birth date and address, and its number of phones (linkParts). */
export interface LinkParts {
  name: string | null;
  phones: number;
  dob: string | null;
  address: string | null;
}
const PARTS: LinkParts = { name: null, phones: 0, dob: null, address: null };

/** The parts of `elements` its link keys are made of, in one object reused by the next call. */
export function linkParts(elements: readonly ValueFinding[]): LinkParts {
  const p = PARTS;
  p.name = null;
  p.phones = 0;
  p.dob = null;
  p.address = null;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    const el = e.element;
    if (el === PHONE) p.phones++;
    else if (el === 'person_name') p.name ??= e.value;
    else if (el === 'date_of_birth') p.dob ??= e.value;
    else if (el === 'postal_address') p.address ??= e.value;
  }
  return p;
}

/** Where a record's link keys go (batch.ts digests them): the key is `head` + NUL + `value`, or `value` alone when `head` is null. */
export interface LinkKeySink {
  key(namespace: string, head: string | null, value: string, tag: number): void;
}

/**
 * The composite link keys of one record, into `sink`: as many as it has, none when it has none.
 * `strong`: the record already holds a strong identifier (then a lone phone adds no key). Keys
 * come in element order for phones, then the birth date, then the address. Handed over in parts,
 * not as objects with a joined string: a customer export makes three a row (issue 21).
 */
export function eachLinkKey(elements: readonly ValueFinding[], strong: boolean, sink: LinkKeySink): void {
  const { name, phones, dob, address } = linkParts(elements);
  const n = name === null || (phones === 0 && dob === null && address === null) ? null : nameKey(name);
  if (n === null || n.length === 0) {
    // No name: a phone links alone, and only records without a strong identifier.
    if (phones === 0 || strong) return;
    for (let i = 0; i < elements.length; i++) if (elements[i].element === PHONE) sink.key('link:phone', null, elements[i].value, LINK_PHONE_ALONE);
    return;
  }
  if (phones > 0) for (let i = 0; i < elements.length; i++) if (elements[i].element === PHONE) sink.key('link:name+phone', n, phoneKey(elements[i].value), LINK_NAME_PHONE);
  // A single given name or surname ("Anna") links only with a phone (above): with a birth date or
  // an address it is far too common.
  if (n.indexOf(' ') === -1) return;
  if (dob !== null) sink.key('link:name+dob', n, dob, LINK_NAME_DOB);
  if (address !== null) {
    const a = addressKey(address);
    if (a.length > 0) sink.key('link:name+address', n, a, LINK_NAME_ADDRESS);
  }
}
