/**
 * Recipients that depend on who supervises the organisation (issue 13 §3): a rule with
 * `supervisedBy` applies only when the organisation profile lists one of those regulators.
 */
import type { BreachFacts } from '../facts.schema.js';
import { REGULATORS, type RegulatorId } from '../regulators.js';
import type { Rule } from '../rule.schema.js';

/** Regulators implied by the older profile flags (kept so stored profiles keep their meaning). */
const implied = (f: BreachFacts): RegulatorId[] => (f.controller.nydfs ? ['US-NY-DFS'] : []);

export type Supervision = { answer: true; why: string } | { answer: false; why: string } | { answer: 'review'; why: string; question: string };

/** undefined: the rule does not depend on supervision. */
export const supervisionOf = (rule: Rule, facts: BreachFacts): Supervision | undefined => {
  const wanted = rule.supervisedBy;
  if (!wanted?.length) return undefined;
  const names = wanted.map((id) => REGULATORS[id]).join(' or ');
  const stated = facts.controller.regulators;
  const listed = new Set<RegulatorId>([...(stated ?? []), ...implied(facts)]);
  if (wanted.some((id) => listed.has(id))) return { answer: true, why: `the organisation is supervised by ${names}` };
  if (stated === undefined)
    return {
      answer: 'review',
      why: `owed only by organisations supervised by ${names} — missing: the organisation profile's regulators`,
      question: `Is the organisation supervised or licensed by ${names}? List its regulators in the organisation profile (regulators: [${wanted.map((w) => `"${w}"`).join(', ')}] or []).`,
    };
  return { answer: false, why: `owed only by organisations supervised by ${names}; the organisation profile does not list it` };
};
