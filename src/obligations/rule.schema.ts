/**
 * The rule record: one notification duty of one jurisdiction or regime, towards one recipient,
 * in force between two dates. Rules are data (plain object literals under `rules/`), validated by
 * this schema when they are loaded. Shape follows reference/breach-law.md §9.1, with the additions
 * §9.3 asks for (event anchors, ordering relations, multi-stage reports, conditional recipients).
 * See docs/rules-authoring.md.
 */
import { z } from 'zod';
import { ELEMENT_IDS } from '../assessment/scanner/types.js';
import { REGULATOR_IDS } from './regulators.js';
import { deemedComplianceSchema, electronicNoticeSchema, substituteNoticeSchema } from './rule-notice.schema.js';

export const elementIdSchema = z.enum(ELEMENT_IDS);

export const RECIPIENTS = [
  'individuals',
  'regulator',
  'credit_bureaus',
  'media',
  'controller',
  'law_enforcement',
  /**
   * The organisation itself: a step the law times without anyone to notify (Australia Privacy
   * Act s 26WH(2): assess a suspected eligible data breach within 30 days).
   */
  'internal',
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** Events a clock can run from. Each maps to a BreachFacts timestamp (see engine.ts). */
export const CLOCK_ANCHORS = [
  'awareness',
  'discovery',
  'determination',
  'materiality_determination',
  'classification',
  'extortion_payment',
  'individual_notice',
  'regulator_notice',
  'hhs_notice',
  'year_end',
  /** BreachFacts.notifiabilityAssessedAt (Singapore PDPA s 26D(1): 3 days after the assessment). */
  'notifiability_assessment',
  /** BreachFacts.risk.noHarmDeterminedAt (FL §501.171(4)(c): the written determination to the Department within 30 days). */
  'no_harm_determination',
] as const;
export type ClockAnchor = (typeof CLOCK_ANCHORS)[number];

export const CLOCK_UNITS = ['hours', 'calendar_days', 'business_days', 'months'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

export const URGENCIES = [
  'without_undue_delay',
  /** Alberta PIPA s 34.1; many US states. */
  'without_unreasonable_delay',
  /** LGPD Art. 48 before Res. 15/2024; Kenya DPA s 43; CERT-In Rules 2013 r 12. */
  'within_reasonable_time',
  'most_expedient_time',
  'as_soon_as_practicable',
  'as_soon_as_feasible',
  'as_soon_as_possible',
  'promptly',
  'without_delay',
  'immediately',
  'annual',
] as const;
export type Urgency = (typeof URGENCIES)[number];

/**
 * Ordering relations to another obligation of the same jurisdiction (§9.3 "ordering constraints"):
 * the AG notice no later than / before the consumer notice (IL, NE, CT / MD, NJ); individuals
 * on or after the regulator notice (Singapore s 26D).
 */
export const RELATIONS = [
  'no_later_than_individuals',
  'before_individuals',
  'on_or_after_regulator',
] as const;

/** Profile predicates over `controller` in BreachFacts; every listed one must hold. */
export const PROFILE_PREDICATES = [
  'controller',
  'processor',
  'hipaa_covered_entity',
  'hipaa_business_associate',
  'phr_vendor',
  'glba_ftc_institution',
  'public_company',
  'nydfs_covered',
  'nis2_entity',
  'dora_entity',
  'banking_organization',
  'bank_service_provider',
  'telecom_provider',
  'sec_regsp_institution',
  'insurance_licensee',
  'smaller_reporting_company',
  'sec_regsp_smaller',
  'small_processing_agent',
  'au_small_business',
] as const;
export type ProfilePredicate = (typeof PROFILE_PREDICATES)[number];

/** Who is consulted before a no-harm determination (DC §28-3852(g): OAG and federal law enforcement; FL §501.171(4)(c): law enforcement). */
export const CONSULTEES = ['law_enforcement', 'federal_law_enforcement', 'attorney_general', 'regulator'] as const;
export type Consultee = (typeof CONSULTEES)[number];

/**
 * Facts that take a case out of a law's definition of breach (`trigger.notIf`): true → not
 * required with the rule's reason; false or null → the exclusion is not claimed.
 */
export const EXCLUSION_FACTS = ['goodFaithEmployee', 'onlyWithinOrganisation'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const elementSetSchema = z.object({
  /** Any one of these elements triggers. */
  anyOf: z.array(elementIdSchema).default([]),
  /** Each inner list is a combination whose elements must all be present ("name + SSN"). */
  combos: z.array(z.array(elementIdSchema).min(1)).default([]),
});
export type ElementSet = z.infer<typeof elementSetSchema>;

export const triggerSchema = z.object({
  /**
   * personal_data: a breach of personal data triggers the duty (the element gates below apply).
   * incident: the incident itself triggers it, with or without personal data (SEC 8-K Item 1.05,
   * NYDFS 500.17(a), bank 36-hour rule, DORA Art. 19, NIS2 Art. 23 …; issue 13 §1): `elements`
   * and the safe harbour are then not consulted.
   */
  subject: z.enum(['personal_data', 'incident']).default('personal_data'),
  /** Elements that make the duty apply. Empty anyOf and combos = every breach of personal data. */
  elements: elementSetSchema,
  /**
   * Elements that the statute may cover but that this rule set does not encode with certainty:
   * when only these match, the answer is `review`, never a silent "not required".
   */
  reviewElements: elementSetSchema.optional(),
  /**
   * acquisition: only unauthorised acquisition triggers; access: access suffices;
   * any: any breach of security (confidentiality, integrity or availability), as under GDPR.
   */
  breachMode: z.enum(['acquisition', 'access', 'any']),
  /**
   * Unauthorised acquisition is presumed from unauthorised access unless the facts say otherwise
   * (`breach.acquisition: false` = reliable evidence of no acquisition): FTC Safeguards Rule,
   * 16 CFR 314.2 ("notification event"). With acquisition unknown the duty is then owed, not `review`.
   */
  acquisitionPresumedFromAccess: z.boolean().default(false),
  /**
   * Exclusions from the law's definition of breach, each read from a BreachFacts.breach fact
   * (good-faith employee acquisition in US state laws; Singapore s 26B(4) intra-organisation).
   */
  notIf: z.array(z.strictObject({ fact: z.enum(EXCLUSION_FACTS), why: z.string().min(3) })).default([]),
  encryptionSafeHarbor: z.object({
    applies: z.boolean(),
    /** True where the harbour is lost when the key or credential was also compromised. */
    lostIfKeyCompromised: z.boolean(),
    standard: z.string().optional(),
  }),
});

const alternativeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('elements'),
      anyOf: z.array(elementIdSchema).default([]),
      /** Prescribed combinations (Singapore PDP (Notification of Data Breaches) Regs 2021 Schedule Part 2). */
      combos: z.array(z.array(elementIdSchema).min(1)).default([]),
      why: z.string(),
      /**
       * The elements *may* fall in the category (APPI Rules Art. 7: bank accounts, credentials): a
       * match answers `review` with `why`, unless a certain alternative also holds.
       */
      review: z.boolean().default(false),
    })
    .refine((a) => a.anyOf.length + a.combos.length > 0, 'an elements alternative needs anyOf or combos'),
  z.object({
    kind: z.literal('threshold'),
    count: z.number().int().nonnegative(),
    comparator: z.enum(['>', '>=']),
    why: z.string(),
  }),
  z.object({ kind: z.literal('malicious'), why: z.string() }),
]);
export type GateAlternative = z.infer<typeof alternativeSchema>;

export const riskGateSchema = z.object({
  /**
   * none: no harm test. no_harm_determination: required unless the organisation documented that
   * harm/misuse is not reasonably likely (US RoH states, HIPAA low probability of compromise).
   * no_harm_determination_made: the inverse — a conditional recipient who gets the written
   * no-harm determination (AK AG, NY AG >500, FL Department).
   * gdpr_risk / gdpr_high_risk: Art. 33(1) / 34(1) tests on the human-confirmed GDPR risk level.
   * significant_harm: RROSH, serious/significant harm, relevant risk (CA, AU, SG, BR, PH, KE).
   * categories: only the listed `alternatives` (objective categories, APPI/PIPA); none → not required.
   * material: SEC materiality. significant_incident: NIS2/DORA/NYDFS/bank incident tests.
   * no_duty: the law imposed no such duty then (e.g. before its first breach law took effect):
   * never required, and `note` says why — an answer, not a coverage gap.
   */
  kind: z.enum([
    'none',
    'no_harm_determination',
    'no_harm_determination_made',
    'gdpr_risk',
    'gdpr_high_risk',
    'significant_harm',
    'material',
    'significant_incident',
    'categories',
    'no_duty',
  ]),
  /**
   * Where the harm test sits: an *exception* after a determination, or an *element* of the
   * statute's definition of breach or of the duty (VA §18.2-186.6(A)). Both work alike; the answer
   * names which (issue 13 §2).
   */
  basis: z.enum(['exception', 'element']).optional(),
  /** The statute's harm standard in its own words, shown in `why` when it is used. */
  standard: z.string().optional(),
  /** The gate also passes when any of these holds (Japan, Korea, Singapore "significant scale"). */
  alternatives: z.array(alternativeSchema).default([]),
  documentationYears: z.number().positive().optional(),
  note: z.string().optional(),
  /**
   * The scope of a `no_harm_determination` exception as the statute gives it (issue 13 §2). The
   * exception is available only when every condition holds; otherwise notice stays required (or
   * `review` where a fact is unknown), with the reason.
   */
  conditions: z
    .strictObject({
      /** Only an inadvertent disclosure (breach.malicious false) — NY GBL §899-aa(2)(a). */
      inadvertentOnly: z.boolean().default(false),
      /** Only by a person authorised to access the data (breach.byAuthorisedPerson) — NY §899-aa(2)(a). */
      authorisedPersonOnly: z.boolean().default(false),
      /** Everyone here must have been consulted first (risk.consultedWith) — DC, FL. */
      consultWith: z.array(z.enum(CONSULTEES)).default([]),
      /** The determination must be in writing (risk.noHarmDeterminedAt) — NY, FL, many RoH states. */
      inWriting: z.boolean().default(false),
      /**
       * The standard is recalled, not read in an official text: a no-harm finding answers `review`
       * with this reason, never "not required".
       */
      unconfirmed: z.string().optional(),
    })
    .optional(),
});

export const thresholdSchema = z.object({
  count: z.number().int().nonnegative(),
  /** `<` exists for "fewer than 500" annual-log duties (HIPAA, FTC HBNR). */
  comparator: z.enum(['>', '>=', '<']),
  /** What is counted, in words (residents of the state, persons at one time…). */
  counted: z.string(),
  /** The statute's comparator was not confirmed: exactly `count` individuals answers `review`. */
  comparatorUncertain: z.boolean().default(false),
});

export const scopeSchema = z.discriminatedUnion('kind', [
  /** Individuals living in the rule's jurisdiction (or in `of`, a list of jurisdictions/regions). */
  z.object({ kind: z.literal('residents'), of: z.array(z.string()).optional() }),
  /** Everyone in the population, wherever they live (TX CRA "persons", SEC, NIS2 …). */
  z.object({ kind: z.literal('all') }),
  /** The largest count of any single jurisdiction within `within` (HIPAA media: ">500 residents of a State"). */
  z.object({ kind: z.literal('max_per_jurisdiction'), within: z.string() }),
  /**
   * Established in `region` → everyone counts (law applies by establishment); otherwise only
   * residents of `region` (law applies by targeting). UK GDPR Art. 3, nFADP Art. 3.
   */
  z.object({ kind: z.literal('establishment_or_residents'), region: z.string() }),
  /**
   * GDPR one-stop-shop (Art. 56; EDPB 9/2022 ¶73): with an EEA establishment only the lead SA's
   * rule is required (counting everyone); without one, every member state's SA where residents are.
   */
  z.object({ kind: z.literal('lead_authority'), region: z.string() }),
]);
export type RuleScope = z.infer<typeof scopeSchema>;

const stageSchema = z.object({
  name: z.string(),
  anchor: z.enum(CLOCK_ANCHORS),
  amount: z.number().positive(),
  unit: z.enum(CLOCK_UNITS),
  /** Relative to the previous stage's deadline instead of the anchor (NIS2 final report). */
  afterPreviousStage: z.boolean().default(false),
  /** A longer period when the breach was an intentional act (APPI final report: 60 days). */
  amountIfMalicious: z.number().positive().optional(),
});

export const clockSchema = z.object({
  anchor: z.enum(CLOCK_ANCHORS),
  /** null = no fixed period ("without undue delay"): the output deadline is null. */
  amount: z.number().positive().nullable(),
  unit: z.enum(CLOCK_UNITS),
  urgency: z.enum(URGENCIES).optional(),
  relation: z.enum(RELATIONS).optional(),
  /** IANA zone where the law counts days; defaults to the jurisdiction's (jurisdictions.ts). */
  timeZone: z.string().optional(),
  /**
   * Local time (HH:MM, in `timeZone`) at which the last day ends, for day-counted clocks: SEC
   * EDGAR filings after 17:30 ET count as filed the next business day (17 CFR 232.13(a)), so the
   * 8-K deadline is 17:30 ET of the fourth business day, not 23:59:59.
   */
  cutOff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)')
    .optional(),
  /** date-holidays calendar ("US", "US-VT", "BR") for business days; defaults per jurisdiction. */
  holidays: z.string().optional(),
  /** A second, independent cap (DORA: 4 h after classification *and* 24 h after awareness). */
  alsoNoLaterThan: z
    .object({ anchor: z.enum(CLOCK_ANCHORS), amount: z.number().positive(), unit: z.enum(CLOCK_UNITS) })
    .optional(),
  extensions: z.array(z.object({ amount: z.number(), unit: z.enum(CLOCK_UNITS), condition: z.string() })).default([]),
  /** Later reports of a multi-stage duty (§9.3: NIS2, DORA, Brazil, Japan, PECR, India). */
  stages: z.array(stageSchema).default([]),
});
export type RuleClock = z.infer<typeof clockSchema>;

export const authoritySchema = z.object({
  name: z.string(),
  url: z.string().optional(),
  portal: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
});

export const sourceSchema = z.object({
  /** Link to the official text (statute, regulation, official journal, regulator guidance). */
  url: z.string().url(),
  /** Title of the text at that link, e.g. "Cal. Civ. Code §1798.82 (as amended by AB 1130, 2019)". */
  title: z.string().min(3),
  /** ISO date the rule was last checked against that text. */
  checkedOn: isoDate,
  /** What the check was made against (the official text, a certified copy, regulator guidance …) and what it confirmed. */
  checkedAgainst: z.string().min(3),
});
export type RuleSource = z.infer<typeof sourceSchema>;

export const ruleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'ids are letters, digits, . _ : -'),
  /** ISO 3166-1 alpha-2 ("FR", "GB"), ISO 3166-2 ("US-CA") or a region ("EU", "US"). */
  jurisdiction: z.string().min(2),
  regime: z.string(),
  recipient: z.enum(RECIPIENTS),
  authority: authoritySchema.nullable(),
  appliesIf: z.array(z.enum(PROFILE_PREDICATES)).default([]),
  /** Profile predicates of which none may hold (versions for smaller entities, e.g. SEC SRCs). */
  appliesUnless: z.array(z.enum(PROFILE_PREDICATES)).default([]),
  /**
   * Applies only to organisations supervised by one of these regulators (controller.regulators;
   * regulators.ts): NY's notice to DFS is owed only by DFS-regulated entities (issue 13 §3). When
   * the profile does not state its regulators the answer is `review` with the question.
   */
  supervisedBy: z.array(z.enum(REGULATOR_IDS)).optional(),
  scope: scopeSchema,
  trigger: triggerSchema,
  riskGate: riskGateSchema,
  threshold: thresholdSchema.nullable(),
  clock: clockSchema,
  content: z.array(z.string()).default([]),
  prohibitedContent: z.array(z.string()).default([]),
  channels: z.array(z.string()).default([]),
  /** Individuals rules: when e-mail is notice, and the provision that says so (`basis`); absent = `consent`. */
  electronicNotice: electronicNoticeSchema.optional(),
  substituteNotice: z.string().optional(),
  /** Individuals rules: the substitute-notice grounds and components, where encoded (rule-notice.schema.ts). */
  substitute: substituteNoticeSchema.optional(),
  /** Other regimes' notices that satisfy this duty or take the entity out of the law (rule-notice.schema.ts). */
  deemedCompliance: z.array(deemedComplianceSchema).default([]),
  /**
   * A condition of the statute this rule set does not encode: an otherwise-required answer becomes
   * `review` with this reason (never a silent yes or no).
   */
  review: z.string().optional(),
  /** A record-keeping duty that holds whether or not notice is required (GDPR Art. 33(5)). */
  recordKeeping: z.string().optional(),
  /** ISO date the rule starts to apply; null = enacted but not in force (CIRCIA). */
  effectiveFrom: isoDate.nullable(),
  /** Last day the rule applied (inclusive). */
  effectiveTo: isoDate.optional(),
  /**
   * Id of the earlier version of this duty that this rule replaces. `rules verify` checks the chain
   * has no gap and no overlap: the earlier version's effectiveTo is the day before this effectiveFrom.
   */
  supersedes: z.string().optional(),
  citation: z.string().min(3),
  /**
   * The primary source this rule encodes (issue 13 §6): the official text on the legislature's,
   * regulator's or official gazette's site where one exists. `breachdesk rules verify` fails a rule
   * without it. Never a document inside this repository.
   */
  source: sourceSchema.optional(),
  /** What was checked, against what, and what was not. */
  verified: z.string().min(3),
  notes: z.string().optional(),
});
export type RuleInput = z.input<typeof ruleSchema>;
export type Rule = z.infer<typeof ruleSchema>;
