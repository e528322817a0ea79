/**
 * Golden tests for the US state, DC and territory rules. Every expected value below is written by
 * hand from the statute (see the provision in each test name and the research notes in the rule's
 * `verified`), never read back from the rule data: a wrong rule fails here.
 *
 * Worked deadlines: breach discovered (and, unless said, determined) 2026-03-02T15:00Z; the last
 * day is the anchor's local date + N, ending 23:59:59 local (daylight time from 2026-03-08).
 */
import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';
import { US_STATES } from '../jurisdictions.js';
import { loadRules, RULE_FILES } from '../rules-loader.js';
import { verifyRuleSet } from '../rules-verify.js';

const ssn = ['person_name', 'us_ssn'];

/** End of the local day, as UTC: Eastern (EDT −4), Central (−5), Mountain (−6), Arizona (MST −7). */
const EDT = (day: string) => `${day}T03:59:59Z`;
const CDT = (day: string) => `${day}T04:59:59Z`;
const MDT = (day: string) => `${day}T05:59:59Z`;
const MST = (day: string) => `${day}T06:59:59Z`;

/**
 * Individuals, current text, fixed day counts (2026-03-02 + N; the UTC instant is the next day):
 * 30 → 04-01, 45 → 04-16, 60 → 05-01.
 */
const INDIVIDUAL_DEADLINES: Array<[string, string, string]> = [
  ['AL', 'Ala. Code §8-38-5(b): 45 days after the determination', CDT('2026-04-17')],
  ['AZ', 'A.R.S. §18-552(B): 45 days after the determination (Arizona keeps standard time)', MST('2026-04-17')],
  ['CT', 'Conn. Gen. Stat. §36a-701b(b)(1): 60 days after discovery (PA 21-59)', EDT('2026-05-02')],
  ['DE', 'Del. Code tit. 6 §12B-102(c): 60 days after the determination', EDT('2026-05-02')],
  ['IN', 'Ind. Code §24-4.9-3-3: 45 days after discovery (HEA 1351)', EDT('2026-04-17')],
  ['LA', 'La. R.S. 51:3074(E): 60 days from discovery (Act 382 of 2018)', CDT('2026-05-02')],
  ['ME', '10 M.R.S. §1348(1): 30 days after awareness and scope (LD 696)', EDT('2026-04-02')],
  ['MD', 'Md. Com. Law §14-3504(b)(3): 45 days after discovery (HB 962)', EDT('2026-04-17')],
  ['NM', 'N.M. Stat. §57-12C-6(A): 45 calendar days after discovery', MDT('2026-04-17')],
  ['OH', 'Ohio Rev. Code §1349.19(B)(2): 45 days after discovery', EDT('2026-04-17')],
  ['OR', 'ORS 646A.604(3)(a): 45 days after discovery (America/Boise)', MDT('2026-04-17')],
  ['RI', 'R.I. Gen. Laws §11-49.3-4(a)(2)(ii): 45 calendar days after confirmation', EDT('2026-04-17')],
  ['SD', 'SDCL §22-40-20: 60 days from discovery', CDT('2026-05-02')],
  ['TN', 'Tenn. Code §47-18-2107(b): 45 days from discovery', EDT('2026-04-17')],
  ['VT', '9 V.S.A. §2435(b)(1): 45 days after discovery', EDT('2026-04-17')],
  ['WI', 'Wis. Stat. §134.98(3)(a): 45 days after learning of the acquisition', CDT('2026-04-17')],
];

/** States whose current text sets no day count for individuals ("most expedient time", "without unreasonable delay"). */
const NO_DAY_COUNT = ['AK', 'AR', 'DC', 'GA', 'HI', 'ID', 'IA', 'KS', 'KY', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NC', 'ND', 'OK', 'PA', 'PR', 'SC', 'UT', 'VA', 'WV', 'WY', 'GU', 'VI'];

type Threshold = [code: string, rule: string, provision: string, count: number, comparator: '>' | '>=' | 'uncertain', review?: 'review'];
/**
 * Regulator and CRA thresholds of the current texts, with their comparators. `uncertain`: the
 * sources disagree between > and ≥, so exactly `count` answers review; `review`: a condition of
 * the statute is not encoded, so at or above `count` the answer is review.
 */
const THRESHOLDS: Threshold[] = [
  ['AL', 'regulator', 'Ala. Code §8-38-6: AG if the number to notify "exceeds 1,000"', 1000, '>'],
  ['AL', 'credit_bureaus', 'Ala. Code §8-38-7: CRAs if more than 1,000', 1000, '>'],
  ['AK', 'credit_bureaus', 'Alaska Stat. §45.48.040: CRAs if more than 1,000 residents', 1000, '>'],
  ['AZ', 'regulator', 'A.R.S. §18-552(B)(2): AG, AZDOHS if more than 1,000 individuals', 1000, '>'],
  ['AZ', 'credit_bureaus', 'A.R.S. §18-552(B)(2): three largest CRAs if more than 1,000', 1000, '>'],
  ['AR', 'regulator', 'Ark. Code §4-110-105(d): AG if more than 1,000 ("1,000 or more" in one source)', 1000, 'uncertain'],
  ['DE', 'regulator', 'Del. Code tit. 6 §12B-102(d): AG if residents to notify exceed 500', 500, '>'],
  ['DC', 'regulator', 'D.C. Code §28-3852(a-1): OAG if 50 or more residents', 50, '>='],
  ['DC', 'credit_bureaus', 'D.C. Code §28-3852(d): CRAs if more than 1,000 persons at one time', 1000, '>'],
  ['GA', 'credit_bureaus', 'O.C.G.A. §10-1-912(d): CRAs above 10,000 residents (information brokers and data collectors only)', 10000, '>', 'review'],
  ['HI', 'regulator', 'HRS §487N-2(f): Office of Consumer Protection if more than 1,000 persons at one time', 1000, '>'],
  ['HI', 'credit_bureaus', 'HRS §487N-2(f): CRAs if more than 1,000 persons at one time', 1000, '>'],
  ['IN', 'credit_bureaus', 'Ind. Code §24-4.9-3-1(b): CRAs if more than 1,000', 1000, '>'],
  ['IA', 'regulator', 'Iowa Code §715C.2(8): AG if more than 500 ("at least 500" on the AG site)', 500, 'uncertain'],
  ['KS', 'credit_bureaus', 'K.S.A. 50-7a02(f): CRAs if more than 1,000 consumers at one time', 1000, '>'],
  ['KY', 'credit_bureaus', 'KRS 365.732(7): CRAs if more than 1,000 persons at one time', 1000, '>'],
  ['ME', 'credit_bureaus', '10 M.R.S. §1348(4): CRAs if more than 1,000 persons at a single time', 1000, '>'],
  ['MD', 'credit_bureaus', 'Md. Com. Law §14-3506: CRAs if 1,000 or more (comparator not confirmed)', 1000, 'uncertain'],
  ['MI', 'credit_bureaus', 'MCL 445.72(8): CRAs if more than 1,000 residents', 1000, '>'],
  ['MN', 'credit_bureaus', 'Minn. Stat. §325E.61(2): CRAs within 48 hours if more than 500 persons', 500, '>'],
  ['MO', 'regulator', 'Mo. Rev. Stat. §407.1500.2(8): AG if more than 1,000 consumers at one time', 1000, '>'],
  ['MO', 'credit_bureaus', 'Mo. Rev. Stat. §407.1500.2(8): CRAs if more than 1,000 consumers at one time', 1000, '>'],
  ['MT', 'credit_bureaus', 'Mont. Code §30-14-1704(6): coordination with a CRA only if the notice points to it', 1, '>=', 'review'],
  ['NV', 'credit_bureaus', 'NRS 603A.220(6): CRAs if more than 1,000 persons at any one time', 1000, '>'],
  ['NH', 'credit_bureaus', 'RSA 359-C:20(VI)(a): CRAs if more than 1,000', 1000, '>'],
  ['NJ', 'credit_bureaus', 'N.J.S.A. 56:8-163(f): CRAs if more than 1,000 persons at one time', 1000, '>'],
  ['NM', 'regulator', 'N.M. Stat. §57-12C-10: AG if more than 1,000 residents from a single breach', 1000, '>'],
  ['NM', 'credit_bureaus', 'N.M. Stat. §57-12C-10: CRAs if more than 1,000 residents', 1000, '>'],
  ['NC', 'credit_bureaus', 'N.C. Gen. Stat. §75-65(f): CRAs if more than 1,000 persons at one time', 1000, '>'],
  ['ND', 'regulator', 'N.D. Cent. Code §51-30-02: AG if the breach exceeds 250 individuals', 250, '>'],
  ['OH', 'credit_bureaus', 'Ohio Rev. Code §1349.19(G): CRAs if more than 1,000 residents in a single occurrence', 1000, '>'],
  ['OK', 'regulator', '24 O.S. §163 (SB 626): AG if 500 or more residents', 500, '>='],
  ['OR', 'regulator', 'ORS 646A.604(1)(b): AG if the consumers to notify exceed 250', 250, '>'],
  ['OR', 'credit_bureaus', 'ORS 646A.604(6): CRAs if more than 1,000 consumers', 1000, '>'],
  ['PA', 'regulator', '73 P.S. §2303(c.1) (Act 33 of 2024): AG if more than 500 residents', 500, '>'],
  ['PA', 'credit_bureaus', '73 P.S. §2305 (Act 33 of 2024): CRAs above 500 persons at one time (> or ≥ not confirmed)', 500, 'uncertain'],
  ['RI', 'regulator', 'R.I. Gen. Laws §11-49.3-4(a)(2): AG if more than 500 residents', 500, '>'],
  ['RI', 'credit_bureaus', 'R.I. Gen. Laws §11-49.3-4(a)(2): CRAs if more than 500 residents', 500, '>'],
  ['SC', 'regulator', 'S.C. Code §39-1-90(K): Consumer Affairs if more than 1,000 residents', 1000, '>'],
  ['SC', 'credit_bureaus', 'S.C. Code §39-1-90(K): CRAs if more than 1,000 persons at one time', 1000, '>'],
  ['SD', 'regulator', 'SDCL §22-40-20: AG if the breach exceeds 250 residents', 250, '>'],
  ['TN', 'credit_bureaus', 'Tenn. Code §47-18-2107(g): CRAs if more than 1,000 persons at one time', 1000, '>'],
  ['UT', 'regulator', 'Utah Code §13-44-202 (2023): AG and Utah Cyber Center if 500 or more residents', 500, '>='],
  ['UT', 'credit_bureaus', 'Utah Code §13-44-202 (2023): CRAs if 1,000 or more residents', 1000, '>='],
  ['VT', 'credit_bureaus', '9 V.S.A. §2435(c): CRAs if more than 1,000 consumers at one time', 1000, '>'],
  ['VA', 'credit_bureaus', 'Va. Code §18.2-186.6(E): CRAs if more than 1,000 persons at one time', 1000, '>'],
  ['WV', 'credit_bureaus', 'W. Va. Code §46A-2A-102(f): CRAs if more than 1,000 persons', 1000, '>'],
  ['WI', 'credit_bureaus', 'Wis. Stat. §134.98(2)(br): CRAs if 1,000 or more ("more than 1,000" in other sources)', 1000, 'uncertain'],
];

/** AG or agency notice for any affected resident (threshold 1). */
const ANY_RESIDENT: Array<[string, string, string]> = [
  ['CT', 'regulator', 'Conn. Gen. Stat. §36a-701b(b)(2)(A): AG not later than the notice to residents'],
  ['IN', 'regulator', 'Ind. Code §24-4.9-3-1(c): AG whenever residents are notified'],
  ['LA', 'regulator', 'LAC 16:III.701: AG within 10 days of the notice to residents'],
  ['ME', 'regulator', '10 M.R.S. §1348(5): AG or DPFR regulator'],
  ['MD', 'regulator', 'Md. Com. Law §14-3504(h): AG before notifying individuals'],
  ['MT', 'regulator', 'Mont. Code §30-14-1704(8): OCP at the same time as the notice'],
  ['NE', 'regulator', 'Neb. Rev. Stat. §87-803(2): AG not later than the notice'],
  ['NH', 'regulator', 'RSA 359-C:20(I)(b): AG or primary regulator'],
  ['NJ', 'law_enforcement', 'N.J.S.A. 56:8-163(c)(1): Division of State Police before the notice'],
  ['NC', 'regulator', 'N.C. Gen. Stat. §75-65(e1): AG Consumer Protection Division'],
  ['PR', 'regulator', '10 L.P.R.A. §4052: DACO within 10 days of detection'],
  ['VT', 'regulator', '9 V.S.A. §2435(b)(3): AG or DFR preliminary notice'],
  ['VA', 'regulator', 'Va. Code §18.2-186.6(B): AG for any resident'],
];

/** States whose statute has no regulator notice and no CRA notice at all. */
const INDIVIDUALS_ONLY = ['ID', 'MS', 'WY', 'GU', 'VI'];

describe('US states, DC and territories: every rule traceable and in force since 2018-01-01', () => {
  /** The rules of the state files (us-federal's NYDFS rules are US-NY too, but not ours). */
  const ids = new Set(Object.entries(RULE_FILES).flatMap(([file, list]) => (/^us-(?!federal)/.test(file) ? list.map((r) => r.id) : [])));
  const rules = loadRules().filter((r) => ids.has(r.id));
  it('rules verify (issue 13 §5–6): no gaps since 2018-01-01, no broken version chains, a source for every state rule', () => {
    const report = verifyRuleSet(new Date('2026-12-06T12:00:00Z'));
    const ours = report.problems.filter((p) => (p.file === '(coverage)' && p.ruleId.startsWith('US-')) || /^us-(?!federal)/.test(p.file));
    expect(ours).toEqual([]);
  });
  for (const code of Object.keys(US_STATES)) {
    it(`${code}: exactly one individuals rule in force on the first of every month since 2018 (or its first law)`, () => {
      const own = rules.filter((r) => r.jurisdiction === `US-${code}` && r.recipient === 'individuals' && !r.appliesIf.includes('processor'));
      // Alabama and South Dakota had no breach statute before mid-2018 (Act 2018-396; SB 62).
      const first = code === 'AL' ? '2018-06-01' : code === 'SD' ? '2018-07-01' : '2018-01-01';
      for (let y = 2018; y <= 2026; y++)
        for (let m = 1; m <= 12; m++) {
          const day = `${y}-${String(m).padStart(2, '0')}-01`;
          const live = own.filter((r) => r.effectiveFrom !== null && r.effectiveFrom <= day && (r.effectiveTo === undefined || day <= r.effectiveTo));
          expect(live.length, `${code} on ${day}`).toBe(1);
          // Before the first statute the one rule says there was no duty.
          expect(live[0].riskGate.kind === 'no_duty', `${code} on ${day}`).toBe(day < first);
        }
    });
  }
  it('sources are the official texts: https links, a title, the check date and what was checked; no repository document cited', () => {
    for (const r of rules) {
      expect(r.source?.url, r.id).toMatch(/^https:\/\//);
      expect(r.source?.checkedOn, r.id).toBe('2026-12-06');
      expect(`${r.verified} ${r.source?.checkedAgainst} ${r.citation}`, r.id).not.toMatch(/breach-law\.md|\/work\//);
    }
  });
});

describe('individuals: deadlines worked by hand from each statute (discovered 2026-03-02T15:00Z)', () => {
  for (const [code, provision, deadline] of INDIVIDUAL_DEADLINES)
    it(`${code} — ${provision}`, () => {
      expect(pick(run({ population: [group(`US-${code}`, 1, ssn)] }), `US-${code}.individuals`).deadline).toBe(deadline);
    });
  for (const code of NO_DAY_COUNT)
    it(`${code}: no day count in the statute — required, no date`, () => {
      const o = pick(run({ population: [group(`US-${code}`, 1, ssn)] }), `US-${code}.individuals`);
      expect(o.required).toBe(code === 'GA' ? 'review' : true);
      expect(o.deadline).toBeNull();
    });
});

describe('the urgency words each statute uses for individuals', () => {
  for (const [code, urgency, words] of [
    ['VA', 'without_unreasonable_delay', 'Va. Code §18.2-186.6(B): "without unreasonable delay"'],
    ['PA', 'without_unreasonable_delay', '73 P.S. §2303(a): "without unreasonable delay"'],
    ['HI', 'without_unreasonable_delay', 'HRS §487N-2(a): "without unreasonable delay"'],
    ['WI', 'within_reasonable_time', 'Wis. Stat. §134.98(3)(a): "within a reasonable time, not to exceed 45 days"'],
    ['NH', 'as_soon_as_possible', 'RSA 359-C:20(I)(a): "as quickly as possible"'],
    ['MD', 'as_soon_as_practicable', 'Md. Com. Law §14-3504(b)(3): "as soon as reasonably practicable"'],
    ['KS', 'most_expedient_time', 'K.S.A. 50-7a02(a): "in the most expedient time possible"'],
  ] as const)
    it(`${code} — ${words}`, () => {
      expect(pick(run({ population: [group(`US-${code}`, 1, ssn)] }), `US-${code}.individuals`).urgency).toBe(urgency);
    });
  it('CRA notices: "shall also notify, without unreasonable delay" (e.g. KY KRS 365.732(7))', () => {
    expect(pick(run({ population: [group('US-KY', 1001, ssn)] }), 'US-KY.credit_bureaus').urgency).toBe('without_unreasonable_delay');
  });
});

describe('regulator and CRA thresholds at their boundaries (threshold − 1, threshold, threshold + 1)', () => {
  for (const [code, recipient, provision, count, comparator, review] of THRESHOLDS)
    it(`${code} ${recipient} — ${provision}`, () => {
      const at = (n: number) => pick(run({ population: [group(`US-${code}`, n, ssn)] }), `US-${code}.${recipient}`).required;
      // Above the threshold the answer is true, or review where a condition is not encoded.
      const above = review ?? true;
      if (count > 1) expect(at(count - 1)).toBe(false);
      expect(at(count)).toBe(comparator === '>=' ? above : comparator === '>' ? false : 'review');
      expect(at(count + 1)).toBe(above);
    });
  for (const [code, recipient, provision] of ANY_RESIDENT)
    it(`${code} ${recipient} for one resident — ${provision}`, () => {
      expect(pick(run({ population: [group(`US-${code}`, 1, ssn)] }), `US-${code}.${recipient}`).required).toBe(true);
    });
  for (const code of INDIVIDUALS_ONLY)
    it(`${code}: no regulator and no CRA notice in the statute, even for 100,000 residents`, () => {
      const r = run({ population: [group(`US-${code}`, 100000, ssn)] });
      expect(r.obligations.filter((o) => o.jurisdiction === `US-${code}`).map((o) => o.recipient)).toEqual(['individuals']);
    });
});

describe('issue 20 §3: thresholds apply to review answers, and counts are the residents of the state', () => {
  // A password hash with an unknown algorithm is an uncertain element: review, never above the statute's threshold.
  const hashed = (code: string, n: number) => group(`US-${code}`, n, ['email', 'password_hash']);
  it('GA CRA (O.C.G.A. §10-1-912(d), more than 10,000): 9,000 uncertain Georgians answer false, not review', () => {
    expect(pick(run({ population: [hashed('GA', 9000)] }), 'US-GA.credit_bureaus').required).toBe(false);
  });
  it('NJ CRA (N.J.S.A. 56:8-163(f), more than 1,000): 800 residents answer false however uncertain', () => {
    expect(pick(run({ population: [hashed('NJ', 800)] }), 'US-NJ.credit_bureaus').required).toBe(false);
    expect(pick(run({ population: [group('US-NJ', 800, ssn)] }), 'US-NJ.credit_bureaus').required).toBe(false);
  });
  it('OH CRA (Ohio Rev. Code §1349.19(G), more than 1,000 residents): 1,000 false, 1,001 true', () => {
    expect(pick(run({ population: [group('US-OH', 1000, ssn)] }), 'US-OH.credit_bureaus').required).toBe(false);
    expect(pick(run({ population: [group('US-OH', 1001, ssn)] }), 'US-OH.credit_bureaus').required).toBe(true);
  });
  it('PA CRA (73 P.S. §2305, more than 500 persons at one time): only Pennsylvanians count — 300 PA + 19,697 elsewhere is false', () => {
    const pop = [group('US-PA', 300, ssn), group('US-NJ', 19697, ssn)];
    const o = pick(run({ population: pop }), 'US-PA.credit_bureaus');
    expect(o.count.individuals).toBe(300);
    expect(o.required).toBe(false);
    expect(pick(run({ population: pop }), 'US-PA.regulator').count.individuals).toBe(300);
  });
  it('ND AG (N.D. Cent. Code §51-30-02, "exceeds 250 individuals"): counts everyone in the breach, as the text says', () => {
    const o = pick(run({ population: [group('US-ND', 10, ssn), group('US-MN', 241, ssn)] }), 'US-ND.regulator');
    expect(o.count.individuals).toBe(251);
    expect(o.required).toBe(true);
  });
});

describe('Oklahoma SB 626 definition (outside review 2026-12-07)', () => {
  // 24 O.S. §162 as amended from 2026-01-01: a name with "other unique identification numbers"
  // "created or collected by a government entity", or with "unique biometric data … to
  // authenticate a specific individual" (quoted by Covington). Before: review ("may fall under
  // this law's definition") for a definition the amendment states.
  it('24 O.S. §162 (SB 626): a name with biometric data or a passport number is personal information from 2026-01-01; before, review', () => {
    for (const el of ['biometric', 'passport_number']) {
      const pop = [group('US-OK', 600, ['person_name', el])];
      expect(pick(run({ population: pop }), 'US-OK.individuals').required, el).toBe(true);
      expect(pick(run({ population: pop }), 'US-OK.regulator').required, el).toBe(true);
      const before = { discoveredAt: '2025-12-30T15:00:00Z', awareAt: '2025-12-30T15:00:00Z', population: pop };
      expect(pick(run(before, '2025-12-31T00:00:00Z'), 'US-OK.individuals.2008').required, el).toBe('review');
    }
  });
});
