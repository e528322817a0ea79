/**
 * The few fields the flow analyser reads from a Zeek conn.log JSON line, without `JSON.parse` of
 * the whole object (that builds every key and value of a dozen-field object per line: a third of
 * the Zeek JSON profile). Zeek writes the keys of a log in one order, leaving out unset fields, so
 * a file has few *shapes* (key sequences). The shape of a line that went through `JSON.parse` is
 * learned as one regular expression: exactly those keys in that order, each value a JSON scalar
 * (strings without escapes or control characters, numbers, true/false/null), no whitespace,
 * capturing the values read. A line it matches is exactly a flat object of those keys, so its
 * captured values are what `JSON.parse` gives; any other line (escapes, nested values, another
 * order, broken JSON) goes to `JSON.parse`. Equality with `JSON.parse`: fast-check, zeek-json.test.ts.
 * Tried first and dropped: a scanner in JavaScript (charCodeAt / indexOf) was slower than
 * `JSON.parse` (~800 against ~600 ns a line); one regular expression match is ~150 ns.
 */
import { decimal } from './fields.js';
import type { FlowRecord } from './records.js';

/** The fields read, by their conn.log names. */
type Field = 'ts' | 'id.orig_h' | 'id.resp_h' | 'id.resp_p' | 'proto' | 'orig_bytes' | 'orig_ip_bytes' | 'resp_bytes' | 'resp_ip_bytes';
export const FIELDS: readonly string[] = ['ts', 'id.orig_h', 'id.resp_h', 'id.resp_p', 'proto', 'orig_bytes', 'orig_ip_bytes', 'resp_bytes', 'resp_ip_bytes'] satisfies Field[];

const STRING = '"[^"\\\\\\u0000-\\u001f]*"';
const NUMBER = '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';
const SCALAR = `(?:${STRING}|${NUMBER}|true|false|null)`;
const PLAIN_KEY = /^[^"\\\u0000-\u001f]*$/;
/** Shapes kept a file: a log whose lines keep changing shape is left to JSON.parse. */
const MAX_SHAPES = 16;
/** Once this many lines missed every shape, and more than matched one, the file is JSON.parse's alone. */
const GIVE_UP = 1000;
/** Key sequences remembered as looked at (learned or not). */
const MAX_SEEN = 256;

interface Shape {
  re: RegExp;
  /** The field each capture group fills, in order. */
  fields: Field[];
  /** Its index in FIELDS, for each capture group. */
  slots: number[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A captured JSON scalar's value (strings have no escapes here). */
function scalar(s: string): unknown {
  const c = s.charCodeAt(0);
  if (c === 34) return s.slice(1, -1);
  if (c === 116) return true;
  if (c === 102) return false;
  if (c === 110) return null;
  // Integers and plain decimals (Zeek's ts: 1772410677.123456) from their digits where exact; a
  // sign, an exponent or more digits by Number (fields.ts). JSON.parse reads a number as Number does.
  return decimal(s);
}

export interface ZeekJsonScanner {
  /**
   * The record of a line of a learned shape, from its fields' values (in FIELDS order, `undefined`
   * where the line has not the field; one array reused, no object per line), or null: the caller
   * parses the line and calls `learn`.
   */
  scanRecord(line: string, record: (v: ArrayLike<unknown>) => FlowRecord): FlowRecord | null;
  /** Learns the shape of a line `JSON.parse` gave `parsed` for (kept only when it is flat and plain). */
  learn(parsed: unknown): void;
}

export function zeekJsonScanner(): ZeekJsonScanner {
  const shapes: Shape[] = [];
  let hits = 0;
  let misses = 0;
  const gaveUp = () => misses >= GIVE_UP && misses > hits;
  /** Key sequences already looked at (learned or not), so a shape is built once. */
  const seen = new Set<string>();
  /** The learned shape `line` matches, moved to the front (a file has one shape mostly): its match, or null. */
  const match = (line: string): RegExpExecArray | null => {
    if (gaveUp()) return null;
    for (let s = 0; s < shapes.length; s++) {
      const shape = shapes[s]!;
      const m = shape.re.exec(line);
      if (!m) continue;
      if (s > 0) {
        shapes[s] = shapes[0]!;
        shapes[0] = shape;
      }
      hits++;
      return m;
    }
    misses++;
    return null;
  };
  /** scanRecord's values by FIELDS index; `undefined` for a field the line has not. */
  const values: unknown[] = FIELDS.map(() => undefined);
  return {
    scanRecord(line, record) {
      const m = match(line);
      if (!m) return null;
      const shape = shapes[0]!;
      values.fill(undefined);
      for (let i = 0; i < shape.slots.length; i++) values[shape.slots[i]!] = scalar(m[i + 1]!);
      return record(values);
    },
    learn(parsed) {
      if (shapes.length >= MAX_SHAPES || seen.size >= MAX_SEEN || gaveUp() || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return;
      const o = parsed as Record<string, unknown>;
      const keys = Object.keys(o);
      // A nested value: this line says nothing about its shape's other lines.
      for (const k of keys) if (o[k] !== null && typeof o[k] === 'object') return;
      // A key sequence is looked at once: a line of a known shape that still needed JSON.parse (an escape, say) teaches nothing.
      const signature = keys.join('\u0000');
      if (seen.has(signature)) return;
      seen.add(signature);
      // Keys JSON.parse may have reordered (integer-like) or unescaped are not learned.
      if (keys.some((k) => !PLAIN_KEY.test(k) || /^\d+$/.test(k))) return;
      const fields = keys.filter((k): k is Field => FIELDS.includes(k));
      const parts = keys.map((k) => `"${escapeRe(k)}":${FIELDS.includes(k) ? `(${SCALAR})` : SCALAR}`);
      shapes.push({ re: new RegExp(`^\\{${parts.join(',')}\\}$`), fields, slots: fields.map((f) => FIELDS.indexOf(f)) });
    },
  };
}
