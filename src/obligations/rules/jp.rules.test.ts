import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const emails = (n: number) => [group('JP', n, ['person_name', 'email'])];

describe('Japan (APPI Art. 26, Enforcement Rules Arts 7–10)', () => {
  it('Rules Art. 7(iv) "more than 1,000": 1,000 no, 1,001 yes (no malice, ordinary data)', () => {
    expect(pick(run({ population: emails(1000), breach: { malicious: false } }), 'JP.appi.ppc').required).toBe(false);
    expect(pick(run({ population: emails(1001), breach: { malicious: false } }), 'JP.appi.ppc').required).toBe(true);
  });
  it('special-care data or a wrongful purpose make even one subject reportable', () => {
    expect(pick(run({ population: [group('JP', 1, ['health'])], breach: { malicious: false } }), 'JP.appi.ppc').required).toBe(true);
    expect(pick(run({ population: emails(1), breach: { malicious: true } }), 'JP.appi.ppc').why).toMatch(/wrongful purpose/);
  });
  it('Rules Art. 8(2): final report within 30 days of knowing — the day of knowing is day 1 — 60 for a wrongful purpose', () => {
    // Awareness 2026-03-02 15:00 UTC = 3 March 00:00 JST: day 1 = 3 March, day 30 = 1 April, ends 23:59:59 JST.
    const o = pick(run({ population: [group('JP', 1, ['health'])], breach: { malicious: false } }), 'JP.appi.ppc');
    expect(o.deadline).toBeNull();
    expect(o.stages[0].deadline).toBe('2026-04-01T14:59:59Z');
    // Day 60 = 1 May.
    expect(pick(run({ population: emails(1), breach: { malicious: true } }), 'JP.appi.ppc').stages[0].deadline).toBe('2026-05-01T14:59:59Z');
  });
  it('time-zone edge: 23:59 JST on 2 March makes 2 March day 1, though it is still 2 March 14:59 UTC', () => {
    const iso = '2026-03-02T14:59:00Z';
    const o = pick(run({ awareAt: iso, discoveredAt: iso, population: [group('JP', 1, ['health'])], breach: { malicious: false } }), 'JP.appi.ppc');
    expect(o.stages[0].deadline).toBe('2026-03-31T14:59:59Z');
  });
  it('Art. 26(2): data subjects promptly on the same four situations — 1,001 ordinary records yes, 1,000 no', () => {
    expect(pick(run({ population: emails(1001), breach: { malicious: false } }), 'JP.appi.individuals')).toMatchObject({ required: true, urgency: 'promptly', deadline: null });
    expect(pick(run({ population: emails(1000), breach: { malicious: false } }), 'JP.appi.individuals').required).toBe(false);
  });
  it('advanced encryption exempts (Rules Art. 7)', () => {
    expect(pick(run({ population: [group('JP', 1, ['health'])], breach: { encrypted: true } }), 'JP.appi.ppc').required).toBe(false);
  });
  it('fixed: biometrics and bank accounts are not automatically reportable, nor silently not — a person decides', () => {
    expect(pick(run({ population: [group('JP', 3, ['person_name', 'biometric'])], breach: { malicious: false } }), 'JP.appi.ppc').required).toBe('review');
    expect(pick(run({ population: [group('JP', 3, ['person_name', 'bank_account'])], breach: { malicious: false } }), 'JP.appi.ppc').required).toBe('review');
  });
  it('a business established in Japan counts every data subject towards the 1,000', () => {
    const r = run({ controller: { establishments: ['JP'] }, population: [group('US-CA', 1001, ['email'])], breach: { malicious: false } });
    expect(pick(r, 'JP.appi.ppc').required).toBe(true);
  });
  it('Art. 26(1) proviso: an entrusted business tells the entrusting business', () => {
    expect(pick(run({ population: [group('JP', 1, ['health'])], controller: { role: 'processor' } }), 'JP.appi.entrustee')).toMatchObject({ required: true, urgency: 'promptly' });
  });
});

describe('the 2020 amendment in force 1 April 2022', () => {
  const on = (day: string) => ({ awareAt: `${day}T01:00:00Z`, discoveredAt: `${day}T01:00:00Z`, population: [group('JP', 1, ['health'])] });
  it('31 Mar 2022: best-effort reporting only (review); 1 Apr 2022: the statutory duty', () => {
    const before = run(on('2022-03-31'), '2022-03-31T02:00:00Z');
    expect(pick(before, 'JP.pre-2022.ppc').required).toBe('review');
    expect(has(before, 'JP.appi.ppc')).toBe(false);
    expect(pick(run(on('2022-04-01'), '2022-04-01T02:00:00Z'), 'JP.appi.ppc').required).toBe(true);
  });
});
