import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

describe('Singapore (PDPA Part 6A)', () => {
  const emails = (n: number) => [group('SG', n, ['person_name', 'email'])];
  it('significant scale: 499 no, 500 yes; PDPC within 3 calendar days of the determination (SGT)', () => {
    expect(pick(run({ population: emails(499), risk: { significantHarm: false } }), 'SG.pdpa.pdpc').required).toBe(false);
    const o = pick(run({ population: emails(500), risk: { significantHarm: false } }), 'SG.pdpa.pdpc');
    // Determination 2026-03-02 23:00 SGT → 2026-03-05 23:59:59 SGT.
    expect(o).toMatchObject({ required: true, deadline: '2026-03-05T15:59:59Z' });
  });
  it('individuals only for significant harm, not for scale alone, on or after the PDPC notice', () => {
    expect(pick(run({ population: emails(5000), risk: { significantHarm: false } }), 'SG.pdpa.individuals').required).toBe(false);
    const card = pick(run({ population: [group('SG', 3, ['person_name', 'payment_card'])] }), 'SG.pdpa.individuals');
    expect(card.required).toBe(true);
    expect(card.relation).toBe('on_or_after_regulator');
  });
});
