/**
 * Switzerland — revised FADP Art. 24 (SR 235.1, in force 2023-09-01) + DPO Art. 15.
 * reference/breach-law.md §8.8: FDPIC as soon as possible if likely high risk; data subjects if
 * needed for their protection or if the FDPIC requires it.
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, HARBOUR, NO_HARBOUR, V8 } from './intl-common.js';

const base = {
  jurisdiction: 'CH',
  regime: 'nFADP',
  scope: { kind: 'establishment_or_residents' as const, region: 'CH' },
  threshold: null,
  effectiveFrom: '2023-09-01',
  verified: V8('§8.8', ' ([verify] there)'),
};

export const chRules: RuleInput[] = [
  {
    ...base,
    id: 'CH.nfadp.fdpic',
    recipient: 'regulator',
    authority: { name: 'Federal Data Protection and Information Commissioner (FDPIC)', url: 'https://www.edoeb.admin.ch' },
    appliesIf: ['controller'],
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'gdpr_high_risk', note: 'likely to result in a high risk to the personality or fundamental rights (Art. 24(1))' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: [
      'nature of the breach',
      'consequences',
      'measures taken or planned',
      'time and duration, categories and approximate numbers of data and data subjects, contact (DPO Art. 15)',
    ],
    recordKeeping: 'Document data-security breaches and keep the documentation at least 2 years (DPO Art. 15(4))',
    citation: 'FADP Art. 24(1)–(2); DPO Art. 15',
    notes: 'The high-risk test reuses the human-confirmed facts.risk.gdpr level ("high").',
  },
  {
    ...base,
    id: 'CH.nfadp.individuals',
    recipient: 'individuals',
    authority: null,
    appliesIf: ['controller'],
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: HARBOUR },
    riskGate: { kind: 'gdpr_high_risk', note: 'if necessary for the protection of the data subject or if the FDPIC requires it (Art. 24(4))' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['nature of the breach', 'consequences', 'measures taken or planned'],
    review: 'notice to data subjects is needed only if necessary for their protection or if the FDPIC requires it (Art. 24(4)); restrictions in Art. 24(5)',
    citation: 'FADP Art. 24(4)–(5)',
  },
  {
    ...base,
    id: 'CH.nfadp.processor',
    recipient: 'controller',
    authority: { name: 'The controller' },
    appliesIf: ['processor'],
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['the breach'],
    citation: 'FADP Art. 24(3)',
  },
];
