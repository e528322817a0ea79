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

describe('Colorado: a card number with its code and no name (outside review 2026-12-07)', () => {
  // HB 18-1128 added data sets that are personal information "even when not linked with a Colorado
  // resident's name" (§6-1-716(1)(g)(I)(B)–(C) as summarised; the enacted text not read here). Before:
  // a card number with its security code and no name answered "not required".
  it('§6-1-716(1)(g)(I)(C): card + security code without a name is review from 2018-09-01; the 2006 text needed the name', () => {
    const pop = [group('US-CO', 20, ['payment_card', 'card_security_code'])];
    expect(pick(run({ population: pop }), 'US-CO.individuals').required).toBe('review');
    expect(pick(run({ population: pop }, '2018-08-31T12:00:00Z'), 'US-CO.individuals.2006').required).toBe(false);
  });
});

describe('Colorado: how notice may be given (outside review 2026-12-07)', () => {
  // §6-1-716(1)(f)(III): "Electronic notice, if a primary means of communication by the covered
  // entity with a Colorado resident is by electronic means or the notice provided is consistent with
  // … 15 U.S.C. sec. 7001". Before: the rule listed no channel at all, so nothing said e-mail was conditional.
  it('§6-1-716(1)(f): e-mail counts only as a primary means of communication or under E-SIGN', () => {
    const o = pick(run({ population: co(1) }), 'US-CO.individuals');
    expect(o.channels.some((c) => /electronic notice only if .*primary means of communication.*E-SIGN \(15 U\.S\.C\. §7001\)/.test(c))).toBe(true);
    expect(o.channels).toContain('written notice to the postal address in the records');
  });
});
