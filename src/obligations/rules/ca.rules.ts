/**
 * Canada:
 * - federal: PIPEDA ss 10.1–10.3 and the Breach of Security Safeguards Regulations (SOR/2018-64),
 *   both in force 2018-11-01; before that, reporting to the OPC was voluntary;
 * - Québec: Act respecting the protection of personal information in the private sector (CQLR
 *   c P-39.1) s 3.5 as enacted by Law 25 (2021, c. 25), in force 2022-09-22; no duty before;
 * - Alberta: Personal Information Protection Act (SA 2003, c P-6.5) s 34.1, in force since
 *   2010-05-01 (the Commissioner may then require notice to individuals, s 37.1).
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, NO_HARBOUR, noDutyBefore, source } from './intl-common.js';

const PIPEDA_FROM = '2018-11-01';
const LAW25_FROM = '2022-09-22';

const PIPEDA_SOURCE = source(
  'https://laws-lois.justice.gc.ca/eng/acts/P-8.6/section-10.1.html',
  'Personal Information Protection and Electronic Documents Act (S.C. 2000, c. 5) s 10.1; Breach of Security Safeguards Regulations (SOR/2018-64)',
  's 10.1(1)–(7) read on laws-lois.justice.gc.ca (current to 2024-10-30); in-force date 2018-11-01 and voluntary reporting before it on the OPC "Report a privacy breach at your business" page (priv.gc.ca)',
);
const QC_SOURCE = source(
  'https://www.legisquebec.gouv.qc.ca/en/document/cs/P-39.1',
  'Act respecting the protection of personal information in the private sector (CQLR c P-39.1) ss 3.5–3.8; Regulation respecting confidentiality incidents (CQLR c A-2.1, r. 3.1)',
  's 3.7 and Regulation s 5 read on legisquebec.gouv.qc.ca; s 3.5 wording as reproduced for the parallel public-sector s 63.8 (A-2.1) and by conforme.ca; 22 September 2022 start on the CAI site (cai.gouv.qc.ca)',
);
const AB_SOURCE = source(
  'https://kings-printer.alberta.ca/documents/Acts/P06P5.pdf',
  'Personal Information Protection Act (Alberta), SA 2003, c P-6.5, ss 34.1 and 37.1',
  's 34.1(1)–(2) wording as reproduced by pirbright.ca; the 2010-05-01 commencement (Personal Information Protection Amendment Act, 2009) from general knowledge, not re-read',
);

const pipeda = {
  jurisdiction: 'CA',
  regime: 'PIPEDA',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  // "Breach of security safeguards": loss of, unauthorized access to or disclosure of personal
  // information (s 2(1)). Encryption is not an exception; it weighs in the RROSH assessment.
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'significant_harm' as const, note: 'reasonable to believe the breach creates a real risk of significant harm (RROSH), s 10.1(1), (3), (7)–(8)' },
  threshold: null,
  effectiveFrom: PIPEDA_FROM,
  source: PIPEDA_SOURCE,
  verified:
    'Checked 2026-12-06 against s 10.1 on laws-lois.justice.gc.ca: RROSH test, "as soon as feasible after the organization determines that the breach has occurred" for both the report and the notice, notice unless prohibited by law; start 2018-11-01 per the OPC. SOR/2018-64 content (ss 2–3) and 24-month records (s 6) not re-read.',
};
const REPORT = [
  'description of the circumstances of the breach and, if known, the cause (SOR/2018-64 s 2(1)(a))',
  'day or period of the breach (s 2(1)(b))',
  'personal information involved (s 2(1)(c))',
  'number of individuals affected or an estimate (s 2(1)(d))',
  'steps taken to reduce the risk of harm (s 2(1)(e))',
  'steps taken or intended to notify individuals (s 2(1)(f))',
  'contact person (s 2(1)(g))',
];

export const caRules: RuleInput[] = [
  noDutyBefore({
    id: 'CA.pre-pipeda.opc',
    jurisdiction: 'CA',
    regime: 'PIPEDA',
    lawFrom: PIPEDA_FROM,
    why: 'before 2018-11-01 PIPEDA had no breach-reporting duty in force (ss 10.1–10.3, enacted by the Digital Privacy Act 2015, came into force that day); reporting to the OPC was voluntary. Alberta PIPA s 34.1 applied separately (CA-AB rule)',
    citation: 'PIPEDA ss 10.1–10.3 (not in force before 2018-11-01)',
    source: PIPEDA_SOURCE,
    verified: 'Checked 2026-12-06 on the OPC "Report a privacy breach at your business" page (archived text: provisions in force November 1st, 2018; earlier reports at the business\'s choice).',
  }),
  {
    ...pipeda,
    id: 'CA.pipeda.opc',
    supersedes: 'CA.pre-pipeda.opc',
    recipient: 'regulator',
    authority: {
      name: 'Office of the Privacy Commissioner of Canada (OPC)',
      url: 'https://www.priv.gc.ca',
      portal: 'https://www.priv.gc.ca/en/report-a-concern/report-a-privacy-breach-at-your-organization/report-a-privacy-breach-at-your-business/',
    },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_feasible' },
    content: REPORT,
    recordKeeping: 'Keep a record of every breach of security safeguards for 24 months after the day the breach is determined to have occurred (PIPEDA s 10.3; SOR/2018-64 s 6)',
    notes: 'Also notify any other organisation or government institution that may be able to reduce the risk of harm (s 10.2).',
    citation: 'PIPEDA s 10.1(1)–(2); SOR/2018-64 s 2',
  },
  {
    ...pipeda,
    id: 'CA.pipeda.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'SOR/2018-64 s 4 (direct notification) — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_feasible' },
    content: [
      'sufficient information to understand the significance of the breach and to reduce or mitigate the harm (s 10.1(4))',
      'circumstances, day or period, personal information involved, steps taken (SOR/2018-64 s 3)',
      'steps individuals can take to reduce the risk of harm',
      'toll-free number or e-mail for information; the internal complaint process and the right to complain to the OPC',
    ],
    channels: ['direct notice (SOR/2018-64 s 4)'],
    substituteNotice: 'indirect notice (public communication or advertisement) in the circumstances of SOR/2018-64 s 5',
    citation: 'PIPEDA s 10.1(3)–(6); SOR/2018-64 ss 3–5',
  },
  noDutyBefore({
    id: 'CA-QC.pre-law25.cai',
    jurisdiction: 'CA-QC',
    regime: 'Québec private-sector Act',
    lawFrom: LAW25_FROM,
    why: 'before 2022-09-22 Québec\'s private-sector Act had no duty to notify confidentiality incidents (s 3.5, enacted by Law 25, came into force that day)',
    citation: 'CQLR c P-39.1 s 3.5 (not in force before 2022-09-22)',
    source: QC_SOURCE,
    verified: 'Checked 2026-12-06: the CAI page "À compter du 22 septembre 2022, les organisations devront aviser la Commission et les personnes concernées …".',
  }),
  {
    id: 'CA-QC.law25.cai',
    supersedes: 'CA-QC.pre-law25.cai',
    jurisdiction: 'CA-QC',
    regime: 'Québec private-sector Act (Law 25)',
    recipient: 'regulator',
    authority: {
      name: "Commission d'accès à l'information du Québec (CAI)",
      url: 'https://www.cai.gouv.qc.ca',
      portal: 'https://www.cai.gouv.qc.ca/incident-de-confidentialite-impliquant-des-renseignements-personnels/aviser-commission-et-personnes-concernees/',
    },
    appliesIf: ['controller'],
    scope: { kind: 'residents' },
    // No encryption exception in s 3.5: protection measures weigh in the s 3.7 risk assessment.
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: {
      kind: 'significant_harm',
      note: 'the incident presents a risk of serious injury (s 3.5); assessed on sensitivity, anticipated consequences and likelihood of injurious use, after consulting the person in charge of personal information (s 3.7)',
    },
    threshold: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'promptly' },
    content: ['the information required by the Regulation respecting confidentiality incidents (CAI notice form)'],
    channels: ['written notice to the CAI (its notice form)'],
    recordKeeping: 'Keep a register of all confidentiality incidents, whatever the risk (s 3.8)',
    notes: 'Take reasonable measures to reduce the risk of injury and prevent new incidents (s 3.5 first paragraph). Information learned later must be sent to the CAI promptly.',
    effectiveFrom: LAW25_FROM,
    citation: 'Act respecting the protection of personal information in the private sector (CQLR c P-39.1) ss 3.5, 3.7, 3.8',
    source: QC_SOURCE,
    verified:
      'Checked 2026-12-06: "risk of serious injury", "promptly" ("avec diligence") notify the CAI and the persons concerned, the investigation exception, s 3.7 factors, start date. s 3.5 read in the parallel s 63.8 text and reproductions, not directly on LégisQuébec.',
  },
  {
    id: 'CA-QC.law25.individuals',
    jurisdiction: 'CA-QC',
    regime: 'Québec private-sector Act (Law 25)',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'Quebec Act respecting the protection of personal information in the private sector s 3.5 and its regulation — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    appliesIf: ['controller'],
    scope: { kind: 'residents' },
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'significant_harm', note: 'the incident presents a risk of serious injury (s 3.5)' },
    threshold: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'promptly' },
    content: [
      'description of the personal information concerned, or why it cannot be described (Regulation s 5(1))',
      'brief description of the circumstances (s 5(2))',
      'date or period of the incident, or its approximation (s 5(3))',
      'measures taken or intended to reduce the risk of injury (s 5(4))',
      'measures the person may take to reduce or mitigate the risk (s 5(5))',
      'contact information for more information (s 5(6))',
    ],
    notes: 'Not required so long as notice could hamper an investigation by a body responsible for preventing, detecting or repressing crime or statutory offences (s 3.5 third paragraph). If the enterprise does not notify, the CAI may order it.',
    effectiveFrom: LAW25_FROM,
    citation: 'CQLR c P-39.1 s 3.5; Regulation respecting confidentiality incidents (CQLR c A-2.1, r. 3.1) s 5',
    source: QC_SOURCE,
    verified: 'Checked 2026-12-06: s 3.5 duty to notify the persons concerned; Regulation s 5 content read on LégisQuébec (in force 2022-12-29; the CAI form applied before).',
  },
  {
    id: 'CA-AB.pipa.commissioner',
    jurisdiction: 'CA-AB',
    regime: 'Alberta PIPA',
    recipient: 'regulator',
    authority: { name: 'Office of the Information and Privacy Commissioner of Alberta (OIPC)', url: 'https://oipc.ab.ca' },
    appliesIf: ['controller'],
    scope: { kind: 'residents' },
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: {
      kind: 'significant_harm',
      note: 'a reasonable person would consider that there exists a real risk of significant harm to an individual (s 34.1(1))',
    },
    threshold: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'without_unreasonable_delay' },
    content: ['the information prescribed by the PIPA Regulation (s 34.1(2))'],
    notes:
      'Applies to the loss of, unauthorized access to or disclosure of personal information under the organisation\'s control (Alberta private-sector organisations; residents of Alberta are used here as the proxy). Notice to individuals is required when the Commissioner so requires (s 37.1).',
    effectiveFrom: '2010-05-01',
    citation: 'Personal Information Protection Act (Alberta) s 34.1; s 37.1',
    source: AB_SOURCE,
    verified:
      'Checked 2026-12-06: s 34.1(1) test and "without unreasonable delay" in a reproduction of the Act; not checked on the King\'s Printer site; commencement date and s 37.1 from general knowledge.',
  },
];
