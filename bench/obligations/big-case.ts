/**
 * The benchmark case of issue 5: 60 jurisdictions, 10,000,000 people, a profile that switches on
 * most sector regimes. Deterministic (no randomness) so runs are comparable.
 */
import { EEA_STATES } from '../../src/obligations/jurisdictions.js';
import type { BreachFactsInput } from '../../src/obligations/facts.schema.js';

const US = ['CA', 'NY', 'TX', 'FL', 'MA', 'WA', 'CO', 'IL', 'VT', 'IA', 'NJ', 'VA', 'PA', 'OK', 'GA', 'OH', 'MN', 'AL', 'MD', 'PR'];
const OTHER = ['GB', 'CH', 'CA-ON', 'CA-QC', 'AU', 'BR', 'SG', 'JP', 'KR', 'IN'];
export const BIG_JURISDICTIONS: string[] = [...EEA_STATES, ...US.map((s) => `US-${s}`), ...OTHER];

const ELEMENT_SETS = [
  ['person_name', 'email', 'phone'],
  ['person_name', 'us_ssn', 'date_of_birth'],
  ['person_name', 'health', 'health_insurance'],
  ['email', 'password'],
  ['person_name', 'payment_card', 'card_security_code'],
] as const;

export const bigCase = (total = 10_000_000): BreachFactsInput => {
  const per = Math.floor(total / BIG_JURISDICTIONS.length / ELEMENT_SETS.length);
  const population = BIG_JURISDICTIONS.flatMap((jurisdiction) =>
    ELEMENT_SETS.map((elements) => ({ jurisdiction, individuals: per, elements: [...elements] })),
  );
  // Put the rounding remainder on the first group so the total is exact.
  population[0].individuals += total - per * population.length;
  return {
    version: 1,
    discoveredAt: '2026-03-02T15:00:00Z',
    awareAt: '2026-03-02T17:00:00Z',
    controller: {
      establishments: ['US', 'DE'],
      mainEstablishment: 'DE',
      role: 'controller',
      hipaa: 'covered_entity',
      publicCompany: true,
      nydfs: true,
      nis2Entity: 'essential',
      telecom: false,
    },
    breach: { types: ['confidentiality', 'availability'], access: true, acquisition: true, encrypted: false, keyCompromised: false, malicious: true },
    population,
    risk: { gdpr: 'high', material: true, significantIncident: true, significantHarm: true },
    materialityDeterminedAt: '2026-03-04T20:00:00Z',
  };
};
