/**
 * Massachusetts — M.G.L. c. 93H §§1–6; 201 CMR 17.00.
 * Account and card numbers count with or without a code; no health data. Regulators (AG and
 * OCABR) for every breach affecting one resident. The resident letter must NOT state the nature
 * of the breach or the number of residents affected.
 */
import type { RuleInput } from '../rule.schema.js';
import { CHECKED_ON, namePlus, STORED_COPIES } from './us-common.js';
import { substituteFields } from './us-notice-form.js';
import { substituteOf } from './us-substitute-notice.js';
import { deemedFor } from './us-deemed-compliance.js';

const base = {
  jurisdiction: 'US-MA',
  regime: 'Massachusetts breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: { anyOf: [], combos: namePlus(['us_ssn', 'drivers_license', 'national_id', 'bank_account', 'payment_card']) },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'at least 128-bit algorithmic transformation (c. 93H §1)' },
  },
  // c. 93H §3 has two prongs: a "breach of security" (substantial risk of identity theft or fraud)
  // and PI "acquired or used by an unauthorized person or for an unauthorized purpose", which has
  // no harm test. An acquisition therefore triggers notice whatever the risk finding, so no gate.
  riskGate: {
    kind: 'none' as const,
    note: 'harm test only on the breach-of-security prong; acquisition/use by an unauthorised person triggers regardless',
  },
  citation: 'M.G.L. c. 93H §3',
  source: {
    url: 'https://malegislature.gov/Laws/GeneralLaws/PartI/TitleXV/Chapter93H/Section3',
    title: 'M.G.L. c. 93H §3 (Duty to report known security breach or unauthorized use of personal information), as amended by St. 2018, c. 444',
    checkedOn: CHECKED_ON,
    checkedAgainst: `${STORED_COPIES}: earlier-recorded checks of secondary summaries (Bloomberg Law summary: regulators for every resident, the two prongs of §3 and the "substantial risk" definition of c. 93H §1). The 2019-04-11 start of St. 2018 c. 444 and the content lists are recalled, not re-read`,
  },
};
const V =
  'Confirmed (Bloomberg Law summary): AG and OCABR for every resident, and the notice may not be delayed because the number of residents is not yet known; the acquisition-or-use prong has no harm test, the breach-of-security prong needs a substantial risk of identity theft or fraud (c. 93H §1). Not re-read: the element list, the contents and the prohibited contents'

const current: RuleInput[] = [
  {
    ...base,
    id: 'US-MA.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'M.G.L. c. 93H §1 "notice": electronic notice consistent with E-SIGN, 15 U.S.C. §7001 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    ...substituteFields(substituteOf('MA')),
    deemedCompliance: deemedFor('MA', 'individuals'),
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: [
      'the right to obtain a police report',
      'how to request a security freeze and the information needed',
      'that there is no charge for a security freeze',
      'mitigation services offered',
      'if SSNs were involved: 18 months of free credit monitoring (42 months if the entity is a consumer reporting agency)',
      'name of the parent or affiliate, if applicable',
    ],
    prohibitedContent: ['the nature of the breach or unauthorised acquisition or use', 'the number of Massachusetts residents affected'],
    channels: ['written notice', 'electronic notice'],
    effectiveFrom: '2019-04-11',
    citation: 'M.G.L. c. 93H §3(b)',
    verified: `${V}. Start 2019-04-11 (2018 amendment adding free credit monitoring) from memory.`,
  },
  {
    ...base,
    id: 'US-MA.regulator',
    recipient: 'regulator',
    authority: { name: 'Massachusetts Attorney General and Director of the Office of Consumer Affairs and Business Regulation (OCABR)' },
    threshold: { count: 1, comparator: '>=', counted: 'Massachusetts residents' },
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: [
      'nature of the breach',
      'number of Massachusetts residents affected',
      'name and address of the entity',
      'person reporting and their relationship to the entity',
      'person responsible for the breach, if known',
      'types of personal information compromised',
      'whether the entity maintains a written information security program (WISP)',
      'steps taken or planned',
      'certification regarding credit monitoring if SSNs were involved',
    ],
    channels: ['AG form with sample letter', 'OCABR portal'],
    notes: 'May not be delayed because the number of residents affected is not yet known.',
    effectiveFrom: '2019-04-11',
    citation: 'M.G.L. c. 93H §3(b)',
    verified: V,
  },
  {
    ...base,
    id: 'US-MA.credit_bureaus',
    recipient: 'credit_bureaus',
    authority: { name: 'Consumer reporting agencies and state agencies identified by OCABR' },
    threshold: { count: 1, comparator: '>=', counted: 'Massachusetts residents' },
    clock: { anchor: 'regulator_notice', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: ['as directed by OCABR'],
    review: 'OCABR identifies which consumer reporting agencies and state agencies to notify after the regulator notice',
    effectiveFrom: '2019-04-11',
    citation: 'M.G.L. c. 93H §3(b)',
    verified: V,
  },
];

/**
 * The text in force before St. 2018 c. 444 (2007-10-31 – 2019-04-10): no credit-monitoring offer,
 * no written-security-program statement, same recipients and the same two prongs.
 */
const BEFORE_2019: Record<string, Partial<RuleInput>> = {
  'US-MA.individuals': {
    content: [
      'the right to obtain a police report',
      'how to request a security freeze and the information needed',
      'any fees to place, lift or remove a security freeze',
    ],
  },
  'US-MA.regulator': {
    content: [
      'nature of the breach',
      'number of Massachusetts residents affected',
      'steps taken or planned relating to the incident',
    ],
    notes: undefined,
  },
  'US-MA.credit_bureaus': {},
};

export const usMaRules: RuleInput[] = [
  ...current.map((r) => ({
    ...r,
    ...BEFORE_2019[r.id],
    id: `${r.id}.2007`,
    effectiveFrom: '2007-10-31',
    effectiveTo: '2019-04-10',
    verified: `${V}. The text before St. 2018 c. 444 (in force 2007-10-31); contents recalled, not re-read.`,
  })),
  ...current.map((r) => ({ ...r, supersedes: `${r.id}.2007` })),
];
