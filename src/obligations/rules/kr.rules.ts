/**
 * South Korea — PIPA Art. 34 + Enforcement Decree Arts 39–40 (as amended 2023-09-15).
 * reference/breach-law.md §8.7 [verified] there: data subjects within 72 hours; PIPC/KISA within
 * 72 hours if ≥1,000 subjects, sensitive or unique-identifying data, or external hacking.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, NO_HARBOUR, V8 } from './intl-common.js';

const SENSITIVE_OR_UNIQUE: ElementId[] = [
  'health',
  'genetic',
  'biometric',
  'special_category',
  'national_id',
  'passport_number',
  'drivers_license',
];
const base = {
  jurisdiction: 'KR',
  regime: 'PIPA',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: NO_HARBOUR },
  threshold: null,
  effectiveFrom: '2023-09-15',
  verified: V8('§8.7', ' ([verified] there: dlapiperdataprotection.com, prighter.com)'),
};
const CONTENT = [
  'personal data items leaked',
  'when and how the leak occurred',
  'how data subjects can minimise damage',
  'countermeasures and remedies of the controller',
  'help-desk contact for reporting damage',
];

export const krRules: RuleInput[] = [
  {
    ...base,
    id: 'KR.pipa.individuals',
    recipient: 'individuals',
    authority: null,
    riskGate: { kind: 'none' },
    clock: { anchor: 'awareness', amount: 72, unit: 'hours' },
    content: CONTENT,
    citation: 'PIPA Art. 34(1); Enforcement Decree Art. 39',
  },
  {
    ...base,
    id: 'KR.pipa.pipc',
    recipient: 'regulator',
    authority: { name: 'Personal Information Protection Commission (PIPC) or Korea Internet & Security Agency (KISA)' },
    riskGate: {
      kind: 'categories',
      note: 'no report if the data were retrieved or deleted so that the risk is substantially reduced',
      alternatives: [
        { kind: 'threshold', count: 1000, comparator: '>=', why: '1,000 or more data subjects' },
        { kind: 'elements', anyOf: SENSITIVE_OR_UNIQUE, why: 'sensitive or unique identifying information' },
        { kind: 'malicious', why: 'leak through unauthorised external access (hacking)' },
      ],
    },
    clock: { anchor: 'awareness', amount: 72, unit: 'hours' },
    content: CONTENT,
    citation: 'PIPA Art. 34(3); Enforcement Decree Art. 40',
  },
];
