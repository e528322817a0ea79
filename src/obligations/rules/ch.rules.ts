/**
 * Switzerland — Federal Act on Data Protection (FADP, SR 235.1, in force 2023-09-01) Art. 24 and
 * the Data Protection Ordinance (DPO, SR 235.11) Art. 15. The FDPIC is notified as quickly as
 * possible of a breach of data security likely to lead to a high risk to the data subject's
 * personality or fundamental rights; the data subject when required for their protection or if the
 * FDPIC so requests; the processor tells the controller of any breach. The 1992 Act it replaced had
 * no breach-notification duty.
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, NO_HARBOUR, noDutyBefore, source } from './intl-common.js';

const NFADP_FROM = '2023-09-01';

const FADP_SOURCE = source(
  'https://www.fedlex.admin.ch/eli/cc/2022/491/en',
  'Federal Act on Data Protection (FADP, SR 235.1) Art. 24; Data Protection Ordinance (DPO, SR 235.11) Art. 15',
  'FADP Art. 24(1)–(6) in the official English translation as reproduced by lawbrary.ch, swissrights.ch and prighter.com (identical); DPO Art. 15(1)–(4) in the English translation (prighter.com, omnilex citing fedlex 235.11) and the Italian text (activemind.ch); in force 1 September 2023 (lawbrary "DSG v2023.09"). Fedlex itself was not read',
);

const VERIFIED =
  'Checked 2026-12-06: Art. 24(1) high-risk test and "as quickly as possible" (no fixed period), 24(2) minimum content, 24(3) processor, 24(4) data subject when required for protection or on FDPIC request, 24(5) restrictions; DPO Art. 15 content and 2-year documentation. The high-risk decision reuses the human-confirmed facts.risk.gdpr level ("high"). The DataBreach form page read on the FDPIC site (it also points to the FDPIC guidelines on data breaches, not read). Not encoded here: the separate duty of critical-infrastructure operators to report cyberattacks to the National Cyber Security Centre under the Information Security Act from 1 April 2025.';

const base = {
  jurisdiction: 'CH',
  regime: 'FADP (revised)',
  // Art. 3(1): the Act applies to circumstances that have an effect in Switzerland.
  scope: { kind: 'establishment_or_residents' as const, region: 'CH' },
  threshold: null,
  effectiveFrom: NFADP_FROM,
  source: FADP_SOURCE,
  verified: VERIFIED,
};

export const chRules: RuleInput[] = [
  noDutyBefore({
    id: 'CH.pre-nfadp.fdpic',
    jurisdiction: 'CH',
    regime: 'FADP (1992)',
    lawFrom: NFADP_FROM,
    why: 'before 2023-09-01 the Federal Act on Data Protection of 19 June 1992 contained no duty to notify data-security breaches (Art. 24 of the revised Act introduced it)',
    citation: 'FADP of 19 June 1992 (no breach-notification provision)',
    source: FADP_SOURCE,
    verified: 'From general knowledge of the 1992 Act (not re-read on 2026-12-06); the revised Act\'s start date checked as above.',
    scope: { kind: 'establishment_or_residents', region: 'CH' },
  }),
  {
    ...base,
    id: 'CH.nfadp.fdpic',
    supersedes: 'CH.pre-nfadp.fdpic',
    recipient: 'regulator',
    authority: {
      name: 'Federal Data Protection and Information Commissioner (FDPIC / EDÖB)',
      url: 'https://www.edoeb.admin.ch',
      portal: 'https://www.edoeb.admin.ch/edoeb/en/home/meldeportale/databreach.html',
    },
    appliesIf: ['controller'],
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'gdpr_high_risk', note: 'likely to lead to a high risk to the data subject\'s personality or fundamental rights (Art. 24(1))' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: [
      'nature of the breach (DPO Art. 15(1)(a))',
      'time and duration, if possible (b)',
      'categories and approximate amount of personal data concerned, if possible (c)',
      'categories and approximate number of data subjects, if possible (d)',
      'consequences, including risks, for the data subjects (e)',
      'measures taken or planned to remedy the breach and mitigate the consequences (f)',
      'name and contact details of a contact person (g); missing details as quickly as possible (Art. 15(2))',
    ],
    recordKeeping: 'Document every breach — facts, effects and measures taken — and keep the documentation at least 2 years from the report (DPO Art. 15(4))',
    notes: 'A notification under Art. 24 may be used in criminal proceedings against the person notifying only with that person\'s consent (Art. 24(6)).',
    citation: 'FADP Art. 24(1)–(2); DPO Art. 15',
  },
  {
    ...base,
    id: 'CH.nfadp.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'nFADP Art. 24(4) — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    appliesIf: ['controller'],
    // No encryption exception in Art. 24: protection measures weigh in whether notice is "required
    // for their protection".
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'gdpr_high_risk', note: 'if required for the data subject\'s protection or if the FDPIC so requests (Art. 24(4))' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['in simple and comprehensible language: nature of the breach, consequences, measures, contact person (DPO Art. 15(3))'],
    substituteNotice: 'a public announcement where it informs the data subjects equally (Art. 24(5)(c))',
    review: 'notice to data subjects is needed only if required for their protection or if the FDPIC requests it (Art. 24(4)); it may be limited, delayed or dispensed with on the grounds of Art. 24(5)',
    citation: 'FADP Art. 24(4)–(5); DPO Art. 15(3)',
  },
  {
    ...base,
    id: 'CH.nfadp.processor',
    recipient: 'controller',
    authority: { name: 'The controller' },
    appliesIf: ['processor'],
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none', note: 'any breach of data security, whatever the risk' },
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['the breach of data security'],
    citation: 'FADP Art. 24(3)',
  },
];
