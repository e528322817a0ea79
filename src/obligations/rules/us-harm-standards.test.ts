/**
 * Issue 13 §2 — risk-of-harm standards only where and as the statute gives them: which breaches
 * the exception covers, who must be consulted first, whether the finding must be written, filed,
 * and kept. Expected answers are worked from the provision named in each test.
 *
 * The golden fixture's breach is malicious (a hack) unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const ssn = ['person_name', 'us_ssn'];
const pop = (code: string, n = 10) => [group(`US-${code}`, n, ssn)];
/** A written no-harm determination made on 2026-03-05 16:00Z. */
const written = (extra: Record<string, unknown> = {}) => ({ noHarmDetermination: true, noHarmDeterminedAt: '2026-03-05T16:00:00Z', ...extra });

describe('New York GBL §899-aa(2)(a): only an inadvertent disclosure by persons authorised to access the data', () => {
  it('a malicious hack with a written no-harm finding still needs notice', () => {
    const r = run({ population: pop('NY'), risk: written() });
    const o = pick(r, 'US-NY.individuals.2025');
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/inadvertent/);
  });
  it('an employee\'s inadvertent disclosure, determined in writing: no notice to individuals', () => {
    const r = run({ population: pop('NY'), breach: { malicious: false, byAuthorisedPerson: true }, risk: written() });
    expect(pick(r, 'US-NY.individuals.2025').required).toBe(false);
  });
  it('inadvertent, but by whom not known: review, asking whether the person was authorised', () => {
    const o = pick(run({ population: pop('NY'), breach: { malicious: false }, risk: written() }), 'US-NY.individuals.2025');
    expect(o.required).toBe('review');
    expect(o.why).toMatch(/byAuthorisedPerson/);
  });
  it('not in writing: review (the determination "shall be in writing and maintained for at least five years")', () => {
    const o = pick(run({ population: pop('NY'), breach: { malicious: false, byAuthorisedPerson: true }, risk: { noHarmDetermination: true } }), 'US-NY.individuals.2025');
    expect(o.required).toBe('review');
  });
  it('above 500 residents the written determination goes to the AG within 10 days of it: 2026-03-05 → 2026-03-15 end of day EDT', () => {
    const facts = { breach: { malicious: false, byAuthorisedPerson: true }, risk: written() };
    const ag = pick(run({ population: pop('NY', 501), ...facts }), 'US-NY.regulator.no-harm');
    expect(ag).toMatchObject({ required: true, deadline: '2026-03-16T03:59:59Z' });
    expect(pick(run({ population: pop('NY', 500), ...facts }), 'US-NY.regulator.no-harm').required).toBe(false);
    // A hack is not covered by the exception: the AG gets the ordinary notice, not a determination.
    expect(pick(run({ population: pop('NY', 501), risk: written() }), 'US-NY.regulator.no-harm').required).toBe(false);
  });
  it('before SHIELD (2019-10-23) the statute had no no-harm exception at all', () => {
    const r = run(
      { discoveredAt: '2019-06-03T15:00:00Z', awareAt: '2019-06-03T15:00:00Z', population: pop('NY'), breach: { malicious: false, byAuthorisedPerson: true }, risk: written({ noHarmDeterminedAt: '2019-06-04T15:00:00Z' }) },
      '2019-06-10T00:00:00Z',
    );
    expect(pick(r, 'US-NY.individuals.2005').required).toBe(true);
  });
});

describe('District of Columbia Code §28-3851(1)(B): consultation with the OAG and federal law enforcement', () => {
  it('a no-harm finding without consultation answers review', () => {
    const o = pick(run({ population: pop('DC'), risk: written() }), 'US-DC.individuals');
    expect(o.required).toBe('review');
    expect(o.why).toMatch(/Attorney General.*federal law enforcement|consult/);
  });
  it('the OAG alone is not enough; the OAG and federal law enforcement: no notice', () => {
    expect(pick(run({ population: pop('DC'), risk: written({ consultedWith: ['attorney_general'] }) }), 'US-DC.individuals').required).toBe('review');
    const r = run({ population: pop('DC', 60), risk: written({ consultedWith: ['attorney_general', 'federal_law_enforcement'] }) });
    expect(pick(r, 'US-DC.individuals').required).toBe(false);
    expect(pick(r, 'US-DC.regulator').required).toBe(false);
  });
  it('before D.C. Law 23-98 (in 2019) there was no exception: notice whatever the finding', () => {
    const r = run(
      { discoveredAt: '2019-06-03T15:00:00Z', awareAt: '2019-06-03T15:00:00Z', population: pop('DC'), risk: written({ consultedWith: ['attorney_general', 'federal_law_enforcement'], noHarmDeterminedAt: '2019-06-04T15:00:00Z' }) },
      '2019-06-10T00:00:00Z',
    );
    expect(pick(r, 'US-DC.individuals.2007').required).toBe(true);
  });
  it('AG when 50 or more residents, no later than the notice to residents (§28-3852(a-1)): 49 no, 50 yes', () => {
    expect(pick(run({ population: pop('DC', 49) }), 'US-DC.regulator').required).toBe(false);
    const o = pick(run({ population: pop('DC', 50) }), 'US-DC.regulator');
    expect(o).toMatchObject({ required: true, relation: 'no_later_than_individuals' });
  });
});

describe('Florida §501.171(4)(c): law-enforcement consultation, in writing, to the Department within 30 days', () => {
  it('without law-enforcement consultation: review', () => {
    expect(pick(run({ population: pop('FL'), risk: written() }), 'US-FL.individuals').required).toBe('review');
  });
  it('consulted and written: no notice to individuals; the determination to the Department by 2026-04-04 (30 days after 2026-03-05)', () => {
    const r = run({ population: pop('FL'), risk: written({ consultedWith: ['law_enforcement'] }) });
    expect(pick(r, 'US-FL.individuals').required).toBe(false);
    expect(pick(r, 'US-FL.regulator.no-harm')).toMatchObject({ required: true, deadline: '2026-04-05T03:59:59Z' });
  });
});

describe('prior notice to the Attorney General as a condition of the finding', () => {
  it('Alaska §45.48.010(c): no written notice to the AG first → review; with it → no notice, and the AG file is owed', () => {
    expect(pick(run({ population: pop('AK'), risk: written() }), 'US-AK.individuals').required).toBe('review');
    const r = run({ population: pop('AK'), risk: written({ consultedWith: ['attorney_general'] }) });
    expect(pick(r, 'US-AK.individuals').required).toBe(false);
    expect(pick(r, 'US-AK.regulator.no-harm').required).toBe(true);
  });
  it('South Dakota §22-40-20: "following an appropriate investigation and notice to the attorney general"; kept 3 years', () => {
    expect(pick(run({ population: pop('SD'), risk: written() }), 'US-SD.individuals').required).toBe('review');
    const o = pick(run({ population: pop('SD'), risk: written({ consultedWith: ['attorney_general'] }) }), 'US-SD.individuals');
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/3 years/);
  });
});

describe('harm as an element of the definition of breach', () => {
  it('Virginia §18.2-186.6(A): no reasonable belief of identity theft or other fraud → no breach, and the answer says why', () => {
    const o = pick(run({ population: pop('VA'), risk: written() }), 'US-VA.individuals');
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/element of the breach definition.*identity theft or other fraud/);
    // Without that finding the duty stands: the definition is presumed met.
    expect(pick(run({ population: pop('VA') }), 'US-VA.individuals').required).toBe(true);
  });
  for (const [code, words] of [
    ['IN', /could result in identity deception/],
    ['PA', /loss or injury to any resident/],
    ['OH', /material risk of identity theft/],
    ['KY', /identity theft or fraud/],
    ['HI', /risk of harm/],
    ['MT', /loss or injury/],
    ['WV', /identity theft or other fraud/],
  ] as const)
    it(`${code}: the definition's harm element removes the duty on a no-harm finding`, () => {
      const o = pick(run({ population: pop(code), risk: written() }), `US-${code}.individuals`);
      expect(o.required).toBe(false);
      expect(o.why).toMatch(words);
    });
});

describe('exceptions on an investigation, with no consultation or writing condition', () => {
  for (const [code, id, provision] of [
    ['MS', 'US-MS.individuals', 'Miss. Code §75-24-29(3): will not likely result in harm'],
    ['DE', 'US-DE.individuals', 'Del. Code tit. 6 §12B-102(a): unlikely to result in harm'],
    ['NM', 'US-NM.individuals', 'N.M. Stat. §57-12C-6(C): no significant risk of identity theft or fraud'],
    ['WA', 'US-WA.individuals.2020', 'RCW 19.255.010(1): not reasonably likely to subject consumers to a risk of harm'],
    ['CO', 'US-CO.individuals', 'C.R.S. §6-1-716(2)(a): misuse has not occurred and is not reasonably likely'],
    ['NE', 'US-NE.individuals', 'Neb. Rev. Stat. §87-803(1): unauthorized use not occurred nor reasonably likely'],
  ] as const)
    it(`${code} — ${provision}: a no-harm finding removes the duty`, () => {
      expect(pick(run({ population: pop(code) }), id).required).toBe(true);
      expect(pick(run({ population: pop(code), risk: { noHarmDetermination: true } }), id).required).toBe(false);
    });
});

describe('no risk-of-harm test in the statute: a no-harm finding changes nothing', () => {
  for (const [code, id, provision] of [
    ['CA', 'US-CA.individuals.2026', 'Cal. Civ. Code §1798.82'],
    ['TX', 'US-TX.individuals', 'Tex. Bus. & Com. Code §521.053'],
    ['IL', 'US-IL.individuals', '815 ILCS 530/10'],
    ['GA', 'US-GA.individuals', 'O.C.G.A. §10-1-912 (review: information brokers only)'],
    ['MN', 'US-MN.individuals', 'Minn. Stat. §325E.61'],
    ['NV', 'US-NV.individuals', 'NRS 603A.220'],
    ['ND', 'US-ND.individuals', 'N.D. Cent. Code §51-30-02'],
    ['TN', 'US-TN.individuals', 'Tenn. Code §47-18-2107'],
    ['PR', 'US-PR.individuals', '10 L.P.R.A. §4052'],
    ['VI', 'US-VI.individuals', '14 V.I.C. §2209'],
  ] as const)
    it(`${code} — ${provision}`, () => {
      const facts = { population: pop(code), risk: written({ consultedWith: ['attorney_general', 'law_enforcement', 'federal_law_enforcement'] }) };
      expect(pick(run(facts), id).required).toBe(code === 'GA' ? 'review' : true);
    });
});

describe('standards not confirmed against a text answer review, never "not required"', () => {
  for (const [code, id] of [
    ['OR', 'US-OR.individuals'],
  ] as const)
    it(`${code}: a written no-harm determination answers review`, () => {
      const o = pick(run({ population: pop(code), risk: written() }), id);
      expect(o.required).toBe('review');
      expect(o.why).toMatch(/not confirmed/);
    });
  it('Connecticut before PA 21-59 (2021-10-01) needed law-enforcement consultation (recalled): review; after, a written finding suffices', () => {
    const before = run(
      { discoveredAt: '2021-09-15T15:00:00Z', awareAt: '2021-09-15T15:00:00Z', population: pop('CT'), risk: written({ noHarmDeterminedAt: '2021-09-16T15:00:00Z', consultedWith: ['law_enforcement'] }) },
      '2021-09-20T00:00:00Z',
    );
    expect(pick(before, 'US-CT.individuals.2018').required).toBe('review');
    expect(pick(run({ population: pop('CT'), risk: written() }), 'US-CT.individuals').required).toBe(false);
  });
});

describe('investigation standards with documentation years', () => {
  for (const [code, years, provision] of [
    ['NJ', 5, 'N.J.S.A. 56:8-163(a): misuse not reasonably possible, documented, kept 5 years'],
    ['IA', 5, 'Iowa Code §715C.2(6): no reasonable likelihood of financial harm, documented, kept 5 years'],
    ['MO', 5, 'Mo. Rev. Stat. §407.1500.2(5): kept 5 years'],
    ['MD', 3, 'Md. Com. Law §14-3504(b)(4): records kept 3 years'],
    ['AR', 5, 'Ark. Code §4-110-105 (Act 1030): kept 5 years'],
  ] as const)
    it(`${code} — ${provision}`, () => {
      expect(pick(run({ population: pop(code), risk: { noHarmDetermination: true } }), `US-${code}.individuals`).required).toBe('review');
      const o = pick(run({ population: pop(code), risk: written() }), `US-${code}.individuals`);
      expect(o.required).toBe(false);
      expect(o.why).toMatch(new RegExp(`${years} years`));
    });
});

describe('the kept determination is a record-keeping duty (outside review 2026-12-07)', () => {
  // N.Y. GBL §899-aa(2)(a): "Such a determination must be documented in writing and maintained for at
  // least five years"; N.J.S.A. 56:8-163(a): "documented in writing and retained for five years".
  // Before: the retention duty appeared only inside the "why" of a "not required" answer, and
  // recordKeeping (the list of duties that hold whether or not notice is sent) was empty.
  it('§899-aa(2)(a), §56:8-163(a): relying on a written no-harm finding lists its retention once per law', () => {
    const r = run({ population: [...pop('NY'), ...pop('NJ')], breach: { malicious: false, byAuthorisedPerson: true }, risk: written() });
    expect(pick(r, 'US-NY.individuals.2025').required).toBe(false);
    const kept = r.recordKeeping.filter((k) => /no-harm determination/.test(k.duty));
    expect(kept.map((k) => k.jurisdiction).sort()).toEqual(['US-NJ', 'US-NY']);
    expect(kept.every((k) => /5 years/.test(k.duty))).toBe(true);
  });
  it('no record when no finding is relied on, or when the finding does not remove the duty (a hack in NY)', () => {
    expect(run({ population: pop('NY') }).recordKeeping.some((k) => /no-harm/.test(k.duty))).toBe(false);
    const hack = run({ population: pop('NY'), risk: written() });
    expect(hack.recordKeeping.some((k) => k.jurisdiction === 'US-NY')).toBe(false);
  });
});
