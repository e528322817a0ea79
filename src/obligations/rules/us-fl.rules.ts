/**
 * Florida — Fla. Stat. §501.171 (Florida Information Protection Act of 2014).
 * reference/breach-law.md §6.2: access suffices; 30 days after determination (+15 on written
 * good cause); Department of Legal Affairs at "500 or more"; CRAs above 1,000.
 */
import type { RuleInput } from '../rule.schema.js';
import { ACCOUNT_WITH_CODE, CREDENTIALS, HARBOUR_LOST_IF_KEY, namePlus } from './us-common.js';

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
  riskGate: {
    kind: 'no_harm_determination' as const,
    documentationYears: 5,
    note: 'after appropriate investigation and consultation with law enforcement; the written determination goes to the Department of Legal Affairs within 30 days',
  },
  citation: 'Fla. Stat. §501.171',
};
const V = 'reference/breach-law.md §6.2 and §6.1 (comparators "500 or more", ">1,000"); all FL facts marked [verify] there — not re-checked against statute';
const DEPT = { name: 'Florida Department of Legal Affairs (Attorney General)' };

export const usFlRules: RuleInput[] = [
  {
    ...base,
    id: 'US-FL.individuals',
    recipient: 'individuals',
    authority: null,
    threshold: null,
    clock: {
      anchor: 'determination',
      amount: 30,
      unit: 'calendar_days',
      urgency: 'as_soon_as_practicable',
      extensions: [{ amount: 15, unit: 'calendar_days', condition: 'good cause for delay is given in writing to the Department within the 30 days' }],
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
    clock: { anchor: 'determination', amount: 30, unit: 'calendar_days' },
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
    riskGate: { kind: 'no_harm_determination_made', documentationYears: 5 },
    threshold: null,
    clock: { anchor: 'determination', amount: 30, unit: 'calendar_days' },
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
