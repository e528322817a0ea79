import { describe, expect, it } from 'vitest';
import { EEA_STATES } from '../jurisdictions.js';
import { loadRules } from '../rules-loader.js';
import { group, has, pick, run } from '../golden.fixture.js';

const pop = [group('FR', 800, ['person_name', 'email']), group('DE', 200, ['person_name', 'email'])];

describe('GDPR Art. 33 — supervisory authorities', () => {
  it('every EU/EEA state has an SA rule with an authority and a citation', () => {
    const rules = loadRules();
    for (const s of EEA_STATES) {
      const r = rules.find((x) => x.id === `${s}.gdpr.sa`);
      expect(r?.authority?.name, s).toBeTruthy();
      expect(r?.citation).toMatch(/Art\. 33/);
    }
    expect(EEA_STATES).toHaveLength(30);
  });
  it('EU-established controller: only the lead SA, counting everyone (one-stop-shop)', () => {
    const r = run({ population: pop, controller: { establishments: ['DE', 'FR'], mainEstablishment: 'FR' }, risk: { gdpr: 'risk' } });
    const fr = pick(r, 'FR.gdpr.sa');
    expect(fr).toMatchObject({ required: true, deadline: '2026-03-05T15:00:00Z' });
    expect(fr.count.individuals).toBe(1000);
    expect(pick(r, 'DE.gdpr.sa').required).toBe(false);
    expect(pick(r, 'DE.gdpr.sa').why).toMatch(/one-stop-shop/);
  });
  it('lead SA defaults to the first EEA establishment', () => {
    const r = run({ population: pop, controller: { establishments: ['US', 'IE'] }, risk: { gdpr: 'risk' } });
    expect(pick(r, 'IE.gdpr.sa').required).toBe(true);
    expect(pick(r, 'FR.gdpr.sa').required).toBe(false);
  });
  it('no EEA establishment: every SA where affected people live (EDPB 9/2022 ¶73)', () => {
    const r = run({ population: [...pop, group('NO', 3, ['email'])], controller: { establishments: ['US'] }, risk: { gdpr: 'high' } });
    for (const id of ['FR.gdpr.sa', 'DE.gdpr.sa', 'NO.gdpr.sa']) expect(pick(r, id).required).toBe(true);
    expect(pick(r, 'DE.gdpr.sa').count.individuals).toBe(200);
    expect(has(r, 'IT.gdpr.sa')).toBe(false);
  });
  it('unlikely to result in a risk: not notified, but recorded (Art. 33(5))', () => {
    const r = run({ population: pop, controller: { establishments: ['FR'] }, risk: { gdpr: 'unlikely' } });
    expect(pick(r, 'FR.gdpr.sa').required).toBe(false);
    expect(r.recordKeeping.some((k) => /33\(5\)/.test(k.duty))).toBe(true);
  });
  it('risk not yet confirmed: review, with the ENISA suggestion alongside', () => {
    const r = run({ population: pop, controller: { establishments: ['FR'] } });
    expect(pick(r, 'FR.gdpr.sa').required).toBe('review');
    expect(r.severity.suggestedGdprRisk).toBeDefined();
  });
  it('72 hours is exact even across the DST change', () => {
    const r = run({ population: pop, controller: { establishments: ['FR'] }, risk: { gdpr: 'risk' }, awareAt: '2026-03-27T10:00:00Z' });
    expect(pick(r, 'FR.gdpr.sa').deadline).toBe('2026-03-30T10:00:00Z');
  });
  it('processors notify the controller instead', () => {
    const r = run({ population: pop, controller: { establishments: ['FR'], role: 'processor' }, risk: { gdpr: 'high' } });
    expect(pick(r, 'EU.gdpr.processor').required).toBe(true);
    expect(pick(r, 'FR.gdpr.sa').required).toBe(false);
  });
  it('not in force before 25 May 2018', () => {
    expect(has(run({ population: pop, controller: { establishments: ['FR'] } }, '2018-05-24T12:00:00Z'), 'FR.gdpr.sa')).toBe(false);
  });
});

describe('GDPR Art. 34 — data subjects', () => {
  const base = { population: pop, controller: { establishments: ['FR'] } };
  it('only for high risk', () => {
    expect(pick(run({ ...base, risk: { gdpr: 'risk' } }), 'EU.gdpr.individuals').required).toBe(false);
    expect(pick(run({ ...base, risk: { gdpr: 'high' } }), 'EU.gdpr.individuals')).toMatchObject({ required: true, deadline: null, urgency: 'without_undue_delay' });
  });
  it('Art. 34(3) exemptions are explicit answers', () => {
    const a = pick(run({ ...base, risk: { gdpr: 'high', art34Exemptions: { a: true } } }), 'EU.gdpr.individuals');
    expect(a.required).toBe(false);
    expect(a.why).toMatch(/34\(3\)\(a\)/);
    expect(pick(run({ ...base, risk: { gdpr: 'high', art34Exemptions: { b: true } } }), 'EU.gdpr.individuals').why).toMatch(/34\(3\)\(b\)/);
    const c = pick(run({ ...base, risk: { gdpr: 'high', art34Exemptions: { c: true } } }), 'EU.gdpr.individuals');
    expect(c.required).toBe(true);
    expect(c.channels[0]).toMatch(/public communication/);
  });
  it('encrypted data with a safe key: not communicated; key compromised: communicated', () => {
    expect(pick(run({ ...base, risk: { gdpr: 'high' }, breach: { encrypted: true } }), 'EU.gdpr.individuals').required).toBe(false);
    expect(pick(run({ ...base, risk: { gdpr: 'high' }, breach: { encrypted: true, keyCompromised: true } }), 'EU.gdpr.individuals').required).toBe(true);
  });
  it('availability-only breaches are personal-data breaches too', () => {
    const r = run({ ...base, risk: { gdpr: 'risk' }, breach: { types: ['availability'], access: false, acquisition: false } });
    expect(pick(r, 'FR.gdpr.sa').required).toBe(true);
  });
});
