/**
 * South Korea — Personal Information Protection Act (PIPA) Art. 34 and its Enforcement Decree
 * Arts 39–40, by period:
 * - until 2023-09-14: data subjects "without delay" after becoming aware of a leak; a report
 *   "without delay" only for leaks of 1,000 or more data subjects — to the Minister of the Interior
 *   and Safety or KISA until 2020-08-04, to the PIPC or KISA from 2020-08-05 (when the PIPC became
 *   the central authority). Information and communications service providers had a separate 24-hour
 *   duty (Network Act Art. 27-3, then PIPA Art. 39-4 from 2020-08-05), which answers `review` here;
 * - from 2023-09-15 (Act No. 19234, amendment of 14 March 2023, and its Decree): one regime for all
 *   controllers — data subjects within 72 hours; the PIPC or KISA within 72 hours if 1,000 or more
 *   data subjects, sensitive or unique identifying information, or a leak through unauthorised
 *   external access;
 * - from 2026-09-11 (amendment promulgated 2026-03-10): forgery, alteration and damage join loss,
 *   theft and leakage as notifiable and reportable events, and data subjects are also notified
 *   without delay of the mere *possibility* of a leak (criteria left to the Decree).
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, dayBefore, NO_HARBOUR, RULE_SET_FROM, source } from './intl-common.js';

const PIPC_CENTRAL_FROM = '2020-08-05';
const UNIFIED_FROM = '2023-09-15';
/** Amendment promulgated 10 March 2026, in force 11 September 2026 (PIPC announcement as reported). */
const AMENDMENT_2026_FROM = '2026-09-11';
const PIPA_2026_SOURCE = source(
  'https://www.law.go.kr/%EB%B2%95%EB%A0%B9/%EA%B0%9C%EC%9D%B8%EC%A0%95%EB%B3%B4%EB%B3%B4%ED%98%B8%EB%B2%95',
  'Personal Information Protection Act as amended with effect from 11 September 2026, Art. 34',
  'the 2026 amendment as reported by Segye Ilbo (9 March 2026, quoting the PIPC: promulgated 10 March, in force 11 September 2026; "유출 가능성 통지제"; 위·변조, 훼손 included) and Wikitree (passed 12 February 2026); the amended text and any new Decree were not read',
);

/** Sensitive information (Art. 23) and unique identifying information (Art. 24; Decree Art. 19). */
const SENSITIVE_OR_UNIQUE: ElementId[] = ['health', 'genetic', 'biometric', 'special_category', 'national_id', 'passport_number', 'drivers_license'];

const PIPA_SOURCE = source(
  'https://www.law.go.kr/%EB%B2%95%EB%A0%B9/%EA%B0%9C%EC%9D%B8%EC%A0%95%EB%B3%B4%EB%B3%B4%ED%98%B8%EB%B2%95',
  'Personal Information Protection Act (Act No. 10465, as amended by Act No. 19234) Art. 34; Enforcement Decree (Presidential Decree No. 23169, as amended by No. 33723 of 12 Sep 2023) Arts 39–40',
  'Art. 34(1)–(4) in the English translation reproduced by prighter.com; Decree amendment list on the KLRI English law site (elaw.klri.re.kr, Presidential Decree No. 33723 of 12 Sep 2023); the pre-2023 Art. 34(3) wording ("대통령령으로 정한 규모 이상의 개인정보가 유출된 경우 … 지체 없이 보호위원회 또는 … 전문기관에 신고") as quoted on itwiki.kr (2022), with the information and communications providers\' 24-hour notice; the 2023 Decree Arts 39–40 (72 hours, the report cases) and the 1,000-person scale in secondary sources (DLA Piper, Bifrost Index, tiatra.com column on the March 2023 amendment). The Korean text of the Decree was not read',
);

const CONTENT = [
  'personal data items leaked (Art. 34(1)(i))',
  'when and how the leak occurred (ii)',
  'how data subjects can minimise damage (iii)',
  'the controller\'s countermeasures and remedies (iv)',
  'help desk and contact points for reporting damage (v)',
];

const base = {
  jurisdiction: 'KR',
  regime: 'PIPA',
  appliesIf: ['controller' as const],
  // The 1,000 counts every data subject of the controller's processing, not only residents.
  scope: { kind: 'establishment_or_residents' as const, region: 'KR' },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: NO_HARBOUR },
  threshold: null,
  source: PIPA_SOURCE,
};

const VERIFIED_2026 =
  'Checked 2026-12-06 in news reports only (see source): in force 2026-09-11; forgery, alteration and damage now notifiable and reportable; notice also on a possibility of a leak. Not confirmed: whether the Decree keeps 72 hours and its three report cases (kept here from the 2023 Decree), the Decree\'s "possibility" criteria and new notice items (a damages-claim item was announced). The possibility notice cannot be decided from the facts: a person must judge it.';
const VERIFIED_2023 =
  'Checked 2026-12-06: Art. 34 wording (translation); 72 hours and the three report categories in secondary sources only. Not confirmed: the Decree\'s exception for leaks whose data were recovered or deleted before any spread (encoded as a note, not a gate); a further amendment promulgated in 2026 (reported: notice on the mere possibility of a breach, new notice items) — its in-force date was not found.';
const VERIFIED_OLD =
  'Checked 2026-12-06 in secondary sources only: "without delay" (지체 없이) for notice and report, the report only from 1,000 data subjects, MOIS/KISA until the 2020-08-05 reorganisation. The PIPC standard guidelines\' reading of "without delay" (recalled as 5 days) is not encoded.';

const oldReport = (id: string, from: string, to: string, authority: string, supersedes?: string): RuleInput => ({
  ...base,
  id,
  ...(supersedes ? { supersedes } : {}),
  recipient: 'regulator',
  authority: { name: authority },
  riskGate: { kind: 'none' },
  threshold: { count: 1000, comparator: '>=', counted: 'data subjects whose personal information leaked (Decree Art. 39(1) as then in force)' },
  clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_delay' },
  content: CONTENT,
  effectiveFrom: from,
  effectiveTo: to,
  citation: 'PIPA Art. 34(3) (before Act No. 19234); Enforcement Decree Arts 39–40 as then in force',
  verified: VERIFIED_OLD,
});

const ictProvider = (id: string, from: string, to: string, law: string, regulator: string, supersedes?: string): RuleInput => ({
  ...base,
  id,
  ...(supersedes ? { supersedes } : {}),
  regime: 'PIPA (information and communications service providers)',
  recipient: 'regulator',
  authority: { name: regulator },
  riskGate: { kind: 'none' },
  clock: { anchor: 'awareness', amount: 24, unit: 'hours' },
  content: [...CONTENT, 'users are notified on the same 24-hour clock'],
  review: `only for information and communications service providers (online services provided for profit over telecommunications networks), which had to notify users and report to ${regulator} within 24 hours of becoming aware, whatever the number (${law}) — the organisation profile does not say whether this one is; the 24-hour period was not confirmed against the statute`,
  effectiveFrom: from,
  effectiveTo: to,
  citation: law,
  verified: 'Not confirmed against the statute or decree (2026-12-06): 24 hours as summarised on itwiki.kr (2022); answers `review`.',
});

const UNTIL_2026: RuleInput[] = [
  {
    ...base,
    id: 'KR.pipa.individuals.2011',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'PIPA Art. 34(1) and Enforcement Decree Art. 39 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    riskGate: { kind: 'none' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_delay' },
    content: CONTENT,
    effectiveFrom: RULE_SET_FROM,
    effectiveTo: dayBefore(UNIFIED_FROM),
    citation: 'PIPA Art. 34(1) (before Act No. 19234)',
    verified: VERIFIED_OLD,
  },
  oldReport('KR.pipa.report.2011', RULE_SET_FROM, dayBefore(PIPC_CENTRAL_FROM), 'Minister of the Interior and Safety or Korea Internet & Security Agency (KISA)'),
  oldReport('KR.pipa.report.2020-08-05', PIPC_CENTRAL_FROM, dayBefore(UNIFIED_FROM), 'Personal Information Protection Commission (PIPC) or Korea Internet & Security Agency (KISA)', 'KR.pipa.report.2011'),
  ictProvider('KR.network-act.ict', RULE_SET_FROM, dayBefore(PIPC_CENTRAL_FROM), 'Act on Promotion of Information and Communications Network Utilization and Information Protection Art. 27-3', 'the Korea Communications Commission or KISA'),
  ictProvider('KR.pipa.ict.2020-08-05', PIPC_CENTRAL_FROM, dayBefore(UNIFIED_FROM), 'PIPA Art. 39-4 (2020-08-05 to 2023-09-14)', 'the PIPC or KISA', 'KR.network-act.ict'),
  {
    ...base,
    id: 'KR.pipa.individuals.2023-09-15',
    supersedes: 'KR.pipa.individuals.2011',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'PIPA Art. 34(1) and Enforcement Decree Art. 39 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    riskGate: { kind: 'none' },
    clock: { anchor: 'awareness', amount: 72, unit: 'hours' },
    content: CONTENT,
    substituteNotice: 'if contact details are unknown: posting on the website for at least 30 days (Decree Art. 39)',
    effectiveFrom: UNIFIED_FROM,
    effectiveTo: dayBefore(AMENDMENT_2026_FROM),
    citation: 'PIPA Art. 34(1) (as amended by Act No. 19234); Enforcement Decree Art. 39',
    verified: VERIFIED_2023,
  },
  {
    ...base,
    id: 'KR.pipa.pipc.2023-09-15',
    supersedes: 'KR.pipa.report.2020-08-05',
    recipient: 'regulator',
    authority: { name: 'Personal Information Protection Commission (PIPC) or Korea Internet & Security Agency (KISA)', url: 'https://www.pipc.go.kr' },
    riskGate: {
      kind: 'categories',
      note: 'a report is not needed where the leaked data were recovered or deleted before they could spread so that the risk is substantially removed (Decree Art. 40, as reported; not encoded)',
      alternatives: [
        { kind: 'threshold', count: 1000, comparator: '>=', why: '1,000 or more data subjects (Decree Art. 40)' },
        { kind: 'elements', anyOf: SENSITIVE_OR_UNIQUE, why: 'sensitive or unique identifying information (Decree Art. 40)' },
        { kind: 'malicious', why: 'leak through unauthorised access from outside (hacking) (Decree Art. 40) — read here from facts.breach.malicious' },
      ],
    },
    clock: { anchor: 'awareness', amount: 72, unit: 'hours' },
    content: CONTENT,
    effectiveFrom: UNIFIED_FROM,
    effectiveTo: dayBefore(AMENDMENT_2026_FROM),
    citation: 'PIPA Art. 34(3) (as amended by Act No. 19234); Enforcement Decree Art. 40',
    verified: VERIFIED_2023,
  },
];

/**
 * From 2026-09-11 the same two duties, with forgery, alteration and damage added to the events
 * (`breachMode: 'any'`) and the possibility notice noted; periods and report cases as in 2023.
 */
const AMENDED_2026: RuleInput[] = [
  {
    ...(UNTIL_2026.find((r) => r.id === 'KR.pipa.individuals.2023-09-15') as RuleInput),
    id: 'KR.pipa.individuals',
    supersedes: 'KR.pipa.individuals.2023-09-15',
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    content: [...CONTENT, 'information on the data subject\'s rights, including claims for damages (added by the 2026 amendment as announced; check the Decree)'],
    notes: 'From 2026-09-11 data subjects must also be told without delay when the controller learns of a possibility of a leak (criteria in the Decree): decide that case yourself — the facts here describe a breach, not a suspicion.',
    effectiveFrom: AMENDMENT_2026_FROM,
    effectiveTo: undefined,
    citation: 'PIPA Art. 34(1) (as amended with effect from 2026-09-11); Enforcement Decree Art. 39',
    source: PIPA_2026_SOURCE,
    verified: VERIFIED_2026,
  },
  {
    ...(UNTIL_2026.find((r) => r.id === 'KR.pipa.pipc.2023-09-15') as RuleInput),
    id: 'KR.pipa.pipc',
    supersedes: 'KR.pipa.pipc.2023-09-15',
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    effectiveFrom: AMENDMENT_2026_FROM,
    effectiveTo: undefined,
    citation: 'PIPA Art. 34(3) (as amended with effect from 2026-09-11); Enforcement Decree Art. 40',
    source: PIPA_2026_SOURCE,
    verified: VERIFIED_2026,
  },
];
export const krRules: RuleInput[] = [...UNTIL_2026, ...AMENDED_2026];
