/**
 * Who a rule counts: residents, everyone, the largest single jurisdiction, by establishment, or
 * the GDPR one-stop-shop (rule.schema.ts scopeSchema).
 */
import { type BreachFacts, type PopulationEntry, UNKNOWN_JURISDICTION } from '../facts.schema.js';
import { isWithin, REGIONS } from '../jurisdictions.js';
import type { Rule } from '../rule.schema.js';
import { PROFILE_TESTS } from './profile.js';
import { supervisionOf } from './supervision.js';

export interface ScopeView {
  /** Population entries this rule counts. */
  entries: PopulationEntry[];
  /** Listed in the output at all. */
  relevant: boolean;
  /** Not required for a structural reason (e.g. one-stop-shop), with why. */
  excluded?: string;
  maxPerJurisdiction: boolean;
  /**
   * People of unknown residence the rule may also cover (they are not in `entries`): they can tip
   * a threshold or make a rule `review`, never `true` (issue 19 §4, issue 20 §1).
   */
  unknown: PopulationEntry[];
}

const leadEstablishment = (facts: BreachFacts, region: readonly string[]): string | undefined => {
  const main = facts.controller.mainEstablishment;
  if (main && region.includes(main)) return main;
  return facts.controller.establishments.find((e) => region.includes(e));
};

export const scopeOf = (rule: Rule, facts: BreachFacts): ScopeView => ({ unknown: [], ...scopeOfKnown(rule, facts) });

const scopeOfKnown = (rule: Rule, facts: BreachFacts): Omit<ScopeView, 'unknown'> & { unknown?: PopulationEntry[] } => {
  const pop = facts.population;
  const unknown = pop.filter((p) => p.jurisdiction === UNKNOWN_JURISDICTION);
  const inJur = (code: string) => isWithin(code, rule.jurisdiction);
  const established = facts.controller.establishments.some(inJur);
  const s = rule.scope;
  switch (s.kind) {
    case 'residents': {
      const areas = s.of ?? [rule.jurisdiction];
      const entries = pop.filter((p) => areas.some((a) => isWithin(p.jurisdiction, a)));
      return { entries, relevant: entries.length > 0, maxPerJurisdiction: false, unknown };
    }
    case 'all': {
      // A sector regime is relevant to an organisation that has the profile it targets (an SEC
      // registrant files an 8-K whoever the victims are), otherwise by establishment or residents.
      const specific = rule.appliesIf.filter((p) => p !== 'controller' && p !== 'processor');
      const profiled =
        (specific.length > 0 && specific.every((p) => PROFILE_TESTS[p][0](facts))) || supervisionOf(rule, facts)?.answer === true;
      return { entries: pop, relevant: profiled || established || pop.some((p) => inJur(p.jurisdiction)), maxPerJurisdiction: false };
    }
    case 'max_per_jurisdiction': {
      const entries = pop.filter((p) => isWithin(p.jurisdiction, s.within));
      return { entries, relevant: entries.length > 0, maxPerJurisdiction: true, unknown };
    }
    case 'establishment_or_residents': {
      const est = facts.controller.establishments.some((e) => isWithin(e, s.region));
      const residents = pop.filter((p) => isWithin(p.jurisdiction, s.region));
      return est
        ? { entries: pop, relevant: true, maxPerJurisdiction: false }
        : { entries: residents, relevant: residents.length > 0, maxPerJurisdiction: false, unknown };
    }
    case 'lead_authority': {
      const region = REGIONS[s.region] ?? [s.region];
      const lead = leadEstablishment(facts, region);
      const residents = pop.filter((p) => inJur(p.jurisdiction));
      if (lead === undefined) return { entries: residents, relevant: residents.length > 0, maxPerJurisdiction: false, unknown };
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
