import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const uk = [group('GB', 40, ['person_name', 'email'])];
const at = (iso: string) => ({ discoveredAt: iso, awareAt: iso });

describe('UK GDPR and PECR', () => {
  it('ICO within 72 hours of awareness, also for an EU-established controller (no one-stop-shop)', () => {
    const r = run({ population: [...uk, group('FR', 5, ['email'])], controller: { establishments: ['FR'] }, risk: { gdpr: 'risk' } });
    expect(pick(r, 'GB.uk-gdpr.ico')).toMatchObject({ required: true, deadline: '2026-03-05T15:00:00Z' });
    expect(pick(r, 'GB.uk-gdpr.ico').authority?.phone).toBe('0303 123 1113');
  });
  it('"UK" in the facts is read as ISO GB', () => {
    const r = run({ population: [group('UK', 1, ['email'])], controller: { establishments: ['US'] }, risk: { gdpr: 'risk' } });
    expect(pick(r, 'GB.uk-gdpr.ico').required).toBe(true);
  });
  it('UK-established controller: UK GDPR applies to everyone it processes', () => {
    const r = run({ population: [group('US-TX', 10, ['email'])], controller: { establishments: ['GB'] }, risk: { gdpr: 'risk' } });
    expect(pick(r, 'GB.uk-gdpr.ico').count.individuals).toBe(10);
  });
  it('individuals only for high risk', () => {
    expect(pick(run({ population: uk, risk: { gdpr: 'risk' } }), 'GB.uk-gdpr.individuals').required).toBe(false);
    expect(pick(run({ population: uk, risk: { gdpr: 'high' } }), 'GB.uk-gdpr.individuals').required).toBe(true);
  });
  it('UK GDPR Art. 33 across the 72 hours that span the end of British Summer Time: exact hours, not local days', () => {
    // 2026-10-24 10:00 UTC (11:00 BST); BST ends 2026-10-25 02:00 BST → +72 h = 2026-10-27 10:00 UTC.
    const r = run({ ...at('2026-10-24T10:00:00Z'), population: uk, risk: { gdpr: 'risk' } }, '2026-10-24T12:00:00Z');
    expect(pick(r, 'GB.uk-gdpr.ico').deadline).toBe('2026-10-27T10:00:00Z');
  });
});

describe('UK periods: Data Protection Act 1998, EU GDPR, UK GDPR', () => {
  it('before 25 May 2018: no general duty under the Data Protection Act 1998 — an answer, not a gap', () => {
    const r = run({ ...at('2018-05-24T09:00:00Z'), population: uk, risk: { gdpr: 'high' } }, '2018-05-24T12:00:00Z');
    expect(pick(r, 'GB.pre-gdpr.ico')).toMatchObject({ required: false });
    expect(pick(r, 'GB.pre-gdpr.ico').why).toMatch(/Data Protection Act 1998/);
    expect(r.uncovered).toEqual([]);
  });
  it('25 May 2018: GDPR Art. 33 to the ICO within 72 hours (the first GDPR day)', () => {
    const r = run({ ...at('2018-05-25T09:00:00Z'), population: uk, risk: { gdpr: 'risk' } }, '2018-05-25T12:00:00Z');
    expect(pick(r, 'GB.gdpr.ico.2018-05-25')).toMatchObject({ required: true, deadline: '2018-05-28T09:00:00Z' });
  });
  it('UK GDPR Art. 33(2): a processor tells the controller from 1 Jan 2021, whatever the risk', () => {
    const r = run({ ...at('2021-01-01T09:00:00Z'), population: uk, controller: { role: 'processor' }, risk: { gdpr: 'unlikely' } }, '2021-01-01T12:00:00Z');
    expect(pick(r, 'GB.uk-gdpr.processor')).toMatchObject({ required: true, urgency: 'without_undue_delay' });
  });
  it('GDPR Art. 33 via the ICO from 25 May 2018 to 31 Dec 2020; UK GDPR from 1 Jan 2021 (end of the transition period)', () => {
    const dec = run({ ...at('2020-12-31T09:00:00Z'), population: uk, risk: { gdpr: 'risk' } }, '2020-12-31T12:00:00Z');
    expect(pick(dec, 'GB.gdpr.ico.2018-07-20')).toMatchObject({ required: true, deadline: '2021-01-03T09:00:00Z' });
    expect(has(dec, 'GB.uk-gdpr.ico')).toBe(false);
    // EU GDPR Art. 34 covered UK residents until then.
    expect(pick(run({ ...at('2020-12-31T09:00:00Z'), population: uk, risk: { gdpr: 'high' } }, '2020-12-31T12:00:00Z'), 'EU.gdpr.individuals.2018-07-20').required).toBe(true);
    const jan = run({ ...at('2021-01-01T09:00:00Z'), population: uk, risk: { gdpr: 'risk' } }, '2021-01-01T12:00:00Z');
    expect(pick(jan, 'GB.uk-gdpr.ico').required).toBe(true);
    expect(has(jan, 'GB.gdpr.ico.2018-07-20')).toBe(false);
  });
});

describe('PECR reg. 5A before and after the Data (Use and Access) Act 2025 s 111 (in force 20 Aug 2025)', () => {
  const telecom = { controller: { telecom: true } };
  it('19 Aug 2025: 24 hours after detection, second notice 3 days after the initial one (Reg. 611/2013 Art. 2)', () => {
    const r = run({ ...telecom, ...at('2025-08-19T10:00:00Z'), population: uk }, '2025-08-19T12:00:00Z');
    const o = pick(r, 'GB.pecr.ico.2013-08-25');
    expect(o).toMatchObject({ required: true, deadline: '2025-08-20T10:00:00Z' });
    // Initial deadline 20 Aug (London) + 3 days → 23 Aug 23:59:59 BST = 22:59:59 UTC.
    expect(o.stages[0].deadline).toBe('2025-08-23T22:59:59Z');
  });
  it('20 Aug 2025: 72 hours after becoming aware, information in phases', () => {
    const r = run({ ...telecom, ...at('2025-08-20T10:00:00Z'), population: uk }, '2025-08-20T12:00:00Z');
    expect(pick(r, 'GB.pecr.ico')).toMatchObject({ required: true, deadline: '2025-08-23T10:00:00Z', stages: [] });
    expect(has(r, 'GB.pecr.ico.2013-08-25')).toBe(false);
  });
  it('a breach discovered on 19 Aug 2025 stays under the 24-hour rule when assessed later (the law of the day of discovery)', () => {
    const r = run({ ...telecom, ...at('2025-08-19T10:00:00Z'), population: uk });
    expect(pick(r, 'GB.pecr.ico.2013-08-25').deadline).toBe('2025-08-20T10:00:00Z');
    expect(has(r, 'GB.pecr.ico')).toBe(false);
  });
  it('Reg. 611/2013 Art. 2(3): the second notice runs from the initial notice actually sent (sent 19 Aug 18:00 UTC → 22 Aug 23:59:59 BST)', () => {
    const r = run({ ...telecom, ...at('2025-08-19T10:00:00Z'), regulatorNoticeAt: '2025-08-19T18:00:00Z', population: uk }, '2025-08-19T20:00:00Z');
    expect(pick(r, 'GB.pecr.ico.2013-08-25').stages[0].deadline).toBe('2025-08-22T22:59:59Z');
  });
  it('only public electronic communications providers', () => {
    expect(pick(run({ population: uk }), 'GB.pecr.ico').required).toBe(false);
  });
  it('reg. 5A(3): subscribers when likely to be adversely affected; reg. 5A(6) unintelligible data excepted', () => {
    expect(pick(run({ ...telecom, population: uk, risk: { significantHarm: true } }), 'GB.pecr.individuals').required).toBe(true);
    expect(pick(run({ ...telecom, population: uk, risk: { significantHarm: false } }), 'GB.pecr.individuals').required).toBe(false);
    expect(pick(run({ ...telecom, population: uk, risk: { significantHarm: true }, breach: { encrypted: true } }), 'GB.pecr.individuals').required).toBe(false);
  });
});

describe('record keeping', () => {
  it('the PECR inventory is listed only for telecom providers; the Art. 33(5) register for controllers', () => {
    const dutyOf = (r: ReturnType<typeof run>) => r.recordKeeping.map((k) => k.ruleId);
    expect(dutyOf(run({ population: uk }))).toEqual(['GB.uk-gdpr.ico']);
    expect(dutyOf(run({ population: uk, controller: { telecom: true } })).sort()).toEqual(['GB.pecr.ico', 'GB.uk-gdpr.ico']);
    expect(dutyOf(run({ population: uk, controller: { role: 'processor' } }))).toEqual([]);
  });
});
