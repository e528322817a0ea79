/**
 * How an individuals notice may be given under a rule: when e-mail counts as notice, when a
 * substitute notice may replace it, and which other regime's notice is deemed to satisfy it. Split from
 * rule.schema.ts (which validates the whole rule record) so the form-of-notice vocabulary, used by
 * the rules, the engine output and the notices campaign, lives in one small file.
 */
import { z } from 'zod';

/** When e-mail counts as notice to an individual (electronic-notice.ts; docs/notices.md "Channels"). */
export const ELECTRONIC_NOTICE = [
  /** E-mail to an address on record is notice (Fla. Stat. §501.171(4)(d)2, A.R.S. §18-552(F)(2)). */
  'any',
  /** Only with the person's E-SIGN consent, 15 U.S.C. §7001(c) (most states). */
  'consent',
  /** Consent, or e-mail is the entity's primary means of communication with the person (AK, MS, UT …). */
  'consent_or_primary',
  /**
   * Only where e-mail is the entity's primary means of communication — the statute names no consent
   * route (Ohio Rev. Code §1349.19(E)(3), RSA 359-C:20(III)(b)).
   */
  'primary',
] as const;
/** A rule's answer to "is e-mail notice here?" and the provision it rests on (rules, engine output, campaign). */
export interface ElectronicNotice {
  allowed: (typeof ELECTRONIC_NOTICE)[number];
  basis: string;
}

export const electronicNoticeSchema = z.strictObject({ allowed: z.enum(ELECTRONIC_NOTICE), basis: z.string().min(3) });

/**
 * When a state lets a substitute notice (website, media, e-mail to addresses on file) replace direct
 * notice: the cost or the number of people to notify passes the statute's figure ("exceed", strictly
 * greater), or the entity lacks contact information. `null` figure = the statute names none.
 */
export const substituteNoticeSchema = z.strictObject({
  costOver: z.number().positive().nullable(),
  countOver: z.number().int().positive().nullable(),
  /** Whether "insufficient contact information" is a ground too (most states; not IN, MI). */
  insufficientContact: z.boolean(),
  /** What the substitute notice consists of ("all of the following" unless said otherwise). */
  components: z.array(z.string().min(3)).min(1),
  /** The provision and what it was checked against. */
  basis: z.string().min(3),
});
export type SubstituteNotice = z.infer<typeof substituteNoticeSchema>;

/**
 * Another regime whose notice the state deems to satisfy (or that takes the entity out of) a duty:
 * hipaa — a HIPAA covered entity notifying under 45 CFR §164.404; glba — a financial institution
 * notifying under GLBA / the Interagency Guidance (12 CFR 30 App. B Supp. A) or the FTC Safeguards
 * Rule; federal_regulator — notice under its primary or functional federal regulator's rules;
 * own_policy — the entity's own notification procedures, consistent with the statute's timing
 * (facts: controller.hipaa, glbaFtc / bankingOrganization / secRegSP, ownNotificationPolicy).
 */
export const DEEMED_VIA = ['hipaa', 'glba', 'federal_regulator', 'own_policy'] as const;
export type DeemedVia = (typeof DEEMED_VIA)[number];

export const deemedComplianceSchema = z.strictObject({
  via: z.enum(DEEMED_VIA),
  /**
   * exempt: the law does not apply to such an entity; deemed: the other notice counts as this one;
   * none: the text was checked and has no such clause (the answer says so, rather than nothing).
   */
  effect: z.enum(['exempt', 'deemed', 'none']),
  /** What must hold for the clause, in the statute's words (e.g. "provided a copy goes to the AG"). */
  condition: z.string().min(3),
  /** The provision and what it was checked against. */
  basis: z.string().min(3),
  /**
   * Other notices of the same state the clause makes a condition of itself ("provided that … also
   * provides such notification to the Attorney General", 815 ILCS 530/50): rule ids, or an id
   * without its year suffix (`US-CT.regulator` matches `US-CT.regulator.2021`). Tracking holds the
   * duty owed until these are met too (tracking/deemed.service.ts); one that is not required does not hold it.
   */
  alsoMet: z.array(z.string().min(3)).optional(),
});
export type DeemedCompliance = z.infer<typeof deemedComplianceSchema>;
