import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const ca = (n: number, elements = ['person_name', 'us_ssn']) => [group('US-CA', n, elements)];

describe('California (Cal. Civ. Code §1798.82)', () => {
  it('from 2026: individuals within 30 calendar days of discovery, Pacific time', () => {
    const o = pick(run({ population: ca(10) }), 'US-CA.individuals.2026');
    expect(o.required).toBe(true);
    // Discovery 2026-03-02 07:00 PST → day 30 = 2026-04-01, ends 23:59:59 PDT.
    expect(o.deadline).toBe('2026-04-02T06:59:59Z');
    expect(o.content.join(' ')).toMatch(/Notice of Data Breach/);
  });
  it('before 2026: "most expedient time" and no date', () => {
    const r = run({ population: ca(10) }, '2025-12-31T12:00:00Z');
    expect(pick(r, 'US-CA.individuals.2022')).toMatchObject({ required: true, deadline: null, urgency: 'most_expedient_time' });
    expect(r.obligations.some((o) => o.id === 'US-CA.individuals.2026')).toBe(false);
  });
  it('AG sample copy: 500 residents no, 501 yes, 15 days after the consumer notice', () => {
    expect(pick(run({ population: ca(500) }), 'US-CA.regulator.2026').required).toBe(false);
    const o = pick(run({ population: ca(501) }), 'US-CA.regulator.2026');
    expect(o.required).toBe(true);
    expect(o.deadline).toBe('2026-04-17T06:59:59Z');
    const sent = pick(run({ population: ca(501), individualNoticeAt: '2026-03-20T17:00:00Z' }), 'US-CA.regulator.2026');
    expect(sent.deadline).toBe('2026-04-05T06:59:59Z');
  });
  it('no risk-of-harm exception: a no-harm determination changes nothing', () => {
    expect(pick(run({ population: ca(10), risk: { noHarmDetermination: true } }), 'US-CA.individuals.2026').required).toBe(true);
  });
  it('encryption safe harbour unless the key was acquired', () => {
    expect(pick(run({ population: ca(10), breach: { encrypted: true } }), 'US-CA.individuals.2026').required).toBe(false);
    expect(pick(run({ population: ca(10), breach: { encrypted: true, keyCompromised: true } }), 'US-CA.individuals.2026').required).toBe(true);
  });
  it('acquisition, not mere access, triggers', () => {
    expect(pick(run({ population: ca(10), breach: { acquisition: false } }), 'US-CA.individuals.2026').required).toBe(false);
  });
  it('online credentials trigger without a name; name + e-mail alone does not', () => {
    expect(pick(run({ population: ca(3, ['email', 'password']) }), 'US-CA.individuals.2026').required).toBe(true);
    expect(pick(run({ population: ca(3, ['person_name', 'email']) }), 'US-CA.individuals.2026').required).toBe(false);
    expect(pick(run({ population: ca(3, ['person_name', 'genetic']) }), 'US-CA.individuals.2026').required).toBe(true);
  });
});
