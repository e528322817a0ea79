import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

describe('India (CERT-In, DPDP Act 2023)', () => {
  const pop = [group('IN', 10, ['person_name', 'phone'])];
  it('CERT-In Directions 2022 direction (ii): within 6 hours of noticing', () => {
    expect(pick(run({ population: pop }), 'IN.cert-in')).toMatchObject({ required: true, deadline: '2026-03-02T21:00:00Z' });
  });
  it('CERT-In reporting concerns the incident: an Indian organisation reports a data leak with no personal data in it', () => {
    expect(pick(run({ population: [], controller: { establishments: ['IN'] } }), 'IN.cert-in').required).toBe(true);
  });
  it('Directions effective 60 days after 28 April 2022: 26 June 2022 the 2013 Rules ("reasonable time", review), 27 June 2022 six hours', () => {
    const on = (day: string) => ({ discoveredAt: `${day}T04:00:00Z`, awareAt: `${day}T04:00:00Z`, population: pop });
    const before = pick(run(on('2022-06-26'), '2022-06-26T05:00:00Z'), 'IN.cert-in.2014-01-16');
    expect(before).toMatchObject({ required: 'review', deadline: null, urgency: 'within_reasonable_time' });
    expect(pick(run(on('2022-06-27'), '2022-06-27T05:00:00Z'), 'IN.cert-in').deadline).toBe('2022-06-27T10:00:00Z');
  });
  it('DPDP Rules 2025 r. 7 not in force in 2026: an explicit "no duty yet"', () => {
    const r = run({ population: pop });
    expect(pick(r, 'IN.pre-dpdp.board').required).toBe(false);
    expect(has(r, 'IN.dpdp.board')).toBe(false);
  });
  it('r. 7 from 13 May 2027 (18 months after 13 Nov 2025, earlier reading): every breach, Board without delay and a report within 72 hours', () => {
    const on = (day: string) => ({ awareAt: `${day}T00:00:00Z`, discoveredAt: `${day}T00:00:00Z`, population: pop });
    expect(has(run(on('2027-05-12'), '2027-05-12T01:00:00Z'), 'IN.dpdp.board')).toBe(false);
    const r = run(on('2027-05-13'), '2027-05-13T01:00:00Z');
    const o = pick(r, 'IN.dpdp.board');
    expect(o).toMatchObject({ required: true, deadline: null, urgency: 'without_delay' });
    expect(o.stages[0].deadline).toBe('2027-05-16T00:00:00Z');
    expect(pick(r, 'IN.dpdp.individuals').required).toBe(true);
  });
});
