/**
 * The notification-obligation engine: BreachFacts + rules → Obligations. Pure (no I/O, no clock
 * unless `asOf` is omitted). Every answer names the rule, its citation and the reason, including
 * the duties that are *not* required (threshold not met, safe harbour, no triggering element…).
 * Gate order per rule: in force → profile → breach mode → elements/safe harbour → threshold →
 * risk gate → deadline. See docs/rules-authoring.md for the meaning of each rule field.
 */
import type { ElementId } from '../assessment/scanner/types.js';
import { addPeriod, afterYearEnd, isoUtc, UNIT_WORDS } from './deadline.js';
import type { BreachFacts, PopulationEntry } from './facts.schema.js';
import { EEA_STATES, holidayCalendarOf, isWithin, zoneOf } from './jurisdictions.js';
import type { Obligation, ObligationStage, ObligationsResult, RecordKeepingDuty, Required } from './obligations.schema.js';
import type { ClockAnchor, ElementSet, ProfilePredicate, Rule } from './rule.schema.js';
import { computeSeverity, type Severity } from './severity.js';

/** Is the rule in force on `day` (YYYY-MM-DD)? effectiveTo is inclusive. */
export const inForce = (rule: Rule, day: string): boolean =>
  rule.effectiveFrom !== null && rule.effectiveFrom <= day && (rule.effectiveTo === undefined || day <= rule.effectiveTo);

const PROFILE_TESTS: Record<ProfilePredicate, [(f: BreachFacts) => boolean, string]> = {
  controller: [(f) => f.controller.role === 'controller', 'a controller (data owner)'],
  processor: [(f) => f.controller.role === 'processor', 'a processor / service provider'],
  hipaa_covered_entity: [(f) => f.controller.hipaa === 'covered_entity', 'a HIPAA covered entity'],
  hipaa_business_associate: [(f) => f.controller.hipaa === 'business_associate', 'a HIPAA business associate'],
  phr_vendor: [(f) => f.controller.phrVendor && f.controller.hipaa === null, 'a PHR vendor not covered by HIPAA'],
  glba_ftc_institution: [(f) => f.controller.glbaFtc, 'a non-bank financial institution under the FTC'],
  public_company: [(f) => f.controller.publicCompany || f.controller.listed === true, 'an SEC registrant'],
  nydfs_covered: [(f) => f.controller.nydfs, 'an NYDFS covered entity'],
  nis2_entity: [(f) => f.controller.nis2Entity !== null, 'a NIS2 essential or important entity'],
  dora_entity: [(f) => f.controller.doraEntity, 'a DORA financial entity'],
  banking_organization: [(f) => f.controller.bankingOrganization, 'a US banking organisation'],
  bank_service_provider: [(f) => f.controller.bankServiceProvider, 'a bank service provider'],
  telecom_provider: [(f) => f.controller.telecom, 'a public electronic communications provider'],
  sec_regsp_institution: [(f) => f.controller.secRegSP !== null, 'a Reg S-P covered institution'],
  insurance_licensee: [(f) => f.controller.insuranceLicensee, 'an insurance licensee'],
  smaller_reporting_company: [(f) => f.controller.smallerReportingCompany, 'a smaller reporting company'],
  sec_regsp_smaller: [(f) => f.controller.secRegSP === 'smaller', 'a smaller Reg S-P entity'],
  small_processing_agent: [(f) => f.controller.smallProcessingAgent, 'a small processing agent (LGPD)'],
};

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

interface ScopeView {
  /** Population entries this rule counts. */
  entries: PopulationEntry[];
  /** Listed in the output at all. */
  relevant: boolean;
  /** Not required for a structural reason (e.g. one-stop-shop), with why. */
  excluded?: string;
  maxPerJurisdiction: boolean;
}

const leadEstablishment = (facts: BreachFacts, region: readonly string[]): string | undefined => {
  const main = facts.controller.mainEstablishment;
  if (main && region.includes(main)) return main;
  return facts.controller.establishments.find((e) => region.includes(e));
};

const scopeOf = (rule: Rule, facts: BreachFacts): ScopeView => {
  const pop = facts.population;
  const inJur = (code: string) => isWithin(code, rule.jurisdiction);
  const established = facts.controller.establishments.some(inJur);
  const s = rule.scope;
  switch (s.kind) {
    case 'residents': {
      const areas = s.of ?? [rule.jurisdiction];
      const entries = pop.filter((p) => areas.some((a) => isWithin(p.jurisdiction, a)));
      return { entries, relevant: entries.length > 0, maxPerJurisdiction: false };
    }
    case 'all': {
      // A sector regime is relevant to an organisation that has the profile it targets (an SEC
      // registrant files an 8-K whoever the victims are), otherwise by establishment or residents.
      const specific = rule.appliesIf.filter((p) => p !== 'controller' && p !== 'processor');
      const profiled = specific.length > 0 && specific.every((p) => PROFILE_TESTS[p][0](facts));
      return { entries: pop, relevant: profiled || established || pop.some((p) => inJur(p.jurisdiction)), maxPerJurisdiction: false };
    }
    case 'max_per_jurisdiction': {
      const entries = pop.filter((p) => isWithin(p.jurisdiction, s.within));
      return { entries, relevant: entries.length > 0, maxPerJurisdiction: true };
    }
    case 'establishment_or_residents': {
      const est = facts.controller.establishments.some((e) => isWithin(e, s.region));
      const residents = pop.filter((p) => isWithin(p.jurisdiction, s.region));
      return est
        ? { entries: pop, relevant: true, maxPerJurisdiction: false }
        : { entries: residents, relevant: residents.length > 0, maxPerJurisdiction: false };
    }
    case 'lead_authority': {
      const region = s.region === 'EEA' ? EEA_STATES : [s.region];
      const lead = leadEstablishment(facts, region);
      const residents = pop.filter((p) => inJur(p.jurisdiction));
      if (lead === undefined) return { entries: residents, relevant: residents.length > 0, maxPerJurisdiction: false };
      if (lead === rule.jurisdiction) return { entries: pop, relevant: true, maxPerJurisdiction: false };
      return {
        entries: residents,
        relevant: residents.length > 0,
        excluded: `one-stop-shop: the controller's main establishment is in ${lead}, so the lead supervisory authority there is notified (GDPR Art. 56; EDPB Guidelines 9/2022 ¶73)`,
        maxPerJurisdiction: false,
      };
    }
  }
};

interface Evaluation {
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

const compare = (count: number, comparator: '>' | '>=' | '<', n: number): boolean =>
  comparator === '>' ? count > n : comparator === '>=' ? count >= n : count < n;

const COMPARATOR_WORDS = { '>': 'more than', '>=': 'at least', '<': 'fewer than' } as const;

const thresholdText = (rule: Rule): string | null =>
  rule.threshold
    ? `${COMPARATOR_WORDS[rule.threshold.comparator]} ${rule.threshold.count} ${rule.threshold.counted}`
    : null;

/** Decide whether the duty is required; no deadlines here. */
const evaluate = (rule: Rule, facts: BreachFacts, scope: ScopeView): Evaluation => {
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

type Gate = { pass: boolean | 'review'; why: string };

const fromDecision = (v: boolean | null, yes: string, no: string, open: string): Gate =>
  v === true ? { pass: true, why: yes } : v === false ? { pass: false, why: no } : { pass: 'review', why: open };

const gateOf = (rule: Rule, facts: BreachFacts): Gate => {
  const r = facts.risk;
  const docs = rule.riskGate.documentationYears ? `; keep the written determination ${rule.riskGate.documentationYears} years` : '';
  switch (rule.riskGate.kind) {
    case 'none':
      return { pass: true, why: 'no risk-of-harm exception in this law' };
    case 'no_harm_determination':
      return r.noHarmDetermination
        ? { pass: false, why: `documented determination that harm/misuse is not reasonably likely${docs}${rule.riskGate.note ? ` (${rule.riskGate.note})` : ''}` }
        : { pass: true, why: 'no documented no-harm determination' };
    case 'no_harm_determination_made':
      return r.noHarmDetermination
        ? { pass: true, why: `the organisation determined that notice to individuals is not required: this recipient receives that determination${docs}` }
        : { pass: false, why: 'only when the organisation decides, on a documented no-harm determination, not to notify individuals' };
    case 'gdpr_risk':
      if (r.gdpr === null) return { pass: 'review', why: 'GDPR risk level not yet confirmed by a person (see severity.suggestedGdprRisk)' };
      return r.gdpr === 'unlikely'
        ? { pass: false, why: 'confirmed: unlikely to result in a risk to rights and freedoms (Art. 33(1))' }
        : { pass: true, why: `confirmed GDPR risk level: ${r.gdpr}` };
    case 'gdpr_high_risk': {
      if (r.gdpr === null) return { pass: 'review', why: 'GDPR risk level not yet confirmed by a person (see severity.suggestedGdprRisk)' };
      if (r.gdpr !== 'high') return { pass: false, why: `confirmed GDPR risk level is ${r.gdpr}, not high (Art. 34(1))` };
      const ex = r.art34Exemptions;
      if (ex.a) return { pass: false, why: 'Art. 34(3)(a): measures rendered the data unintelligible (e.g. encryption)' };
      if (ex.b) return { pass: false, why: 'Art. 34(3)(b): subsequent measures ensure the high risk is no longer likely to materialise' };
      if (ex.c) return { pass: true, why: 'high risk; Art. 34(3)(c) disproportionate effort: use a public communication instead' };
      return { pass: true, why: 'confirmed: likely to result in a high risk (Art. 34(1)); no Art. 34(3) exemption claimed' };
    }
    case 'significant_harm':
      return fromDecision(
        r.significantHarm,
        'determined: real risk of significant/serious harm',
        'determined: no real risk of significant/serious harm',
        'risk-of-harm determination not yet made (facts.risk.significantHarm)',
      );
    case 'categories':
      return { pass: false, why: 'none of the reportable categories applies' };
    case 'material':
      return fromDecision(r.material, 'determined material', 'determined not material', 'materiality not yet determined (facts.risk.material)');
    case 'significant_incident':
      return fromDecision(
        r.significantIncident,
        'the incident meets the regime\'s significance test',
        'the incident does not meet the regime\'s significance test',
        'significance of the incident not yet determined (facts.risk.significantIncident)',
      );
  }
};

/* ------------------------------------------------------------------ deadlines */

interface AnchorView {
  at: Date | null;
  event: string;
  note?: string;
  /** The anchor is the (latest lawful) deadline of another obligation, not a fact. */
  derived?: boolean;
}

type Index = Map<string, Obligation>;
const keyOf = (jurisdiction: string, regime: string, recipient: string) => `${jurisdiction}|${regime}|${recipient}`;

const ANCHOR_WORDS: Record<ClockAnchor, string> = {
  awareness: 'awareness',
  discovery: 'discovery',
  determination: 'determination that a breach occurred',
  materiality_determination: 'materiality determination',
  classification: 'classification as major',
  extortion_payment: 'extortion payment',
  individual_notice: 'notice to individuals',
  regulator_notice: 'notice to the regulator',
  hhs_notice: 'notice to HHS',
  year_end: 'end of the calendar year of discovery',
};

const d = (s: string | undefined): Date | null => (s ? new Date(s) : null);

const anchorOf = (anchor: ClockAnchor, rule: Rule, facts: BreachFacts, index: Index): AnchorView => {
  const event = ANCHOR_WORDS[anchor];
  const fromObligation = (o: Obligation | undefined, fact: string | undefined, what: string): AnchorView => {
    if (fact) return { at: new Date(fact), event };
    if (o?.deadline) return { at: new Date(o.deadline), event, derived: true, note: `${what} not yet sent: counted from its latest lawful date` };
    return { at: null, event, note: `${what} not yet sent and has no fixed deadline` };
  };
  switch (anchor) {
    case 'awareness':
      return { at: new Date(facts.awareAt), event };
    case 'discovery':
      return { at: new Date(facts.discoveredAt), event };
    case 'determination':
      return facts.determinedAt
        ? { at: new Date(facts.determinedAt), event }
        : { at: new Date(facts.awareAt), event, note: 'determinedAt not given: assumed equal to awareAt' };
    case 'classification':
      return facts.classifiedAt
        ? { at: new Date(facts.classifiedAt), event }
        : { at: new Date(facts.awareAt), event, note: 'classifiedAt not given: assumed equal to awareAt' };
    case 'materiality_determination':
      return { at: d(facts.materialityDeterminedAt), event, note: facts.materialityDeterminedAt ? undefined : 'materiality not yet determined' };
    case 'extortion_payment':
      return { at: d(facts.extortionPaidAt), event, note: facts.extortionPaidAt ? undefined : 'no extortion payment recorded' };
    case 'individual_notice':
      return fromObligation(index.get(keyOf(rule.jurisdiction, rule.regime, 'individuals')), facts.individualNoticeAt, 'the notice to individuals');
    case 'regulator_notice':
      return fromObligation(index.get(keyOf(rule.jurisdiction, rule.regime, 'regulator')), facts.regulatorNoticeAt, 'the regulator notice');
    case 'hhs_notice':
      return fromObligation(index.get(keyOf('US', 'HIPAA', 'regulator')), facts.hhsNoticeAt, 'the HHS notice');
    case 'year_end':
      return { at: new Date(facts.discoveredAt), event };
  }
};

interface Timing {
  deadline: Date | null;
  deadlineRule: string;
  relativeTo: Obligation['relativeTo'];
  stages: ObligationStage[];
}

const timingOf = (rule: Rule, facts: BreachFacts, index: Index): Timing => {
  const c = rule.clock;
  const zone = c.timeZone ?? zoneOf(rule.jurisdiction);
  const calendar = c.holidays ?? holidayCalendarOf(rule.jurisdiction);
  const anchor = anchorOf(c.anchor, rule, facts, index);
  const relativeAt =
    c.anchor === 'year_end' && anchor.at ? afterYearEnd(anchor.at, 0, zone) : anchor.at;
  const relativeTo = { event: anchor.event, at: relativeAt ? isoUtc(relativeAt) : null, ...(anchor.note ? { note: anchor.note } : {}) };
  const where = c.unit === 'hours' ? '' : c.unit === 'business_days' ? ` (${zone}, ${calendar} public holidays)` : ` (${zone})`;
  let deadline: Date | null = null;
  let text: string;
  if (c.amount === null) text = `${c.urgency ?? 'no fixed period'}`.replaceAll('_', ' ');
  else if (c.anchor === 'year_end') {
    deadline = anchor.at ? afterYearEnd(anchor.at, c.amount, zone) : null;
    text = `${c.amount} calendar days after the end of the calendar year of discovery${where}`;
  } else {
    deadline = anchor.at ? addPeriod(anchor.at, c.amount, c.unit, zone, calendar) : null;
    text = `${c.amount} ${UNIT_WORDS[c.unit]} after ${anchor.event}${where}`;
    if (c.urgency) text = `${c.urgency.replaceAll('_', ' ')}, and at the latest ${text}`;
  }
  if (c.alsoNoLaterThan) {
    const a = c.alsoNoLaterThan;
    const base = anchorOf(a.anchor, rule, facts, index).at;
    const cap = base ? addPeriod(base, a.amount, a.unit, zone, calendar) : null;
    text += `; and no later than ${a.amount} ${UNIT_WORDS[a.unit]} after ${ANCHOR_WORDS[a.anchor]}`;
    if (cap && (deadline === null || cap < deadline)) deadline = cap;
  }

  // Ordering relations with the individuals' notice of the same law.
  if (c.relation === 'no_later_than_individuals' || c.relation === 'before_individuals') {
    const ind = index.get(keyOf(rule.jurisdiction, rule.regime, 'individuals'));
    const indDeadline = ind?.deadline ? new Date(ind.deadline) : null;
    const word = c.relation === 'before_individuals' ? 'before' : 'no later than';
    text += `; ${word} the notice to individuals`;
    if (indDeadline && (deadline === null || indDeadline < deadline)) deadline = indDeadline;
  } else if (c.relation === 'on_or_after_regulator') text += '; on or after the regulator notice';

  const stages: ObligationStage[] = [];
  let previous = deadline;
  for (const st of c.stages) {
    const base = st.afterPreviousStage ? previous : anchorOf(st.anchor, rule, facts, index).at;
    const amount = st.amountIfMalicious !== undefined && facts.breach.malicious ? st.amountIfMalicious : st.amount;
    const at = base ? addPeriod(base, amount, st.unit, zone, calendar) : null;
    stages.push({
      name: st.name,
      deadline: at ? isoUtc(at) : null,
      deadlineRule: `${amount} ${UNIT_WORDS[st.unit]} after ${st.afterPreviousStage ? 'the previous stage' : ANCHOR_WORDS[st.anchor]}${amount !== st.amount ? ' (intentional act)' : ''}`,
    });
    previous = at;
  }
  return { deadline, deadlineRule: text, relativeTo, stages };
};

/**
 * The obligation a dependent duty follows (its anchor), unless the fact that it was sent is given.
 * HHS copies follow the HIPAA HHS notice whether or not the HHS rule is listed.
 */
const parentOf = (rule: Rule, facts: BreachFacts, index: Index): Obligation | { id: string; required: false } | undefined => {
  switch (rule.clock.anchor) {
    case 'individual_notice':
      return facts.individualNoticeAt ? undefined : index.get(keyOf(rule.jurisdiction, rule.regime, 'individuals'));
    case 'regulator_notice':
      return facts.regulatorNoticeAt ? undefined : index.get(keyOf(rule.jurisdiction, rule.regime, 'regulator'));
    case 'hhs_notice':
      return facts.hhsNoticeAt
        ? undefined
        : (index.get(keyOf('US', 'HIPAA', 'regulator')) ?? { id: 'US.hipaa.hhs', required: false });
    default:
      return undefined;
  }
};

/** Anchors that are other obligations: those rules are computed in a second pass. */
const dependsOnOthers = (rule: Rule): boolean =>
  ['individual_notice', 'regulator_notice', 'hhs_notice'].includes(rule.clock.anchor) || rule.clock.relation !== undefined;

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
  const active = rules.filter((r) => inForce(r, day));
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
    if (required !== false && timing.relativeTo?.at === null && rule.clock.anchor === 'extortion_payment') {
      finalRequired = false;
      why.push('no extortion payment recorded');
    } else if (required !== false && parent !== undefined && parent.required !== true) {
      // The duty follows another notice (copy of the HHS notice, sample of the consumer notice).
      finalRequired = parent.required === false ? false : 'review';
      why.push(parent.required === false ? `follows ${parent.id}, which is not required` : `follows ${parent.id}, which needs review`);
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
      why: why.join('; '),
      content: rule.content,
      prohibitedContent: rule.prohibitedContent,
      channels:
        rule.riskGate.kind === 'gdpr_high_risk' && facts.risk.art34Exemptions.c
          ? ['public communication or similar equally effective measure (Art. 34(3)(c))']
          : rule.channels,
      ...(rule.substituteNotice ? { substituteNotice: rule.substituteNotice } : {}),
      ...(rule.clock.relation ? { relation: rule.clock.relation } : {}),
      stages: finalRequired === false ? [] : timing.stages,
      extensions: rule.clock.extensions.map((e) => `+${e.amount} ${UNIT_WORDS[e.unit]} if ${e.condition}`),
      count: { individuals: ev.counted, threshold: thresholdText(rule) },
      verified: rule.verified,
      effectiveFrom: rule.effectiveFrom,
      ...(rule.effectiveTo ? { effectiveTo: rule.effectiveTo } : {}),
    };
    // Several rules may share a key (HIPAA HHS ≥500 and the <500 annual log): a required one wins.
    const key = keyOf(rule.jurisdiction, rule.regime, rule.recipient);
    const prev = index.get(key);
    if (!prev || RANK[String(ob.required)] < RANK[String(prev.required)]) index.set(key, ob);
    out.push(ob);
    // Record-keeping holds whether or not notice is due, but only for organisations the regime covers.
    if (rule.recordKeeping && profileFits)
      records.push({ ruleId: rule.id, regime: rule.regime, jurisdiction: rule.jurisdiction, duty: rule.recordKeeping, citation: rule.citation });
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
  const uncovered = [...new Set(facts.population.map((p) => p.jurisdiction))].filter((j) => !covered.has(j));
  return { version: 1, asOf: isoUtc(asOf), severity, obligations: out, recordKeeping: records, nextDeadline, uncovered };
};
