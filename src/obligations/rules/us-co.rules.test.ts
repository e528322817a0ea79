import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const co = (n: number) => [group('US-CO', n, ['person_name', 'us_ssn'])];

describe('Colorado (C.R.S. §6-1-716)', () => {
  it('individuals and AG within 30 days of determination, Mountain time', () => {
    const r = run({ population: co(500) });
    expect(pick(r, 'US-CO.individuals').deadline).toBe('2026-04-02T05:59:59Z');
    expect(pick(r, 'US-CO.regulator')).toMatchObject({ required: true, deadline: '2026-04-02T05:59:59Z' });
  });
  it('AG at 500 or more: 499 no', () => {
    expect(pick(run({ population: co(499) }), 'US-CO.regulator').required).toBe(false);
  });
  it('CRAs above 1,000: exactly 1,000 no, 1,001 yes', () => {
    expect(pick(run({ population: co(1000) }), 'US-CO.credit_bureaus').required).toBe(false);
    expect(pick(run({ population: co(1001) }), 'US-CO.credit_bureaus').required).toBe(true);
  });
  it('no notice when a good-faith investigation finds misuse not reasonably likely', () => {
    expect(pick(run({ population: co(10), risk: { noHarmDetermination: true } }), 'US-CO.individuals').required).toBe(false);
  });
  it('before HB 18-1128 (2018-09-01) the 2006 text applied: no day count, no AG notice', () => {
    const at = '2018-08-31T12:00:00Z';
    const r = run({ discoveredAt: at, awareAt: at, population: co(600) }, at);
    expect(pick(r, 'US-CO.individuals.2006')).toMatchObject({ required: true, deadline: null });
    expect(r.obligations.some((o) => o.id.startsWith('US-CO.regulator'))).toBe(false);
  });
});
