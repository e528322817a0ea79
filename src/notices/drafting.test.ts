import { describe, expect, it } from 'vitest';
import { loadRules } from '../obligations/rules-loader.js';
import { draftNotice } from './drafting.js';
import { renderText } from './render.js';
import { type DraftInputs, NOTICE_KINDS } from './templates.js';

const rule = (id: string) => {
  const r = loadRules().find((x) => x.id === id);
  if (!r) throw new Error(`rule ${id} missing`);
  return r;
};

const FULL: DraftInputs = {
  organisationName: 'Example Co',
  organisationAddress: '1 Main St',
  contactPhone: '1-800-555-0100',
  contactEmail: 'privacy@example.test',
  dpoContact: 'dpo@example.test',
  noticeDate: '2026-11-01',
  breachDate: '2026-10-01',
  discoveryDate: '2026-10-05',
  whatHappened: 'A laptop with patient records was stolen.',
  whatWeAreDoing: 'We reported the theft, wiped the device remotely and retrained staff.',
  whatYouCanDo: 'Watch your explanation-of-benefits statements; change your password.',
  likelyConsequences: 'Possible misuse of your health insurance.',
  lawEnforcementDelay: false,
  creditMonitoringMonths: 12,
  monitoringEnrollment: 'call us',
};

describe('notice drafting', () => {
  it('California: title and the five headings of §1798.82(d), verbatim', () => {
    const d = draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), FULL, ['person_name', 'email']);
    expect(d.problems).toEqual([]);
    expect(d.rendered.title).toBe('Notice of Data Breach');
    const text = renderText(d.rendered);
    for (const h of ['What Happened?', 'What Information Was Involved?', 'What We Are Doing.', 'What You Can Do.', 'For More Information.']) expect(text).toContain(h);
    // Conditional items (SSN/DL) do not apply here and are recorded as such.
    expect(d.rendered.coverage.find((c) => c.item.startsWith('toll-free'))?.status).toBe('not_applicable');
  });

  it('names every unfilled placeholder and every missing required item', () => {
    const { whatWeAreDoing: _w, contactPhone: _p, contactEmail: _e, ...partial } = FULL;
    const d = draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), partial, ['us_ssn']);
    const items = d.problems.map((p) => p.item);
    expect(items).toEqual(expect.arrayContaining(['contactEmail', 'contactPhone', 'whatWeAreDoing', 'name and contact information of the notifying business']));
    // SSN exposed → 12 months of monitoring needed; 12 offered → met; bureaus section present.
    expect(d.rendered.coverage.find((c) => c.item.startsWith('offer of identity-theft'))?.status).toBe('met');
    expect(d.rendered.sections.some((s) => s.key === 'bureaus')).toBe(true);
  });

  it('credential exposure requires the password-change direction', () => {
    const d = draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), { ...FULL, whatYouCanDo: 'Be vigilant.' }, ['username', 'password']);
    expect(d.problems.map((p) => p.item)).toContain('for online-credential breaches: direct the person to change password and security question/answer');
  });

  it('a changed word changes the content hash; the same content hashes the same', () => {
    const a = draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), FULL, ['email']);
    const b = draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), FULL, ['email']);
    const c = draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), { ...FULL, whatHappened: 'Something else.' }, ['email']);
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe(c.contentHash);
  });

  it('GDPR Art. 34(2): nature, DPO contact, likely consequences and measures', () => {
    const r = rule('EU.gdpr.individuals');
    const ok = draftNotice('individual', 'EU', r, FULL, ['email']);
    expect(ok.problems).toEqual([]);
    expect(ok.rendered.coverage.map((c) => c.status)).not.toContain('attested');
    const { likelyConsequences: _l, ...noConsequences } = FULL;
    const bad = draftNotice('individual', 'EU', r, noConsequences, ['email']);
    expect(bad.problems.map((p) => p.item)).toEqual(expect.arrayContaining(['likelyConsequences', 'likely consequences (Art. 33(3)(c))']));
  });

  it('HIPAA §164.404(c): the five items, with dates of breach and discovery', () => {
    const r = rule('US.hipaa.individuals');
    const ok = draftNotice('individual', 'US', r, FULL, ['health']);
    expect(ok.problems).toEqual([]);
    const { discoveryDate: _d, ...noDiscovery } = FULL;
    const bad = draftNotice('individual', 'US', r, noDiscovery, ['health']);
    expect(bad.problems.map((p) => p.item)).toContain('what happened, including the date of the breach and the date of discovery');
  });

  it('an item no check recognises must be attested, and the attestation is recorded', () => {
    const custom = { ...rule('US-CA.individuals.2026'), content: ['a statement in Klingon'] };
    const bad = draftNotice('individual', 'US-CA', custom, FULL, []);
    expect(bad.problems[0]?.message).toContain('a statement in Klingon');
    const ok = draftNotice('individual', 'US-CA', custom, { ...FULL, attestations: { 'a statement in Klingon': 'appendix K' } }, []);
    expect(ok.problems).toEqual([]);
    expect(ok.rendered.coverage[0]).toMatchObject({ status: 'attested', by: 'appendix K' });
  });

  it('Massachusetts: a stated count of residents is prohibited content, other digits are not', () => {
    const r = rule('US-MA.individuals');
    const ok = draftNotice('individual', 'US-MA', r, { ...FULL, residentsAffected: 12, creditMonitoringMonths: 18 }, ['us_ssn']);
    expect(ok.problems).toEqual([]);
    const bad = draftNotice('individual', 'US-MA', r, { ...FULL, residentsAffected: 12, creditMonitoringMonths: 18, whatWeAreDoing: 'We are notifying all 12 residents affected.' }, ['us_ssn']);
    expect(bad.problems.map((p) => p.item)).toEqual(['the number of Massachusetts residents affected']);
    const short = draftNotice('individual', 'US-MA', r, { ...FULL, creditMonitoringMonths: 12 }, ['us_ssn']);
    expect(short.problems.map((p) => p.item)).toContain('if SSNs were involved: 18 months of free credit monitoring (42 months if the entity is a consumer reporting agency)');
  });

  it('issue 20 §6, GDPR Art. 33(3)(a): the regulator notice states the categories and the count of its own jurisdiction, and gives no advice to individuals', () => {
    const onTime = { notificationDeadline: '2026-11-01T12:00:00Z' };
    const d = draftNotice('regulator', 'FR', rule('FR.gdpr.sa'), { ...FULL, ...onTime, residentsAffected: 80, totalAffected: 200 }, ['email', 'password_hash']);
    expect(d.problems, JSON.stringify(d.problems)).toEqual([]);
    expect(d.rendered.fields).toMatchObject({ categoriesOfData: 'e-mail address, password (hashed)', approximateDataSubjects: '80', totalDataSubjects: '200', controllerAddress: '1 Main St', dpoContact: 'dpo@example.test' });
    // "What you can do" belongs to the Art. 34 communication to the data subjects.
    expect(d.rendered.sections.map((x) => x.key)).not.toContain('whatYouCanDo');
    expect(renderText(d.rendered)).not.toContain(FULL.whatYouCanDo!);
  });

  it('GDPR Art. 33(1): "the reasons for the delay" are owed only by a notification dated after its deadline, and then stated', () => {
    const item = 'if later than 72 hours: reasons for the delay (Art. 33(1))';
    const base = { ...FULL, residentsAffected: 80, totalAffected: 200, notificationDeadline: '2026-10-08T09:00:00.000Z' };
    const onTime = draftNotice('regulator', 'FR', rule('FR.gdpr.sa'), { ...base, noticeDate: '2026-10-08' }, ['email']);
    expect(onTime.problems, JSON.stringify(onTime.problems)).toEqual([]);
    expect(onTime.rendered.coverage.find((c) => c.item === item)).toMatchObject({ status: 'met', by: expect.stringContaining('within the deadline') });
    expect(onTime.rendered.sections.map((x) => x.key)).not.toContain('delay');
    const late = draftNotice('regulator', 'FR', rule('FR.gdpr.sa'), { ...base, noticeDate: '2026-10-09' }, ['email']);
    expect(late.problems.map((p) => p.item)).toEqual([item]);
    expect(late.problems[0]!.message).toContain('dated 2026-10-09, after the deadline of 2026-10-08T09:00:00.000Z');
    const reasons = 'The affected database was identified only after forensic imaging on 9 October.';
    const explained = draftNotice('regulator', 'FR', rule('FR.gdpr.sa'), { ...base, noticeDate: '2026-10-09', delayReasons: reasons }, ['email']);
    expect(explained.problems, JSON.stringify(explained.problems)).toEqual([]);
    expect(explained.rendered.sections.find((x) => x.key === 'delay')).toEqual({ key: 'delay', heading: 'Reasons for the delay', text: reasons });
    // Without a known deadline the checker cannot tell: the drafter attests or gives the reasons.
    const unknown = draftNotice('regulator', 'FR', rule('FR.gdpr.sa'), { ...FULL }, ['email']);
    expect(unknown.problems.find((p) => p.item === item)?.message).toContain('no deadline known');
    // The UK's own rule words the item the same way; Brazil's ANPD form (Res. 15/2024) too.
    const uk = draftNotice('regulator', 'GB', rule('GB.uk-gdpr.ico'), { ...base, noticeDate: '2026-10-10' }, ['email']);
    expect(uk.problems.map((p) => p.item).join()).toMatch(/reasons for the delay/);
  });

  it('issue 20 §6: the state AG notice states the monitoring offer to the authority, not to "you"', () => {
    const d = draftNotice('regulator', 'US-NY', rule('US-NY.regulator.2025'), { ...FULL, residentsAffected: 3, totalAffected: 9, reporterName: 'Cora', reporterTitle: 'CISO', sampleNoticeRef: 'A' }, ['us_ssn']);
    const text = renderText(d.rendered);
    expect(text).toContain('Affected residents are offered 12 months');
    expect(text).not.toMatch(/to you|To enrol/);
    expect(d.rendered.fields).toMatchObject({ residentsAffected: '3', totalAffected: '9' });
  });

  it('Cal. Civ. Code §1798.82(d)(2)(C): a date range of the breach is stated as a range, in the text and the fields', () => {
    const ranged = { ...FULL, breachEndDate: '2026-10-03' };
    const ind = draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), ranged, ['email']);
    expect(ind.problems).toEqual([]);
    expect(renderText(ind.rendered)).toContain('The breach occurred between 2026-10-01 and 2026-10-03');
    expect(renderText(draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), FULL, ['email']).rendered)).toContain('on or about 2026-10-01');
    expect(draftNotice('regulator', 'FR', rule('FR.gdpr.sa'), { ...ranged, residentsAffected: 1, totalAffected: 1 }, ['email']).rendered.fields).toMatchObject({ breachDate: '2026-10-01', breachEndDate: '2026-10-03' });
  });

  it('issue 20 §6: every template names the organisation and how to reach it (profile fields)', () => {
    const inputs = { ...FULL, residentsAffected: 5, totalAffected: 5, reporterName: 'Cora', reporterTitle: 'CISO', sampleNoticeRef: 'A', website: 'https://example.test/n', breachType: 'theft', phiLocation: 'laptop', safeguards: 'none' };
    const cases: [(typeof NOTICE_KINDS)[number], string, string | null][] = [
      ['individual', 'US-CA', 'US-CA.individuals.2026'],
      ['individual', 'US-MA', 'US-MA.individuals'],
      ['individual', 'EU', 'EU.gdpr.individuals'],
      ['individual', 'US', 'US.hipaa.individuals'],
      ['regulator', 'FR', 'FR.gdpr.sa'],
      ['regulator', 'US-NY', 'US-NY.regulator.2025'],
      ['credit_bureau', 'US-NY', null],
      ['substitute', 'US-CA', null],
      ['media', 'US-CA', null],
    ];
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(NOTICE_KINDS));
    for (const [kind, j, id] of cases) {
      const text = renderText(draftNotice(kind, j, id ? rule(id) : null, inputs, ['email']).rendered);
      expect(text, `${kind} ${j}`).toContain('Example Co');
      expect(text, `${kind} ${j}`).toContain('privacy@example.test');
      expect(text, `${kind} ${j}`).toContain('1-800-555-0100');
    }
  });
});
