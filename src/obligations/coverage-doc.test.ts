import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deadlineWords, renderCoverage } from './coverage-doc.js';
import { COUNSEL_QUESTIONS } from './counsel-questions.js';
import { loadRules } from './rules-loader.js';

const rule = (id: string) => {
  const r = loadRules().find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};

describe('docs/legal-coverage.md (issue 13 §6)', () => {
  it('is current: the committed file is what the rules generate today', () => {
    const committed = readFileSync(new URL('../../docs/legal-coverage.md', import.meta.url), 'utf8');
    // On failure: npm run build && node dist/main/cli.js rules coverage --output docs/legal-coverage.md
    expect(committed === renderCoverage(loadRules()), 'docs/legal-coverage.md is stale: regenerate it with `breachdesk rules coverage --output docs/legal-coverage.md`').toBe(true);
  });
  it('has one row per rule with threshold, deadline, dates, source and check date', () => {
    const [md] = renderCoverage(loadRules()).split('## Open questions for counsel');
    const rows = md!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Jurisdiction'));
    expect(rows).toHaveLength(loadRules().length);
    const hhs = rows.find((l) => l.includes('`US.hipaa.hhs`'));
    expect(hhs).toMatch(/\| at least 500 individuals affected \|/);
    expect(hhs).toMatch(/\[45 CFR Part 164 Subpart D[^\]]*\]\(https:\/\/www\.ecfr\.gov\//);
    expect(hhs).toMatch(/\| 2013-09-23 – in force \|/);
    expect(hhs).toMatch(/\| 2026-12-06 \|$/);
  });
  it('ends with the open questions for counsel, one row each with the provision and its wording', () => {
    const [, questions] = renderCoverage(loadRules()).split('## Open questions for counsel');
    const rows = questions!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Jurisdiction'));
    expect(rows).toHaveLength(COUNSEL_QUESTIONS.length);
    expect(rows.find((l) => l.startsWith('| US-NY |'))).toMatch(/§899-aa\(1\)\(a\).*because of name, number, personal mark/);
  });
  it('states the deadline with its anchor, cut-off, caps and stages', () => {
    expect(deadlineWords(rule('US.sec-8k'))).toBe('4 business days after materiality determination (last day ends 17:30 America/New_York)');
    expect(deadlineWords(rule('EU.dora'))).toMatch(/^4 hours after classification as major; no later than 24 hours after awareness; then intermediate report/);
    expect(deadlineWords(rule('US.hipaa.hhs-annual'))).toBe('60 calendar days after the end of the calendar year of discovery');
  });
});
