import { describe, expect, it } from 'vitest';
import { computeObligations } from './engine.js';
import { group, makeFacts } from './golden.fixture.js';
import { type Rule, type RuleInput, ruleSchema } from './rule.schema.js';

// Synthetic rules so the engine's mechanics are tested independently of the shipped rule data.
const rule = (over: Partial<RuleInput> & { id: string }): Rule =>
  ruleSchema.parse({
    jurisdiction: 'US-TX',
    regime: 'Test law',
    recipient: 'individuals',
    authority: null,
    scope: { kind: 'residents' },
    trigger: {
      elements: { anyOf: [], combos: [['person_name', 'us_ssn']] },
      breachMode: 'acquisition',
      encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true },
    },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: { anchor: 'discovery', amount: 30, unit: 'calendar_days' },
    effectiveFrom: '2020-01-01',
    citation: 'Test Code §1',
    verified: 'synthetic',
    ...over,
  });

const tx = (n: number, elements = ['person_name', 'us_ssn']) => [group('US-TX', n, elements)];
const one = (rules: Rule[], over: Parameters<typeof makeFacts>[0], asOf = '2026-06-01T00:00:00Z') =>
  computeObligations(makeFacts(over), rules, new Date(asOf)).obligations;

describe('triggers', () => {
  const r = rule({ id: 't' });
  it('a combination triggers only when complete', () => {
    expect(one([r], { population: tx(1) })[0].required).toBe(true);
    expect(one([r], { population: tx(1, ['person_name', 'email']) })[0]).toMatchObject({ required: false, deadline: null });
    expect(one([r], { population: tx(1, ['person_name', 'email']) })[0].why).toMatch(/no triggering element/);
  });
  it('acquisition-only laws: access without acquisition is not a breach; unknown acquisition is review', () => {
    expect(one([r], { population: tx(1), breach: { acquisition: false } })[0].required).toBe(false);
    expect(one([r], { population: tx(1), breach: { acquisition: null } })[0].required).toBe('review');
    const access = rule({ id: 'a', trigger: { ...r.trigger, breachMode: 'access' } });
    expect(one([access], { population: tx(1), breach: { acquisition: false } })[0].required).toBe(true);
  });
  it('encryption safe harbour holds with the key safe and is lost when the key is compromised', () => {
    const safe = one([r], { population: tx(5), breach: { encrypted: true } })[0];
    expect(safe.required).toBe(false);
    expect(safe.why).toMatch(/safe harbour/);
    const lost = one([r], { population: tx(5), breach: { encrypted: true, keyCompromised: true } })[0];
    expect(lost.required).toBe(true);
    expect(lost.why).toMatch(/harbour lost/);
  });
  it('a harbour that survives key compromise', () => {
    const keep = rule({ id: 'k', trigger: { ...r.trigger, encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: false } } });
    expect(one([keep], { population: tx(5), breach: { encrypted: true, keyCompromised: true } })[0].required).toBe(false);
  });
  it('per-group encryption overrides the breach-level flag', () => {
    const o = one([r], { population: [{ ...tx(5)[0], encrypted: true }, ...tx(3)] })[0];
    expect(o.count.individuals).toBe(3);
  });
  it('review elements answer review, never a silent no', () => {
    const rv = rule({ id: 'rv', trigger: { ...r.trigger, reviewElements: { anyOf: ['health'], combos: [] } } });
    expect(one([rv], { population: tx(2, ['person_name', 'health']) })[0].required).toBe('review');
  });
});

describe('thresholds', () => {
  const gt = rule({ id: 'gt', recipient: 'regulator', threshold: { count: 500, comparator: '>', counted: 'residents' } });
  const ge = rule({ id: 'ge', recipient: 'regulator', threshold: { count: 500, comparator: '>=', counted: 'residents' } });
  const unsure = rule({ id: 'u', recipient: 'regulator', threshold: { count: 500, comparator: '>=', counted: 'residents', comparatorUncertain: true } });
  it('"more than 500": 500 no, 501 yes', () => {
    expect(one([gt], { population: tx(500) })[0].required).toBe(false);
    expect(one([gt], { population: tx(501) })[0].required).toBe(true);
  });
  it('"500 or more": 499 no, 500 yes', () => {
    expect(one([ge], { population: tx(499) })[0].required).toBe(false);
    expect(one([ge], { population: tx(500) })[0].required).toBe(true);
  });
  it('unconfirmed comparator: exactly the count is review, one more is required', () => {
    expect(one([unsure], { population: tx(500) })[0].required).toBe('review');
    expect(one([unsure], { population: tx(501) })[0].required).toBe(true);
    expect(one([unsure], { population: tx(499) })[0].required).toBe(false);
  });
  it('counts only residents of the jurisdiction, summed over groups', () => {
    const o = one([gt], { population: [...tx(300), ...tx(201, ['person_name', 'us_ssn', 'email']), group('US-CA', 1000, ['person_name', 'us_ssn'])] })[0];
    expect(o.count.individuals).toBe(501);
    expect(o.required).toBe(true);
  });
});

describe('risk gates', () => {
  it('no-harm determination removes the duty, and a conditional recipient receives it', () => {
    const ind = rule({ id: 'i', riskGate: { kind: 'no_harm_determination', documentationYears: 5 } });
    const ag = rule({ id: 'g', recipient: 'regulator', riskGate: { kind: 'no_harm_determination_made' } });
    const [a, b] = [ind, ag].map((x) => one([x], { population: tx(10), risk: { noHarmDetermination: true } })[0]);
    expect(a.required).toBe(false);
    expect(a.why).toMatch(/5 years/);
    expect(b.required).toBe(true);
    expect(one([ag], { population: tx(10) })[0].required).toBe(false);
  });
  it('GDPR gates follow the human-confirmed level; unconfirmed is review', () => {
    const sa = rule({ id: 's', jurisdiction: 'FR', scope: { kind: 'residents' }, riskGate: { kind: 'gdpr_risk' }, trigger: { ...rule({ id: 'x' }).trigger, breachMode: 'any', elements: { anyOf: [], combos: [] } } });
    const pop = [group('FR', 10, ['email'])];
    expect(one([sa], { population: pop })[0].required).toBe('review');
    expect(one([sa], { population: pop, risk: { gdpr: 'unlikely' } })[0].required).toBe(false);
    expect(one([sa], { population: pop, risk: { gdpr: 'risk' } })[0].required).toBe(true);
  });
  it('alternatives make a duty apply whatever the gate (any one suffices)', () => {
    const r = rule({
      id: 'alt',
      riskGate: { kind: 'categories', alternatives: [{ kind: 'threshold', count: 1000, comparator: '>', why: 'scale' }, { kind: 'malicious', why: 'attack' }] },
    });
    expect(one([r], { population: tx(10), breach: { malicious: false } })[0].required).toBe(false);
    expect(one([r], { population: tx(10), breach: { malicious: true } })[0].why).toMatch(/attack/);
    expect(one([r], { population: tx(1001), breach: { malicious: false } })[0].why).toMatch(/scale/);
  });
  it('a review note turns a yes into review', () => {
    expect(one([rule({ id: 'n', review: 'condition not encoded' })], { population: tx(1) })[0]).toMatchObject({ required: 'review' });
  });
});

describe('effective dates (--as-of)', () => {
  const old = rule({ id: 'old', effectiveFrom: '2020-01-01', effectiveTo: '2023-08-31', clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days' } });
  const now = rule({ id: 'new', effectiveFrom: '2023-09-01' });
  it('chooses the version in force on the as-of date, inclusive at both ends', () => {
    expect(one([old, now], { population: tx(1) }, '2023-08-31T23:00:00Z').map((o) => o.id)).toEqual(['old']);
    expect(one([old, now], { population: tx(1) }, '2023-09-01T00:00:00Z').map((o) => o.id)).toEqual(['new']);
  });
  it('a rule with effectiveFrom null is never in force', () => {
    expect(one([rule({ id: 'off', effectiveFrom: null })], { population: tx(1) })).toEqual([]);
  });
});

describe('clocks and relations', () => {
  it('an AG notice due no later than the individuals takes the earlier of the two', () => {
    const ind = rule({ id: 'ind', clock: { anchor: 'discovery', amount: 30, unit: 'calendar_days' } });
    const ag = rule({ id: 'ag', recipient: 'regulator', clock: { anchor: 'discovery', amount: 45, unit: 'calendar_days', relation: 'no_later_than_individuals' } });
    const res = one([ag, ind], { population: tx(1) });
    expect(res.find((o) => o.id === 'ag')?.deadline).toBe(res.find((o) => o.id === 'ind')?.deadline);
  });
  it('"N days after the consumer notice" counts from the notice when given, else from its latest lawful date', () => {
    const ind = rule({ id: 'ind', clock: { anchor: 'discovery', amount: 30, unit: 'calendar_days' } });
    const ag = rule({ id: 'ag', recipient: 'regulator', clock: { anchor: 'individual_notice', amount: 15, unit: 'calendar_days' } });
    const derived = one([ind, ag], { population: tx(1) }).find((o) => o.id === 'ag');
    // Individuals: 2026-04-01 23:59:59 CDT; +15 days → 2026-04-16 23:59:59 CDT.
    expect(derived?.deadline).toBe('2026-04-17T04:59:59Z');
    expect(derived?.relativeTo?.note).toMatch(/latest lawful date/);
    const given = one([ind, ag], { population: tx(1), individualNoticeAt: '2026-03-10T15:00:00Z' }).find((o) => o.id === 'ag');
    expect(given?.deadline).toBe('2026-03-26T04:59:59Z');
  });
  it('a duty that follows a not-required notice is not required', () => {
    const ind = rule({ id: 'ind', threshold: { count: 100, comparator: '>', counted: 'residents' } });
    const ag = rule({ id: 'ag', recipient: 'regulator', clock: { anchor: 'individual_notice', amount: 15, unit: 'calendar_days' } });
    const o = one([ind, ag], { population: tx(5) }).find((x) => x.id === 'ag');
    expect(o?.required).toBe(false);
    expect(o?.why).toMatch(/follows ind/);
  });
  it('hours deadlines and open-ended duties', () => {
    const h = rule({ id: 'h', clock: { anchor: 'awareness', amount: 72, unit: 'hours', urgency: 'without_undue_delay' } });
    const open = rule({ id: 'o', clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' } });
    const res = one([h, open], { population: tx(1), awareAt: '2026-03-06T10:00:00Z' });
    expect(res.find((o) => o.id === 'h')?.deadline).toBe('2026-03-09T10:00:00Z');
    expect(res.find((o) => o.id === 'o')).toMatchObject({ deadline: null, urgency: 'without_undue_delay' });
  });
});

describe('result shape', () => {
  it('lists required first, sorted by deadline, and reports the next deadline', () => {
    const a = rule({ id: 'a', clock: { anchor: 'discovery', amount: 30, unit: 'calendar_days' } });
    const b = rule({ id: 'b', recipient: 'regulator', clock: { anchor: 'discovery', amount: 10, unit: 'calendar_days' } });
    const c = rule({ id: 'c', recipient: 'media', threshold: { count: 5000, comparator: '>', counted: 'residents' } });
    const res = computeObligations(makeFacts({ population: tx(10) }), [a, b, c], new Date('2026-06-01T00:00:00Z'));
    expect(res.obligations.map((o) => o.id)).toEqual(['b', 'a', 'c']);
    expect(res.nextDeadline?.id).toBe('b');
    expect(res.version).toBe(1);
  });
  it('names population jurisdictions no rule covers', () => {
    const res = computeObligations(makeFacts({ population: [...tx(1), group('MX', 3, ['email'])] }), [rule({ id: 'a' })], new Date('2026-06-01'));
    expect(res.uncovered).toEqual(['MX']);
  });
});

describe('review elements and thresholds', () => {
  it('possibly covered groups that would tip the threshold make it review', () => {
    const r = rule({
      id: 'tip',
      recipient: 'regulator',
      threshold: { count: 500, comparator: '>', counted: 'residents' },
      trigger: { ...rule({ id: 'x' }).trigger, reviewElements: { anyOf: ['health'], combos: [] } },
    });
    const pop = [...tx(400), group('US-TX', 200, ['person_name', 'health'])];
    expect(one([r], { population: pop })[0].required).toBe('review');
    expect(one([r], { population: [...tx(400), group('US-TX', 50, ['person_name', 'health'])] })[0].required).toBe(false);
  });
});
