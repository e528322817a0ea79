/**
 * Use cases behind `breachdesk obligations` and `breachdesk rules`: read and validate the facts
 * file, pick the law in force, run the pure engine, check the rule set. The only file of the
 * feature that touches the file system.
 */
import { readFile } from 'node:fs/promises';
import { BadInputError } from '../platform/errors.js';
import { computeObligations } from './engine.js';
import { type BreachFacts, breachFactsSchema } from './facts.schema.js';
import { EEA_STATES, US_STATES, zoneOf } from './jurisdictions.js';
import type { ObligationsResult } from './obligations.schema.js';
import type { Rule } from './rule.schema.js';
import { loadRules, type RuleProblem, validateRules } from './rules-loader.js';
import { publicHolidays } from './deadline.js';

/** Parse BreachFacts JSON text; errors name the file and the field at fault. */
export const parseFacts = (text: string, source: string): BreachFacts => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BadInputError(`${source}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = breachFactsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(document)';
    const more = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more)` : '';
    throw new BadInputError(`${source}: ${where}: ${issue.message}${more}`);
  }
  return parsed.data;
};

/** Read BreachFacts from a file, or from `stdin` when `path` is "-" (pipelines). */
export const readFacts = async (path: string, stdin: AsyncIterable<string | Buffer> = process.stdin): Promise<BreachFacts> => {
  if (path === '-') {
    let text = '';
    for await (const chunk of stdin) text += chunk.toString();
    return parseFacts(text, '(stdin)');
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new BadInputError(`${path}: cannot read facts file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseFacts(text, path);
};

/** `--as-of`: a date (YYYY-MM-DD, the law of that day) or an ISO 8601 instant. */
export const parseAsOf = (value: string | undefined, now: () => Date = () => new Date()): Date => {
  if (value === undefined) return now();
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const d = new Date(text);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new BadInputError(`--as-of: expected YYYY-MM-DD or an ISO 8601 date-time, got "${value}"`);
  return d;
};

/**
 * For the incident workspace (issue 5 item 6): recompute whenever the assessment, awareAt or a
 * decision changes. Pure apart from the memoised rule set; the caller persists what it needs.
 */
export const obligationsFor = (facts: BreachFacts, asOf: Date = new Date()): ObligationsResult =>
  computeObligations(facts, loadRules(), asOf);

export const runObligations = async (factsPath: string, rules: Rule[], asOf: Date): Promise<ObligationsResult> =>
  computeObligations(await readFacts(factsPath), rules, asOf);

/**
 * Whole-rule-set checks beyond the schema: every US state/territory and EEA state has a rule in
 * force on `asOf`, every jurisdiction has a time zone, every business-day calendar exists.
 */
export const verifyRuleSet = (asOf: Date): { rules: number; files: Record<string, number>; problems: RuleProblem[] } => {
  const { rules, problems, files } = validateRules();
  const day = asOf.toISOString().slice(0, 10);
  const inForce = rules.filter((r) => r.effectiveFrom !== null && r.effectiveFrom <= day && (!r.effectiveTo || day <= r.effectiveTo));
  const expected = [...Object.keys(US_STATES).map((s) => `US-${s}`), ...EEA_STATES, 'GB'];
  for (const j of expected)
    if (!inForce.some((r) => r.jurisdiction === j && (r.recipient === 'individuals' || r.recipient === 'regulator')))
      problems.push({ file: '(coverage)', ruleId: j, message: `no individuals or regulator rule in force on ${day}` });
  for (const r of rules) {
    try {
      zoneOf(r.jurisdiction);
    } catch {
      problems.push({ file: '(zones)', ruleId: r.id, message: `no time zone for jurisdiction ${r.jurisdiction}` });
    }
    const units = [r.clock.unit, ...r.clock.stages.map((s) => s.unit)];
    if (units.includes('business_days')) {
      const cal = r.clock.holidays ?? r.jurisdiction;
      try {
        if (publicHolidays(cal, Number(day.slice(0, 4))).size === 0) throw new Error('empty');
      } catch {
        problems.push({ file: '(calendars)', ruleId: r.id, message: `no public-holiday calendar "${cal}"` });
      }
    }
    if (!r.citation.trim() || !r.verified.trim()) problems.push({ file: '(citations)', ruleId: r.id, message: 'missing citation or verified note' });
  }
  return { rules: rules.length, files, problems };
};
