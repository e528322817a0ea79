/**
 * Issue 13 §4–5 — version changes, anchors, holidays and time-zone edges of the US state rules.
 * Each case puts the discovery and the evaluation on the same side of the change (the day before,
 * the day it takes effect), so the answer is the law of that day whichever date selects the
 * version. Deadlines are worked by hand: the anchor's local date + N days, 23:59:59 local.
 */
import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const ssn = ['person_name', 'us_ssn'];

/** Facts for a breach discovered (and determined) at `at`, evaluated the same day. */
const on = (at: string, code: string, n = 10, extra: Record<string, unknown> = {}) =>
  run({ discoveredAt: at, awareAt: at, population: [group(`US-${code}`, n, ssn)], ...extra }, at);

describe('versions: the day before and the day a text takes effect', () => {
  it('Indiana HEA 1351 (IC 24-4.9-3-3, 2022-07-01): no day count, then 45 days after discovery', () => {
    expect(pick(on('2022-06-30T15:00:00Z', 'IN'), 'US-IN.individuals.2009').deadline).toBeNull();
    // 2022-07-01 + 45 = 2022-08-15, EDT.
    expect(pick(on('2022-07-01T15:00:00Z', 'IN'), 'US-IN.individuals').deadline).toBe('2022-08-16T03:59:59Z');
    expect(pick(on('2022-07-01T15:00:00Z', 'IN'), 'US-IN.regulator').deadline).toBe('2022-08-16T03:59:59Z');
  });
  it('Connecticut PA 21-59 (§36a-701b(b)(1), 2021-10-01): 90 days, then 60 days after discovery', () => {
    // 2021-09-30 + 90 = 2021-12-29; 2021-10-01 + 60 = 2021-11-30 (EST after 2021-11-07).
    expect(pick(on('2021-09-30T15:00:00Z', 'CT'), 'US-CT.individuals.2018').deadline).toBe('2021-12-30T04:59:59Z');
    expect(pick(on('2021-10-01T15:00:00Z', 'CT'), 'US-CT.individuals').deadline).toBe('2021-12-01T04:59:59Z');
  });
  it('Maryland HB 962 (Com. Law §14-3504(b)(3), 2022-10-01): 45 days after the investigation ends, then after discovery', () => {
    const determined = { determinedAt: '2022-10-20T15:00:00Z' };
    // Before: the investigation concluded 2022-10-20 → 2022-12-04 (EST).
    expect(pick(on('2022-09-30T15:00:00Z', 'MD', 10, determined), 'US-MD.individuals.2018').deadline).toBe('2022-12-05T04:59:59Z');
    // After: discovered 2022-10-03 → 2022-11-17 (EST), whatever the investigation.
    expect(pick(on('2022-10-03T15:00:00Z', 'MD', 10, determined), 'US-MD.individuals').deadline).toBe('2022-11-18T04:59:59Z');
  });
  it('Maine LD 696 (10 M.R.S. §1348(1), 2019-09-19): no day count, then 30 days after awareness and scope', () => {
    expect(pick(on('2019-09-18T15:00:00Z', 'ME'), 'US-ME.individuals.2009').deadline).toBeNull();
    expect(pick(on('2019-09-19T15:00:00Z', 'ME'), 'US-ME.individuals').deadline).toBe('2019-10-20T03:59:59Z');
  });
  it('Delaware HB 180 (tit. 6 §12B-102, 2018-04-14): no day count and no AG, then 60 days and the AG above 500', () => {
    const before = on('2018-04-13T15:00:00Z', 'DE', 501);
    expect(pick(before, 'US-DE.individuals.2010').deadline).toBeNull();
    expect(has(before, 'US-DE.regulator')).toBe(false);
    const after = on('2018-04-16T15:00:00Z', 'DE', 501);
    expect(pick(after, 'US-DE.individuals').deadline).toBe('2018-06-16T03:59:59Z');
    expect(pick(after, 'US-DE.regulator').required).toBe(true);
  });
  it('District of Columbia Law 23-98: no AG before; the disputed week answers review; AG at 50 from 2020-06-17', () => {
    expect(has(on('2020-06-05T15:00:00Z', 'DC', 60), 'US-DC.regulator')).toBe(false);
    expect(pick(on('2020-06-10T15:00:00Z', 'DC', 60), 'US-DC.regulator.2020a').required).toBe('review');
    expect(pick(on('2020-06-17T15:00:00Z', 'DC', 60), 'US-DC.regulator').required).toBe(true);
  });
  it('Arizona HB 2154 (A.R.S. §18-552, 2018-08-03): no day count, then 45 days after the determination (MST, no DST)', () => {
    expect(pick(on('2018-08-02T15:00:00Z', 'AZ', 1001), 'US-AZ.individuals.2006').deadline).toBeNull();
    const after = on('2018-08-03T15:00:00Z', 'AZ', 1001);
    expect(pick(after, 'US-AZ.individuals.2018').deadline).toBe('2018-09-18T06:59:59Z');
    expect(pick(after, 'US-AZ.regulator.2018').deadline).toBe('2018-09-18T06:59:59Z');
  });
  it('Arizona HB 2146 (2022): the Department of Homeland Security joins the AG from 2022-09-24', () => {
    expect(pick(on('2022-09-23T15:00:00Z', 'AZ', 1001), 'US-AZ.regulator.2018').authority?.name).not.toMatch(/Homeland/);
    expect(pick(on('2022-09-26T15:00:00Z', 'AZ', 1001), 'US-AZ.regulator').authority?.name).toMatch(/Homeland Security/);
  });
  it('Arkansas Act 1030 (§4-110-105, 2019-07-23): the AG above 1,000, 45 days after the determination', () => {
    expect(has(on('2019-07-22T15:00:00Z', 'AR', 1001), 'US-AR.regulator')).toBe(false);
    expect(pick(on('2019-07-23T15:00:00Z', 'AR', 1001), 'US-AR.regulator')).toMatchObject({ required: true, deadline: '2019-09-07T04:59:59Z' });
  });
  it('Louisiana Act 382 (La. R.S. 51:3074(E), 2018-08-01): no day count, then 60 days from discovery', () => {
    expect(pick(on('2018-07-31T15:00:00Z', 'LA'), 'US-LA.individuals.2007').deadline).toBeNull();
    expect(pick(on('2018-08-01T15:00:00Z', 'LA'), 'US-LA.individuals').deadline).toBe('2018-10-01T04:59:59Z');
  });
  it('Oregon SB 1551 (ORS 646A.604(3), 2018-06-02): the same 45 days for consumers and the AG (>250)', () => {
    expect(pick(on('2018-06-01T15:00:00Z', 'OR', 251), 'US-OR.regulator.2016').deadline).toBeNull();
    const after = on('2018-06-04T15:00:00Z', 'OR', 251);
    expect(pick(after, 'US-OR.individuals.2018').deadline).toBe('2018-07-20T05:59:59Z');
    expect(pick(after, 'US-OR.regulator.2018').deadline).toBe('2018-07-20T05:59:59Z');
  });
  it('Pennsylvania Act 33 (73 P.S. §§2303(c.1), 2305; 2024-09-26): AG above 500 and CRAs above 500 (before: 1,000, no AG)', () => {
    const before = on('2024-09-25T15:00:00Z', 'PA', 600);
    expect(has(before, 'US-PA.regulator')).toBe(false);
    expect(pick(before, 'US-PA.credit_bureaus.2023').required).toBe(false);
    const after = on('2024-09-26T15:00:00Z', 'PA', 600);
    expect(pick(after, 'US-PA.regulator')).toMatchObject({ required: true, relation: 'no_later_than_individuals' });
    expect(pick(after, 'US-PA.credit_bureaus').required).toBe(true);
  });
  it('Pennsylvania Act 33 §3(c.2): insurance licensees subject to 40 Pa.C.S. Ch. 45 are exempt from the AG notice', () => {
    expect(pick(on('2026-03-02T15:00:00Z', 'PA', 600, { controller: { insuranceLicensee: true } }), 'US-PA.regulator').required).toBe(false);
  });
  it('Oklahoma SB 626 (24 O.S. §163, 2026-01-01): AG for 500 or more, 60 days after the notice to residents', () => {
    expect(has(on('2025-12-31T15:00:00Z', 'OK', 500), 'US-OK.regulator')).toBe(false);
    const after = on('2026-01-02T15:00:00Z', 'OK', 500, { individualNoticeAt: '2026-02-10T17:00:00Z' });
    // Residents notified 2026-02-10 → + 60 days = 2026-04-11, CDT.
    expect(pick(after, 'US-OK.regulator')).toMatchObject({ required: true, deadline: '2026-04-12T04:59:59Z' });
    expect(pick(on('2026-01-02T15:00:00Z', 'OK', 499), 'US-OK.regulator').required).toBe(false);
  });
  it('Utah 2023 amendment (§13-44-202, 2023-05-03): AG and Utah Cyber Center at 500 or more', () => {
    expect(has(on('2023-05-02T15:00:00Z', 'UT', 500), 'US-UT.regulator.2023')).toBe(false);
    expect(pick(on('2023-05-03T15:00:00Z', 'UT', 500), 'US-UT.regulator.2023').required).toBe(true);
  });
  it('Texas HB 4390 (§521.053(b), (i), 2020-01-01): "as quickly as possible", then 60 days and the AG at 250', () => {
    const before = on('2019-12-31T15:00:00Z', 'TX', 250);
    expect(pick(before, 'US-TX.individuals.2012').deadline).toBeNull();
    expect(has(before, 'US-TX.regulator.2020')).toBe(false);
    // 2020-01-02 + 60 = 2020-03-02 (CST).
    expect(pick(on('2020-01-02T15:00:00Z', 'TX', 250), 'US-TX.individuals').deadline).toBe('2020-03-03T05:59:59Z');
  });
  it('Colorado HB 18-1128 (C.R.S. §6-1-716(2), 2018-09-01): no day count, then 30 days after the determination', () => {
    expect(pick(on('2018-08-31T15:00:00Z', 'CO'), 'US-CO.individuals.2006').deadline).toBeNull();
    expect(pick(on('2018-09-01T15:00:00Z', 'CO'), 'US-CO.individuals').deadline).toBe('2018-10-02T05:59:59Z');
  });
  it('Illinois PA 101-0343 (815 ILCS 530/10(e), 2020-01-01): the AG above 500 from 2020', () => {
    expect(has(on('2019-12-31T15:00:00Z', 'IL', 501), 'US-IL.regulator')).toBe(false);
    expect(pick(on('2020-01-02T15:00:00Z', 'IL', 501), 'US-IL.regulator').required).toBe(true);
  });
  it('New York SHIELD Act (§899-aa(1)(c), 2019-10-23): access without acquisition is a breach only from then', () => {
    const access = { breach: { acquisition: false } };
    expect(pick(on('2019-10-22T15:00:00Z', 'NY', 10, access), 'US-NY.individuals.2005').required).toBe(false);
    expect(pick(on('2019-10-23T15:00:00Z', 'NY', 10, access), 'US-NY.individuals.2019').required).toBe(true);
  });
  it('California AB 1130 (2020) and AB 825 (2022) (§1798.82(h)): biometric data, then genetic data', () => {
    const bio = (at: string) => run({ discoveredAt: at, awareAt: at, population: [group('US-CA', 5, ['person_name', 'biometric'])] }, at);
    expect(pick(bio('2019-12-31T20:00:00Z'), 'US-CA.individuals.2017').required).toBe(false);
    expect(pick(bio('2020-01-01T20:00:00Z'), 'US-CA.individuals.2020').required).toBe(true);
    const gen = (at: string) => run({ discoveredAt: at, awareAt: at, population: [group('US-CA', 5, ['person_name', 'genetic'])] }, at);
    expect(pick(gen('2021-12-31T20:00:00Z'), 'US-CA.individuals.2020').required).toBe(false);
    expect(pick(gen('2022-01-01T20:00:00Z'), 'US-CA.individuals.2022').required).toBe(true);
  });
  it('Alabama (Act 2018-396, from 2018-06-01) and South Dakota (SB 62, from 2018-07-01): no statute before', () => {
    expect(has(on('2018-05-31T15:00:00Z', 'AL'), 'US-AL.individuals')).toBe(false);
    const none = pick(on('2018-05-31T15:00:00Z', 'AL'), 'US-AL.individuals.none');
    expect(none.required).toBe(false);
    expect(none.why).toMatch(/Act 2018-396/);
    expect(pick(on('2018-06-01T15:00:00Z', 'AL'), 'US-AL.individuals').required).toBe(true);
    expect(has(on('2018-06-30T15:00:00Z', 'SD'), 'US-SD.individuals')).toBe(false);
    expect(pick(on('2018-06-30T15:00:00Z', 'SD'), 'US-SD.individuals.none').required).toBe(false);
    expect(pick(on('2018-07-02T15:00:00Z', 'SD'), 'US-SD.individuals').required).toBe(true);
  });
});

/**
 * Every other version change of the state rules, from the amending acts' effective dates: on the
 * last day of the old text the old rule answers, on the first day of the new one the new rule.
 */
const CHANGES: Array<[before: string, lastDay: string, after: string, law: string]> = [
  ['US-CA.regulator.2017', '2019-12-31', 'US-CA.regulator.2020', 'Cal. Civ. Code §1798.82(h), AB 1130'],
  ['US-CA.regulator.2022', '2025-12-31', 'US-CA.regulator.2026', 'Cal. Civ. Code §1798.82(f), SB 446'],
  ['US-MA.individuals.2007', '2019-04-10', 'US-MA.individuals', 'M.G.L. c. 93H §3, St. 2018 c. 444'],
  ['US-MA.regulator.2007', '2019-04-10', 'US-MA.regulator', 'M.G.L. c. 93H §3(b), St. 2018 c. 444'],
  ['US-NY.individuals.2019', '2024-12-20', 'US-NY.individuals.2024', 'GBL §899-aa(2), S2659B'],
  ['US-NY.credit_bureaus.2019', '2025-03-20', 'US-NY.credit_bureaus', 'GBL §899-aa(1)(b), S2376B'],
  ['US-NY.regulator.no-harm.2019', '2025-03-20', 'US-NY.regulator.no-harm', 'GBL §899-aa(2)(a), S2376B'],
  ['US-TX.regulator.2020', '2023-08-31', 'US-TX.regulator.2023', 'Tex. Bus. & Com. Code §521.053(i), SB 768'],
  ['US-WA.regulator.2015', '2020-02-29', 'US-WA.regulator.2020', 'RCW 19.255.010, HB 1071'],
  ['US-CT.regulator.2015', '2018-09-30', 'US-CT.regulator.2018', 'Conn. Gen. Stat. §36a-701b, PA 18-90'],
  ['US-DC.credit_bureaus.2007', '2020-06-07', 'US-DC.credit_bureaus.2020a', 'D.C. Code §28-3852(d), D.C. Law 23-98 (disputed week)'],
  ['US-IN.credit_bureaus.2009', '2022-06-30', 'US-IN.credit_bureaus', 'Ind. Code §24-4.9-3-1, HEA 1351'],
  ['US-LA.regulator.2007', '2018-07-31', 'US-LA.regulator', 'La. R.S. 51:3074, Act 382'],
  ['US-ME.credit_bureaus.2009', '2019-09-18', 'US-ME.credit_bureaus', '10 M.R.S. §1348, LD 696'],
  ['US-MD.credit_bureaus.2018', '2022-09-30', 'US-MD.credit_bureaus', 'Md. Com. Law §14-3506, HB 962'],
  ['US-NJ.law_enforcement.2006', '2019-08-31', 'US-NJ.law_enforcement', 'N.J.S.A. 56:8-163(c), P.L. 2019 c. 95'],
  ['US-OK.individuals.2008', '2025-12-31', 'US-OK.individuals', '24 O.S. §163, SB 626'],
  ['US-OR.credit_bureaus.2018', '2019-12-31', 'US-OR.credit_bureaus', 'ORS 646A.604, SB 684'],
  ['US-PA.individuals.2006', '2023-05-01', 'US-PA.individuals.2023', '73 P.S. §2302, Act 151 of 2022'],
  ['US-RI.regulator.2016', '2023-06-26', 'US-RI.regulator', 'R.I. Gen. Laws §11-49.3-4, P.L. 2023 c. 375'],
  ['US-UT.credit_bureaus.2023', '2024-04-30', 'US-UT.credit_bureaus', 'Utah Code §13-44-202, SB 98'],
  ['US-VT.regulator.2012', '2020-06-30', 'US-VT.regulator', '9 V.S.A. §2435, Act 89 of 2020'],
  ['US-VA.credit_bureaus.2008', '2019-06-30', 'US-VA.credit_bureaus', 'Va. Code §18.2-186.6, 2019 amendment'],
];

describe('every other version change, on its last day and the next', () => {
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const [before, lastDay, after, law] of CHANGES)
    it(`${law}: ${before} until ${lastDay}, then ${after}`, () => {
      const code = before.slice(3, 5);
      const at = (day: string) => on(`${day}T16:00:00Z`, code, 5000);
      expect(has(at(lastDay), before)).toBe(true);
      expect(has(at(lastDay), after)).toBe(false);
      expect(has(at(next(lastDay)), after)).toBe(true);
      expect(has(at(next(lastDay)), before)).toBe(false);
    });
});

describe('anchors, holidays and time zones', () => {
  it('Iowa §715C.2(8): 5 business days after the consumer notice skip Independence Day observed (Fri 2026-07-03)', () => {
    // Notice Thu 2026-07-02 → Mon 6, Tue 7, Wed 8, Thu 9, Fri 10 July (CDT).
    const o = pick(run({ population: [group('US-IA', 501, ssn)], individualNoticeAt: '2026-07-02T17:00:00Z' }), 'US-IA.regulator');
    expect(o.deadline).toBe('2026-07-11T04:59:59Z');
  });
  it('Vermont 9 V.S.A. §2435(b)(3): the AG preliminary notice is due by the consumer notice if that comes first', () => {
    const o = pick(run({ population: [group('US-VT', 1, ssn)], individualNoticeAt: '2026-03-05T15:00:00Z' }), 'US-VT.regulator');
    expect(o.relation).toBe('no_later_than_individuals');
    // 14 business days from Mon 2026-03-02, skipping Town Meeting Day (Tue 3 March): Mon 23 March.
    expect(o.deadline).toBe('2026-03-24T03:59:59Z');
  });
  it('Alabama §8-38-5(b): a discovery late in the evening counts from the local (Central) date', () => {
    // 2026-03-03T04:30Z is 22:30 on 2 March in Alabama: + 45 days = 16 April, not 17.
    const o = pick(run({ discoveredAt: '2026-03-03T04:30:00Z', awareAt: '2026-03-03T04:30:00Z', population: [group('US-AL', 1, ssn)] }), 'US-AL.individuals');
    expect(o.deadline).toBe('2026-04-17T04:59:59Z');
  });
  it('Arizona and New Mexico, both 45 days: Arizona keeps standard time, so its day ends an hour later in UTC', () => {
    expect(pick(run({ population: [group('US-AZ', 1, ssn)] }), 'US-AZ.individuals').deadline).toBe('2026-04-17T06:59:59Z');
    expect(pick(run({ population: [group('US-NM', 1, ssn)] }), 'US-NM.individuals').deadline).toBe('2026-04-17T05:59:59Z');
  });
  it('Minnesota §325E.61(2): CRAs within 48 hours of determining that more than 500 persons must be notified', () => {
    const o = pick(run({ population: [group('US-MN', 501, ssn)], determinedAt: '2026-03-06T16:00:00Z' }), 'US-MN.credit_bureaus');
    expect(o.deadline).toBe('2026-03-08T16:00:00Z');
  });
  it('Puerto Rico 10 L.P.R.A. §4052: DACO within 10 days of detection, Atlantic time (no DST)', () => {
    // 2026-03-02 + 10 = 2026-03-12, AST (UTC−4).
    expect(pick(run({ population: [group('US-PR', 1, ssn)] }), 'US-PR.regulator').deadline).toBe('2026-03-13T03:59:59Z');
  });
});
