/**
 * Brazil — LGPD (Lei nº 13.709/2018) Art. 48, in force 2020-09-18:
 * - 2020-09-18 … 2024-04-25: ANPD and data subjects "em prazo razoável, conforme definido pela
 *   autoridade nacional" — no period was defined (ANPD guidance only recommended 2 business days);
 * - from 2024-04-26: Resolução CD/ANPD nº 15/2024 (Regulamento de Comunicação de Incidente de
 *   Segurança, published in the DOU that day): ANPD within 3 business days of the controller's
 *   knowledge that the incident affected personal data (Art. 6, §1), supplement within 20 business
 *   days of the communication (Art. 6, §3); data subjects within 3 business days (Art. 9), with a
 *   declaration to the ANPD 3 business days after that period ends (Art. 9, §4). Every one of these
 *   periods is doubled for small processing agents (Art. 6, §8: caput and §3; Art. 9, §6: caput).
 * No general breach-notification duty before the LGPD.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { dayBefore, NO_HARBOUR, noDutyBefore, source } from './intl-common.js';

const LGPD_FROM = '2020-09-18';
const RES15_FROM = '2024-04-26';

/**
 * Res. 15/2024 Art. 5 criteria that element ids express: sensitive data (LGPD Art. 5, II), financial
 * data (Art. 3, VII: related to the data subject's financial transactions) and system authentication
 * data (Art. 3, VI: "contas de login, tokens e senhas"). Children's/elderly data, secrecy-protected
 * data and large scale are not element ids: any other data answers `review`.
 */
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
  'username',
  'password',
  'password_hash',
  'security_question',
];

const LGPD_SOURCE = source(
  'https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2018/lei/l13709.htm',
  'Lei nº 13.709/2018 (LGPD) Art. 48',
  'Art. 48 caput and §1 ("prazo razoável, conforme definido pela autoridade nacional") from general knowledge of the Planalto text, not re-read; entry into force 18 September 2020 (Lei nº 14.058/2020) from general knowledge and secondary sources (OAB Campinas)',
);
const RES15_SOURCE = source(
  'https://www.in.gov.br/en/web/dou/-/resolucao-cd/anpd-n-15-de-24-de-abril-de-2024-556243024',
  'Resolução CD/ANPD nº 15, de 24 de abril de 2024 — Regulamento de Comunicação de Incidente de Segurança (DOU 26.04.2024, Seção 1, p. 114)',
  'Arts 3, 5, 6 (§§1–8), 9 (§§1–6), 10 and 23 read word for word in a transcription of the DOU text (made from the PDF mirrored by lgpd.ms.gov.br); publication on 26 April 2024 and entry into force on publication in several law-firm notes (Machado Meyer: "já em vigor"); the Resolution\'s own in-force article was not read',
);

const RES15_VERIFIED =
  'Checked 2026-12-06 against the Res. 15/2024 text: Art. 5 (relevant risk = may significantly affect fundamental interests and rights AND one of six criteria), Art. 6 caput/§1 (3 business days from knowledge that personal data were affected), §3 (supplement within 20 business days from the communication), §8 and Art. 9 §6 (doubled for small agents), Art. 9 (data subjects, 3 business days; §4 declaration), Art. 10 (register, 5 years). ' +
  'Not confirmed: how the ANPD counts business days (Art. 11 sole paragraph refers to Res. 1/2021; national public holidays are skipped here, Carnival "ponto facultativo" is counted as a business day, which can only make a deadline earlier).';

const base = {
  jurisdiction: 'BR',
  regime: 'LGPD',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: { anyOf: QUALIFYING, combos: [] },
    // Children's/elderly data, secrecy-protected data and large scale are not element ids: any other
    // data needs a person to check the Art. 5 criteria.
    reviewElements: { anyOf: [], combos: [] },
    breachMode: 'any' as const,
    encryptionSafeHarbor: NO_HARBOUR,
  },
  riskGate: { kind: 'significant_harm' as const, note: 'may significantly affect the data subjects\' fundamental interests or rights (Res. 15/2024 Art. 5, §1)' },
  threshold: null,
  effectiveFrom: RES15_FROM,
  source: RES15_SOURCE,
  verified: RES15_VERIFIED,
};

const SMALL_NOTE =
  'Small processing agents (Res. CD/ANPD nº 2/2022) have every period doubled (Res. 15/2024 Art. 6, §8; Art. 9, §6). The profile flag smallProcessingAgent must only be set for an agent that qualifies under Res. 2/2022 (which excludes, among others, high-risk processing).';

const ANPD = { name: 'Autoridade Nacional de Proteção de Dados (ANPD)', url: 'https://www.gov.br/anpd' };

const anpd = (id: string, days: number, supplementDays: number, profile: Pick<RuleInput, 'appliesIf' | 'appliesUnless'>): RuleInput => ({
  ...base,
  ...profile,
  id,
  recipient: 'regulator',
  authority: ANPD,
  clock: {
    anchor: 'awareness',
    amount: days,
    unit: 'business_days',
    stages: [
      // Art. 6, §3: "a contar da data da comunicação" — from the communication actually sent
      // (facts.regulatorNoticeAt), else from its latest lawful day.
      { name: 'supplementary information (Art. 6, §3)', anchor: 'awareness', amount: supplementDays, unit: 'business_days', afterPreviousStage: true },
    ],
  },
  content: [
    'Art. 6, §2 I–XII: nature and category of data; number of data subjects (children, adolescents, elderly separately); security measures before and after; risks and impacts; reasons for any delay; mitigation; date of the incident and of knowledge; DPO/representative; controller identity and small-agent declaration; processor; description and main cause; total data subjects of the affected processing',
  ],
  channels: [
    'ANPD electronic form (Art. 6, §4) — the CIS form filed through SUPER.BR electronic petitioning, process type "ANPD – Comunicados de Incidentes à Autoridade Nacional de Proteção de Dados"',
    'by the DPO or a representative, with proof of authority filed within the same period (Art. 6, §§5–6)',
  ],
  recordKeeping: 'Record every security incident, notified or not, for at least 5 years from the record (Res. 15/2024 Art. 10)',
  notes: SMALL_NOTE,
  citation: `LGPD Art. 48; Resolução CD/ANPD nº 15/2024 Art. 6${days > 3 ? ', §8' : ''}`,
});

const individuals = (id: string, days: number, profile: Pick<RuleInput, 'appliesIf' | 'appliesUnless'>): RuleInput => ({
  ...base,
  ...profile,
  id,
  recipient: 'individuals',
  electronicNotice: { allowed: 'any', basis: 'LGPD Art. 48 with ANPD Res. 15/2024 Art. 9 §§1–2: direct communication by phone, e-mail, electronic message or letter (the rule’s channels text, checked with the rule)' },
  authority: null,
  clock: {
    anchor: 'awareness',
    amount: days,
    unit: 'business_days',
    stages: [
      // Art. 9, §4: within 3 business days of the end of the caput period. Art. 9, §6 doubles the
      // caput period only; whether §4 is doubled too is not stated, so the shorter reading is used.
      { name: 'declaration to the ANPD that data subjects were notified, with the means used (Art. 9, §4)', anchor: 'awareness', amount: 3, unit: 'business_days', afterPreviousStage: true },
    ],
  },
  content: [
    'nature and category of personal data affected (Art. 9, I)',
    'technical and security measures used (II)',
    'risks and possible impacts (III)',
    'reasons for any delay (IV)',
    'measures taken or to be taken (V)',
    'date the incident became known (VI)',
    'contact for information and, where applicable, the DPO (VII)',
  ],
  channels: ['direct and individual communication in plain language — phone, e-mail, electronic message or letter (Art. 9, §§1–2)'],
  substituteNotice: 'if direct notice is not feasible or the data subjects cannot be identified: website, apps, social media and service channels for at least three months (Art. 9, §3)',
  notes: SMALL_NOTE,
  citation: `LGPD Art. 48; Resolução CD/ANPD nº 15/2024 Art. 9${days > 3 ? ', §6' : ''}`,
});

/** 2020-09-18 … 2024-04-25: Art. 48 alone — a reasonable period the ANPD had not yet defined. */
const before = (recipient: 'regulator' | 'individuals'): RuleInput => ({
  id: `BR.lgpd.${recipient === 'regulator' ? 'anpd' : 'individuals'}.2020-09-18`,
  ...(recipient === 'regulator' ? { supersedes: 'BR.pre-lgpd.anpd' } : {}),
  jurisdiction: 'BR',
  regime: 'LGPD',
  recipient,
  authority: recipient === 'regulator' ? ANPD : null,
  ...(recipient === 'individuals' ? { electronicNotice: { allowed: 'consent' as const, basis: 'LGPD Art. 48 before Res. 15/2024 — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' } } : {}),
  appliesIf: ['controller'],
  scope: { kind: 'residents' },
  trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'significant_harm', note: 'security incident that may cause relevant risk or damage to the data subjects (LGPD Art. 48)' },
  threshold: null,
  clock: { anchor: 'awareness', amount: null, unit: 'business_days', urgency: 'within_reasonable_time' },
  content: [
    'Art. 48, §1: nature of the data affected; data subjects involved; technical and security measures used; risks; reasons for any delay; measures taken or to be taken',
  ],
  notes: 'The ANPD had not defined the period; its guidance (not binding) recommended communicating within 2 business days of knowledge, and its 2023 CIS form asked for any supplement within 30 calendar days of a preliminary communication.',
  effectiveFrom: LGPD_FROM,
  effectiveTo: dayBefore(RES15_FROM),
  citation: 'LGPD Art. 48, §1',
  source: LGPD_SOURCE,
  verified:
    'Art. 48 text not re-read on 2026-12-06; the 2-business-day ANPD recommendation and the 30-day supplement of the 2023 CIS form from law-firm notes (lawmee.com.br, cardosoadv.com.br) and a copy of the form. End date = the day before Res. 15/2024 was published.',
});

export const brRules: RuleInput[] = [
  noDutyBefore({
    id: 'BR.pre-lgpd.anpd',
    jurisdiction: 'BR',
    regime: 'LGPD',
    lawFrom: LGPD_FROM,
    why: 'before 2020-09-18 the LGPD was not in force and Brazilian law had no general breach-notification duty',
    citation: 'Lei nº 13.709/2018 (LGPD) Art. 65 (entry into force, as amended by Lei nº 14.058/2020)',
    source: LGPD_SOURCE,
    verified: 'Entry into force from general knowledge and secondary sources (not re-read in the Planalto text); sector rules (e.g. Banco Central cyber-incident rules) are not encoded.',
  }),
  before('regulator'),
  before('individuals'),
  { ...anpd('BR.lgpd.anpd', 3, 20, { appliesUnless: ['small_processing_agent'] }), supersedes: 'BR.lgpd.anpd.2020-09-18' },
  anpd('BR.lgpd.anpd.small', 6, 40, { appliesIf: ['controller', 'small_processing_agent'] }),
  { ...individuals('BR.lgpd.individuals', 3, { appliesUnless: ['small_processing_agent'] }), supersedes: 'BR.lgpd.individuals.2020-09-18' },
  individuals('BR.lgpd.individuals.small', 6, { appliesIf: ['controller', 'small_processing_agent'] }),
];
