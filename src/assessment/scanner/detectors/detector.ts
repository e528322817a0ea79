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
const PLACEHOLDERS = new Set([
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

/** First characters (lower-cased via | 0x20) of the placeholders above. */
const PLACEHOLDER_FIRST = new Set([...PLACEHOLDERS].filter(Boolean).map((p) => p.charCodeAt(0) | 0x20));

export function isPlaceholder(value: string | null | undefined): boolean {
  if (value == null) return true;
  // Hot path (every cell): real values are longer than any placeholder or start with another character.
  if (value.length > 16) return false;
  const c = value.charCodeAt(0) | 0x20;
  if (value.length > 0 && c > 32 && !PLACEHOLDER_FIRST.has(c)) return false;
  const v = value.trim();
  return v.length <= 12 && PLACEHOLDERS.has(v.toLowerCase());
}

/** Digits only (strips spaces, dashes, dots, slashes, parentheses). */
export function digitsOf(value: string): string {
  return value.replace(NON_DIGITS, '');
}
const NON_DIGITS = /\D+/g;

/** True when the value has only digits and the usual separators. */
export function isDigitsWithSeparators(value: string): boolean {
  return /^[\d\s\-./]+$/.test(value);
}

/** Luhn mod-10 (ISO/IEC 7812-1 Annex B), used by cards, Canada SIN and IMEI. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Shannon entropy in bits per character. */
export function shannon(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Every digit the same (000000000, 111-11-1111): never a real identifier. */
export function allSameDigit(digits: string): boolean {
  return digits.length > 0 && /^(\d)\1*$/.test(digits);
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
