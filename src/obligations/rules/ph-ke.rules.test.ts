import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

describe('Philippines (RA 10173 s 20(f), IRR s 38, NPC Circular 16-03)', () => {
  it('NPC within 72 hours for sensitive personal information with a real risk of serious harm', () => {
    const r = run({ population: [group('PH', 5, ['person_name', 'national_id'])], risk: { significantHarm: true } });
    expect(pick(r, 'PH.dpa.npc')).toMatchObject({ required: true, deadline: '2026-03-05T15:00:00Z' });
    expect(pick(r, 'PH.dpa.individuals').deadline).toBe('2026-03-05T15:00:00Z');
    expect(pick(run({ population: [group('PH', 5, ['person_name', 'email'])], risk: { significantHarm: true } }), 'PH.dpa.npc').required).toBe(false);
  });
  it('RA 10173 s 3(l): age is sensitive personal information (date of birth)', () => {
    expect(pick(run({ population: [group('PH', 5, ['person_name', 'date_of_birth'])], risk: { significantHarm: true } }), 'PH.dpa.npc').required).toBe(true);
  });
  it('NPC Circular 16-03 s 11(A): financial data, login data, biometrics and ID numbers are information enabling identity fraud (fixed: were review)', () => {
    expect(pick(run({ population: [group('PH', 5, ['person_name', 'payment_card'])], risk: { significantHarm: true } }), 'PH.dpa.npc').required).toBe(true);
    expect(pick(run({ population: [group('PH', 5, ['username', 'password'])], risk: { significantHarm: true } }), 'PH.dpa.npc').required).toBe(true);
  });
  it('password hashes of unknown strength: review, not a silent no', () => {
    expect(pick(run({ population: [group('PH', 5, ['email', 'password_hash'])], risk: { significantHarm: true } }), 'PH.dpa.npc').required).toBe('review');
  });
  it('Circular 16-03 s 16: a processor tells the controller, period not confirmed — review', () => {
    expect(pick(run({ population: [group('PH', 5, ['national_id'])], controller: { role: 'processor' } }), 'PH.dpa.processor').required).toBe('review');
  });
  it('s 20(f): only acquisition by an unauthorised person; access without acquisition is not notifiable', () => {
    expect(pick(run({ population: [group('PH', 5, ['national_id'])], risk: { significantHarm: true }, breach: { acquisition: false } }), 'PH.dpa.npc').required).toBe(false);
  });
});

describe('Kenya (Data Protection Act 2019 s 43)', () => {
  const ke = [group('KE', 5, ['email'])];
  it('Commissioner within 72 hours; processors tell the controller within 48 hours', () => {
    expect(pick(run({ population: ke, risk: { significantHarm: true } }), 'KE.dpa.commissioner').deadline).toBe('2026-03-05T15:00:00Z');
    expect(pick(run({ population: ke, controller: { role: 'processor' } }), 'KE.dpa.processor').deadline).toBe('2026-03-04T15:00:00Z');
  });
  it('fixed: the encryption/safeguards exception covers the data-subject communication only, not the Commissioner', () => {
    const r = run({ population: ke, risk: { significantHarm: true }, breach: { encrypted: true } });
    expect(pick(r, 'KE.dpa.commissioner').required).toBe(true);
    expect(pick(r, 'KE.dpa.individuals').required).toBe(false);
  });
  it('Act in force 25 Nov 2019: 24 Nov 2019 no duty (an answer, not a gap), 25 Nov 2019 the 72 hours', () => {
    const on = (day: string) => ({ awareAt: `${day}T06:00:00Z`, discoveredAt: `${day}T06:00:00Z`, population: ke, risk: { significantHarm: true } });
    const before = run(on('2019-11-24'), '2019-11-24T07:00:00Z');
    expect(pick(before, 'KE.pre-dpa.commissioner').required).toBe(false);
    expect(before.uncovered).toEqual([]);
    expect(pick(run(on('2019-11-25'), '2019-11-25T07:00:00Z'), 'KE.dpa.commissioner').deadline).toBe('2019-11-28T06:00:00Z');
  });
});
