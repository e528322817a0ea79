/**
 * Whether a duty is required: profile → breach mode → elements and safe harbour → threshold →
 * risk gate. No deadlines here (timing.ts).
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { BreachFacts, PopulationEntry } from '../facts.schema.js';
import type { Required } from '../obligations.schema.js';
import type { ElementSet, GateAlternative, Rule } from '../rule.schema.js';
import { gateOf } from './gates.js';
import { judgedElements } from './judgement.js';
import { PROFILE_TESTS } from './profile.js';
import type { ScopeView } from './scope.js';
import { supervisionOf } from './supervision.js';

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
  /** For `review`: what to settle, each as a question naming the fact to set (issue 20 §1). */
  questions: string[];
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

/** People this rule may or may not cover, and why: they can make an answer `review`, never `true`. */
interface Uncertain {
  individuals: number;
  groups: PopulationEntry[];
  /** Short reasons ("password_hash may count as password"), deduplicated. */
  reasons: Set<string>;
  questions: Set<string>;
}

/** Decide whether the duty is required; no deadlines here. */
export const evaluate = (rule: Rule, facts: BreachFacts, scope: ScopeView): Evaluation => {
  const why: string[] = [];
  const questions = new Set<string>();
  const no = (reason: string, counted = 0): Evaluation => ({ required: false, why: [...why, reason], questions: [], counted });
  const ask = (reason: string, question: string) => {
    why.push(reason);
    questions.add(question);
  };

  for (const p of rule.appliesIf) {
    const [test, words] = PROFILE_TESTS[p];
    if (!test(facts)) return no(`applies only to ${words}; the organisation profile says otherwise`);
  }
  for (const p of rule.appliesUnless) {
    const [test, words] = PROFILE_TESTS[p];
    if (test(facts)) return no(`does not apply to ${words} (a separate rule covers them)`);
  }
  const supervision = supervisionOf(rule, facts);
  if (supervision?.answer === false) return no(supervision.why);
  if (supervision?.answer === 'review') ask(supervision.why, supervision.question);
  if (scope.excluded) return no(scope.excluded);

  const b = facts.breach;
  if (rule.trigger.breachMode === 'acquisition') {
    if (b.acquisition === false) return no('the law is triggered by unauthorised acquisition; the facts say access without acquisition');
    if (b.acquisition === null && rule.trigger.acquisitionPresumedFromAccess && b.access)
      why.push('acquisition presumed from the unauthorised access (no reliable evidence that data were not acquired)');
    else if (b.acquisition === null)
      ask('required if data were acquired — missing: breach.acquisition', 'Were the data acquired (copied or taken), not only accessed? Set breach.acquisition.');
  } else if (rule.trigger.breachMode === 'access' && !b.access && !b.acquisition) {
    return no('no unauthorised access or acquisition of data');
  }
  for (const x of rule.trigger.notIf) {
    if (b[x.fact] === true) return no(x.why);
  }

  const triggered: PopulationEntry[] = [];
  const uncertain: Uncertain = { individuals: 0, groups: [], reasons: new Set(), questions: new Set() };
  const doubt = (p: PopulationEntry, reasons: string[], qs: string[]) => {
    uncertain.individuals += p.individuals;
    uncertain.groups.push(p);
    for (const r of reasons) uncertain.reasons.add(r);
    for (const q of qs) uncertain.questions.add(q);
  };
  let counted: number;
  if (rule.trigger.subject === 'incident') {
    // The incident itself is the trigger (SEC 8-K Item 1.05, NYDFS 500.17(a), bank 36-hour rule,
    // DORA Art. 19, NIS2 Art. 23): no personal data needed. People, if any, are counted for the record.
    triggered.push(...scope.entries);
    counted = sumOf(triggered, scope.maxPerJurisdiction);
    why.push(counted > 0 ? `the incident itself triggers this regime (${counted} individual(s) affected)` : 'the incident itself triggers this regime; no personal data is needed');
  } else {
    // Elements and the encryption safe harbour, per population group.
    const harbour = rule.trigger.encryptionSafeHarbor;
    const matchedBy = new Set<string>();
    const settled = new Set<string>();
    let harboured = 0;
    const classify = (p: PopulationEntry, unknownResidence: boolean) => {
      const judged = judgedElements(p.elements, facts);
      const certain = matches(rule.trigger.elements, judged.certain);
      const possible = !certain && (matches(rule.trigger.elements, judged.possible) || matches(rule.trigger.reviewElements, judged.possible));
      if (!certain && !possible) return;
      const encrypted = p.encrypted ?? b.encrypted;
      if (harbour.applies && encrypted) {
        if (!harbour.lostIfKeyCompromised || b.keyCompromised === false) {
          harboured += p.individuals;
          return;
        }
        if (b.keyCompromised === null) {
          doubt(p, ['encrypted; the safe harbour holds only if the key was not compromised'], ['Was the encryption key or credential compromised too? Set breach.keyCompromised.']);
          return;
        }
      }
      if (unknownResidence) {
        doubt(p, [`${p.individuals} individual(s) of unknown residence may live here`], ['Where do the people of unknown residence live? Import them with an address, phone or country.']);
        return;
      }
      if (certain) {
        triggered.push(p);
        for (const x of judged.settled) settled.add(x);
        matchedBy.add(firstMatch(rule.trigger.elements, judged.certain));
        return;
      }
      if (matches(rule.trigger.elements, judged.possible))
        doubt(
          p,
          judged.open.map((j) => j.reason),
          judged.open.map((j) => j.question),
        );
      else
        doubt(
          p,
          [`${p.elements.join(', ')} may fall under this law's definition (not encoded with certainty)`],
          [`Do the exposed elements (${p.elements.join(', ')}) fall within this law's definition of personal information? Check the statute.`],
        );
    };
    for (const p of scope.entries) classify(p, false);
    for (const p of scope.unknown) classify(p, true);
    counted = sumOf(triggered, scope.maxPerJurisdiction);
    if (triggered.length === 0 && uncertain.individuals === 0) {
      if (harboured > 0)
        return no(
          `encryption safe harbour: the affected data were encrypted${harbour.lostIfKeyCompromised ? ' and the key was not compromised' : ''}${harbour.standard ? ` (${harbour.standard})` : ''}`,
        );
      return no(`no triggering element: needs ${describeSet(rule.trigger.elements)}`);
    }
    if (harbour.applies && b.encrypted && b.keyCompromised === true && harbour.lostIfKeyCompromised)
      why.push('encryption safe harbour lost: the key was compromised');
    if (counted > 0) why.push(`${counted} individual(s) with triggering data (${[...matchedBy].join('; ')})`);
    why.push(...settled);
  }
  const uncertainReasons = [...uncertain.reasons].join('; ');
  const openUp = () => {
    why.push(`required if ${uncertain.individuals} more individual(s) count: ${uncertainReasons}`);
    for (const q of uncertain.questions) questions.add(q);
  };

  // Threshold: the people the rule may cover can tip it (then `review`), never the other way.
  const t = rule.threshold;
  if (t) {
    const text = thresholdText(rule);
    const met = counted > 0 && compare(counted, t.comparator, t.count);
    const metIfAll = t.comparator !== '<' && compare(counted + uncertain.individuals, t.comparator, t.count);
    if (t.comparatorUncertain && (counted === t.count || (!met && counted + uncertain.individuals === t.count))) {
      ask(`exactly ${t.count}: the statute's comparator (more than, or at least) is not confirmed in this rule set`, `Does the statute say "more than ${t.count}" or "${t.count} or more"? Check its text.`);
      if (!met) openUp();
    } else if (met) why.push(`threshold met: ${text}`);
    else if (metIfAll && uncertain.individuals > 0) {
      why.push(`threshold: ${text}`);
      openUp();
    } else if (t.comparator === '<' && counted === 0 && uncertain.individuals > 0) openUp();
    else return no(`threshold not met: ${counted}${uncertain.individuals ? ` (${counted + uncertain.individuals} counting every uncertain case)` : ''} is not ${text}`, counted);
  } else if (counted === 0 && uncertain.individuals > 0 && rule.trigger.subject !== 'incident') openUp();

  // Risk gate (alternatives first: any one of them makes the duty apply).
  const g = rule.riskGate;
  const holds = (a: GateAlternative, groups: PopulationEntry[], n: number) =>
    a.kind === 'malicious'
      ? b.malicious
      : a.kind === 'threshold'
        ? compare(n, a.comparator, a.count)
        : groups.some((p) => a.anyOf.some((e) => p.elements.includes(e)) || a.combos.some((c) => c.every((e) => p.elements.includes(e))));
  const maybe = (a: GateAlternative) => a.kind === 'elements' && a.review;
  const certainAlts = g.alternatives.filter((a) => !maybe(a));
  const alt = certainAlts.find((a) => holds(a, triggered, counted));
  const reviewAlt = alt ? undefined : g.alternatives.filter(maybe).find((a) => holds(a, triggered, counted));
  const altIfAll = alt ? undefined : g.alternatives.find((a) => holds(a, [...triggered, ...uncertain.groups], counted + uncertain.individuals));
  const gate = alt ? ({ pass: true, why: alt.why } as const) : gateOf(rule, facts);
  if (gate.pass === false) {
    if (reviewAlt) ask(reviewAlt.why, `${reviewAlt.why} — does it apply here? Check the statute and decide.`);
    else if (!altIfAll) return no(gate.why, counted);
    else {
      why.push(`${altIfAll.why}, if the uncertain cases count`);
      for (const q of uncertain.questions) questions.add(q);
    }
  } else {
    if (gate.pass === 'review' && gate.question) questions.add(gate.question);
    if (gate.pass === 'review' && !gate.question) questions.add(`${gate.why}?`);
    if (gate.why) why.push(gate.why);
  }

  if (rule.review) ask(rule.review, `${rule.review} — check the statute and decide.`);
  if (b.lawEnforcementDelay?.requested && (rule.recipient === 'individuals' || rule.recipient === 'media'))
    why.push('law enforcement asked for a delay: check the delay clause of this law and record when the request ends');
  const review = questions.size > 0 || gate.pass === 'review';
  return { required: review ? 'review' : true, why, questions: [...questions], counted: counted > 0 ? counted : uncertain.individuals };
};
