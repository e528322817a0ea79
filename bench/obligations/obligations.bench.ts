/**
 * `npx vitest bench --run bench/obligations` — the engine on the 60-jurisdiction, 10-million-person
 * case (issue 5: "answers in under a second"). Figures in bench/obligations/README-section.md.
 */
import { bench, describe } from 'vitest';
import { computeObligations } from '../../src/obligations/engine.js';
import { breachFactsSchema } from '../../src/obligations/facts.schema.js';
import { loadRules, validateRules } from '../../src/obligations/rules-loader.js';
import { bigCase } from './big-case.js';

const facts = breachFactsSchema.parse(bigCase());
const rules = loadRules();
const asOf = new Date('2026-03-05T00:00:00Z');

describe('obligations engine, 60 jurisdictions / 10M people', () => {
  bench('computeObligations (rules loaded)', () => {
    computeObligations(facts, rules, asOf);
  });
  bench('validate facts + computeObligations', () => {
    computeObligations(breachFactsSchema.parse(bigCase()), rules, asOf);
  });
  bench('validate all rule files (zod)', () => {
    validateRules();
  });
});
