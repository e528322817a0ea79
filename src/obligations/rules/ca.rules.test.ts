import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const at = (iso: string) => ({ discoveredAt: iso, awareAt: iso });

describe('Canada (PIPEDA, Québec, Alberta)', () => {
  const pop = [group('CA-ON', 10, ['person_name', 'email']), group('CA-QC', 5, ['person_name', 'email'])];
  it('RROSH undecided → review; decided → OPC and individuals as soon as feasible after the determination, counting every province', () => {
    expect(pick(run({ population: pop }), 'CA.pipeda.opc').required).toBe('review');
    const r = run({ population: pop, risk: { significantHarm: true } });
    expect(pick(r, 'CA.pipeda.opc')).toMatchObject({ required: true, deadline: null, urgency: 'as_soon_as_feasible' });
    expect(pick(r, 'CA.pipeda.opc').count.individuals).toBe(15);
    expect(pick(r, 'CA.pipeda.individuals').required).toBe(true);
    expect(r.recordKeeping.some((k) => /24 months/.test(k.duty))).toBe(true);
  });
  it('no RROSH → not required', () => {
    expect(pick(run({ population: pop, risk: { significantHarm: false } }), 'CA.pipeda.opc').required).toBe(false);
  });
  it('Québec residents add the CAI; a California resident is not Canadian', () => {
    expect(pick(run({ population: pop, risk: { significantHarm: true } }), 'CA-QC.law25.cai').count.individuals).toBe(5);
    expect(has(run({ population: [group('US-CA', 5, ['email'])] }), 'CA.pipeda.opc')).toBe(false);
  });
});

describe('PIPEDA s 10.1 in force 1 Nov 2018', () => {
  const on = [group('CA-ON', 3, ['person_name', 'email'])];
  it('31 Oct 2018: no federal duty yet (reporting was voluntary) — not required, and not a gap', () => {
    const r = run({ ...at('2018-10-31T15:00:00Z'), population: on, risk: { significantHarm: true } }, '2018-10-31T16:00:00Z');
    expect(pick(r, 'CA.pre-pipeda.opc').required).toBe(false);
    expect(pick(r, 'CA.pre-pipeda.opc').why).toMatch(/voluntary/);
    expect(r.uncovered).toEqual([]);
  });
  it('1 Nov 2018: report to the OPC with RROSH', () => {
    const r = run({ ...at('2018-11-01T15:00:00Z'), population: on, risk: { significantHarm: true } }, '2018-11-01T16:00:00Z');
    expect(pick(r, 'CA.pipeda.opc').required).toBe(true);
  });
  it('encryption is no exception in PIPEDA: an encrypted laptop with RROSH is still reported', () => {
    expect(pick(run({ population: on, risk: { significantHarm: true }, breach: { encrypted: true } }), 'CA.pipeda.opc').required).toBe(true);
  });
});

describe('Québec private-sector Act s 3.5 (Law 25) from 22 Sep 2022', () => {
  const qc = [group('CA-QC', 4, ['person_name', 'health'])];
  it('21 Sep 2022 no duty; 22 Sep 2022 the CAI promptly on a risk of serious injury', () => {
    expect(pick(run({ ...at('2022-09-21T12:00:00Z'), population: qc, risk: { significantHarm: true } }, '2022-09-21T13:00:00Z'), 'CA-QC.pre-law25.cai').required).toBe(false);
    const r = run({ ...at('2022-09-22T12:00:00Z'), population: qc, risk: { significantHarm: true } }, '2022-09-22T13:00:00Z');
    expect(pick(r, 'CA-QC.law25.cai')).toMatchObject({ required: true, urgency: 'promptly', deadline: null });
  });
  it('s 3.5 has no encryption exception (fixed): encrypted data with a risk of serious injury is notified', () => {
    const r = run({ population: qc, risk: { significantHarm: true }, breach: { encrypted: true } });
    expect(pick(r, 'CA-QC.law25.cai').required).toBe(true);
    expect(pick(r, 'CA-QC.law25.individuals').required).toBe(true);
    expect(r.recordKeeping.some((k) => /s 3\.8/.test(k.duty))).toBe(true);
  });
});

describe('Alberta PIPA s 34.1 (in force since 2010)', () => {
  const ab = [group('CA-AB', 2, ['person_name', 'bank_account'])];
  it('the Commissioner without unreasonable delay on a real risk of significant harm — already in force on 1 Jan 2018', () => {
    const r = run({ ...at('2018-01-01T12:00:00Z'), population: ab, risk: { significantHarm: true } }, '2018-01-01T13:00:00Z');
    expect(pick(r, 'CA-AB.pipa.commissioner')).toMatchObject({ required: true, urgency: 'without_unreasonable_delay', deadline: null });
    expect(pick(run({ population: ab, risk: { significantHarm: false } }), 'CA-AB.pipa.commissioner').required).toBe(false);
  });
});
