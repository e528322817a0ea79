/**
 * Small shared pieces for the non-US rule files (EEA, UK, CA, AU, BR, SG, IN, JP, KR, CH, PH, KE).
 * Every rule cites the law it encodes (`citation`, `source`), never a document of this repository.
 */
import type { RuleInput } from '../rule.schema.js';

export const ANY_PERSONAL_DATA = { anyOf: [], combos: [] };
export const NO_HARBOUR = { applies: false, lostIfKeyCompromised: false };
export const HARBOUR = { applies: true, lostIfKeyCompromised: true };

/** The day these rule files were last checked against the sources named in each rule. */
export const CHECKED_ON = '2026-12-06';

/**
 * The first day the rule set answers for (issue 13 §5): every jurisdiction here has, for each day
 * from this one, either the duty then in force or an explicit "no duty existed" rule.
 */
export const RULE_SET_FROM = '2018-01-01';

/** The day before `isoDay` (YYYY-MM-DD), for the `effectiveTo` of the version a new text replaced. */
export const dayBefore = (isoDay: string): string => {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

type Source = NonNullable<RuleInput['source']>;

/** A `source` record checked on CHECKED_ON. */
export const source = (url: string, title: string, checkedAgainst: string): Source => ({
  url,
  title,
  checkedOn: CHECKED_ON,
  checkedAgainst,
});

/**
 * The period before a jurisdiction's first breach-notification law: an explicit answer
 * ("not required, because no such duty existed then") instead of an uncovered jurisdiction.
 */
export const noDutyBefore = (o: {
  id: string;
  jurisdiction: string;
  regime: string;
  /** First day of the law that created the duty; this rule ends the day before. */
  lawFrom: string;
  why: string;
  citation: string;
  source: Source;
  verified: string;
  scope?: RuleInput['scope'];
}): RuleInput => ({
  id: o.id,
  jurisdiction: o.jurisdiction,
  regime: o.regime,
  recipient: 'regulator',
  authority: null,
  scope: o.scope ?? { kind: 'residents' },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'no_duty', note: o.why },
  threshold: null,
  clock: { anchor: 'awareness', amount: null, unit: 'hours' },
  effectiveFrom: RULE_SET_FROM,
  effectiveTo: dayBefore(o.lawFrom),
  citation: o.citation,
  source: o.source,
  verified: o.verified,
});
