/**
 * US federal and sector regimes at the boundaries their texts draw. Expected answers are worked by
 * hand from the provision named in each test (arithmetic in the comments); discovery defaults to
 * 2026-03-02T15:00Z (10:00 EST, Monday) unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { group, has, pick, run } from '../golden.fixture.js';

const phi = (j: string, n: number) => group(j, n, ['person_name', 'health']);
const ce = { hipaa: 'covered_entity' as const };
const at = (iso: string) => ({ discoveredAt: iso, awareAt: iso });
const WRITTEN = { noHarmDetermination: true, noHarmDeterminedAt: '2026-03-10T15:00:00Z' };

describe('HIPAA breach notification (45 CFR 164.400–414)', () => {
  it('45 CFR §164.408(b)/(c): HHS with the individuals at 500 or more (500 yes), the annual log below 500 (499)', () => {
    const big = run({ population: [phi('US-TX', 500)], controller: ce });
    // 2026-03-02 + 60 days = 2026-05-01, 23:59:59 EDT = 2026-05-02T03:59:59Z.
    expect(pick(big, 'US.hipaa.hhs')).toMatchObject({ required: true, deadline: '2026-05-02T03:59:59Z' });
    expect(pick(big, 'US.hipaa.hhs-annual').required).toBe(false);
    const small = run({ population: [phi('US-TX', 499)], controller: ce });
    expect(pick(small, 'US.hipaa.hhs').required).toBe(false);
    // 60 days after 2026-12-31 → 2027-03-01 23:59:59 EST = 2027-03-02T04:59:59Z.
    expect(pick(small, 'US.hipaa.hhs-annual')).toMatchObject({ required: true, deadline: '2027-03-02T04:59:59Z' });
  });
  it('45 CFR §164.408(c): a breach discovered on 31 December anywhere in the US (21:00 HST = 07:00Z on 1 January) goes in that year\'s log, due 1 March, not a year later', () => {
    // 2026-12-31 21:00 in Honolulu is 2027-01-01 02:00 in New York: the earliest local year decides.
    // 60 days after 2026-12-31 → 2027-03-01 23:59:59 EST = 2027-03-02T04:59:59Z.
    const o = pick(run({ population: [phi('US-HI', 10)], controller: ce, ...at('2027-01-01T07:00:00Z') }), 'US.hipaa.hhs-annual');
    expect(o).toMatchObject({ required: true, deadline: '2027-03-02T04:59:59Z' });
    // Discovered 2027-01-01 12:00Z (02:00 HST, 1 January everywhere in the US): the 2027 log.
    expect(pick(run({ population: [phi('US-HI', 10)], controller: ce, ...at('2027-01-01T12:00:00Z') }), 'US.hipaa.hhs-annual').deadline).toBe('2028-03-01T04:59:59Z');
  });
  it('45 CFR §164.404(b): 60 days after discovery end earliest where discovery falls on the earlier local day (07:00Z on 1 January is still 31 December in Los Angeles)', () => {
    // 2027-01-01T07:00Z = 2026-12-31 23:00 PST (02:00 EST on 1 January). Los Angeles: 60 days after
    // 31 December → 1 March 23:59:59 PST = 2027-03-02T07:59:59Z (New York would say 2027-03-03T04:59:59Z).
    const o = pick(run({ population: [phi('US-HI', 10)], controller: ce, ...at('2027-01-01T07:00:00Z') }), 'US.hipaa.individuals');
    expect(o).toMatchObject({ required: true, deadline: '2027-03-02T07:59:59Z' });
    expect(o.deadlineRule).toMatch(/earlier in America\/Los_Angeles/);
    // At 15:00Z every US zone reads the same day, and New York's day ends first: unchanged.
    expect(pick(run({ population: [phi('US-HI', 10)], controller: ce }), 'US.hipaa.individuals').deadlineRule).not.toMatch(/earlier in/);
  });
  it('45 CFR §164.406: media only when more than 500 residents of one State (500 + 500 no, 501 yes)', () => {
    expect(pick(run({ population: [phi('US-TX', 500), phi('US-CA', 500)], controller: ce }), 'US.hipaa.media').required).toBe(false);
    expect(pick(run({ population: [phi('US-TX', 501)], controller: ce }), 'US.hipaa.media').required).toBe(true);
  });
  it('45 CFR §164.404(b): individuals within 60 days of discovery, wherever they live', () => {
    const o = pick(run({ population: [phi('FR', 3)], controller: { ...ce, establishments: ['US'] } }), 'US.hipaa.individuals');
    expect(o).toMatchObject({ required: true, deadline: '2026-05-02T03:59:59Z' });
    expect(o.count.individuals).toBe(3);
  });
  it('45 CFR §164.402(2): a documented low probability of compromise removes the duty; undocumented is review', () => {
    expect(pick(run({ population: [phi('US-TX', 1)], controller: ce, risk: WRITTEN }), 'US.hipaa.individuals').required).toBe(false);
    const undocumented = pick(run({ population: [phi('US-TX', 1)], controller: ce, risk: { noHarmDetermination: true } }), 'US.hipaa.individuals');
    expect(undocumented.required).toBe('review');
    expect(undocumented.questions[0]).toMatch(/in writing/);
  });
  it('45 CFR §164.402(1)(i): good-faith access by a workforce member is not a breach', () => {
    expect(pick(run({ population: [phi('US-TX', 1)], controller: ce, breach: { goodFaithEmployee: true } }), 'US.hipaa.individuals').required).toBe(false);
  });
  it('45 CFR §164.402 "unsecured PHI": encrypted PHI is not a breach unless the key went too', () => {
    expect(pick(run({ population: [phi('US-TX', 1)], controller: ce, breach: { encrypted: true } }), 'US.hipaa.individuals').required).toBe(false);
    expect(pick(run({ population: [phi('US-TX', 1)], controller: ce, breach: { encrypted: true, keyCompromised: true } }), 'US.hipaa.individuals').required).toBe(true);
  });
  it('45 CFR §164.410: business associates notify the covered entity; the covered-entity duties do not apply to them', () => {
    const r = run({ population: [phi('US-TX', 1)], controller: { hipaa: 'business_associate' } });
    expect(pick(r, 'US.hipaa.business-associate').required).toBe(true);
    expect(pick(r, 'US.hipaa.individuals').why).toMatch(/HIPAA covered entity/);
  });
  it('45 CFR §160.103 + Tex. Bus. & Com. Code §521.053(c): a business associate left as controller is warned that state laws want the owner told; as processor it is told to notify the owner, not Texans', () => {
    const asController = run({ population: [phi('US-TX', 300)], controller: { hipaa: 'business_associate' } });
    expect(asController.warnings).toContainEqual(expect.stringMatching(/business_associate.*role "processor"/));
    const asProcessor = run({ population: [phi('US-TX', 300)], controller: { hipaa: 'business_associate', role: 'processor' } });
    expect(asProcessor.warnings).toEqual([]);
    expect(pick(asProcessor, 'US.vendor-to-owner').required).toBe(true);
    expect(pick(asProcessor, 'US-TX.individuals').required).toBe(false);
    expect(pick(asProcessor, 'US.hipaa.business-associate').required).toBe(true);
  });
});

describe('SEC Form 8-K Item 1.05 and 17 CFR 232.13', () => {
  const reg = { publicCompany: true };
  it('Item 1.05 + 17 CFR 232.13(a)(2): four business days ending 17:30 ET, skipping the observed 3 July holiday', () => {
    // Determined Wed 2026-07-01 (14:00 EDT): Thu 2 (1), Fri 3 observed Independence Day (skip),
    // Mon 6 (2), Tue 7 (3), Wed 8 (4); 17:30 EDT = 21:30Z.
    const o = pick(run({ population: [], controller: reg, risk: { material: true }, materialityDeterminedAt: '2026-07-01T18:00:00Z' }), 'US.sec-8k');
    expect(o).toMatchObject({ required: true, deadline: '2026-07-08T21:30:00Z' });
    expect(o.deadlineRule).toMatch(/ending at 17:30/);
  });
  it('General Instruction B.1: a weekend determination counts from Monday; the DST change moves the UTC time', () => {
    // Sat 2026-03-07: Mon 9 (1), Tue 10 (2), Wed 11 (3), Thu 12 (4); DST began Sun 8 March, so
    // 17:30 EDT = 21:30Z (it would be 22:30Z in winter).
    const o = pick(run({ population: [], controller: reg, risk: { material: true }, materialityDeterminedAt: '2026-03-07T15:00:00Z' }), 'US.sec-8k');
    expect(o.deadline).toBe('2026-03-12T21:30:00Z');
  });
  it('Item 1.05 (issue 13 §1): an incident with no personal data at all still needs the 8-K', () => {
    const o = pick(run({ population: [], controller: reg, risk: { material: true }, materialityDeterminedAt: '2026-03-02T15:00:00Z' }), 'US.sec-8k');
    // Mon 2 March → Fri 6 March, 17:30 EST = 22:30Z.
    expect(o).toMatchObject({ required: true, deadline: '2026-03-06T22:30:00Z' });
    expect(o.why).toMatch(/incident itself/);
  });
  it('Item 1.05: materiality undecided is review with the question, and no date yet', () => {
    const o = pick(run({ population: [], controller: reg }), 'US.sec-8k');
    expect(o).toMatchObject({ required: 'review', deadline: null });
    expect(o.questions.join(' ')).toMatch(/material/);
  });
  it('Release 33-11216: smaller reporting companies from 2024-06-15 (discovered 06-14 no, 06-15 yes)', () => {
    const f = { population: [], controller: { ...reg, smallerReportingCompany: true }, risk: { material: true } };
    const before = run({ ...f, ...at('2024-06-14T15:00:00Z') }, '2024-06-20T00:00:00Z');
    expect(has(before, 'US.sec-8k.smaller')).toBe(false);
    expect(pick(before, 'US.sec-8k').required).toBe(false);
    expect(pick(run({ ...f, ...at('2024-06-15T15:00:00Z') }, '2024-06-20T00:00:00Z'), 'US.sec-8k.smaller').required).toBe(true);
  });
  it('Release 33-11216: not in force for incidents discovered before 2023-12-18', () => {
    expect(has(run({ population: [], controller: reg, ...at('2023-12-17T15:00:00Z') }, '2024-01-05T00:00:00Z'), 'US.sec-8k')).toBe(false);
    expect(has(run({ population: [], controller: reg, ...at('2023-12-18T15:00:00Z') }, '2024-01-05T00:00:00Z'), 'US.sec-8k')).toBe(true);
  });
  it('the registrant files whoever the victims are (only EU residents affected)', () => {
    const r = run({ population: [group('FR', 10, ['email'])], controller: { establishments: ['FR'], publicCompany: true }, risk: { material: true }, materialityDeterminedAt: '2026-03-02T15:00:00Z' });
    expect(pick(r, 'US.sec-8k')).toMatchObject({ required: true, deadline: '2026-03-06T22:30:00Z' });
  });
});

describe('FTC Safeguards Rule (16 CFR 314.4(j), 314.2)', () => {
  const glba = { glbaFtc: true };
  const pop = (n: number) => [group('US-TX', n, ['person_name', 'email'])];
  it('16 CFR §314.4(j)(1): 500 or more consumers (499 no, 500 yes), 30 days after discovery', () => {
    expect(pick(run({ population: pop(499), controller: glba }), 'US.ftc-safeguards.ftc').required).toBe(false);
    // 2026-03-02 + 30 days = 2026-04-01, 23:59:59 EDT.
    expect(pick(run({ population: pop(500), controller: glba }), 'US.ftc-safeguards.ftc')).toMatchObject({ required: true, deadline: '2026-04-02T03:59:59Z' });
  });
  it('16 CFR §314.2 "notification event": acquisition is presumed from unauthorised access; reliable evidence of none removes it', () => {
    const unknown = pick(run({ population: pop(600), controller: glba, breach: { acquisition: null, access: true } }), 'US.ftc-safeguards.ftc');
    expect(unknown.required).toBe(true);
    expect(unknown.why).toMatch(/presumed/);
    expect(pick(run({ population: pop(600), controller: glba, breach: { acquisition: false, access: true } }), 'US.ftc-safeguards.ftc').required).toBe(false);
  });
  it('16 CFR §314.2: encrypted information counts as unencrypted when the key was accessed', () => {
    expect(pick(run({ population: pop(600), controller: glba, breach: { encrypted: true, keyCompromised: false } }), 'US.ftc-safeguards.ftc').required).toBe(false);
    expect(pick(run({ population: pop(600), controller: glba, breach: { encrypted: true, keyCompromised: true } }), 'US.ftc-safeguards.ftc').required).toBe(true);
  });
  it('88 FR 77499: no duty for events discovered before 2024-05-13', () => {
    expect(has(run({ population: pop(600), controller: glba, ...at('2024-05-12T15:00:00Z') }, '2024-06-01T00:00:00Z'), 'US.ftc-safeguards.ftc')).toBe(false);
  });
});

describe('FTC Health Breach Notification Rule (16 CFR 318)', () => {
  const phr = { phrVendor: true };
  it('16 CFR §318.5(c) (2009): FTC within 10 business days when 500 or more, skipping 4 July 2024', () => {
    // Discovered Mon 2024-07-01: Tue 2 (1), Wed 3 (2), Thu 4 holiday, Fri 5 (3), Mon 8 (4), 9 (5),
    // 10 (6), 11 (7), Fri 12 (8), Mon 15 (9), Tue 16 (10): 23:59:59 EDT = 2024-07-17T03:59:59Z.
    const r = run({ population: [phi('US-TX', 500)], controller: phr, ...at('2024-07-01T15:00:00Z') }, '2024-07-02T00:00:00Z');
    expect(pick(r, 'US.ftc-hbnr.ftc.2009')).toMatchObject({ required: true, deadline: '2024-07-17T03:59:59Z' });
    expect(has(r, 'US.ftc-hbnr.ftc')).toBe(false);
  });
  it('16 CFR §318.5(c) (2024 amendment, from 2024-07-29): FTC within 60 calendar days of discovery', () => {
    // 2024-07-29 + 60 days = 2024-09-27, 23:59:59 EDT.
    const r = run({ population: [phi('US-TX', 500)], controller: phr, ...at('2024-07-29T15:00:00Z') }, '2024-08-01T00:00:00Z');
    expect(pick(r, 'US.ftc-hbnr.ftc')).toMatchObject({ required: true, deadline: '2024-09-28T03:59:59Z' });
    expect(has(r, 'US.ftc-hbnr.ftc.2009')).toBe(false);
  });
  it('16 CFR §318.5(b): media above 500 residents of a State; §318.2 presumes acquisition from access', () => {
    const r = run({ population: [phi('US-TX', 501)], controller: phr, breach: { acquisition: null } });
    expect(pick(r, 'US.ftc-hbnr.media').required).toBe(true);
    expect(pick(r, 'US.ftc-hbnr.individuals').required).toBe(true);
  });
});

describe('SEC Regulation S-P (17 CFR 248.30, 2024 amendments)', () => {
  const ssn = [group('US-NY', 1, ['person_name', 'us_ssn'])];
  it('17 CFR §248.30(a)(4): 30 days after awareness for larger entities from 2025-12-03', () => {
    const larger = { secRegSP: 'larger' as const };
    expect(has(run({ population: ssn, controller: larger, ...at('2025-12-02T15:00:00Z') }, '2025-12-10T00:00:00Z'), 'US.sec-regsp.individuals')).toBe(false);
    // 2026-03-02 + 30 days = 2026-04-01, 23:59:59 EDT (the US rule counts in New York time).
    expect(pick(run({ population: ssn, controller: larger }), 'US.sec-regsp.individuals').deadline).toBe('2026-04-02T03:59:59Z');
  });
  it('compliance date 2026-06-03 for smaller entities: the law of the day of discovery decides', () => {
    const small = { secRegSP: 'smaller' as const };
    expect(has(run({ population: ssn, controller: small }, '2026-06-03T12:00:00Z'), 'US.sec-regsp.individuals.smaller')).toBe(false);
    expect(pick(run({ population: ssn, controller: small, ...at('2026-06-03T12:00:00Z') }, '2026-06-04T12:00:00Z'), 'US.sec-regsp.individuals.smaller').required).toBe(true);
  });
  it('17 CFR §248.30(a)(4)(i): no notice on a documented finding of no substantial harm or inconvenience', () => {
    expect(pick(run({ population: ssn, controller: { secRegSP: 'larger' }, risk: WRITTEN }), 'US.sec-regsp.individuals').required).toBe(false);
  });
});

describe('NYDFS 23 NYCRR 500.17', () => {
  const dfs = { regulators: ['US-NY-DFS' as const] };
  it('§500.17(a) as amended (from 2023-12-01): 72 hours after the determination, with no personal data at all', () => {
    // awareAt = determinedAt 2026-03-02T15:00Z + 72 h = 2026-03-05T15:00Z.
    const o = pick(run({ population: [], controller: dfs, risk: { significantIncident: true } }), 'US-NY.dfs-500.17');
    expect(o).toMatchObject({ required: true, deadline: '2026-03-05T15:00:00Z' });
  });
  it('§500.17(a): the 2017 text for incidents discovered up to 2023-11-30, the amended text from 2023-12-01', () => {
    // 2023-12-01T03:00Z is still 30 November in New York (EST, UTC−5): the 2017 version.
    const ids = (iso: string) => run({ population: [], controller: dfs, risk: { significantIncident: true }, ...at(iso) }, '2024-01-01T00:00:00Z').obligations.map((o) => o.id).filter((id) => id.startsWith('US-NY.dfs-500.17') && !id.endsWith('extortion'));
    expect(ids('2023-12-01T03:00:00Z')).toEqual(['US-NY.dfs-500.17.2017']);
    expect(ids('2023-12-01T06:00:00Z')).toEqual(['US-NY.dfs-500.17']);
  });
  it('§500.17(c): extortion payment within 24 hours, written explanation within 30 days; only from 2023-12-01', () => {
    const base = { population: [], controller: dfs, risk: { significantIncident: true } };
    expect(pick(run(base), 'US-NY.dfs-500.17.extortion').required).toBe(false);
    const paid = pick(run({ ...base, extortionPaidAt: '2026-03-04T12:00:00Z' }), 'US-NY.dfs-500.17.extortion');
    // 2026-03-04T12:00Z + 24 h; 4 March (07:00 EST) + 30 days = 3 April, 23:59:59 EDT.
    expect(paid).toMatchObject({ required: true, deadline: '2026-03-05T12:00:00Z' });
    expect(paid.stages[0].deadline).toBe('2026-04-04T03:59:59Z');
    expect(has(run({ ...base, ...at('2023-11-15T15:00:00Z') }, '2023-11-20T00:00:00Z'), 'US-NY.dfs-500.17.extortion')).toBe(false);
  });
  it('issue 13 §3: owed only by DFS-regulated entities — listed yes, not listed no, unstated with NY residents review', () => {
    const ny = [group('US-NY', 5, ['email'])];
    expect(pick(run({ population: ny, controller: { regulators: [] }, risk: { significantIncident: true } }), 'US-NY.dfs-500.17').required).toBe(false);
    expect(pick(run({ population: ny, risk: { significantIncident: true } }), 'US-NY.dfs-500.17').required).toBe('review');
    expect(pick(run({ population: ny, controller: { nydfs: true }, risk: { significantIncident: true } }), 'US-NY.dfs-500.17').required).toBe(true);
    // Not DFS-regulated and no New York link: not listed at all.
    expect(has(run({ population: [group('US-TX', 5, ['email'])], controller: { regulators: [] } }), 'US-NY.dfs-500.17')).toBe(false);
  });
});

describe('bank computer-security incident notification (12 CFR 53.3, 225.302, 304.23)', () => {
  const bank = { bankingOrganization: true };
  it('12 CFR §53.3: 36 hours after determining a notification incident, with no personal data at all', () => {
    // 2026-03-02T15:00Z + 36 h = 2026-03-04T03:00Z.
    expect(pick(run({ population: [], controller: bank, risk: { significantIncident: true } }), 'US.bank-36h')).toMatchObject({ required: true, deadline: '2026-03-04T03:00:00Z' });
  });
  it('86 FR 66424: compliance from 2022-05-01 (discovered 04-30 no, 05-01 yes)', () => {
    expect(has(run({ population: [], controller: bank, ...at('2022-04-30T15:00:00Z') }, '2022-05-05T00:00:00Z'), 'US.bank-36h')).toBe(false);
    expect(has(run({ population: [], controller: bank, ...at('2022-05-01T15:00:00Z') }, '2022-05-05T00:00:00Z'), 'US.bank-36h')).toBe(true);
  });
  it('12 CFR §53.4: service providers notify bank customers as soon as possible', () => {
    expect(pick(run({ population: [], controller: { bankServiceProvider: true }, risk: { significantIncident: true } }), 'US.bank-service-provider')).toMatchObject({ required: true, urgency: 'as_soon_as_possible' });
  });
});

describe('CIRCIA (6 U.S.C. 681b)', () => {
  it('§681b(b): never selected until the CISA final rule takes effect', () => {
    expect(has(run({ population: [group('US-NY', 1, ['email'])] }), 'US.circia')).toBe(false);
  });
});
