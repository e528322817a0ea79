/**
 * `breachdesk obligations --facts F [--as-of DATE] [--json]` and `breachdesk rules list|show|verify`.
 * Thin: parsing and printing only; the work is in obligations.service.ts and the pure engine.
 * JSON goes to stdout (docs/obligations-json.md); nothing here prints personal data (the facts
 * carry counts and element ids, never values).
 */
import type { Command } from 'commander';
import { BadInputError, FailedError } from '../platform/errors.js';
import type { Obligation, ObligationsResult } from './obligations.schema.js';
import { parseAsOf, runObligations, verifyRuleSet } from './obligations.service.js';
import { loadRules } from './rules-loader.js';
import { writeFile } from 'node:fs/promises';
import { COVERAGE_SINCE } from './coverage.js';
import { renderCoverage } from './coverage-doc.js';
import { inForce } from './engine.js';

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

const mark = (o: Obligation) => (o.required === true ? 'REQUIRED' : o.required === 'review' ? 'REVIEW' : 'not required');

export const formatObligations = (r: ObligationsResult): string => {
  const s = r.severity;
  const lines = [
    `Obligations as of ${r.asOf}`,
    `Severity (ENISA 2013): ${s.score} ${s.band.replace('_', ' ')} = DPC ${s.dpc.score} × EI ${s.ei.value} + CB ${s.cb.total}; suggested GDPR risk: ${s.suggestedGdprRisk}${s.confirmedGdprRisk ? `; confirmed: ${s.confirmedGdprRisk}` : ' (not yet confirmed)'}`,
  ];
  if (r.nextDeadline) lines.push(`Next deadline: ${r.nextDeadline.deadline} (${r.nextDeadline.id})`);
  if (r.uncovered.length) lines.push(`No rule in force for: ${r.uncovered.join(', ')} — check these by hand`);
  if (r.unknownResidence) lines.push(`Residence unknown: ${r.unknownResidence} individual(s) — counted apart; thresholds they could tip answer REVIEW`);
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  lines.push('');
  for (const o of r.obligations) {
    const when = o.required === false ? '-' : (o.deadline ?? o.urgency?.replaceAll('_', ' ') ?? 'no fixed date');
    lines.push(`${mark(o).padEnd(12)} ${when.padEnd(22)} ${o.jurisdiction.padEnd(6)} ${o.recipient.padEnd(15)} ${o.id}`);
    lines.push(`             ${o.authority ? `${o.authority.name} — ` : ''}${o.citation}`);
    if (o.required !== false) lines.push(`             deadline: ${o.deadlineRule}`);
    for (const st of o.stages) lines.push(`             then ${st.name}: ${st.deadline ?? 'no fixed date'} (${st.deadlineRule})`);
    lines.push(`             why: ${o.why}`);
    for (const q of o.questions) lines.push(`             to settle: ${q}`);
    // Deemed compliance (engine/deemed.ts): say which notice discharges this duty, never drop it silently.
    for (const d of o.satisfiedBy ?? [])
      lines.push(`             ${d.effect === 'exempt' ? 'not applicable to' : 'satisfied by'}: ${d.via}${d.by ? ` (${d.by})` : ''} — ${d.condition}${d.alsoMet?.length ? ` [only once ${d.alsoMet.join(' and ')} is met too]` : ''}`);
  }
  for (const k of r.recordKeeping) lines.push(`RECORD       ${k.jurisdiction.padEnd(6)} ${k.duty} (${k.citation})`);
  return lines.join('\n');
};

export const registerObligationsCommands = (program: Command): void => {
  program
    .command('obligations')
    .description('who must be told about a breach, by when, and why (rules as data)')
    // Not a commander "required option": commander checks those for subcommands too, and
    // `obligations owed|facts --incident ID` (tracking/tracking.cli.ts) take no facts file.
    .option('--facts <file>', 'BreachFacts v1 JSON file (docs/obligations-json.md); - reads stdin')
    .option('--as-of <date>', 'evaluate the law in force on this date (YYYY-MM-DD or ISO 8601)')
    .option('--json', 'print Obligations v1 JSON on stdout')
    .action(async (opts: { facts?: string; asOf?: string; json?: boolean }) => {
      if (!opts.facts) throw new BadInputError("required option '--facts <file>' not specified (or use: obligations owed|facts --incident ID)");
      const asOf = parseAsOf(opts.asOf);
      const result = await runObligations(opts.facts, loadRules(), asOf);
      out(opts.json ? JSON.stringify(result, null, 2) : formatObligations(result));
    });

  const rules = program.command('rules').description('inspect and check the notification rule set');
  rules
    .command('list')
    .description('list the rules (id, jurisdiction, recipient, effective dates, citation)')
    .option('--jurisdiction <code>', 'only this jurisdiction (e.g. US-CA, FR, EU)')
    .option('--as-of <date>', 'only rules in force on this date')
    .option('--json', 'print JSON')
    .action((opts: { jurisdiction?: string; asOf?: string; json?: boolean }) => {
      let list = loadRules();
      if (opts.jurisdiction) list = list.filter((r) => r.jurisdiction === opts.jurisdiction?.toUpperCase());
      if (opts.asOf) {
        const day = parseAsOf(opts.asOf).toISOString().slice(0, 10);
        list = list.filter((r) => inForce(r, day));
      }
      if (opts.json) {
        out(JSON.stringify(list.map((r) => ({ id: r.id, jurisdiction: r.jurisdiction, regime: r.regime, recipient: r.recipient, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo ?? null, citation: r.citation })), null, 2));
        return;
      }
      for (const r of list)
        out(`${r.id.padEnd(34)} ${r.jurisdiction.padEnd(6)} ${r.recipient.padEnd(15)} ${(r.effectiveFrom ?? 'not in force').padEnd(12)} ${(r.effectiveTo ?? '').padEnd(10)} ${r.citation}`);
      out(`${list.length} rule(s)`);
    });
  rules
    .command('show')
    .description('print one rule in full')
    .argument('<id>', 'rule id (see `rules list`)')
    .option('--json', 'print JSON instead of YAML')
    .action(async (id: string, opts: { json?: boolean }) => {
      const rule = loadRules().find((r) => r.id === id);
      if (!rule) throw new BadInputError(`no rule with id "${id}" (see \`breachdesk rules list\`)`);
      // yaml is loaded only here: it is not needed on the `obligations` path (startup time).
      out(opts.json ? JSON.stringify(rule, null, 2) : (await import('yaml')).stringify(rule));
    });
  rules
    .command('coverage')
    .description('print docs/legal-coverage.md (Markdown) generated from the rules')
    .option('--output <file>', 'write it to this file instead of stdout')
    .action(async (opts: { output?: string }) => {
      const md = renderCoverage(loadRules());
      if (!opts.output) {
        out(md);
        return;
      }
      try {
        await writeFile(opts.output, md);
      } catch (e) {
        throw new BadInputError(`${opts.output}: cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    });
  rules
    .command('verify')
    .description('validate every rule file against the schema and check coverage, zones and calendars')
    .option('--as-of <date>', 'check coverage up to this date (default: today)')
    .option('--since <date>', `check coverage from this date (default ${COVERAGE_SINCE})`)
    .option('--json', 'print JSON')
    .action((opts: { asOf?: string; since?: string; json?: boolean }) => {
      const since = opts.since === undefined ? undefined : parseAsOf(opts.since).toISOString().slice(0, 10);
      const report = verifyRuleSet(parseAsOf(opts.asOf), { since });
      if (opts.json) out(JSON.stringify({ ok: report.problems.length === 0, ...report }, null, 2));
      else {
        for (const p of report.problems) out(`${p.file}: ${p.ruleId}: ${p.message}`);
        out(`${report.rules} rule(s) in ${Object.keys(report.files).length} file(s); ${report.problems.length} problem(s)`);
      }
      if (report.problems.length) throw new FailedError(`rule set has ${report.problems.length} problem(s)`);
    });
};
