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

describe('GDPR application dates and the one-stop-shop by period', () => {
  const at = (day: string) => ({ discoveredAt: `${day}T10:00:00Z`, awareAt: `${day}T10:00:00Z` });
  it('GDPR Art. 99(2): 24 May 2018 answers review (national law under Directive 95/46/EC), 25 May 2018 the 72-hour Art. 33 duty', () => {
    const before = run({ ...at('2018-05-24'), population: pop, controller: { establishments: ['FR'] }, risk: { gdpr: 'risk' } }, '2018-05-24T12:00:00Z');
    expect(pick(before, 'FR.pre-gdpr.sa')).toMatchObject({ required: 'review', deadline: null });
    expect(pick(before, 'FR.pre-gdpr.sa').why).toMatch(/Directive 95\/46\/EC/);
    expect(before.uncovered).toEqual([]);
    const after = run({ ...at('2018-05-25'), population: pop, controller: { establishments: ['FR'] }, risk: { gdpr: 'risk' } }, '2018-05-25T12:00:00Z');
    // Awareness 2018-05-25 10:00 UTC + 72 h.
    expect(pick(after, 'FR.gdpr.sa.2018-05-25')).toMatchObject({ required: true, deadline: '2018-05-28T10:00:00Z' });
    expect(has(after, 'FR.pre-gdpr.sa')).toBe(false);
  });
  it('EEA Joint Committee Decision 154/2018: Norway is under the GDPR from 20 July 2018, not on 19 July', () => {
    const no = [group('NO', 5, ['person_name', 'email'])];
    expect(pick(run({ ...at('2018-07-19'), population: no, risk: { gdpr: 'risk' } }, '2018-07-19T12:00:00Z'), 'NO.pre-gdpr.sa').required).toBe('review');
    const r = run({ ...at('2018-07-20'), population: no, risk: { gdpr: 'risk' } }, '2018-07-20T12:00:00Z');
    expect(pick(r, 'NO.gdpr.sa.2018-07-20')).toMatchObject({ required: true, deadline: '2018-07-23T10:00:00Z' });
  });
  it('a UK-established controller: lead SA the ICO until 31 Dec 2020 (one-stop-shop); from 1 Jan 2021 every EU SA where people live (EDPB 9/2022 ¶73)', () => {
    const people = [group('FR', 30, ['person_name', 'email']), group('GB', 10, ['person_name', 'email'])];
    const gbMain = { establishments: ['GB'], mainEstablishment: 'GB' };
    const dec = run({ ...at('2020-12-31'), population: people, controller: gbMain, risk: { gdpr: 'risk' } }, '2020-12-31T12:00:00Z');
    expect(pick(dec, 'FR.gdpr.sa.2018-07-20').required).toBe(false);
    expect(pick(dec, 'FR.gdpr.sa.2018-07-20').why).toMatch(/one-stop-shop.*GB/);
    expect(pick(dec, 'GB.gdpr.ico.2018-07-20')).toMatchObject({ required: true });
    expect(pick(dec, 'GB.gdpr.ico.2018-07-20').count.individuals).toBe(40);
    const jan = run({ ...at('2021-01-01'), population: people, controller: gbMain, risk: { gdpr: 'risk' } }, '2021-01-01T12:00:00Z');
    expect(pick(jan, 'FR.gdpr.sa')).toMatchObject({ required: true });
    expect(pick(jan, 'FR.gdpr.sa').count.individuals).toBe(30);
    expect(pick(jan, 'GB.uk-gdpr.ico').count.individuals).toBe(40);
  });
  it('every EEA state: the day before the GDPR applies there answers review, the day it applies the 72-hour Art. 33 duty (Art. 99(2); JCD 154/2018 for IS, LI, NO)', () => {
    for (const s of EEA_STATES) {
      const efta = ['IS', 'LI', 'NO'].includes(s);
      const [before, first, id] = efta ? ['2018-07-19', '2018-07-20', `${s}.gdpr.sa.2018-07-20`] : ['2018-05-24', '2018-05-25', `${s}.gdpr.sa.2018-05-25`];
      const people = [group(s, 4, ['person_name', 'email'])];
      expect(pick(run({ ...at(before), population: people, risk: { gdpr: 'risk' } }, `${before}T12:00:00Z`), `${s}.pre-gdpr.sa`).required, s).toBe('review');
      expect(pick(run({ ...at(first), population: people, risk: { gdpr: 'risk' } }, `${first}T12:00:00Z`), id), s).toMatchObject({ required: true, deadline: `${first.slice(0, 8)}${String(Number(first.slice(8)) + 3).padStart(2, '0')}T10:00:00Z` });
    }
  });
  it('Art. 34 and 33(2) follow the same periods: a UK resident is a GDPR data subject on 31 Dec 2020, not on 1 Jan 2021', () => {
    const gb = [group('GB', 3, ['person_name', 'email'])];
    expect(pick(run({ ...at('2020-12-31'), population: gb, risk: { gdpr: 'high' } }, '2020-12-31T12:00:00Z'), 'EU.gdpr.individuals.2018-07-20').required).toBe(true);
    expect(has(run({ ...at('2021-01-01'), population: gb, risk: { gdpr: 'high' } }, '2021-01-01T12:00:00Z'), 'EU.gdpr.individuals')).toBe(false);
    expect(pick(run({ ...at('2020-12-31'), population: gb, controller: { role: 'processor' } }, '2020-12-31T12:00:00Z'), 'EU.gdpr.processor.2018-07-20').required).toBe(true);
    expect(has(run({ ...at('2021-01-01'), population: gb, controller: { role: 'processor' } }, '2021-01-01T12:00:00Z'), 'EU.gdpr.processor')).toBe(false);
  });
  it('every SA rule names its authority, a form or the EDPB page linking it, and the GDPR source', () => {
    for (const s of EEA_STATES) {
      const r = loadRules().find((x) => x.id === `${s}.gdpr.sa`);
      expect(r?.authority?.portal, s).toMatch(/^https:\/\//);
      expect(r?.source?.url).toBe('https://eur-lex.europa.eu/eli/reg/2016/679/oj');
    }
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
