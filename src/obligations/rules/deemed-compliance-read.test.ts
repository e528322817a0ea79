/**
 * The deemed-compliance clauses read 2026-12-08 (us-deemed-compliance.ts): one case per encoded
 * HIPAA clause — which duties it reaches, and the boundary where it does not (a HIPAA covered
 * entity, but some residents had no health information exposed: the HIPAA notice does not reach
 * them, so the state duty stays). California's §1798.82(e) reaches the notice's content only: the
 * duty stays with its own clock and the AG sample copy. States checked without a HIPAA clause say
 * so (with why, where a regulator clause might be argued), and GU / VI (not read) say that.
 */
import { describe, expect, it } from 'vitest';
import type { ObligationsResult } from '../obligations.schema.js';
import { group, run } from '../golden.fixture.js';

const PHI = ['person_name', 'us_ssn', 'health'];
const NO_PHI = ['person_name', 'us_ssn'];
const hipaaCe = { hipaa: 'covered_entity' as const };

/** The duty of `jurisdiction` towards `recipient` in force (one per recipient in these cases). */
const duty = (r: ObligationsResult, jurisdiction: string, recipient: string) => {
  const o = r.obligations.find((x) => x.jurisdiction === jurisdiction && x.recipient === recipient && x.required !== false && !x.id.endsWith('.no-harm'));
  if (!o) throw new Error(`no required ${recipient} duty for ${jurisdiction}: ${r.obligations.filter((x) => x.jurisdiction === jurisdiction).map((x) => `${x.id}=${x.required}`).join(', ')}`);
  return o;
};

// State, effect, the duties the clause reaches, and the required duties it leaves (1,500 residents pass every figure).
const HIPAA_CLAUSES: [string, 'deemed' | 'exempt', string[], string[], RegExp][] = [
  ['US-AR', 'deemed', ['individuals', 'regulator'], [], /4-110-106/],
  ['US-CA', 'deemed', ['individuals'], ['regulator'], /1798\.82\(e\)/],
  ['US-DC', 'deemed', ['individuals'], ['regulator', 'credit_bureaus'], /28-3852\(g\)/],
  ['US-HI', 'deemed', ['individuals', 'regulator', 'credit_bureaus'], [], /487N/],
  ['US-KY', 'exempt', ['individuals', 'credit_bureaus'], [], /365\.732/],
  ['US-ND', 'deemed', ['individuals', 'regulator'], [], /51-30/],
  ['US-RI', 'deemed', ['individuals', 'regulator', 'credit_bureaus'], [], /11-49\.3/],
  ['US-SD', 'deemed', ['individuals', 'regulator', 'credit_bureaus'], [], /22-40/],
];

describe('HIPAA clauses read 2026-12-08: a HIPAA covered entity whose residents all had health information exposed', () => {
  for (const [j, effect, reached, left, cite] of HIPAA_CLAUSES) {
    it(`${j}: ${effect} for ${reached.join(', ')}${left.length ? `; ${left.join(', ')} still due` : ''}`, () => {
      const r = run({ population: [group(j, 1500, PHI)], controller: hipaaCe });
      for (const recipient of reached) {
        const o = duty(r, j, recipient);
        expect(o.required, `${o.id} keeps the law's answer`).toBe(true);
        expect(o.satisfiedBy, o.id).toEqual([expect.objectContaining({ via: 'hipaa', effect, by: 'US.hipaa.individuals', basis: expect.stringMatching(cite) })]);
      }
      for (const recipient of left) expect(duty(r, j, recipient).satisfiedBy, `${j} ${recipient}`).toBeUndefined();
    });

    it(`${j} boundary: ten residents without health information exposed — the HIPAA notice does not reach them, the state duty stays`, () => {
      const r = run({ population: [group(j, 10, NO_PHI), group(j, 1500, PHI)], controller: hipaaCe });
      const o = duty(r, j, 'individuals');
      expect(o.satisfiedBy).toBeUndefined();
      expect(o.why).toMatch(/10 resident\(s\) here had no health information exposed/);
    });
  }

  it('CA §1798.82(e): the content of the HIPAA notice counts for subdivision (d); the 30-day clock (SB 446) and the AG sample copy stay', () => {
    const r = run({ population: [group('US-CA', 1500, PHI)], controller: hipaaCe });
    const ind = duty(r, 'US-CA', 'individuals');
    expect(ind.id).toBe('US-CA.individuals.2026');
    expect(ind.deadline).not.toBeNull();
    expect(ind.satisfiedBy?.[0]?.condition).toMatch(/notice requirements of §1798\.82\(d\) \(content and form\) only: the notice must still reach the California residents within California’s own time/);
    expect(duty(r, 'US-CA', 'regulator').satisfiedBy).toBeUndefined();
  });

  it('an organisation that is not HIPAA-covered gets no HIPAA clause in these states', () => {
    const r = run({ population: HIPAA_CLAUSES.map(([j]) => group(j, 1500, PHI)) });
    for (const [j] of HIPAA_CLAUSES) expect(duty(r, j, 'individuals').satisfiedBy, j).toBeUndefined();
  });
});

describe('states read without a HIPAA clause, and the two not read', () => {
  const checked = ['US-ID', 'US-KS', 'US-LA', 'US-ME', 'US-MO', 'US-MT', 'US-NE', 'US-NV', 'US-PR', 'US-WV'];
  const r = run({ population: [...checked, 'US-GU', 'US-VI'].map((j) => group(j, 1500, PHI)), controller: hipaaCe });

  it('ID, KS, LA, ME, MO, MT, NE, NV, PR, WV: the state notice is due alongside the HIPAA notice, and says so', () => {
    for (const j of checked) {
      const o = duty(r, j, 'individuals');
      expect(o.satisfiedBy, j).toBeUndefined();
      expect(o.why, j).toMatch(/this law has no HIPAA deemed-compliance clause: its notice is due alongside the HIPAA notice/);
    }
    // Where a regulator clause might be argued to reach HIPAA, the answer names the question for counsel.
    for (const j of ['US-KS', 'US-MO', 'US-NE', 'US-WV', 'US-ME']) expect(duty(r, j, 'individuals').why, j).toMatch(/counsel/);
  });

  it('GU and VI (no text found): not read, said explicitly', () => {
    for (const j of ['US-GU', 'US-VI']) expect(duty(r, j, 'individuals').why, j).toMatch(/no HIPAA deemed-compliance clause is encoded for this law \(text not read\)/);
  });
});

// GLBA, federal-regulator and own-policy clauses read 2026-12-08: the duties each reaches (the others of the state keep none of that kind).
const GLBA = { glbaFtc: true };
const BANK = { bankingOrganization: true };
const OWN = { ownNotificationPolicy: true };
const OTHER_CLAUSES: [string, 'glba' | 'federal_regulator' | 'own_policy', Record<string, boolean>, string[]][] = [
  ['US-AR', 'glba', GLBA, ['individuals', 'regulator']],
  ['US-AR', 'own_policy', OWN, ['individuals']],
  ['US-CA', 'own_policy', OWN, ['individuals']],
  ['US-DC', 'glba', GLBA, ['individuals']],
  ['US-HI', 'glba', GLBA, ['individuals', 'regulator', 'credit_bureaus']],
  ['US-ID', 'own_policy', OWN, ['individuals']],
  ['US-KS', 'federal_regulator', BANK, ['individuals']],
  ['US-KS', 'own_policy', OWN, ['individuals']],
  ['US-KY', 'glba', GLBA, ['individuals', 'credit_bureaus']],
  ['US-LA', 'glba', GLBA, ['individuals', 'regulator']],
  ['US-ME', 'federal_regulator', BANK, ['individuals']],
  ['US-MO', 'glba', GLBA, ['individuals', 'regulator', 'credit_bureaus']],
  ['US-MO', 'federal_regulator', BANK, ['individuals']],
  ['US-MT', 'own_policy', OWN, ['individuals']],
  ['US-NE', 'federal_regulator', BANK, ['individuals']],
  ['US-NV', 'glba', GLBA, ['individuals']],
  ['US-ND', 'glba', GLBA, ['individuals', 'regulator']],
  ['US-PR', 'own_policy', OWN, ['individuals']],
  ['US-RI', 'glba', GLBA, ['individuals', 'regulator', 'credit_bureaus']],
  ['US-RI', 'federal_regulator', BANK, ['individuals']],
  ['US-SD', 'glba', GLBA, ['individuals', 'regulator', 'credit_bureaus']],
  ['US-WV', 'glba', GLBA, ['individuals']],
  ['US-WV', 'federal_regulator', BANK, ['individuals']],
];

describe('GLBA, federal-regulator and own-policy clauses read 2026-12-08', () => {
  for (const [j, via, controller, reached] of OTHER_CLAUSES)
    it(`${j} ${via}: ${reached.join(', ')}`, () => {
      const r = run({ population: [group(j, 1500, NO_PHI)], controller });
      const required = r.obligations.filter((o) => o.jurisdiction === j && o.required === true && !o.id.endsWith('.no-harm'));
      for (const o of required) {
        const has = (o.satisfiedBy ?? []).some((c) => c.via === via);
        expect(has, `${o.id} (${o.recipient})`).toBe(reached.includes(o.recipient));
      }
      for (const recipient of reached) expect(required.some((o) => o.recipient === recipient), `${j} ${recipient} is required`).toBe(true);
    });
});

describe('other clauses read 2026-12-08', () => {
  it('NE: the regulator clause holds only if the Attorney General is notified too (alsoMet names US-NE.regulator)', () => {
    const r = run({ population: [group('US-NE', 50, NO_PHI)], controller: { bankingOrganization: true } });
    expect(duty(r, 'US-NE', 'individuals').satisfiedBy).toEqual([expect.objectContaining({ via: 'federal_regulator', effect: 'deemed', by: null, alsoMet: ['US-NE.regulator'] })]);
  });

  it('MO: a GLBA institution is deemed in compliance with the whole section (individuals, AG, CRA)', () => {
    const r = run({ population: [group('US-MO', 1500, NO_PHI)], controller: { glbaFtc: true } });
    for (const recipient of ['individuals', 'regulator', 'credit_bureaus']) expect(duty(r, 'US-MO', recipient).satisfiedBy?.[0], recipient).toMatchObject({ via: 'glba', effect: 'deemed' });
  });

  it('KY: a GLBA entity is outside KRS 365.732; own-policy notice elsewhere (MT) reaches the residents’ notice only', () => {
    const ky = run({ population: [group('US-KY', 1500, NO_PHI)], controller: { glbaFtc: true } });
    expect(duty(ky, 'US-KY', 'individuals').satisfiedBy?.[0]).toMatchObject({ via: 'glba', effect: 'exempt' });
    const mt = run({ population: [group('US-MT', 50, NO_PHI)], controller: { ownNotificationPolicy: true } });
    expect(duty(mt, 'US-MT', 'individuals').satisfiedBy?.[0]).toMatchObject({ via: 'own_policy', effect: 'deemed' });
    expect(duty(mt, 'US-MT', 'regulator').satisfiedBy).toBeUndefined();
  });
});
