/**
 * Philippines — Data Privacy Act of 2012 (RA 10173) s 20(f), its Implementing Rules and Regulations
 * (2016) s 38, and NPC Circular 16-03 (Personal Data Breach Management, 15 December 2016) ss 11,
 * 17–19: the NPC and the data subjects within 72 hours of knowledge or reasonable belief, when
 * sensitive personal information or information that may enable identity fraud is reasonably
 * believed acquired by an unauthorised person and the acquisition is likely to give rise to a real
 * risk of serious harm. In force throughout the period this rule set answers for (from 2018).
 *
 * Kenya — Data Protection Act 2019 (No. 24 of 2019, in force 2019-11-25) s 43: the Data
 * Commissioner without delay, within 72 hours, where data were accessed or acquired by an
 * unauthorised person and there is a real risk of harm; data subjects within a reasonably
 * practical period (not where security safeguards such as encryption were in place); processors tell
 * the controller without delay and where reasonably practicable within 48 hours. Details in the
 * Data Protection (General) Regulations 2021 Part VI (in force 2022-01-14). No duty before the Act.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, HARBOUR, NO_HARBOUR, noDutyBefore, source } from './intl-common.js';

/**
 * Sensitive personal information (RA 10173 s 3(l)): age, health, genetic, sexual life, religious or
 * political affiliation …, government-issued identifiers (SSS numbers, licences, tax returns …); and
 * the "other information" that may enable identity fraud, which NPC Circular 16-03 s 11(A) says
 * includes data about the data subject's financial or economic situation, usernames, passwords and
 * other login data, biometric data, copies of identification documents, licences or unique
 * identifiers (PhilHealth, SSS, GSIS, TIN).
 */
const PH_TRIGGER: ElementId[] = [
  'date_of_birth',
  'health',
  'health_insurance',
  'genetic',
  'special_category',
  'national_id',
  'passport_number',
  'drivers_license',
  'tax_id',
  'payment_card',
  'card_security_code',
  'bank_account',
  'iban',
  'username',
  'password',
  'security_question',
  'biometric',
];
/** Password hashes are login data only as far as they can be reversed (engine/judgement.ts decides). */
const PH_MAYBE: ElementId[] = ['password_hash'];

const PH_SOURCE = source(
  'https://privacy.gov.ph/memorandum-circulars/npc-circular-16-03-personal-data-breach-management/',
  'Data Privacy Act of 2012 (RA 10173) s 20(f); IRR s 38; NPC Circular 16-03 (15 December 2016) ss 11, 16–19',
  'Circular 16-03 table of contents and date on privacy.gov.ph; its s 11(A)–(C) conditions with the list of "other information" as quoted by a compliance consultancy (financial1000.com page of Smart Life Consulting, 2023); IRR s 38(a)–(b) and s 39 content as reproduced by legalresource.ph; s 20(f) and the Circular\'s continued application in a 2026 report on NPC Advisory 2026-02 (submission through the Data Breach Notification Management System). The Circular\'s ss 11 and 17–19 text was not read in full',
);
const PH_VERIFIED =
  'Checked 2026-12-06: 72 hours from knowledge or reasonable belief (IRR s 38(a)), the three conditions (sensitive or identity-fraud data; reasonably believed acquired; real risk of serious harm — IRR s 38(b)), notice content (IRR s 39), Circular 16-03 still the governing circular in 2026. Circular 16-03 s 11(A) list of identity-fraud data from a quotation of the Circular, not from privacy.gov.ph itself. Not confirmed: the processor\'s period (s 16) and the in-force dates of the IRR and the Circular (both before 2018).';

const ph = {
  jurisdiction: 'PH',
  regime: 'Data Privacy Act of 2012',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: { anyOf: PH_TRIGGER, combos: [] },
    reviewElements: { anyOf: PH_MAYBE, combos: [] },
    breachMode: 'acquisition' as const,
    // No statutory encryption exception for the NPC notice; the NPC may exempt notice to data
    // subjects (Circular 16-03 s 19).
    encryptionSafeHarbor: NO_HARBOUR,
  },
  riskGate: { kind: 'significant_harm' as const, note: 'the acquisition is likely to give rise to a real risk of serious harm to any affected data subject (RA 10173 s 20(f))' },
  threshold: null,
  clock: { anchor: 'awareness' as const, amount: 72, unit: 'hours' as const },
  effectiveFrom: '2016-09-09',
  source: PH_SOURCE,
  verified: PH_VERIFIED,
};

const KE_FROM = '2019-11-25';
const KE_SOURCE = source(
  'https://new.kenyalaw.org/akn/ke/act/2019/24',
  'Data Protection Act, 2019 (No. 24 of 2019) s 43; Data Protection (General) Regulations, 2021 (L.N. 263 of 2021) Part VI',
  's 43(1)–(6) read in a reproduction of the Act as published (ictpolicyafrica.org), matching CM Advocates and DLA Piper: (1)(a) Commissioner without delay, within 72 hours, (1)(b) data subject in writing within a reasonably practical period unless identity cannot be established, (2) reasons for delay, (3) processor 48 hours, (4) delay for an offence, (5) content, (6) safeguards/encryption exception for the data subject; Regulations commenced 14 January 2022 on Kenya Law (new.kenyalaw.org); the Act\'s commencement on 25 November 2019 from general knowledge',
);
const KE_VERIFIED =
  'Checked 2026-12-06 against a reproduction of s 43(1)–(6) (see source). Not encoded: the notifiable-breach categories of the Regulations 2021 Part VI (the real-risk-of-harm decision is left to a person).';

const ke = {
  jurisdiction: 'KE',
  regime: 'Data Protection Act 2019',
  scope: { kind: 'residents' as const },
  threshold: null,
  effectiveFrom: KE_FROM,
  source: KE_SOURCE,
  verified: KE_VERIFIED,
};

const NPC = { name: 'National Privacy Commission (NPC)', url: 'https://privacy.gov.ph' };

export const phKeRules: RuleInput[] = [
  {
    ...ph,
    id: 'PH.dpa.npc',
    recipient: 'regulator',
    authority: NPC,
    content: ['nature of the breach', 'personal data possibly involved', 'measures taken to address the breach and reduce harm', 'representatives and contact details (IRR s 39)'],
    channels: ['NPC Data Breach Notification Management System'],
    notes: 'Notification may be delayed only as far as needed to determine the scope of the breach, prevent further disclosure or restore reasonable integrity of the system (IRR s 40). Annual security-incident reports to the NPC are separate.',
    citation: 'RA 10173 s 20(f); IRR s 38–39; NPC Circular 16-03 ss 11, 17',
  },
  {
    ...ph,
    id: 'PH.dpa.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'NPC Circular 16-03 s 18 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    content: ['nature of the breach', 'personal data possibly involved', 'measures taken to reduce harm', 'contact details', 'assistance to be provided (IRR s 39)'],
    substituteNotice: 'the NPC may authorise alternative means or exempt notice (NPC Circular 16-03 ss 18–19)',
    citation: 'RA 10173 s 20(f); IRR s 38; NPC Circular 16-03 s 18',
  },
  {
    ...ph,
    id: 'PH.dpa.processor',
    recipient: 'controller',
    authority: { name: 'The personal information controller' },
    appliesIf: ['processor'],
    riskGate: { kind: 'none' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'promptly' },
    content: ['the breach and what the controller needs for its own notification'],
    review: 'the processor\'s duty to tell the controller (NPC Circular 16-03 s 16) was not read: its period is not confirmed',
    citation: 'NPC Circular 16-03 s 16',
  },
  noDutyBefore({
    id: 'KE.pre-dpa.commissioner',
    jurisdiction: 'KE',
    regime: 'Data Protection Act 2019',
    lawFrom: KE_FROM,
    why: 'before 2019-11-25 Kenya had no general personal-data breach notification law (the Data Protection Act 2019 came into force that day; the first Data Commissioner took office in November 2020)',
    citation: 'Data Protection Act 2019 (Kenya), commencement',
    source: KE_SOURCE,
    verified: 'Commencement date and the absence of an earlier duty from general knowledge; not re-read on Kenya Law (2026-12-06).',
  }),
  {
    ...ke,
    id: 'KE.dpa.commissioner',
    supersedes: 'KE.pre-dpa.commissioner',
    recipient: 'regulator',
    authority: { name: 'Office of the Data Protection Commissioner (ODPC)', url: 'https://www.odpc.go.ke' },
    appliesIf: ['controller'],
    // The encryption/safeguards exception of s 43 covers the data-subject communication only.
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'significant_harm', note: 'accessed or acquired by an unauthorised person and a real risk of harm to the data subject (s 43(1))' },
    clock: { anchor: 'awareness', amount: 72, unit: 'hours', urgency: 'without_delay' },
    content: ['the information of s 43(5): nature of the breach, measures taken or intended, recommended measures for data subjects, identity of the unauthorised person where applicable, DPO or contact', 'if later than 72 hours: reasons for the delay (s 43(2))'],
    channels: ['ODPC "Report a Data Breach" portal'],
    recordKeeping: 'Record the facts of the breach, its effects and the remedial action taken (s 43)',
    citation: 'Data Protection Act 2019 (Kenya) s 43(1)(a), (2), (5)',
  },
  {
    ...ke,
    id: 'KE.dpa.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'Kenya Data Protection Act 2019 s 43(1)(b): "in writing" (the rule’s channels text); whether e-mail is writing without consent not read — the conservative reading' },
    authority: null,
    appliesIf: ['controller'],
    trigger: {
      elements: ANY_PERSONAL_DATA,
      breachMode: 'access',
      encryptionSafeHarbor: { ...HARBOUR, standard: 'appropriate security safeguards, which may include encryption of the affected data (s 43(6))' },
    },
    riskGate: { kind: 'significant_harm', note: 'real risk of harm (s 43(1))' },
    clock: { anchor: 'awareness', amount: null, unit: 'calendar_days', urgency: 'within_reasonable_time' },
    content: [
      'description of the nature of the breach',
      'measures taken or intended to address it',
      'recommended measures for the data subject to mitigate adverse effects',
      'where applicable, the identity of the unauthorised person who may have accessed or acquired the data',
      'name and contact details of the data protection officer or other contact point',
    ],
    channels: ['in writing'],
    notes: 'Not required where the data subject\'s identity cannot be established (s 43(1)(b)); may be delayed or restricted as necessary and proportionate to prevent, detect or investigate an offence (s 43(4)).',
    citation: 'Data Protection Act 2019 (Kenya) s 43(1)(b), (4)–(6)',
  },
  {
    ...ke,
    id: 'KE.dpa.processor',
    recipient: 'controller',
    authority: { name: 'The data controller' },
    appliesIf: ['processor'],
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none', note: 'every personal-data breach the processor becomes aware of' },
    clock: { anchor: 'awareness', amount: 48, unit: 'hours', urgency: 'without_delay' },
    content: ['the breach'],
    notes: 'The Act says "where reasonably practicable, within forty-eight hours": the 48 hours is the deadline shown.',
    citation: 'Data Protection Act 2019 (Kenya) s 43(3)',
  },
];
