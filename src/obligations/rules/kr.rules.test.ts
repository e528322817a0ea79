import { describe, expect, it } from 'vitest';
import { group, pick, run } from '../golden.fixture.js';

describe('South Korea (PIPA Art. 34)', () => {
  const emails = (n: number) => [group('KR', n, ['person_name', 'email'])];
  it('data subjects within 72 hours in every case', () => {
    expect(pick(run({ population: emails(1), breach: { malicious: false } }), 'KR.pipa.individuals')).toMatchObject({ required: true, deadline: '2026-03-05T15:00:00Z' });
  });
  it('PIPC/KISA at 1,000 or more, sensitive/unique identifiers, or hacking', () => {
    expect(pick(run({ population: emails(999), breach: { malicious: false } }), 'KR.pipa.pipc').required).toBe(false);
    expect(pick(run({ population: emails(1000), breach: { malicious: false } }), 'KR.pipa.pipc').required).toBe(true);
    expect(pick(run({ population: [group('KR', 1, ['national_id'])], breach: { malicious: false } }), 'KR.pipa.pipc').required).toBe(true);
    expect(pick(run({ population: emails(1), breach: { malicious: true } }), 'KR.pipa.pipc').required).toBe(true);
  });
});
