/**
 * India — DPDP Act 2023 s. 8(6) + DPDP Rules 2025 r. 7 (breach duties in force by about
 * 2027-05-14), and the CERT-In Directions of 28 April 2022 (6 hours). reference/breach-law.md §8.5.
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, NO_HARBOUR, V8 } from './intl-common.js';

const dpdp = {
  jurisdiction: 'IN',
  regime: 'DPDP Act 2023',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  // Any personal-data breach: no risk threshold, no encryption exception.
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any' as const, encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'none' as const },
  threshold: null,
  effectiveFrom: '2027-05-14',
  verified: V8('§8.5', ' ([verified] there: dpdpaedu.org, vratex.com); the exact commencement date ("about 14 May 2027") to confirm'),
};

export const inRules: RuleInput[] = [
  {
    ...dpdp,
    id: 'IN.dpdp.board',
    recipient: 'regulator',
    authority: { name: 'Data Protection Board of India' },
    clock: {
      anchor: 'awareness',
      amount: null,
      unit: 'hours',
      urgency: 'without_delay',
      stages: [{ name: 'detailed report', anchor: 'awareness', amount: 72, unit: 'hours' }],
    },
    content: [
      'without delay: description, nature, extent, timing, location and likely impact',
      'within 72 hours: updated facts, causes, mitigation, findings on who caused it, remedial measures, report on intimations to Data Principals',
    ],
    citation: 'DPDP Act 2023 s. 8(6); DPDP Rules 2025 r. 7(2)',
  },
  {
    ...dpdp,
    id: 'IN.dpdp.individuals',
    recipient: 'individuals',
    authority: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_delay' },
    content: [
      'description of the breach, including nature, extent, timing and location',
      'likely consequences',
      'mitigation measures implemented or being implemented',
      'safety measures the person may take',
      'business contact of a person able to respond',
    ],
    citation: 'DPDP Act 2023 s. 8(6); DPDP Rules 2025 r. 7(1)',
  },
  {
    id: 'IN.cert-in',
    jurisdiction: 'IN',
    regime: 'CERT-In Directions 2022',
    recipient: 'regulator',
    authority: { name: 'Indian Computer Emergency Response Team (CERT-In)', url: 'https://www.cert-in.org.in' },
    scope: { kind: 'establishment_or_residents', region: 'IN' },
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none', note: 'reportable cyber incident types listed in Annex I of the Directions, including data breaches and leaks' },
    threshold: null,
    clock: { anchor: 'discovery', amount: 6, unit: 'hours' },
    content: ['CERT-In incident report form'],
    effectiveFrom: '2022-06-28',
    citation: 'CERT-In Directions under s. 70B(6) IT Act, 28 April 2022, para (ii)',
    verified: V8('§8.5', ' ([verify] there); applicability to entities outside India and the 2022-06-28 start date from general knowledge'),
  },
];
