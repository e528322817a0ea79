/**
 * New York — N.Y. Gen. Bus. Law §899-aa (SHIELD Act). reference/breach-law.md §6.2.
 * Versions: individuals "most expedient time" until 2024-12-20; within 30 days of discovery from
 * 2024-12-21 (S2659B, which also added DFS as a recipient); medical and health-insurance
 * information added to "private information" from 2025-03-21 (S2376B).
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { CREDENTIALS, HARBOUR_LOST_IF_KEY } from './us-common.js';

/** "Personal information" is any identifier, not only a name (§899-aa(1)(a)). */
const IDENTIFIERS: ElementId[] = ['person_name', 'email', 'phone', 'postal_address', 'date_of_birth', 'username'];
const withIdentifier = (els: ElementId[][]): ElementId[][] => IDENTIFIERS.flatMap((id) => els.map((e) => [id, ...e]));

const PRIVATE_2019: ElementId[][] = [
  ...withIdentifier([['us_ssn'], ['drivers_license'], ['national_id'], ['biometric'], ['payment_card', 'card_security_code'], ['bank_account', 'password']]),
  ...CREDENTIALS,
];
const PRIVATE_2025: ElementId[][] = [...PRIVATE_2019, ...withIdentifier([['health'], ['health_insurance']])];

const base = {
  jurisdiction: 'US-NY',
  regime: 'New York breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  riskGate: {
    kind: 'no_harm_determination' as const,
    documentationYears: 5,
    note: 'only for an inadvertent disclosure by persons authorised to access the data, determined not likely to result in misuse or harm (§899-aa(2)(a)); >500 residents: send the determination to the AG within 10 days',
  },
  citation: 'N.Y. Gen. Bus. Law §899-aa',
};

const trigger = (combos: ElementId[][]) => ({
  elements: { anyOf: [], combos },
  // An account or card number alone is private information if usable without a code.
  reviewElements: { anyOf: [], combos: withIdentifier([['payment_card'], ['bank_account']]) },
  breachMode: 'access' as const,
  encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
});

const CONTENT = [
  'contact information of the notifying business',
  'telephone numbers and websites of the relevant state and federal agencies for breach response and identity-theft prevention',
  'description of the categories of information accessed or acquired, specifying which elements',
];
const SUBSTITUTE = 'if cost > $250,000, > 500,000 persons, or insufficient contact information';
const V = 'reference/breach-law.md §6.2, statute text and 2024–25 amendments [verified] there (statute, covingtonblogs.com, shrm.org, alstonprivacy.com); not re-checked here';
const REG_AUTHORITY = {
  name: 'New York Attorney General, Department of State and Division of State Police',
};
const REG_AUTHORITY_2024 = {
  name: 'New York Attorney General, Department of State, Division of State Police and Department of Financial Services',
};

const individuals = (id: string, from: string, to: string | undefined, days: number | null, combos: ElementId[][]): RuleInput => ({
  ...base,
  id,
  recipient: 'individuals',
  authority: null,
  trigger: trigger(combos),
  threshold: null,
  clock: { anchor: 'discovery', amount: days, unit: 'calendar_days', urgency: 'most_expedient_time' },
  content: CONTENT,
  channels: ['written notice', 'electronic notice if consented', 'telephone notice with a log'],
  substituteNotice: SUBSTITUTE,
  notes:
    'A notice given under GLBA, HIPAA or 23 NYCRR 500 satisfies this duty to individuals; the regulator and CRA notices are still due (§899-aa(2)(b)).',
  effectiveFrom: from,
  ...(to ? { effectiveTo: to } : {}),
  verified: V,
});

const regulators = (id: string, from: string, to: string | undefined, authority: { name: string }, combos: ElementId[][]): RuleInput => ({
  ...base,
  id,
  recipient: 'regulator',
  authority,
  trigger: trigger(combos),
  threshold: { count: 1, comparator: '>=', counted: 'New York residents to be notified' },
  clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
  content: ['timing, content and distribution of the notices', 'approximate number of affected persons', 'copy of the template notice'],
  channels: ['AG online form', 'DOS and State Police by e-mail/post'],
  effectiveFrom: from,
  ...(to ? { effectiveTo: to } : {}),
  notes: 'Must not delay the notice to individuals; no day count in the statute.',
  verified: V,
});

export const usNyRules: RuleInput[] = [
  individuals('US-NY.individuals.2019', '2019-10-23', '2024-12-20', null, PRIVATE_2019),
  individuals('US-NY.individuals.2024', '2024-12-21', '2025-03-20', 30, PRIVATE_2019),
  individuals('US-NY.individuals.2025', '2025-03-21', undefined, 30, PRIVATE_2025),
  regulators('US-NY.regulator.2019', '2019-10-23', '2024-12-20', REG_AUTHORITY, PRIVATE_2019),
  regulators('US-NY.regulator.2024', '2024-12-21', '2025-03-20', REG_AUTHORITY_2024, PRIVATE_2019),
  regulators('US-NY.regulator.2025', '2025-03-21', undefined, REG_AUTHORITY_2024, PRIVATE_2025),
  {
    ...base,
    id: 'US-NY.regulator.no-harm',
    regime: 'New York breach-notification law (no-harm determination)',
    recipient: 'regulator',
    authority: { name: 'New York Attorney General' },
    trigger: trigger(PRIVATE_2025),
    riskGate: { kind: 'no_harm_determination_made', documentationYears: 5 },
    threshold: { count: 500, comparator: '>', counted: 'New York residents affected' },
    clock: { anchor: 'determination', amount: 10, unit: 'calendar_days' },
    content: ['the written no-harm determination'],
    effectiveFrom: '2019-10-23',
    citation: 'N.Y. Gen. Bus. Law §899-aa(2)(a)',
    verified: V,
  },
  {
    ...base,
    id: 'US-NY.credit_bureaus',
    recipient: 'credit_bureaus',
    authority: { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' },
    trigger: trigger(PRIVATE_2025),
    threshold: { count: 5000, comparator: '>', counted: 'New York residents notified at one time' },
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['timing, content and distribution of the notices', 'approximate number of affected persons'],
    effectiveFrom: '2019-10-23',
    citation: 'N.Y. Gen. Bus. Law §899-aa(8)(b)',
    verified: V,
  },
  {
    ...base,
    id: 'US-NY.regulator.hipaa-copy',
    regime: 'New York breach-notification law (HIPAA copy)',
    recipient: 'regulator',
    authority: { name: 'New York Attorney General' },
    appliesIf: ['hipaa_covered_entity'],
    // Required even when no "private information" is involved: any PHI breach notified to HHS.
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'access', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: { anchor: 'hhs_notice', amount: 5, unit: 'business_days' },
    content: ['copy of the notice sent to HHS'],
    effectiveFrom: '2019-10-23',
    citation: 'N.Y. Gen. Bus. Law §899-aa(9)',
    verified: V,
    notes: 'Only when a HIPAA breach notice is actually due to HHS; 5 business days counted on the New York State calendar.',
  },
];
