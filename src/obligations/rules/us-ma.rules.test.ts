import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const ma = (n: number, elements = ['person_name', 'us_ssn']) => [group('US-MA', n, elements)];

describe('Massachusetts (M.G.L. c. 93H)', () => {
  it('AG and OCABR for a single resident, as soon as practicable', () => {
    expect(pick(run({ population: ma(1) }), 'US-MA.regulator')).toMatchObject({ required: true, deadline: null });
  });
  it('the resident letter must not state the nature of the breach or the number affected', () => {
    const o = pick(run({ population: ma(1) }), 'US-MA.individuals');
    expect(o.prohibitedContent.join(' ')).toMatch(/nature of the breach/);
    expect(o.prohibitedContent.join(' ')).toMatch(/number of Massachusetts residents/);
  });
  it('a card number counts with or without its code; health data does not', () => {
    expect(pick(run({ population: ma(1, ['person_name', 'payment_card']) }), 'US-MA.individuals').required).toBe(true);
    expect(pick(run({ population: ma(1, ['person_name', 'health']) }), 'US-MA.individuals').required).toBe(false);
  });
  it('acquisition by an unauthorised person triggers even with a no-harm finding', () => {
    expect(pick(run({ population: ma(1), risk: { noHarmDetermination: true } }), 'US-MA.individuals').required).toBe(true);
  });
  it('128-bit encryption safe harbour, lost with the key', () => {
    expect(pick(run({ population: ma(1), breach: { encrypted: true } }), 'US-MA.individuals').required).toBe(false);
    expect(pick(run({ population: ma(1), breach: { encrypted: true, keyCompromised: true } }), 'US-MA.individuals').required).toBe(true);
  });
  it('CRAs are those OCABR identifies: review', () => {
    expect(pick(run({ population: ma(1) }), 'US-MA.credit_bureaus').required).toBe('review');
  });
});
