/**
 * Obligations v1 — the output of the engine (docs/obligations-json.md). Versioned machine
 * contract: change additively only.
 */
import type { DeemedVia, ElectronicNotice, SubstituteNotice } from './rule-notice.schema.js';
import type { Recipient, RuleSource } from './rule.schema.js';
import type { Severity } from './severity.js';

export type Required = true | false | 'review';

export interface ObligationStage {
  name: string;
  deadline: string | null;
  deadlineRule: string;
}

export interface Obligation {
  /** The rule id: stable, so a tracked item can follow the same duty across recomputations. */
  id: string;
  regime: string;
  jurisdiction: string;
  recipient: Recipient;
  authority: { name: string; url?: string; portal?: string; address?: string; phone?: string } | null;
  required: Required;
  /** ISO 8601 UTC, or null where the law sets no fixed period or the duty is not required. */
  deadline: string | null;
  urgency: string | null;
  deadlineRule: string;
  relativeTo: { event: string; at: string | null; note?: string } | null;
  citation: string;
  why: string;
  /**
   * For `review`: what a person must settle, one question each, naming the fact to set (issue 20
   * §1). Empty otherwise. Added in v1 additively.
   */
  questions: string[];
  content: string[];
  prohibitedContent: string[];
  channels: string[];
  substituteNotice?: string;
  /**
   * Individuals' duties: whether e-mail counts as notice (`any`, with the person's E-SIGN `consent`,
   * or `consent_or_primary` means) and the provision it rests on. Added additively.
   */
  electronicNotice?: ElectronicNotice;
  /**
   * US state individuals rules: when a substitute notice may replace direct notice, and whether the
   * number of residents counted here already passes the statute's figure (`availableByCount`; the
   * cost and contact-information grounds are for the organisation to show). Added additively.
   */
  substitute?: SubstituteNotice & { availableByCount: boolean };
  /**
   * Another regime's notice that the law deems to satisfy this duty, or that takes the organisation
   * out of the law (HIPAA, GLBA, federal regulator, own policy), with its condition. `required`
   * keeps the law's own answer; this says why one notice discharges both. Added additively.
   */
  satisfiedBy?: SatisfiedBy[];
  /** Ordering constraint with another obligation of the same jurisdiction, if any. */
  relation?: string;
  stages: ObligationStage[];
  extensions: string[];
  /** Individuals counted for this rule and the threshold they were compared to. */
  count: { individuals: number; threshold: string | null };
  verified: string;
  effectiveFrom: string | null;
  effectiveTo?: string;
  /** The official text the rule encodes and when it was checked (issue 13 §6), when the rule has one. */
  source?: RuleSource;
}

export interface SatisfiedBy {
  via: DeemedVia;
  effect: 'exempt' | 'deemed';
  /** The rule id of the notice that discharges this one (US.hipaa.individuals), when the engine has it. */
  by: string | null;
  condition: string;
  basis: string;
  /**
   * Obligations of the same state (rule ids) that the clause makes its condition: the duty is met by
   * deemed compliance only once `by` and each of these are met (tracking). Added additively.
   */
  alsoMet?: string[];
}

export interface RecordKeepingDuty {
  ruleId: string;
  regime: string;
  jurisdiction: string;
  duty: string;
  citation: string;
}

export interface ObligationsResult {
  version: 1;
  asOf: string;
  severity: Severity;
  obligations: Obligation[];
  recordKeeping: RecordKeepingDuty[];
  /** Earliest deadline among obligations that are required or need review. */
  nextDeadline: { id: string; deadline: string } | null;
  /**
   * Population jurisdictions for which no rule in force produced any obligation: the rule set
   * has no law for them on `asOf` — a gap to check by hand, never a "nothing to do".
   */
  uncovered: string[];
  /**
   * Individuals whose jurisdiction is not known (population entries "UNKNOWN"): counted apart, never
   * dropped; rules they could tip answer `review` (issue 19 §4). Added in v1 additively.
   */
  unknownResidence: number;
  /** Suspect or impossible facts (order of dates, contradictions), one line each. Added in v1 additively. */
  warnings: string[];
}
