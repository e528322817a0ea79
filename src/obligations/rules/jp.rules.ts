/**
 * Japan — APPI Art. 26 (as amended 2020, effective 2022-04-01) + Enforcement Rules Arts 7–8.
 * reference/breach-law.md §8.6: reportable if special-care data, property-damage data, possible
 * wrongful purpose, or more than 1,000 people; PPC preliminary report promptly, final within 30
 * days (60 for wrongful purpose); data subjects promptly.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, HARBOUR, V8 } from './intl-common.js';

const SPECIAL_CARE: ElementId[] = ['health', 'genetic', 'biometric', 'special_category'];
const PROPERTY_DAMAGE: ElementId[] = ['payment_card', 'card_security_code', 'bank_account', 'iban', 'password'];
const gate = {
  kind: 'categories' as const,
  alternatives: [
    { kind: 'elements' as const, anyOf: SPECIAL_CARE, why: 'special-care-required personal information (Rules Art. 7(i))' },
    { kind: 'elements' as const, anyOf: PROPERTY_DAMAGE, why: 'data whose misuse may cause property damage (Rules Art. 7(ii))' },
    { kind: 'malicious' as const, why: 'possible wrongful purpose, e.g. cyber-attack (Rules Art. 7(iii))' },
    { kind: 'threshold' as const, count: 1000, comparator: '>' as const, why: 'more than 1,000 data subjects (Rules Art. 7(iv))' },
  ],
};
const base = {
  jurisdiction: 'JP',
  regime: 'APPI',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: { ...HARBOUR, standard: 'advanced encryption' } },
  threshold: null,
  effectiveFrom: '2022-04-01',
  verified: V8('§8.6', ' (categories and 60 days [verified] there via kiroku.today; 30-day final report [verify])'),
};

export const jpRules: RuleInput[] = [
  {
    ...base,
    id: 'JP.appi.ppc',
    recipient: 'regulator',
    authority: { name: 'Personal Information Protection Commission (PPC)', url: 'https://www.ppc.go.jp' },
    riskGate: { ...gate, note: 'one of the four reportable categories' },
    clock: {
      anchor: 'awareness',
      amount: null,
      unit: 'calendar_days',
      urgency: 'promptly',
      stages: [{ name: 'final report', anchor: 'awareness', amount: 30, amountIfMalicious: 60, unit: 'calendar_days' }],
    },
    content: ['preliminary report promptly (PPC guidance: about 3–5 days)', 'final report'],
    citation: 'APPI Art. 26(1); Enforcement Rules Arts 7–8',
  },
  {
    ...base,
    id: 'JP.appi.individuals',
    recipient: 'individuals',
    authority: null,
    riskGate: { ...gate, note: 'one of the four reportable categories' },
    clock: { anchor: 'awareness', amount: null, unit: 'calendar_days', urgency: 'promptly' },
    content: ['outline of the incident', 'personal data concerned', 'cause', 'possible secondary damage', 'other reference information'],
    substituteNotice: 'alternative public measures where notice to the person is difficult',
    citation: 'APPI Art. 26(2)',
  },
];
