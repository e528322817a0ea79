import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const emails = (n: number) => [group('KR', n, ['person_name', 'email'])];

describe('South Korea (PIPA Art. 34, Decree Arts 39–40, from 15 Sep 2023)', () => {
  // The fixture's breach is discovered 2026-03-02: the 2023 text governs it.
  it('data subjects within 72 hours in every case', () => {
    expect(pick(run({ population: emails(1), breach: { malicious: false } }), 'KR.pipa.individuals.2023-09-15')).toMatchObject({ required: true, deadline: '2026-03-05T15:00:00Z' });
  });
  it('Decree Art. 40: PIPC/KISA at 1,000 or more (999 no, 1,000 yes), sensitive/unique identifiers, or hacking', () => {
    const id = 'KR.pipa.pipc.2023-09-15';
    expect(pick(run({ population: emails(999), breach: { malicious: false } }), id).required).toBe(false);
    expect(pick(run({ population: emails(1000), breach: { malicious: false } }), id).required).toBe(true);
    expect(pick(run({ population: [group('KR', 1, ['national_id'])], breach: { malicious: false } }), id).required).toBe(true);
    expect(pick(run({ population: emails(1), breach: { malicious: true } }), id).required).toBe(true);
  });
});

describe('the 2026 amendment in force 11 Sep 2026: forgery, alteration and damage become notifiable', () => {
  const altered = (day: string) => ({
    awareAt: `${day}T03:00:00Z`,
    discoveredAt: `${day}T03:00:00Z`,
    population: emails(1200),
    breach: { types: ['integrity' as const], access: false, acquisition: false, malicious: false },
  });
  it('10 Sep 2026: records altered without being accessed or taken are no "loss, theft or leakage" — not notifiable', () => {
    const r = run(altered('2026-09-10'), '2026-09-10T04:00:00Z');
    expect(pick(r, 'KR.pipa.individuals.2023-09-15').required).toBe(false);
    expect(pick(r, 'KR.pipa.pipc.2023-09-15').required).toBe(false);
  });
  it('11 Sep 2026: the same alteration — data subjects within 72 hours, and the PIPC/KISA for 1,200 people', () => {
    const r = run(altered('2026-09-11'), '2026-09-11T04:00:00Z');
    expect(pick(r, 'KR.pipa.individuals')).toMatchObject({ required: true, deadline: '2026-09-14T03:00:00Z' });
    expect(pick(r, 'KR.pipa.pipc').required).toBe(true);
    expect(has(r, 'KR.pipa.individuals.2023-09-15')).toBe(false);
  });
});

describe('before the 2023 amendment (Act No. 19234, in force 15 Sep 2023)', () => {
  const on = (day: string, pop = emails(5)) => ({ awareAt: `${day}T03:00:00Z`, discoveredAt: `${day}T03:00:00Z`, population: pop, breach: { malicious: true } });
  it('14 Sep 2023: data subjects "without delay", no fixed hours; 15 Sep 2023: 72 hours', () => {
    const before = run(on('2023-09-14'), '2023-09-14T04:00:00Z');
    expect(pick(before, 'KR.pipa.individuals.2011')).toMatchObject({ required: true, deadline: null, urgency: 'without_delay' });
    expect(has(before, 'KR.pipa.individuals.2023-09-15')).toBe(false);
    expect(pick(run(on('2023-09-15'), '2023-09-15T04:00:00Z'), 'KR.pipa.individuals.2023-09-15').deadline).toBe('2023-09-18T03:00:00Z');
  });
  it('until 14 Sep 2023 the report turned on scale alone: 5 hacked records no, 1,000 yes — to the PIPC or KISA after 5 Aug 2020', () => {
    expect(pick(run(on('2023-09-14'), '2023-09-14T04:00:00Z'), 'KR.pipa.report.2020-08-05').required).toBe(false);
    const r = run(on('2023-09-14', emails(1000)), '2023-09-14T04:00:00Z');
    expect(pick(r, 'KR.pipa.report.2020-08-05').authority?.name).toMatch(/PIPC/);
    expect(pick(r, 'KR.pipa.report.2020-08-05').required).toBe(true);
  });
  it('4 Aug 2020: the Ministry of the Interior and Safety or KISA', () => {
    expect(pick(run(on('2020-08-04', emails(1000)), '2020-08-04T04:00:00Z'), 'KR.pipa.report.2011').authority?.name).toMatch(/Interior and Safety/);
  });
  it('information and communications service providers\' 24-hour duty is flagged for review, never silently applied — Network Act Art. 27-3 until 4 Aug 2020, PIPA Art. 39-4 from 5 Aug 2020', () => {
    expect(pick(run(on('2020-08-04'), '2020-08-04T04:00:00Z'), 'KR.network-act.ict')).toMatchObject({ required: 'review', deadline: '2020-08-05T03:00:00Z' });
    expect(pick(run(on('2020-08-05'), '2020-08-05T04:00:00Z'), 'KR.pipa.ict.2020-08-05').required).toBe('review');
    expect(pick(run(on('2021-06-01'), '2021-06-01T04:00:00Z'), 'KR.pipa.ict.2020-08-05').required).toBe('review');
  });
});
