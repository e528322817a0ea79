import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

describe('Switzerland (nFADP Art. 24)', () => {
  const pop = [group('CH', 30, ['person_name', 'email'])];
  it('FDPIC as soon as possible when a high risk is likely', () => {
    expect(pick(run({ population: pop, risk: { gdpr: 'high' } }), 'CH.nfadp.fdpic')).toMatchObject({ required: true, deadline: null });
    expect(pick(run({ population: pop, risk: { gdpr: 'risk' } }), 'CH.nfadp.fdpic').required).toBe(false);
  });
  it('data subjects only if needed for their protection: review', () => {
    expect(pick(run({ population: pop, risk: { gdpr: 'high' } }), 'CH.nfadp.individuals').required).toBe('review');
  });
  it('documentation kept two years', () => {
    expect(run({ population: pop, risk: { gdpr: 'high' } }).recordKeeping.some((k) => /2 years/.test(k.duty))).toBe(true);
  });
});
