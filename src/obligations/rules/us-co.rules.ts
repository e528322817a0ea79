/**
 * Colorado — C.R.S. §6-1-716. Versions: before 2018-09-01 the 2006 text (most expedient time, no
 * AG notice, CRAs above 1,000); from 2018-09-01 (HB 18-1128) 30 days after the determination for
 * individuals and the AG ("500 or more"). Where another law sets a shorter deadline, the shorter one
 * controls.
 */
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, BASELINE_COMBOS, CHECKED_ON, CREDENTIALS, HARBOUR_LOST_IF_KEY, harmGate, namePlus, STORED_COPIES } from './us-common.js';
import { substituteFields } from './us-notice-form.js';
import { substituteOf } from './us-substitute-notice.js';
import { deemedFor } from './us-deemed-compliance.js';

const HARM = {
  basis: 'exception' as const,
  standard:
    'after a prompt good-faith investigation, notice is owed "unless the investigation determines that the misuse of information about a Colorado resident has not occurred and is not reasonably likely to occur"',
  cite: 'C.R.S. §6-1-716(2)(a)',
};

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
    // Needs counsel: since HB 18-1128 an account or card number with its code may be personal
    // information with no name beside it (§6-1-716(1)(g)(I)(C) as summarised: "even when not linked
    // with a Colorado resident's name", Lewis Brisbois, May 2018); the enacted text was not read here,
    // so without a name the answer is review, not "not required".
    reviewElements: { anyOf: [], combos: ACCOUNT_WITH_CODE.map((c) => c.filter((e) => e !== 'person_name')) },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
  },
  riskGate: harmGate(HARM),
  citation: 'C.R.S. §6-1-716',
  source: {
    url: 'https://leg.colorado.gov/bills/hb18-1128',
    title: 'C.R.S. §6-1-716 (Notification of security breach), as amended by HB 18-1128',
    checkedOn: CHECKED_ON,
    checkedAgainst: `${STORED_COPIES}: earlier-recorded checks of secondary summaries of the §6-1-716 text (the misuse standard, 30 days after determination, content, substitute notice); a public rules project quoting §6-1-716(2)(d) from the enacted HB 18-1128 (CRAs "more than 1,000"). The AG's "500 or more" is from two datasets; the 2006 text is recalled, not re-read. The official C.R.S. is published by LexisNexis; the bill page is linked`,
  },
};
const V =
  'Confirmed (statute text as quoted in secondary summaries): the misuse standard; 30 days after the determination for residents from 2018-09-01; CRAs above 1,000 (HB 18-1128 as quoted). Not confirmed: the AG\'s "500 or more" comparator (two datasets agree); an account or card number with its code and no name (answers review; Lewis Brisbois 2018 summary: "even when not linked with a Colorado resident\'s name").';

/** The text in force before HB 18-1128 (2006-09-01 – 2018-08-31): baseline definition, no day count, no AG. */
const BEFORE_2018: RuleInput[] = [
  {
    ...base,
    id: 'US-CO.individuals.2006',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent_or_primary', basis: 'C.R.S. §6-1-716(1)(f)(III): electronic notice if a primary means of communication by the covered entity with the resident is by electronic means, or consistent with E-SIGN, 15 U.S.C. §7001 (quoted in the rule’s channels text)' },
    ...substituteFields(substituteOf('CO')),
    deemedCompliance: deemedFor('CO', 'individuals'),
    authority: null,
    trigger: { ...base.trigger, reviewElements: undefined, elements: { anyOf: [], combos: BASELINE_COMBOS } },
    threshold: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['description of the breach', 'types of information'],
    effectiveFrom: '2006-09-01',
    effectiveTo: '2018-08-31',
    verified: 'The 2006 text (recalled, not re-read): most expedient time, the same misuse standard, CRAs above 1,000, no AG notice; personal information = name + SSN, DL/ID or account + code.',
  },
  {
    ...base,
    id: 'US-CO.credit_bureaus.2006',
    recipient: 'credit_bureaus',
    authority: { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' },
    trigger: { ...base.trigger, reviewElements: undefined, elements: { anyOf: [], combos: BASELINE_COMBOS } },
    threshold: { count: 1000, comparator: '>', counted: 'Colorado residents to be notified' },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['anticipated date of the notices', 'approximate number of residents to be notified'],
    effectiveFrom: '2006-09-01',
    effectiveTo: '2018-08-31',
    citation: 'C.R.S. §6-1-716(2)(d) (2006)',
    verified: 'The 2006 text (recalled, not re-read).',
  },
];

export const usCoRules: RuleInput[] = [
  ...BEFORE_2018,
  {
    ...base,
    id: 'US-CO.individuals',
    supersedes: 'US-CO.individuals.2006',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent_or_primary', basis: 'C.R.S. §6-1-716(1)(f)(III): electronic notice if a primary means of communication by the covered entity with the resident is by electronic means, or consistent with E-SIGN, 15 U.S.C. §7001 (quoted in the rule’s channels text)' },
    ...substituteFields(substituteOf('CO')),
    deemedCompliance: deemedFor('CO', 'individuals'),
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
    // §6-1-716(1)(f) "Notice" (read in a stored copy of the current text, counselstack.com): (III)
    // "Electronic notice, if a primary means of communication by the covered entity with a Colorado
    // resident is by electronic means or the notice provided is consistent with the provisions
    // regarding electronic records and signatures set forth in the federal 'Electronic Signatures in
    // Global and National Commerce Act', 15 U.S.C. sec. 7001 et seq." — e-mail is not notice otherwise.
    channels: [
      'written notice to the postal address in the records',
      'telephonic notice',
      'electronic notice only if electronic means are a primary means of communication with the resident or the notice is consistent with E-SIGN (15 U.S.C. §7001)',
      'substitute notice where permitted',
    ],
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
    supersedes: 'US-CO.credit_bureaus.2006',
    recipient: 'credit_bureaus',
    authority: { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' },
    threshold: { count: 1000, comparator: '>', counted: 'Colorado residents to be notified' },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['anticipated date of the notices', 'approximate number of residents to be notified'],
    notes: 'Not required for entities subject to GLBA Title V.',
    effectiveFrom: '2018-09-01',
    citation: 'C.R.S. §6-1-716(2)(d)',
    verified: V,
  },
];
