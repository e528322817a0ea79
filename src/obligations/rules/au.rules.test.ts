import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

describe('Australia (Privacy Act Part IIIC)', () => {
  const pop = [group('AU', 20, ['person_name', 'email'])];
  it('eligible data breach (serious harm) → OAIC statement and individuals as soon as practicable', () => {
    const r = run({ population: pop, risk: { significantHarm: true } });
    expect(pick(r, 'AU.ndb.oaic')).toMatchObject({ required: true, deadline: null, urgency: 'as_soon_as_practicable' });
    expect(pick(r, 'AU.ndb.individuals').required).toBe(true);
  });
  it('serious harm not likely → not notifiable; undecided → review', () => {
    expect(pick(run({ population: pop, risk: { significantHarm: false } }), 'AU.ndb.oaic').required).toBe(false);
    expect(pick(run({ population: pop }), 'AU.ndb.oaic').required).toBe('review');
  });
});
