/**
 * docs/legal-coverage.md, generated from the rule set (issue 13 §6): one row per rule with its
 * jurisdiction, regime, recipient, threshold and comparator, deadline and anchor, effective
 * dates, source and check date. Pure and deterministic (no generation date), so a test can
 * compare the committed file with what the rules say today. `breachdesk rules coverage` writes it.
 */
import { COUNSEL_QUESTIONS } from './counsel-questions.js';
import { UNIT_WORDS } from './deadline.js';
import { thresholdText } from './engine/applicability.js';
import { ANCHOR_WORDS } from './engine/timing.js';
import type { Rule } from './rule.schema.js';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The deadline in words: period, anchor, zone cut-off, caps, ordering, later stages. */
export const deadlineWords = (rule: Rule): string => {
  const c = rule.clock;
  const urgency = c.urgency ? c.urgency.replaceAll('_', ' ') : '';
  let text: string;
  if (c.amount === null) text = urgency || 'no fixed period';
  else if (c.anchor === 'year_end') text = `${c.amount} calendar days after the end of the calendar year of discovery`;
  else text = `${urgency ? `${urgency}; at the latest ` : ''}${c.amount} ${UNIT_WORDS[c.unit]} after ${ANCHOR_WORDS[c.anchor]}`;
  if (c.cutOff) text += ` (last day ends ${c.cutOff} ${c.timeZone ?? 'local time'})`;
  if (c.alsoNoLaterThan) text += `; no later than ${c.alsoNoLaterThan.amount} ${UNIT_WORDS[c.alsoNoLaterThan.unit]} after ${ANCHOR_WORDS[c.alsoNoLaterThan.anchor]}`;
  if (c.relation) text += `; ${c.relation.replaceAll('_', ' ')}`;
  for (const s of c.stages) text += `; then ${s.name}: ${s.amount} ${UNIT_WORDS[s.unit]} after ${s.afterPreviousStage ? 'the previous step' : ANCHOR_WORDS[s.anchor]}`;
  return text;
};

const dates = (r: Rule): string =>
  r.effectiveFrom === null ? 'not in force' : `${r.effectiveFrom} – ${r.effectiveTo ?? 'in force'}`;

const sourceCell = (r: Rule): string => (r.source ? `[${cell(r.source.title)}](${r.source.url})` : `**missing** (${cell(r.citation)})`);

export const renderCoverage = (rules: readonly Rule[]): string => {
  const sorted = [...rules].sort(
    (a, b) =>
      a.jurisdiction.localeCompare(b.jurisdiction) ||
      a.regime.localeCompare(b.regime) ||
      a.recipient.localeCompare(b.recipient) ||
      (a.effectiveFrom ?? '9999').localeCompare(b.effectiveFrom ?? '9999') ||
      a.id.localeCompare(b.id),
  );
  const jurisdictions = new Set(sorted.map((r) => r.jurisdiction));
  const sourced = sorted.filter((r) => r.source).length;
  const lines = [
    '# Legal coverage',
    '',
    '<!-- Generated from the rule set by `breachdesk rules coverage --output docs/legal-coverage.md`; do not edit by hand. -->',
    '',
    `${sorted.length} rules in ${jurisdictions.size} jurisdictions; ${sourced} cite their official source. Each row is one duty of one`,
    'law towards one recipient in one period. The rule files under `src/obligations/rules/` are the',
    'authority; `breachdesk rules show <id>` prints one in full, and `breachdesk rules verify` checks',
    'that every jurisdiction is covered on every day since 2018-01-01 and that every rule has a source.',
    '',
    '| Jurisdiction | Regime | Rule | Recipient | Threshold | Deadline and anchor | In force | Source | Checked on |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of sorted)
    lines.push(
      `| ${r.jurisdiction} | ${cell(r.regime)} | \`${r.id}\` | ${r.recipient} | ${cell(thresholdText(r) ? `${thresholdText(r)}${r.threshold?.comparatorUncertain ? ' (comparator unconfirmed)' : ''}` : '—')} | ${cell(deadlineWords(r))} | ${dates(r)} | ${sourceCell(r)} | ${r.source?.checkedOn ?? '—'} |`,
    );
  lines.push(
    '',
    '## Open questions for counsel',
    '',
    'Where the statute\'s words do not settle the answer, the rules answer `review` (or, where noted, a',
    'reading that counsel should confirm) and the question is kept here (`src/obligations/counsel-questions.ts`,',
    'outside review of 2026-12-07). When counsel decides, change the rule and drop the entry.',
    '',
    '| Jurisdiction | Topic | Provision | Wording | What Breachdesk answers meanwhile |',
    '|---|---|---|---|---|',
  );
  for (const q of COUNSEL_QUESTIONS)
    lines.push(`| ${cell(q.jurisdiction)} | ${cell(q.topic)} | ${cell(q.provision)} | ${cell(q.wording)} | ${cell(q.engine)} |`);
  return `${lines.join('\n')}\n`;
};
