/**
 * NDJSON lines read without `JSON.parse` where a line has a *shape* already seen: the same keys in
 * the same order, nested objects included, each leaf a JSON scalar. An export writes every record
 * with one serializer, so a file has few shapes; `JSON.parse` built every key and value of a
 * dozen-field object a line, then the flattener walked it through a trie of Maps (≈ a third of
 * the reading thread on issue 21's `ndjson` shape). As zeek-json-scan.ts does for Zeek logs, the
 * shape of a line that went through `JSON.parse` is learned as one regular expression — exactly
 * those keys in that order, each value a JSON scalar (a string, escapes allowed; a number;
 * true/false/null) captured, JSON whitespace between tokens where the teaching line had any — and
 * a line it matches is exactly an object of those keys, so its captured scalars are what
 * `JSON.parse` and the flattener give: a string's text (`JSON.parse` of the literal when it holds
 * an escape), `String(Number(text))` for a number (JSON.parse reads numbers as Number() does), and
 * 'true', 'false', null. Any other line (arrays, empty objects, keys that are integers — which
 * `JSON.parse` reorders —, another order, broken JSON) goes to `JSON.parse` as before.
 * Equality with `JSON.parse` + the flattener: fast-check, ndjson-shapes.test.ts.
 */
import type { JsonBatcher, PathNode } from './flatten.js';

/** Shapes kept a file: a file whose lines keep changing shape is left to JSON.parse. */
const MAX_SHAPES = 16;
/** Once this many lines missed every shape, and more than matched one, the file is JSON.parse's alone. */
const GIVE_UP = 1000;
/** Key sequences remembered as looked at (learned or not). */
const MAX_SEEN = 256;
/** Deeper or wider records are left to JSON.parse (the flattener walks 32 levels). */
const MAX_DEPTH = 8;
const MAX_LEAVES = 256;

/** JSON whitespace inside a line (RFC 8259 §2; the line has no LF). */
const WS = '[ \\t\\r]*';
/** A JSON string literal's inside: no raw `"`, `\` or control character, escapes as RFC 8259 §7 lists them. */
const STRING = '[^"\\\\\\u0000-\\u001f]*(?:\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\\\\u0000-\\u001f]*)*';
const NUMBER = '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';
/** Two captures a leaf: a string's inside, or any other scalar's text. */
const SCALAR = `(?:"(${STRING})"|(${NUMBER}|true|false|null))`;
/** Keys a shape may have: no escape to undo (a raw `"` or `\` in the pattern would accept lines JSON.parse reads otherwise). Integer-like keys (ordered first by JSON.parse) and `__proto__` are left out too, to be safe. */
const PLAIN_KEY = /^[^"\\\u0000-\u001f]*$/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export interface Shape {
  re: RegExp;
  /** Each leaf's path of keys, in the flattener's walk order (= the captures' order). */
  paths: string[][];
  /** The batcher's trie nodes of `paths` while `generation` is the batcher's. */
  nodes: PathNode[];
  generation: number;
}

/** Lines readNdjson skips (empty, or at most two characters of whitespace). */
export const isBlank = (l: string): boolean => l.length === 0 || (l.length < 3 && l.trim() === '');

/** A captured string's inside as `JSON.parse` gives it. */
export const stringText = (s: string): string => (s.indexOf('\\') === -1 ? s : (JSON.parse(`"${s}"`) as string));

/** A captured non-string scalar as the flattener's `scalar()` gives it after `JSON.parse`. */
export function scalarText(s: string): string | null {
  const c = s.charCodeAt(0);
  if (c === 116) return 'true';
  if (c === 102) return 'false';
  if (c === 110) return null;
  // A plain integer of up to 15 digits is its own text (JSON forbids leading zeros); "-0" and
  // anything with a sign, fraction or exponent go through Number.
  if (s.length <= 15 && c !== 45 && s.indexOf('.') === -1 && s.indexOf('e') === -1 && s.indexOf('E') === -1) return s;
  return String(Number(s));
}

/** The pattern of object `o` and its leaf paths, or null when it is not a learnable shape. */
function objectPattern(o: Record<string, unknown>, ws: string, prefix: string[], paths: string[][], depth: number): string | null {
  const keys = Object.keys(o);
  if (keys.length === 0 || depth > MAX_DEPTH) return null;
  const parts: string[] = [];
  for (const k of keys) {
    if (!PLAIN_KEY.test(k) || /^\d+$/.test(k) || k === '__proto__') return null;
    const v = o[k];
    const path = [...prefix, k];
    let p: string | null;
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) return null;
      p = objectPattern(v as Record<string, unknown>, ws, path, paths, depth + 1);
      if (p === null) return null;
    } else {
      if (paths.length >= MAX_LEAVES) return null;
      paths.push(path);
      p = SCALAR;
    }
    parts.push(`"${escapeRe(k)}"${ws}:${ws}${p}`);
  }
  return `\\{${ws}${parts.join(`${ws},${ws}`)}${ws}\\}`;
}

/** A key sequence's signature (nested objects bracketed), to build each shape once. */
function signature(o: Record<string, unknown>): string {
  let s = '{';
  for (const k of Object.keys(o)) {
    const v = o[k];
    s += `${k}\u0000${v !== null && typeof v === 'object' && !Array.isArray(v) ? signature(v as Record<string, unknown>) : ''}\u0001`;
  }
  return `${s}}`;
}

export class NdjsonShapes {
  private readonly shapes: Shape[] = [];
  private hits = 0;
  private misses = 0;
  private readonly seen = new Set<string>();
  private values: (string | null)[] = [];

  constructor(private readonly batch: JsonBatcher) {}

  private gaveUp(): boolean {
    return this.misses >= GIVE_UP && this.misses > this.hits;
  }

  /**
   * Adds `line` to the batch as `batch.add(JSON.parse(line), loc)` would, when it has a learned
   * shape; false otherwise (the caller parses it, adds it and calls `learn`).
   */
  add(line: string, loc: number): boolean {
    if (this.shapes.length === 0 || this.gaveUp()) return false;
    const shapes = this.shapes;
    for (let s = 0; s < shapes.length; s++) {
      const shape = shapes[s];
      const m = shape.re.exec(line);
      if (m === null) continue;
      if (shape.generation !== this.batch.generation && !this.resolve(shape)) return false;
      if (s > 0) {
        shapes[s] = shapes[0];
        shapes[0] = shape;
      }
      this.hits++;
      const values = this.values;
      const n = (m.length - 1) >> 1;
      values.length = n;
      for (let i = 0; i < n; i++) {
        const str = m[2 * i + 1];
        values[i] = str !== undefined ? stringText(str) : scalarText(m[2 * i + 2]);
      }
      this.batch.addLeaves(shape.nodes, values, loc);
      return true;
    }
    this.misses++;
    return false;
  }

  /**
   * For a whole block of lines (ndjson-block.ts): the shape every non-blank line of `lines` has,
   * counted as `add` would count them (hits, the shape moved first), or null — and nothing
   * counted — when one line has none or the shape's nodes are not in the batcher's trie (the
   * caller then adds the lines one by one). Only the shape a line matches can match it (a shape is
   * one key sequence), so testing the first line's shape on the rest decides as `add` would.
   */
  blockShape(lines: readonly string[], from: number, to: number, nonBlank: number): Shape | null {
    if (this.shapes.length === 0 || this.gaveUp()) return null;
    let i = from;
    while (i < to && isBlank(lines[i])) i++;
    if (i === to) return null;
    const shapes = this.shapes;
    let s = 0;
    while (s < shapes.length && !shapes[s].re.test(lines[i])) s++;
    if (s === shapes.length) return null;
    const shape = shapes[s];
    const re = shape.re;
    for (i++; i < to; i++) {
      const l = lines[i];
      if (!isBlank(l) && !re.test(l)) return null;
    }
    if (shape.generation !== this.batch.generation && !this.resolve(shape)) return null;
    if (s > 0) {
      shapes[s] = shapes[0];
      shapes[0] = shape;
    }
    this.hits += nonBlank;
    return shape;
  }

  /** The trie nodes of a shape's leaves, if the batcher has them all (it does once one such line was walked). */
  private resolve(shape: Shape): boolean {
    const nodes: PathNode[] = [];
    for (const p of shape.paths) {
      const n = this.batch.find(p);
      if (n === undefined) return false;
      nodes.push(n);
    }
    shape.nodes = nodes;
    shape.generation = this.batch.generation;
    return true;
  }

  /** Learns the shape of `line`, which `JSON.parse` read as `parsed` (and the batch has just walked). */
  learn(line: string, parsed: unknown): void {
    if (this.shapes.length >= MAX_SHAPES || this.seen.size >= MAX_SEEN || this.gaveUp()) return;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    const o = parsed as Record<string, unknown>;
    const sig = signature(o);
    if (this.seen.has(sig)) return;
    this.seen.add(sig);
    // Compact lines (JSON.stringify's own form, most exporters') get a pattern without
    // whitespace, a little faster; any other line one that allows it between tokens.
    const compact = JSON.stringify(o) === line;
    const paths: string[][] = [];
    const ws = compact ? '' : WS;
    const body = objectPattern(o, ws, [], paths, 0);
    if (body === null) return;
    const shape: Shape = { re: new RegExp(`^${ws}${body}${ws}$`), paths, nodes: [], generation: -1 };
    if (this.resolve(shape)) this.shapes.push(shape);
  }
}
