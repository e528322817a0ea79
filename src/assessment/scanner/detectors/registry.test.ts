import { describe, expect, it } from 'vitest';
import { ELEMENT_IDS, SECRET_TYPES } from '../types.js';
import { DETECTORS, detectorFor } from './registry.js';

describe('detector registry', () => {
  it('has exactly one detector per element id and secret type', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...ELEMENT_IDS, ...SECRET_TYPES].sort());
  });

  it('marks secrets and elements with the right kind', () => {
    for (const t of SECRET_TYPES) expect(detectorFor(t).kind).toBe('secret');
    for (const e of ELEMENT_IDS) expect(detectorFor(e).kind).toBe('element');
  });

  it('gives every detector ok and ng fixtures and keywords in lower case', () => {
    for (const d of DETECTORS) {
      expect(d.fixtures.ok.length, d.id).toBeGreaterThan(0);
      expect(d.fixtures.ng.length, d.id).toBeGreaterThan(0);
      for (const k of d.keywords ?? []) expect(k, d.id).toBe(k.toLowerCase());
    }
  });
});

// secretlint style: one generic test over every detector's fixtures.
describe.each(DETECTORS.map((d) => [d.id, d] as const))('fixtures of %s', (id, d) => {
  it.each(d.fixtures.ok)('accepts %s', (v) => {
    const f = d.validate(v);
    expect(f).not.toBeNull();
    expect('element' in f! ? f.element : f!.type).toBe(id);
  });
  it.each(d.fixtures.ng)('rejects %s', (v) => {
    expect(d.validate(v)).toBeNull();
  });
});
