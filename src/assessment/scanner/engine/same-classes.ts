/**
 * One array per distinct list of column classes in a thread. Every batch of a table reaches a
 * detection thread with its own structured-cloned `classes` array, so record.ts `planFor`, which
 * keeps a table's per-column handlers by array identity, rebuilt them for every batch, and the
 * optimised `detectRecord` met the clones' object shapes batch after batch: V8 threw its code
 * away 3–4 times a thread ("wrong map" in the plan's `classes.filter` callbacks, then a
 * recompile of ≈ 30–120 ms each; `--trace-deopt`, bench/README.md, issue 21, branch start21b).
 * Handing detection the first array seen with the same content keeps one plan per table.
 */
import type { ColumnClass } from '../types.js';

/** Distinct lists kept; a scan has one per table (and per projection), archives a few hundred at most. */
const MAX_KEPT = 256;
const kept = new Map<string, ColumnClass[]>();

/** Exact content key: JSON with `undefined` and non-finite numbers kept apart from absent keys and null. */
function keyOf(classes: ColumnClass[]): string {
  return JSON.stringify(classes, (_k, v: unknown) =>
    v === undefined ? '\u0000undefined' : typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}` : v,
  );
}

/** The first array seen in this thread with the same content as `classes` (detection never changes one). */
export function sameClasses(classes: ColumnClass[]): ColumnClass[] {
  const key = keyOf(classes);
  const known = kept.get(key);
  if (known !== undefined) return known;
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, classes);
  return classes;
}
