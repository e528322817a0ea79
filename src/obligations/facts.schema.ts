/**
 * BreachFacts v1 — the input of the obligation engine (docs/obligations-json.md). Versioned
 * machine contract: change additively only. Objects are strict: an unknown key is an error that
 * names the nearest valid key (issue 13 §7), so a misspelt fact is never silently ignored.
 */
import { closest } from 'fastest-levenshtein';
import { iso31661, iso31662 } from 'iso-3166';
import { z } from 'zod';
import { REGULATOR_IDS } from './regulators.js';
import { CONSULTEES, elementIdSchema } from './rule.schema.js';

const instant = z.iso.datetime({ offset: true });

/** The one-line message for unknown keys, with the nearest valid key (issue 13 §7). */
export const unknownKeyMessage = (keys: readonly PropertyKey[], valid: readonly string[]): string =>
  keys
    .map((k) => {
      const key = String(k);
      const near = valid.length ? closest(key, [...valid]) : undefined;
      return `unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}`;
    })
    .join('; ');

/** A strict object whose unknown-key error names the nearest valid key. */
export const strictObject = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? unknownKeyMessage(iss.keys, Object.keys(shape)) : undefined),
  });

/**
 * ISO 3166 codes people tend to write differently; normalised so rules match. Puerto Rico, Guam
 * and the U.S. Virgin Islands have their own ISO 3166-1 codes but their breach laws are encoded
 * as US subdivisions (ISO 3166-2:US), like the states.
 */
const JURISDICTION_ALIASES: Record<string, string> = {
  UK: 'GB',
  EL: 'GR',
  PR: 'US-PR',
  GU: 'US-GU',
  VI: 'US-VI',
  AS: 'US-AS',
  MP: 'US-MP',
};
export const normaliseJurisdiction = (code: string): string => {
  const upper = code.trim().toUpperCase();
  return JURISDICTION_ALIASES[upper] ?? upper;
};

/**
 * People whose residence is not known (no address, phone or hint): a counted category of its own
 * (issue 19 §4), never dropped and never a crash. Rules never match it; thresholds that it could
 * tip answer `review` (issue 20 §1 "data of uncertain residency").
 */
export const UNKNOWN_JURISDICTION = 'UNKNOWN';

const COUNTRIES = new Set(iso31661.map((c) => c.alpha2));
const SUBDIVISIONS = new Set(iso31662.map((s) => s.code));
/** ISO 3166-1 alpha-2 or ISO 3166-2 code as assigned (iso-3166 package, from the ISO Online Browsing Platform). */
export const isKnownJurisdiction = (code: string): boolean => COUNTRIES.has(code) || SUBDIVISIONS.has(code);

/** "did you mean" for a code that is not assigned: the nearest code of the same country, else of all countries. */
const nearestJurisdiction = (code: string): string => {
  const country = code.split('-')[0];
  const pool = code.includes('-') && COUNTRIES.has(country) ? iso31662.filter((s) => s.parent === country).map((s) => s.code) : [...COUNTRIES];
  return closest(code, pool);
};

/**
 * The lenient reading for facts the product assembles itself (scanner hints, imported people):
 * an assigned code as is; an unassigned subdivision of a known country as that country; anything
 * else (empty, "unknown", "XX") as UNKNOWN. Never throws — an odd code must not stop the engine.
 */
export const toFactsJurisdiction = (code: string | null | undefined): string => {
  const c = normaliseJurisdiction(code ?? '');
  if (isKnownJurisdiction(c)) return c;
  const country = c.split('-')[0];
  if (c.includes('-') && COUNTRIES.has(country)) return country;
  return UNKNOWN_JURISDICTION;
};

const ISO_HINT = 'expected an ISO 3166-1 or 3166-2 code such as "FR" or "US-TX"';
/** ISO 3166-1 alpha-2 ("FR") or ISO 3166-2 ("US-TX", "CA-QC"); case-insensitive on input; assigned codes only. */
const jurisdiction = z
  .string()
  .transform(normaliseJurisdiction)
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, ISO_HINT)
      .refine(isKnownJurisdiction, { error: (i) => `unknown jurisdiction code "${String(i.input)}" (did you mean "${nearestJurisdiction(String(i.input))}"?)` }),
  );
/** A population group's jurisdiction: an assigned code, or "UNKNOWN" for people of unknown residence. */
const populationJurisdiction = z
  .string()
  .transform(normaliseJurisdiction)
  .pipe(z.union([z.literal(UNKNOWN_JURISDICTION), jurisdiction]));

export const controllerSchema = strictObject({
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
  /**
   * Maintains its own notification procedures as part of an information security policy, consistent
   * with the timing of the state laws, and notifies under them (A.R.S. §18-552, Tex. Bus. & Com. Code
   * §521.053, N.M. Stat. ch. 57-12C, Wyo. Stat. §40-12-502 "own policy" clauses: rule `deemedCompliance`).
   */
  ownNotificationPolicy: z.boolean().default(false),
  /** Vendor of personal health records or PHR-related entity (16 CFR 318). */
  phrVendor: z.boolean().default(false),
  /** Broker-dealer, investment company, adviser or transfer agent under Reg S-P. */
  secRegSP: z.enum(['larger', 'smaller']).nullable().default(null),
  /** Insurance licensee (e.g. WAC 284-04-625). */
  insuranceLicensee: z.boolean().default(false),
  /** Brazil: small processing agent (Res. CD/ANPD 2/2022) — doubled ANPD periods. */
  smallProcessingAgent: z.boolean().default(false),
  /**
   * Australia: a small business operator (annual turnover A$3 million or less) that is not an APP
   * entity under Privacy Act 1988 ss 6D–6E (no health service, no opt-in under s 6EA).
   */
  auSmallBusinessOperator: z.boolean().default(false),
  /**
   * The regulators that supervise or license the organisation (regulators.ts ids, e.g.
   * "US-NY-DFS"). Rules with `supervisedBy` apply only when one of theirs is listed (issue 13 §3:
   * NY GBL §899-aa(8)(a) notice to DFS only for DFS-regulated entities). Absent = not stated: such
   * rules answer `review` with the question; [] = none.
   */
  regulators: z.array(z.enum(REGULATOR_IDS)).optional(),
  /**
   * Who the organisation is, for the notices it sends (issue 20 §6): drafts are pre-filled from
   * these. They never change which law applies.
   */
  name: z.string().max(300).optional(),
  address: z.string().max(1000).optional(),
  contactEmail: z.string().max(300).optional(),
  contactPhone: z.string().max(100).optional(),
  website: z.string().max(500).optional(),
  /** Data protection officer: name and how to reach them (GDPR Art. 33(3)(b), 34(2)). */
  dpoContact: z.string().max(500).optional(),
});
export type ControllerProfile = z.infer<typeof controllerSchema>;

export const populationEntrySchema = strictObject({
  jurisdiction: populationJurisdiction,
  individuals: z.number().int().nonnegative(),
  elements: z.array(elementIdSchema),
  /** Overrides breach.encrypted for this group (e.g. one table encrypted, another not). */
  encrypted: z.boolean().optional(),
});
export type PopulationEntry = z.infer<typeof populationEntrySchema>;

const severityInputSchema = strictObject({
  dpc: strictObject({
      category: z.enum(['simple', 'behavioural', 'financial', 'sensitive']),
      adjustments: z.array(strictObject({ delta: z.number().int().min(-3).max(3), reason: z.string() })).default([]),
    })
    .optional(),
  ei: z.union([z.literal(0.25), z.literal(0.5), z.literal(0.75), z.literal(1)]).optional(),
  cb: strictObject({
      confidentiality: z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]).default(0),
      integrity: z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]).default(0),
      availability: z.union([z.literal(0), z.literal(0.25), z.literal(0.5)]).default(0),
      malicious: z.boolean().default(false),
    })
    .optional(),
});
export type SeverityInput = z.infer<typeof severityInputSchema>;

/** How far the data went (ENISA 2013 CB confidentiality: known vs unknown number of recipients). */
export const EXPOSURES = ['internal', 'known_recipients', 'unknown_recipients', 'public'] as const;

export const breachSchema = strictObject({
  types: z.array(z.enum(['confidentiality', 'integrity', 'availability'])).min(1),
  access: z.boolean(),
  /** null = not known whether data were acquired: acquisition-triggered rules answer `review`. */
  acquisition: z.boolean().nullable(),
  encrypted: z.boolean().default(false),
  /**
   * Was the encryption key (or the credential that unlocks the data) compromised too? null = not
   * known: encryption safe harbours that are lost with the key answer `review` (issue 20 §1).
   */
  keyCompromised: z.boolean().nullable().default(false),
  /** An intentional act (attack, theft, insider misuse); false = inadvertent (a mistake). */
  malicious: z.boolean().default(false),
  /**
   * The data were acquired or disclosed by a person authorised to access them (an employee,
   * agent or contractor). NY GBL §899-aa(2)(a) exempts only inadvertent disclosure by such persons;
   * null = not known.
   */
  byAuthorisedPerson: z.boolean().nullable().default(null),
  /**
   * Good-faith acquisition by an employee or agent for a legitimate purpose, not used or further
   * disclosed: not a breach in most US state definitions (e.g. Cal. Civ. Code §1798.82(g)).
   */
  goodFaithEmployee: z.boolean().nullable().default(null),
  /** The breach stayed within the organisation (Singapore PDPA s 26B(4): deemed not notifiable). */
  onlyWithinOrganisation: z.boolean().nullable().default(null),
  /**
   * How exposed credentials were hashed, when password hashes are among the elements. Whether a
   * hash counts as "a password" needs judgement (issue 20 §1): weak or unsalted hashes, or leaked
   * salts/peppers/keys, count; a strong salted hash with its secrets safe does not; unknown → review.
   */
  hashing: strictObject({
      /** e.g. "bcrypt", "argon2id", "scrypt", "pbkdf2-sha256", "sha1", "md5", "ntlm". */
      algorithm: z.string().min(1).nullable().default(null),
      /** Salted (per-user salt) or keyed (pepper/HMAC). */
      salted: z.boolean().nullable().default(null),
      /** The salts, pepper or hashing key leaked with the hashes. */
      secretsLeaked: z.boolean().nullable().default(null),
    })
    .optional(),
  /** How far the data went; feeds the ENISA CB confidentiality default (severity.ts). null = not known. */
  exposure: z.enum(EXPOSURES).nullable().default(null),
  /**
   * A law-enforcement agency asked that notice be delayed (most US state laws allow it while the
   * request lasts, e.g. Cal. Civ. Code §1798.82(c)); null = no request.
   */
  lawEnforcementDelay: strictObject({
    requested: z.boolean(),
    agency: z.string().max(200).optional(),
    until: instant.optional(),
  })
    .nullable()
    .default(null),
});

export const riskSchema = strictObject({
  /** Human-confirmed GDPR level; null = not yet decided (the engine suggests one). */
  gdpr: z.enum(['unlikely', 'risk', 'high']).nullable().default(null),
  /** A determination that harm/misuse is not reasonably likely (US RoH states, HIPAA). */
  noHarmDetermination: z.boolean().default(false),
  /**
   * When the no-harm determination was made *in writing*. Its presence is what "documented in
   * writing" means for rules that require it (NY §899-aa(2)(a), FL §501.171(4)(c)); it is also the
   * clock anchor `no_harm_determination` (FL: to the Department within 30 days after it).
   */
  noHarmDeterminedAt: instant.optional(),
  /** Consulted before the determination (DC: OAG and federal law enforcement; FL: law enforcement). */
  consultedWith: z.array(z.enum(CONSULTEES)).default([]),
  /** RROSH / serious / significant harm under non-EU laws; null = not decided. */
  significantHarm: z.boolean().nullable().default(null),
  material: z.boolean().nullable().default(null),
  /** NIS2 "significant", DORA "major", NYDFS 500.17, bank "notification incident". */
  significantIncident: z.boolean().nullable().default(null),
  art34Exemptions: strictObject({
      a: z.boolean().default(false),
      b: z.boolean().default(false),
      c: z.boolean().default(false),
    })
    .default({ a: false, b: false, c: false }),
});

export const breachFactsSchema = strictObject({
  version: z.literal(1),
  discoveredAt: instant,
  awareAt: instant,
  /** When the organisation determined a breach occurred (TX, FL, CO…); defaults to awareAt. */
  determinedAt: instant.optional(),
  materialityDeterminedAt: instant.optional(),
  /** DORA: classification as a major ICT-related incident; defaults to awareAt. */
  classifiedAt: instant.optional(),
  /**
   * When the organisation concluded its assessment of whether the breach is notifiable (Singapore
   * PDPA s 26D(1): PDPC within 3 calendar days after; Australia s 26WH: assessment within 30 days).
   */
  notifiabilityAssessedAt: instant.optional(),
  extortionPaidAt: instant.optional(),
  /** Sent notices, when known, for "N days after the consumer notice" style clocks. */
  individualNoticeAt: instant.optional(),
  regulatorNoticeAt: instant.optional(),
  hhsNoticeAt: instant.optional(),
  controller: controllerSchema,
  breach: breachSchema,
  population: z.array(populationEntrySchema),
  risk: riskSchema.default({
    gdpr: null,
    noHarmDetermination: false,
    consultedWith: [],
    significantHarm: null,
    material: null,
    significantIncident: null,
    art34Exemptions: { a: false, b: false, c: false },
  }),
  severity: severityInputSchema.optional(),
});
export type BreachFacts = z.infer<typeof breachFactsSchema>;
export type BreachFactsInput = z.input<typeof breachFactsSchema>;
