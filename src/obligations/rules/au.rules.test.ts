import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const at = (iso: string) => ({ discoveredAt: iso, awareAt: iso });

describe('Australia (Privacy Act 1988 Part IIIC)', () => {
  const pop = [group('AU', 20, ['person_name', 'email'])];
  it('eligible data breach (serious harm) → OAIC statement (s 26WK) and individuals (s 26WL) as soon as practicable', () => {
    const r = run({ population: pop, risk: { significantHarm: true } });
    expect(pick(r, 'AU.ndb.oaic')).toMatchObject({ required: true, deadline: null, urgency: 'as_soon_as_practicable' });
    expect(pick(r, 'AU.ndb.individuals').required).toBe(true);
  });
  it('serious harm not likely → not notifiable; undecided → review', () => {
    expect(pick(run({ population: pop, risk: { significantHarm: false } }), 'AU.ndb.oaic').required).toBe(false);
    expect(pick(run({ population: pop }), 'AU.ndb.oaic').required).toBe('review');
  });
  it('Privacy Act s 6D: a small business operator that is not an APP entity owes none of the NDB duties', () => {
    const r = run({ population: pop, risk: { significantHarm: true }, controller: { auSmallBusinessOperator: true } });
    for (const id of ['AU.ndb.oaic', 'AU.ndb.individuals', 'AU.ndb.assessment']) {
      expect(pick(r, id).required, id).toBe(false);
      expect(pick(r, id).why, id).toMatch(/6D/);
    }
  });
  it('no encryption exception in Part IIIC (fixed): encryption is a s 26WG factor of the serious-harm decision, not a harbour', () => {
    expect(pick(run({ population: pop, risk: { significantHarm: true }, breach: { encrypted: true } }), 'AU.ndb.oaic').required).toBe(true);
  });
});

describe('s 26WH(2): the assessment of a suspected eligible data breach within 30 days', () => {
  const pop = [group('AU', 3, ['person_name', 'email'])];
  it('is an obligation with a deadline, owed whatever the outcome', () => {
    // Awareness 2026-03-02 15:00 UTC = 3 March 02:00 AEDT: day 0 is 3 March (Sydney), day 30 is 2 April, still AEDT (+11).
    const o = pick(run({ population: pop }), 'AU.ndb.assessment');
    expect(o).toMatchObject({ required: true, recipient: 'internal', deadline: '2026-04-02T12:59:59Z' });
  });
  it('time-zone and daylight-saving edge: the 30th day ends at midnight Sydney standard time after DST ended on 5 April', () => {
    // Awareness 2026-03-10 00:00 UTC = 10 March 11:00 AEDT → day 30 = 9 April, AEST (+10) → 13:59:59 UTC.
    const o = pick(run({ ...at('2026-03-10T00:00:00Z'), population: pop }), 'AU.ndb.assessment');
    expect(o.deadline).toBe('2026-04-09T13:59:59Z');
  });
});

describe('NDB scheme commencement 22 Feb 2018', () => {
  const pop = [group('AU', 3, ['person_name', 'email'])];
  it('21 Feb 2018: no duty yet — an answer, not a gap; 22 Feb 2018: the scheme applies', () => {
    const before = run({ ...at('2018-02-21T01:00:00Z'), population: pop, risk: { significantHarm: true } }, '2018-02-21T02:00:00Z');
    expect(pick(before, 'AU.pre-ndb.oaic').required).toBe(false);
    expect(before.uncovered).toEqual([]);
    const after = run({ ...at('2018-02-22T01:00:00Z'), population: pop, risk: { significantHarm: true } }, '2018-02-22T02:00:00Z');
    expect(pick(after, 'AU.ndb.oaic').required).toBe(true);
  });
});
