/**
 * Australia — Notifiable Data Breaches scheme, Privacy Act 1988 (Cth) Part IIIC.
 * reference/breach-law.md §8.2: assessment within 30 days (s 26WH); statement and notices as soon
 * as practicable (ss 26WK, 26WL).
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, HARBOUR, V8 } from './intl-common.js';

const base = {
  jurisdiction: 'AU',
  regime: 'Privacy Act 1988 (NDB scheme)',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: HARBOUR },
  riskGate: {
    kind: 'significant_harm' as const,
    note: 'eligible data breach: likely to result in serious harm, not prevented by remedial action (ss 26WE, 26WF)',
  },
  threshold: null,
  effectiveFrom: '2018-02-22',
  verified: V8('§8.2', ' ([verify] there); start 2018-02-22 from general knowledge'),
};
const CONTENT = [
  'identity and contact details of the entity',
  'description of the eligible data breach',
  'kinds of information concerned',
  'recommended steps individuals should take',
];

export const auRules: RuleInput[] = [
  {
    ...base,
    id: 'AU.ndb.oaic',
    recipient: 'regulator',
    authority: { name: 'Office of the Australian Information Commissioner (OAIC)', url: 'https://www.oaic.gov.au' },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: CONTENT,
    notes: 'A suspected breach must be assessed reasonably and expeditiously, within 30 days (s 26WH).',
    citation: 'Privacy Act 1988 (Cth) s 26WK',
  },
  {
    ...base,
    id: 'AU.ndb.individuals',
    recipient: 'individuals',
    authority: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: CONTENT,
    substituteNotice: 'publish the statement on the website and publicise it if notifying individuals is not practicable',
    citation: 'Privacy Act 1988 (Cth) s 26WL',
  },
];
