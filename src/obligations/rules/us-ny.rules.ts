/**
 * New York — N.Y. Gen. Bus. Law §899-aa. Versions since 2018-01-01:
 * - before 2019-10-23: acquisition only; private information = identifier + SSN, DL/non-driver ID,
 *   account/card + code; no risk-of-harm exception; AG, Department of State and State Police;
 * - 2019-10-23 (SHIELD Act): access suffices; biometrics and online credentials; the narrow
 *   no-harm exception (§899-aa(2)(a)); the HIPAA copy to the AG (§899-aa(9));
 * - 2024-12-21 (S2659B): individuals within 30 days of discovery; DFS added as a recipient, owed
 *   (chapter amendment, 2025) only by DFS covered entities;
 * - 2025-03-21 (S2376B): medical and health-insurance information.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { CHECKED_ON, CREDENTIALS, HARBOUR_LOST_IF_KEY, harmGate, STORED_COPIES } from './us-common.js';
import { deemedFor } from './us-deemed-compliance.js';

/** "Personal information" is any identifier, not only a name (§899-aa(1)(a)). */
const IDENTIFIERS: ElementId[] = ['person_name', 'email', 'phone', 'postal_address', 'date_of_birth', 'username'];
const withIdentifier = (els: ElementId[][]): ElementId[][] => IDENTIFIERS.flatMap((id) => els.map((e) => [id, ...e]));

const PRIVATE_2005: ElementId[][] = withIdentifier([['us_ssn'], ['drivers_license'], ['national_id'], ['payment_card', 'card_security_code'], ['bank_account', 'password']]);
const PRIVATE_2019: ElementId[][] = [...withIdentifier([['us_ssn'], ['drivers_license'], ['national_id'], ['biometric'], ['payment_card', 'card_security_code'], ['bank_account', 'password']]), ...CREDENTIALS];
const PRIVATE_2025: ElementId[][] = [...PRIVATE_2019, ...withIdentifier([['health'], ['health_insurance']])];

const SOURCE = {
  url: 'https://www.nysenate.gov/legislation/laws/GBS/899-AA',
  title: 'N.Y. Gen. Bus. Law §899-aa, as amended by the SHIELD Act (L. 2019, c. 117), S2659B (2024), S2376B (2024) and the 2025 chapter amendment on DFS notice',
  checkedOn: CHECKED_ON,
  checkedAgainst: `${STORED_COPIES}: earlier-recorded checks of secondary summaries of the statute text and the 2024–25 amendments (Covington, SHRM, Alston & Bird, McDonald Hopkins); billtrack50 summary of A913 (2025: notice to DFS only by covered entities under 23 NYCRR 500.1, in the manner of 500.17). The pre-SHIELD text is recalled, not re-read`,
};

const NO_HARM = {
  basis: 'exception' as const,
  standard:
    'notice is not required if the exposure was an inadvertent disclosure by persons authorized to access private information and the business reasonably determines it will not likely result in misuse, financial harm or (for credentials) emotional harm; the determination is documented in writing and kept at least five years; above 500 New York residents it goes to the AG within 10 days',
  cite: 'N.Y. Gen. Bus. Law §899-aa(2)(a)',
  inadvertentOnly: true,
  authorisedPersonOnly: true,
  inWriting: true,
  documentationYears: 5,
};

const base = {
  jurisdiction: 'US-NY',
  regime: 'New York breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  riskGate: harmGate(NO_HARM),
  citation: 'N.Y. Gen. Bus. Law §899-aa',
  source: SOURCE,
};

const trigger = (combos: ElementId[][], mode: 'access' | 'acquisition' = 'access') => ({
  elements: { anyOf: [], combos },
  // An account or card number alone is private information if usable without a code. Needs
  // counsel: an identifying number found alone (no name, e-mail or other identifier beside it).
  // §899-aa(1)(a) makes "personal information" any information that "because of name, number,
  // personal mark, or other identifier, can be used to identify" a person, and (1)(b)(i) asks for
  // "personal information consisting of any information in combination with" the element — an SSN,
  // licence or non-driver ID number, or (from 2019) biometric data, identify by themselves, so
  // whether the element alone is private information is not settled by the text: review, not "no".
  reviewElements: {
    anyOf: (['us_ssn', 'drivers_license', 'national_id', 'biometric'] as ElementId[]).filter((e) => combos.some((c) => c.includes(e))),
    combos: withIdentifier([['payment_card'], ['bank_account']]),
  },
  breachMode: mode,
  encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
});

const CONTENT = [
  'contact information of the notifying business',
  'telephone numbers and websites of the relevant state and federal agencies for breach response and identity-theft prevention',
  'description of the categories of information accessed or acquired, specifying which elements',
];
const SUBSTITUTE = 'if cost > $250,000, > 500,000 persons, or insufficient contact information';
const V =
  'Confirmed (secondary summaries checked against the statute text and the 2024–25 amendments: Covington, SHRM, Alston & Bird, McDonald Hopkins): access or acquisition since SHIELD; the narrow exception (inadvertent disclosure by authorised persons, documented, kept 5 years, to the AG within 10 days above 500); 30 days from 2024-12-21; medical and health-insurance information from 2025-03-21; CRAs above 5,000.';
const V_2005 =
  'The pre-SHIELD text (in force until 2019-10-22): acquisition only, no risk-of-harm exception, the same three regulators. Recalled, not re-read; the 2005-12-07 start is the original effective date (the 2011 move of the Consumer Protection Board\'s role to the Department of State is not separately versioned).';
const REG_AUTHORITY = { name: 'New York Attorney General, Department of State and Division of State Police' };

const individuals = (id: string, from: string, to: string | undefined, days: number | null, combos: ElementId[][], extra: Partial<RuleInput> & { supersedes?: string } = {}): RuleInput => ({
  ...base,
  id,
  recipient: 'individuals',
  electronicNotice: { allowed: 'consent', basis: 'N.Y. GBL §899-aa(5)(b): electronic notice only if the person expressly consented to receive it electronically, with a log of each notification (the rule’s channels text, checked with the rule); consent may not be a condition of the business relationship' },
  deemedCompliance: deemedFor('NY', 'individuals'),
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
  ...extra,
});

const regulators = (id: string, from: string, to: string | undefined, combos: ElementId[][], extra: Partial<RuleInput> & { supersedes?: string } = {}): RuleInput => ({
  ...base,
  id,
  recipient: 'regulator',
  authority: REG_AUTHORITY,
  trigger: trigger(combos),
  threshold: { count: 1, comparator: '>=', counted: 'New York residents to be notified' },
  clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
  content: ['timing, content and distribution of the notices', 'approximate number of affected persons', 'copy of the template notice'],
  channels: ['AG online form', 'DOS and State Police by e-mail/post'],
  effectiveFrom: from,
  ...(to ? { effectiveTo: to } : {}),
  notes: 'Must not delay the notice to individuals; no day count in the statute.',
  verified: V,
  ...extra,
});

const PRE_SHIELD = { riskGate: harmGate(null), verified: V_2005 };

const period = (from: string, to: string | undefined, supersedes?: string) => ({
  effectiveFrom: from,
  ...(to ? { effectiveTo: to } : {}),
  ...(supersedes ? { supersedes } : {}),
});

/** DFS notice — issue 13 §3: the 2025 chapter amendment limits it to DFS covered entities. */
const dfs = (id: string, from: string, to: string | undefined, combos: ElementId[][], supersedes?: string): RuleInput[] => [
  {
    ...base,
    id,
    ...period(from, to, supersedes),
    regime: 'New York breach-notification law (DFS notice)',
    recipient: 'regulator',
    authority: { name: 'New York Department of Financial Services' },
    appliesIf: ['controller', 'nydfs_covered'],
    trigger: trigger(combos),
    threshold: { count: 1, comparator: '>=', counted: 'New York residents to be notified' },
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['notice in the manner of 23 NYCRR 500.17', 'timing, content and distribution of the notices', 'approximate number of affected persons'],
    citation: 'N.Y. Gen. Bus. Law §899-aa(8)(a) as amended by S2659B (2024) and the 2025 chapter amendment (A913)',
    verified:
      'DFS became a recipient on 2024-12-21 (S2659B); the 2025 chapter amendment (A913, passed 2025-02-14, taking effect with the chapter it amends) limits it to covered entities under 23 NYCRR 500.1 — so it is encoded for DFS covered entities only from 2024-12-21. Not confirmed: the chapter amendment\'s signing date.',
    notes: 'Until the chapter amendment was signed (2025), the literal text of S2659B named DFS for every business; check breaches notified in that window.',
  },
];

/** The written no-harm determination to the AG above 500 residents, within 10 days (§899-aa(2)(a)). */
const noHarm = (id: string, from: string, to: string | undefined, combos: ElementId[][], supersedes?: string): RuleInput[] => [
  {
    ...base,
    id,
    ...period(from, to, supersedes),
    regime: 'New York breach-notification law (no-harm determination)',
    recipient: 'regulator',
    authority: { name: 'New York Attorney General' },
    trigger: trigger(combos),
    riskGate: { ...harmGate(NO_HARM), kind: 'no_harm_determination_made' as const },
    threshold: { count: 500, comparator: '>', counted: 'New York residents affected' },
    // "within ten days after such determination" — the written no-harm determination.
    clock: { anchor: 'no_harm_determination', amount: 10, unit: 'calendar_days' },
    content: ['the written no-harm determination'],
    citation: 'N.Y. Gen. Bus. Law §899-aa(2)(a)',
    verified: V,
  },
];

const CRA_AUTHORITY = { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' };
const cra = (id: string, from: string, to: string | undefined, combos: ElementId[][], supersedes?: string): RuleInput[] => [
  {
    ...base,
    id,
    ...period(from, to, supersedes),
    recipient: 'credit_bureaus',
    authority: CRA_AUTHORITY,
    trigger: trigger(combos),
    threshold: { count: 5000, comparator: '>', counted: 'New York residents notified at one time' },
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['timing, content and distribution of the notices', 'approximate number of affected persons'],
    citation: 'N.Y. Gen. Bus. Law §899-aa(8)(b)',
    verified: V,
  },
];

export const usNyRules: RuleInput[] = [
  individuals('US-NY.individuals.2005', '2005-12-07', '2019-10-22', null, PRIVATE_2005, { ...PRE_SHIELD, trigger: trigger(PRIVATE_2005, 'acquisition') }),
  individuals('US-NY.individuals.2019', '2019-10-23', '2024-12-20', null, PRIVATE_2019, { supersedes: 'US-NY.individuals.2005' }),
  individuals('US-NY.individuals.2024', '2024-12-21', '2025-03-20', 30, PRIVATE_2019, { supersedes: 'US-NY.individuals.2019' }),
  individuals('US-NY.individuals.2025', '2025-03-21', undefined, 30, PRIVATE_2025, { supersedes: 'US-NY.individuals.2024' }),
  regulators('US-NY.regulator.2005', '2005-12-07', '2019-10-22', PRIVATE_2005, { ...PRE_SHIELD, trigger: trigger(PRIVATE_2005, 'acquisition') }),
  regulators('US-NY.regulator.2019', '2019-10-23', '2024-12-20', PRIVATE_2019, { supersedes: 'US-NY.regulator.2005' }),
  regulators('US-NY.regulator.2024', '2024-12-21', '2025-03-20', PRIVATE_2019, { supersedes: 'US-NY.regulator.2019' }),
  regulators('US-NY.regulator.2025', '2025-03-21', undefined, PRIVATE_2025, { supersedes: 'US-NY.regulator.2024' }),
  ...dfs('US-NY.regulator.dfs.2024', '2024-12-21', '2025-03-20', PRIVATE_2019),
  ...dfs('US-NY.regulator.dfs', '2025-03-21', undefined, PRIVATE_2025, 'US-NY.regulator.dfs.2024'),
  ...noHarm('US-NY.regulator.no-harm.2019', '2019-10-23', '2025-03-20', PRIVATE_2019),
  ...noHarm('US-NY.regulator.no-harm', '2025-03-21', undefined, PRIVATE_2025, 'US-NY.regulator.no-harm.2019'),
  {
    ...base,
    id: 'US-NY.credit_bureaus.2005',
    recipient: 'credit_bureaus',
    authority: CRA_AUTHORITY,
    trigger: trigger(PRIVATE_2005, 'acquisition'),
    riskGate: harmGate(null),
    threshold: { count: 5000, comparator: '>', counted: 'New York residents notified at one time' },
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['timing, content and distribution of the notices', 'approximate number of affected persons'],
    effectiveFrom: '2005-12-07',
    effectiveTo: '2019-10-22',
    citation: 'N.Y. Gen. Bus. Law §899-aa(8)(b)',
    verified: V_2005,
  },
  ...cra('US-NY.credit_bureaus.2019', '2019-10-23', '2025-03-20', PRIVATE_2019, 'US-NY.credit_bureaus.2005'),
  ...cra('US-NY.credit_bureaus', '2025-03-21', undefined, PRIVATE_2025, 'US-NY.credit_bureaus.2019'),
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
