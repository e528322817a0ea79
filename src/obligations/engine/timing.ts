/**
 * Deadlines: the clock's anchor (a fact or another obligation), the period, caps, ordering
 * relations with the individuals' notice, and later stages.
 */
import { addPeriod, afterYearEnd, isoUtc, UNIT_WORDS } from '../deadline.js';
import type { BreachFacts } from '../facts.schema.js';
import { holidayCalendarOf, zoneOf, zonesOf } from '../jurisdictions.js';
import type { Obligation, ObligationStage } from '../obligations.schema.js';
import type { ClockAnchor, Rule } from '../rule.schema.js';

interface AnchorView {
  at: Date | null;
  event: string;
  note?: string;
  /** The anchor is the (latest lawful) deadline of another obligation, not a fact. */
  derived?: boolean;
}

export type Index = Map<string, Obligation>;
export const keyOf = (jurisdiction: string, regime: string, recipient: string) => `${jurisdiction}|${regime}|${recipient}`;

export const ANCHOR_WORDS: Record<ClockAnchor, string> = {
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
  notifiability_assessment: 'assessment that the breach is notifiable',
  no_harm_determination: 'written no-harm determination',
};

const d = (s: string | undefined): Date | null => (s ? new Date(s) : null);

export const anchorOf = (anchor: ClockAnchor, rule: Rule, facts: BreachFacts, index: Index): AnchorView => {
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
    case 'notifiability_assessment':
      // Not yet assessed: counted from awareness, the earliest the assessment can end, so the
      // deadline shown is never later than the law's.
      return facts.notifiabilityAssessedAt
        ? { at: new Date(facts.notifiabilityAssessedAt), event }
        : { at: new Date(facts.awareAt), event, note: 'notifiabilityAssessedAt not given: counted from awareAt (the earliest the assessment can end)' };
    case 'no_harm_determination':
      return { at: d(facts.risk.noHarmDeterminedAt), event, note: facts.risk.noHarmDeterminedAt ? undefined : 'no written no-harm determination recorded (risk.noHarmDeterminedAt)' };
  }
};

interface Timing {
  deadline: Date | null;
  deadlineRule: string;
  relativeTo: Obligation['relativeTo'];
  stages: ObligationStage[];
}

export const timingOf = (rule: Rule, facts: BreachFacts, index: Index): Timing => {
  const c = rule.clock;
  const zone = c.timeZone ?? zoneOf(rule.jurisdiction);
  const calendar = c.holidays ?? holidayCalendarOf(rule.jurisdiction);
  const anchor = anchorOf(c.anchor, rule, facts, index);
  const relativeAt =
    c.anchor === 'year_end' && anchor.at ? afterYearEnd(anchor.at, 0, zone, zonesOf(rule.jurisdiction)) : anchor.at;
  const relativeTo = { event: anchor.event, at: relativeAt ? isoUtc(relativeAt) : null, ...(anchor.note ? { note: anchor.note } : {}) };
  const cut = c.cutOff && (c.unit === 'calendar_days' || c.unit === 'business_days') ? `, ending at ${c.cutOff} local time` : '';
  const where = c.unit === 'hours' ? '' : c.unit === 'business_days' ? ` (${zone}, ${calendar} public holidays${cut})` : ` (${zone}${cut})`;
  let deadline: Date | null = null;
  let text: string;
  if (c.amount === null) text = `${c.urgency ?? 'no fixed period'}`.replaceAll('_', ' ');
  else if (c.anchor === 'year_end') {
    deadline = anchor.at ? afterYearEnd(anchor.at, c.amount, zone, zonesOf(rule.jurisdiction)) : null;
    text = `${c.amount} calendar days after the end of the calendar year of discovery${where}`;
  } else {
    // A federal law counts days wherever the organisation is: without a zone of its own, the day
    // ends earliest in whichever US zone reads the anchor as the earliest local date (a discovery
    // at 21:00 HST is a day earlier in Honolulu than in New York).
    const zones = c.timeZone || c.unit === 'hours' ? [zone] : [...new Set([zone, ...zonesOf(rule.jurisdiction)])];
    let earlierIn: string | undefined;
    if (anchor.at) {
      for (const z of zones) {
        const d = addPeriod(anchor.at, c.amount, c.unit, z, calendar, c.cutOff);
        if (deadline === null || d < deadline) [deadline, earlierIn] = [d, z === zone ? undefined : z];
      }
    }
    text = `${c.amount} ${UNIT_WORDS[c.unit]} after ${anchor.event}${where}${earlierIn ? `, ending earlier in ${earlierIn}, where ${anchor.event} falls a day earlier` : ''}`;
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
  // A stage "N days after the notification" runs from the notice actually sent when it is known
  // (LGPD Res. 15/2024 Art. 6 §3; Reg. 611/2013 Art. 2(3)), else from its latest lawful date.
  const sent = rule.recipient === 'regulator' ? facts.regulatorNoticeAt : rule.recipient === 'individuals' ? facts.individualNoticeAt : undefined;
  let previous = sent ? new Date(sent) : deadline;
  for (const st of c.stages) {
    const base = st.afterPreviousStage ? previous : anchorOf(st.anchor, rule, facts, index).at;
    const amount = st.amountIfMalicious !== undefined && facts.breach.malicious ? st.amountIfMalicious : st.amount;
    const at = base ? addPeriod(base, amount, st.unit, zone, calendar, c.cutOff) : null;
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
export const parentOf = (rule: Rule, facts: BreachFacts, index: Index): Obligation | { id: string; required: false } | undefined => {
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
export const dependsOnOthers = (rule: Rule): boolean =>
  ['individual_notice', 'regulator_notice', 'hhs_notice'].includes(rule.clock.anchor) || rule.clock.relation !== undefined;
