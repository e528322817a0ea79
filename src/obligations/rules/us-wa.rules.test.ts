import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const wa = (n: number, elements = ['person_name', 'us_ssn']) => [group('US-WA', n, elements)];

describe('Washington (RCW 19.255.010)', () => {
  it('individuals within 30 days since 2020-03-01, 45 days before', () => {
    expect(pick(run({ population: wa(1) }), 'US-WA.individuals.2020').deadline).toBe('2026-04-02T06:59:59Z');
    expect(pick(run({ population: wa(1) }, '2020-02-29T12:00:00Z'), 'US-WA.individuals.2015').deadline).toBe('2026-04-17T06:59:59Z');
  });
  it('AG above 500: 500 no, 501 yes, within 30 days and by the consumer notice', () => {
    expect(pick(run({ population: wa(500) }), 'US-WA.regulator.2020').required).toBe(false);
    const o = pick(run({ population: wa(501) }), 'US-WA.regulator.2020');
    expect(o.required).toBe(true);
    expect(o.deadline).toBe('2026-04-02T06:59:59Z');
    expect(o.relation).toBe('no_later_than_individuals');
  });
  it('no CRA duty (the AlexNetCC dataset is wrong on this)', () => {
    expect(run({ population: wa(100000) }).obligations.some((o) => o.jurisdiction === 'US-WA' && o.recipient === 'credit_bureaus')).toBe(false);
  });
  it('full date of birth with a name is personal information', () => {
    expect(pick(run({ population: wa(1, ['person_name', 'date_of_birth']) }), 'US-WA.individuals.2020').required).toBe(true);
  });
  it('risk-of-harm exception', () => {
    expect(pick(run({ population: wa(1), risk: { noHarmDetermination: true } }), 'US-WA.individuals.2020').required).toBe(false);
  });
  it('insurance licensees: Insurance Commissioner within 2 business days', () => {
    // Determination Mon 2026-03-02 → Tue 3 (1), Wed 4 (2), Pacific time.
    expect(pick(run({ population: wa(1), controller: { insuranceLicensee: true } }), 'US-WA.regulator.insurance').deadline).toBe('2026-03-05T07:59:59Z');
  });
});
