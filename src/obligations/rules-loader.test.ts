import { describe, expect, it } from 'vitest';
import { loadRules, validateRules } from './rules-loader.js';

describe('rule loading and validation', () => {
  it('loads every shipped rule with a unique id, a citation and a verified note', () => {
    const rules = loadRules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.citation.trim().length, r.id).toBeGreaterThan(3);
      expect(r.verified.trim().length, r.id).toBeGreaterThan(3);
    }
  });
  it('reports schema errors with file, rule id and field', () => {
    const { problems } = validateRules({
      'bad-file': [{ id: 'X.bad', jurisdiction: 'X' } as never, { id: 'X.bad2' } as never],
    });
    expect(problems[0]).toMatchObject({ file: 'bad-file', ruleId: 'X.bad' });
    expect(problems.some((p) => p.message.startsWith('regime'))).toBe(true);
  });
  it('rejects unknown element ids and duplicate ids', () => {
    const good = loadRules().find((r) => r.id === 'US-TX.individuals');
    const bad = { ...good, id: 'X.el', trigger: { ...good?.trigger, elements: { anyOf: ['shoe_size'], combos: [] } } };
    const { problems } = validateRules({ a: [good as never, bad as never], b: [good as never] });
    expect(problems.some((p) => p.ruleId === 'X.el' && /trigger\.elements\.anyOf\.0/.test(p.message))).toBe(true);
    expect(problems.some((p) => /duplicate id \(also in a\)/.test(p.message))).toBe(true);
  });
});
