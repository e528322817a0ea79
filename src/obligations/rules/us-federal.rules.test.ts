import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const phi = (j: string, n: number) => group(j, n, ['person_name', 'health']);
const ce = { hipaa: 'covered_entity' as const };

describe('HIPAA (45 CFR 164.400–414)', () => {
  it('HHS contemporaneously at 500 or more; the annual log below 500', () => {
    const big = run({ population: [phi('US-TX', 500)], controller: ce });
    expect(pick(big, 'US.hipaa.hhs')).toMatchObject({ required: true, deadline: '2026-05-02T03:59:59Z' });
    expect(pick(big, 'US.hipaa.hhs-annual').required).toBe(false);
    const small = run({ population: [phi('US-TX', 499)], controller: ce });
    expect(pick(small, 'US.hipaa.hhs').required).toBe(false);
    // 60 days after 2026-12-31 → 2027-03-01 23:59:59 EST.
    expect(pick(small, 'US.hipaa.hhs-annual')).toMatchObject({ required: true, deadline: '2027-03-02T04:59:59Z' });
  });
  it('media only when more than 500 residents of one State', () => {
    expect(pick(run({ population: [phi('US-TX', 500), phi('US-CA', 500)], controller: ce }), 'US.hipaa.media').required).toBe(false);
    expect(pick(run({ population: [phi('US-TX', 501)], controller: ce }), 'US.hipaa.media').required).toBe(true);
  });
  it('individuals within 60 days of discovery; low probability of compromise removes the duty', () => {
    expect(pick(run({ population: [phi('US-TX', 1)], controller: ce }), 'US.hipaa.individuals').deadline).toBe('2026-05-02T03:59:59Z');
    expect(pick(run({ population: [phi('US-TX', 1)], controller: ce, risk: { noHarmDetermination: true } }), 'US.hipaa.individuals').required).toBe(false);
  });
  it('secured (encrypted) PHI is not a breach unless the key went too', () => {
    expect(pick(run({ population: [phi('US-TX', 1)], controller: ce, breach: { encrypted: true } }), 'US.hipaa.individuals').required).toBe(false);
  });
  it('business associates notify the covered entity; not a covered entity → not required', () => {
    const r = run({ population: [phi('US-TX', 1)], controller: { hipaa: 'business_associate' } });
    expect(pick(r, 'US.hipaa.business-associate').required).toBe(true);
    expect(pick(r, 'US.hipaa.individuals').why).toMatch(/HIPAA covered entity/);
  });
});

describe('SEC Form 8-K Item 1.05', () => {
  it('4 business days after the materiality determination, skipping the 3 July holiday', () => {
    const o = pick(
      run({ population: [group('US-NY', 1, ['email'])], controller: { publicCompany: true }, risk: { material: true }, materialityDeterminedAt: '2026-07-01T18:00:00Z' }),
      'US.sec-8k',
    );
    expect(o).toMatchObject({ required: true, deadline: '2026-07-09T03:59:59Z' });
  });
  it('materiality undecided: review, no date yet', () => {
    expect(pick(run({ population: [group('US-NY', 1, ['email'])], controller: { publicCompany: true } }), 'US.sec-8k')).toMatchObject({ required: 'review', deadline: null });
  });
  it('smaller reporting companies only from 2024-06-15', () => {
    const f = { population: [group('US-NY', 1, ['email'])], controller: { publicCompany: true, smallerReportingCompany: true }, risk: { material: true } };
    expect(has(run(f, '2024-06-14T12:00:00Z'), 'US.sec-8k.smaller')).toBe(false);
    expect(pick(run(f, '2024-06-14T12:00:00Z'), 'US.sec-8k').required).toBe(false);
    expect(pick(run(f), 'US.sec-8k.smaller').required).toBe(true);
  });
  it('not in force before 2023-12-18', () => {
    expect(has(run({ population: [group('US-NY', 1, ['email'])], controller: { publicCompany: true } }, '2023-12-17T12:00:00Z'), 'US.sec-8k')).toBe(false);
  });
});

describe('other federal and sector regimes', () => {
  it('FTC Safeguards: 500 or more consumers, 30 days after discovery', () => {
    const at = (n: number) => pick(run({ population: [group('US-TX', n, ['person_name', 'email'])], controller: { glbaFtc: true } }), 'US.ftc-safeguards.ftc');
    expect(at(499).required).toBe(false);
    expect(at(500)).toMatchObject({ required: true, deadline: '2026-04-02T03:59:59Z' });
  });
  it('FTC HBNR for PHR vendors: FTC at 500+, media above 500 in a state', () => {
    const r = run({ population: [phi('US-TX', 501)], controller: { phrVendor: true } });
    expect(pick(r, 'US.ftc-hbnr.ftc').required).toBe(true);
    expect(pick(r, 'US.ftc-hbnr.media').required).toBe(true);
  });
  it('NYDFS: 72 hours after determination; extortion payment 24 hours then 30 days', () => {
    const base = { population: [group('US-NY', 1, ['email'])], controller: { nydfs: true }, risk: { significantIncident: true } };
    expect(pick(run(base), 'US-NY.dfs-500.17').deadline).toBe('2026-03-05T15:00:00Z');
    expect(pick(run(base), 'US-NY.dfs-500.17.extortion').required).toBe(false);
    const paid = pick(run({ ...base, extortionPaidAt: '2026-03-04T12:00:00Z' }), 'US-NY.dfs-500.17.extortion');
    expect(paid).toMatchObject({ required: true, deadline: '2026-03-05T12:00:00Z' });
    expect(paid.stages[0].deadline).toBe('2026-04-04T03:59:59Z');
  });
  it('bank 36-hour rule', () => {
    const o = pick(run({ population: [group('US-NY', 1, ['email'])], controller: { bankingOrganization: true }, risk: { significantIncident: true } }), 'US.bank-36h');
    expect(o.deadline).toBe('2026-03-04T03:00:00Z');
  });
  it('CIRCIA is never selected (not in force)', () => {
    expect(has(run({ population: [group('US-NY', 1, ['email'])] }), 'US.circia')).toBe(false);
  });
  it('Reg S-P from its compliance date', () => {
    const f = { population: [group('US-NY', 1, ['person_name', 'us_ssn'])], controller: { secRegSP: 'larger' as const } };
    expect(has(run(f, '2025-12-02T12:00:00Z'), 'US.sec-regsp.individuals')).toBe(false);
    expect(pick(run(f), 'US.sec-regsp.individuals').deadline).toBe('2026-04-02T03:59:59Z');
    const small = { ...f, controller: { secRegSP: 'smaller' as const } };
    expect(has(run(small), 'US.sec-regsp.individuals.smaller')).toBe(false);
    // The law of the day of discovery applies (issue 13 §5): a breach discovered on the smaller
    // entities' compliance date is under the amended rule; one discovered before it is not.
    expect(has(run(small, '2026-06-03T12:00:00Z'), 'US.sec-regsp.individuals.smaller')).toBe(false);
    const later = { ...small, discoveredAt: '2026-06-03T12:00:00Z', awareAt: '2026-06-03T12:00:00Z' };
    expect(pick(run(later, '2026-06-04T12:00:00Z'), 'US.sec-regsp.individuals.smaller').required).toBe(true);
  });
});

describe('sector regimes follow the profile, not the victims', () => {
  it('an SEC registrant files an 8-K for a material incident affecting only EU residents', () => {
    const r = run({
      population: [group('FR', 10, ['email'])],
      controller: { establishments: ['FR'], publicCompany: true },
      risk: { material: true },
      materialityDeterminedAt: '2026-03-02T15:00:00Z',
    });
    // Mon 2026-03-02 → Tue 3, Wed 4, Thu 5, Fri 6 (Eastern).
    expect(pick(r, 'US.sec-8k')).toMatchObject({ required: true, deadline: '2026-03-07T04:59:59Z' });
  });
});
