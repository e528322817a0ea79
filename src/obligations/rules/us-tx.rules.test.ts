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
