/**
 * Canada — PIPEDA ss. 10.1–10.3 and the Breach of Security Safeguards Regulations (SOR/2018-64,
 * in force 2018-11-01); Québec Law 25 (confidentiality incidents). reference/breach-law.md §8.1.
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, HARBOUR, NO_HARBOUR, V8 } from './intl-common.js';

const pipeda = {
  jurisdiction: 'CA',
  regime: 'PIPEDA',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'significant_harm' as const, note: 'real risk of significant harm (RROSH), s. 10.1(7)–(8)' },
  threshold: null,
  effectiveFrom: '2018-11-01',
  verified: V8('§8.1', ' ([verify against primary source] there)'),
};
const REPORT = [
  'circumstances and cause of the breach',
  'date or period of the breach',
  'personal information involved',
  'number of individuals affected (estimate)',
  'steps taken to reduce the risk of harm',
  'steps taken or planned to notify individuals',
  'contact person',
];

export const caRules: RuleInput[] = [
  {
    ...pipeda,
    id: 'CA.pipeda.opc',
    recipient: 'regulator',
    authority: { name: 'Office of the Privacy Commissioner of Canada (OPC)', url: 'https://www.priv.gc.ca' },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_feasible' },
    content: REPORT,
    recordKeeping: 'Keep a record of every breach of security safeguards for 24 months (SOR/2018-64 s. 6)',
    citation: 'PIPEDA s. 10.1(1)–(2); SOR/2018-64 s. 2',
  },
  {
    ...pipeda,
    id: 'CA.pipeda.individuals',
    recipient: 'individuals',
    authority: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_feasible' },
    content: [...REPORT, 'steps individuals can take to reduce the risk of harm', 'the right to complain to the OPC'],
    citation: 'PIPEDA s. 10.1(3); SOR/2018-64 s. 3',
  },
  {
    id: 'CA-QC.law25.cai',
    jurisdiction: 'CA-QC',
    regime: 'Québec Law 25',
    recipient: 'regulator',
    authority: { name: "Commission d'accès à l'information du Québec (CAI)" },
    appliesIf: ['controller'],
    scope: { kind: 'residents' },
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access', encryptionSafeHarbor: HARBOUR },
    riskGate: { kind: 'significant_harm', note: 'risk of serious injury' },
    threshold: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'promptly' },
    content: ['description of the confidentiality incident and the information concerned', 'measures taken'],
    recordKeeping: 'Keep a register of confidentiality incidents',
    effectiveFrom: '2022-09-22',
    citation: 'Act respecting the protection of personal information in the private sector (Québec), s. 3.5 (Law 25)',
    verified: V8('§8.1', ' ([verify] there); section number and 2022-09-22 start from general knowledge'),
  },
  {
    id: 'CA-QC.law25.individuals',
    jurisdiction: 'CA-QC',
    regime: 'Québec Law 25',
    recipient: 'individuals',
    authority: null,
    appliesIf: ['controller'],
    scope: { kind: 'residents' },
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access', encryptionSafeHarbor: HARBOUR },
    riskGate: { kind: 'significant_harm', note: 'risk of serious injury' },
    threshold: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'promptly' },
    content: ['description of the incident and the information concerned', 'measures taken', 'what the person can do', 'contact'],
    effectiveFrom: '2022-09-22',
    citation: 'Act respecting the protection of personal information in the private sector (Québec), s. 3.5 (Law 25)',
    verified: V8('§8.1', ' ([verify] there)'),
  },
];
