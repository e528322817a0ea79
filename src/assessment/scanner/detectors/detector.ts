/**
 * The shape every detector has (secretlint style: a small object with metadata and ok/ng fixtures)
 * plus the small pure helpers several detector families share. No I/O.
 */
import type { ElementId, SecretFinding, SecretType, ValueFinding } from '../types.js';

export interface Detector {
  id: ElementId | SecretType;
  kind: 'element' | 'secret';
  description: string;
  /** Literal lower-case keywords/anchors for the free-text prefilter (and header context). */
  keywords?: string[];
  /** Validate + normalise one candidate value (column mode). null when the value is not this. */
  validate(value: string): ValueFinding | SecretFinding | null;
  /**
   * Whether a column may be classified as this detector from its values alone (no header hint).
   * Weak shapes (bare 9-digit numbers, bare hex digests, any non-empty string) must not: they
   * would turn order numbers and checksums into SSNs and password hashes. Absent = false.
   */
  sampleable?: boolean;
  /** Stricter per-value test used for value-only sampling; defaults to `validate`. */
  sample?(value: string): boolean;
  fixtures: { ok: string[]; ng: string[] };
}

/** Cell values that mean "nothing here" in leaks and exports. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '',
  '-',
  '--',
  '_',
  '.',
  '?',
  '0',
  'n/a',
  'na',
  'n.a.',
  'none',
  'null',
  'nil',
  'undefined',
  'nan',
  'unknown',
  'empty',
  'tbd',
  'xxx',
  'redacted',
  '\\n',
  '[null]',
  '(null)',
]);

/**
 * First characters (lower-cased via | 0x20) of the placeholders above, as a table over ASCII: it
 * is read for every cell of a table (a Set lookup was ≈ 2–4 % of a detection thread, issue 21).
 */
const PLACEHOLDER_FIRST = new Uint8Array(128);
for (const p of PLACEHOLDERS) if (p) PLACEHOLDER_FIRST[p.charCodeAt(0) | 0x20] = 1;
/** Whether a placeholder starts with c (any case); every placeholder is ASCII. */
const placeholderFirst = (c: number) => c < 128 && PLACEHOLDER_FIRST[c | 0x20] === 1;
/** Longest placeholder ('undefined'): a trimmed value longer than this is never one. */
const PLACEHOLDER_MAX = Math.max(...[...PLACEHOLDERS].map((p) => p.length));

/** Printable ASCII other than space: such an edge character means `trim()` would change nothing. */
const solid = (c: number) => c > 32 && c < 127;

export function isPlaceholder(value: string | null | undefined): boolean {
  if (value == null) return true;
  // Hot path (every cell): real values are longer than any placeholder or start with another character.
  const n = value.length;
  if (n > 16) return false;
  if (n === 0) return true;
  const c = value.charCodeAt(0);
  if (solid(c) && solid(value.charCodeAt(n - 1))) {
    // Nothing to trim: decide on length and first letter before lower-casing (no allocation).
    if (n > PLACEHOLDER_MAX || !placeholderFirst(c)) return false;
    return PLACEHOLDERS.has(value) || PLACEHOLDERS.has(value.toLowerCase());
  }
  if ((c | 0x20) > 32 && !placeholderFirst(c)) return false;
  const v = value.trim();
  return v.length <= 12 && PLACEHOLDERS.has(v.toLowerCase());
}

/** ASCII 0-9 (what `\d` matches without the `u` flag). */
export const isDigit = (c: number) => c >= 48 && c <= 57;

/** Digits only (strips spaces, dashes, dots, slashes, parentheses). ASCII digits, as `\D` means. */
export function digitsOf(value: string): string {
  const n = value.length;
  let i = 0;
  while (i < n && isDigit(value.charCodeAt(i))) i++;
  // Already all digits (card and account columns): the value itself, no copy.
  if (i === n) return value;
  // Copy runs of digits (a handful per value) rather than one character at a time.
  let out = value.slice(0, i);
  while (i < n) {
    while (i < n && !isDigit(value.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isDigit(value.charCodeAt(i))) i++;
    if (i > start) out += value.slice(start, i);
  }
  return out;
}

/** True when the value has only digits and the usual separators. */
export function isDigitsWithSeparators(value: string): boolean {
  return /^[\d\s\-./]+$/.test(value);
}

/** Luhn's doubled digit (2d, minus 9 when above 9), indexed by d & 15 (non-digits are rejected separately). */
export const LUHN_DOUBLE: readonly number[] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9, 0, 0, 0, 0, 0, 0];

/** Luhn mod-10 (ISO/IEC 7812-1 Annex B), used by cards, Canada SIN and IMEI. False unless all ASCII digits. */
export function luhn(digits: string): boolean {
  // Two digits per step from the right (the left one doubled); `bad` goes negative on a non-digit.
  let sum = 0;
  let bad = 0;
  let i = digits.length - 1;
  for (; i > 0; i -= 2) {
    const a = digits.charCodeAt(i) - 48;
    const b = digits.charCodeAt(i - 1) - 48;
    bad |= a | b | (9 - a) | (9 - b);
    sum += a + LUHN_DOUBLE[b & 15];
  }
  if (i === 0) {
    const a = digits.charCodeAt(0) - 48;
    bad |= a | (9 - a);
    sum += a;
  }
  return bad >= 0 && digits.length > 0 && sum % 10 === 0;
}

const ENTROPY_COUNTS = new Int32Array(128);
const ENTROPY_ORDER = new Uint8Array(128);

/** Shannon entropy in bits per character. */
export function shannon(value: string): number {
  if (value.length === 0) return 0;
  // ASCII (every credential): counts in a reused table, summed in order of first appearance — the
  // same sum as the Map below, without a Map per call (secret-dense text calls this per match).
  const n = value.length;
  let distinct = 0;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (ENTROPY_COUNTS[c]++ === 0) ENTROPY_ORDER[distinct++] = c;
  }
  if (ascii) {
    let h = 0;
    for (let k = 0; k < distinct; k++) {
      const c = ENTROPY_ORDER[k];
      const p = ENTROPY_COUNTS[c] / n;
      h -= p * Math.log2(p);
      ENTROPY_COUNTS[c] = 0;
    }
    return h;
  }
  for (let k = 0; k < distinct; k++) ENTROPY_COUNTS[ENTROPY_ORDER[k]] = 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Every digit the same (000000000, 111-11-1111): never a real identifier. */
export function allSameDigit(digits: string): boolean {
  const n = digits.length;
  if (n === 0) return false;
  const c = digits.charCodeAt(0);
  if (!isDigit(c)) return false;
  for (let i = 1; i < n; i++) if (digits.charCodeAt(i) !== c) return false;
  return true;
}

export function element(
  el: ElementId,
  value: string,
  extra?: { kind?: string; country?: string },
): ValueFinding {
  const f: ValueFinding = { element: el, value };
  if (extra?.kind) f.kind = extra.kind;
  if (extra?.country) f.country = extra.country;
  return f;
}
