/**
 * Illinois — 815 ILCS 530 (Personal Information Protection Act). No risk-of-harm exception.
 * Versions: the 2017 text (PA 99-503: medical, health-insurance, biometric data and credentials;
 * the HIPAA copy to the AG within 5 business days of the HHS notice); from 2020-01-01
 * (PA 101-0343) the AG above 500 residents, no later than the consumer notice.
 */
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, CHECKED_ON, CREDENTIALS, HARBOUR_LOST_IF_KEY, harmGate, namePlus, STORED_COPIES } from './us-common.js';
import { substituteFields } from './us-notice-form.js';
import { substituteOf } from './us-substitute-notice.js';
import { deemedFor } from './us-deemed-compliance.js';

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
  riskGate: harmGate(null),
  citation: '815 ILCS 530/10',
  source: {
    url: 'https://www.ilga.gov/legislation/publicacts/fulltext.asp?Name=101-0343',
    title: '815 ILCS 530/10 (Notice of breach; notice to Attorney General), as amended by Public Act 101-0343 (SB 1624)',
    checkedOn: CHECKED_ON,
    checkedAgainst: `${STORED_COPIES}: the text of Public Act 101-0343 on ilga.gov (§10(a) most expedient time and the notice contents; the AG notice for more than 500 residents no later than the consumer notice); Hunton, DisputeSoft and WBK (signed 2019-08-09, in force 2020-01-01). The element list, §50 (HIPAA copy) and its 2017-01-01 start are recalled, not re-read`,
  },
};
const V =
  'Confirmed (Public Act 101-0343): most expedient time; no risk-of-harm exception; from 2020-01-01 the AG when more than 500 Illinois residents are notified as a result of a single breach, no later than the consumer notice. Not re-read: the element list, the prohibited count, §50.';

export const usIlRules: RuleInput[] = [
  {
    ...base,
    id: 'US-IL.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: '815 ILCS 530/10(c)(2): electronic notice if consistent with E-SIGN, 15 U.S.C. §7001 (the same words read in 530/12(b)(2) for State agencies, Public Act 94-947 at ilga.gov): e-mail only with consent' },
    ...substituteFields(substituteOf('IL')),
    deemedCompliance: deemedFor('IL', 'individuals'),
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
    effectiveFrom: '2017-01-01',
    verified: `${V} The consumer notice is unchanged by PA 101-0343, so one rule covers 2017-01-01 onwards.`,
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
    deemedCompliance: deemedFor('IL', 'regulator'),
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
    effectiveFrom: '2017-01-01',
    citation: '815 ILCS 530/50',
    verified: V,
  },
];
