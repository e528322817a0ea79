/**
 * Small building blocks shared by rule files (any owner may use them): the trigger of regimes
 * whose trigger is the incident itself, and a `source` record builder with one check date.
 */
import type { RuleSource } from '../rule.schema.js';

/** The incident itself triggers the duty, with or without personal data (issue 13 §1). */
export const INCIDENT_TRIGGER = {
  subject: 'incident' as const,
  elements: { anyOf: [], combos: [] },
  breachMode: 'any' as const,
  encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false },
};

/** `source` records of one file, all checked on `checkedOn` (YYYY-MM-DD). */
export const sourcesCheckedOn =
  (checkedOn: string) =>
  (url: string, title: string, checkedAgainst: string): RuleSource => ({ url, title, checkedOn, checkedAgainst });
