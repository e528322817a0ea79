/**
 * Whether a duty is required: profile → breach mode → elements and safe harbour → threshold →
 * risk gate. No deadlines here (timing.ts).
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { BreachFacts, PopulationEntry } from '../facts.schema.js';
import type { Required } from '../obligations.schema.js';
import type { ElementSet, Rule } from '../rule.schema.js';
import { gateOf } from './gates.js';
import { PROFILE_TESTS } from './profile.js';
import type { ScopeView } from './scope.js';

const matches = (set: ElementSet | undefined, elements: Set<ElementId>): boolean => {
  if (!set) return false;
  if (set.anyOf.length === 0 && set.combos.length === 0) return true;
  return set.anyOf.some((e) => elements.has(e)) || set.combos.some((c) => c.every((e) => elements.has(e)));
};

/** The first element or combination of `set` found in `elements`, for the "why". */
const firstMatch = (set: ElementSet, elements: Set<ElementId>): string => {
  if (set.anyOf.length === 0 && set.combos.length === 0) return 'any personal data';
  const one = set.anyOf.find((e) => elements.has(e));
  if (one) return one;
  return set.combos.find((c) => c.every((e) => elements.has(e)))?.join(' + ') ?? '';
};

const describeSet = (set: ElementSet): string => {
  const parts = [...set.anyOf, ...set.combos.map((c) => c.join(' + '))];
  return parts.length ? parts.join(' | ') : 'any personal data';
};

export interface Evaluation {
  required: Required;
  why: string[];
  counted: number;
}

const sumOf = (entries: PopulationEntry[], maxPer: boolean): number => {
  if (!maxPer) return entries.reduce((s, p) => s + p.individuals, 0);
  const per = new Map<string, number>();
  for (const p of entries) per.set(p.jurisdiction, (per.get(p.jurisdiction) ?? 0) + p.individuals);
  return Math.max(0, ...per.values());
};

export const compare = (count: number, comparator: '>' | '>=' | '<', n: number): boolean =>
  comparator === '>' ? count > n : comparator === '>=' ? count >= n : count < n;

const COMPARATOR_WORDS = { '>': 'more than', '>=': 'at least', '<': 'fewer than' } as const;

export const thresholdText = (rule: Rule): string | null =>
  rule.threshold
    ? `${COMPARATOR_WORDS[rule.threshold.comparator]} ${rule.threshold.count} ${rule.threshold.counted}`
    : null;

/** Decide whether the duty is required; no deadlines here. */
export const evaluate = (rule: Rule, facts: BreachFacts, scope: ScopeView): Evaluation => {
  const why: string[] = [];
  const no = (reason: string, counted = 0): Evaluation => ({ required: false, why: [...why, reason], counted });

  for (const p of rule.appliesIf) {
    const [test, words] = PROFILE_TESTS[p];
    if (!test(facts)) return no(`applies only to ${words}; the organisation profile says otherwise`);
  }
  for (const p of rule.appliesUnless) {
    const [test, words] = PROFILE_TESTS[p];
    if (test(facts)) return no(`does not apply to ${words} (a separate rule covers them)`);
  }
  if (scope.excluded) return no(scope.excluded);

  const b = facts.breach;
  let review = false;
  if (rule.trigger.breachMode === 'acquisition') {
    if (b.acquisition === false) return no('the law is triggered by unauthorised acquisition; the facts say access without acquisition');
    if (b.acquisition === null) {
      review = true;
      why.push('acquisition not yet established: the law is triggered by acquisition');
    }
  } else if (rule.trigger.breachMode === 'access' && !b.access && !b.acquisition) {
    return no('no unauthorised access or acquisition of data');
  }

  // Elements and the encryption safe harbour, per population group.
  const harbour = rule.trigger.encryptionSafeHarbor;
  const triggered: PopulationEntry[] = [];
  const matchedBy = new Set<string>();
  let harboured = 0;
  let reviewOnly = 0;
  const reviewMatched = new Set<ElementId>();
  for (const p of scope.entries) {
    const els = new Set(p.elements);
    const hit = matches(rule.trigger.elements, els);
    if (!hit) {
      if (matches(rule.trigger.reviewElements, els)) {
        reviewOnly += p.individuals;
        for (const e of p.elements) reviewMatched.add(e);
      }
      continue;
    }
    const encrypted = p.encrypted ?? b.encrypted;
    const protectedByHarbour =
      harbour.applies && encrypted && !(harbour.lostIfKeyCompromised && b.keyCompromised);
    if (protectedByHarbour) harboured += p.individuals;
    else {
      triggered.push(p);
      matchedBy.add(firstMatch(rule.trigger.elements, els));
    }
  }
  const counted = sumOf(triggered, scope.maxPerJurisdiction);
  if (triggered.length === 0) {
    if (harboured > 0)
      return no(
        `encryption safe harbour: the affected data were encrypted${harbour.lostIfKeyCompromised ? ' and the key was not compromised' : ''}${harbour.standard ? ` (${harbour.standard})` : ''}`,
      );
    if (reviewOnly > 0)
      return {
        required: 'review',
        why: [
          ...why,
          `the exposed elements (${[...reviewMatched].join(', ')}) may be covered by this law's definition, which this rule set does not encode with certainty — check the statute`,
        ],
        counted: reviewOnly,
      };
    return no(`no triggering element: needs ${describeSet(rule.trigger.elements)}`);
  }
  if (harbour.applies && b.encrypted && b.keyCompromised && harbour.lostIfKeyCompromised)
    why.push('encryption safe harbour lost: the key was compromised');
  why.push(`${counted} individual(s) with triggering data (${[...matchedBy].join('; ')})`);

  // Threshold.
  const t = rule.threshold;
  if (t) {
    const met = compare(counted, t.comparator, t.count);
    const text = thresholdText(rule);
    if (t.comparatorUncertain && counted === t.count) {
      review = true;
      why.push(`exactly ${t.count}: the statute's comparator (> or ≥) is not confirmed in this rule set`);
    } else if (!met) {
      // Groups whose elements may be covered (review elements) could still tip the count.
      if (reviewOnly > 0 && t.comparator !== '<' && compare(counted + reviewOnly, t.comparator, t.count)) {
        review = true;
        why.push(`threshold met only if ${reviewOnly} individual(s) with possibly covered elements (${[...reviewMatched].join(', ')}) count: ${text}`);
      } else return no(`threshold not met: ${counted} is not ${text}`, counted);
    } else why.push(`threshold met: ${text}`);
  }

  // Risk gate (alternatives first: any one of them makes the duty apply).
  const g = rule.riskGate;
  const alt = g.alternatives.find((a) =>
    a.kind === 'malicious'
      ? b.malicious
      : a.kind === 'threshold'
        ? compare(counted, a.comparator, a.count)
        : triggered.some((p) => a.anyOf.some((e) => p.elements.includes(e))),
  );
  const gate = alt ? ({ pass: true, why: alt.why } as const) : gateOf(rule, facts);
  if (gate.pass === false) return no(gate.why, counted);
  if (gate.pass === 'review') review = true;
  if (gate.why) why.push(gate.why);

  if (rule.review) {
    review = true;
    why.push(rule.review);
  }
  return { required: review ? 'review' : true, why, counted };
};
