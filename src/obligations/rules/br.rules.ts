/**
 * Brazil — LGPD Art. 48 + Resolução CD/ANPD nº 15/2024 (in force 2024-04-26).
 * reference/breach-law.md §8.3 [verified] there: relevant risk or damage *and* one of sensitive,
 * children's, financial, authentication, secret or large-scale data; ANPD and data subjects within
 * 3 business days (6 for small processing agents, not modelled: see notes); supplement in 20.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { NO_HARBOUR, V8 } from './intl-common.js';

/** Art. 5 of Res. 15/2024 data criteria that map onto element ids. */
const QUALIFYING: ElementId[] = [
  'health',
  'health_insurance',
  'biometric',
  'genetic',
  'special_category',
  'payment_card',
  'card_security_code',
  'bank_account',
  'iban',
  'password',
  'password_hash',
  'security_question',
];
const base = {
  jurisdiction: 'BR',
  regime: 'LGPD',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: { anyOf: QUALIFYING, combos: [] },
    // Children's/elderly data, secrecy-protected data and large scale are not element ids.
    reviewElements: { anyOf: [], combos: [] },
    breachMode: 'access' as const,
    encryptionSafeHarbor: NO_HARBOUR,
  },
  riskGate: { kind: 'significant_harm' as const, note: 'may significantly affect fundamental interests or rights (Res. 15/2024 Art. 5)' },
  threshold: null,
  effectiveFrom: '2024-04-26',
  verified: V8('§8.3', ' ([verified] there: martinelli.adv.br, machadomeyer.com.br, btlaw.com.br)'),
  notes: 'Children/elderly, secret and large-scale criteria need a human check. Doubling for small processing agents is applied to the ANPD notice only (reference §8.3); whether it extends to the notice to data subjects is not encoded.',
};

const anpd = (id: string, days: number, profile: Pick<RuleInput, 'appliesIf' | 'appliesUnless'>): RuleInput => ({
  ...base,
  ...profile,
  id,
  recipient: 'regulator',
  authority: { name: 'Autoridade Nacional de Proteção de Dados (ANPD)', url: 'https://www.gov.br/anpd' },
  clock: {
    anchor: 'awareness',
    amount: days,
    unit: 'business_days',
    stages: [{ name: 'supplementary information', anchor: 'awareness', amount: 20, unit: 'business_days', afterPreviousStage: true }],
  },
  content: ['the ANPD incident-communication form (12 topics)'],
  recordKeeping: 'Record every security incident, notified or not, for 5 years (Res. 15/2024)',
  citation: 'LGPD Art. 48; Resolução CD/ANPD nº 15/2024 Art. 6',
});

export const brRules: RuleInput[] = [
  anpd('BR.lgpd.anpd', 3, { appliesUnless: ['small_processing_agent'] }),
  // Res. CD/ANPD 2/2022 Art. 14: small processing agents have doubled periods.
  anpd('BR.lgpd.anpd.small', 6, { appliesIf: ['controller', 'small_processing_agent'] }),
  {
    ...base,
    id: 'BR.lgpd.individuals',
    recipient: 'individuals',
    authority: null,
    clock: { anchor: 'awareness', amount: 3, unit: 'business_days' },
    content: [
      'nature and categories of personal data affected',
      'technical and security measures used',
      'risks related to the incident',
      'reasons for any delay',
      'measures taken or to be taken to mitigate',
      'date the incident became known',
      'contact of the data protection officer',
    ],
    citation: 'LGPD Art. 48; Resolução CD/ANPD nº 15/2024 Art. 9',
  },
];
