/**
 * BreachFacts v1 — the input of the obligation engine (docs/obligations-json.md). Versioned
 * machine contract: change additively only.
 */
import { z } from 'zod';
import { elementIdSchema } from './rule.schema.js';

const instant = z.iso.datetime({ offset: true });

/**
 * ISO 3166 codes people tend to write differently; normalised so rules match. Puerto Rico, Guam
 * and the U.S. Virgin Islands have their own ISO 3166-1 codes but their breach laws are encoded
 * as US subdivisions (ISO 3166-2:US), like the states.
 */
const JURISDICTION_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR', PR: 'US-PR', GU: 'US-GU', VI: 'US-VI' };
export const normaliseJurisdiction = (code: string): string => {
  const upper = code.trim().toUpperCase();
  return JURISDICTION_ALIASES[upper] ?? upper;
};
/** ISO 3166-1 alpha-2 ("FR") or ISO 3166-2 ("US-TX", "CA-QC"); case-insensitive on input. */
const jurisdiction = z
  .string()
  .transform(normaliseJurisdiction)
  .pipe(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'expected an ISO 3166-1 or 3166-2 code such as "FR" or "US-TX"'));

export const controllerSchema = z.object({
  /** Countries (ISO 3166-1) where the organisation has an establishment. */
  establishments: z.array(jurisdiction).default([]),
  /** Main establishment for the GDPR one-stop-shop (Art. 4(16)); defaults to the first EEA one. */
  mainEstablishment: jurisdiction.optional(),
  role: z.enum(['controller', 'processor']).default('controller'),
  sectors: z.array(z.string()).default([]),
  hipaa: z.enum(['covered_entity', 'business_associate']).nullable().default(null),
  /** SEC registrant (Form 8-K). `listed` is accepted as a synonym. */
  publicCompany: z.boolean().default(false),
  listed: z.boolean().optional(),
  smallerReportingCompany: z.boolean().default(false),
  /** Licensed/registered by NY DFS (23 NYCRR 500 covered entity). */
  nydfs: z.boolean().default(false),
  nis2Entity: z.enum(['essential', 'important']).nullable().default(null),
  doraEntity: z.boolean().default(false),
  /** US bank, savings association or holding company (12 CFR 53 / 225 / 304). */
  bankingOrganization: z.boolean().default(false),
  bankServiceProvider: z.boolean().default(false),
  /** Provider of a public electronic communications service (PECR reg. 5A, Reg. 611/2013). */
  telecom: z.boolean().default(false),
  /** Non-bank financial institution under the FTC Safeguards Rule (16 CFR 314). */
  glbaFtc: z.boolean().default(false),
  /** Vendor of personal health records or PHR-related entity (16 CFR 318). */
  phrVendor: z.boolean().default(false),
  /** Broker-dealer, investment company, adviser or transfer agent under Reg S-P. */
  secRegSP: z.enum(['larger', 'smaller']).nullable().default(null),
  /** Insurance licensee (e.g. WAC 284-04-625). */
  insuranceLicensee: z.boolean().default(false),
  /** Brazil: small processing agent (Res. CD/ANPD 2/2022) — doubled ANPD periods. */
  smallProcessingAgent: z.boolean().default(false),
});
export type ControllerProfile = z.infer<typeof controllerSchema>;

export const populationEntrySchema = z.object({
  jurisdiction,
  individuals: z.number().int().nonnegative(),
  elements: z.array(elementIdSchema),
  /** Overrides breach.encrypted for this group (e.g. one table encrypted, another not). */
  encrypted: z.boolean().optional(),
});
export type PopulationEntry = z.infer<typeof populationEntrySchema>;

const severityInputSchema = z.object({
  dpc: z
    .object({
      category: z.enum(['simple', 'behavioural', 'financial', 'sensitive']),
      adjustments: z.array(z.object({ delta: z.number().int().min(-3).max(3), reason: z.string() })).default([]),
    })
    .optional(),
  ei: z.union([z.literal(0.25), z.literal(0.5), z.literal(0.75), z.literal(1)]).optional(),
  cb: z
    .object({
      confidentiality: z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]).default(0),
      integrity: z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]).default(0),
      availability: z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]).default(0),
      malicious: z.boolean().default(false),
    })
    .optional(),
});
export type SeverityInput = z.infer<typeof severityInputSchema>;

export const breachFactsSchema = z.object({
  version: z.literal(1),
  discoveredAt: instant,
  awareAt: instant,
  /** When the organisation determined a breach occurred (TX, FL, CO…); defaults to awareAt. */
  determinedAt: instant.optional(),
  materialityDeterminedAt: instant.optional(),
  /** DORA: classification as a major ICT-related incident; defaults to awareAt. */
  classifiedAt: instant.optional(),
  extortionPaidAt: instant.optional(),
  /** Sent notices, when known, for "N days after the consumer notice" style clocks. */
  individualNoticeAt: instant.optional(),
  regulatorNoticeAt: instant.optional(),
  hhsNoticeAt: instant.optional(),
  controller: controllerSchema,
  breach: z.object({
    types: z.array(z.enum(['confidentiality', 'integrity', 'availability'])).min(1),
    access: z.boolean(),
    /** null = not known whether data were acquired: acquisition-triggered rules answer `review`. */
    acquisition: z.boolean().nullable(),
    encrypted: z.boolean().default(false),
    keyCompromised: z.boolean().default(false),
    malicious: z.boolean().default(false),
  }),
  population: z.array(populationEntrySchema),
  risk: z
    .object({
      /** Human-confirmed GDPR level; null = not yet decided (the engine suggests one). */
      gdpr: z.enum(['unlikely', 'risk', 'high']).nullable().default(null),
      /** A documented determination that harm/misuse is not reasonably likely (US RoH states). */
      noHarmDetermination: z.boolean().default(false),
      /** RROSH / serious / significant harm under non-EU laws; null = not decided. */
      significantHarm: z.boolean().nullable().default(null),
      material: z.boolean().nullable().default(null),
      /** NIS2 "significant", DORA "major", NYDFS 500.17, bank "notification incident". */
      significantIncident: z.boolean().nullable().default(null),
      art34Exemptions: z
        .object({
          a: z.boolean().default(false),
          b: z.boolean().default(false),
          c: z.boolean().default(false),
        })
        .default({ a: false, b: false, c: false }),
    })
    .default({
      gdpr: null,
      noHarmDetermination: false,
      significantHarm: null,
      material: null,
      significantIncident: null,
      art34Exemptions: { a: false, b: false, c: false },
    }),
  severity: severityInputSchema.optional(),
});
export type BreachFacts = z.infer<typeof breachFactsSchema>;
export type BreachFactsInput = z.input<typeof breachFactsSchema>;
