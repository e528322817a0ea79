import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

describe('Canada (PIPEDA, Québec Law 25)', () => {
  const pop = [group('CA-ON', 10, ['person_name', 'email']), group('CA-QC', 5, ['person_name', 'email'])];
  it('RROSH undecided → review; decided → OPC and individuals as soon as feasible, counting every province', () => {
    expect(pick(run({ population: pop }), 'CA.pipeda.opc').required).toBe('review');
    const r = run({ population: pop, risk: { significantHarm: true } });
    expect(pick(r, 'CA.pipeda.opc')).toMatchObject({ required: true, deadline: null, urgency: 'as_soon_as_feasible' });
    expect(pick(r, 'CA.pipeda.opc').count.individuals).toBe(15);
    expect(pick(r, 'CA.pipeda.individuals').required).toBe(true);
    expect(r.recordKeeping.some((k) => /24 months/.test(k.duty))).toBe(true);
  });
  it('no RROSH → not required', () => {
    expect(pick(run({ population: pop, risk: { significantHarm: false } }), 'CA.pipeda.opc').required).toBe(false);
  });
  it('Québec residents add the CAI; a California resident is not Canadian', () => {
    expect(pick(run({ population: pop, risk: { significantHarm: true } }), 'CA-QC.law25.cai').count.individuals).toBe(5);
    expect(has(run({ population: [group('US-CA', 5, ['email'])] }), 'CA.pipeda.opc')).toBe(false);
  });
});
