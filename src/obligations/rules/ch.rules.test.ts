import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

describe('Switzerland (FADP Art. 24, DPO Art. 15)', () => {
  const pop = [group('CH', 30, ['person_name', 'email'])];
  it('FDPIC as quickly as possible when a high risk is likely', () => {
    expect(pick(run({ population: pop, risk: { gdpr: 'high' } }), 'CH.nfadp.fdpic')).toMatchObject({ required: true, deadline: null, urgency: 'as_soon_as_possible' });
    expect(pick(run({ population: pop, risk: { gdpr: 'risk' } }), 'CH.nfadp.fdpic').required).toBe(false);
  });
  it('data subjects only if required for their protection or the FDPIC requests it: review; encryption is no statutory exception (fixed)', () => {
    expect(pick(run({ population: pop, risk: { gdpr: 'high' } }), 'CH.nfadp.individuals').required).toBe('review');
    expect(pick(run({ population: pop, risk: { gdpr: 'high' }, breach: { encrypted: true } }), 'CH.nfadp.individuals').required).toBe('review');
  });
  it('DPO Art. 15(4): documentation kept two years', () => {
    expect(run({ population: pop, risk: { gdpr: 'high' } }).recordKeeping.some((k) => /2 years/.test(k.duty))).toBe(true);
  });
  it('Art. 24(3): the processor tells the controller of any breach', () => {
    expect(pick(run({ population: pop, controller: { role: 'processor' } }), 'CH.nfadp.processor').required).toBe(true);
  });
  it('revised Act in force 1 Sep 2023: 31 Aug 2023 no duty (an answer, not a gap), 1 Sep 2023 the FDPIC', () => {
    const on = (day: string) => ({ awareAt: `${day}T08:00:00Z`, discoveredAt: `${day}T08:00:00Z`, population: pop, risk: { gdpr: 'high' as const } });
    const before = run(on('2023-08-31'), '2023-08-31T09:00:00Z');
    expect(pick(before, 'CH.pre-nfadp.fdpic').required).toBe(false);
    expect(has(before, 'CH.nfadp.fdpic')).toBe(false);
    expect(pick(run(on('2023-09-01'), '2023-09-01T09:00:00Z'), 'CH.nfadp.fdpic').required).toBe(true);
  });
});
