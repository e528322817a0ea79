import { describe, expect, it } from 'vitest';
import { group, makeFacts } from './golden.fixture.js';
import { bandOf, computeSeverity, dpcScore, severityScore, suggestedRiskOf } from './severity.js';

// ENISA 2013 worked checks — reference/breach-law.md §5.8.
describe('ENISA worked examples', () => {
  const facts = makeFacts({ population: [group('FR', 1000, ['person_name', 'phone'])] });
  const cb = (c: 0 | 0.25 | 0.5, i: 0 | 0.25 | 0.5, a: 0 | 0.25 | 0.5, malicious: boolean) => ({
    confidentiality: c,
    integrity: i,
    availability: a,
    malicious,
  });

  it('supermarket list exposed on the web: 1 × 1 + 0.5 = 1.5 → Low', () => {
    const s = computeSeverity(facts, { dpc: { category: 'simple', adjustments: [] }, ei: 1, cb: cb(0.5, 0, 0, false) });
    expect(s.score).toBe(1.5);
    expect(s.band).toBe('low');
    expect(s.suggestedGdprRisk).toBe('unlikely');
  });
  it('same list stolen and published: 1 × 1 + 0.5 + 0.5 = 2.0 → Medium (2 is not Low)', () => {
    const s = computeSeverity(facts, { dpc: { category: 'simple', adjustments: [] }, ei: 1, cb: cb(0.5, 0, 0, true) });
    expect(s.score).toBe(2);
    expect(s.band).toBe('medium');
    expect(s.suggestedGdprRisk).toBe('risk');
  });
  it('hospital ransomware with exfiltration: 4 × 1 + 0.5 + 0.25 + 0.5 = 5.25 → Very high', () => {
    const s = computeSeverity(facts, { dpc: { category: 'sensitive', adjustments: [] }, ei: 1, cb: cb(0.5, 0, 0.25, true) });
    expect(s.score).toBe(5.25);
    expect(s.band).toBe('very_high');
    expect(s.suggestedGdprRisk).toBe('high');
  });
  it('old invalid cards, pseudonymised, recovered: (3 − 2) × 0.5 + 0 = 0.5 → Low', () => {
    const s = computeSeverity(facts, {
      dpc: { category: 'financial', adjustments: [{ delta: -2, reason: 'very old, invalid cards' }] },
      ei: 0.5,
      cb: cb(0, 0, 0, false),
    });
    expect(s.dpc.score).toBe(1);
    expect(s.score).toBe(0.5);
    expect(s.band).toBe('low');
    expect(s.dpc.adjustments[0].reason).toBe('very old, invalid cards');
  });
  it('range ends: 0.25 and 6.0', () => {
    expect(severityScore(1, 0.25, 0)).toBe(0.25);
    expect(severityScore(4, 1, 0.5 * 3 + 0.5)).toBe(6);
    expect(bandOf(6)).toBe('very_high');
  });
});

describe('bands and DPC rules', () => {
  it('exact boundaries 2.0 / 3.0 / 4.0 belong to the higher band', () => {
    expect(bandOf(1.99)).toBe('low');
    expect(bandOf(2)).toBe('medium');
    expect(bandOf(2.99)).toBe('medium');
    expect(bandOf(3)).toBe('high');
    expect(bandOf(4)).toBe('very_high');
    expect(suggestedRiskOf('high')).toBe('high');
  });
  it('clamps DPC to 1–4', () => {
    expect(dpcScore('sensitive', [{ delta: -3 }])).toBe(1);
    expect(dpcScore('simple', [{ delta: 3 }])).toBe(4);
    expect(dpcScore('financial', [{ delta: 3 }])).toBe(4);
    expect(dpcScore('behavioural', [{ delta: -3 }])).toBe(1);
  });
  it('mixed data: the highest category wins (derived)', () => {
    const s = computeSeverity(makeFacts({ population: [group('DE', 10, ['person_name', 'payment_card']), group('DE', 5, ['health'])] }));
    expect(s.dpc.category).toBe('sensitive');
    expect(s.dpc.source).toBe('derived');
  });
  it('credentials alone score Simple unless the facts say what they unlock', () => {
    const f = makeFacts({ population: [group('DE', 10, ['username', 'password'])] });
    expect(computeSeverity(f).dpc.category).toBe('simple');
    expect(computeSeverity(f, { dpc: { category: 'financial', adjustments: [] } }).dpc.category).toBe('financial');
  });
  it('derives CB from the breach facts and records the reasons', () => {
    const s = computeSeverity(
      makeFacts({
        breach: { types: ['confidentiality', 'availability'], malicious: true, acquisition: true },
        population: [group('DE', 10, ['person_name'])],
      }),
    );
    expect(s.cb).toMatchObject({ confidentiality: 0.5, availability: 0.25, malicious: 0.5, total: 1.25, source: 'derived' });
    expect(s.cb.reason).toMatch(/M 0.5/);
    expect(s.ei.value).toBe(1);
    expect(s.score).toBe(2.25);
  });
  it('records the unintelligibility overlay and the human-confirmed level', () => {
    const s = computeSeverity(
      makeFacts({ breach: { encrypted: true }, risk: { gdpr: 'risk' }, population: [group('DE', 7, ['email'])] }),
    );
    expect(s.overlays).toEqual({ individuals: 7, unintelligible: true });
    expect(s.confirmedGdprRisk).toBe('risk');
    expect(s.ei.value).toBe(0.75);
  });
});
