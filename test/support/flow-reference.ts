/**
 * The field conversions of the flow readers as they were before the shape paths (records.ts,
 * 2026-12-07), frozen here for the property tests that compare each fast reader with its old
 * split reader (nfdump.test.ts, zeek-tsv.test.ts, vpc.test.ts): a change to fields.ts must not
 * change the reference too.
 */
import type { FlowRecord } from '../../src/confirm/flows/records.js';

export const count = (v: string | undefined, field: string): number => {
  if (v === undefined || v === '-' || v === '' || v === '(empty)') return 0;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${field}: "${v.slice(0, 40)}" is not a count`);
  return n;
};

export const need = (v: string | undefined, field: string): string => {
  if (v === undefined || v === '-' || v === '') throw new Error(`${field} missing`);
  return v;
};

/** A reader's answer to one line: the record, or the error's message (toEqual tells -0 from 0). */
export const outcome = (f: () => FlowRecord | null): { ok: FlowRecord | null } | { error: string } => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};
