/**
 * Breach register export (pure). GDPR Art. 33(5): the controller documents every personal-data
 * breach — "the facts relating to the personal data breach, its effects and the remedial action
 * taken" — whether or not it was notified.
 */
import { toCsv } from './export-format.js';
import type { RegisterEntry } from './incidents.schema.js';

export const REGISTER_COLUMNS = [
  'incidentId',
  'title',
  'status',
  'severity',
  'categories',
  'detectedAt',
  'awareAt',
  'containedAt',
  'closedAt',
  'facts',
  'effects',
  'remedialAction',
  'gdprRisk',
  'notificationDecisions',
  'notifications',
] as const satisfies readonly (keyof RegisterEntry)[];

export function registerCsv(entries: RegisterEntry[]): string {
  return toCsv([...REGISTER_COLUMNS], entries as unknown as Record<string, unknown>[]);
}
