/**
 * The notification-obligation engine: BreachFacts + rules → Obligations. Pure (no I/O, no clock
 * unless `asOf` is omitted). Every answer names the rule, its citation and the reason, including
 * the duties that are *not* required (threshold not met, safe harbour, no triggering element…).
 * Gate order per rule: in force → profile → breach mode → elements/safe harbour → threshold →
 * risk gate → deadline. See docs/rules-authoring.md for the meaning of each rule field.
 *
 * The parts live in engine/: profile.ts (in force, profile predicates), scope.ts (who is
 * counted), applicability.ts (required or not, and why), gates.ts (risk-of-harm tests),
 * timing.ts (anchors and deadlines). This file runs them in order over the rule set.
 */
import { DateTime } from 'luxon';
import { isoUtc, UNIT_WORDS } from './deadline.js';
import { thresholdText, evaluate } from './engine/applicability.js';
import { deemedOf } from './engine/deemed.js';
import { determinationRecord, PASSING_NOTES } from './engine/gates.js';
import { inForce, PROFILE_TESTS } from './engine/profile.js';
import { scopeOf } from './engine/scope.js';
import { dependsOnOthers, type Index, keyOf, parentOf, timingOf } from './engine/timing.js';
import { checkFacts } from './facts-checks.js';
import { type BreachFacts, UNKNOWN_JURISDICTION } from './facts.schema.js';
import { isWithin, zoneOf } from './jurisdictions.js';
import type { Obligation, ObligationsResult, RecordKeepingDuty, Required } from './obligations.schema.js';
import type { Rule } from './rule.schema.js';
import { computeSeverity, type Severity } from './severity.js';

export { inForce } from './engine/profile.js';

const RANK: Record<string, number> = { true: 0, review: 1, false: 2 };

/**
 * Compute every obligation of `rules` (already validated) for `facts`, with the law in force on
 * `asOf` (default: now).
 */
export const computeObligations = (facts: BreachFacts, rules: readonly Rule[], asOf: Date = new Date()): ObligationsResult => {
  const day = isoUtc(asOf).slice(0, 10);
  const severity: Severity = computeSeverity(facts);
  const index: Index = new Map();
  const out: Obligation[] = [];
  const records: RecordKeepingDuty[] = [];
  const covered = new Set<string>();
  // The law of the day the breach was discovered (issue 13 §5), in the rule's own time zone — or of
  // `asOf` when that is earlier (a what-if on an earlier day cannot use a law not yet in force).
  const discovered = new Date(facts.discoveredAt);
  const lawDay = (r: Rule): string => {
    let local = isoUtc(discovered).slice(0, 10);
    try {
      local = DateTime.fromJSDate(discovered, { zone: zoneOf(r.jurisdiction) }).toISODate() ?? local;
    } catch {
      // a jurisdiction without a zone (rules verify reports it): the UTC date
    }
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare by text; Math.min would coerce them to NaN
    return local < day ? local : day;
  };
  const active = rules.filter((r) => inForce(r, lawDay(r)));
  const ordered = [...active.filter((r) => !dependsOnOthers(r)), ...active.filter(dependsOnOthers)];
  // Rules anchored on the HHS notice depend on a dependent rule themselves: run them last.
  ordered.sort((a, b) => Number(a.clock.anchor === 'hhs_notice') - Number(b.clock.anchor === 'hhs_notice'));

  for (const rule of ordered) {
    const scope = scopeOf(rule, facts);
    if (!scope.relevant) continue;
    const ev = evaluate(rule, facts, scope);
    const profileFits =
      rule.appliesIf.every((p) => PROFILE_TESTS[p][0](facts)) && !rule.appliesUnless.some((p) => PROFILE_TESTS[p][0](facts));
    if (profileFits)
      for (const p of scope.entries)
        if (rule.scope.kind === 'residents' || isWithin(p.jurisdiction, rule.jurisdiction)) covered.add(p.jurisdiction);
    const timing = timingOf(rule, facts, index);
    const required = ev.required;
    const parent = parentOf(rule, facts, index);
    let finalRequired: Required = required;
    const why = [...ev.why];
    const questions = [...ev.questions];
    if (required !== false && timing.relativeTo?.at === null && rule.clock.anchor === 'extortion_payment') {
      finalRequired = false;
      why.push('no extortion payment recorded');
    } else if (required !== false && parent !== undefined && parent.required !== true) {
      // The duty follows another notice (copy of the HHS notice, sample of the consumer notice).
      finalRequired = parent.required === false ? false : 'review';
      why.push(parent.required === false ? `follows ${parent.id}, which is not required` : `follows ${parent.id}, which needs review`);
      if (parent.required === 'review') questions.push(`Settle ${parent.id} first: this duty follows it.`);
    }
    const ob: Obligation = {
      id: rule.id,
      regime: rule.regime,
      jurisdiction: rule.jurisdiction,
      recipient: rule.recipient,
      authority: rule.authority,
      required: finalRequired,
      deadline: finalRequired !== false && timing.deadline ? isoUtc(timing.deadline) : null,
      urgency: rule.clock.urgency ?? null,
      deadlineRule: timing.deadlineRule,
      relativeTo: timing.relativeTo,
      citation: rule.citation,
      // A review answer keeps only what would trigger the law and what is missing (issue 20 §1:
      // short reasons); notes that a gate simply passes say nothing to settle.
      why: (finalRequired === 'review' ? why.filter((w) => !PASSING_NOTES.has(w)) : why).join('; '),
      questions: finalRequired === 'review' ? questions : [],
      content: rule.content,
      prohibitedContent: rule.prohibitedContent,
      channels:
        rule.riskGate.kind === 'gdpr_high_risk' && facts.risk.art34Exemptions.c
          ? ['public communication or similar equally effective measure (Art. 34(3)(c))']
          : rule.channels,
      ...(rule.substituteNotice ? { substituteNotice: rule.substituteNotice } : {}),
      // Whether e-mail counts as notice under this rule, and on what basis (notices/electronic-notice.ts applies it).
      ...(rule.electronicNotice ? { electronicNotice: rule.electronicNotice } : {}),
      // Whether the count alone already opens the substitute notice (cost and contact grounds are the organisation's to show).
      ...(rule.substitute ? { substitute: { ...rule.substitute, availableByCount: rule.substitute.countOver !== null && ev.counted > rule.substitute.countOver } } : {}),
      ...(rule.clock.relation ? { relation: rule.clock.relation } : {}),
      stages: finalRequired === false ? [] : timing.stages,
      extensions: rule.clock.extensions.map((e) => `+${e.amount} ${UNIT_WORDS[e.unit]} if ${e.condition}`),
      count: { individuals: ev.counted, threshold: thresholdText(rule) },
      verified: rule.verified,
      effectiveFrom: rule.effectiveFrom,
      ...(rule.effectiveTo ? { effectiveTo: rule.effectiveTo } : {}),
      ...(rule.source ? { source: rule.source } : {}),
    };
    // Several rules may share a key (HIPAA HHS ≥500 and the <500 annual log): a required one wins.
    const key = keyOf(rule.jurisdiction, rule.regime, rule.recipient);
    const prev = index.get(key);
    if (!prev || RANK[String(ob.required)] < RANK[String(prev.required)]) index.set(key, ob);
    out.push(ob);
    // Record-keeping holds whether or not notice is due, but only for organisations the regime covers.
    if (rule.recordKeeping && profileFits)
      records.push({ ruleId: rule.id, regime: rule.regime, jurisdiction: rule.jurisdiction, duty: rule.recordKeeping, citation: rule.citation });
    // A no-harm determination that removed this law's duty must be kept (once per law, not per recipient).
    const kept = profileFits && ev.counted > 0 ? determinationRecord(rule, facts) : null;
    if (kept && !records.some((k) => k.jurisdiction === rule.jurisdiction && k.regime === rule.regime && k.duty === kept))
      records.push({ ruleId: rule.id, regime: rule.regime, jurisdiction: rule.jurisdiction, duty: kept, citation: rule.citation });
  }

  // Deemed compliance last, when every federal answer (the HIPAA notice) is known: engine/deemed.ts.
  const ruleOf = new Map(ordered.map((r) => [r.id, r]));
  // A clause's `alsoMet` names a rule id, or one without its year suffix (US-CT.regulator → US-CT.regulator.2021).
  const idsOf = (ref: string) => out.filter((o) => o.id === ref || (o.id.startsWith(`${ref}.`) && /^\d{4}$/.test(o.id.slice(ref.length + 1)))).map((o) => o.id);
  for (const ob of out) {
    const rule = ruleOf.get(ob.id);
    if (!rule || ob.required === false) continue;
    const deemed = deemedOf(rule, facts, index, (id) => ruleOf.get(id), idsOf);
    if (deemed.satisfiedBy.length > 0) ob.satisfiedBy = deemed.satisfiedBy;
    if (deemed.why.length > 0) ob.why = [ob.why, ...deemed.why].filter(Boolean).join('; ');
  }

  out.sort(
    (a, b) =>
      RANK[String(a.required)] - RANK[String(b.required)] ||
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
      a.id.localeCompare(b.id),
  );
  let nextDeadline: ObligationsResult['nextDeadline'] = null;
  for (const o of out)
    if (o.required !== false && o.deadline !== null && (nextDeadline === null || o.deadline < nextDeadline.deadline))
      nextDeadline = { id: o.id, deadline: o.deadline };
  const uncovered = [...new Set(facts.population.map((p) => p.jurisdiction))].filter((j) => j !== UNKNOWN_JURISDICTION && !covered.has(j));
  const unknownResidence = facts.population.filter((p) => p.jurisdiction === UNKNOWN_JURISDICTION).reduce((n, p) => n + p.individuals, 0);
  const check = checkFacts(facts, asOf);
  return {
    version: 1,
    asOf: isoUtc(asOf),
    severity,
    obligations: out,
    recordKeeping: records,
    nextDeadline,
    uncovered,
    unknownResidence,
    warnings: [...check.errors, ...check.warnings],
  };
};
