/**
 * Substitute notice per state (rule `substitute`, us-substitute-notice.ts): the grounds are "exceeds"
 * figures — strictly greater — so exactly the figure does not open it by count; the components
 * follow the statute (Arizona: a letter to the AG and a 45-day website posting, no media).
 */
import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';
import { loadRules } from '../rules-loader.js';

const SSN = ['person_name', 'us_ssn'];
const sub = (code: string, n: number) => pick(run({ population: [group(`US-${code}`, n, SSN)] }), `US-${code}.individuals`).substitute;

describe('substitute notice', () => {
  it.each([
    ['OR', 350_000, 250_000],
    ['MS', 5_000, 5_000],
    ['KS', 5_000, 100_000],
    ['ME', 1_000, 5_000],
  ])('%s: exactly %d persons does not open it by count; one more does (cost figure $%d)', (code, count, cost) => {
    expect(sub(code, count)).toMatchObject({ countOver: count, costOver: cost, availableByCount: false });
    expect(sub(code, count + 1)?.availableByCount).toBe(true);
  });

  it('AZ since HB 2154: a letter to the AG and 45 days on the website; before it, e-mail, website and media', () => {
    expect(sub('AZ', 10)?.components.join(' ')).toMatch(/letter to the Attorney General.*45 days/);
    const old = pick(run({ population: [group('US-AZ', 10, SSN)], discoveredAt: '2017-03-01T12:00:00Z', awareAt: '2017-03-01T12:00:00Z' }, '2017-04-01T00:00:00Z'), 'US-AZ.individuals.2006');
    expect(old.substitute?.components.join(' ')).toMatch(/statewide media/);
    expect(old.electronicNotice?.allowed).toBe('consent_or_primary');
  });

  it('IN and MI have no insufficient-contact ground; UT and MD (since 2022) have no figure at all', () => {
    expect(sub('IN', 10)?.insufficientContact).toBe(false);
    expect(sub('MI', 10)?.insufficientContact).toBe(false);
    expect(sub('UT', 10_000_000)).toMatchObject({ costOver: null, countOver: null, availableByCount: false });
    // Maryland since HB 962 (2022): only insufficient contact information opens it.
    expect(sub('MD', 10_000_000)).toMatchObject({ costOver: null, countOver: null, insufficientContact: true, availableByCount: false });
  });

  it('every state individuals rule built from us-common has a record, except the states not read (AR, VI)', () => {
    const missing = loadRules()
      .filter((r) => r.recipient === 'individuals' && /^US-[A-Z]{2}$/.test(r.jurisdiction) && r.riskGate.kind !== 'no_duty' && !r.substitute && !r.substituteNotice)
      .map((r) => r.jurisdiction);
    expect([...new Set(missing)].sort()).toEqual(['US-AR', 'US-VI']);
  });

  it('FL: the text’s grounds include having no e-mail or mailing address', () => {
    expect(sub('FL', 10)).toMatchObject({ costOver: 250_000, countOver: 500_000, insufficientContact: true });
  });
});
