import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const tx = (n: number) => [group('US-TX', n, ['person_name', 'us_ssn'])];

describe('Texas (Bus. & Com. Code §521.053)', () => {
  it('AG at least 250 residents: 249 no, 250 yes; 30 days after determination since 2023-09-01', () => {
    expect(pick(run({ population: tx(249) }), 'US-TX.regulator.2023').required).toBe(false);
    const o = pick(run({ population: tx(250) }), 'US-TX.regulator.2023');
    expect(o.required).toBe(true);
    // The example: awareAt 2026-03-02T15:00Z, 30 days across the DST change → 2026-04-01 23:59:59 CDT.
    expect(o.deadline).toBe('2026-04-02T04:59:59Z');
    expect(o.relativeTo?.note).toMatch(/assumed equal to awareAt/);
  });
  it('as of 2023-08-31 the AG period was 60 days', () => {
    expect(pick(run({ population: tx(300) }, '2023-08-31T12:00:00Z'), 'US-TX.regulator.2020').deadline).toBe('2026-05-02T04:59:59Z');
  });
  it('individuals within 60 days of the determination date when given', () => {
    const o = pick(run({ population: tx(1), determinedAt: '2026-03-10T20:00:00Z' }), 'US-TX.individuals');
    expect(o.deadline).toBe('2026-05-10T04:59:59Z');
  });
  it('§521.053(b), (i): days run from the earliest local date in Texas — 06:30Z is 00:30 in Chicago but 23:30 the day before in El Paso (Mountain)', () => {
    const at = { discoveredAt: '2026-03-03T06:30:00Z', awareAt: '2026-03-03T06:30:00Z' };
    // El Paso: 2026-03-02 + 30 days = 2026-04-01 23:59:59 MDT = 2026-04-02T05:59:59Z (Chicago would give 2026-04-03T04:59:59Z).
    const ag = pick(run({ population: tx(300), ...at }), 'US-TX.regulator.2023');
    expect(ag.deadline).toBe('2026-04-02T05:59:59Z');
    expect(ag.deadlineRule).toMatch(/ending earlier in America\/Denver/);
    // 2026-03-02 + 60 days = 2026-05-01 23:59:59 MDT = 2026-05-02T05:59:59Z.
    expect(pick(run({ population: tx(300), ...at }), 'US-TX.individuals').deadline).toBe('2026-05-02T05:59:59Z');
  });
  it('CRAs: more than 10,000 persons in total, Texans or not', () => {
    const mixed = [...tx(6000), group('US-CA', 4001, ['person_name', 'us_ssn'])];
    expect(pick(run({ population: mixed }), 'US-TX.credit_bureaus').count.individuals).toBe(10001);
    expect(pick(run({ population: mixed }), 'US-TX.credit_bureaus').required).toBe(true);
    expect(pick(run({ population: [...tx(6000), group('US-CA', 4000, ['person_name', 'us_ssn'])] }), 'US-TX.credit_bureaus').required).toBe(false);
  });
  it('health information with a name is sensitive personal information', () => {
    expect(pick(run({ population: [group('US-TX', 1, ['person_name', 'health'])] }), 'US-TX.individuals').required).toBe(true);
  });
});

describe('Texas definition of sensitive personal information (outside review 2026-12-07)', () => {
  // §521.002(a)(2)(A)(ii): "driver's license number or government-issued identification number".
  // Before: only drivers_license and national_id were encoded, so a name + passport number answered
  // "not required" for Texans.
  it('§521.002(a)(2)(A)(ii): a name with a passport number or an ITIN is sensitive personal information', () => {
    for (const el of ['passport_number', 'us_itin']) {
      const o = pick(run({ population: [group('US-TX', 300, ['person_name', el])] }), 'US-TX.individuals');
      expect(o.required, el).toBe(true);
      expect(pick(run({ population: [group('US-TX', 300, ['person_name', el])] }), 'US-TX.regulator.2023').required, el).toBe(true);
    }
  });
  // §521.002(a)(2)(B): "information that identifies an individual and relates to … the physical or
  // mental health …" — no name required; whether an e-mail address alone identifies is for counsel.
  it('§521.002(a)(2)(B): health data with an e-mail address and no name is review, not "not required"', () => {
    const o = pick(run({ population: [group('US-TX', 5, ['email', 'health'])] }), 'US-TX.individuals');
    expect(o.required).toBe('review');
    expect(o.questions.join(' ')).toMatch(/definition/);
  });
  it('a tax id other than an ITIN is review; health data with nothing that identifies stays not required', () => {
    expect(pick(run({ population: [group('US-TX', 5, ['person_name', 'tax_id'])] }), 'US-TX.individuals').required).toBe('review');
    expect(pick(run({ population: [group('US-TX', 5, ['health'])] }), 'US-TX.individuals').required).toBe(false);
  });
});
