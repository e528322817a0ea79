/**
 * The engine mechanisms the rule data relies on (issue 13 §1–5, issue 20 §1 §3, issue 19 §4), on
 * synthetic rules so they are tested apart from the shipped rule data. Expected answers are worked
 * by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { computeObligations } from './engine.js';
import { group, makeFacts } from './golden.fixture.js';
import { type Rule, type RuleInput, ruleSchema } from './rule.schema.js';

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
    effectiveFrom: '2018-01-01',
    citation: 'Test Code §1',
    verified: 'synthetic',
    ...over,
  });
const run = (rules: Rule[], over: Parameters<typeof makeFacts>[0], asOf = '2026-06-01T00:00:00Z') =>
  computeObligations(makeFacts(over), rules, new Date(asOf));
const one = (rules: Rule[], over: Parameters<typeof makeFacts>[0], asOf?: string) => run(rules, over, asOf).obligations[0];

const incident = { subject: 'incident' as const, elements: { anyOf: [], combos: [] }, breachMode: 'any' as const, encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } };

describe('incident-triggered regimes (issue 13 §1)', () => {
  const sec = rule({ id: 'inc', jurisdiction: 'US', recipient: 'regulator', appliesIf: ['public_company'], scope: { kind: 'all' }, trigger: incident, riskGate: { kind: 'material' } });
  it('apply with no personal data at all', () => {
    const o = one([sec], { population: [], controller: { publicCompany: true }, risk: { material: true } });
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/incident itself/);
  });
  it('a personal-data rule still needs personal data', () => {
    const pd = rule({ id: 'pd', jurisdiction: 'US', scope: { kind: 'all' }, appliesIf: ['public_company'], trigger: { ...incident, subject: 'personal_data' } });
    expect(one([pd], { population: [], controller: { publicCompany: true } }).required).toBe(false);
  });
});

describe('deadline cut-off time (17 CFR 232.13(a)(4) style)', () => {
  it('the last day ends at the cut-off in the clock zone, not 23:59:59', () => {
    // Monday 2026-03-02 + 4 business days (US calendar, no holiday that week) = Friday 2026-03-06;
    // 17:30 New York (EST, UTC−5) = 22:30Z.
    const r = rule({ id: 'c', jurisdiction: 'US', clock: { anchor: 'discovery', amount: 4, unit: 'business_days', holidays: 'US', timeZone: 'America/New_York', cutOff: '17:30' } });
    const o = one([r], { population: [group('US-TX', 1, ['person_name', 'us_ssn'])] });
    expect(o.deadline).toBe('2026-03-06T22:30:00Z');
    expect(o.deadlineRule).toMatch(/ending at 17:30/);
  });
});

describe('supervising regulators (issue 13 §3)', () => {
  const dfs = rule({ id: 'dfs', jurisdiction: 'US-NY', recipient: 'regulator', supervisedBy: ['US-NY-DFS'] });
  const ny = [group('US-NY', 10, ['person_name', 'us_ssn'])];
  it('owed when the profile lists the regulator, not owed when it does not, review when unstated', () => {
    expect(one([dfs], { population: ny, controller: { regulators: ['US-NY-DFS'] } }).required).toBe(true);
    expect(one([dfs], { population: ny, controller: { regulators: ['US-SEC'] } }).required).toBe(false);
    const open = one([dfs], { population: ny });
    expect(open.required).toBe('review');
    expect(open.questions.join(' ')).toMatch(/New York State Department of Financial Services/);
  });
  it('the older nydfs flag means the same regulator', () => {
    expect(one([dfs], { population: ny, controller: { nydfs: true, regulators: [] } }).required).toBe(true);
  });
});

describe('no-harm exception scope (issue 13 §2)', () => {
  const nyLike = rule({ id: 'ny', riskGate: { kind: 'no_harm_determination', conditions: { inadvertentOnly: true, authorisedPersonOnly: true, inWriting: true } } });
  const pop = [group('US-TX', 10, ['person_name', 'us_ssn'])];
  it('a malicious hack with a no-harm finding still needs notice', () => {
    const o = one([nyLike], { population: pop, breach: { malicious: true, byAuthorisedPerson: true }, risk: { noHarmDetermination: true, noHarmDeterminedAt: '2026-03-03T00:00:00Z' } });
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/only an inadvertent disclosure/);
  });
  it('inadvertent, by an authorised person, in writing: the exception holds', () => {
    const o = one([nyLike], { population: pop, breach: { malicious: false, byAuthorisedPerson: true }, risk: { noHarmDetermination: true, noHarmDeterminedAt: '2026-03-03T00:00:00Z' } });
    expect(o.required).toBe(false);
  });
  it('unknown facts of the scope answer review with the question', () => {
    const who = one([nyLike], { population: pop, breach: { malicious: false }, risk: { noHarmDetermination: true, noHarmDeterminedAt: '2026-03-03T00:00:00Z' } });
    expect(who).toMatchObject({ required: 'review' });
    expect(who.questions[0]).toMatch(/byAuthorisedPerson/);
    const writing = one([nyLike], { population: pop, breach: { malicious: false, byAuthorisedPerson: true }, risk: { noHarmDetermination: true } });
    expect(writing.questions[0]).toMatch(/noHarmDeterminedAt/);
  });
  it('a required consultation missing → review; done → the exception holds; the filing recipient follows', () => {
    const dc = rule({ id: 'dc', riskGate: { kind: 'no_harm_determination', conditions: { consultWith: ['attorney_general', 'federal_law_enforcement'] } } });
    const ag = rule({ id: 'dc-ag', recipient: 'regulator', riskGate: { kind: 'no_harm_determination_made', conditions: { consultWith: ['attorney_general', 'federal_law_enforcement'] } } });
    expect(one([dc], { population: pop, risk: { noHarmDetermination: true, consultedWith: ['attorney_general'] } }).required).toBe('review');
    const done = { population: pop, risk: { noHarmDetermination: true, consultedWith: ['attorney_general' as const, 'federal_law_enforcement' as const] } };
    expect(one([dc], done).required).toBe(false);
    expect(one([ag], done).required).toBe(true);
    expect(one([ag], { ...done, breach: { malicious: true }, risk: { ...done.risk } }).required).toBe(true);
  });
  it('an unconfirmed standard never yields a silent "not required"', () => {
    const u = rule({ id: 'u', riskGate: { kind: 'no_harm_determination', conditions: { unconfirmed: 'standard recalled, not read' } } });
    expect(one([u], { population: pop, risk: { noHarmDetermination: true } }).required).toBe('review');
  });
  it('the written determination is a clock anchor (FL §501.171(4)(c): 30 days after it)', () => {
    // 2026-03-10 + 30 calendar days = 2026-04-09, end of day in Chicago (CDT, UTC−5) = 2026-04-10T04:59:59Z.
    const fl = rule({ id: 'fl', recipient: 'regulator', riskGate: { kind: 'no_harm_determination_made' }, clock: { anchor: 'no_harm_determination', amount: 30, unit: 'calendar_days' } });
    const o = one([fl], { population: pop, risk: { noHarmDetermination: true, noHarmDeterminedAt: '2026-03-10T15:00:00Z' } });
    expect(o.deadline).toBe('2026-04-10T04:59:59Z');
  });
});

describe('judgement elements (issue 20 §1)', () => {
  const ca = rule({ id: 'ca', trigger: { elements: { anyOf: [], combos: [['email', 'password']] }, breachMode: 'acquisition', encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true } } });
  const pop = [group('US-TX', 40, ['email', 'password_hash'])];
  it('a password hash answers review with the question, not a silent "not required"', () => {
    const o = one([ca], { population: pop });
    expect(o.required).toBe('review');
    expect(o.questions.join(' ')).toMatch(/breach\.hashing/);
    expect(o.count.individuals).toBe(40);
  });
  it('settled by the hashing facts: fast or leaked → required; slow, salted, secrets safe → not required', () => {
    expect(one([ca], { population: pop, breach: { hashing: { algorithm: 'md5' } } }).required).toBe(true);
    expect(one([ca], { population: pop, breach: { hashing: { algorithm: 'bcrypt', salted: true, secretsLeaked: true } } }).required).toBe(true);
    expect(one([ca], { population: pop, breach: { hashing: { algorithm: 'bcrypt', salted: true, secretsLeaked: false } } }).required).toBe(false);
    expect(one([ca], { population: pop, breach: { hashing: { algorithm: 'argon2id', salted: true } } }).required).toBe('review');
  });
  it('encrypted data with key compromise unknown is review, not a silent harbour', () => {
    const o = one([ca], { population: [group('US-TX', 5, ['email', 'password'])], breach: { encrypted: true, keyCompromised: null } });
    expect(o.required).toBe('review');
    expect(o.questions[0]).toMatch(/keyCompromised/);
  });
});

describe('review items keep their statute threshold (issue 20 §3)', () => {
  // A ">= 1,000 residents" CRA-style duty: 600 certain + 300 possible = 900 < 1,000 → not required;
  // 600 + 500 = 1,100 ≥ 1,000 → review; 1,000 certain → required.
  const cra = rule({ id: 'cra', recipient: 'credit_bureaus', threshold: { count: 1000, comparator: '>=', counted: 'residents' }, trigger: { elements: { anyOf: ['us_ssn'], combos: [] }, reviewElements: { anyOf: ['health'], combos: [] }, breachMode: 'acquisition', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } } });
  it('below the threshold even counting every uncertain case: not required', () => {
    const o = one([cra], { population: [group('US-TX', 600, ['us_ssn']), group('US-TX', 300, ['health'])] });
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/900/);
  });
  it('only review elements, below the threshold: not required (the bug: they answered review)', () => {
    expect(one([cra], { population: [group('US-TX', 999, ['health'])] }).required).toBe(false);
    expect(one([cra], { population: [group('US-TX', 1000, ['health'])] }).required).toBe('review');
  });
  it('tipped by the uncertain cases: review', () => {
    expect(one([cra], { population: [group('US-TX', 600, ['us_ssn']), group('US-TX', 500, ['health'])] }).required).toBe('review');
    expect(one([cra], { population: [group('US-TX', 1000, ['us_ssn'])] }).required).toBe(true);
  });
});

describe('people of unknown residence (issue 19 §4)', () => {
  const ag = rule({ id: 'ag', recipient: 'regulator', threshold: { count: 250, comparator: '>=', counted: 'residents' } });
  it('are a counted category: never matched, never dropped, and they can tip a threshold to review', () => {
    // 200 Texans < 250; with 100 of unknown residence up to 300 ≥ 250 → review; 40 → 240 < 250 → not required.
    const r = run([ag], { population: [group('US-TX', 200, ['person_name', 'us_ssn']), group('unknown', 100, ['person_name', 'us_ssn'])] });
    expect(r.unknownResidence).toBe(100);
    expect(r.uncovered).toEqual([]);
    expect(r.obligations[0].required).toBe('review');
    expect(r.obligations[0].questions.join(' ')).toMatch(/unknown residence/);
    expect(run([ag], { population: [group('US-TX', 200, ['person_name', 'us_ssn']), group('UNKNOWN', 40, ['person_name', 'us_ssn'])] }).obligations[0].required).toBe(false);
  });
  it('alone they make no jurisdiction relevant', () => {
    expect(run([ag], { population: [group('UNKNOWN', 1000, ['person_name', 'us_ssn'])] }).obligations).toEqual([]);
  });
});

describe('law of the day of discovery (issue 13 §5)', () => {
  const old = rule({ id: 'old', effectiveTo: '2023-08-31' });
  const now = rule({ id: 'new', effectiveFrom: '2023-09-01', supersedes: 'old' });
  const pop = [group('US-TX', 1, ['person_name', 'us_ssn'])];
  it('a breach discovered on the last day of a version is answered under it, in the rule zone', () => {
    // 2023-09-01T03:00Z is still 2023-08-31 in Chicago (CDT, UTC−5): the old version.
    const ids = run([old, now], { population: pop, discoveredAt: '2023-09-01T03:00:00Z', awareAt: '2023-09-01T03:00:00Z' }).obligations.map((o) => o.id);
    expect(ids).toEqual(['old']);
    const later = run([old, now], { population: pop, discoveredAt: '2023-09-01T06:00:00Z', awareAt: '2023-09-01T06:00:00Z' }).obligations.map((o) => o.id);
    expect(later).toEqual(['new']);
  });
});

describe('other mechanisms', () => {
  it('notIf exclusions (Singapore s 26B(4) style)', () => {
    const sg = rule({ id: 'sg', trigger: { ...rule({ id: 'x' }).trigger, notIf: [{ fact: 'onlyWithinOrganisation', why: 'within the organisation only' }] } });
    const pop = [group('US-TX', 1, ['person_name', 'us_ssn'])];
    expect(one([sg], { population: pop, breach: { onlyWithinOrganisation: true } })).toMatchObject({ required: false, why: expect.stringMatching(/within the organisation/) });
    expect(one([sg], { population: pop }).required).toBe(true);
  });
  it('notifiability assessment anchor: 3 days after the assessment, else from awareness with a note', () => {
    // Singapore-style: assessed 2026-03-05T02:00Z = 10:00 SGT on 5 March; + 3 days = 8 March 23:59:59 SGT = 15:59:59Z.
    const r = rule({ id: 'sga', jurisdiction: 'SG', scope: { kind: 'residents' }, clock: { anchor: 'notifiability_assessment', amount: 3, unit: 'calendar_days' }, trigger: { ...incident, subject: 'personal_data' } });
    const pop = [group('SG', 1, ['email'])];
    expect(one([r], { population: pop, notifiabilityAssessedAt: '2026-03-05T02:00:00Z' }).deadline).toBe('2026-03-08T15:59:59Z');
    expect(one([r], { population: pop }).relativeTo?.note).toMatch(/notifiabilityAssessedAt not given/);
  });
  it('an elements alternative with review: true answers review, a certain one wins', () => {
    const jp = rule({
      id: 'jp',
      riskGate: {
        kind: 'categories',
        alternatives: [
          { kind: 'elements', anyOf: ['bank_account'], review: true, why: 'may be data whose misuse causes property damage' },
          { kind: 'elements', anyOf: ['health'], why: 'special-care data' },
        ],
      },
      trigger: { ...incident, subject: 'personal_data' },
    });
    expect(one([jp], { population: [group('US-TX', 1, ['bank_account'])] }).required).toBe('review');
    expect(one([jp], { population: [group('US-TX', 1, ['bank_account', 'health'])] }).required).toBe(true);
    expect(one([jp], { population: [group('US-TX', 1, ['email'])] }).required).toBe(false);
  });
  it('no_duty answers not required with its note, and the jurisdiction counts as covered', () => {
    const none = rule({ id: 'none', riskGate: { kind: 'no_duty', note: 'no statute before 2018-06-01' }, trigger: { ...incident, subject: 'personal_data' } });
    const r = run([none], { population: [group('US-TX', 1, ['email'])] });
    expect(r.obligations[0]).toMatchObject({ required: false, why: expect.stringMatching(/no statute before/) });
    expect(r.uncovered).toEqual([]);
  });
  it('impossible date orders are reported as warnings in the output', () => {
    const r = run([rule({ id: 'w' })], { population: [group('US-TX', 1, ['email'])], awareAt: '2026-03-01T00:00:00Z' });
    expect(r.warnings[0]).toMatch(/awareAt: .* is before discoveredAt/);
  });
});
