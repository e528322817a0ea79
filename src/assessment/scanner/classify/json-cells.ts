/**
 * Cells that hold a JSON object (RFC 8259 §4): a PostgreSQL `jsonb` column exported with COPY or
 * to CSV, an event table's `payload`, an audit log's `details`. Read as free text, their keys lost
 * their meaning: a 60,000-row export whose `payload` held each customer's name, e-mail, phone,
 * SSN, state and ZIP counted all 60,000 in bare `US` — none in their state, so no state's notice
 * counted them — and 48,000 addresses were not reported. Such a column is now flattened like an
 * NDJSON record (`payload.address.state`) and its keys classified as a table's columns are.
 */
import type { ColumnClass } from '../types.js';

/** Share of sampled values that must be JSON objects, and fewest values. */
const JSON_MIN_RATE = 0.8;
const JSON_MIN_VALUES = 3;
/** Most keys a JSON column is split into; more is no record but a document (read as text). */
export const JSON_MAX_KEYS = 256;
const MAX_DEPTH = 8;

export interface JsonCells {
  /** Dotted key paths, in the order of `classes`. */
  keys: string[];
  classes: ColumnClass[];
}

/** The object a cell holds, or null (not `{…}`, not JSON, or an array/scalar). */
export function parseObjectCell(v: string): Record<string, unknown> | null {
  const s = v.trim();
  if (s.length < 2 || s.charCodeAt(0) !== 123 || s.charCodeAt(s.length - 1) !== 125) return null;
  try {
    const o = JSON.parse(s) as unknown;
    return o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Scalars of `o` under their dotted paths (arrays by index: `phones.0`). */
export function flattenObject(o: unknown, into: Map<string, string>, prefix = '', depth = 0): void {
  if (o === null || o === undefined) return;
  if (typeof o !== 'object') {
    into.set(prefix, String(o));
    return;
  }
  if (depth >= MAX_DEPTH) {
    into.set(prefix, JSON.stringify(o));
    return;
  }
  const entries = Array.isArray(o) ? o.map((v, i) => [String(i), v] as const) : Object.entries(o as Record<string, unknown>);
  for (const [k, v] of entries) flattenObject(v, into, prefix ? `${prefix}.${k}` : k, depth + 1);
}

/**
 * The sampled values' keys and a sample table of them, when ≥ 80 % of ≥ 3 values are JSON
 * objects with at most JSON_MAX_KEYS keys in all; null otherwise.
 */
export function jsonSample(values: string[]): { keys: string[]; rows: (string | null)[][] } | null {
  if (values.length < JSON_MIN_VALUES) return null;
  const flats: Map<string, string>[] = [];
  const keys = new Map<string, number>();
  for (const v of values) {
    const o = parseObjectCell(v);
    if (!o) continue;
    const flat = new Map<string, string>();
    flattenObject(o, flat);
    for (const k of flat.keys()) if (!keys.has(k)) keys.set(k, keys.size);
    if (keys.size > JSON_MAX_KEYS) return null;
    flats.push(flat);
  }
  if (flats.length < JSON_MIN_RATE * values.length) return null;
  const order = [...keys.keys()];
  return { keys: order, rows: flats.map((f) => order.map((k) => f.get(k) ?? null)) };
}

/** A JSON cell as a row of `keys`, and the scalars under keys the sample did not have (read as text). */
export function jsonRow(keys: readonly string[], index: ReadonlyMap<string, number>, o: Record<string, unknown>): { row: (string | null)[]; rest: string } {
  const flat = new Map<string, string>();
  flattenObject(o, flat);
  // Pushed, not `new Array(n)`: a holey row would deoptimise detectRecord (row-kinds.test.ts).
  const row: (string | null)[] = [];
  for (let j = 0; j < keys.length; j++) row.push(null);
  let rest = '';
  for (const [k, v] of flat) {
    const j = index.get(k);
    if (j !== undefined) row[j] = v;
    else rest += `${rest ? '\n' : ''}${k}: ${v}`;
  }
  return { row, rest };
}
