/**
 * Loads the rule set. Rules are TypeScript data modules (plain object literals) listed explicitly
 * below — never discovered by import side effects (DESIGN.md §3) — so they compile to dist/ with
 * the rest of the code and load the same way under Vitest (src/) and in the built CLI (dist/).
 * Every rule is validated by the zod schema here; an invalid or duplicate rule is a bug in the
 * rule set and fails loudly, naming the rule and the field.
 */
import { type Rule, type RuleInput, ruleSchema } from './rule.schema.js';
import { auRules } from './rules/au.rules.js';
import { brRules } from './rules/br.rules.js';
import { caRules } from './rules/ca.rules.js';
import { chRules } from './rules/ch.rules.js';
import { euGdprRules } from './rules/eu-gdpr.rules.js';
import { euIncidentRules } from './rules/eu-incident.rules.js';
import { gbRules } from './rules/gb.rules.js';
import { inRules } from './rules/in.rules.js';
import { jpRules } from './rules/jp.rules.js';
import { krRules } from './rules/kr.rules.js';
import { phKeRules } from './rules/ph-ke.rules.js';
import { sgRules } from './rules/sg.rules.js';
import { usCaRules } from './rules/us-ca.rules.js';
import { usCoRules } from './rules/us-co.rules.js';
import { usFederalRules } from './rules/us-federal.rules.js';
import { usFlRules } from './rules/us-fl.rules.js';
import { usIlRules } from './rules/us-il.rules.js';
import { usMaRules } from './rules/us-ma.rules.js';
import { usNyRules } from './rules/us-ny.rules.js';
import { usStatesRules } from './rules/us-states.rules.js';
import { usTxRules } from './rules/us-tx.rules.js';
import { usWaRules } from './rules/us-wa.rules.js';

/** Rule files by name (the name is what `rules verify` reports). */
export const RULE_FILES: Readonly<Record<string, readonly RuleInput[]>> = {
  'eu-gdpr': euGdprRules,
  'eu-incident': euIncidentRules,
  gb: gbRules,
  'us-federal': usFederalRules,
  'us-ca': usCaRules,
  'us-co': usCoRules,
  'us-fl': usFlRules,
  'us-il': usIlRules,
  'us-ma': usMaRules,
  'us-ny': usNyRules,
  'us-tx': usTxRules,
  'us-wa': usWaRules,
  'us-states': usStatesRules,
  ca: caRules,
  au: auRules,
  br: brRules,
  sg: sgRules,
  in: inRules,
  jp: jpRules,
  kr: krRules,
  ch: chRules,
  'ph-ke': phKeRules,
};

export interface RuleProblem {
  file: string;
  ruleId: string;
  message: string;
}

/** Validate every rule file; returns the valid rules and every problem found (for `rules verify`). */
export const validateRules = (
  files: Readonly<Record<string, readonly RuleInput[]>> = RULE_FILES,
): { rules: Rule[]; problems: RuleProblem[]; files: Record<string, number> } => {
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  const counts: Record<string, number> = {};
  const seen = new Map<string, string>();
  for (const [file, list] of Object.entries(files)) {
    counts[file] = list.length;
    list.forEach((input, i) => {
      const ruleId = typeof input?.id === 'string' ? input.id : `#${i}`;
      const parsed = ruleSchema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push({ file, ruleId, message: `${issue.path.join('.') || '(rule)'}: ${issue.message}` });
        return;
      }
      const rule = parsed.data;
      const other = seen.get(rule.id);
      if (other) problems.push({ file, ruleId, message: `duplicate id (also in ${other})` });
      seen.set(rule.id, file);
      if (rule.effectiveTo && rule.effectiveFrom && rule.effectiveTo < rule.effectiveFrom)
        problems.push({ file, ruleId, message: 'effectiveTo is before effectiveFrom' });
      if (rule.threshold?.comparator === '<' && rule.clock.anchor !== 'year_end')
        problems.push({ file, ruleId, message: 'a "<" threshold is meant for annual-log duties (anchor year_end)' });
      rules.push(rule);
    });
  }
  return { rules, problems, files: counts };
};

let cache: Rule[] | undefined;

/** The validated rule set (memoised). Throws if any rule is invalid. */
export const loadRules = (): Rule[] => {
  if (!cache) {
    const { rules, problems } = validateRules();
    if (problems.length) {
      const first = problems[0];
      throw new Error(`invalid rule ${first.ruleId} in ${first.file}: ${first.message} (${problems.length} problem(s))`);
    }
    cache = rules;
  }
  return cache;
};
