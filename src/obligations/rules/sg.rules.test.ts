import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

// Assessed notifiable at 2026-03-02 17:00 UTC = 3 March 01:00 in Singapore (UTC+8).
const ASSESSED = { notifiabilityAssessedAt: '2026-03-02T17:00:00Z' };
const emails = (n: number) => [group('SG', n, ['person_name', 'email'])];

describe('Singapore (PDPA Part 6A)', () => {
  it('s 26B(1)(b) and reg. 4 significant scale: 499 no, 500 yes', () => {
    expect(pick(run({ ...ASSESSED, population: emails(499), risk: { significantHarm: false } }), 'SG.pdpa.pdpc').required).toBe(false);
    expect(pick(run({ ...ASSESSED, population: emails(500), risk: { significantHarm: false } }), 'SG.pdpa.pdpc').required).toBe(true);
  });
  it('s 26D(1): PDPC no later than 3 calendar days after the day of the notifiability assessment, counted in Singapore', () => {
    // Assessment day 3 March (SGT, though still 2 March in UTC) → 6 March 23:59:59 SGT.
    const o = pick(run({ ...ASSESSED, population: emails(500), risk: { significantHarm: false } }), 'SG.pdpa.pdpc');
    expect(o).toMatchObject({ required: true, deadline: '2026-03-06T15:59:59Z', urgency: 'as_soon_as_practicable' });
  });
  it('s 26D(1) before the assessment is recorded: counted from awareness, the earliest the assessment can end, and said so', () => {
    // Awareness 2026-03-02 15:00 UTC = 23:00 SGT on 2 March → 5 March 23:59:59 SGT.
    const o = pick(run({ population: emails(500), risk: { significantHarm: false } }), 'SG.pdpa.pdpc');
    expect(o.deadline).toBe('2026-03-05T15:59:59Z');
    expect(o.relativeTo?.note).toMatch(/notifiabilityAssessedAt not given/);
  });
  it('s 26B(4): a breach only within the organisation is deemed not notifiable, even at 5,000 people', () => {
    const o = pick(run({ ...ASSESSED, population: emails(5000), breach: { onlyWithinOrganisation: true }, risk: { significantHarm: false } }), 'SG.pdpa.pdpc');
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/26B\(4\)/);
  });
  it('reg. 3(1)(a): name + bank account number is deemed significant harm — PDPC and the individuals', () => {
    const r = run({ ...ASSESSED, population: [group('SG', 3, ['person_name', 'bank_account'])] });
    expect(pick(r, 'SG.pdpa.pdpc').required).toBe(true);
    expect(pick(r, 'SG.pdpa.individuals')).toMatchObject({ required: true, relation: 'on_or_after_regulator' });
  });
  it('reg. 3(1)(b): account identifier + password is deemed significant harm without any name', () => {
    expect(pick(run({ ...ASSESSED, population: [group('SG', 2, ['username', 'password'])] }), 'SG.pdpa.individuals').required).toBe(true);
  });
  it('fixed: a bank account number or a password alone is no prescribed combination — a person decides (review), not "deemed"', () => {
    expect(pick(run({ ...ASSESSED, population: [group('SG', 2, ['bank_account'])] }), 'SG.pdpa.pdpc').required).toBe('review');
    expect(pick(run({ ...ASSESSED, population: [group('SG', 2, ['password'])] }), 'SG.pdpa.individuals').required).toBe('review');
  });
  it('individuals only for significant harm, not for scale alone', () => {
    expect(pick(run({ ...ASSESSED, population: emails(5000), risk: { significantHarm: false } }), 'SG.pdpa.individuals').required).toBe(false);
  });
  it('s 26D(5)(b) protects only the individuals\' notice: 600 encrypted records still go to the PDPC (fixed)', () => {
    const r = run({ ...ASSESSED, population: [group('SG', 600, ['person_name', 'payment_card'])], breach: { encrypted: true } });
    expect(pick(r, 'SG.pdpa.pdpc').required).toBe(true);
    expect(pick(r, 'SG.pdpa.individuals').required).toBe(false);
  });
  it('an organisation established in Singapore counts everyone affected towards the 500', () => {
    const r = run({ ...ASSESSED, controller: { establishments: ['SG'] }, population: [group('MY', 300, ['email']), group('SG', 200, ['email'])], risk: { significantHarm: false } });
    expect(pick(r, 'SG.pdpa.pdpc').count.individuals).toBe(500);
  });
  it('s 26C(3)(a): a data intermediary tells the organisation without undue delay', () => {
    expect(pick(run({ population: emails(3), controller: { role: 'processor' } }), 'SG.pdpa.intermediary')).toMatchObject({ required: true, urgency: 'without_undue_delay' });
  });
});

describe('Part 6A in force 1 Feb 2021', () => {
  const on = (day: string) => ({ awareAt: `${day}T02:00:00Z`, discoveredAt: `${day}T02:00:00Z`, notifiabilityAssessedAt: `${day}T02:00:00Z`, population: emails(600) });
  it('31 Jan 2021: no duty — an answer, not a gap; 1 Feb 2021: PDPC within 3 days', () => {
    const before = run(on('2021-01-31'), '2021-01-31T03:00:00Z');
    expect(pick(before, 'SG.pre-part6a.pdpc').required).toBe(false);
    expect(before.uncovered).toEqual([]);
    const after = run(on('2021-02-01'), '2021-02-01T03:00:00Z');
    expect(pick(after, 'SG.pdpa.pdpc').deadline).toBe('2021-02-04T15:59:59Z');
    expect(has(after, 'SG.pre-part6a.pdpc')).toBe(false);
  });
});
