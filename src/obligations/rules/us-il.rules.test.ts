import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const il = (n: number, elements = ['person_name', 'us_ssn']) => [group('US-IL', n, elements)];

describe('Illinois (815 ILCS 530)', () => {
  it('AG above 500 residents, no later than the consumer notice: 500 no, 501 yes', () => {
    expect(pick(run({ population: il(500) }), 'US-IL.regulator').required).toBe(false);
    const o = pick(run({ population: il(501) }), 'US-IL.regulator');
    expect(o).toMatchObject({ required: true, deadline: null, relation: 'no_later_than_individuals' });
  });
  it('no risk-of-harm exception; the letter must not state the number of Illinois residents', () => {
    const o = pick(run({ population: il(1), risk: { noHarmDetermination: true } }), 'US-IL.individuals');
    expect(o.required).toBe(true);
    expect(o.prohibitedContent).toContain('the number of Illinois residents affected');
  });
  it('an account number alone needs review (usable without a code)', () => {
    expect(pick(run({ population: il(1, ['person_name', 'bank_account']) }), 'US-IL.individuals').required).toBe('review');
  });
  it('HIPAA covered entities: copy of the HHS notice within 5 business days (Illinois calendar)', () => {
    const o = pick(
      run({ population: il(10, ['person_name', 'health']), controller: { hipaa: 'covered_entity' }, hhsNoticeAt: '2026-03-10T15:00:00Z' }),
      'US-IL.regulator.hipaa-copy',
    );
    expect(o.deadline).toBe('2026-03-18T04:59:59Z');
  });
});
