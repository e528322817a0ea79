/**
 * How an individuals notice may be given under a rule: when e-mail counts as notice. Split from
 * rule.schema.ts (which validates the whole rule record) so the form-of-notice vocabulary, used by
 * the rules, the engine output and the notices campaign, lives in one small file.
 */
import { z } from 'zod';

/** When e-mail counts as notice to an individual (electronic-notice.ts; docs/notices.md "Channels"). */
export const ELECTRONIC_NOTICE = ['any', 'consent', 'consent_or_primary'] as const;
/** A rule's answer to "is e-mail notice here?" and the provision it rests on (rules, engine output, campaign). */
export interface ElectronicNotice {
  allowed: (typeof ELECTRONIC_NOTICE)[number];
  basis: string;
}

export const electronicNoticeSchema = z.strictObject({ allowed: z.enum(ELECTRONIC_NOTICE), basis: z.string().min(3) });
