import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

describe('Brazil (LGPD Art. 48, Res. CD/ANPD 15/2024)', () => {
  const health = [group('BR', 50, ['person_name', 'health'])];
  it('ANPD within 3 business days skipping Good Friday; supplement 20 business days later', () => {
    const o = pick(run({ population: health, risk: { significantHarm: true }, awareAt: '2026-04-02T13:00:00Z' }), 'BR.lgpd.anpd');
    expect(o).toMatchObject({ required: true, deadline: '2026-04-09T02:59:59Z' });
    // From Wed 8 Apr: 20 business days skipping Tiradentes (21 Apr) and 1 May → Fri 8 May.
    expect(o.stages[0].deadline).toBe('2026-05-09T02:59:59Z');
  });
  it('data subjects on the same clock', () => {
    expect(pick(run({ population: health, risk: { significantHarm: true }, awareAt: '2026-04-02T13:00:00Z' }), 'BR.lgpd.individuals').deadline).toBe('2026-04-09T02:59:59Z');
  });
  it('needs relevant risk: decided no → not required; undecided → review', () => {
    expect(pick(run({ population: health, risk: { significantHarm: false } }), 'BR.lgpd.anpd').required).toBe(false);
    expect(pick(run({ population: health }), 'BR.lgpd.anpd').required).toBe('review');
  });
  it('data outside the listed categories still needs review (children, secrecy, large scale are not element ids)', () => {
    expect(pick(run({ population: [group('BR', 50, ['person_name', 'email'])], risk: { significantHarm: true } }), 'BR.lgpd.anpd').required).toBe('review');
  });
  it('small processing agents: 6 business days (doubled)', () => {
    const r = run({ population: health, risk: { significantHarm: true }, awareAt: '2026-04-02T13:00:00Z', controller: { smallProcessingAgent: true } });
    // Thu 2 Apr → (Good Friday) Mon 6, 7, 8, 9, 10, Mon 13 = day 6.
    expect(pick(r, 'BR.lgpd.anpd.small').deadline).toBe('2026-04-14T02:59:59Z');
    expect(pick(r, 'BR.lgpd.anpd').required).toBe(false);
  });
});
