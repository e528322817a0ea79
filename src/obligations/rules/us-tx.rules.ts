/**
 * Texas — Tex. Bus. & Com. Code §§521.002, 521.053 (Identity Theft Enforcement and Protection Act).
 * Versions: "as quickly as possible" and no AG notice until 2019-12-31; from 2020-01-01 (HB 4390)
 * individuals and the AG (at least 250 Texans) within 60 days of the determination; from 2023-09-01
 * (SB 768) the AG within 30 days. The CRA duty counts all persons notified, not only Texans.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, CHECKED_ON, HARBOUR_LOST_IF_KEY, harmGate, namePlus, STORED_COPIES } from './us-common.js';
import { deemedFor } from './us-deemed-compliance.js';
import { substituteFields } from './us-notice-form.js';
import { substituteOf } from './us-substitute-notice.js';

const base = {
  jurisdiction: 'US-TX',
  regime: 'Texas breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    // §521.002(a)(2)(A): name + SSN, "driver's license number or government-issued identification
    // number" (a passport number and an ITIN are numbers a government issues to identify a person),
    // account/card + code; (B) "information that identifies an individual and relates to" health,
    // health care or payment for it.
    elements: {
      anyOf: [],
      combos: [
        ...namePlus(['us_ssn', 'drivers_license', 'national_id', 'passport_number', 'us_itin', 'health', 'health_insurance']),
        ...ACCOUNT_WITH_CODE,
      ],
    },
    // Needs counsel: (B) does not ask for a name — whether an e-mail address, phone number, postal
    // address, user name or date of birth alone is "information that identifies an individual" is
    // not settled by the text; and whether a tax id other than an ITIN (an EIN, a foreign tax
    // number) is a "government-issued identification number".
    reviewElements: {
      anyOf: [],
      combos: [
        ...(['email', 'phone', 'postal_address', 'username', 'date_of_birth'] as const).flatMap((id) => [
          [id, 'health'] as ElementId[],
          [id, 'health_insurance'] as ElementId[],
        ]),
        ['person_name', 'tax_id'] as ElementId[],
      ],
    },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
  },
  riskGate: harmGate(null),
  citation: 'Tex. Bus. & Com. Code §521.053',
  source: {
    url: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm',
    title: 'Tex. Bus. & Com. Code §521.053 (Notification required following breach of security of computerized data), as amended by HB 4390 (2019) and SB 768 (2023)',
    checkedOn: CHECKED_ON,
    checkedAgainst: `${STORED_COPIES}: the HB 4390 committee substitute on capitol.texas.gov (§521.053(b) "not later than the 60th day after the date on which the person determines that the breach occurred [as quickly as possible]"; (i) AG "if the breach involves at least 250 residents of this state" and its contents); Lexology, Manatt and texaslawblog.law (HB 4390 signed 2019-06-14, in force 2020-01-01); earlier-recorded checks of secondary summaries (no risk-of-harm exception; CRAs "more than 10,000 persons"; SB 768's 30 days)`,
  },
};
const V =
  'Confirmed: no risk-of-harm exception; individuals within 60 days of the determination and the AG (at least 250 Texas residents) in the same period from 2020-01-01 (HB 4390 text); CRAs above 10,000 persons at one time, counted over everyone notified (Texas notices reach non-residents). Not confirmed in a stored copy: SB 768\'s 30 days from 2023-09-01 (a public breach-law dataset derived from the Foley & Lardner chart only). Definition §521.002(a)(2) read on 2026-12-07 in stored copies (texas.public.law; FindLaw, current as of 2024-01-01): a passport number and an ITIN count as "government-issued identification number[s]"; health data with an identifier other than a name, and other tax ids, answer review.';
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
    id: 'US-TX.individuals.2012',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'Tex. Bus. & Com. Code §521.053(e)(2): electronic notice if provided in accordance with 15 U.S.C. §7001 (E-SIGN): e-mail only with consent — the E-SIGN reference recalled, not re-read (2026-12-07)' },
    ...substituteFields(substituteOf('TX')),
    deemedCompliance: deemedFor('TX', 'individuals'),
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_possible' },
    content: ['description of the breach', 'types of sensitive personal information involved', 'contact information'],
    channels: ['written notice', 'electronic notice'],
    effectiveFrom: '2012-09-01',
    effectiveTo: '2019-12-31',
    verified:
      'Confirmed: before HB 4390 the disclosure was due "as quickly as possible" (struck text in the HB 4390 bill) and there was no AG notice. Not confirmed: 2012-09-01 (HB 300) as the start of that text.',
  },
  {
    ...base,
    id: 'US-TX.individuals',
    supersedes: 'US-TX.individuals.2012',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'Tex. Bus. & Com. Code §521.053(e)(2): electronic notice if provided in accordance with 15 U.S.C. §7001 (E-SIGN): e-mail only with consent — the E-SIGN reference recalled, not re-read (2026-12-07)' },
    ...substituteFields(substituteOf('TX')),
    deemedCompliance: deemedFor('TX', 'individuals'),
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
    supersedes: 'US-TX.regulator.2020',
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
    effectiveFrom: '2012-09-01',
    citation: 'Tex. Bus. & Com. Code §521.053(h)',
    verified: V,
  },
];
