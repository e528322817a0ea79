/**
 * Opaque keyset cursors for list routes: base64url JSON of the last row's sort key. A cursor comes
 * back from the client, so it is validated like any input: one of the wrong shape (crafted, or from
 * another list) is a 400 naming the cursor, never a query error (issue 19 §5).
 */
import type { z } from 'zod';
import { BadInputError } from './errors.js';

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const NOT_A_CURSOR = 'cursor: not a cursor from a previous page of this list';

/** Decodes and checks a cursor against the list's key schema; undefined when absent. */
export function decodeCursor<T>(cursor: string | null | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadInputError(NOT_A_CURSOR);
  }
  // NUL is refused by PostgreSQL text and never part of a key this store wrote.
  if (JSON.stringify(raw).includes('\\u0000')) throw new BadInputError(NOT_A_CURSOR);
  const r = schema.safeParse(raw);
  if (!r.success) throw new BadInputError(NOT_A_CURSOR);
  return r.data;
}
