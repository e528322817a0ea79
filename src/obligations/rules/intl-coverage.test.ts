/**
 * Issue 13 §5–§6 for the non-US rule files: every jurisdiction answers for every day since
 * 2018-01-01 (a duty then in force, or an explicit "no duty existed"), versions of one duty neither
 * overlap nor leave a gap, and every rule cites an official source — never a repository document.
 */
import { describe, expect, it } from 'vitest';
import { computeObligations } from '../engine.js';
import { breachFactsSchema } from '../facts.schema.js';
import { EEA_STATES } from '../jurisdictions.js';
import { ruleSchema } from '../rule.schema.js';
import { RULE_FILES } from '../rules-loader.js';
import { loadRules } from '../rules-loader.js';
import { dayBefore, RULE_SET_FROM } from './intl-common.js';

const INTL_FILES = ['eu-gdpr', 'gb', 'ca', 'au', 'br', 'sg', 'in', 'jp', 'kr', 'ch', 'ph-ke'];
const intlRules = INTL_FILES.flatMap((f) => (RULE_FILES[f] ?? []).map((r) => ruleSchema.parse(r)));

const JURISDICTIONS = [...EEA_STATES, 'GB', 'CA-ON', 'CA-QC', 'CA-AB', 'AU', 'BR', 'SG', 'IN', 'JP', 'KR', 'CH', 'PH', 'KE'];

/** First day of every month from 2018-01 to 2028-12, plus the days either side of each version change. */
const days = (): string[] => {
  const out = new Set<string>();
  for (let y = 2018; y <= 2028; y++) for (let m = 1; m <= 12; m++) out.add(`${y}-${String(m).padStart(2, '0')}-01`);
  for (const r of intlRules) {
    if (r.effectiveFrom && r.effectiveFrom >= RULE_SET_FROM) {
      out.add(r.effectiveFrom);
      out.add(dayBefore(r.effectiveFrom));
    }
  }
  return [...out].filter((d) => d >= RULE_SET_FROM).sort();
};

describe('every day since 2018-01-01 has an answer (issue 13 §5)', () => {
  it('no EEA/UK/CA/AU/BR/SG/IN/JP/KR/CH/PH/KE jurisdiction is ever "uncovered"', () => {
    const rules = loadRules();
    const gaps: string[] = [];
    for (const day of days()) {
      const at = `${day}T12:00:00Z`;
      const facts = breachFactsSchema.parse({
        version: 1,
        discoveredAt: at,
        awareAt: at,
        controller: { establishments: ['US'] },
        breach: { types: ['confidentiality'], access: true, acquisition: true, malicious: true },
        population: JURISDICTIONS.map((j) => ({ jurisdiction: j, individuals: 10, elements: ['person_name', 'email'] })),
      });
      const r = computeObligations(facts, rules, new Date(at));
      for (const j of r.uncovered) gaps.push(`${day} ${j}`);
    }
    expect(gaps).toEqual([]);
  });

  it('versions of one duty follow each other with no gap and no overlap (supersedes chain)', () => {
    const byId = new Map(intlRules.map((r) => [r.id, r]));
    const problems: string[] = [];
    for (const r of intlRules) {
      const prev = r.supersedes ? byId.get(r.supersedes) : undefined;
      if (r.supersedes && !prev) problems.push(`${r.id}: supersedes unknown ${r.supersedes}`);
      if (prev && prev.effectiveTo !== dayBefore(r.effectiveFrom ?? '')) problems.push(`${r.id}: ${prev.id} ends ${prev.effectiveTo}, not the day before ${r.effectiveFrom}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('every rule cites the law it encodes (issue 13 §6)', () => {
  it('has an official source, a check date and says what was checked', () => {
    for (const r of intlRules) {
      expect(r.source?.url, r.id).toMatch(/^https:\/\//);
      expect(r.source?.checkedOn, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.source?.checkedAgainst.length, r.id).toBeGreaterThan(20);
      expect(r.effectiveFrom, r.id).not.toBeNull();
    }
  });
  it('never cites a document of this repository', () => {
    for (const r of intlRules) expect(JSON.stringify(r), r.id).not.toMatch(/breach-law\.md|reference\//);
  });
});
