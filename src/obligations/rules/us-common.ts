/**
 * Shared vocabulary and builders for US state rules: the element combinations every state law
 * shares (first name or initial + last name with SSN, driver's licence/state ID, or an account or
 * card number with its access code), online-credential pairs, and a row → rules builder for the
 * compact per-state table. Builders only assemble plain objects; the schema validates them at load.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import { US_STATES } from '../jurisdictions.js';
import type { RuleInput } from '../rule.schema.js';

export const namePlus = (els: ElementId[]): ElementId[][] => els.map((e) => ['person_name', e]);

/** Username or e-mail + password or security Q&A for an online account (no name needed). */
export const CREDENTIALS: ElementId[][] = [
  ['username', 'password'],
  ['email', 'password'],
  ['username', 'security_question'],
  ['email', 'security_question'],
];

/** Account or card number with the code/password that permits access to the account. */
export const ACCOUNT_WITH_CODE: ElementId[][] = [
  ['person_name', 'payment_card', 'card_security_code'],
  ['person_name', 'payment_card', 'password'],
  ['person_name', 'bank_account', 'password'],
];

/** The combinations common to every state definition of personal information. */
export const BASELINE_COMBOS: ElementId[][] = [
  ...namePlus(['us_ssn', 'drivers_license', 'national_id']),
  ...ACCOUNT_WITH_CODE,
];

/**
 * Elements that many (not all) state definitions add — credentials, medical and insurance data,
 * biometrics, passport/tax ids, date of birth, account numbers alone, elements without a name.
 * For states whose full definition is not encoded, these answer `review`, never "not required".
 */
export const BASELINE_REVIEW = {
  anyOf: ['us_ssn', 'us_itin', 'drivers_license', 'national_id', 'passport_number', 'biometric', 'genetic'] as ElementId[],
  combos: [
    ...CREDENTIALS,
    ...namePlus(['health', 'health_insurance', 'date_of_birth', 'tax_id', 'bank_account', 'payment_card', 'license_plate']),
  ],
};

export const HARBOUR_LOST_IF_KEY = { applies: true, lostIfKeyCompromised: true };

export const INDIVIDUAL_CONTENT_BASE = [
  'description of the incident in general terms',
  'type of personal information involved',
  'contact information of the notifying organisation',
];

const UNVERIFIED =
  'from reference/breach-law.md §6.4 (AlexNetCC dataset, derived from the Foley & Lardner chart), not re-checked against statute';

export interface StateRow {
  code: string;
  citation: string;
  /** Calendar days for individuals; null = "most expedient time / without unreasonable delay". */
  indDays: number | null;
  indAnchor?: 'discovery' | 'determination';
  ag?: {
    name?: string;
    /** NJ: the pre-notice goes to the State Police. */
    recipient?: 'regulator' | 'law_enforcement';
    count: number;
    comparator?: '>' | '>=';
    /** The comparator is quoted in the reference (§6.1); otherwise exactly `count` answers review. */
    comparatorKnown?: boolean;
    days?: number | null;
    unit?: 'calendar_days' | 'business_days' | 'hours';
    anchor?: 'discovery' | 'determination' | 'individual_notice';
    relation?: 'no_later_than_individuals' | 'before_individuals';
    content?: string[];
  };
  cra?: { count: number; comparator?: '>' | '>='; comparatorKnown?: boolean; allPersons?: boolean; hours?: number; review?: string };
  roh: boolean;
  mode: 'acquisition' | 'access';
  note?: string;
}

const riskGate = (roh: boolean) =>
  roh
    ? { kind: 'no_harm_determination' as const, note: 'risk-of-harm exception in the statute' }
    : { kind: 'none' as const };

/** Individuals + AG/agency + CRA rules for one compact table row. */
export const stateRules = (row: StateRow, effectiveFrom = '2025-09-01'): RuleInput[] => {
  const name = US_STATES[row.code];
  const jurisdiction = `US-${row.code}`;
  const regime = `${name} breach-notification law`;
  const common = {
    jurisdiction,
    regime,
    appliesIf: ['controller' as const],
    scope: { kind: 'residents' as const },
    trigger: {
      elements: { anyOf: [], combos: BASELINE_COMBOS },
      reviewElements: BASELINE_REVIEW,
      breachMode: row.mode,
      encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
    },
    riskGate: riskGate(row.roh),
    effectiveFrom,
    citation: row.citation,
    verified: `${UNVERIFIED}. Personal-information definition: baseline elements only (others answer review).${row.note ? ` Note: ${row.note}` : ''}`,
  };
  const rules: RuleInput[] = [
    {
      ...common,
      id: `${jurisdiction}.individuals`,
      recipient: 'individuals',
      authority: null,
      threshold: null,
      clock: {
        anchor: row.indAnchor ?? 'discovery',
        amount: row.indDays,
        unit: 'calendar_days',
        urgency: 'most_expedient_time',
      },
      content: INDIVIDUAL_CONTENT_BASE,
      channels: ['written notice', 'electronic notice where permitted', 'substitute notice where permitted'],
    },
  ];
  if (row.ag) {
    const ag = row.ag;
    rules.push({
      ...common,
      id: `${jurisdiction}.${ag.recipient ?? 'regulator'}`,
      recipient: ag.recipient ?? 'regulator',
      authority: { name: ag.name ?? `${name} Attorney General` },
      threshold: {
        count: ag.count,
        comparator: ag.comparator ?? '>=',
        counted: `${name} residents`,
        comparatorUncertain: ag.count > 1 && !ag.comparatorKnown,
      },
      clock: {
        anchor: ag.anchor ?? row.indAnchor ?? 'discovery',
        amount: ag.days ?? null,
        unit: ag.unit ?? 'calendar_days',
        urgency: 'most_expedient_time',
        ...(ag.relation ? { relation: ag.relation } : {}),
      },
      content: ag.content ?? ['nature of the breach', 'number of residents affected', 'copy of the notice to individuals'],
    });
  }
  if (row.cra) {
    const cra = row.cra;
    rules.push({
      ...common,
      id: `${jurisdiction}.credit_bureaus`,
      recipient: 'credit_bureaus',
      authority: { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' },
      scope: cra.allPersons ? { kind: 'all' } : { kind: 'residents' },
      threshold: {
        count: cra.count,
        comparator: cra.comparator ?? '>=',
        counted: cra.allPersons ? 'persons notified at one time' : `${name} residents notified at one time`,
        comparatorUncertain: cra.count > 1 && !cra.comparatorKnown,
      },
      clock: cra.hours
        ? { anchor: 'individual_notice', amount: cra.hours, unit: 'hours' }
        : { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
      content: ['timing, distribution and content of the notices to individuals'],
      ...(cra.review ? { review: cra.review } : {}),
    });
  }
  return rules;
};
