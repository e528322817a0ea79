import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const uk = [group('GB', 40, ['person_name', 'email'])];

describe('UK GDPR and PECR', () => {
  it('ICO within 72 hours of awareness, also for an EU-established controller (no one-stop-shop)', () => {
    const r = run({ population: [...uk, group('FR', 5, ['email'])], controller: { establishments: ['FR'] }, risk: { gdpr: 'risk' } });
    expect(pick(r, 'GB.uk-gdpr.ico')).toMatchObject({ required: true, deadline: '2026-03-05T15:00:00Z' });
  });
  it('"UK" in the facts is read as ISO GB', () => {
    const r = run({ population: [group('UK', 1, ['email'])], controller: { establishments: ['US'] }, risk: { gdpr: 'risk' } });
    expect(pick(r, 'GB.uk-gdpr.ico').required).toBe(true);
  });
  it('UK-established controller: UK GDPR applies to everyone it processes', () => {
    const r = run({ population: [group('US-TX', 10, ['email'])], controller: { establishments: ['GB'] }, risk: { gdpr: 'risk' } });
    expect(pick(r, 'GB.uk-gdpr.ico').count.individuals).toBe(10);
  });
  it('individuals only for high risk', () => {
    expect(pick(run({ population: uk, risk: { gdpr: 'risk' } }), 'GB.uk-gdpr.individuals').required).toBe(false);
    expect(pick(run({ population: uk, risk: { gdpr: 'high' } }), 'GB.uk-gdpr.individuals').required).toBe(true);
  });
  it('PECR: telecom providers notify the ICO within 24 hours, full details within 3 days', () => {
    const o = pick(run({ population: uk, controller: { telecom: true } }), 'GB.pecr.ico');
    expect(o).toMatchObject({ required: true, deadline: '2026-03-03T15:00:00Z' });
    expect(o.stages[0].deadline).toBe('2026-03-05T23:59:59Z');
    expect(pick(run({ population: uk }), 'GB.pecr.ico').required).toBe(false);
  });
});

describe('record keeping', () => {
  it('the PECR inventory is listed only for telecom providers; the Art. 33(5) register for controllers', () => {
    const dutyOf = (r: ReturnType<typeof run>) => r.recordKeeping.map((k) => k.ruleId);
    expect(dutyOf(run({ population: uk }))).toEqual(['GB.uk-gdpr.ico']);
    expect(dutyOf(run({ population: uk, controller: { telecom: true } })).sort()).toEqual(['GB.pecr.ico', 'GB.uk-gdpr.ico']);
    expect(dutyOf(run({ population: uk, controller: { role: 'processor' } }))).toEqual([]);
  });
});
