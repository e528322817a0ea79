/**
 * EU incident regimes at the boundaries their texts draw; answers worked by hand from the provision
 * in each test name. Awareness and discovery default to 2026-03-02T15:00Z (16:00 CET).
 */
import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const pop = [group('DE', 100, ['email'])];
const at = (iso: string) => ({ discoveredAt: iso, awareAt: iso });
const nis = { establishments: ['DE'], nis2Entity: 'essential' as const };

describe('NIS2 Art. 23 (and NIS1 before it)', () => {
  it('NIS2 Art. 23(4): early warning 24 h, notification 72 h, final report one month after the notification', () => {
    const o = pick(run({ population: pop, controller: nis, risk: { significantIncident: true } }), 'EU.nis2');
    // 15:00Z + 24 h; + 72 h; 2026-03-05 16:00 CET + 1 month = 2026-04-05 16:00 CEST = 14:00Z.
    expect(o.deadline).toBe('2026-03-03T15:00:00Z');
    expect(o.stages.map((s) => s.deadline)).toEqual(['2026-03-05T15:00:00Z', '2026-04-05T14:00:00Z']);
  });
  it('NIS2 Art. 23(1) (issue 13 §1): a significant incident with no personal data at all is still reported', () => {
    const o = pick(run({ population: [], controller: nis, risk: { significantIncident: true } }), 'EU.nis2');
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/incident itself/);
  });
  it('NIS2 Art. 23(3): significance undecided is review; not significant is not required; not an entity is not required', () => {
    const est = { establishments: ['DE'], nis2Entity: 'important' as const };
    expect(pick(run({ population: pop, controller: est }), 'EU.nis2').required).toBe('review');
    expect(pick(run({ population: pop, controller: est, risk: { significantIncident: false } }), 'EU.nis2').required).toBe(false);
    expect(pick(run({ population: pop, controller: { establishments: ['DE'] } }), 'EU.nis2').required).toBe(false);
  });
  it('NIS2 Art. 41(1)/Art. 44: NIS1 up to 17 October 2024, NIS2 from 18 October, counted in Brussels time', () => {
    // 2024-10-17T20:00Z = 22:00 CEST on the 17th → NIS1; 23:00Z = 01:00 CEST on the 18th → NIS2.
    const ids = (iso: string) => run({ population: [], controller: nis, risk: { significantIncident: true }, ...at(iso) }, '2024-11-01T00:00:00Z').obligations.map((o) => o.id);
    expect(ids('2024-10-17T20:00:00Z')).toContain('EU.nis1');
    expect(ids('2024-10-17T20:00:00Z')).not.toContain('EU.nis2');
    expect(ids('2024-10-17T23:00:00Z')).toContain('EU.nis2');
    expect(ids('2024-10-17T23:00:00Z')).not.toContain('EU.nis1');
  });
  it('NIS1 Art. 14(3): without undue delay, no fixed hours; nothing before 10 May 2018', () => {
    const o = pick(run({ population: [], controller: nis, risk: { significantIncident: true }, ...at('2019-06-01T10:00:00Z') }, '2019-06-02T00:00:00Z'), 'EU.nis1');
    expect(o).toMatchObject({ required: true, deadline: null, urgency: 'without_undue_delay' });
    expect(has(run({ population: [], controller: nis, ...at('2018-05-09T10:00:00Z') }, '2018-06-01T00:00:00Z'), 'EU.nis1')).toBe(false);
  });
});

describe('DORA Art. 19 and RTS 2025/301 Art. 5', () => {
  const c = { establishments: ['DE'], doraEntity: true };
  it('RTS 2025/301 Art. 5: initial notice 4 h after classification but never later than 24 h after awareness', () => {
    // Classified 2026-03-03T12:00Z: 4 h → 16:00Z, but awareness + 24 h = 2026-03-03T15:00Z comes first.
    const late = pick(run({ population: pop, controller: c, risk: { significantIncident: true }, classifiedAt: '2026-03-03T12:00:00Z' }), 'EU.dora');
    expect(late.deadline).toBe('2026-03-03T15:00:00Z');
    // Classified 18:00Z → 22:00Z; intermediate 72 h after that initial notification → 2026-03-05T22:00Z.
    const early = pick(run({ population: pop, controller: c, risk: { significantIncident: true }, classifiedAt: '2026-03-02T18:00:00Z' }), 'EU.dora');
    expect(early.deadline).toBe('2026-03-02T22:00:00Z');
    expect(early.stages[0].deadline).toBe('2026-03-05T22:00:00Z');
  });
  it('RTS 2025/301 Art. 5: the intermediate report runs from the initial notification actually sent', () => {
    // Sent 2026-03-02T20:00Z → + 72 h = 2026-03-05T20:00Z.
    const o = pick(run({ population: [], controller: c, risk: { significantIncident: true }, classifiedAt: '2026-03-02T18:00:00Z', regulatorNoticeAt: '2026-03-02T20:00:00Z' }), 'EU.dora');
    expect(o.stages[0].deadline).toBe('2026-03-05T20:00:00Z');
  });
  it('DORA Art. 64: not for incidents discovered before 17 January 2025; no personal data needed after', () => {
    expect(has(run({ population: [], controller: c, ...at('2025-01-16T10:00:00Z') }, '2025-02-01T00:00:00Z'), 'EU.dora')).toBe(false);
    expect(pick(run({ population: [], controller: c, risk: { significantIncident: true }, ...at('2025-01-17T10:00:00Z') }, '2025-02-01T00:00:00Z'), 'EU.dora').required).toBe(true);
  });
});

describe('ePrivacy, Commission Regulation (EU) 611/2013', () => {
  const telecom = { establishments: ['DE'], telecom: true };
  it('Reg. 611/2013 Art. 2(2)-(3): authority within 24 h of detection, the rest three days after the initial notification', () => {
    const o = pick(run({ population: pop, controller: telecom }), 'EU.eprivacy-611');
    // 15:00Z + 24 h = 2026-03-03T15:00Z (16:00 CET); + 3 calendar days = 6 March, 23:59:59 CET = 22:59:59Z.
    expect(o.deadline).toBe('2026-03-03T15:00:00Z');
    expect(o.stages[0].deadline).toBe('2026-03-06T22:59:59Z');
    // Initial notification sent on 2 March (21:00 CET): the rest by 5 March.
    const sent = pick(run({ population: pop, controller: telecom, regulatorNoticeAt: '2026-03-02T20:00:00Z' }), 'EU.eprivacy-611');
    expect(sent.stages[0].deadline).toBe('2026-03-05T22:59:59Z');
  });
  it('Reg. 611/2013 Art. 3 and Art. 4: subscribers when adversely affected, unless the data were unintelligible', () => {
    expect(pick(run({ population: pop, controller: telecom, risk: { significantHarm: true } }), 'EU.eprivacy-611.individuals').required).toBe(true);
    expect(pick(run({ population: pop, controller: telecom, risk: { significantHarm: false } }), 'EU.eprivacy-611.individuals').required).toBe(false);
    expect(pick(run({ population: pop, controller: telecom, risk: { significantHarm: true }, breach: { encrypted: true, keyCompromised: false } }), 'EU.eprivacy-611.individuals').required).toBe(false);
  });
});
