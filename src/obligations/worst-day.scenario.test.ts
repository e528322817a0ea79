/**
 * The leak of issue 20 on the shipped rules: 20,797 customers in 12 US states, the UK and four EU
 * countries (name, e-mail, password hash, address, phone), facts as an incident starts them
 * (acquisition and key compromise unknown, not malicious). Pins §1 (a password hash answers
 * `review` with its question for CA, NY, FL, IL and CO, never a silent "not required") and §3
 * (credit-bureau thresholds of GA, NJ and OH still apply; PA counts its own residents only).
 */
import { describe, expect, it } from 'vitest';
import { group, pick, run } from './golden.fixture.js';

const ELEMENTS = ['person_name', 'email', 'password_hash', 'postal_address', 'phone'];
const PEOPLE: [string, number][] = [
  ['US-CA', 4000], ['US-NY', 3000], ['US-FL', 2000], ['US-IL', 1600], ['US-CO', 1000],
  ['US-GA', 900], ['US-NJ', 800], ['US-OH', 700], ['US-PA', 600], ['US-TX', 500], ['US-MA', 400], ['US-WA', 300],
  ['GB', 2000], ['DE', 1000], ['FR', 800], ['ES', 600], ['IT', 597],
];
const result = run({
  population: PEOPLE.map(([j, n]) => group(j, n, ELEMENTS)),
  controller: { establishments: ['US', 'DE'] },
  breach: { acquisition: null, keyCompromised: null, malicious: false },
});

describe('issue 20 walk-through on the shipped rules', () => {
  it('§1: CA, NY, FL, IL and CO (11,600 people) answer review with the hashing question, counted per state', () => {
    const ids = ['US-CA.individuals.2026', 'US-NY.individuals.2025', 'US-FL.individuals', 'US-IL.individuals', 'US-CO.individuals'];
    let people = 0;
    for (const id of ids) {
      const o = pick(result, id);
      expect(o.required, id).toBe('review');
      expect(o.questions.join(' '), id).toMatch(/breach\.hashing/);
      people += o.count.individuals;
    }
    expect(people).toBe(11600);
  });

  it('§1: reasons are short — what would trigger the law and what is missing', () => {
    for (const o of result.obligations.filter((x) => x.required === 'review')) {
      expect(o.why.length, o.id).toBeLessThan(400);
      expect(o.why, o.id).toMatch(/required if|missing|not yet confirmed/);
    }
  });

  it('§3: GA, NJ and OH credit-bureau notices stay below their thresholds even counting every uncertain person', () => {
    for (const code of ['GA', 'NJ', 'OH']) {
      const o = pick(result, `US-${code}.credit_bureaus`);
      expect(o.required, code).toBe(false);
      expect(o.why, code).toMatch(/threshold not met/);
    }
  });

  it('§3: PA counts its 600 residents, not all 20,797 people', () => {
    for (const id of ['US-PA.individuals', 'US-PA.regulator', 'US-PA.credit_bureaus']) expect(pick(result, id).count.individuals, id).toBe(600);
  });

  it('§1: once the hashes are known to be recoverable (unsalted SHA-1) and acquisition is confirmed, the five states are required', () => {
    const settled = run({
      population: PEOPLE.map(([j, n]) => group(j, n, ELEMENTS)),
      controller: { establishments: ['US', 'DE'] },
      breach: { acquisition: true, keyCompromised: null, malicious: true, hashing: { algorithm: 'sha1', salted: false, secretsLeaked: null } },
    });
    for (const id of ['US-CA.individuals.2026', 'US-NY.individuals.2025', 'US-FL.individuals', 'US-IL.individuals', 'US-CO.individuals']) expect(pick(settled, id).required, id).toBe(true);
  });

  const settledAt = (discoveredAt: string, elements = ELEMENTS) =>
    run({
      discoveredAt,
      awareAt: discoveredAt,
      population: PEOPLE.map(([j, n]) => group(j, n, elements)),
      controller: { establishments: ['US', 'DE'] },
      breach: { acquisition: true, keyCompromised: null, malicious: true, hashing: { algorithm: 'sha1', salted: false, secretsLeaked: null } },
    } as never);

  it('N.J.S.A. 56:8-161 as amended by P.L. 2019, c. 95 (from 2019-09-01): e-mail + password of an online account is personal information — NJ individuals and the State Police are owed, not "review"', () => {
    const r = settledAt('2026-03-02T15:00:00Z');
    for (const id of ['US-NJ.individuals', 'US-NJ.law_enforcement']) expect(pick(r, id).required, id).toBe(true);
    // The day before S52 took effect the definition had no credentials: still a question, never a silent yes.
    expect(pick(settledAt('2019-08-31T15:00:00Z'), 'US-NJ.individuals.2006').required).toBe('review');
  });

  it('73 P.S. §2302 "personal information" (1)(vi), Act 151 of 2022: the name linked to e-mail + password — PA individuals, the AG (>500) and the CRAs are owed', () => {
    const r = settledAt('2026-03-02T15:00:00Z');
    for (const id of ['US-PA.individuals', 'US-PA.regulator', 'US-PA.credit_bureaus']) expect(pick(r, id).required, id).toBe(true);
    // Without the name the PA combination is not met for certain.
    const noName = settledAt('2026-03-02T15:00:00Z', ELEMENTS.filter((e) => e !== 'person_name'));
    expect(pick(noName, 'US-PA.individuals').required).not.toBe(true);
  });
});
