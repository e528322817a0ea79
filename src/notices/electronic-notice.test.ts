/** When e-mail counts as notice, per rule kind (rule.schema.ts `electronicNotice`), and the consent column. */
import { describe, expect, it } from 'vitest';
import { chooseChannel, emailPermitted, parseConsent } from './electronic-notice.js';

const withEmail = { hasEmail: true, hasPostal: true, emailConsent: null };

describe('emailPermitted per rule kind', () => {
  it('any (GDPR Art. 34, IC 24-4.9-3-4): e-mail whatever the consent', () => {
    expect(emailPermitted('any', null, false)).toBe(true);
    expect(emailPermitted('any', false, false)).toBe(true);
  });
  it('consent (E-SIGN §7001(c), HIPAA §164.404(d)(1)): only with consent given; a primary-means declaration does not count', () => {
    expect(emailPermitted('consent', true, false)).toBe(true);
    expect(emailPermitted('consent', null, true)).toBe(false);
    expect(emailPermitted('consent', false, false)).toBe(false);
  });
  it('primary (Ohio Rev. Code §1349.19(E)(3)): only the primary-means declaration, consent alone does not count', () => {
    expect(emailPermitted('primary', true, false)).toBe(false);
    expect(emailPermitted('primary', null, true)).toBe(true);
    expect(emailPermitted('primary', false, true)).toBe(true);
  });

  it('consent_or_primary (C.R.S. §6-1-716(1)(f)(III)): consent, or the primary-means declaration', () => {
    expect(emailPermitted('consent_or_primary', true, false)).toBe(true);
    expect(emailPermitted('consent_or_primary', null, true)).toBe(true);
    expect(emailPermitted('consent_or_primary', null, false)).toBe(false);
  });
  it('a rule that does not say reads as consent (the conservative reading)', () => {
    expect(emailPermitted(undefined, null, true)).toBe(false);
    expect(emailPermitted(undefined, true, false)).toBe(true);
  });
});

describe('chooseChannel', () => {
  it('e-mail when permitted; post with reason no_consent when not', () => {
    expect(chooseChannel(withEmail, 'any', false)).toEqual({ channel: 'email', state: 'queued', reason: null, error: null });
    expect(chooseChannel(withEmail, 'consent', false)).toEqual({ channel: 'postal', state: 'postal', reason: 'no_consent', error: null });
  });
  it('no consent and no postal address: failed, with the reason and the substitute notice named', () => {
    const c = chooseChannel({ hasEmail: true, hasPostal: false, emailConsent: false }, 'consent', false);
    expect(c.state).toBe('failed');
    expect(c.reason).toBe('no_consent');
    expect(c.error).toMatch(/consent to electronic notice.*substitute notice/);
  });
  it('no e-mail at all: post, or failed without a reason of consent', () => {
    expect(chooseChannel({ hasEmail: false, hasPostal: true, emailConsent: null }, 'consent', false)).toMatchObject({ state: 'postal', reason: null });
    expect(chooseChannel({ hasEmail: false, hasPostal: false, emailConsent: true }, 'any', false)).toMatchObject({ state: 'failed', reason: null, error: /no usable e-mail or postal/ });
  });
});

describe('parseConsent (import column)', () => {
  it.each([
    ['yes', true, null],
    ['TRUE', true, null],
    ['1', true, null],
    ['no', false, null],
    ['0', false, null],
    ['false', false, null],
    ['', null, null],
    ['2024-03-14', true, '2024-03-14'],
    ['03/14/2024', true, '2024-03-14'],
  ])('%j → %s (%s)', (cell, consent, at) => {
    const r = parseConsent(cell);
    expect(r.consent).toBe(consent);
    expect(r.at).toBe(at);
  });
  it('anything else is not stated, with a warning', () => {
    expect(parseConsent('maybe')).toMatchObject({ consent: null, warning: /maybe/ });
  });
});
