/**
 * Illinois — 815 ILCS 530 (Personal Information Protection Act). reference/breach-law.md §6.2.
 * No risk-of-harm exception; AG above 500 residents no later than the consumer notice; HIPAA
 * covered entities copy their HHS notice to the AG within 5 business days.
 */
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, CREDENTIALS, HARBOUR_LOST_IF_KEY, namePlus } from './us-common.js';

const base = {
  jurisdiction: 'US-IL',
  regime: 'Illinois breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: {
      anyOf: [],
      combos: [
        ...namePlus(['us_ssn', 'drivers_license', 'national_id', 'health', 'health_insurance', 'biometric']),
        ...ACCOUNT_WITH_CODE,
        ...CREDENTIALS,
      ],
    },
    // An account or card number alone counts if usable without a code.
    reviewElements: { anyOf: [], combos: namePlus(['payment_card', 'bank_account']) },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
  },
  riskGate: { kind: 'none' as const },
  citation: '815 ILCS 530/10',
};
const V = 'reference/breach-law.md §6.2: individual timing and content [verified] there (530/10 text); PI, AG duty, HIPAA copy and prohibited count [verify] — not re-checked against statute';

export const usIlRules: RuleInput[] = [
  {
    ...base,
    id: 'US-IL.individuals',
    recipient: 'individuals',
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: [
      'toll-free numbers and addresses of the consumer reporting agencies',
      'toll-free number, address and website of the FTC',
      'statement that the individual can obtain information on fraud alerts and security freezes from these sources',
      'for credential breaches: direct the person to change password and security question/answer',
    ],
    prohibitedContent: ['the number of Illinois residents affected'],
    effectiveFrom: '2020-01-01',
    verified: `${V}. Start 2020-01-01 (SB 1624 AG duty) from memory.`,
  },
  {
    ...base,
    id: 'US-IL.regulator',
    recipient: 'regulator',
    authority: { name: 'Illinois Attorney General' },
    threshold: { count: 500, comparator: '>', counted: 'Illinois residents affected by a single breach' },
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time', relation: 'no_later_than_individuals' },
    content: ['nature of the breach', 'number of Illinois residents affected', 'steps taken or planned'],
    effectiveFrom: '2020-01-01',
    citation: '815 ILCS 530/10(e)',
    verified: V,
  },
  {
    ...base,
    id: 'US-IL.regulator.hipaa-copy',
    regime: 'Illinois breach-notification law (HIPAA copy)',
    recipient: 'regulator',
    authority: { name: 'Illinois Attorney General' },
    appliesIf: ['hipaa_covered_entity'],
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'access', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    threshold: null,
    clock: { anchor: 'hhs_notice', amount: 5, unit: 'business_days' },
    content: ['copy of the notice sent to HHS'],
    effectiveFrom: '2020-01-01',
    citation: '815 ILCS 530/50',
    verified: V,
  },
];
