/**
 * Florida — Fla. Stat. §501.171 (Florida Information Protection Act of 2014, in force 2014-07-01,
 * unchanged in what is encoded since). Access suffices; 30 days after the determination (+15 on
 * written good cause) for individuals and the Department of Legal Affairs ("500 or more"); CRAs
 * above 1,000. The no-harm exception needs consultation with law enforcement and a written
 * determination, kept 5 years and sent to the Department within 30 days.
 */
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, CHECKED_ON, CREDENTIALS, HARBOUR_LOST_IF_KEY, harmGate, namePlus, STORED_COPIES } from './us-common.js';
import { deemedFor } from './us-deemed-compliance.js';

const NO_HARM = {
  basis: 'exception' as const,
  standard:
    'notice is not required if, after an appropriate investigation and consultation with relevant federal, state or local law enforcement agencies, the covered entity reasonably determines that the breach has not and will not likely result in identity theft or any other financial harm; the determination is documented in writing, kept at least 5 years and provided to the Department within 30 days',
  cite: 'Fla. Stat. §501.171(4)(c)',
  consultWith: ['law_enforcement' as const],
  inWriting: true,
  documentationYears: 5,
};
const GOOD_CAUSE = [{ amount: 15, unit: 'calendar_days' as const, condition: 'good cause for delay is given in writing to the Department within the 30 days' }];

const base = {
  jurisdiction: 'US-FL',
  regime: 'Florida breach-notification law',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: {
      anyOf: [],
      combos: [
        ...namePlus(['us_ssn', 'drivers_license', 'national_id', 'passport_number', 'health', 'health_insurance']),
        ...ACCOUNT_WITH_CODE,
        ...CREDENTIALS,
      ],
    },
    breachMode: 'access' as const,
    encryptionSafeHarbor: HARBOUR_LOST_IF_KEY,
  },
  riskGate: harmGate(NO_HARM),
  citation: 'Fla. Stat. §501.171',
  source: {
    url: 'https://www.flsenate.gov/Laws/Statutes/2025/501.171',
    title: 'Fla. Stat. §501.171 (Security of confidential personal information)',
    checkedOn: CHECKED_ON,
    checkedAgainst: `${STORED_COPIES}: DWT state summary (dwt.com/gcp/states/florida: the §501.171(4)(c) standard with law-enforcement consultation, written, kept 5 years, to the Department within 30 days; notice to the Department for 500 or more; 30 days after determination); wordsbywit.com (Department notice within 30 days, +15 days on good cause); scasecurity.com`,
  },
};
const V =
  'Confirmed: access suffices; individuals and the Department ("500 or more" Floridians) within 30 days of the determination, +15 days on written good cause; the no-harm exception needs law-enforcement consultation and a written determination kept 5 years, sent to the Department within 30 days; CRAs above 1,000 at a single time. Not re-read: the element list and the CRA threshold (a public breach-law dataset derived from the Foley & Lardner chart).';
const DEPT = { name: 'Florida Department of Legal Affairs (Attorney General)' };

export const usFlRules: RuleInput[] = [
  {
    ...base,
    id: 'US-FL.individuals',
    recipient: 'individuals',
    // §501.171(4)(d): written notice to the mailing address, or e-mail notice to the e-mail address, in the entity's records.
    electronicNotice: { allowed: 'any', basis: 'Fla. Stat. §501.171(4)(d)2: "e-mail notice sent to the e-mail address of the individual in the records of the covered entity" — no consent condition (the text as quoted in a c. 2016 compilation of state notice-method provisions, stored copy; the AlexNetCC/USDataBreachApp dataset, 2025, agrees)' },
    substitute: {
      costOver: 250_000,
      countOver: 500_000,
      insufficientContact: true,
      components: ['a conspicuous notice on the entity’s website, if it maintains one', 'notice in print and to broadcast media, including major media in urban and rural areas where the affected individuals reside'],
      basis: 'Fla. Stat. §501.171(4)(f): direct notice not feasible because the cost would exceed $250,000, the affected individuals exceed 500,000, or the entity has no e-mail or mailing address for them (the c. 2016 compilation quoting the text; the 2025 dataset agrees)',
    },
    deemedCompliance: deemedFor('FL', 'individuals'),
    authority: null,
    threshold: null,
    clock: {
      anchor: 'determination',
      amount: 30,
      unit: 'calendar_days',
      urgency: 'as_soon_as_practicable',
      extensions: GOOD_CAUSE,
    },
    content: ['date, estimated date or date range of the breach', 'description of the personal information accessed', 'contact information for inquiries'],
    channels: ['written notice', 'e-mail'],
    effectiveFrom: '2014-07-01',
    citation: 'Fla. Stat. §501.171(4)',
    verified: V,
  },
  {
    ...base,
    id: 'US-FL.regulator',
    recipient: 'regulator',
    authority: DEPT,
    threshold: { count: 500, comparator: '>=', counted: 'Florida residents' },
    clock: { anchor: 'determination', amount: 30, unit: 'calendar_days', extensions: GOOD_CAUSE },
    content: [
      'synopsis of the events surrounding the breach',
      'number of Florida residents affected',
      'services offered free of charge and how to use them',
      'copy of the notice to individuals or an explanation',
      'name, address, telephone and e-mail of a contact',
    ],
    effectiveFrom: '2014-07-01',
    citation: 'Fla. Stat. §501.171(3)',
    verified: V,
  },
  {
    ...base,
    id: 'US-FL.regulator.no-harm',
    regime: 'Florida breach-notification law (no-harm determination)',
    recipient: 'regulator',
    authority: DEPT,
    riskGate: { ...harmGate(NO_HARM), kind: 'no_harm_determination_made' as const },
    threshold: null,
    // "provided to the department within 30 days after the determination" (§501.171(4)(c)).
    clock: { anchor: 'no_harm_determination', amount: 30, unit: 'calendar_days' },
    content: ['the written determination that the breach has not and will not likely result in identity theft or other financial harm'],
    effectiveFrom: '2014-07-01',
    citation: 'Fla. Stat. §501.171(4)(c)',
    verified: V,
  },
  {
    ...base,
    id: 'US-FL.credit_bureaus',
    recipient: 'credit_bureaus',
    authority: { name: 'Nationwide consumer reporting agencies (Equifax, Experian, TransUnion)' },
    threshold: { count: 1000, comparator: '>', counted: 'individuals notified at a single time' },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'most_expedient_time' },
    content: ['timing, distribution and content of the notices'],
    effectiveFrom: '2014-07-01',
    citation: 'Fla. Stat. §501.171(5)',
    verified: V,
  },
  {
    ...base,
    id: 'US-FL.controller',
    recipient: 'controller',
    authority: null,
    appliesIf: ['processor'],
    riskGate: { kind: 'none' },
    threshold: null,
    clock: { anchor: 'discovery', amount: 10, unit: 'calendar_days' },
    content: ['the breach of security of the data the third-party agent maintains for the covered entity'],
    effectiveFrom: '2014-07-01',
    citation: 'Fla. Stat. §501.171(6)',
    verified: V,
  },
];
