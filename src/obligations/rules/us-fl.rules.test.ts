import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const fl = (n: number, elements = ['person_name', 'us_ssn']) => [group('US-FL', n, elements)];

describe('Florida (Fla. Stat. §501.171)', () => {
  it('access suffices; individuals within 30 days of determination with a 15-day extension on good cause', () => {
    const o = pick(run({ population: fl(10), breach: { acquisition: false } }), 'US-FL.individuals');
    expect(o.required).toBe(true);
    expect(o.deadline).toBe('2026-04-02T03:59:59Z');
    expect(o.extensions[0]).toMatch(/\+15 calendar days/);
  });
  it('Department of Legal Affairs at 500 or more: 499 no, 500 yes', () => {
    expect(pick(run({ population: fl(499) }), 'US-FL.regulator').required).toBe(false);
    expect(pick(run({ population: fl(500) }), 'US-FL.regulator').required).toBe(true);
  });
  it('CRAs above 1,000: 1,000 no, 1,001 yes', () => {
    expect(pick(run({ population: fl(1000) }), 'US-FL.credit_bureaus').required).toBe(false);
    expect(pick(run({ population: fl(1001) }), 'US-FL.credit_bureaus').required).toBe(true);
  });
  it('a written no-harm determination, after consulting law enforcement, goes to the Department within 30 days instead (§501.171(4)(c))', () => {
    const r = run({ population: fl(10), risk: { noHarmDetermination: true, noHarmDeterminedAt: '2026-03-02T15:00:00Z', consultedWith: ['law_enforcement'] } });
    expect(pick(r, 'US-FL.individuals').required).toBe(false);
    expect(pick(r, 'US-FL.regulator.no-harm')).toMatchObject({ required: true, deadline: '2026-04-02T03:59:59Z' });
  });
  it('third-party agents notify the covered entity within 10 days', () => {
    const r = run({ population: fl(10), controller: { role: 'processor' } });
    expect(pick(r, 'US-FL.controller')).toMatchObject({ required: true, deadline: '2026-03-13T03:59:59Z' });
    expect(pick(r, 'US-FL.individuals').required).toBe(false);
  });
});
