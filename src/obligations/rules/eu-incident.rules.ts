/**
 * EU incident regimes often triggered by the same event: NIS2 Art. 23 (and NIS1 Art. 14/16 before
 * it), DORA Art. 19 with its RTS, and the ePrivacy breach rule for telecom providers (Commission
 * Regulation (EU) 611/2013). Separate obligations on the same incident. NIS and DORA are triggered
 * by the incident itself, with or without personal data (issue 13 §1); ePrivacy concerns personal
 * data breaches. Each rule cites the Official Journal text on EUR-Lex.
 */
import type { RuleInput } from '../rule.schema.js';
import { INCIDENT_TRIGGER, sourcesCheckedOn } from './rule-helpers.js';

const src = sourcesCheckedOn('2026-12-06');

const INCIDENT = INCIDENT_TRIGGER;

const NIS2_SOURCE = src(
  'https://eur-lex.europa.eu/eli/dir/2022/2555/oj',
  'Directive (EU) 2022/2555 (NIS2), OJ L 333, 27.12.2022, Art. 23 and Art. 41',
  'Art. 23(4)(a) early warning within 24 hours of becoming aware of the significant incident, (b) incident notification within 72 hours, (d) final report not later than one month after the incident notification; Art. 23(3) significance test; Art. 41(1) measures apply from 18 October 2024 — wording as quoted in several practitioner copies of the OJ text; national transpositions (and their start dates) vary',
);
const NIS1_SOURCE = src(
  'https://eur-lex.europa.eu/eli/dir/2016/1148/oj',
  'Directive (EU) 2016/1148 (NIS1), OJ L 194, 19.7.2016, Arts. 14(3), 16(3) and 25',
  'operators of essential services and digital service providers notify incidents having a significant (substantial) impact without undue delay; transposition by 9 May 2018, applied from 10 May 2018 (Art. 25(1)); repealed by NIS2 with effect from 18 October 2024 (NIS2 Art. 44) — from the OJ text as recalled, national laws vary',
);
const DORA_SOURCE = src(
  'https://eur-lex.europa.eu/eli/reg_del/2025/301/oj',
  'Regulation (EU) 2022/2554 (DORA) Art. 19 and Art. 64; Commission Delegated Regulation (EU) 2025/301 Art. 5 (time limits)',
  'RTS 2025/301 Art. 5 as quoted by practitioners: initial notification within 4 hours of classification as major and no later than 24 hours after becoming aware; intermediate report within 72 hours of the initial notification; final report within one month of the latest intermediate report; DORA applies from 17 January 2025 (Art. 64)',
);
const EPRIVACY_SOURCE = src(
  'https://eur-lex.europa.eu/eli/reg/2013/611/oj',
  'Commission Regulation (EU) No 611/2013, OJ L 173, 26.6.2013, Arts. 2–3 and 6; Directive 2002/58/EC Art. 4(3)',
  'Art. 2(2) notify the competent national authority no later than 24 hours after detection where feasible; Art. 2(3) initial notification then the rest within three days after it; Art. 3 subscriber or individual without undue delay when the breach is likely to adversely affect personal data or privacy, unless technological protection measures rendered the data unintelligible (Art. 4); in force 25 August 2013 (Art. 6) — from the OJ text as recalled',
);

export const euIncidentRules: RuleInput[] = [
  {
    id: 'EU.nis1',
    jurisdiction: 'EU',
    regime: 'NIS (Directive 2016/1148)',
    recipient: 'regulator',
    authority: { name: 'National competent authority or CSIRT of the member state' },
    appliesIf: ['nis2_entity'],
    scope: { kind: 'establishment_or_residents', region: 'EU' },
    trigger: INCIDENT,
    riskGate: { kind: 'significant_incident', note: 'an incident having a significant impact on the continuity of an essential service, or a substantial impact on a digital service (Arts. 14(3), 16(3))' },
    threshold: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
    content: ['information enabling the authority to determine any cross-border impact of the incident'],
    notes: 'NIS1 covered operators of essential services and digital service providers; the profile flag for NIS2 entities is used as the closest proxy — check the national transposition.',
    effectiveFrom: '2018-05-10',
    effectiveTo: '2024-10-17',
    source: NIS1_SOURCE,
    citation: 'Directive (EU) 2016/1148 Arts. 14(3), 16(3)',
    verified: 'structure and dates from the OJ text as recalled on 2026-12-06 (see source); national laws not encoded',
  },
  {
    id: 'EU.nis2',
    jurisdiction: 'EU',
    regime: 'NIS2',
    recipient: 'regulator',
    authority: { name: 'National CSIRT or competent authority of the member state of establishment' },
    appliesIf: ['nis2_entity'],
    scope: { kind: 'establishment_or_residents', region: 'EU' },
    trigger: INCIDENT,
    riskGate: {
      kind: 'significant_incident',
      note: 'significant incident (Art. 23(3)): severe operational disruption or financial loss for the entity, or considerable material or non-material damage to others',
    },
    threshold: null,
    clock: {
      anchor: 'awareness',
      amount: 24,
      unit: 'hours',
      urgency: 'without_undue_delay',
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
    supersedes: 'EU.nis1',
    source: NIS2_SOURCE,
    citation: 'Directive (EU) 2022/2555 (NIS2) Art. 23(4)',
    verified: 'checked on 2026-12-06 against quotations of the OJ text (see source); start = the application date in Art. 41(1), national laws vary',
  },
  {
    id: 'EU.dora',
    jurisdiction: 'EU',
    regime: 'DORA',
    recipient: 'regulator',
    authority: { name: 'Competent authority of the financial entity (Art. 46)' },
    appliesIf: ['dora_entity'],
    scope: { kind: 'establishment_or_residents', region: 'EU' },
    trigger: INCIDENT,
    riskGate: { kind: 'significant_incident', note: 'major ICT-related incident (Art. 18 classification; Delegated Regulation (EU) 2024/1772)' },
    threshold: null,
    clock: {
      anchor: 'classification',
      amount: 4,
      unit: 'hours',
      alsoNoLaterThan: { anchor: 'awareness', amount: 24, unit: 'hours' },
      stages: [
        { name: 'intermediate report (72 hours after the initial notification)', anchor: 'classification', amount: 72, unit: 'hours', afterPreviousStage: true },
        { name: 'final report (one month after the latest intermediate report)', anchor: 'classification', amount: 1, unit: 'months', afterPreviousStage: true },
      ],
    },
    content: ['initial notification, intermediate report and final report per the RTS 2025/301 content and the ITS 2025/302 templates'],
    notes: 'RTS 2025/301 Art. 5(2) lets some entities (not credit institutions or other significant ones) submit by 12:00 on the next working day when a deadline falls on a weekend or holiday; not modelled.',
    effectiveFrom: '2025-01-17',
    source: DORA_SOURCE,
    citation: 'Regulation (EU) 2022/2554 (DORA) Art. 19(4); Delegated Regulation (EU) 2025/301 Art. 5',
    verified: 'checked on 2026-12-06 against quotations of RTS 2025/301 Art. 5 (see source)',
  },
  {
    id: 'EU.eprivacy-611',
    jurisdiction: 'EU',
    regime: 'ePrivacy (Reg. 611/2013)',
    recipient: 'regulator',
    authority: { name: 'Competent national authority under Directive 2002/58/EC' },
    appliesIf: ['telecom_provider'],
    scope: { kind: 'establishment_or_residents', region: 'EEA' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: {
      anchor: 'discovery',
      amount: 24,
      unit: 'hours',
      // Art. 2(3): the remaining information within three days after the initial notification.
      stages: [{ name: 'full information (three days after the initial notification)', anchor: 'discovery', amount: 3, unit: 'calendar_days', afterPreviousStage: true }],
    },
    content: ['Annex I of Commission Regulation (EU) No 611/2013'],
    effectiveFrom: '2013-08-25',
    source: EPRIVACY_SOURCE,
    citation: 'Commission Regulation (EU) No 611/2013 Art. 2',
    verified: 'checked on 2026-12-06 against the OJ text as recalled (see source)',
  },
  {
    id: 'EU.eprivacy-611.individuals',
    jurisdiction: 'EU',
    regime: 'ePrivacy (Reg. 611/2013)',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'Commission Regulation (EU) No 611/2013 Art. 3 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    appliesIf: ['telecom_provider'],
    scope: { kind: 'establishment_or_residents', region: 'EEA' },
    trigger: {
      elements: { anyOf: [], combos: [] },
      breachMode: 'any',
      // Directive 2002/58/EC Art. 4(3): not required where the data were rendered unintelligible.
      encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'Reg. 611/2013 Art. 4 (standard encryption with an uncompromised key)' },
    },
    riskGate: { kind: 'significant_harm', note: 'likely to adversely affect the personal data or privacy of the subscriber or individual (Art. 3(1)-(2))' },
    threshold: null,
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'without_undue_delay' },
    content: ['Annex II of Commission Regulation (EU) No 611/2013'],
    effectiveFrom: '2013-08-25',
    source: EPRIVACY_SOURCE,
    citation: 'Commission Regulation (EU) No 611/2013 Art. 3; Directive 2002/58/EC Art. 4(3)',
    verified: 'checked on 2026-12-06 against the OJ text as recalled (see source)',
  },
];
