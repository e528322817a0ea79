/**
 * California — Cal. Civ. Code §1798.82 (businesses). Versions since 2018-01-01:
 * - 2017-01-01: the text in force on 2018-01-01 (AB 2828 of 2016: encrypted data with its key);
 * - 2020-01-01: AB 1130 (2019) adds tax, passport, military and other government ID numbers and
 *   unique biometric data to personal information;
 * - 2022-01-01: AB 825 (2021) adds genetic data;
 * - 2026-01-01: SB 446 (2025) — individuals within 30 calendar days of discovery or notification,
 *   the AG sample copy within 15 days of the consumer notice.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { deemedFor } from './us-deemed-compliance.js';
import { ACCOUNT_WITH_CODE, CHECKED_ON, CREDENTIALS, HARBOUR_LOST_IF_KEY, harmGate, namePlus, STORED_COPIES } from './us-common.js';

/** §1798.82(h) as in force 2017–2019: name + SSN, DL/CA ID, account/card + code, medical, health insurance, ALPR data. */
const PI_2017: ElementId[] = ['us_ssn', 'drivers_license', 'national_id', 'health', 'health_insurance', 'license_plate'];
/** AB 1130: + tax ID, passport, military and other unique government ID numbers, unique biometric data. */
const PI_2020: ElementId[] = [...PI_2017, 'tax_id', 'us_itin', 'passport_number', 'biometric'];
/** AB 825: + genetic data. */
const PI_2022: ElementId[] = [...PI_2020, 'genetic'];

const trigger = (pi: ElementId[]) => ({
  // Online credentials count without a name (§1798.82(h)(2)).
  elements: { anyOf: [], combos: [...namePlus(pi), ...ACCOUNT_WITH_CODE, ...CREDENTIALS] },
  breachMode: 'acquisition' as const,
  encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
});

const SOURCE = {
  url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?sectionNum=1798.82.&lawCode=CIV',
  title: 'Cal. Civ. Code §1798.82, as amended by AB 1130 (2019), AB 825 (2021) and SB 446 (2025)',
  checkedOn: CHECKED_ON,
  checkedAgainst: `${STORED_COPIES}: earlier-recorded checks of secondary summaries (Mintz Matrix, Jan. 2026: 30 days and the 15-day AG copy under SB 446 from 2026-01-01; Bloomberg Law: no risk-of-harm requirement); a public rules project quoting §1798.82(a) and (f) from leginfo with SB 446. The AB 1130 and AB 825 element lists are recalled, not re-read`,
};

const base = {
  jurisdiction: 'US-CA',
  regime: 'California breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  // §1798.82 has no risk-of-harm exception (Health & Safety Code §1280.15, for licensed health
  // facilities, is a separate regime and is not encoded).
  riskGate: harmGate(null),
  citation: 'Cal. Civ. Code §1798.82',
  source: SOURCE,
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

const V_DEFINITION = 'Personal-information lists per version from the amending acts as recalled (not re-read); content and substitute-notice terms recalled, not re-read.';

const individuals = (id: string, from: string, to: string | undefined, days: number | null, pi: ElementId[], verified: string, supersedes?: string): RuleInput => ({
  ...base,
  id,
  ...(supersedes ? { supersedes } : {}),
  recipient: 'individuals',
  electronicNotice: { allowed: 'consent', basis: 'Cal. Civ. Code §1798.82(j)(2): electronic notice if consistent with E-SIGN, 15 U.S.C. §7001 (the rule’s channels text, checked with the rule): e-mail only with the consumer’s consent (§7001(c))' },
  authority: null,
  trigger: trigger(pi),
  threshold: null,
  clock: { anchor: 'discovery', amount: days, unit: 'calendar_days', urgency: 'most_expedient_time' },
  notes: 'A law-enforcement agency may request a delay (§1798.82(c)).',
  content: CA_CONTENT,
  channels: ['written notice', 'electronic notice (E-SIGN)'],
  substituteNotice: SUBSTITUTE,
  // §1798.82(e): the HIPAA notice's content counts for subdivision (d) — the duty and its clock stay (us-deemed-compliance.ts).
  deemedCompliance: deemedFor('CA', 'individuals'),
  effectiveFrom: from,
  ...(to ? { effectiveTo: to } : {}),
  verified: `${verified} ${V_DEFINITION}`,
});

const AG = { name: 'California Attorney General', portal: 'https://oag.ca.gov/privacy/databreach/report-a-breach' };
const regulator = (id: string, from: string, to: string | undefined, days: number | null, pi: ElementId[], verified: string, supersedes?: string): RuleInput => ({
  ...base,
  id,
  ...(supersedes ? { supersedes } : {}),
  recipient: 'regulator',
  authority: AG,
  trigger: trigger(pi),
  threshold: { count: 500, comparator: '>', counted: 'California residents notified as a result of a single breach' },
  clock:
    days === null
      ? { anchor: 'individual_notice', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' }
      : { anchor: 'individual_notice', amount: days, unit: 'calendar_days' },
  content: ['a single sample copy of the notice to individuals, excluding personal information'],
  channels: ['electronic submission to the Attorney General'],
  effectiveFrom: from,
  ...(to ? { effectiveTo: to } : {}),
  citation: 'Cal. Civ. Code §1798.82(f)',
  verified,
});

const IND_OPEN = 'Confirmed: "most expedient time possible and without unreasonable delay" (no day count) before 2026; no risk-of-harm exception.';
const AG_OPEN = 'Confirmed: a sample copy to the AG when more than 500 California residents are notified as a result of a single breach; before SB 446 no day count.';

export const usCaRules: RuleInput[] = [
  individuals('US-CA.individuals.2017', '2017-01-01', '2019-12-31', null, PI_2017, `${IND_OPEN} Start 2017-01-01 (AB 2828) not re-read.`),
  individuals('US-CA.individuals.2020', '2020-01-01', '2021-12-31', null, PI_2020, `${IND_OPEN} AB 1130 in force 2020-01-01.`, 'US-CA.individuals.2017'),
  individuals('US-CA.individuals.2022', '2022-01-01', '2025-12-31', null, PI_2022, `${IND_OPEN} AB 825 (genetic data) in force 2022-01-01.`, 'US-CA.individuals.2020'),
  individuals(
    'US-CA.individuals.2026',
    '2026-01-01',
    undefined,
    30,
    PI_2022,
    'Confirmed: within 30 calendar days of discovery or notification of the breach from 2026-01-01 (SB 446), law-enforcement delay kept; no risk-of-harm exception.',
    'US-CA.individuals.2022',
  ),
  regulator('US-CA.regulator.2017', '2017-01-01', '2019-12-31', null, PI_2017, AG_OPEN),
  regulator('US-CA.regulator.2020', '2020-01-01', '2021-12-31', null, PI_2020, AG_OPEN, 'US-CA.regulator.2017'),
  regulator('US-CA.regulator.2022', '2022-01-01', '2025-12-31', null, PI_2022, AG_OPEN, 'US-CA.regulator.2020'),
  regulator(
    'US-CA.regulator.2026',
    '2026-01-01',
    undefined,
    15,
    PI_2022,
    'Confirmed: more than 500 California residents → the sample copy within 15 calendar days of notifying consumers (SB 446, from 2026-01-01).',
    'US-CA.regulator.2022',
  ),
];
