/**
 * Checks across fields of BreachFacts that a schema cannot express (issue 13 §7): impossible
 * orders of dates are errors where facts come in (CLI file, API body); the engine repeats them as
 * `warnings` in its output, so facts the product assembles itself are never silently trusted.
 */
import type { BreachFacts } from './facts.schema.js';

export interface FactsCheck {
  /** Impossible facts: the input is refused (exit 2 / HTTP 400). */
  errors: string[];
  /** Possible but suspect facts: reported with the answer. */
  warnings: string[];
}

/** Dates that cannot precede discovery of the breach (each field's meaning: docs/obligations-json.md). */
const NOT_BEFORE_DISCOVERY = [
  'awareAt',
  'determinedAt',
  'materialityDeterminedAt',
  'classifiedAt',
  'notifiabilityAssessedAt',
  'individualNoticeAt',
  'regulatorNoticeAt',
  'hhsNoticeAt',
] as const;

export const checkFacts = (f: BreachFacts, asOf?: Date): FactsCheck => {
  const errors: string[] = [];
  const warnings: string[] = [];
  const discovered = Date.parse(f.discoveredAt);
  const dates: Array<[string, string | undefined]> = [
    ...NOT_BEFORE_DISCOVERY.map((k): [string, string | undefined] => [k, f[k]]),
    ['risk.noHarmDeterminedAt', f.risk.noHarmDeterminedAt],
  ];
  for (const [field, value] of dates) {
    if (value !== undefined && Date.parse(value) < discovered)
      errors.push(`${field}: ${value} is before discoveredAt (${f.discoveredAt}) — nothing can be ${field === 'awareAt' ? 'known' : 'decided or sent'} about a breach before it is discovered`);
  }
  if (f.extortionPaidAt && Date.parse(f.extortionPaidAt) < discovered)
    warnings.push(`extortionPaidAt (${f.extortionPaidAt}) is before discoveredAt (${f.discoveredAt}): check both dates`);
  if (f.breach.acquisition === true && !f.breach.access)
    warnings.push('breach.acquisition is true but breach.access is false: acquiring data implies access to it');
  if (f.breach.keyCompromised === true && !f.breach.encrypted && !f.population.some((p) => p.encrypted))
    warnings.push('breach.keyCompromised is true but no data is marked encrypted');
  // 45 CFR 160.103: a business associate handles PHI "on behalf of" a covered entity; under state
  // laws a person that maintains data it does not own notifies the owner (Cal. Civ. Code
  // §1798.82(b); Tex. Bus. & Com. Code §521.053(c)), it does not notify the residents itself.
  if (f.controller.hipaa === 'business_associate' && f.controller.role === 'controller')
    warnings.push(
      'controller.hipaa is "business_associate" but controller.role is "controller": for data held on behalf of a covered entity the state laws ask the holder to notify the owner (role "processor"), not the residents; set role accordingly',
    );
  if (asOf) {
    const later = [['discoveredAt', f.discoveredAt] as [string, string | undefined], ...dates].filter(([, v]) => v !== undefined && Date.parse(v) > asOf.getTime());
    for (const [field, value] of later) warnings.push(`${field} (${value}) is after the as-of date: the answer uses the law of an earlier day`);
  }
  return { errors, warnings };
};
