/** Affected people: the record stored encrypted, and the API shapes (zod). */
import { z } from 'zod';
import { ELEMENT_IDS } from '../assessment/scanner/types.js';

export const PERSON_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'jurisdiction',
  'language',
  'elements',
  'minor',
  'deceased',
  'noContact',
  'emailConsent',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const addressSchema = z.object({
  line1: z.string(),
  line2: z.string().default(''),
  city: z.string().default(''),
  region: z.string().default(''),
  postalCode: z.string().default(''),
  country: z.string().default(''),
});

export const personSchema = z.object({
  name: z.string().default(''),
  email: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
  address: addressSchema.nullable().default(null),
  jurisdiction: z.string().min(2),
  /** The language the person reads notices in (BCP 47, languages.ts); null: their jurisdiction's default. */
  language: z.string().max(35).nullable().optional(),
  elements: z.array(z.enum(ELEMENT_IDS)).default([]),
  /**
   * Consent to electronic notice (E-SIGN, 15 U.S.C. §7001(c); HIPAA 45 CFR §164.404(d)(1)): true
   * given, false refused or withdrawn, null/absent not stated. `emailConsentAt`: the day it was given.
   */
  emailConsent: z.boolean().nullable().optional(),
  emailConsentAt: z.string().max(10).nullable().optional(),
  flags: z
    .object({ minor: z.boolean().default(false), deceased: z.boolean().default(false), noContact: z.boolean().default(false) })
    .default({ minor: false, deceased: false, noContact: false }),
});
export type Person = z.infer<typeof personSchema>;

/** The assessment's customer matches, accepted as JSON for now (docs/notices.md). */
export const matchesBodySchema = z.object({
  people: z.array(personSchema.partial({ jurisdiction: true }).extend({ jurisdiction: z.string().optional() })).max(1_000_000),
  defaultJurisdiction: z.string().optional(),
});

export interface ImportReport {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: { row: number; reason: string }[];
  warnings: { row: number; warning: string }[];
  mapping: Record<string, string>;
  unmapped: string[];
  byJurisdiction: Record<string, number>;
}

export interface MaskedPerson {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  jurisdiction: string;
  elements: string[];
  flags: Person['flags'];
  hasPostal: boolean;
  /** Consent to electronic notice: true, false or null (not stated), and the day it was given. */
  emailConsent: boolean | null;
  emailConsentAt: string | null;
  state: string;
  stateChannel: string | null;
  stateAt: string | null;
}
