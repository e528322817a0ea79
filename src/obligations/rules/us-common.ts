/**
 * Shared vocabulary and the builder for US state, DC and territory rules.
 *
 * Each jurisdiction is a `StateLaw`: a list of versions, one per text of the statute in force since
 * before 2018-01-01 (or since the law began), each with its own effective dates, deadlines and
 * anchors, recipients with their thresholds and comparators, the risk-of-harm standard with its
 * scope, the official source and what was checked. `stateRules` turns a law into plain rule objects
 * (individuals, attorney general or agency, consumer reporting agencies, the filing of a no-harm
 * determination where the statute asks for one); the schema validates them at load.
 *
 * Ids: the latest version keeps the plain id (`US-AL.individuals`), so stored obligations keep
 * matching; every earlier version carries the year its text took effect (`US-IN.individuals.2009`).
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import { US_STATES } from '../jurisdictions.js';
import type { ProfilePredicate, RuleInput, RuleSource, Urgency } from '../rule.schema.js';
import { deemedFor } from './us-deemed-compliance.js';
import { individualsNoticeForm, type VersionNoticeForm } from './us-notice-form.js';

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

/** The day the state rules were last checked against their sources (issue 13 §6). */
export const CHECKED_ON = '2026-12-06';

/** How the state rules were checked: the search tool's stored copies, never the live sites. */
export const STORED_COPIES =
  'stored copies of public pages found with the search tool (not the live sites; the official page at the url was not itself opened unless said)';

/* ------------------------------------------------------------------ risk of harm */

/**
 * Who must be consulted (or notified) before a no-harm finding — the values of rule.schema.ts
 * CONSULTEES (legal branch): law enforcement (FL, pre-2021 CT), federal law enforcement and the
 * Attorney General (DC), the Attorney General (AK, SD, VT).
 */
export type Consult = 'law_enforcement' | 'federal_law_enforcement' | 'attorney_general' | 'regulator';

/**
 * A state's risk-of-harm standard with its scope (issue 13 §2). Absent (`null`) = the statute has
 * none, and a no-harm finding does not remove the duty.
 */
export interface HarmTest {
  /**
   * exception: the duty arises and the statute excuses it on a finding (AK, FL, NJ …);
   * element: harm is part of the definition of breach or of the duty itself (VA, OH, PA, HI …).
   */
  basis: 'exception' | 'element';
  /** The statute's standard, quoted or closely paraphrased. */
  standard: string;
  /** Provision that holds it. */
  cite: string;
  /** Consultation or notice required *before* the finding (FL, DC, AK, SD, VT, pre-2021 CT). */
  consultWith?: Consult[];
  /** The finding must be documented in writing (risk.noHarmDeterminedAt). */
  inWriting?: boolean;
  documentationYears?: number;
  /** NY GBL §899-aa(2)(a): only an inadvertent disclosure … */
  inadvertentOnly?: boolean;
  /** … by persons authorised to access the data. */
  authorisedPersonOnly?: boolean;
  /** Why the standard is not confirmed against a text: a no-harm finding then answers review. */
  unconfirmed?: string;
}

const CONSULT_WORDS: Record<Consult, string> = {
  law_enforcement: 'law enforcement',
  federal_law_enforcement: 'federal law enforcement',
  attorney_general: 'the Attorney General',
  regulator: 'the regulator',
};

/** The riskGate record of a harm test (rule.schema.ts riskGateSchema, with its `conditions`). */
export const harmGate = (h: HarmTest | null) =>
  h
    ? {
        kind: 'no_harm_determination' as const,
        basis: h.basis,
        standard: `${h.standard} (${h.cite})`,
        ...(h.documentationYears ? { documentationYears: h.documentationYears } : {}),
        conditions: {
          inadvertentOnly: h.inadvertentOnly ?? false,
          authorisedPersonOnly: h.authorisedPersonOnly ?? false,
          consultWith: h.consultWith ?? [],
          inWriting: h.inWriting ?? false,
          ...(h.unconfirmed ? { unconfirmed: h.unconfirmed } : {}),
        },
        note: [
          h.basis === 'element' ? 'harm is an element of the breach or of the duty' : 'exception on a finding',
          h.consultWith ? `after consulting ${h.consultWith.map((c) => CONSULT_WORDS[c]).join(' and ')}` : '',
          h.inWriting ? `in writing${h.documentationYears ? `, kept ${h.documentationYears} years` : ''}` : '',
          `${h.cite}`,
        ]
          .filter(Boolean)
          .join('; '),
      }
    : { kind: 'none' as const, note: 'the statute has no risk-of-harm test: a no-harm finding does not remove the duty' };

/* ------------------------------------------------------------------ versions */

export interface AgSpec {
  name?: string;
  /** NJ: the pre-notice goes to the State Police. */
  recipient?: 'regulator' | 'law_enforcement';
  count: number;
  comparator: '>' | '>=';
  /** The sources disagree on > or ≥: exactly `count` answers review. */
  comparatorUncertain?: boolean;
  counted?: string;
  /** Count everyone in the breach, not only residents (ND "exceeds 250 individuals"). */
  everyone?: boolean;
  /** null/undefined = no fixed period. */
  days?: number | null;
  unit?: 'calendar_days' | 'business_days' | 'hours';
  anchor?: 'discovery' | 'determination' | 'individual_notice';
  urgency?: Urgency;
  relation?: 'no_later_than_individuals' | 'before_individuals';
  content?: string[];
  appliesUnless?: ProfilePredicate[];
  review?: string;
  notes?: string;
}

export interface CraSpec {
  count: number;
  comparator: '>' | '>=';
  comparatorUncertain?: boolean;
  counted?: string;
  everyone?: boolean;
  hours?: number;
  days?: number;
  anchor?: 'discovery' | 'determination' | 'individual_notice';
  review?: string;
  notes?: string;
}

/** Filing of the no-harm determination with a regulator (AK, FL, NY, SD, VT). */
export interface NoHarmFiling {
  name: string;
  cite: string;
  content: string;
  days?: number;
  anchor?: 'discovery' | 'determination';
  threshold?: { count: number; comparator: '>' | '>=' };
}

export interface StateVersion {
  /** First day this text applied. */
  from: string;
  /** Last day (inclusive); absent on the latest version. */
  to?: string;
  /** Year used in the ids of an earlier version (default: the year of `from`). */
  idYear?: string;
  citation: string;
  mode: 'acquisition' | 'access';
  ind: {
    days: number | null;
    anchor?: 'discovery' | 'determination';
    urgency?: Urgency;
    extensions?: { amount: number; unit: 'calendar_days'; condition: string }[];
    content?: string[];
  };
  harm: HarmTest | null;
  ag?: AgSpec;
  cra?: CraSpec;
  noHarmFiling?: NoHarmFiling;
  /**
   * Combinations the statute's definition of personal information adds to the baseline, confirmed
   * against its text (e.g. N.J.S.A. 56:8-161 online credentials since 2019-09-01): they trigger the
   * duty for certain; elements of the baseline review list not named here still answer review.
   */
  piAlso?: ElementId[][];
  /**
   * The statute's definition is exactly the encoded combinations (confirmed against its text, e.g.
   * Ohio Rev. Code §1349.19(A)(7)): other elements answer "not required", not review.
   */
  piExact?: true;
  /** E-mail and substitute-notice terms of this version's text where they differ from today's (us-notice-form.ts). */
  notice?: VersionNoticeForm;
  /** A condition of the statute not encoded (applies to every rule of the version). */
  review?: string;
  notes?: string;
  source: RuleSource;
  verified: string;
}

export interface StateLaw {
  code: string;
  versions: StateVersion[];
  /**
   * The jurisdiction had no breach-notification statute before its first version (AL, SD): from
   * 2018-01-01 to the day before, an individuals rule answers "no duty" with this reason — an
   * answer, not a coverage gap (riskGate `no_duty`).
   */
  noLawBefore?: string;
}

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Individuals + AG/agency + CRA (+ no-harm filing) rules for every version of a state law. */
export const stateRules = (law: StateLaw): RuleInput[] => {
  const name = US_STATES[law.code];
  const jurisdiction = `US-${law.code}`;
  const regime = `${name} breach-notification law`;
  const sorted = [...law.versions].sort((a, b) => a.from.localeCompare(b.from));
  const suffixOf = (i: number) => (i === sorted.length - 1 ? '' : `.${sorted[i].idYear ?? sorted[i].from.slice(0, 4)}`);
  /** Did the version before `i` have this duty? Then this one supersedes it (rules verify checks the chain). */
  const before = (i: number, has: (v: StateVersion) => boolean, id: (suffix: string) => string) =>
    i > 0 && has(sorted[i - 1]) ? { supersedes: id(suffixOf(i - 1)) } : {};
  const none: RuleInput[] = law.noLawBefore
    ? [
        {
          id: `${jurisdiction}.individuals.none`,
          jurisdiction,
          regime,
          recipient: 'individuals',
          authority: null,
          appliesIf: ['controller'],
          scope: { kind: 'residents' },
          trigger: { elements: { anyOf: [], combos: BASELINE_COMBOS }, breachMode: 'acquisition', encryptionSafeHarbor: HARBOUR_LOST_IF_KEY },
          riskGate: { kind: 'no_duty', note: law.noLawBefore },
          threshold: null,
          clock: { anchor: 'discovery', amount: null, unit: 'calendar_days' },
          effectiveFrom: '2018-01-01',
          effectiveTo: dayBefore(sorted[0].from),
          citation: sorted[0].citation,
          source: sorted[0].source,
          verified: `No breach-notification statute before ${sorted[0].from}: ${law.noLawBefore}`,
        },
      ]
    : [];
  return none.concat(sorted.flatMap((v, i) => {
    const suffix = suffixOf(i);
    const common = {
      jurisdiction,
      regime,
      appliesIf: ['controller' as const],
      scope: { kind: 'residents' as const },
      trigger: {
        elements: { anyOf: [], combos: [...BASELINE_COMBOS, ...(v.piAlso ?? [])] },
        ...(v.piExact ? {} : { reviewElements: BASELINE_REVIEW }),
        breachMode: v.mode,
        encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
      },
      riskGate: harmGate(v.harm),
      effectiveFrom: v.from,
      ...(v.to ? { effectiveTo: v.to } : {}),
      citation: v.citation,
      source: v.source,
      verified: `${v.verified} Personal-information definition: baseline elements${v.piAlso ? ` and ${v.piAlso.map((c) => c.join(' + ')).join(', ')} (confirmed)` : ' only'}${v.piExact ? ' — the whole definition (confirmed), others answer not required' : ' (others answer review)'}.`,
      ...(v.review ? { review: v.review } : {}),
      ...(v.notes ? { notes: v.notes } : {}),
    };
    const rules: RuleInput[] = [
      {
        ...common,
        id: `${jurisdiction}.individuals${suffix}`,
        ...before(i, () => true, (x) => `${jurisdiction}.individuals${x}`),
        ...(i === 0 && law.noLawBefore ? { supersedes: `${jurisdiction}.individuals.none` } : {}),
        recipient: 'individuals',
        authority: null,
        threshold: null,
        clock: {
          anchor: v.ind.anchor ?? 'discovery',
          amount: v.ind.days,
          unit: 'calendar_days',
          urgency: v.ind.urgency ?? 'most_expedient_time',
          extensions: v.ind.extensions ?? [],
        },
        content: v.ind.content ?? INDIVIDUAL_CONTENT_BASE,
        channels: ['written notice', 'electronic notice where permitted', 'substitute notice where permitted'],
        ...individualsNoticeForm(law.code, v.notice),
      },
    ];
    if (v.ag) {
      const ag = v.ag;
      rules.push({
        ...common,
        id: `${jurisdiction}.${ag.recipient ?? 'regulator'}${suffix}`,
        ...before(i, (p) => p.ag !== undefined && (p.ag.recipient ?? 'regulator') === (ag.recipient ?? 'regulator'), (x) => `${jurisdiction}.${ag.recipient ?? 'regulator'}${x}`),
        recipient: ag.recipient ?? 'regulator',
        authority: { name: ag.name ?? `${name} Attorney General` },
        ...(ag.everyone ? { scope: { kind: 'all' as const } } : {}),
        ...(ag.appliesUnless ? { appliesUnless: ag.appliesUnless } : {}),
        threshold: {
          count: ag.count,
          comparator: ag.comparator,
          counted: ag.counted ?? `${name} residents`,
          comparatorUncertain: ag.comparatorUncertain ?? false,
        },
        clock: {
          anchor: ag.anchor ?? v.ind.anchor ?? 'discovery',
          amount: ag.days ?? null,
          unit: ag.unit ?? 'calendar_days',
          urgency: ag.urgency ?? 'most_expedient_time',
          ...(ag.relation ? { relation: ag.relation } : {}),
        },
        content: ag.content ?? ['nature of the breach', 'number of residents affected', 'copy of the notice to individuals'],
        deemedCompliance: deemedFor(law.code, 'regulator'),
        ...(ag.review || v.review ? { review: [v.review, ag.review].filter(Boolean).join('; ') } : {}),
        ...(ag.notes ? { notes: ag.notes } : {}),
      });
    }
    if (v.cra) {
      const cra = v.cra;
      rules.push({
        ...common,
        id: `${jurisdiction}.credit_bureaus${suffix}`,
        ...before(i, (p) => p.cra !== undefined, (x) => `${jurisdiction}.credit_bureaus${x}`),
        recipient: 'credit_bureaus',
        authority: { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' },
        ...(cra.everyone ? { scope: { kind: 'all' as const } } : {}),
        threshold: {
          count: cra.count,
          comparator: cra.comparator,
          counted: cra.counted ?? `${name} residents notified at one time`,
          comparatorUncertain: cra.comparatorUncertain ?? false,
        },
        clock: cra.hours
          ? { anchor: cra.anchor ?? 'individual_notice', amount: cra.hours, unit: 'hours' }
          : cra.days
            ? { anchor: cra.anchor ?? 'discovery', amount: cra.days, unit: 'calendar_days', urgency: 'without_unreasonable_delay' }
            : // Nearly every state CRA clause reads "shall also notify, without unreasonable delay, …".
              { anchor: cra.anchor ?? 'discovery', amount: null, unit: 'calendar_days', urgency: 'without_unreasonable_delay' },
        content: ['timing, distribution and content of the notices to individuals'],
        deemedCompliance: deemedFor(law.code, 'credit_bureaus'),
        ...(cra.review || v.review ? { review: [v.review, cra.review].filter(Boolean).join('; ') } : {}),
        ...(cra.notes ? { notes: cra.notes } : {}),
      });
    }
    if (v.noHarmFiling && v.harm) {
      const f = v.noHarmFiling;
      rules.push({
        ...common,
        id: `${jurisdiction}.regulator.no-harm${suffix}`,
        ...before(i, (p) => p.noHarmFiling !== undefined, (x) => `${jurisdiction}.regulator.no-harm${x}`),
        regime: `${regime} (no-harm determination)`,
        recipient: 'regulator',
        authority: { name: f.name },
        riskGate: { ...harmGate(v.harm), kind: 'no_harm_determination_made' as const },
        threshold: f.threshold ? { ...f.threshold, counted: `${name} residents affected` } : null,
        clock: f.days
          ? { anchor: f.anchor ?? 'determination', amount: f.days, unit: 'calendar_days' }
          : { anchor: f.anchor ?? 'determination', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
        content: [f.content],
        citation: f.cite,
      });
    }
    return rules;
  }));
};

/** A source record on the state's official code site. */
export const src = (url: string, title: string, checkedAgainst: string): RuleSource => ({
  url,
  title,
  checkedOn: CHECKED_ON,
  checkedAgainst,
});
