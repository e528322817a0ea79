import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

describe('Philippines and Kenya', () => {
  it('Philippines: NPC within 72 hours for sensitive data with a real risk of serious harm', () => {
    const r = run({ population: [group('PH', 5, ['person_name', 'national_id'])], risk: { significantHarm: true } });
    expect(pick(r, 'PH.dpa.npc')).toMatchObject({ required: true, deadline: '2026-03-05T15:00:00Z' });
    expect(pick(run({ population: [group('PH', 5, ['person_name', 'email'])], risk: { significantHarm: true } }), 'PH.dpa.npc').required).toBe(false);
  });
  it('Kenya: Commissioner within 72 hours; processors tell the controller within 48 hours', () => {
    expect(pick(run({ population: [group('KE', 5, ['email'])], risk: { significantHarm: true } }), 'KE.dpa.commissioner').deadline).toBe('2026-03-05T15:00:00Z');
    expect(pick(run({ population: [group('KE', 5, ['email'])], controller: { role: 'processor' } }), 'KE.dpa.processor').deadline).toBe('2026-03-04T15:00:00Z');
  });
});
