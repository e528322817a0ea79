/**
 * Contact and device data: e-mail (contact-email.ts, re-exported here),
 * phone (libphonenumber-js's verdict, mostly computed by phone-fast.ts: the library runs ≈100k parses/s), IP
 * addresses, geolocation pairs and device identifiers (IMEI, MAC, advertising IDs).
 */
import { isIPv6 } from 'node:net';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ValueFinding } from '../types.js';
import { type Detector, digitsOf, element, luhn } from './detector.js';
import { FAST_PLAIN, type FastParsed, fastPhone } from './phone-fast.js';
import { cannotBeValidIn, PLAIN_NATIONAL } from './phone-regions.js';

export { email, validateEmail } from './contact-email.js';

/** Regions tried, in order, for numbers written without a country code (leaks rarely have one). */
export const PHONE_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'CH', 'AT', 'SE', 'DK', 'NO', 'FI', 'PT', 'IE', 'PL', 'BR', 'IN', 'AU', 'MX', 'CY', 'HU'];

const PHONE_SHAPE = /^(?:\+|00)?[\d\s().\-/]{6,24}(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?$/i;
/** An extension after the number (`x12`, `ext. 12`, `#12`): not part of the E.164 value. */
export const EXTENSION = /\s*(?:x|ext\.?|#)\s*\d{1,6}$/i;
/** Dates and times are digit groups too; libphonenumber would accept some of them in some region. */
const DATE_LIKE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]|$)/;
const CACHE_MAX = 200_000;
const NON_DIGITS = /\D/g;
const TEL_URI = /^tel:/i;
const EXT_PARAM = /^;ext=/i;

interface Parsed {
  finding: ValueFinding;
  cc: string;
  national: string;
}

function fastParsed(f: FastParsed): Parsed {
  return { finding: element('phone', `+${f.cc}${f.national}`, { country: f.country }), cc: f.cc, national: f.national };
}

/** `fastDigits`: every digit of `v` when `v` is plain (phone-fast.ts `FAST_PLAIN`), else null. */
function parseOne(v: string, region: CountryCode | undefined, fastDigits: string | null): Parsed | null {
  // The common formats get libphonenumber's verdict without its full parse (phone-fast.ts).
  const f = fastDigits === null ? undefined : fastPhone(fastDigits, region);
  if (f !== undefined) return f?.valid ? fastParsed(f) : null;
  libraryParses++;
  const p = parsePhoneNumberFromString(v, region);
  if (!p?.isValid()) return null;
  return { finding: element('phone', p.number, { country: p.country }), cc: p.countryCallingCode, national: p.nationalNumber };
}

/** libphonenumber's verdict on a national number given as its digits, in one region (phone-nanp.ts). */
export function phoneInRegion(digits: string, region: CountryCode): ValueFinding | null {
  return parseOne(digits, region, digits)?.finding ?? null;
}

/**
 * After the first region that accepts a national number, the others only decide whether a second
 * one does (then no country is claimed), so they may be tried in any order: those that accept
 * most numbers, and answer fastest, first. On issue 21's customers-us, 41 % of the phones have an
 * area code the US plan rejects; DE or GB accepts each, and the search for a second went on
 * through FR, ES, IT, NL, BE, CH until AT (≈ 1 µs), where IN, MX and BR accept them all in
 * ≈ 0.1 µs. Regions tried in list order before the first accept, as before. A number written with
 * a trunk prefix `0` (most of Europe's, India's) is another matter: IN, MX and BR reject most of
 * them, and AT accepts 97 % of those that a second region accepts, then FI, IT (a sample of 20,000
 * random 0-prefixed 9–12-digit numbers, phone23): AT first saves three regions (≈ 0.4 µs).
 */
const orderOf = (firsts: readonly CountryCode[]): readonly number[] => [
  ...firsts.map((r) => PHONE_REGIONS.indexOf(r)),
  ...PHONE_REGIONS.map((_, i) => i).filter((i) => !firsts.includes(PHONE_REGIONS[i])),
];
const SECOND_ORDER = orderOf(['IN', 'MX', 'BR', 'AT', 'DE']);
const SECOND_ORDER_TRUNK = orderOf(['AT', 'FI', 'IT', 'IN']);

/** The verdict of region `r` for a national number (see parsePhone for `plain`, `fastDigits`, `d`). */
function inRegion(v: string, r: CountryCode, plain: boolean, fastDigits: string | null, d: string): Parsed | null {
  // phone-fast.ts's verdict is the library's own, so for the inputs it follows the
  // cannot-be-valid test (a suffix RegExp tried at every position, there to spare library
  // parses) only costs: a random 10-digit national number passes it in most regions anyway
  // (issue 21). It still guards the inputs left to the library.
  const f = fastDigits === null ? undefined : fastPhone(fastDigits, r);
  if (f !== undefined) return f?.valid ? fastParsed(f) : null;
  if (plain && cannotBeValidIn(r, d)) return null;
  return parseOne(v, r, null);
}

/**
 * `d`: the digits of `v` (without an extension); used to skip regions that cannot accept them.
 * `plainKnown`: `v` is known to be plain (`plainDigits`), so the plain tests below are true.
 */
function parsePhone(v: string, intl: boolean, d: string, plainKnown = false): Parsed | null {
  if (intl) {
    const w = v.startsWith('00') ? `+${v.slice(2)}` : v;
    // `d` is then every digit after `+`/`00` (phone-fast.ts `FAST_PLAIN` holds for the rest).
    if (plainKnown) return parseOne(w, undefined, `+${d}`);
    return parseOne(w, undefined, FAST_PLAIN.test(w.slice(1)) ? `+${w.slice(1).replace(NON_DIGITS, '')}` : null);
  }
  // National format: the number is a phone if it is valid in one of the likely regions; the
  // country is only claimed when exactly one region accepts it (jurisdiction must not be guessed).
  // Skipping a region is exact only when `d` is every digit libphonenumber sees (phone-regions.ts).
  const plain = plainKnown || PLAIN_NATIONAL.test(v);
  // Then `d` is also every digit phone-fast.ts needs, computed once for all regions.
  const fastDigits = plainKnown || (plain && FAST_PLAIN.test(v)) ? d : null;
  let at = 0;
  let first: Parsed | null = null;
  for (; at < PHONE_REGIONS.length && first === null; at++) first = inRegion(v, PHONE_REGIONS[at], plain, fastDigits, d);
  // A NANP number parsed with US metadata already carries its own country (US, CA, …).
  if (first === null || at === 1) return first;
  for (const j of d.charCodeAt(0) === 48 ? SECOND_ORDER_TRUNK : SECOND_ORDER) {
    if (j >= at && inRegion(v, PHONE_REGIONS[j], plain, fastDigits, d) !== null) {
      delete first.finding.country;
      break;
    }
  }
  return first;
}

/**
 * Verdicts are not memoised by prefix. An earlier memo reused the verdict of the first number
 * seen with the same length and first 6 digits; libphonenumber's patterns look further than that
 * (Guernsey's and the Isle of Man's mobile ranges under +44 7…, NANP exchange codes), so the
 * verdict of a number depended on which number of its prefix a worker happened to see first, and
 * `--workers 2` reports differed from run to run (bench/README.md, issue 21). Now:
 *  - plain inputs (phone-fast.ts `FAST_PLAIN`) get the library's exact verdict from phone-fast.ts
 *    and phone-regions.ts, ≈ 0.3–2 µs a value (bench/README.md, phone23), and are not cached (a
 *    leak's phone column is mostly distinct values: a Map insert and the retained string cost
 *    more than recomputing);
 *  - values that reach libphonenumber itself (≈ 8 µs a region) are cached by their exact text in
 *    `exact`. Its verdict is a pure function of the value, so a hit gives what a recomputation
 *    would, whatever order values arrive in.
 */
const exact = new Map<string, ValueFinding | null>();
/** Counts libphonenumber parses, so validatePhone knows whether a verdict is worth caching. */
let libraryParses = 0;

function remember<K, V>(m: Map<K, V>, k: K, v: V): V {
  if (m.size >= CACHE_MAX) m.clear();
  m.set(k, v);
  return v;
}

/** Validate a phone number → E.164 value and (when unambiguous) its country. */
export function validatePhone(value: string): ValueFinding | null {
  let v = value.trim();
  // RFC 3966 `tel:+1-202-456-1111;ext=5`: the number without the scheme and its parameters
  // (`;ext=`, `;isub=`, `;phone-context=`); the visual separators are the ones PHONE_SHAPE takes.
  // A bare number with `;ext=` (what the URI form leaves in some exports) too.
  const c0 = v.charCodeAt(0);
  const uri = (c0 === 116 || c0 === 84) && TEL_URI.test(v);
  if (uri) v = v.slice(4);
  const semi = v.indexOf(';');
  if (semi > 0 && (uri || EXT_PARAM.test(v.slice(semi)))) v = v.slice(0, semi);
  if (v.length < 7 || v.length > 32) return null;
  // Most values are plain (digits, spaces and `( ) . - /` after an optional `+`): one pass finds
  // their digits and says what PHONE_SHAPE, the extension test and the plain tests would.
  const all = plainDigits(v);
  if (all === null) return validateWritten(v);
  const c = v.charCodeAt(0);
  const dbl = c === 48 && v.charCodeAt(1) === 48;
  // PHONE_SHAPE: 6–24 characters after `+`; after `00`, or the whole value (the `00` optional).
  if (c === 43 ? v.length > 25 : v.length > (dbl ? 26 : 24)) return null;
  if (DATE_LIKE.test(v)) return null;
  const d = dbl ? all.slice(2) : all;
  if (d.length < 7 || d.length > 15) return null;
  return verdictOf(v, c === 43 || dbl, d, true);
}

/** The digits of `v` when it is `+`? then only ASCII digits, spaces and `( ) . - /`, and holds no `(0)`; else null. */
function plainDigits(v: string): string | null {
  const n = v.length;
  let i = v.charCodeAt(0) === 43 ? 1 : 0;
  let out = '';
  let run = i;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    // space ( ) - . /
    if (c !== 32 && c !== 40 && c !== 41 && c !== 45 && c !== 46 && c !== 47) return null;
    // `(0)`: the trunk prefix written inside an international number; validateWritten drops it.
    if (c === 41 && i >= 2 && v.charCodeAt(i - 1) === 48 && v.charCodeAt(i - 2) === 40) return null;
    if (i > run) out += v.slice(run, i);
    run = i + 1;
  }
  if (n > run) out += v.slice(run, n);
  return out;
}

/**
 * Any value the plain path does not take (an extension, `(0)`, other white space, letters); on a
 * plain value it gives what the plain path gives (exported for that test, contact.test.ts).
 */
export function validateWritten(v: string): ValueFinding | null {
  if (!PHONE_SHAPE.test(v) || DATE_LIKE.test(v)) return null;
  // EXTENSION needs an 'x' (also in "ext") or a '#': most values have neither, so skip the replace.
  const body = v.indexOf('x') === -1 && v.indexOf('X') === -1 && v.indexOf('#') === -1 ? v : v.replace(EXTENSION, '');
  const intl = body[0] === '+' || body.startsWith('00');
  let d = digitsOf(intl ? body.replace('(0)', '') : body);
  if (body.startsWith('00')) d = d.slice(2);
  if (d.length < 7 || d.length > 15) return null;
  return verdictOf(v, intl, d, false);
}

function verdictOf(v: string, intl: boolean, d: string, plain: boolean): ValueFinding | null {
  if (exact.size > 0) {
    const hit = exact.get(v);
    if (hit !== undefined) return hit;
  }
  const before = libraryParses;
  const p = parsePhone(v, intl, d, plain);
  const f = p?.finding ?? null;
  if (libraryParses !== before) remember(exact, v, f);
  return f;
}

export const phone: Detector = {
  id: 'phone',
  kind: 'element',
  description: 'Phone number validated with libphonenumber-js; E.164 value and country',
  keywords: ['phone', 'tel', 'mobile', 'cell', 'fax', 'telefon', 'telephone', 'telefono', 'telefoon', 'celular'],
  validate: validatePhone,
  sampleable: true,
  // Alone (no header), only numbers that look written as phones: a + prefix or grouped digits.
  sample: (v) => /^(?:\+|00|\(?\d{2,5}\)?[\s.-]\d|tel:)/i.test(v.trim()) && !/^\d{3}-\d{2}-\d{4}$/.test(v.trim()) && digitsOf(v).length >= 8 && validatePhone(v) !== null,
  fixtures: {
    ok: ['+1 202-456-1111', '(602)272-9781', '+44 20 7219 3000', '+49 30 901820', '0049 30 901820', '+41 (0)96 471 07 95'],
    ng: ['12345', '+1-000-000-0000', 'call me', '2024-01-05', '+999 123 456 789'],
  },
};

/**
 * IPv4 and IPv6. Public addresses are `ip_address`. Addresses that never reach the internet are
 * counted apart as `ip_address_internal` with their kind (issue 20 §7: they were dropped silently):
 * `private` (RFC 1918, RFC 4193 fc00::/7 — in internal logs they still point to one device),
 * `shared` (RFC 6598 carrier-grade NAT 100.64/10), `loopback` (127/8, ::1), `link_local`
 * (169.254/16, fe80::/10) and `documentation` (RFC 5737, RFC 3849 2001:db8::/32). Not host
 * addresses at all, and dropped: unspecified 0/8 and ::, multicast 224/4 and ff00::/8, reserved
 * 240/4 and broadcast.
 */
export function validateIp(value: string): ValueFinding | null {
  const v = value.trim();
  // Without a ':' only an IPv4 address can be valid.
  if (v.indexOf(':') === -1) {
    const o = ipv4Octets(v);
    if (o === null) return null;
    if (o[0] === 0 || o[0] >= 224) return null;
    const kind = ipv4Kind(o);
    return kind ? element('ip_address_internal', v, { kind }) : element('ip_address', v);
  }
  if (v.includes(':') && v.length >= 3 && v.length <= 45 && isIPv6(v)) {
    const l = v.toLowerCase();
    if (l === '::' || l.startsWith('ff')) return null;
    const kind = ipv6Kind(l);
    return kind ? element('ip_address_internal', l, { kind }) : element('ip_address', l);
  }
  return null;
}

/**
 * The four octets of dotted-decimal `v` (`^\d{1,3}(\.\d{1,3}){3}$`, each ≤ 255 and without a
 * leading zero), or null; a character loop instead of a RegExp exec and four Number() calls, since
 * every line of a web-server log holds an address (issue 21).
 */
function ipv4Octets(v: string): number[] | null {
  const o = [0, 0, 0, 0];
  let part = 0;
  let len = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A fourth digit, or a digit after a leading 0.
      if (len === 3 || (len === 1 && o[part] === 0)) return null;
      o[part] = o[part] * 10 + c - 48;
      len++;
    } else if (c === 46 && len > 0 && part < 3) {
      part++;
      len = 0;
    } else return null;
  }
  if (part !== 3 || len === 0) return null;
  return o[0] > 255 || o[1] > 255 || o[2] > 255 || o[3] > 255 ? null : o;
}

function ipv4Kind(o: number[]): string | null {
  const [a, b, c] = o;
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link_local';
  if (a === 100 && b >= 64 && b <= 127) return 'shared';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'documentation';
  return null;
}

function ipv6Kind(l: string): string | null {
  if (l === '::1') return 'loopback';
  if (/^f[cd][0-9a-f]{0,2}:/.test(l)) return 'private';
  if (/^fe[89ab][0-9a-f]?:/.test(l)) return 'link_local';
  if (l.startsWith('2001:db8:') || l.startsWith('2001:0db8:')) return 'documentation';
  return null;
}

export const ipAddress: Detector = {
  id: 'ip_address',
  kind: 'element',
  description: 'IPv4/IPv6 address; private, loopback, link-local, shared and documentation ranges reported as ip_address_internal',
  keywords: ['ip', 'ip address', 'remote_addr', 'client ip'],
  validate: validateIp,
  sampleable: true,
  fixtures: {
    ok: ['106.31.73.20', '6e40:4041:c617:e898:c11:40d2:c669:2eb4', '2a00:1450:4001:81c::200e'],
    ng: ['0.0.0.0', '256.1.1.1', '01.2.3.4', '1.2.3', 'ff02::1', '::'],
  },
};

/** The same validator: a column of addresses may hold both kinds; findings carry their own element. */
export const ipAddressInternal: Detector = {
  id: 'ip_address_internal',
  kind: 'element',
  description: 'IP address that never reaches the internet (private, loopback, link-local, shared, documentation), with its kind',
  validate: (v) => {
    const f = validateIp(v);
    return f?.element === 'ip_address_internal' ? f : null;
  },
  fixtures: { ok: ['10.0.0.5', '127.0.0.1', '192.0.2.10', 'fe80::1ff:fe23:4567:890a', '::1'], ng: ['106.31.73.20', '0.0.0.0', 'ff02::1'] },
};

/** "lat,long" pairs (ISO 6709 decimal degrees) with at least 3 decimals; a single coordinate by column only. */
export function validateGeo(value: string): ValueFinding | null {
  const v = value.trim();
  const pair = /^\(?\s*(-?\d{1,2}\.\d{3,})\s*[,; ]\s*(-?\d{1,3}\.\d{3,})\s*\)?$/.exec(v);
  if (pair) {
    const lat = Number(pair[1]);
    const lon = Number(pair[2]);
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? element('geolocation', `${lat},${lon}`) : null;
  }
  if (/^-?\d{1,3}\.\d{2,}$/.test(v) && Math.abs(Number(v)) <= 180) return element('geolocation', v);
  return null;
}

export const geolocation: Detector = {
  id: 'geolocation',
  kind: 'element',
  description: 'Geolocation: latitude,longitude pairs (single coordinates by column context)',
  keywords: ['lat', 'lon', 'latitude', 'longitude', 'gps', 'coordinates', 'geo'],
  validate: validateGeo,
  sampleable: true,
  sample: (v) => /^\(?\s*-?\d{1,2}\.\d{4,}\s*[,;]\s*-?\d{1,3}\.\d{4,}\s*\)?$/.test(v.trim()) && validateGeo(v) !== null,
  fixtures: { ok: ['48.8584,2.2945', '(-33.8688, 151.2093)', '52.520008'], ng: ['91.1234,2.2945', '48,2', 'abc', '12'] },
};

const MAC = /^[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}$/;
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

export function validateDeviceId(value: string): ValueFinding | null {
  const v = value.trim();
  if (MAC.test(v)) {
    const l = v.toLowerCase().replace(/-/g, ':');
    return l === '00:00:00:00:00:00' || l === 'ff:ff:ff:ff:ff:ff' ? null : element('device_id', l, { kind: 'mac' });
  }
  // IMEI (3GPP TS 23.003): 14 digits + Luhn check digit.
  if (/^\d{2}[\d\s-]{13,16}$/.test(v)) {
    const d = digitsOf(v);
    return d.length === 15 && luhn(d) && !/^0+$/.test(d) ? element('device_id', d, { kind: 'imei' }) : null;
  }
  // IDFA / Android advertising ID: a UUID, by column context only (UUIDs are also record keys).
  if (UUID.test(v) && v !== '00000000-0000-0000-0000-000000000000') return element('device_id', v.toLowerCase(), { kind: 'uuid' });
  return null;
}

export const deviceId: Detector = {
  id: 'device_id',
  kind: 'element',
  description: 'Device identifier: IMEI (Luhn), MAC address, advertising ID/UUID (by context)',
  keywords: ['imei', 'mac address', 'idfa', 'gaid', 'device id', 'advertising id'],
  validate: validateDeviceId,
  sampleable: true,
  sample: (v) => MAC.test(v.trim()) && validateDeviceId(v) !== null,
  fixtures: {
    ok: ['490154203237518', '00:1A:2B:3C:4D:5E', '6D92078A-8246-4BA4-AE5B-76104861E7DC'],
    ng: ['490154203237519', '00:00:00:00:00:00', '00000000-0000-0000-0000-000000000000', 'hello'],
  },
};
