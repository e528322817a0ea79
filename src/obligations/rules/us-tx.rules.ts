/**
 * Texas — Tex. Bus. & Com. Code §§521.002, 521.053 (Identity Theft Enforcement and Protection Act).
 * reference/breach-law.md §6.2. Versions: AG 60 days from 2020-01-01 (HB 4390), 30 days from
 * 2023-09-01 (SB 768). The CRA duty counts all persons notified, not only Texans.
 */
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, HARBOUR_LOST_IF_KEY, namePlus } from './us-common.js';

const base = {
  jurisdiction: 'US-TX',
  regime: 'Texas breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    // §521.002(a)(2): name + SSN, DL/government ID, account/card + code; or information that
    // identifies an individual and relates to health, health care or payment for health care.
    elements: {
      anyOf: [],
      combos: [...namePlus(['us_ssn', 'drivers_license', 'national_id', 'health', 'health_insurance']), ...ACCOUNT_WITH_CODE],
    },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
  },
  riskGate: { kind: 'none' as const },
  citation: 'Tex. Bus. & Com. Code §521.053',
};
const V = 'reference/breach-law.md §6.2 and §6.1; no-RoH, CRA ">10,000 persons" and the 2020 60-day AG version [verified] there, the rest [verify] — not re-checked against statute';
const AG = { name: 'Texas Attorney General', portal: "Attorney General's electronic data-security-breach report form" };
const AG_CONTENT = [
  'detailed description of the nature and circumstances of the breach',
  'number of Texas residents affected',
  'number of affected residents notified by mail or other direct means',
  'measures taken and planned regarding the breach',
  'whether law enforcement is investigating',
];

export const usTxRules: RuleInput[] = [
  {
    ...base,
    id: 'US-TX.individuals',
    recipient: 'individuals',
    authority: null,
    threshold: null,
    clock: { anchor: 'determination', amount: 60, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['description of the breach', 'types of sensitive personal information involved', 'contact information'],
    channels: ['written notice', 'electronic notice'],
    effectiveFrom: '2020-01-01',
    verified: V,
  },
  {
    ...base,
    id: 'US-TX.regulator.2020',
    recipient: 'regulator',
    authority: AG,
    threshold: { count: 250, comparator: '>=', counted: 'Texas residents' },
    clock: { anchor: 'determination', amount: 60, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: AG_CONTENT,
    channels: ['AG electronic form'],
    effectiveFrom: '2020-01-01',
    effectiveTo: '2023-08-31',
    citation: 'Tex. Bus. & Com. Code §521.053(i) (HB 4390, 2019)',
    verified: V,
  },
  {
    ...base,
    id: 'US-TX.regulator.2023',
    recipient: 'regulator',
    authority: AG,
    threshold: { count: 250, comparator: '>=', counted: 'Texas residents' },
    clock: { anchor: 'determination', amount: 30, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: AG_CONTENT,
    channels: ['AG electronic form'],
    effectiveFrom: '2023-09-01',
    citation: 'Tex. Bus. & Com. Code §521.053(i) as amended by SB 768 (2023)',
    verified: V,
  },
  {
    ...base,
    id: 'US-TX.credit_bureaus',
    recipient: 'credit_bureaus',
    authority: { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' },
    // "more than 10,000 persons at one time" — all persons, not only Texas residents.
    scope: { kind: 'all' },
    threshold: { count: 10000, comparator: '>', counted: 'persons notified at one time (all, not only Texans)' },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['timing, distribution and content of the notices'],
    effectiveFrom: '2020-01-01',
    citation: 'Tex. Bus. & Com. Code §521.053(h)',
    verified: V,
  },
];
