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

  it('a state whose text was not read stays on consent and says so', () => {
    const az = byId('US-AZ.individuals').electronicNotice!;
    expect(az.allowed).toBe('consent');
    expect(az.basis).toMatch(/not read/);
  });

  it('reaches the obligations answer, so counsel sees how the notice may be sent (obligations-json.md)', () => {
    const r = run({ population: [group('US-CA', 10, ['person_name', 'us_ssn'])] }, '2026-06-01T00:00:00Z');
    expect(pick(r, 'US-CA.individuals.2026').electronicNotice).toMatchObject({ allowed: 'consent', basis: expect.stringMatching(/1798\.82/) });
    expect(pick(r, 'US-CA.regulator.2026').electronicNotice).toBeUndefined();
  });
});
