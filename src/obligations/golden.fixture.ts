/**
 * Builders for golden tests: a minimal BreachFacts with overrides, and a lookup of one obligation
 * by rule id. Test support only (no test runner import), kept beside the engine it feeds.
 */
import { computeObligations } from './engine.js';
import { type BreachFacts, type BreachFactsInput, breachFactsSchema } from './facts.schema.js';
import type { Obligation, ObligationsResult } from './obligations.schema.js';
import { loadRules } from './rules-loader.js';

type Over = Partial<Omit<BreachFactsInput, 'controller' | 'breach' | 'risk'>> & {
  controller?: Partial<BreachFactsInput['controller']>;
  breach?: Partial<BreachFactsInput['breach']>;
  risk?: Partial<NonNullable<BreachFactsInput['risk']>>;
};

export const AWARE = '2026-03-02T15:00:00Z';

export const makeFacts = (over: Over = {}): BreachFacts =>
  breachFactsSchema.parse({
    version: 1,
    discoveredAt: AWARE,
    awareAt: AWARE,
    population: [],
    ...over,
    controller: { establishments: ['US'], role: 'controller', ...over.controller },
    breach: {
      types: ['confidentiality'],
      access: true,
      acquisition: true,
      encrypted: false,
      keyCompromised: false,
      malicious: true,
      ...over.breach,
    },
    risk: { gdpr: null, ...over.risk },
  });

/** One population group. */
export const group = (jurisdiction: string, individuals: number, elements: string[]) => ({
  jurisdiction,
  individuals,
  elements: elements as BreachFactsInput['population'][number]['elements'],
});

export const run = (over: Over, asOf = '2026-06-01T00:00:00Z'): ObligationsResult =>
  computeObligations(makeFacts(over), loadRules(), new Date(asOf));

/** The obligation produced by rule `id`; throws (failing the test) if it is not listed. */
export const pick = (result: ObligationsResult, id: string): Obligation => {
  const o = result.obligations.find((x) => x.id === id);
  if (!o) throw new Error(`obligation ${id} not listed; got ${result.obligations.map((x) => x.id).join(', ')}`);
  return o;
};

export const has = (result: ObligationsResult, id: string): boolean => result.obligations.some((x) => x.id === id);
