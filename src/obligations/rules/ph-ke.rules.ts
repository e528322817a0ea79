/**
 * Philippines (Data Privacy Act IRR s. 38, NPC Circular 16-03) and Kenya (Data Protection Act 2019
 * s. 43): 72-hour regulator clocks. reference/breach-law.md §8.9–8.10 [verified] there.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, HARBOUR, V8 } from './intl-common.js';

const PH_TRIGGER: ElementId[] = [
  'health',
  'genetic',
  'biometric',
  'special_category',
  'national_id',
  'passport_number',
  'drivers_license',
  'payment_card',
  'bank_account',
  'password',
  'tax_id',
];
const ph = {
  jurisdiction: 'PH',
  regime: 'Data Privacy Act of 2012',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: { anyOf: PH_TRIGGER, combos: [] },
    breachMode: 'acquisition' as const,
    encryptionSafeHarbor: HARBOUR,
  },
  riskGate: { kind: 'significant_harm' as const, note: 'real risk of serious harm' },
  threshold: null,
  clock: { anchor: 'awareness' as const, amount: 72, unit: 'hours' as const },
  effectiveFrom: '2016-12-15',
  citation: 'Data Privacy Act IRR s. 38; NPC Circular 16-03 s. 17',
  verified: V8('§8.9', ' (legalresource.ph, conventuslaw.com); sensitive/identity-fraud data approximated by element ids; start date from general knowledge'),
};
const ke = {
  jurisdiction: 'KE',
  regime: 'Data Protection Act 2019',
  scope: { kind: 'residents' as const },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: HARBOUR },
  threshold: null,
  effectiveFrom: '2019-11-25',
  citation: 'Data Protection Act 2019 (Kenya) s. 43',
  verified: V8('§8.10', ' (cmadvocates.com); start date from general knowledge'),
};

export const phKeRules: RuleInput[] = [
  { ...ph, id: 'PH.dpa.npc', recipient: 'regulator', authority: { name: 'National Privacy Commission (NPC)' }, content: ['nature of the breach', 'personal data involved', 'measures taken'] },
  { ...ph, id: 'PH.dpa.individuals', recipient: 'individuals', authority: null, content: ['nature of the breach', 'personal data involved', 'measures taken', 'contact'] },
  {
    ...ke,
    id: 'KE.dpa.commissioner',
    recipient: 'regulator',
    authority: { name: 'Office of the Data Protection Commissioner' },
    appliesIf: ['controller'],
    riskGate: { kind: 'significant_harm', note: 'real risk of harm' },
    clock: { anchor: 'awareness', amount: 72, unit: 'hours' },
    content: ['description of the breach', 'measures taken'],
  },
  {
    ...ke,
    id: 'KE.dpa.individuals',
    recipient: 'individuals',
    authority: null,
    appliesIf: ['controller'],
    riskGate: { kind: 'significant_harm', note: 'real risk of harm' },
    clock: { anchor: 'awareness', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: ['description of the breach', 'likely consequences', 'measures taken', 'contact'],
  },
  {
    ...ke,
    id: 'KE.dpa.processor',
    recipient: 'controller',
    authority: { name: 'The controller' },
    appliesIf: ['processor'],
    riskGate: { kind: 'none' },
    clock: { anchor: 'awareness', amount: 48, unit: 'hours' },
    content: ['the breach'],
  },
];
