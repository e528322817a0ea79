import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

describe('India (DPDP Act 2023, CERT-In Directions 2022)', () => {
  const pop = [group('IN', 10, ['person_name', 'phone'])];
  it('CERT-In within 6 hours', () => {
    expect(pick(run({ population: pop }), 'IN.cert-in')).toMatchObject({ required: true, deadline: '2026-03-02T21:00:00Z' });
  });
  it('DPDP breach duties are not in force in 2026', () => {
    expect(has(run({ population: pop }), 'IN.dpdp.board')).toBe(false);
  });
  it('from May 2027: every breach, Board without delay and a detailed report within 72 hours', () => {
    const r = run({ population: pop, awareAt: '2027-06-01T00:00:00Z', discoveredAt: '2027-06-01T00:00:00Z' }, '2027-06-02T00:00:00Z');
    const o = pick(r, 'IN.dpdp.board');
    expect(o).toMatchObject({ required: true, deadline: null, urgency: 'without_delay' });
    expect(o.stages[0].deadline).toBe('2027-06-04T00:00:00Z');
    expect(pick(r, 'IN.dpdp.individuals').required).toBe(true);
  });
});
