/**
 * California — Cal. Civ. Code §1798.82 (businesses). reference/breach-law.md §6.2.
 * Versions: before 2026 "most expedient time" with an undated AG sample copy; from 2026-01-01
 * (SB 446) individuals within 30 calendar days and the AG sample copy within 15 days of the
 * consumer notice.
 */
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, CREDENTIALS, HARBOUR_LOST_IF_KEY, namePlus } from './us-common.js';

const base = {
  jurisdiction: 'US-CA',
  regime: 'California breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    // §1798.82(h): name + SSN, DL/CA ID/tax ID/passport/military/other government ID, account/card +
    // code, medical, health-insurance, ALPR data, biometric, genetic; or online credentials.
    elements: {
      anyOf: [],
      combos: [
        ...namePlus([
          'us_ssn',
          'drivers_license',
          'national_id',
          'tax_id',
          'us_itin',
          'passport_number',
          'health',
          'health_insurance',
          'license_plate',
          'biometric',
          'genetic',
        ]),
        ...ACCOUNT_WITH_CODE,
        ...CREDENTIALS,
      ],
    },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
  },
  // §1798.82 has no risk-of-harm exception (only Health & Safety Code §1280.15, not encoded).
  riskGate: { kind: 'none' as const },
  citation: 'Cal. Civ. Code §1798.82',
};

const CA_CONTENT = [
  'title "Notice of Data Breach"',
  'headings "What Happened", "What Information Was Involved", "What We Are Doing", "What You Can Do", "For More Information"',
  'type of at least 10-point',
  'name and contact information of the notifying business',
  'types of personal information involved',
  'date, estimated date or date range of the breach, if determinable',
  'date of the notice',
  'whether notice was delayed by law enforcement',
  'general description of the breach',
  'toll-free numbers and addresses of the major credit reporting agencies if SSN or DL/ID exposed',
  'offer of identity-theft prevention and mitigation services free for at least 12 months if the business was the source and SSN or DL/ID exposed',
  'for online-credential breaches: direct the person to change password and security question/answer',
];

const SUBSTITUTE =
  'if cost > $250,000, > 500,000 persons, or insufficient contact information: e-mail, conspicuous website posting for at least 30 days, and notice to major statewide media';

const VERIFIED_IND =
  'reference/breach-law.md §6.2: 30-day rule and SB 446 effective date [verified] there (Mintz Matrix Jan 2026); element list, safe harbour and content [verify] — not re-checked against statute';

export const usCaRules: RuleInput[] = [
  {
    ...base,
    id: 'US-CA.individuals.2022',
    recipient: 'individuals',
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: CA_CONTENT,
    channels: ['written notice', 'electronic notice (E-SIGN)'],
    substituteNotice: SUBSTITUTE,
    effectiveFrom: '2022-01-01',
    effectiveTo: '2025-12-31',
    verified: `${VERIFIED_IND}. Start date 2022-01-01 = genetic data added to the definition (from memory); earlier definitions not encoded.`,
  },
  {
    ...base,
    id: 'US-CA.individuals.2026',
    recipient: 'individuals',
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: 30, unit: 'calendar_days', urgency: 'most_expedient_time' },
    notes: 'A law-enforcement agency may request a delay (§1798.82(c)).',
    content: CA_CONTENT,
    channels: ['written notice', 'electronic notice (E-SIGN)'],
    substituteNotice: SUBSTITUTE,
    effectiveFrom: '2026-01-01',
    citation: 'Cal. Civ. Code §1798.82(a) as amended by SB 446 (2025)',
    verified: VERIFIED_IND,
  },
  {
    ...base,
    id: 'US-CA.regulator.2022',
    recipient: 'regulator',
    authority: { name: 'California Attorney General', portal: 'https://oag.ca.gov/privacy/databreach/report-a-breach' },
    threshold: { count: 500, comparator: '>', counted: 'California residents notified as a result of a single breach' },
    clock: { anchor: 'individual_notice', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['a single sample copy of the notice to individuals, excluding personal information'],
    channels: ['electronic submission to the Attorney General'],
    effectiveFrom: '2022-01-01',
    effectiveTo: '2025-12-31',
    citation: 'Cal. Civ. Code §1798.82(f)',
    verified: 'reference/breach-law.md §6.1 (>500) and §6.2 [verified] there; not re-checked against statute. Portal URL from general knowledge.',
  },
  {
    ...base,
    id: 'US-CA.regulator.2026',
    recipient: 'regulator',
    authority: { name: 'California Attorney General', portal: 'https://oag.ca.gov/privacy/databreach/report-a-breach' },
    threshold: { count: 500, comparator: '>', counted: 'California residents notified as a result of a single breach' },
    clock: { anchor: 'individual_notice', amount: 15, unit: 'calendar_days' },
    content: ['a single sample copy of the notice to individuals, excluding personal information'],
    channels: ['electronic submission to the Attorney General'],
    effectiveFrom: '2026-01-01',
    citation: 'Cal. Civ. Code §1798.82(f) as amended by SB 446 (2025)',
    verified: 'reference/breach-law.md §6.2: >500 and 15 days after consumer notice [verified] there; not re-checked against statute.',
  },
];
