/**
 * Field values of a flow-log line as the readers take them (pure): counts, required strings, and
 * the same values computed from a field's digits where that is exact (zeek-tsv.ts). Zeek writes
 * `-` for an unset field and `(empty)` for an empty one (zeek-docs, logs/index: "#unset_field",
 * "#empty_field").
 */

export function count(v: string | undefined, field: string): number {
  if (v === undefined || v === '-' || v === '' || v === '(empty)') return 0;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${field}: "${v.slice(0, 40)}" is not a count`);
  return n;
}

export function need(v: string | undefined, field: string): string {
  if (v === undefined || v === '-' || v === '') throw new Error(`${field} missing`);
  return v;
}

/** 10^k, exact in a double for k ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `count(v, field)`, from the digits when `v` is 1–15 ASCII digits (below 2^53: exact, as
 * `Number` gives it); anything else (`-`, `(empty)`, a sign, an exponent, more digits) through
 * `count` itself.
 */
export function countDigits(v: string, field: string): number {
  const n = v.length;
  if (n === 0 || n > 15) return count(v, field);
  let x = 0;
  for (let i = 0; i < n; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return count(v, field);
    x = x * 10 + d;
  }
  return x;
}

/**
 * `Number(v)` for a plain decimal `123` or `123.456` (digits on both sides of one dot): its digits
 * as one integer, exact up to 2^53, divided by an exact power of ten. IEEE division rounds
 * correctly, and so does `Number` (V8's StringToDouble), so both give the double nearest the
 * decimal (W. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990: the fast path).
 * Anything else — a sign, an exponent, spaces, hex, more digits — through `Number`.
 */
export function decimal(v: string): number {
  const n = v.length;
  if (n === 0 || n > 17) return Number(v);
  let x = 0;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 46 && dot < 0 && i > 0 && i < n - 1) {
      dot = i;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return Number(v);
    x = x * 10 + d;
  }
  // Larger: the sum above may have rounded (a true value ≥ 2^53 never rounds below it).
  if (x > Number.MAX_SAFE_INTEGER) return Number(v);
  return dot < 0 ? x : x / POW10[n - 1 - dot]!;
}

/** Column numbers by name (the last of a name twice); VPC's `${field}` form named as `field`. */
export function columnIndex(fields: string[]): Record<string, number> {
  const r: Record<string, number> = {};
  fields.forEach((f, n) => {
    r[f.replace(/^\$\{|\}$/g, '')] = n;
  });
  return r;
}
