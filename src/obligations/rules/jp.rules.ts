/**
 * Japan — Act on the Protection of Personal Information (APPI, Act No. 57 of 2003) Art. 26, as
 * amended in 2020 (in force 2022-04-01), and the Enforcement Rules (PPC Rules No. 3 of 2016) Arts
 * 7–10. Reportable (Rules Art. 7): (i) special-care-required personal information; (ii) data whose
 * unauthorised use may cause property damage; (iii) leakage possibly done for a wrongful purpose;
 * (iv) more than 1,000 data subjects — each excluding data protected by advanced encryption or
 * other necessary measures. PPC: preliminary report promptly, final report within 30 days (60 for
 * (iii)) of knowing (Rules Art. 8); data subjects promptly (Art. 26(2), Rules Art. 10).
 * Before 2022-04-01 reporting was only a best-effort expectation of a PPC notice, not a legal duty.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, dayBefore, HARBOUR, NO_HARBOUR, RULE_SET_FROM, source } from './intl-common.js';

const APPI_2020_FROM = '2022-04-01';

/** (i) 要配慮個人情報: race, creed, social status, medical history, criminal record … (APPI Art. 2(3)). */
const SPECIAL_CARE: ElementId[] = ['health', 'special_category'];
/** (ii) e.g. credit-card numbers (PPC Guidelines' first example). */
const PROPERTY_DAMAGE: ElementId[] = ['payment_card'];
/**
 * May or may not fall in (i) or (ii) — genome data and biometrics are "individual identification
 * codes", not special-care information as such; account numbers and credentials count when their
 * misuse can cause property damage (e.g. log-in ID + password of a service with payment functions).
 */
const MAYBE: ElementId[] = ['genetic', 'biometric', 'bank_account', 'iban', 'password', 'security_question', 'card_security_code'];

const gate = {
  kind: 'categories' as const,
  note: 'one of the four reportable situations of Enforcement Rules Art. 7',
  alternatives: [
    { kind: 'elements' as const, anyOf: SPECIAL_CARE, why: 'special-care-required personal information (Rules Art. 7(i))' },
    { kind: 'elements' as const, anyOf: PROPERTY_DAMAGE, why: 'data whose unauthorised use may cause property damage, e.g. card numbers (Rules Art. 7(ii))' },
    { kind: 'malicious' as const, why: 'leakage possibly done for a wrongful purpose, e.g. unauthorised access or insider theft (Rules Art. 7(iii))' },
    { kind: 'threshold' as const, count: 1000, comparator: '>' as const, why: 'more than 1,000 data subjects (Rules Art. 7(iv))' },
    {
      kind: 'elements' as const,
      anyOf: MAYBE,
      review: true,
      why: 'these data may be special-care information or data whose misuse may cause property damage (Rules Art. 7(i)–(ii)) depending on what they are and what they give access to — decide',
    },
  ],
};

const APPI_SOURCE = source(
  'https://laws.e-gov.go.jp/law/415AC0000000057',
  'Act on the Protection of Personal Information (Act No. 57 of 2003) Art. 26; Enforcement Rules (PPC Rules No. 3 of 2016) Arts 7–10',
  'Rules Art. 7 situations (i)–(iv) incl. "more than 1,000" and the encryption exclusion, Art. 8 report items and two stages, 30/60-day final report and the PPC\'s 3–5-day guide for the preliminary one: law-firm commentaries quoting the Rules and the PPC Guidelines (businesslawyers.jp, kobecity-lawoffice.com, kuroda-law.gr.jp); in force 1 April 2022 and best-effort only before (thefinance.jp, miyake.gr.jp). The e-Gov text was not read',
);

const VERIFIED =
  'Checked 2026-12-06 in Japanese commentaries quoting the Rules and Guidelines (see source). Not confirmed: (a) the PPC Guidelines\' day count for the final report — the day of knowing is counted as day 1 here (the earlier of the two readings, so 30 days end on day 29 after it); (b) the 2024-04-01 amendment of Rules Art. 7(iii) extending it to personal information being acquired to be handled as personal data (e.g. web skimming) — reported, not read; it does not change these answers.';

const base = {
  jurisdiction: 'JP',
  regime: 'APPI',
  // A business handling personal data in Japan counts every data subject (the 1,000 of Art. 7(iv)).
  scope: { kind: 'establishment_or_residents' as const, region: 'JP' },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any' as const, encryptionSafeHarbor: { ...HARBOUR, standard: 'advanced encryption or other measures necessary to protect the rights and interests (Rules Art. 7)' } },
  riskGate: gate,
  threshold: null,
  effectiveFrom: APPI_2020_FROM,
  source: APPI_SOURCE,
  verified: VERIFIED,
};

export const jpRules: RuleInput[] = [
  {
    id: 'JP.pre-2022.ppc',
    jurisdiction: 'JP',
    regime: 'APPI (before the 2020 amendment)',
    recipient: 'regulator',
    authority: { name: 'Personal Information Protection Commission (PPC)', url: 'https://www.ppc.go.jp' },
    appliesIf: ['controller'],
    scope: { kind: 'establishment_or_residents', region: 'JP' },
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: { anchor: 'awareness', amount: null, unit: 'calendar_days', urgency: 'promptly' },
    review:
      'before 2022-04-01 the APPI imposed no legal duty to report leaks: PPC Notice No. 1 of 2017 ("個人データの漏えい等の事案が発生した場合等の対応について") asked businesses to endeavour to report promptly to the PPC (or the delegated ministry) ("速やかに報告するように努める") and found it desirable to contact the persons who may be affected — decide whether to follow it',
    effectiveFrom: RULE_SET_FROM,
    effectiveTo: dayBefore(APPI_2020_FROM),
    citation: 'APPI (as in force before 1 April 2022); PPC Notice No. 1 of 2017 on responding to leakage of personal data (best-effort)',
    source: APPI_SOURCE,
    verified: 'Checked 2026-12-06 in commentaries quoting PPC Notice No. 1 of 2017 (Nishimura & Asahi in Shoji Homu; eiko.gr.jp): report "速やかに報告するように努める", contact with the persons concerned only desirable. The Notice itself was not read.',
  },
  {
    ...base,
    id: 'JP.appi.ppc',
    supersedes: 'JP.pre-2022.ppc',
    recipient: 'regulator',
    authority: { name: 'Personal Information Protection Commission (PPC), or the minister to whom reporting is delegated', url: 'https://www.ppc.go.jp', portal: 'https://www.ppc.go.jp/personalinfo/legal/leakAction/' },
    appliesIf: ['controller'],
    clock: {
      anchor: 'awareness',
      amount: null,
      unit: 'calendar_days',
      urgency: 'promptly',
      stages: [
        {
          name: 'final report — within 30 days of knowing, 60 for a wrongful purpose (Rules Art. 8(2)); the day of knowing counted as day 1',
          anchor: 'awareness',
          amount: 29,
          amountIfMalicious: 59,
          unit: 'calendar_days',
        },
      ],
    },
    content: [
      'Rules Art. 8(1): outline; personal-data items; number of data subjects; cause; secondary damage; response to data subjects; publication; preventive measures; other',
      'preliminary report promptly (PPC Guidelines: about 3–5 days) with what is known; final report with everything',
    ],
    channels: ['PPC online report form'],
    citation: 'APPI Art. 26(1); Enforcement Rules Arts 7–8',
  },
  {
    ...base,
    id: 'JP.appi.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'APPI Art. 26(2) and Enforcement Rules Art. 10 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    appliesIf: ['controller'],
    clock: { anchor: 'awareness', amount: null, unit: 'calendar_days', urgency: 'promptly' },
    content: ['outline of the situation', 'personal-data items concerned', 'cause', 'secondary damage or its risk', 'other reference information (Rules Art. 10)'],
    substituteNotice: 'where notice to the person is difficult: alternative measures necessary to protect the person\'s rights and interests, e.g. publication (Art. 26(2) proviso)',
    citation: 'APPI Art. 26(2); Enforcement Rules Art. 10',
  },
  {
    ...base,
    id: 'JP.appi.entrustee',
    recipient: 'controller',
    authority: { name: 'The entrusting business (委託元)' },
    appliesIf: ['processor'],
    clock: { anchor: 'awareness', amount: null, unit: 'calendar_days', urgency: 'promptly' },
    content: ['the matters of Rules Art. 8(1) known at the time'],
    notes: 'An entrusted business that notifies the entrusting business is relieved of its own report to the PPC (Art. 26(1) proviso; Rules Art. 9).',
    citation: 'APPI Art. 26(1) proviso; Enforcement Rules Art. 9',
  },
];
