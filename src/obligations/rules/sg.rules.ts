/**
 * Singapore — PDPA Part 6A (ss 26A–26E, in force 2021-02-01) + PDP (Notification of Data
 * Breaches) Regulations 2021. reference/breach-law.md §8.4: notifiable if significant harm *or*
 * significant scale (≥500); PDPC within 3 calendar days of the determination; individuals only
 * for significant harm, on or after the PDPC notice.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, HARBOUR, V8 } from './intl-common.js';

/** Schedule classes that are deemed to result in significant harm (approximated by element). */
const SIGNIFICANT_HARM_ELEMENTS: ElementId[] = [
  'payment_card',
  'bank_account',
  'health',
  'health_insurance',
  'genetic',
  'biometric',
  'password',
  'security_question',
  'national_id',
];
const base = {
  jurisdiction: 'SG',
  regime: 'PDPA',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: HARBOUR },
  threshold: null,
  effectiveFrom: '2021-02-01',
  verified: V8('§8.4', ' (≥500, 3 days and individuals only for significant harm [verified] there; section numbers [verify]); Schedule classes approximated by element ids'),
};

export const sgRules: RuleInput[] = [
  {
    ...base,
    id: 'SG.pdpa.pdpc',
    recipient: 'regulator',
    authority: { name: 'Personal Data Protection Commission (PDPC)', url: 'https://www.pdpc.gov.sg' },
    riskGate: {
      kind: 'significant_harm',
      alternatives: [
        { kind: 'threshold', count: 500, comparator: '>=', why: 'significant scale: 500 or more individuals (s 26B(1)(b))' },
        { kind: 'elements', anyOf: SIGNIFICANT_HARM_ELEMENTS, why: 'prescribed data class deemed to result in significant harm (Schedule)' },
      ],
    },
    clock: { anchor: 'determination', amount: 3, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: ['facts of the breach', 'number of affected individuals', 'potential harm', 'actions taken and planned', 'contact'],
    notes: 'Assess whether the breach is notifiable reasonably and expeditiously (PDPC guidance: within 30 days of awareness).',
    citation: 'PDPA s 26D(1)',
  },
  {
    ...base,
    id: 'SG.pdpa.individuals',
    recipient: 'individuals',
    authority: null,
    riskGate: {
      kind: 'significant_harm',
      alternatives: [{ kind: 'elements', anyOf: SIGNIFICANT_HARM_ELEMENTS, why: 'prescribed data class deemed to result in significant harm (Schedule)' }],
      note: 'not for significant scale alone; exceptions: remedial action, technological protection, law-enforcement/PDPC direction',
    },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable', relation: 'on_or_after_regulator' },
    content: ['circumstances of the breach', 'data involved', 'potential harm', 'steps the individual can take', 'contact'],
    citation: 'PDPA s 26D(2)',
  },
];
