/**
 * `breachdesk rules verify`: whole-rule-set checks beyond the schema (issue 13 §5, §6):
 * - coverage: every expected jurisdiction (coverage.ts) has an individuals or regulator rule in
 *   force on every day from 2018-01-01 (or its first law) to the day checked — gaps are reported
 *   as date ranges, so a placeholder start date shows up as the months it leaves uncovered;
 * - versions: a rule that `supersedes` another starts the day after the other ends;
 * - sources: every rule carries `source` {url, title, checkedOn, checkedAgainst} pointing at the
 *   official text, and cites no document outside this repository (the schema keeps `source`
 *   optional only while the rule files are being filled; verify requires it);
 * - every jurisdiction has a time zone and every business-day calendar exists.
 */
import { DateTime } from 'luxon';
import { publicHolidays } from './deadline.js';
import { COVERAGE_SINCE, coverageStart, EXPECTED_JURISDICTIONS } from './coverage.js';
import { zoneOf } from './jurisdictions.js';
import type { Rule } from './rule.schema.js';
import { RULE_FILES, type RuleProblem, validateRules } from './rules-loader.js';
import type { RuleInput } from './rule.schema.js';

export interface VerifyReport {
  rules: number;
  files: Record<string, number>;
  problems: RuleProblem[];
}

const nextDay = (day: string): string => DateTime.fromISO(day, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? day;
const previousDay = (day: string): string => DateTime.fromISO(day, { zone: 'utc' }).minus({ days: 1 }).toISODate() ?? day;

/** Day ranges within [from, to] that no rule of `rules` covers. */
export const gapsOf = (rules: readonly Rule[], from: string, to: string): Array<[string, string]> => {
  const spans = rules
    .filter((r) => r.effectiveFrom !== null)
    .map((r) => [r.effectiveFrom as string, r.effectiveTo ?? '9999-12-31'] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const gaps: Array<[string, string]> = [];
  let cursor = from; // first day not yet known to be covered
  for (const [start, end] of spans) {
    if (cursor > to) break;
    if (end < cursor) continue;
    if (start > cursor) gaps.push([cursor, start > to ? to : previousDay(start)]);
    if (end >= cursor) cursor = end === '9999-12-31' ? '9999-12-31' : nextDay(end);
  }
  if (cursor <= to) gaps.push([cursor, to]);
  return gaps.filter(([a, b]) => a <= b);
};

/** Text that points outside the repository (the shared reference notes are not a source of law). */
const OUTSIDE_DOCS = /reference\/breach-law\.md|\/work\/|breach-law\.md/;

export const verifyRuleSet = (asOf: Date, opts: { since?: string; files?: Readonly<Record<string, readonly RuleInput[]>> } = {}): VerifyReport => {
  const { rules, problems, files } = validateRules(opts.files);
  const day = asOf.toISOString().slice(0, 10);
  const since = opts.since ?? COVERAGE_SINCE;
  const fileOf = new Map<string, string>();
  for (const [file, list] of Object.entries(opts.files ?? RULE_FILES)) for (const r of list) fileOf.set(String(r.id), file);

  // Coverage, day by day, as ranges.
  for (const j of EXPECTED_JURISDICTIONS) {
    const own = rules.filter((r) => r.jurisdiction === j && (r.recipient === 'individuals' || r.recipient === 'regulator'));
    const start = coverageStart(j, since);
    // Before the window (e.g. --as-of 2010-01-01): check that one day.
    const [from, to] = day < start ? [day, day] : [start, day];
    if (day < start && since <= day) continue; // the jurisdiction had no law yet on that day (coverage.ts)
    for (const [a, b] of gapsOf(own, from, to))
      problems.push({
        file: '(coverage)',
        ruleId: j,
        message: a === b ? `no individuals or regulator rule in force on ${a}` : `no individuals or regulator rule in force from ${a} to ${b}`,
      });
  }

  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const r of rules) {
    const file = fileOf.get(r.id) ?? '(rules)';
    if (r.supersedes) {
      const old = byId.get(r.supersedes);
      if (!old) problems.push({ file, ruleId: r.id, message: `supersedes ${r.supersedes}, which does not exist` });
      else if (r.effectiveFrom === null || old.effectiveTo === undefined || nextDay(old.effectiveTo) !== r.effectiveFrom)
        problems.push({
          file,
          ruleId: r.id,
          message: `supersedes ${old.id}: that version must end the day before this one starts (effectiveTo ${old.effectiveTo ?? 'missing'}, effectiveFrom ${r.effectiveFrom ?? 'null'})`,
        });
      else if (old.jurisdiction !== r.jurisdiction || old.recipient !== r.recipient)
        problems.push({ file, ruleId: r.id, message: `supersedes ${old.id}, a rule of another jurisdiction or recipient` });
    }
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
    if (!r.citation.trim() || !r.verified.trim()) problems.push({ file, ruleId: r.id, message: 'missing citation or verified note' });
    if (!r.source) problems.push({ file, ruleId: r.id, message: 'source: missing — add {url, title, checkedOn, checkedAgainst} for the official text' });
    else {
      if (!/^https:\/\//.test(r.source.url)) problems.push({ file, ruleId: r.id, message: `source.url is not an https link: ${r.source.url}` });
      if (r.source.checkedOn > new Date().toISOString().slice(0, 10)) problems.push({ file, ruleId: r.id, message: `source.checkedOn ${r.source.checkedOn} is in the future` });
    }
    for (const [field, text] of [['citation', r.citation], ['verified', r.verified], ['notes', r.notes ?? ''], ['source.checkedAgainst', r.source?.checkedAgainst ?? '']] as const)
      if (OUTSIDE_DOCS.test(text)) problems.push({ file, ruleId: r.id, message: `${field} cites a document outside this repository; cite the law itself` });
  }
  return { rules: rules.length, files, problems };
};
