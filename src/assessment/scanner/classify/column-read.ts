/**
 * Which classified columns per-record detection reads. Kept apart from record.ts (which loads
 * every detector) so the engine can project worker batches without loading the detectors.
 */
import type { ColumnClass } from '../types.js';

/** Whether `detectRecord` reads this column at all (others can be left out of worker batches). */
export function columnIsRead(c: ColumnClass): boolean {
  return Boolean(c.element || c.secret || c.freeText || c.geo || c.residual || c.json);
}
