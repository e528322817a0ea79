/**
 * Colorado — C.R.S. §6-1-716 (HB 18-1128, effective 2018-09-01). reference/breach-law.md §6.2.
 * 30 days after determination for individuals and the AG ("500 or more"); CRAs above 1,000
 * ("more than 1,000"). Where another law sets a shorter deadline, the shorter one controls.
 */
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, CREDENTIALS, HARBOUR_LOST_IF_KEY, namePlus } from './us-common.js';

const base = {
  jurisdiction: 'US-CO',
  regime: 'Colorado breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: {
      anyOf: [],
      combos: [
        ...namePlus(['us_ssn', 'national_id', 'passport_number', 'drivers_license', 'health', 'health_insurance', 'biometric']),
        ...ACCOUNT_WITH_CODE,
        ...CREDENTIALS,
      ],
    },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
  },
  riskGate: {
    kind: 'no_harm_determination' as const,
    note: 'a good-faith investigation determined that misuse has not occurred and is not reasonably likely (§6-1-716(2))',
  },
  citation: 'C.R.S. §6-1-716',
};
const V = 'reference/breach-law.md §6.2: RoH wording, 30 days for individuals and content [verified] there (§6-1-716 text); AG "500 or more" and CRA comparator [verify] — not re-checked against statute';

export const usCoRules: RuleInput[] = [
  {
    ...base,
    id: 'US-CO.individuals',
    recipient: 'individuals',
    authority: null,
    threshold: null,
    clock: { anchor: 'determination', amount: 30, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: [
      'date, estimated date or date range of the breach',
      'description of the personal information acquired',
      'contact information of the entity',
      'toll-free numbers, addresses and websites of the consumer reporting agencies',
      'toll-free number, address and website of the FTC',
      'statement that the resident can obtain information on fraud alerts and security freezes from the FTC and the CRAs',
      'for credential breaches: direct the person to change password and security question/answer',
    ],
    substituteNotice: 'if cost > $250,000, > 250,000 Colorado residents, or insufficient contact information',
    notes: 'If another applicable law sets a shorter deadline, the shorter one controls.',
    effectiveFrom: '2018-09-01',
    verified: V,
  },
  {
    ...base,
    id: 'US-CO.regulator',
    recipient: 'regulator',
    authority: { name: 'Colorado Attorney General' },
    threshold: { count: 500, comparator: '>=', counted: 'Colorado residents' },
    clock: { anchor: 'determination', amount: 30, unit: 'calendar_days' },
    content: ['notice of the breach'],
    effectiveFrom: '2018-09-01',
    verified: V,
  },
  {
    ...base,
    id: 'US-CO.credit_bureaus',
    recipient: 'credit_bureaus',
    authority: { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' },
    threshold: { count: 1000, comparator: '>', counted: 'Colorado residents to be notified' },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['anticipated date of the notices', 'approximate number of residents to be notified'],
    notes: 'Not required for entities subject to GLBA Title V.',
    effectiveFrom: '2018-09-01',
    citation: 'C.R.S. §6-1-716(2)(d)',
    verified: `${V}. CRA comparator "more than 1,000" consistent with a public rules project quoting §6-1-716(2)(d) from the enacted HB18-1128 (found with the search tool); statute not opened directly.`,
  },
];
