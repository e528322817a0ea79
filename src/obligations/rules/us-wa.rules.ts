/**
 * Washington — RCW 19.255.005/.010 (private entities). Versions: 45 days (2015 amendment, HB 1078)
 * until 2020-02-29; 30 days from 2020-03-01 (HB 1071). No CRA duty (a public dataset says
 * otherwise; the statute has none). Insurance licensees also notify the Insurance Commissioner
 * (WAC 284-04-625).
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, CHECKED_ON, CREDENTIALS, HARBOUR_LOST_IF_KEY, harmGate, namePlus, STORED_COPIES } from './us-common.js';
import { deemedFor } from './us-deemed-compliance.js';
import { substituteFields } from './us-notice-form.js';
import { substituteOf } from './us-substitute-notice.js';

const base = {
  jurisdiction: 'US-WA',
  regime: 'Washington breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: {
      anyOf: [],
      combos: [
        ...namePlus([
          'us_ssn',
          'drivers_license',
          'national_id',
          'date_of_birth',
          'passport_number',
          'health_insurance',
          'health',
          'biometric',
        ]),
        ...ACCOUNT_WITH_CODE,
        ...CREDENTIALS,
      ],
    },
    // Listed elements without the name count if sufficient for identity theft: a judgement.
    reviewElements: { anyOf: ['us_ssn', 'drivers_license', 'national_id', 'passport_number', 'biometric'] as ElementId[], combos: [] },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
  },
  riskGate: harmGate({
    basis: 'exception',
    standard: 'notice is not required if the breach of the security of the system is not reasonably likely to subject consumers to a risk of harm',
    cite: 'RCW 19.255.010(1)',
  }),
  citation: 'RCW 19.255.010',
  source: {
    url: 'https://app.leg.wa.gov/RCW/default.aspx?cite=19.255.010',
    title: 'RCW 19.255.010 (Disclosure, notice — Definitions — Rights, remedies), as amended by HB 1071 (2019)',
    checkedOn: CHECKED_ON,
    checkedAgainst: `${STORED_COPIES}: earlier-recorded checks of secondary summaries (Bloomberg Law summary: the harm standard, 30 days from 2020-03-01, AG above 500, no CRA duty; WAC 284-04-625's 2 business days). The element list and the 2015-07-24 start are recalled, not re-read`,
  },
};
const V =
  'Confirmed (Bloomberg Law summary): the "not reasonably likely to subject consumers to a risk of harm" exception; 45 days until 2020-02-29 and 30 days from 2020-03-01 for consumers and the AG; AG when more than 500 Washington residents; no CRA duty. Not re-read: the element list; 2015-07-24 as the start of the 45-day text.';
const AG = { name: 'Washington Attorney General' };
const AG_CONTENT = [
  'number of Washington consumers affected (or an estimate)',
  'types of personal information involved',
  'time frame of exposure (dates of breach and discovery)',
  'summary of containment steps',
  'sample copy of the notice, excluding personal information',
];
const IND_CONTENT = [
  'name and contact information of the notifier',
  'list of the types of personal information involved',
  'time frame of exposure, including dates of breach and discovery',
  'toll-free numbers and addresses of the major credit reporting agencies if SSN or DL/ID exposed',
];

export const usWaRules: RuleInput[] = [
  {
    ...base,
    id: 'US-WA.individuals.2015',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'RCW 19.255.010(8)(b): electronic notice consistent with E-SIGN, 15 U.S.C. §7001 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    ...substituteFields(substituteOf('WA')),
    deemedCompliance: deemedFor('WA', 'individuals'),
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: 45, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: IND_CONTENT,
    effectiveFrom: '2015-07-24',
    effectiveTo: '2020-02-29',
    verified: V,
  },
  {
    ...base,
    id: 'US-WA.individuals.2020',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'RCW 19.255.010(8)(b): electronic notice consistent with E-SIGN, 15 U.S.C. §7001 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    ...substituteFields(substituteOf('WA')),
    deemedCompliance: deemedFor('WA', 'individuals'),
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: 30, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: IND_CONTENT,
    effectiveFrom: '2020-03-01',
    supersedes: 'US-WA.individuals.2015',
    citation: 'RCW 19.255.010 as amended by HB 1071 (2019)',
    verified: V,
  },
  {
    ...base,
    id: 'US-WA.regulator.2015',
    recipient: 'regulator',
    authority: AG,
    threshold: { count: 500, comparator: '>', counted: 'Washington residents notified as a result of a single breach' },
    clock: { anchor: 'discovery', amount: 45, unit: 'calendar_days', relation: 'no_later_than_individuals' },
    content: ['sample copy of the notice, excluding personal information', 'number of Washington consumers affected'],
    effectiveFrom: '2015-07-24',
    effectiveTo: '2020-02-29',
    citation: 'RCW 19.255.010(15) (2015)',
    verified: V,
  },
  {
    ...base,
    id: 'US-WA.regulator.2020',
    recipient: 'regulator',
    authority: AG,
    threshold: { count: 500, comparator: '>', counted: 'Washington residents notified as a result of a single breach' },
    clock: { anchor: 'discovery', amount: 30, unit: 'calendar_days', relation: 'no_later_than_individuals' },
    content: AG_CONTENT,
    channels: ['electronic submission to the Attorney General'],
    notes: 'Update the AG as unknown information is learned.',
    effectiveFrom: '2020-03-01',
    supersedes: 'US-WA.regulator.2015',
    citation: 'RCW 19.255.010(7)–(8) as amended by HB 1071 (2019)',
    verified: V,
  },
  {
    ...base,
    id: 'US-WA.regulator.insurance',
    regime: 'Washington insurance data-breach rule',
    recipient: 'regulator',
    authority: { name: 'Washington Insurance Commissioner' },
    appliesIf: ['insurance_licensee'],
    threshold: null,
    clock: { anchor: 'determination', amount: 2, unit: 'business_days' },
    content: ['notice of the breach for which consumers must be notified'],
    effectiveFrom: '2020-03-01',
    citation: 'WAC 284-04-625',
    verified:
      'Confirmed (Bloomberg Law summary): the Insurance Commissioner within 2 business days of determining that consumers must be notified. Not confirmed: 2020-03-01 as the start of the WAC text in force (the rule may be older; check).',
  },
];
