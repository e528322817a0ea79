import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

// Thursday 2 April 2026, 10:00 in Brasília (UTC-3). Good Friday (3 Apr), Tiradentes (21 Apr) and
// Labour Day (1 May) are national holidays; Corpus Christi (4 Jun) is not.
const THU = { awareAt: '2026-04-02T13:00:00Z', discoveredAt: '2026-04-02T13:00:00Z' };
const health = [group('BR', 50, ['person_name', 'health'])];

describe('Brazil (LGPD Art. 48, Res. CD/ANPD 15/2024)', () => {
  it('Res. 15/2024 Art. 6: ANPD within 3 business days skipping Good Friday; Art. 6 §3 supplement 20 business days later', () => {
    const o = pick(run({ ...THU, population: health, risk: { significantHarm: true } }), 'BR.lgpd.anpd');
    // Mon 6, Tue 7, Wed 8 April → 8 Apr 23:59:59 BRT.
    expect(o).toMatchObject({ required: true, deadline: '2026-04-09T02:59:59Z' });
    // From Wed 8 Apr: 20 business days skipping Tiradentes (21 Apr) and 1 May → Fri 8 May.
    expect(o.stages[0].deadline).toBe('2026-05-09T02:59:59Z');
  });
  it('Res. 15/2024 Art. 6 §3: the 20 business days run from the communication actually made (Mon 6 Apr → Wed 6 May)', () => {
    const o = pick(run({ ...THU, regulatorNoticeAt: '2026-04-06T15:00:00Z', population: health, risk: { significantHarm: true } }), 'BR.lgpd.anpd');
    expect(o.stages[0].deadline).toBe('2026-05-07T02:59:59Z');
  });
  it('Res. 15/2024 Art. 9: data subjects on the same 3 business days; §4 declaration to the ANPD 3 business days after', () => {
    const o = pick(run({ ...THU, population: health, risk: { significantHarm: true } }), 'BR.lgpd.individuals');
    expect(o.deadline).toBe('2026-04-09T02:59:59Z');
    // Thu 9, Fri 10, Mon 13 April.
    expect(o.stages[0].deadline).toBe('2026-04-14T02:59:59Z');
  });
  it('needs relevant risk: decided no → not required; undecided → review', () => {
    expect(pick(run({ population: health, risk: { significantHarm: false } }), 'BR.lgpd.anpd').required).toBe(false);
    expect(pick(run({ population: health }), 'BR.lgpd.anpd').required).toBe('review');
  });
  it('data outside the listed categories still needs review (children, secrecy, large scale are not element ids)', () => {
    expect(pick(run({ population: [group('BR', 50, ['person_name', 'email'])], risk: { significantHarm: true } }), 'BR.lgpd.anpd').required).toBe('review');
  });
  it('Res. 15/2024 Art. 3, VI: login names are system-authentication data', () => {
    expect(pick(run({ population: [group('BR', 2, ['username'])], risk: { significantHarm: true } }), 'BR.lgpd.anpd').required).toBe(true);
  });
});

describe('small processing agents: every period doubled (Res. 15/2024 Art. 6 §8, Art. 9 §6)', () => {
  const small = { ...THU, population: health, risk: { significantHarm: true }, controller: { smallProcessingAgent: true } };
  it('ANPD: 6 business days, supplement 40 business days', () => {
    const r = run(small);
    const o = pick(r, 'BR.lgpd.anpd.small');
    // Mon 6 … Fri 10, Mon 13 April = day 6.
    expect(o.deadline).toBe('2026-04-14T02:59:59Z');
    // 40 business days after Mon 13 Apr, skipping 21 Apr and 1 May (Corpus Christi counts) → Wed 10 June.
    expect(o.stages[0].deadline).toBe('2026-06-11T02:59:59Z');
    expect(pick(r, 'BR.lgpd.anpd').required).toBe(false);
  });
  it('data subjects: 6 business days (fixed: the doubling was applied to the ANPD notice only); the Art. 9 §4 declaration 3 business days after', () => {
    const r = run(small);
    const o = pick(r, 'BR.lgpd.individuals.small');
    expect(o.deadline).toBe('2026-04-14T02:59:59Z');
    // Tue 14, Wed 15, Thu 16 April.
    expect(o.stages[0].deadline).toBe('2026-04-17T02:59:59Z');
    expect(pick(r, 'BR.lgpd.individuals').required).toBe(false);
  });
});

describe('versions: before the LGPD, LGPD Art. 48 alone, Res. 15/2024 (published 26 Apr 2024)', () => {
  const on = (day: string) => ({ awareAt: `${day}T12:00:00Z`, discoveredAt: `${day}T12:00:00Z`, population: health, risk: { significantHarm: true } });
  it('17 Sep 2020: no duty; 18 Sep 2020: Art. 48 "prazo razoável" with no fixed period', () => {
    expect(pick(run(on('2020-09-17'), '2020-09-17T13:00:00Z'), 'BR.pre-lgpd.anpd').required).toBe(false);
    const r = run(on('2020-09-18'), '2020-09-18T13:00:00Z');
    expect(pick(r, 'BR.lgpd.anpd.2020-09-18')).toMatchObject({ required: true, deadline: null, urgency: 'within_reasonable_time' });
  });
  it('Art. 48 before Res. 15/2024: data subjects too, in a reasonable time; not for a breach without relevant risk', () => {
    expect(pick(run(on('2022-06-01'), '2022-06-01T13:00:00Z'), 'BR.lgpd.individuals.2020-09-18')).toMatchObject({ required: true, deadline: null, urgency: 'within_reasonable_time' });
    expect(pick(run({ ...on('2022-06-01'), risk: { significantHarm: false } }, '2022-06-01T13:00:00Z'), 'BR.lgpd.individuals.2020-09-18').required).toBe(false);
  });
  it('25 Apr 2024: still no fixed period; 26 Apr 2024: 3 business days (Fri 26 → Mon 29, Tue 30, 1 May holiday, Thu 2 May)', () => {
    expect(pick(run(on('2024-04-25'), '2024-04-25T13:00:00Z'), 'BR.lgpd.anpd.2020-09-18').deadline).toBeNull();
    const r = run(on('2024-04-26'), '2024-04-26T13:00:00Z');
    expect(pick(r, 'BR.lgpd.anpd').deadline).toBe('2024-05-03T02:59:59Z');
    expect(has(r, 'BR.lgpd.anpd.2020-09-18')).toBe(false);
  });
});
