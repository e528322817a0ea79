import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

describe('Japan (APPI Art. 26)', () => {
  const emails = (n: number) => [group('JP', n, ['person_name', 'email'])];
  it('more than 1,000 subjects: 1,000 no, 1,001 yes (no malice, ordinary data)', () => {
    expect(pick(run({ population: emails(1000), breach: { malicious: false } }), 'JP.appi.ppc').required).toBe(false);
    expect(pick(run({ population: emails(1001), breach: { malicious: false } }), 'JP.appi.ppc').required).toBe(true);
  });
  it('special-care data or a wrongful purpose make even one subject reportable', () => {
    expect(pick(run({ population: [group('JP', 1, ['health'])], breach: { malicious: false } }), 'JP.appi.ppc').required).toBe(true);
    expect(pick(run({ population: emails(1), breach: { malicious: true } }), 'JP.appi.ppc').why).toMatch(/wrongful purpose/);
  });
  it('preliminary report promptly, final within 30 days — 60 for a wrongful purpose', () => {
    const o = pick(run({ population: [group('JP', 1, ['health'])], breach: { malicious: false } }), 'JP.appi.ppc');
    expect(o.deadline).toBeNull();
    // Awareness 2026-03-03 00:00 JST → day 30 = 2026-04-02, ends 23:59:59 JST.
    expect(o.stages[0].deadline).toBe('2026-04-02T14:59:59Z');
    // Day 60 = 2026-05-02.
    expect(pick(run({ population: emails(1), breach: { malicious: true } }), 'JP.appi.ppc').stages[0].deadline).toBe('2026-05-02T14:59:59Z');
  });
  it('advanced encryption exempts', () => {
    expect(pick(run({ population: [group('JP', 1, ['health'])], breach: { encrypted: true } }), 'JP.appi.ppc').required).toBe(false);
  });
});
