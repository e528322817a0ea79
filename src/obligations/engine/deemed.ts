/**
 * Deemed compliance (rule `deemedCompliance`): a state law that deems a HIPAA, GLBA, federal-
 * regulator or own-policy notice to satisfy its duty, or takes such an entity out of the law. The
 * engine never drops or silently duplicates such a duty: the obligation keeps the law's answer in
 * `required` and says in `satisfiedBy` (and `why`) which notice discharges it and on what
 * condition — or why the clause does not help (the HIPAA notice itself is not due).
 */
import type { BreachFacts } from '../facts.schema.js';
import type { SatisfiedBy } from '../obligations.schema.js';
import type { DeemedVia } from '../rule-notice.schema.js';
import type { Rule } from '../rule.schema.js';
import { type Index, keyOf } from './timing.js';

/** The organisation facts each clause needs (docs/obligations-json.md, controller). */
const FITS: Record<DeemedVia, [(f: BreachFacts) => boolean, string]> = {
  hipaa: [(f) => f.controller.hipaa === 'covered_entity', 'a HIPAA covered entity (controller.hipaa)'],
  // GLBA Title V reaches banks (Interagency Guidance), FTC-regulated non-banks and SEC Reg S-P institutions.
  glba: [
    (f) => f.controller.glbaFtc || f.controller.bankingOrganization || f.controller.secRegSP !== null,
    'a GLBA financial institution (controller.glbaFtc, bankingOrganization or secRegSP)',
  ],
  federal_regulator: [
    (f) => f.controller.bankingOrganization || f.controller.secRegSP !== null,
    'an institution whose primary federal regulator sets notice rules (controller.bankingOrganization or secRegSP)',
  ],
  own_policy: [(f) => f.controller.ownNotificationPolicy, 'an organisation with its own notification procedures (controller.ownNotificationPolicy)'],
};

const WORDS: Record<DeemedVia, string> = {
  hipaa: 'the HIPAA notice (45 CFR §164.404)',
  glba: 'the GLBA notice',
  federal_regulator: 'the notice under its federal regulator’s rules',
  own_policy: 'the notice under its own notification policy',
};

export interface DeemedView {
  satisfiedBy: SatisfiedBy[];
  why: string[];
}

/**
 * Residents of the rule's state whose exposed data the HIPAA notice does not cover (no PHI element
 * of `hipaaRule`): the state clauses reach only information HIPAA governs (RCW 19.255.010 "with
 * respect to information governed by such regulations"), so these people still need the state notice.
 */
const outsideHipaa = (rule: Rule, facts: BreachFacts, hipaaRule: Rule | undefined): number => {
  const phi = new Set(hipaaRule?.trigger.elements.anyOf ?? []);
  return facts.population
    .filter((p) => p.jurisdiction === rule.jurisdiction && !p.elements.some((e) => phi.has(e)))
    .reduce((n, p) => n + p.individuals, 0);
};

/**
 * Which clauses of `rule` discharge its duty for these facts; `index` holds the federal answers,
 * `ruleOf` the rules in force (for the HIPAA notice's elements) and `idsOf` the obligations produced
 * for a clause's `alsoMet` reference (an id, or an id without its year suffix).
 */
export const deemedOf = (rule: Rule, facts: BreachFacts, index: Index, ruleOf: (id: string) => Rule | undefined, idsOf: (ref: string) => string[] = () => []): DeemedView => {
  const satisfiedBy: SatisfiedBy[] = [];
  const why: string[] = [];
  const hipaaEntity = FITS.hipaa[0](facts);
  for (const c of rule.deemedCompliance) {
    if (!FITS[c.via][0](facts)) continue;
    if (c.effect === 'none') {
      // The condition says why when there is more to it ("no HIPAA clause as such; the regulator clause … is for counsel").
      const more = /^no \w+ clause$/i.test(c.condition) ? '' : ` — ${c.condition}`;
      why.push(`this law has no ${c.via === 'hipaa' ? 'HIPAA' : c.via} deemed-compliance clause: its notice is due alongside ${WORDS[c.via]}${more} (${c.basis})`);
      continue;
    }
    let by: string | null = null;
    if (c.via === 'hipaa') {
      // The clause helps only when a HIPAA notice to individuals is itself due for this breach.
      const hipaa = index.get(keyOf('US', 'HIPAA', 'individuals'));
      if (!hipaa || hipaa.required === false) {
        why.push(`the HIPAA clause (${c.basis}) does not discharge this duty: no HIPAA notice to individuals is due (${hipaa ? hipaa.why : 'no HIPAA rule in force'})`);
        continue;
      }
      const outside = outsideHipaa(rule, facts, ruleOf(hipaa.id));
      if (outside > 0) {
        why.push(`the HIPAA clause (${c.basis}) does not discharge this duty: ${outside} resident(s) here had no health information exposed, which the HIPAA notice does not cover`);
        continue;
      }
      by = hipaa.id;
    }
    // The clause's own conditions on other notices of the state, as the obligations produced here.
    const also = (c.alsoMet ?? []).flatMap(idsOf).filter((id) => id !== rule.id);
    satisfiedBy.push({ via: c.via, effect: c.effect, by, condition: c.condition, basis: c.basis, ...(also.length ? { alsoMet: also } : {}) });
    why.push(
      c.effect === 'exempt'
        ? `the law does not apply to ${FITS[c.via][1]} — ${c.condition} (${c.basis})`
        : `${WORDS[c.via]} is deemed to satisfy this duty — ${c.condition} (${c.basis})`,
    );
  }
  if (hipaaEntity && rule.recipient === 'individuals' && rule.jurisdiction.startsWith('US-') && !rule.deemedCompliance.some((c) => c.via === 'hipaa'))
    why.push('no HIPAA deemed-compliance clause is encoded for this law (text not read): treat its notice as due alongside the HIPAA notice unless counsel finds one');
  return { satisfiedBy, why };
};
