/**
 * Use cases behind `breachdesk obligations` and `breachdesk rules`: read and validate the facts
 * file, pick the law in force, run the pure engine, check the rule set. The only file of the
 * feature that touches the file system.
 */
import { readFile } from 'node:fs/promises';
import { inputFileProblem, inputProblemOf } from '../platform/cli-input-files.js';
import { BadInputError } from '../platform/errors.js';
import type { z } from 'zod';
import { computeObligations } from './engine.js';
import { checkFacts } from './facts-checks.js';
import { type BreachFacts, breachFactsSchema } from './facts.schema.js';
import type { ObligationsResult } from './obligations.schema.js';
import type { Rule } from './rule.schema.js';
import { loadRules } from './rules-loader.js';

/**
 * The one-line message for a zod failure: the field path and what is wrong. An unknown key is
 * reported before the missing field it was probably meant to be (`noHarmDetermnation` →
 * "unknown key … did you mean noHarmDetermination").
 */
export const describeIssues = (issues: readonly z.core.$ZodIssue[]): string => {
  const ordered = [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  const issue = ordered[0];
  const where = issue.path.length ? issue.path.join('.') : '(document)';
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return `${where}: ${issue.message}${more}`;
};

/** Parse BreachFacts JSON text; errors name the file and the field at fault. Impossible date orders are errors. */
export const parseFacts = (text: string, source: string): BreachFacts => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BadInputError(`${source}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = breachFactsSchema.safeParse(json);
  if (!parsed.success) throw new BadInputError(`${source}: ${describeIssues(parsed.error.issues)}`);
  const { errors } = checkFacts(parsed.data);
  if (errors.length) throw new BadInputError(`${source}: ${errors[0]}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
  return parsed.data;
};

/** Read BreachFacts from a file, or from `stdin` when `path` is "-" (pipelines). */
export const readFacts = async (path: string, stdin: AsyncIterable<string | Buffer> = process.stdin): Promise<BreachFacts> => {
  if (path === '-') {
    let text = '';
    for await (const chunk of stdin) text += chunk.toString();
    return parseFacts(text, '(stdin)');
  }
  // "cannot read facts file" as docs and tests have it, with the cause every CLI names.
  const problem = inputFileProblem(path);
  if (problem) throw new BadInputError(`${path}: cannot read facts file: ${problem}`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new BadInputError(`${path}: cannot read facts file: ${inputProblemOf(e)}`);
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

export { verifyRuleSet } from './rules-verify.js';
