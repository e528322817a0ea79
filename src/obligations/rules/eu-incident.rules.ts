/**
 * EU incident clocks often triggered by the same event (reference/breach-law.md §4): NIS2 Art. 23,
 * DORA Art. 19 and the ePrivacy breach rule for telecom providers (Commission Regulation (EU)
 * 611/2013). Separate obligations on the same incident; all [verify against primary source].
 */
import type { RuleInput } from '../rule.schema.js';

const anyIncident = {
  elements: { anyOf: [], combos: [] },
  breachMode: 'any' as const,
  encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false },
};
const V4 = 'from reference/breach-law.md §4, marked [verify against primary source] there; not re-checked against the Official Journal';

export const euIncidentRules: RuleInput[] = [
  {
    id: 'EU.nis2',
    jurisdiction: 'EU',
    regime: 'NIS2',
    recipient: 'regulator',
    authority: { name: 'National CSIRT or competent authority of the member state of establishment' },
    appliesIf: ['nis2_entity'],
    scope: { kind: 'establishment_or_residents', region: 'EU' },
    trigger: anyIncident,
    riskGate: { kind: 'significant_incident', note: 'significant incident (Art. 23(3))' },
    threshold: null,
    clock: {
      anchor: 'awareness',
      amount: 24,
      unit: 'hours',
      stages: [
        { name: 'incident notification', anchor: 'awareness', amount: 72, unit: 'hours' },
        { name: 'final report (one month after the incident notification)', anchor: 'awareness', amount: 1, unit: 'months', afterPreviousStage: true },
      ],
    },
    content: [
      'early warning: whether the incident is suspected of being caused by unlawful or malicious acts or could have cross-border impact',
      'incident notification: initial assessment, severity and impact, indicators of compromise',
      'final report: detailed description, type of threat or root cause, mitigation applied, cross-border impact',
    ],
    effectiveFrom: '2024-10-18',
    citation: 'Directive (EU) 2022/2555 (NIS2) Art. 23(4)',
    verified: `${V4}. 24 h / 72 h / 1 month consistent with secondary sources found with the search tool (German NIS2 practice notes "24/72/30 Tage", an EU incident-response runbook), not with the Official Journal text. Start = transposition deadline 2024-10-18 (national laws vary).`,
  },
  {
    id: 'EU.dora',
    jurisdiction: 'EU',
    regime: 'DORA',
    recipient: 'regulator',
    authority: { name: 'Competent authority of the financial entity (Art. 46)' },
    appliesIf: ['dora_entity'],
    scope: { kind: 'establishment_or_residents', region: 'EU' },
    trigger: anyIncident,
    riskGate: { kind: 'significant_incident', note: 'major ICT-related incident (Art. 18 classification)' },
    threshold: null,
    clock: {
      anchor: 'classification',
      amount: 4,
      unit: 'hours',
      alsoNoLaterThan: { anchor: 'awareness', amount: 24, unit: 'hours' },
      stages: [
        { name: 'intermediate report', anchor: 'classification', amount: 72, unit: 'hours', afterPreviousStage: true },
        { name: 'final report', anchor: 'classification', amount: 1, unit: 'months', afterPreviousStage: true },
      ],
    },
    content: ['initial notification, intermediate report and final report per the DORA RTS/ITS templates'],
    effectiveFrom: '2025-01-17',
    citation: 'Regulation (EU) 2022/2554 (DORA) Art. 19 and RTS on incident reporting',
    verified: `${V4}. "Within 4 h of classification, at most 24 h after detection" consistent with a secondary summary of ITS (EU) 2025/302 Annex I found with the search tool; not checked against the Official Journal. Start = DORA application date 2025-01-17 from general knowledge.`,
  },
  {
    id: 'EU.eprivacy-611',
    jurisdiction: 'EU',
    regime: 'ePrivacy (Reg. 611/2013)',
    recipient: 'regulator',
    authority: { name: 'Competent national authority under Directive 2002/58/EC' },
    appliesIf: ['telecom_provider'],
    scope: { kind: 'establishment_or_residents', region: 'EEA' },
    trigger: anyIncident,
    riskGate: { kind: 'none' },
    threshold: null,
    clock: {
      anchor: 'discovery',
      amount: 24,
      unit: 'hours',
      stages: [{ name: 'full information', anchor: 'discovery', amount: 3, unit: 'calendar_days' }],
    },
    content: ['Annex I of Commission Regulation (EU) No 611/2013'],
    effectiveFrom: '2013-08-25',
    citation: 'Commission Regulation (EU) No 611/2013 Art. 2',
    verified: `${V4}. Start 2013-08-25 from general knowledge.`,
  },
];
