/**
 * Every individuals rule says when e-mail is notice (rule.schema.ts `electronicNotice`), and the
 * answers follow the texts read: E-SIGN consent for HIPAA and California, a primary means of
 * communication also for Colorado and South Dakota, any address on record for Indiana, none
 * for GDPR (Art. 34 prescribes no form).
 */
import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';
import { loadRules } from '../rules-loader.js';

const rules = loadRules();
const byId = (id: string) => rules.find((r) => r.id === id)!;

describe('electronicNotice on individuals rules', () => {
  it('every individuals rule (every version) has it, with the provision it rests on', () => {
    const missing = rules.filter((r) => r.recipient === 'individuals' && !r.electronicNotice && r.riskGate.kind !== 'no_duty').map((r) => r.id);
    expect(missing).toEqual([]);
    for (const r of rules.filter((x) => x.electronicNotice)) expect(r.electronicNotice!.basis.length).toBeGreaterThan(20);
  });

  it.each([
    ['US.hipaa.individuals', 'consent', /164\.404\(d\)\(1\)/],
    ['US-CA.individuals.2026', 'consent', /1798\.82\(j\)/],
    ['US-NY.individuals.2025', 'consent', /899-aa\(5\)/],
    ['US-CO.individuals', 'consent_or_primary', /6-1-716/],
    ['US-SD.individuals', 'consent_or_primary', /22-40-22/],
    ['US-IN.individuals', 'any', /24-4\.9-3-4/],
    ['US-VA.individuals', 'any', /18\.2-186\.6\(A\).*3\. Electronic notice/],
    ['EU.gdpr.individuals', 'any', /Art\. 34/],
    ['GB.uk-gdpr.individuals', 'any', /Art\. 34/],
  ])('%s: %s (%s)', (id, allowed, cite) => {
    expect(byId(id).electronicNotice?.allowed).toBe(allowed);
    expect(byId(id).electronicNotice?.basis).toMatch(cite);
  });

  it('every state built from us-common has its own entry (none falls back to the generic default)', () => {
    const generic = rules.filter((r) => r.electronicNotice && /^the [A-Z]{2} breach statute:/.test(r.electronicNotice.basis)).map((r) => r.id);
    expect(generic).toEqual([]);
  });

  it('a state whose text was not read stays on consent and says so (AL: only summaries say e-mail)', () => {
    const al = byId('US-AL.individuals').electronicNotice!;
    expect(al.allowed).toBe('consent');
    expect(al.basis).toMatch(/not read/);
  });

  // One boundary per distinct wording, each resting on the statute's words (us-electronic-notice.ts).
  it.each([
    // "e-mail notice to the address in the records" / unconditioned "electronic (mail) notice"
    ['US-FL.individuals', 'any', /501\.171\(4\)\(d\)2.*e-mail address of the individual in the records/],
    ['US-AZ.individuals', 'any', /18-552\(F\)\(2\).*has e-mail addresses/],
    ['US-WY.individuals', 'any', /40-12-502.*electronic mail notice/],
    ['US-OK.individuals', 'any', /24 O\.S\..*no condition/],
    // "primary method (means) of communication … or consistent with E-SIGN"
    ['US-AK.individuals', 'consent_or_primary', /45\.48\.030\(2\).*primary method of communication/],
    ['US-MS.individuals', 'consent_or_primary', /75-24-29.*primary means of communication/],
    ['US-UT.individuals', 'consent_or_primary', /13-44-202.*primary method of communication/],
    ['US-SC.individuals', 'consent_or_primary', /39-1-90.*primary method of communication/],
    ['US-NM.individuals', 'consent_or_primary', /57-12C-7.*primarily communicates/],
    ['US-MN.individuals', 'consent_or_primary', /325E\.61.*primary method/],
    // "customary method of communication"
    ['US-IA.individuals', 'consent_or_primary', /715C\.2.*customary method/],
    ['US-OR.individuals', 'consent_or_primary', /646A\.604.*customary method/],
    // "expressly consented … or business conducted primarily through the Internet"
    // Maryland since HB 962 (2022): express consent only (the 2016 text also allowed Internet businesses)
    ['US-MD.individuals', 'consent', /14-3504\(e\)\(2\).*HB 962.*expressly consented/],
    ['US-MI.individuals', 'consent_or_primary', /445\.72.*primarily on the internet/],
    ['US-PA.individuals', 'consent_or_primary', /2302.*prior business relationship/],
    // primary means only, no consent route
    ['US-OH.individuals', 'primary', /1349\.19\(E\)\(3\).*no E-SIGN consent route/],
    ['US-NH.individuals', 'primary', /359-C:20.*no consent route/],
    ['US-WI.individuals', 'primary', /134\.98.*previously employed/],
    // consent (E-SIGN or "agreed to receive communications electronically")
    ['US-VT.individuals', 'consent', /2435.*needs consent/],
    ['US-MO.individuals', 'consent', /407\.1500.*agreed to receive/],
    ['US-NC.individuals', 'consent', /75-65.*agreed to receive/],
  ])('%s: %s (%s)', (id, allowed, cite) => {
    expect(byId(id).electronicNotice?.allowed).toBe(allowed);
    expect(byId(id).electronicNotice?.basis).toMatch(cite);
  });

  it('a version keeps its own text: Arizona before HB 2154, Maryland before HB 962 (primary means or consent)', () => {
    expect(byId('US-AZ.individuals.2006').electronicNotice).toMatchObject({ allowed: 'consent_or_primary', basis: expect.stringMatching(/18-545/) });
    expect(byId('US-MD.individuals.2018').electronicNotice).toMatchObject({ allowed: 'consent_or_primary', basis: expect.stringMatching(/before HB 962/) });
    expect(byId('US-MD.individuals.2018').substitute).toMatchObject({ costOver: 100_000, countOver: 175_000 });
  });

  it('reaches the obligations answer, so counsel sees how the notice may be sent (obligations-json.md)', () => {
    const r = run({ population: [group('US-CA', 10, ['person_name', 'us_ssn'])] }, '2026-06-01T00:00:00Z');
    expect(pick(r, 'US-CA.individuals.2026').electronicNotice).toMatchObject({ allowed: 'consent', basis: expect.stringMatching(/1798\.82/) });
    expect(pick(r, 'US-CA.regulator.2026').electronicNotice).toBeUndefined();
  });
});
