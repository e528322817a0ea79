/**
 * US states, DC and territories other than the eight priority states (which have their own
 * files: us-ca, us-ny, us-tx, us-fl, us-ma, us-wa, us-co, us-il). One compact row per state,
 * turned into individuals / attorney-general-or-agency / consumer-reporting-agency rules by
 * `stateRules`. Values: reference/breach-law.md §6.4 with the §6.3 corrections (VA, PA, NJ).
 * "AG/agency days" with an anchor other than discovery are noted per row.
 */
import type { RuleInput } from '../rule.schema.js';
import { BASELINE_COMBOS, type StateRow, stateRules } from './us-common.js';

export const US_STATE_ROWS: StateRow[] = [
  { code: 'AL', citation: 'Ala. Code §8-38-1 et seq.', indDays: 45, ag: { count: 1000, days: 45 }, cra: { count: 1000 }, roh: true, mode: 'acquisition' },
  {
    code: 'AK',
    citation: 'Alaska Stat. §45.48.010 et seq.',
    indDays: null,
    cra: { count: 1000 },
    roh: true,
    mode: 'acquisition',
    note: 'AG notice only when the entity decides not to notify (separate rule US-AK.regulator.no-harm).',
  },
  {
    code: 'AZ',
    citation: 'Ariz. Rev. Stat. §18-551 et seq.',
    indDays: 45,
    ag: { name: 'Arizona Attorney General and Arizona Department of Homeland Security', count: 1000, days: 45 },
    cra: { count: 1000 },
    roh: true,
    mode: 'acquisition',
  },
  {
    code: 'AR',
    citation: 'Ark. Code Ann. §4-110-101 et seq.',
    indDays: null,
    ag: { count: 1000, comparator: '>', days: 45 },
    roh: true,
    mode: 'acquisition',
    note: 'AG >1,000 within 45 days or with consumer notice, whichever is first (dataset); only the 45 days are encoded.',
  },
  {
    code: 'CT',
    citation: 'Conn. Gen. Stat. §36a-701b',
    indDays: 60,
    ag: { count: 1, relation: 'no_later_than_individuals' },
    roh: true,
    mode: 'access',
    note: 'AG no later than consumer notice; 24 months of identity-theft services if SSN/ITIN exposed.',
  },
  {
    code: 'DE',
    citation: 'Del. Code Ann. tit. 6 §§12B-101, 12B-102',
    indDays: 60,
    indAnchor: 'determination',
    ag: { count: 500, comparator: '>', comparatorKnown: true, relation: 'no_later_than_individuals' },
    roh: true,
    mode: 'acquisition',
    note:
      '60 days after determination; AG when affected residents "exceed 500", no later than the resident notice (§12B-102(d)) — consistent with a public rules project quoting delcode.delaware.gov (found with the search tool); statute not opened directly.',
  },
  {
    code: 'DC',
    citation: 'D.C. Code §28-3851 et seq.',
    indDays: null,
    ag: { name: 'Office of the Attorney General for the District of Columbia', count: 50, comparator: '>=', comparatorKnown: true },
    cra: { count: 1000 },
    roh: true,
    mode: 'acquisition',
    note: 'AG "≥50" comparator from §6.1.',
  },
  { code: 'GA', citation: 'Ga. Code §10-1-910 et seq.', indDays: null, cra: { count: 10000, comparator: '>' }, roh: false, mode: 'acquisition' },
  {
    code: 'HI',
    citation: 'Haw. Rev. Stat. §487N-1 et seq.',
    indDays: null,
    ag: { name: 'Hawaii Office of Consumer Protection', count: 1000, comparator: '>' },
    cra: { count: 1000, comparator: '>' },
    roh: false,
    mode: 'acquisition',
  },
  { code: 'ID', citation: 'Idaho Code §28-51-104 et seq.', indDays: null, roh: true, mode: 'acquisition' },
  { code: 'IN', citation: 'Ind. Code §24-4.9-1 et seq.; §4-1-11 et seq.', indDays: 45, ag: { count: 1 }, cra: { count: 1000 }, roh: false, mode: 'acquisition' },
  {
    code: 'IA',
    citation: 'Iowa Code §715C.1–.2',
    indDays: null,
    ag: { count: 500, comparator: '>', days: 5, unit: 'business_days', anchor: 'individual_notice' },
    roh: true,
    mode: 'acquisition',
    note: 'AG >500 within 5 business days after consumer notice.',
  },
  { code: 'KS', citation: 'Kan. Stat. §50-7a01 et seq.', indDays: null, cra: { count: 1000 }, roh: true, mode: 'acquisition' },
  { code: 'KY', citation: 'Ky. Rev. Stat. §365.732', indDays: null, cra: { count: 1000 }, roh: false, mode: 'acquisition' },
  {
    code: 'LA',
    citation: 'La. Rev. Stat. §51:3071 et seq.; La. Admin. Code tit. 16, pt. III, §701',
    indDays: 60,
    ag: { count: 1, days: 10, anchor: 'individual_notice' },
    roh: true,
    mode: 'acquisition',
    note: 'AG within 10 days of consumer notice.',
  },
  { code: 'ME', citation: '10 M.R.S. §1346 et seq.', indDays: 30, ag: { count: 1 }, cra: { count: 1000 }, roh: true, mode: 'acquisition' },
  {
    code: 'MD',
    citation: 'Md. Code Com. Law §14-3501 et seq.',
    indDays: 45,
    ag: { count: 1, relation: 'before_individuals' },
    cra: { count: 1000 },
    roh: true,
    mode: 'acquisition',
    note: 'AG before consumer notice.',
  },
  { code: 'MI', citation: 'Mich. Comp. Laws §§445.63, 445.72', indDays: null, cra: { count: 1000 }, roh: true, mode: 'acquisition' },
  {
    code: 'MN',
    citation: 'Minn. Stat. §§325E.61, 325E.64',
    indDays: null,
    cra: { count: 500, comparator: '>', hours: 48 },
    roh: false,
    mode: 'acquisition',
    note: 'CRA >500 within 48 hours after the consumer notice (anchor confirmed only in the AlexNetCC raw-laws MN file found with the search tool, not the statute).',
  },
  { code: 'MS', citation: 'Miss. Code §75-24-29', indDays: null, roh: true, mode: 'acquisition' },
  { code: 'MO', citation: 'Mo. Rev. Stat. §407.1500', indDays: null, ag: { count: 1000 }, cra: { count: 1000 }, roh: true, mode: 'acquisition' },
  {
    code: 'MT',
    citation: 'Mont. Code §30-14-1701 et seq.; §2-6-1501 et seq.; §33-19-321',
    indDays: null,
    ag: { name: 'Montana Office of Consumer Protection (Department of Justice)', count: 1 },
    cra: { count: 1, review: 'the dataset gives no numeric CRA threshold; the statutory condition is not encoded — check §30-14-1704' },
    roh: false,
    mode: 'acquisition',
  },
  {
    code: 'NE',
    citation: 'Neb. Rev. Stat. §87-801 et seq.',
    indDays: null,
    ag: { count: 1, relation: 'no_later_than_individuals' },
    roh: true,
    mode: 'acquisition',
    note: 'AG no later than consumer notice.',
  },
  { code: 'NV', citation: 'Nev. Rev. Stat. §603A.010 et seq.', indDays: null, cra: { count: 1000 }, roh: false, mode: 'acquisition' },
  { code: 'NH', citation: 'N.H. Rev. Stat. §359-C:19 et seq.', indDays: null, ag: { count: 1 }, cra: { count: 1000 }, roh: false, mode: 'acquisition' },
  {
    code: 'NJ',
    citation: 'N.J. Stat. §56:8-161 et seq. (pre-notice: §56:8-163(c))',
    indDays: null,
    ag: { name: 'New Jersey Division of State Police', recipient: 'law_enforcement', count: 1, relation: 'before_individuals' },
    cra: { count: 1000 },
    roh: true,
    mode: 'access',
    note: '§6.3 correction: the pre-notice goes to the Division of State Police, before consumer notice.',
  },
  { code: 'NM', citation: 'N.M. Stat. §57-12C-1 et seq.', indDays: 45, ag: { count: 1000, days: 45 }, cra: { count: 1000 }, roh: true, mode: 'acquisition' },
  { code: 'NC', citation: 'N.C. Gen. Stat. §§75-61, 75-65', indDays: null, ag: { count: 1 }, cra: { count: 1000 }, roh: true, mode: 'acquisition', note: '"access and acquisition" encoded as acquisition.' },
  { code: 'ND', citation: 'N.D. Cent. Code §51-30-01 et seq.', indDays: null, ag: { count: 250, comparator: '>' }, roh: false, mode: 'acquisition', note: 'AG >250.' },
  { code: 'OH', citation: 'Ohio Rev. Code §1349.19', indDays: 45, cra: { count: 1000 }, roh: true, mode: 'acquisition' },
  { code: 'OR', citation: 'Or. Rev. Stat. §§646A.600–646A.626', indDays: 45, ag: { count: 250, comparator: '>' }, cra: { count: 1000 }, roh: true, mode: 'acquisition', note: 'AG >250.' },
  {
    code: 'PR',
    citation: 'P.R. Laws Ann. tit. 10, §4051 et seq.',
    indDays: null,
    ag: { name: 'Puerto Rico Department of Consumer Affairs (DACO)', count: 1, days: 10 },
    roh: false,
    mode: 'access',
    note: 'DACO within 10 days (anchor assumed: discovery).',
  },
  { code: 'RI', citation: 'R.I. Gen. Laws §11-49.3-4 et seq.', indDays: 45, ag: { count: 500, comparator: '>', days: 45 }, cra: { count: 500, comparator: '>' }, roh: true, mode: 'access' },
  {
    code: 'SC',
    citation: 'S.C. Code §39-1-90',
    indDays: null,
    ag: { name: 'South Carolina Department of Consumer Affairs, Consumer Protection Division', count: 1000 },
    cra: { count: 1000 },
    roh: true,
    mode: 'acquisition',
  },
  { code: 'SD', citation: 'S.D. Codified Laws §22-40-20 et seq.', indDays: 60, ag: { count: 250, comparator: '>', days: 60 }, cra: { count: 1 }, roh: true, mode: 'acquisition' },
  { code: 'TN', citation: 'Tenn. Code §47-18-2107', indDays: 45, cra: { count: 1000 }, roh: false, mode: 'acquisition' },
  {
    code: 'UT',
    citation: 'Utah Code §13-44-101 et seq.',
    indDays: null,
    ag: { name: 'Utah Attorney General and Utah Cyber Center', count: 500 },
    cra: { count: 1000 },
    roh: true,
    mode: 'acquisition',
  },
  {
    code: 'VT',
    citation: '9 V.S.A. §2430 et seq. (AG preliminary notice §2435(b)(3))',
    indDays: 45,
    ag: { count: 1, days: 14, unit: 'business_days', content: ['date of the breach', 'date of discovery', 'preliminary description of the breach'] },
    cra: { count: 1000 },
    roh: true,
    mode: 'acquisition',
    note: 'AG preliminary notice within 14 business days (Vermont state holidays).',
  },
  {
    code: 'VA',
    citation: 'Va. Code §18.2-186.6',
    indDays: null,
    ag: { count: 1 },
    cra: { count: 1000, comparator: '>' },
    roh: false,
    mode: 'acquisition',
    note:
      '§6.3 correction: AG for any VA resident (§18.2-186.6(B)); >1,000 also AG + CRAs on timing, distribution, content. Open point: §6.4 says a risk-of-harm finding cannot remove notice, while a public rules project found with the search tool models a harm threshold for VA ("reasonably believes has caused or will cause identity theft or other fraud") — the reference value is encoded; verify.',
  },
  { code: 'WV', citation: 'W. Va. Code §46A-2A-101 et seq.', indDays: null, cra: { count: 1000 }, roh: false, mode: 'acquisition' },
  { code: 'WI', citation: 'Wis. Stat. §134.98', indDays: 45, cra: { count: 1000 }, roh: true, mode: 'acquisition' },
  { code: 'WY', citation: 'Wyo. Stat. §40-12-501 et seq.', indDays: null, roh: false, mode: 'acquisition' },
  {
    code: 'GU',
    citation: '9 GCA Ch. 48',
    indDays: null,
    roh: false,
    mode: 'acquisition',
    note: 'Guam: only the citation is in the reference (§6); no regulator/CRA duty and no harm test encoded.',
  },
  {
    code: 'VI',
    citation: '14 V.I.C. §§2208–2212',
    indDays: null,
    roh: false,
    mode: 'acquisition',
    note: 'U.S. Virgin Islands: only the citation is in the reference (§6); no regulator/CRA duty and no harm test encoded.',
  },
];

/** Pennsylvania: the AG duty exists only since the 2024 amendment, so it is a separate version. */
const PA: RuleInput[] = (() => {
  const [ind, , cra] = stateRules({
    code: 'PA',
    citation: '73 Pa. Stat. §2301 et seq.',
    indDays: null,
    ag: { count: 500, comparator: '>' },
    cra: { count: 500, comparator: '>', comparatorKnown: true, allPersons: true },
    roh: false,
    mode: 'acquisition',
    note:
      'CRA threshold: 73 P.S. §2305 said "more than 1,000 persons at one time" (reference §6.3) until Act 33 of 2024 (SB 824, approved 2024-06-28, in force 2024-09-26) lowered it to 500. Secondary sources found with the search tool agree on the lowering (openagreements.org quoting §2305 via FindLaw: "more than 500 persons at one time"; thewbkfirm.com and complyauto.com client alerts on the amendment, the latter wording it "500 or more"). This rule set starts in 2025, after the amendment, so only the 500 version is encoded; `>` follows the quoted statute text — verify the comparator against the enrolled act.',
  });
  const [, ag] = stateRules({
    code: 'PA',
    citation: '73 Pa. Stat. §2303 as amended by Act 33 of 2024',
    indDays: null,
    ag: { count: 500, comparator: '>', relation: 'no_later_than_individuals' },
    roh: false,
    mode: 'acquisition',
    note: 'AG >500 since the 2024 amendment, concurrently with the consumer notice (same secondary source as the CRA note); effective date 2024-09-26 taken from the amending act as recalled, not in the reference — verify.',
  }, '2024-09-26');
  return [ind, ag, cra];
})();

/** Oklahoma: AG duty added by the 2026 amendment (dataset: >500, 60 days). */
const OK: RuleInput[] = (() => {
  const [ind] = stateRules({ code: 'OK', citation: '24 Okla. Stat. §161 et seq.', indDays: null, roh: true, mode: 'acquisition' });
  const [, ag] = stateRules({
    code: 'OK',
    citation: '24 Okla. Stat. §161 et seq., as amended (2026)',
    indDays: null,
    ag: { count: 500, days: 60 },
    roh: true,
    mode: 'acquisition',
    note: 'Amended for 2026; AG threshold/timing as in the dataset and effective 2026-01-01 assumed — verify.',
  }, '2026-01-01');
  return [ind, ag];
})();

/** Alaska: the AG receives the written determination when the entity decides not to notify. */
const AK_NO_HARM: RuleInput = {
  id: 'US-AK.regulator.no-harm',
  jurisdiction: 'US-AK',
  regime: 'Alaska breach-notification law',
  recipient: 'regulator',
  authority: { name: 'Alaska Attorney General' },
  appliesIf: ['controller'],
  scope: { kind: 'residents' },
  trigger: {
    elements: { anyOf: [], combos: BASELINE_COMBOS },
    breachMode: 'acquisition',
    encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true },
  },
  riskGate: { kind: 'no_harm_determination_made' },
  threshold: null,
  clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
  content: ['the written determination that there is no reasonable likelihood of harm'],
  effectiveFrom: '2025-09-01',
  citation: 'Alaska Stat. §45.48.010(c)',
  verified: 'from reference/breach-law.md §6.4 note ("AG notice only when the entity decides not to notify"), not re-checked against statute',
};

export const usStatesRules: RuleInput[] = [...US_STATE_ROWS.flatMap((r) => stateRules(r)), ...PA, ...OK, AK_NO_HARM];
