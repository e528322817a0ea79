import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const pop = [group('DE', 100, ['email'])];

describe('NIS2 Art. 23', () => {
  it('early warning 24 h, notification 72 h, final report one month after the notification', () => {
    const o = pick(run({ population: pop, controller: { establishments: ['DE'], nis2Entity: 'essential' }, risk: { significantIncident: true } }), 'EU.nis2');
    expect(o.deadline).toBe('2026-03-03T15:00:00Z');
    expect(o.stages.map((s) => s.deadline)).toEqual(['2026-03-05T15:00:00Z', '2026-04-05T14:00:00Z']);
  });
  it('significance undecided is review; not significant is not required; not an entity is not required', () => {
    const est = { establishments: ['DE'], nis2Entity: 'important' as const };
    expect(pick(run({ population: pop, controller: est }), 'EU.nis2').required).toBe('review');
    expect(pick(run({ population: pop, controller: est, risk: { significantIncident: false } }), 'EU.nis2').required).toBe(false);
    expect(pick(run({ population: pop, controller: { establishments: ['DE'] } }), 'EU.nis2').required).toBe(false);
  });
  it('not in force before the transposition date', () => {
    expect(has(run({ population: pop, controller: { establishments: ['DE'], nis2Entity: 'essential' } }, '2024-10-17T00:00:00Z'), 'EU.nis2')).toBe(false);
  });
});

describe('DORA Art. 19', () => {
  const c = { establishments: ['DE'], doraEntity: true };
  it('initial notice 4 h after classification but never later than 24 h after awareness', () => {
    const late = pick(run({ population: pop, controller: c, risk: { significantIncident: true }, classifiedAt: '2026-03-03T12:00:00Z' }), 'EU.dora');
    expect(late.deadline).toBe('2026-03-03T15:00:00Z');
    const early = pick(run({ population: pop, controller: c, risk: { significantIncident: true }, classifiedAt: '2026-03-02T18:00:00Z' }), 'EU.dora');
    expect(early.deadline).toBe('2026-03-02T22:00:00Z');
    expect(early.stages[0].deadline).toBe('2026-03-05T22:00:00Z');
  });
});

describe('ePrivacy Reg. 611/2013', () => {
  it('telecom providers: 24 hours after detection', () => {
    expect(pick(run({ population: pop, controller: { establishments: ['DE'], telecom: true } }), 'EU.eprivacy-611').deadline).toBe('2026-03-03T15:00:00Z');
  });
});
