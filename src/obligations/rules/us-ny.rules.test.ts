import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const ny = (n: number, elements = ['person_name', 'us_ssn']) => [group('US-NY', n, elements)];

describe('New York (GBL §899-aa)', () => {
  it('access suffices; 30 days after discovery since 2024-12-21, Eastern time', () => {
    const o = pick(run({ population: ny(10), breach: { acquisition: false } }), 'US-NY.individuals.2025');
    expect(o.required).toBe(true);
    expect(o.deadline).toBe('2026-04-02T03:59:59Z');
  });
  it('before 2024-12-21 there was no day count; on that day the 30-day version starts', () => {
    expect(pick(run({ population: ny(10) }, '2024-12-20T12:00:00Z'), 'US-NY.individuals.2019').deadline).toBeNull();
    expect(has(run({ population: ny(10) }, '2024-12-21T00:00:00Z'), 'US-NY.individuals.2024')).toBe(true);
  });
  it('DFS becomes a recipient on 2024-12-21, owed only by DFS covered entities (§899-aa(8)(a) as amended by the 2025 chapter amendment)', () => {
    expect(run({ population: ny(1) }, '2024-12-20T12:00:00Z').obligations.some((o) => o.id.startsWith('US-NY.regulator.dfs'))).toBe(false);
    expect(pick(run({ population: ny(1) }), 'US-NY.regulator.2025').authority?.name).not.toMatch(/Financial Services/);
    expect(pick(run({ population: ny(1) }), 'US-NY.regulator.dfs').required).toBe(false);
    expect(pick(run({ population: ny(1), controller: { nydfs: true } }), 'US-NY.regulator.dfs')).toMatchObject({
      required: true,
      authority: { name: 'New York Department of Financial Services' },
    });
  });
  it('medical information is private information only from 2025-03-21', () => {
    expect(pick(run({ population: ny(5, ['person_name', 'health']) }, '2025-03-20T12:00:00Z'), 'US-NY.individuals.2024').required).toBe(false);
    expect(pick(run({ population: ny(5, ['person_name', 'health']) }, '2025-03-21T12:00:00Z'), 'US-NY.individuals.2025').required).toBe(true);
  });
  it('any identifier, not only a name, combined with an SSN', () => {
    expect(pick(run({ population: ny(5, ['email', 'us_ssn']) }), 'US-NY.individuals.2025').required).toBe(true);
  });
  it('CRAs above 5,000 residents: 5,000 no, 5,001 yes', () => {
    expect(pick(run({ population: ny(5000) }), 'US-NY.credit_bureaus').required).toBe(false);
    expect(pick(run({ population: ny(5001) }), 'US-NY.credit_bureaus').required).toBe(true);
  });
  it('narrow no-harm exception (§899-aa(2)(a)): an inadvertent disclosure by an authorised person, written, to the AG within 10 days above 500', () => {
    const facts = { breach: { malicious: false, byAuthorisedPerson: true }, risk: { noHarmDetermination: true, noHarmDeterminedAt: '2026-03-02T15:00:00Z' } };
    const r = run({ population: ny(501), ...facts });
    expect(pick(r, 'US-NY.individuals.2025').required).toBe(false);
    const ag = pick(r, 'US-NY.regulator.no-harm');
    expect(ag.required).toBe(true);
    // 2026-03-02 + 10 = 2026-03-12, EDT.
    expect(ag.deadline).toBe('2026-03-13T03:59:59Z');
    expect(pick(run({ population: ny(500), ...facts }), 'US-NY.regulator.no-harm').required).toBe(false);
  });
  it('HIPAA covered entities copy the HHS notice to the AG within 5 business days', () => {
    const pop = ny(600, ['person_name', 'health']);
    const derived = pick(run({ population: pop, controller: { hipaa: 'covered_entity' } }), 'US-NY.regulator.hipaa-copy');
    // HHS due 2026-05-01 23:59:59 EDT (Fri) → Mon 4 … Fri 8 May.
    expect(derived).toMatchObject({ required: true, deadline: '2026-05-09T03:59:59Z' });
    const sent = pick(run({ population: pop, controller: { hipaa: 'covered_entity' }, hhsNoticeAt: '2026-03-10T15:00:00Z' }), 'US-NY.regulator.hipaa-copy');
    expect(sent.deadline).toBe('2026-03-18T03:59:59Z');
    expect(pick(run({ population: pop }), 'US-NY.regulator.hipaa-copy').required).toBe(false);
  });
});

describe('New York: an identifying number alone (outside review 2026-12-07)', () => {
  // §899-aa(1)(a): "any information concerning a natural person which, because of name, number,
  // personal mark, or other identifier, can be used to identify such natural person"; (1)(b)(i):
  // "personal information consisting of any information in combination with … (1) social security
  // number". Before: an SSN with no name beside it answered "not required" — the text does not say so.
  it('§899-aa(1)(a)–(b)(i): an SSN or licence number with no other identifier is review, not "not required"', () => {
    for (const el of ['us_ssn', 'drivers_license']) {
      const o = pick(run({ population: ny(50, [el]) }), 'US-NY.individuals.2025');
      expect(o.required, el).toBe('review');
      expect(o.questions.join(' ')).toMatch(/definition/);
    }
  });
  it('health data with no identifier stays not required (it does not identify anyone)', () => {
    expect(pick(run({ population: ny(50, ['health']) }), 'US-NY.individuals.2025').required).toBe(false);
  });
});
