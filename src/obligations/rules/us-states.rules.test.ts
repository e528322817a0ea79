import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';
import { US_STATES } from '../jurisdictions.js';
import { loadRules } from '../rules-loader.js';
import { US_STATE_ROWS } from './us-states.rules.js';

const ssn = ['person_name', 'us_ssn'];

describe('every US state, DC, PR, GU and VI has an individuals rule with a citation and a verified note', () => {
  const rules = loadRules();
  for (const code of Object.keys(US_STATES)) {
    it(code, () => {
      const ind = rules.filter((r) => r.jurisdiction === `US-${code}` && r.recipient === 'individuals');
      expect(ind.length).toBeGreaterThan(0);
      for (const r of ind) {
        expect(r.citation.length).toBeGreaterThan(5);
        expect(r.verified.length).toBeGreaterThan(10);
      }
      const o = run({ population: [group(`US-${code}`, 1, ssn)] }).obligations.find((x) => x.jurisdiction === `US-${code}` && x.recipient === 'individuals');
      expect(o?.required).toBe(true);
    });
  }
});

describe('compact table rows: day counts and thresholds at their boundaries', () => {
  for (const row of US_STATE_ROWS) {
    const j = `US-${row.code}`;
    it(`${row.code}: individuals ${row.indDays ?? 'ASAP'}`, () => {
      const o = pick(run({ population: [group(j, 1, ssn)] }), `${j}.individuals`);
      expect(o.deadline === null).toBe(row.indDays === null);
    });
    if (row.ag && row.ag.count > 1) {
      const { count, comparator = '>=', comparatorKnown } = row.ag;
      it(`${row.code}: regulator ${comparator} ${count}`, () => {
        const at = (n: number) => pick(run({ population: [group(j, n, ssn)] }), `${j}.${row.ag?.recipient ?? 'regulator'}`).required;
        expect(at(count - 1)).toBe(false);
        expect(at(count + 1)).toBe(true);
        // An unconfirmed comparator makes exactly `count` a review either way.
        expect(at(count)).toBe(comparatorKnown ? comparator === '>=' : 'review');
      });
    }
  }
});

describe('corrections and special cases from reference §6.3–6.4', () => {
  it('Alabama: 45 days, Central time (earliest-ending zone)', () => {
    expect(pick(run({ population: [group('US-AL', 1, ssn)] }), 'US-AL.individuals').deadline).toBe('2026-04-17T04:59:59Z');
  });
  it('Virginia: AG for any resident', () => {
    expect(pick(run({ population: [group('US-VA', 1, ssn)] }), 'US-VA.regulator').required).toBe(true);
  });
  it('New Jersey: Division of State Police before the consumer notice', () => {
    const o = pick(run({ population: [group('US-NJ', 1, ssn)] }), 'US-NJ.law_enforcement');
    expect(o.recipient).toBe('law_enforcement');
    expect(o.authority?.name).toMatch(/State Police/);
    expect(o.relation).toBe('before_individuals');
  });
  it('Vermont: AG preliminary notice within 14 business days on the Vermont calendar', () => {
    // From Mon 2026-03-02: Tue 3 Town Meeting Day skipped; Wed 4 is day 1 … Mon 23 is day 14.
    expect(pick(run({ population: [group('US-VT', 1, ssn)] }), 'US-VT.regulator').deadline).toBe('2026-03-24T03:59:59Z');
  });
  it('Iowa: AG within 5 business days after the consumer notice', () => {
    const o = pick(run({ population: [group('US-IA', 501, ssn)], individualNoticeAt: '2026-03-06T16:00:00Z' }), 'US-IA.regulator');
    // Fri 2026-03-06 → Mon 9 … Fri 13 (Central).
    expect(o.deadline).toBe('2026-03-14T04:59:59Z');
  });
  it('Minnesota: CRAs within 48 hours of the consumer notice above 500', () => {
    const o = pick(run({ population: [group('US-MN', 501, ssn)], individualNoticeAt: '2026-03-06T16:00:00Z' }), 'US-MN.credit_bureaus');
    expect(o.deadline).toBe('2026-03-08T16:00:00Z');
  });
  it('Pennsylvania: AG duty only since the 2024 amendment', () => {
    const pop = [group('US-PA', 600, ssn)];
    expect(has(run({ population: pop }, '2024-06-01T00:00:00Z'), 'US-PA.regulator')).toBe(false);
    expect(pick(run({ population: pop }), 'US-PA.regulator').required).toBe(true);
    // CRA "more than 500 persons at one time" (see the rule's verified note on the 500/1,000 conflict).
    expect(pick(run({ population: [group('US-PA', 500, ssn)] }), 'US-PA.credit_bureaus').required).toBe(false);
    expect(pick(run({ population: [group('US-PA', 300, ssn), group('US-NJ', 201, ssn)] }), 'US-PA.credit_bureaus').required).toBe(true);
  });
  it('Oklahoma: AG duty from 2026', () => {
    expect(has(run({ population: [group('US-OK', 600, ssn)] }, '2025-12-31T00:00:00Z'), 'US-OK.regulator')).toBe(false);
    expect(has(run({ population: [group('US-OK', 600, ssn)] }), 'US-OK.regulator')).toBe(true);
  });
  it('Alaska: the AG receives the no-harm determination instead of a notice', () => {
    const r = run({ population: [group('US-AK', 5, ssn)], risk: { noHarmDetermination: true } });
    expect(pick(r, 'US-AK.individuals').required).toBe(false);
    expect(pick(r, 'US-AK.regulator.no-harm').required).toBe(true);
  });
  it('elements outside the baseline definition answer review, not "not required"', () => {
    expect(pick(run({ population: [group('US-OH', 5, ['person_name', 'health'])] }), 'US-OH.individuals').required).toBe('review');
    expect(pick(run({ population: [group('US-OH', 5, ['person_name', 'email'])] }), 'US-OH.individuals').required).toBe(false);
  });
  it('Puerto Rico: DACO within 10 days', () => {
    expect(pick(run({ population: [group('US-PR', 1, ssn)] }), 'US-PR.regulator').deadline).toBe('2026-03-13T03:59:59Z');
  });
});
