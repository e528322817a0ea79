/**
 * Singapore — Personal Data Protection Act 2012 Part 6A (ss 26A–26E, inserted by Act 40 of 2020,
 * for data breaches occurring on or after 2021-02-01, s 26C(1)) and the Personal Data Protection
 * (Notification of Data Breaches) Regulations 2021 (S 64/2021, in operation 2021-02-01).
 *
 * A data breach is notifiable if it results or is likely to result in significant harm (deemed for
 * the prescribed combinations of reg. 3) or is of significant scale (not fewer than 500 affected
 * individuals, reg. 4) — s 26B(1)–(3) — but never if it is unauthorised access, collection, use,
 * disclosure, copying or modification only within the organisation (s 26B(4)). The PDPC is
 * notified as soon as practicable and no later than 3 calendar days after the day the organisation
 * assesses that the breach is notifiable (s 26D(1)); affected individuals, for significant harm only,
 * on or after that (s 26D(2)). No duty before Part 6A.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, NO_HARBOUR, noDutyBefore, source } from './intl-common.js';

const PART6A_FROM = '2021-02-01';

/**
 * Reg. 3(1)(a): the individual's full name or alias or identification number (identity card,
 * passport or other government document of identity, reg. 2) together with any Part 1 item. Part 1
 * items that element ids express: card numbers (item 3), bank or finance-company account numbers
 * (item 4) and life, accident and health insurance information (item 18). The other Part 1 items
 * (wages, net worth, creditworthiness, specified medical conditions, adoption, vulnerable persons,
 * private keys …) are left to the significant-harm decision.
 */
const IDENTIFIERS: ElementId[] = ['person_name', 'national_id', 'passport_number'];
const PART1_ITEMS: ElementId[] = ['payment_card', 'bank_account', 'iban', 'health_insurance'];
/** Reg. 3(1)(b): the account identifier and the password, security code, answer or biometric data. */
const ACCOUNT_COMBOS: ElementId[][] = [
  ['username', 'password'],
  ['username', 'security_question'],
  ['username', 'biometric'],
];
const DEEMED_HARM: ElementId[][] = [...IDENTIFIERS.flatMap((id) => PART1_ITEMS.map((item) => [id, item])), ...ACCOUNT_COMBOS];

/** s 26B(4): never for disposal or loss, which the subsection does not list. */
const WITHIN_ORGANISATION = [
  {
    fact: 'onlyWithinOrganisation' as const,
    why: 'deemed not notifiable: unauthorised access, collection, use, disclosure, copying or modification of personal data only within the organisation (PDPA s 26B(4))',
  },
];

const DEEMED = {
  kind: 'elements' as const,
  anyOf: [],
  combos: DEEMED_HARM,
  why: 'deemed significant harm: a prescribed combination of personal data (PDP (Notification of Data Breaches) Regulations 2021 reg. 3(1); PDPA s 26B(2))',
};

const PDPA_SOURCE = source(
  'https://sso.agc.gov.sg/Act/PDPA2012?ProvIds=P16A-',
  'Personal Data Protection Act 2012 Part 6A (ss 26A–26E); Personal Data Protection (Notification of Data Breaches) Regulations 2021 (S 64/2021)',
  'ss 26A–26B(4) and 26C(1) read on Singapore Statutes Online; s 26D(1)–(6) in a reproduction of the same text (laws.sg); Regulations regs 1–3 in the SSO archive copy (S 64/2021, in operation 1 February 2021) and the Schedule Part 1 items as reproduced in the PDPC Advisory Guidelines on Key Concepts ¶20.15–20.16',
);

const VERIFIED =
  'Checked 2026-12-06: notifiable = significant harm or significant scale (s 26B(1)); deemed harm for the reg. 3(1)(a) and (b) combinations; scale = not fewer than 500 (reg. 4, as restated in the PDPC Key Concepts ¶20.20); s 26B(4) intra-organisation exemption; s 26C(1) breaches on or after 1 Feb 2021; s 26D(1) 3 calendar days after the day of the assessment; s 26D(2) individuals only for s 26B(1)(a), on or after the PDPC notice; s 26D(5) exceptions. ' +
  'Part 2 of the Schedule (publicly available data, data disclosed under written law) is not encoded: say so in the decision. Not checked: the PDPC online form address.';

const base = {
  jurisdiction: 'SG',
  regime: 'PDPA',
  appliesIf: ['controller' as const],
  // The PDPA protects personal data an organisation in Singapore holds, wherever the individuals
  // live: an organisation established in Singapore counts everyone (the 500 of reg. 4 included).
  scope: { kind: 'establishment_or_residents' as const, region: 'SG' },
  threshold: null,
  effectiveFrom: PART6A_FROM,
  source: PDPA_SOURCE,
  verified: VERIFIED,
  notes: 'Part 6A applies to data breaches that occur on or after 1 February 2021 (s 26C(1)): a breach that occurred earlier and is discovered later is outside it.',
};

export const sgRules: RuleInput[] = [
  noDutyBefore({
    id: 'SG.pre-part6a.pdpc',
    jurisdiction: 'SG',
    regime: 'PDPA',
    lawFrom: PART6A_FROM,
    why: 'before 2021-02-01 the PDPA had no data-breach notification duty (Part 6A, inserted by the Personal Data Protection (Amendment) Act 2020, applies to breaches occurring on or after that day — s 26C(1)); notifying the PDPC was recommended by its guidelines only',
    citation: 'PDPA 2012 s 26C(1)',
    source: PDPA_SOURCE,
    verified: 'Checked 2026-12-06: s 26C(1) on Singapore Statutes Online ("This section applies to a data breach that occurs on or after 1 February 2021").',
    scope: { kind: 'establishment_or_residents', region: 'SG' },
  }),
  {
    ...base,
    id: 'SG.pdpa.pdpc',
    supersedes: 'SG.pre-part6a.pdpc',
    recipient: 'regulator',
    authority: { name: 'Personal Data Protection Commission (PDPC)', url: 'https://www.pdpc.gov.sg' },
    // Encryption is no exception to the PDPC notice (only to the individuals' one, s 26D(5)(b)):
    // 500 encrypted records are still of significant scale.
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR, notIf: WITHIN_ORGANISATION },
    riskGate: {
      kind: 'significant_harm',
      alternatives: [
        { kind: 'threshold', count: 500, comparator: '>=', why: 'significant scale: not fewer than 500 affected individuals (PDPA s 26B(1)(b), (3); Regulations reg. 4)' },
        DEEMED,
      ],
    },
    clock: { anchor: 'notifiability_assessment', amount: 3, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: ['the information prescribed by reg. 5 of the Regulations, to the best of the organisation\'s knowledge and belief (s 26D(3))'],
    channels: ['in the form and manner required by the Commission (s 26D(4)) — the PDPC online form'],
    citation: 'PDPA 2012 ss 26B, 26D(1), (3)–(4); PDP (Notification of Data Breaches) Regulations 2021 regs 3–5',
  },
  {
    ...base,
    id: 'SG.pdpa.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'any', basis: 'PDPA s 26D(2): notify each affected individual in any manner that is reasonable in the circumstances (the rule’s channels text, checked with the rule)' },
    authority: null,
    trigger: {
      elements: ANY_PERSONAL_DATA,
      breachMode: 'any',
      // s 26D(5)(b): a technological measure implemented before the breach that renders significant harm unlikely.
      encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'technological measure rendering significant harm unlikely (s 26D(5)(b))' },
      notIf: WITHIN_ORGANISATION,
    },
    riskGate: {
      kind: 'significant_harm',
      alternatives: [DEEMED],
      note: 'only breaches of s 26B(1)(a) (significant harm), not scale alone; not required after remedial action rendering harm unlikely (s 26D(5)(a)); must not notify if a prescribed law-enforcement agency or the Commission so directs (s 26D(6)); the Commission may waive (s 26D(7))',
    },
    clock: { anchor: 'notifiability_assessment', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable', relation: 'on_or_after_regulator' },
    content: ['the information prescribed by reg. 6 of the Regulations (s 26D(3))'],
    channels: ['any manner that is reasonable in the circumstances (s 26D(2))'],
    citation: 'PDPA 2012 s 26D(2), (5)–(7); PDP (Notification of Data Breaches) Regulations 2021 regs 3, 6',
  },
  {
    ...base,
    id: 'SG.pdpa.intermediary',
    recipient: 'controller',
    authority: { name: 'The organisation for which the data intermediary processes the data' },
    appliesIf: ['processor'],
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none', note: 'every data breach, whatever its harm or scale' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
    content: ['the occurrence of the data breach'],
    citation: 'PDPA 2012 s 26C(3)(a)',
    verified: `${VERIFIED} s 26C(3)(a) (data intermediary → organisation or public agency "without undue delay from the time it has credible grounds to believe that the data breach has occurred") as restated in the Baker McKenzie data privacy handbook (review of 29 Dec 2023), not re-read on SSO.`,
  },
];
