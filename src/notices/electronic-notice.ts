/**
 * Pure core: by which channel one person gets an individual notice, under the rule the notice
 * satisfies (rule.schema.ts `electronicNotice`).
 *
 * Most US state statutes make e-mail "notice" only if it is consistent with E-SIGN, i.e. the
 * consumer affirmatively consented to electronic records (15 U.S.C. §7001(c)); some also when
 * e-mail is the entity's primary means of communication with the resident (C.R.S.
 * §6-1-716(1)(f)(III), SDCL §22-40-22(2)); a few only then (Ohio Rev. Code §1349.19(E)(3)). HIPAA: first-class mail, or e-mail "if the individual
 * agrees to electronic notice and such agreement has not been withdrawn" (45 CFR
 * §164.404(d)(1)(i)). GDPR Art. 34 prescribes no form. An e-mail the law does not count as notice
 * leaves the duty unmet, so such a person goes by post — or, without a postal address, is
 * unreachable and needs the substitute notice.
 */
import type { ELECTRONIC_NOTICE } from '../obligations/rule-notice.schema.js';

export type ElectronicNoticeRule = (typeof ELECTRONIC_NOTICE)[number];

/** Why a person with an e-mail address is not e-mailed (outbox `channel_reason`). */
export const NO_CONSENT = 'no_consent';

export interface ChannelInput {
  hasEmail: boolean;
  hasPostal: boolean;
  /** E-SIGN consent from the import: true given, false refused, null not stated. */
  emailConsent: boolean | null;
}

export interface ChannelChoice {
  channel: 'email' | 'postal';
  /** Initial outbox state: e-mail is queued, a letter waits for the print batch, nothing reaches the person: failed. */
  state: 'queued' | 'postal' | 'failed';
  /** `no_consent` when the person has an e-mail address the law does not let this notice use. */
  reason: typeof NO_CONSENT | null;
  error: string | null;
}

/**
 * Whether e-mail counts as notice. `allowed` absent (a rule that does not say) reads as `consent`,
 * the conservative reading. A refused consent (false) never counts; a primary-means declaration
 * counts where the statute says so.
 */
export function emailPermitted(allowed: ElectronicNoticeRule | undefined, consent: boolean | null, primaryDeclared: boolean): boolean {
  const rule = allowed ?? 'consent';
  if (rule === 'any') return true;
  // Ohio Rev. Code §1349.19(E)(3), RSA 359-C:20(III)(b): only the primary means counts — consent alone does not.
  if (rule === 'primary') return primaryDeclared;
  if (consent === true) return true;
  return rule === 'consent_or_primary' && primaryDeclared;
}

/** The stored consent column (notice_people.email_consent: 1, 0 or null) as a consent. */
export const consentOf = (v: number | null): boolean | null => (v === null ? null : v === 1);

export function chooseChannel(p: ChannelInput, allowed: ElectronicNoticeRule | undefined, primaryDeclared: boolean): ChannelChoice {
  if (p.hasEmail && emailPermitted(allowed, p.emailConsent, primaryDeclared)) return { channel: 'email', state: 'queued', reason: null, error: null };
  const reason = p.hasEmail ? NO_CONSENT : null;
  if (p.hasPostal) return { channel: 'postal', state: 'postal', reason, error: null };
  return {
    channel: 'postal',
    state: 'failed',
    reason,
    error: reason
      ? 'e-mail is not notice here without the person’s consent to electronic notice (E-SIGN, 15 U.S.C. §7001(c)) and there is no postal address (substitute notice needed)'
      : 'no usable e-mail or postal address (substitute notice needed)',
  };
}

/** Import cell → consent: yes/true/1/x or a date = given (with the date); no/false/0 = refused; empty = not stated. */
export function parseConsent(cell: string): { consent: boolean | null; at: string | null; warning?: string } {
  const t = cell.trim().toLowerCase();
  if (!t) return { consent: null, at: null };
  if (['1', 'true', 'yes', 'y', 'x', 'consented', 'opted in', 'opt-in', 'optin'].includes(t)) return { consent: true, at: null };
  if (['0', 'false', 'no', 'n', 'refused', 'withdrawn', 'opted out', 'opt-out', 'optout'].includes(t)) return { consent: false, at: null };
  // A date: consent given that day (ISO 8601, or what Date understands like 03/14/2024).
  const iso = /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : null;
  const ms = iso ? Date.parse(`${iso}T00:00:00Z`) : Date.parse(t);
  if (!Number.isNaN(ms) && /\d/.test(t)) return { consent: true, at: iso ?? localDay(new Date(ms)) };
  return { consent: null, at: null, warning: `e-mail consent "${cell.trim()}" is not yes/no/true/false/1/0 or a date: treated as not stated` };
}

/** A date parsed without a zone (Date.parse reads "03/14/2024" as local midnight) as its local day. */
const localDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
