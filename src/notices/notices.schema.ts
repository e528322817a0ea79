/** zod shapes of the notices API. */
import { z } from 'zod';
import { ELEMENT_IDS } from '../assessment/scanner/types.js';

const text = z.string().max(20_000);
export const draftInputsSchema = z
  .object({
    organisationName: text.optional(),
    organisationAddress: text.optional(),
    parentName: text.optional(),
    contactPhone: text.optional(),
    contactEmail: text.optional(),
    website: text.optional(),
    dpoContact: text.optional(),
    breachDate: text.optional(),
    breachEndDate: text.optional(),
    discoveryDate: text.optional(),
    noticeDate: text.optional(),
    whatHappened: text.optional(),
    informationInvolved: text.optional(),
    whatWeAreDoing: text.optional(),
    whatYouCanDo: text.optional(),
    likelyConsequences: text.optional(),
    lawEnforcementDelay: z.boolean().nullable().optional(),
    creditMonitoringMonths: z.number().int().min(0).max(120).optional(),
    monitoringEnrollment: text.optional(),
    residentsAffected: z.number().int().min(0).optional(),
    totalAffected: z.number().int().min(0).optional(),
    reporterName: text.optional(),
    reporterTitle: text.optional(),
    breachType: text.optional(),
    phiLocation: text.optional(),
    safeguards: text.optional(),
    sampleNoticeRef: text.optional(),
    /** Why the notification is later than its deadline (GDPR Art. 33(1); LGPD Art. 48 §1 IV). */
    delayReasons: text.optional(),
    /** The deadline of the obligation this notice meets (ISO 8601), from the tracked obligations. */
    notificationDeadline: z.iso.datetime({ offset: true }).optional(),
    attestations: z.record(z.string(), text).optional(),
  })
  .strict();
export type DraftInputsParsed = z.infer<typeof draftInputsSchema>;

export const draftBodySchema = z.object({
  incidentId: z.string().min(1),
  recipient: z.string().min(1),
  jurisdiction: z.string().min(2).max(10),
  ruleId: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  elements: z.array(z.enum(ELEMENT_IDS)).optional(),
  /** BCP 47: en (default), de, fr, fr-CA, es, it, nl, pt, pt-BR, pl, sv — also `German`, `de-AT`… (languages.ts). */
  language: z.string().max(35).optional(),
});

export const reviseBodySchema = z.object({
  inputs: z.record(z.string(), z.unknown()).optional(),
  elements: z.array(z.enum(ELEMENT_IDS)).optional(),
});
