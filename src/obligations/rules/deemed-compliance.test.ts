/**
 * Deemed compliance (rule `deemedCompliance`, engine/deemed.ts): a HIPAA covered entity with
 * residents of states with a clause (WA: deemed, AG still due; AZ: the law does not apply; OH: only
 * the CRA notice goes), a state checked without one (TX, GA), and a territory not read (GU). The state duty
 * is never dropped nor silently duplicated: `satisfiedBy` and `why` say which notice discharges it.
 */
import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

const PHI = ['person_name', 'us_ssn', 'health'];
const pop = [group('US-WA', 600, PHI), group('US-AZ', 1500, PHI), group('US-OH', 1500, PHI), group('US-TX', 300, PHI), group('US-GA', 20, PHI), group('US-GU', 20, PHI), group('US-IL', 600, PHI)];
const hipaaCe = { hipaa: 'covered_entity' as const };

describe('HIPAA covered entity across states with and without a deemed-compliance clause', () => {
  const r = run({ population: pop, controller: hipaaCe });

  it('the HIPAA notice to individuals is itself due (the clause rests on it)', () => {
    expect(pick(r, 'US.hipaa.individuals').required).toBe(true);
  });

  it('WA (RCW 19.255.010): the individuals duty is satisfied by the HIPAA notice; the AG notice (> 500) is not', () => {
    const ind = pick(r, 'US-WA.individuals.2020');
    expect(ind.required).toBe(true);
    expect(ind.satisfiedBy).toEqual([expect.objectContaining({ via: 'hipaa', effect: 'deemed', by: 'US.hipaa.individuals' })]);
    expect(ind.why).toMatch(/HIPAA notice .* is deemed to satisfy this duty/);
    const ag = pick(r, 'US-WA.regulator.2020');
    expect(ag.required).toBe(true);
    expect(ag.satisfiedBy).toBeUndefined();
  });

  it('AZ (A.R.S. §18-552): the law does not apply — individuals, AG and CRA duties each say so', () => {
    for (const id of ['US-AZ.individuals', 'US-AZ.regulator', 'US-AZ.credit_bureaus']) {
      const o = pick(r, id);
      expect(o.satisfiedBy?.[0]).toMatchObject({ via: 'hipaa', effect: 'exempt' });
      expect(o.why).toMatch(/does not apply to a HIPAA covered entity/);
    }
  });

  it('OH (§1349.19): only the CRA notice goes; the residents are still notified under Ohio law', () => {
    expect(pick(r, 'US-OH.credit_bureaus').satisfiedBy?.[0]).toMatchObject({ via: 'hipaa', effect: 'exempt' });
    const ind = pick(r, 'US-OH.individuals');
    expect(ind.satisfiedBy).toBeUndefined();
    expect(ind.why).toMatch(/no HIPAA deemed-compliance clause: its notice is due alongside the HIPAA notice/);
  });

  it('TX and GA (checked, no clause) and GU (not read) keep the state notice and say why', () => {
    for (const id of ['US-TX.individuals', 'US-GA.individuals']) {
      expect(pick(r, id).satisfiedBy).toBeUndefined();
      expect(pick(r, id).why).toMatch(/this law has no HIPAA deemed-compliance clause/);
    }
    const gu = pick(r, 'US-GU.individuals');
    expect(gu.satisfiedBy).toBeUndefined();
    expect(gu.why).toMatch(/no HIPAA deemed-compliance clause is encoded for this law \(text not read\)/);
  });

  it('IL (815 ILCS 530/50): the whole Act — individuals and the > 500 AG notice — is satisfied; the HHS copy to the AG stays', () => {
    for (const id of ['US-IL.individuals', 'US-IL.regulator']) expect(pick(r, id).satisfiedBy?.[0]).toMatchObject({ via: 'hipaa', condition: expect.stringMatching(/5 business days/) });
    expect(pick(r, 'US-IL.regulator.hipaa-copy').satisfiedBy).toBeUndefined();
  });

  it('residents whose exposed data is not PHI keep the state notice (the HIPAA notice does not reach them)', () => {
    const mixed = run({ population: [group('US-WA', 10, ['person_name', 'us_ssn']), group('US-WA', 5, PHI)], controller: hipaaCe });
    const ind = pick(mixed, 'US-WA.individuals.2020');
    expect(ind.satisfiedBy).toBeUndefined();
    expect(ind.why).toMatch(/10 resident\(s\) here had no health information exposed/);
  });

  it('when no HIPAA notice is due (a HIPAA low-probability finding NY does not accept), the clause does not discharge the NY duty', () => {
    const r2 = run({ population: [group('US-NY', 50, PHI)], controller: hipaaCe, risk: { noHarmDetermination: true, noHarmDeterminedAt: '2026-03-03T00:00:00Z' } });
    expect(pick(r2, 'US.hipaa.individuals').required).toBe(false);
    const ny = r2.obligations.find((o) => o.id.startsWith('US-NY.individuals'))!;
    expect(ny.required).toBe(true);
    expect(ny.satisfiedBy).toBeUndefined();
    expect(ny.why).toMatch(/does not discharge this duty: no HIPAA notice to individuals is due/);
  });

  it('an organisation that is not a HIPAA covered entity gets neither satisfiedBy nor a HIPAA note', () => {
    const plain = run({ population: pop });
    for (const id of ['US-WA.individuals.2020', 'US-GA.individuals', 'US-AZ.individuals']) {
      expect(pick(plain, id).satisfiedBy).toBeUndefined();
      expect(pick(plain, id).why).not.toMatch(/HIPAA/);
    }
  });
});

describe('the other shapes of clause', () => {
  const r = run({ population: [group('US-VT', 10, PHI), group('US-TN', 1500, PHI), group('US-WI', 1500, PHI), group('US-CO', 600, PHI), group('US-IA', 600, PHI)], controller: hipaaCe });

  it('VT (9 V.S.A. §2435): the HIPAA clause covers the Attorney General notice too', () => {
    for (const id of ['US-VT.individuals', 'US-VT.regulator']) expect(pick(r, id).satisfiedBy?.[0]).toMatchObject({ via: 'hipaa', effect: 'deemed' });
  });

  it('TN, WI and IA: the law does not apply to a HIPAA entity — individuals, AG and CRA duties', () => {
    for (const id of ['US-TN.individuals', 'US-TN.credit_bureaus', 'US-WI.individuals', 'US-WI.credit_bureaus', 'US-IA.individuals', 'US-IA.regulator']) expect(pick(r, id).satisfiedBy?.[0]).toMatchObject({ via: 'hipaa', effect: 'exempt' });
  });

  it('CO (§6-1-716(3)): the residents’ notice is satisfied; the AG notice (500 or more) is not', () => {
    expect(pick(r, 'US-CO.individuals').satisfiedBy?.[0]).toMatchObject({ via: 'hipaa' });
    expect(pick(r, 'US-CO.regulator').satisfiedBy).toBeUndefined();
  });

  it('MN: a GLBA financial institution is outside the law (individuals and CRA)', () => {
    const mn = run({ population: [group('US-MN', 600, ['person_name', 'us_ssn'])], controller: { bankingOrganization: true } });
    for (const id of ['US-MN.individuals', 'US-MN.credit_bureaus']) expect(pick(mn, id).satisfiedBy?.[0]).toMatchObject({ via: 'glba', effect: 'exempt' });
  });
});

describe('GLBA and own-policy clauses', () => {
  it('a bank in CT: the GLBA clause satisfies the individuals duty; the AG notice stays', () => {
    const r = run({ population: [group('US-CT', 50, ['person_name', 'us_ssn'])], controller: { bankingOrganization: true } });
    expect(pick(r, 'US-CT.individuals').satisfiedBy?.[0]).toMatchObject({ via: 'glba', effect: 'deemed', by: null });
    expect(pick(r, 'US-CT.regulator').satisfiedBy).toBeUndefined();
  });

  it('MI (MCL 445.72(8)): a GLBA institution owes no CRA notice; the residents\' notice is satisfied by the GLBA notice', () => {
    const r = run({ population: [group('US-MI', 1500, ['person_name', 'us_ssn'])], controller: { glbaFtc: true } });
    expect(pick(r, 'US-MI.credit_bureaus').satisfiedBy?.[0]).toMatchObject({ via: 'glba', effect: 'exempt' });
    expect(pick(r, 'US-MI.individuals').satisfiedBy?.[0]).toMatchObject({ via: 'glba', effect: 'deemed' });
  });

  it('TX own notification policy (controller.ownNotificationPolicy): individuals only', () => {
    const r = run({ population: [group('US-TX', 300, ['person_name', 'us_ssn'])], controller: { ownNotificationPolicy: true } });
    expect(pick(r, 'US-TX.individuals').satisfiedBy?.[0]).toMatchObject({ via: 'own_policy' });
    expect(pick(r, 'US-TX.regulator.2023').satisfiedBy).toBeUndefined();
    const without = run({ population: [group('US-TX', 300, ['person_name', 'us_ssn'])] });
    expect(pick(without, 'US-TX.individuals').satisfiedBy).toBeUndefined();
  });
});

describe('the CLI text output', () => {
  it('prints the satisfiedBy line under the duty it discharges', async () => {
    const { formatObligations } = await import('../obligations.cli.js');
    const text = formatObligations(run({ population: [group('US-WA', 600, PHI)], controller: hipaaCe }));
    expect(text).toMatch(/US-WA\.individuals\.2020[\s\S]*?satisfied by: hipaa \(US\.hipaa\.individuals\) — a HIPAA covered entity/);
  });

  it('names the other notices a clause makes its condition (CT: the Attorney General)', async () => {
    const { formatObligations } = await import('../obligations.cli.js');
    const text = formatObligations(run({ population: [group('US-CT', 50, PHI)], controller: hipaaCe }));
    expect(text).toMatch(/US-CT\.individuals[\s\S]*?satisfied by: hipaa \(US\.hipaa\.individuals\) — .* \[only once US-CT\.regulator is met too\]/);
  });
});
