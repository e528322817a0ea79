/**
 * United Kingdom, by period:
 * - before 2018-05-25: the Data Protection Act 1998 had no general breach-notification duty;
 * - 2018-05-25 … 2020-12-31: the EU GDPR applied (with the Data Protection Act 2018) and the ICO
 *   was an EU supervisory authority inside the one-stop-shop (the data subjects' and processors'
 *   duties for that period are the EU rules in eu-gdpr.rules.ts);
 * - from 2021-01-01: the UK GDPR (retained Regulation (EU) 2016/679), outside the EU one-stop-shop,
 *   so UK-affected breaches need their own ICO notice whatever the EU position.
 * And PECR reg. 5A for providers of public electronic communications services: 24 hours after
 * detection (Commission Regulation (EU) No 611/2013 Art. 2) until the Data (Use and Access) Act 2025
 * s 111 changed it to "without undue delay and, where feasible, not later than 72 hours after having
 * become aware" from 2025-08-20 (SI 2025/904 reg. 2(p)).
 */
import type { RuleInput } from '../rule.schema.js';
import { ART33_DUTY, GDPR_APPLIES, GDPR_PERIODS } from './eu-gdpr.rules.js';
import { ANY_PERSONAL_DATA, dayBefore, NO_HARBOUR, noDutyBefore, source } from './intl-common.js';

const ICO = {
  name: "Information Commissioner's Office (ICO)",
  url: 'https://ico.org.uk',
  portal: 'https://ico.org.uk/for-organisations/report-a-breach/personal-data-breach/',
  phone: '0303 123 1113',
};
const ICO_PECR = { ...ICO, portal: 'https://ico.org.uk/for-organisations/report-a-breach/data-security-breach-pecr/' };

/** UK GDPR from the end of the transition period ("IP completion day", 31 Dec 2020 23:00 GMT). */
const UK_GDPR_FROM = '2021-01-01';
/** Data (Use and Access) Act 2025 s 111 in force 20 August 2025 (SI 2025/904 reg. 2(p)). */
const DUAA_S111_FROM = '2025-08-20';
/** Commission Regulation (EU) No 611/2013 applied from 25 August 2013 (its Art. 6). */
const REG_611_FROM = '2013-08-25';

const UK_GDPR_SOURCE = source(
  'https://www.legislation.gov.uk/eur/2016/679/article/33',
  'UK GDPR (retained Regulation (EU) 2016/679) Arts 33–34, as amended',
  'Art. 33/34 wording as for the EU text (unchanged in substance by the 2019 exit regulations); ICO report-a-breach pages (ico.org.uk) for the 72-hour duty, the online form and helpline 0303 123 1113',
);
const PECR_SOURCE = source(
  'https://www.legislation.gov.uk/uksi/2003/2426/regulation/5A',
  'Privacy and Electronic Communications (EC Directive) Regulations 2003 reg. 5A; Commission Regulation (EU) No 611/2013 Arts 2–3; Data (Use and Access) Act 2025 s 111',
  'SI 2025/904 reg. 2(p) on legislation.gov.uk (s 111 in force 20 August 2025); the amendment text as moved in the Commons (Hansard, 29 Nov 2023: reg. 5A(2) "and, where feasible, not later than 72 hours after having become aware of it", new 5A(3A) reasons for delay, 611/2013 Art. 2(2)–(3) replaced); ICO PECR breach form page (24 h initial / second notice within 3 days, before the change)',
);

/** PECR reg. 5A(2): every personal-data breach of a public electronic communications service. */
const PECR_TO_ICO = {
  jurisdiction: 'GB',
  regime: 'PECR',
  recipient: 'regulator' as const,
  authority: ICO_PECR,
  appliesIf: ['telecom_provider' as const],
  scope: { kind: 'establishment_or_residents' as const, region: 'GB' },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any' as const, encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'none' as const, note: 'every personal-data breach of a public electronic communications service' },
  threshold: null,
  recordKeeping: 'Keep an inventory of personal-data breaches (PECR reg. 5A(8))',
  source: PECR_SOURCE,
};

const SA_CONTENT = [
  'nature of the breach, categories and approximate numbers of data subjects and records (Art. 33(3)(a))',
  'name and contact details of the DPO or other contact point (Art. 33(3)(b))',
  'likely consequences (Art. 33(3)(c))',
  'measures taken or proposed (Art. 33(3)(d))',
  'if later than 72 hours: reasons for the delay (Art. 33(1))',
];

const gdprIco = (period: (typeof GDPR_PERIODS)[number]): RuleInput => ({
  id: `GB.gdpr.ico${period.suffix}`,
  supersedes: period.from === GDPR_APPLIES ? 'GB.pre-gdpr.ico' : 'GB.gdpr.ico.2018-05-25',
  jurisdiction: 'GB',
  regime: 'GDPR',
  recipient: 'regulator',
  authority: ICO,
  ...ART33_DUTY,
  scope: { kind: 'lead_authority', region: period.region },
  content: SA_CONTENT,
  channels: ['ICO online breach-report form', 'ICO helpline (weekdays 9–5)'],
  notes: 'Until 2020-12-31 the UK was inside the GDPR one-stop-shop: a controller whose main establishment was in another member state notified its lead SA instead (Art. 56).',
  effectiveFrom: period.from,
  effectiveTo: period.to ?? dayBefore(UK_GDPR_FROM),
  citation: 'GDPR Art. 33 (as applied in the UK with the Data Protection Act 2018 until IP completion day)',
  source: source(
    'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
    'Regulation (EU) 2016/679 (GDPR), Arts 33, 55–56, 99(2)',
    'As for the EU SA rules (Art. 33 wording; application from 2018-05-25); UK transition end 31 Dec 2020 from the European Union (Withdrawal Agreement) Act 2020 (general knowledge, not re-read)',
  ),
  verified: 'Checked 2026-12-06: Art. 33 duty and 72 hours; ICO portal and helpline on ico.org.uk. The end date (IP completion day) from general knowledge.',
});

export const gbRules: RuleInput[] = [
  noDutyBefore({
    id: 'GB.pre-gdpr.ico',
    jurisdiction: 'GB',
    regime: 'Data Protection Act 1998',
    lawFrom: GDPR_APPLIES,
    why: 'before 2018-05-25 the Data Protection Act 1998 imposed no general duty to notify the ICO or individuals of a personal-data breach (ICO guidance only recommended reporting serious breaches); providers of public electronic communications services had the separate PECR reg. 5A duty',
    citation: 'Data Protection Act 1998 (no breach-notification provision)',
    source: source(
      'https://www.legislation.gov.uk/ukpga/1998/29/contents',
      'Data Protection Act 1998',
      'General knowledge that the 1998 Act had no breach-notification section (notification duties came with GDPR Art. 33); the Act text was not re-read in this check',
    ),
    verified: 'Not re-read against the 1998 Act on 2026-12-06; the absence of a general duty before the GDPR is well established. PECR reg. 5A is encoded separately (GB.pecr.ico.2013-08-25).',
  }),
  ...GDPR_PERIODS.filter((p) => p.to !== undefined).map(gdprIco),
  {
    id: 'GB.uk-gdpr.ico',
    supersedes: 'GB.gdpr.ico.2018-07-20',
    jurisdiction: 'GB',
    regime: 'UK GDPR',
    recipient: 'regulator',
    authority: ICO,
    ...ART33_DUTY,
    scope: { kind: 'establishment_or_residents', region: 'GB' },
    content: SA_CONTENT,
    channels: ['ICO online breach-report form', 'ICO helpline (weekdays 9–5)'],
    recordKeeping: 'Document the breach under UK GDPR Art. 33(5) whether or not it is notified',
    notes:
      'A public electronic communications provider reports a breach in connection with its service under PECR, not also under the UK GDPR (UK GDPR Art. 95; ICO PECR form page).',
    effectiveFrom: UK_GDPR_FROM,
    citation: 'UK GDPR Art. 33',
    source: UK_GDPR_SOURCE,
    verified:
      'Checked 2026-12-06 against the ICO report-a-breach pages (72 hours, online form, helpline) and the Art. 33 wording; start date = end of the transition period (general knowledge; 23:00 GMT on 31 Dec 2020 is read here as the whole of 1 Jan 2021).',
  },
  {
    id: 'GB.uk-gdpr.individuals',
    jurisdiction: 'GB',
    regime: 'UK GDPR',
    recipient: 'individuals',
    electronicNotice: { allowed: 'any', basis: 'UK GDPR Art. 34(1)–(2): communicate the breach to the data subject in clear and plain language; no form of delivery is prescribed' },
    authority: null,
    appliesIf: ['controller'],
    scope: { kind: 'establishment_or_residents', region: 'GB' },
    trigger: {
      elements: ANY_PERSONAL_DATA,
      breachMode: 'any',
      encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'data rendered unintelligible, e.g. encryption (Art. 34(3)(a))' },
    },
    riskGate: { kind: 'gdpr_high_risk' },
    threshold: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
    content: ['nature of the breach in clear and plain language (Art. 34(2))', 'contact point', 'likely consequences', 'measures taken or proposed'],
    substituteNotice: 'Art. 34(3)(c): public communication where individual notice would involve disproportionate effort',
    effectiveFrom: UK_GDPR_FROM,
    citation: 'UK GDPR Art. 34',
    source: UK_GDPR_SOURCE,
    verified: 'Checked 2026-12-06: Art. 34 wording as the EU text (high risk, without undue delay, 34(3) exemptions). Before 2021 the EU rule EU.gdpr.individuals covered UK residents.',
  },
  {
    id: 'GB.uk-gdpr.processor',
    jurisdiction: 'GB',
    regime: 'UK GDPR',
    recipient: 'controller',
    authority: { name: 'The controller' },
    appliesIf: ['processor'],
    scope: { kind: 'establishment_or_residents', region: 'GB' },
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
    content: ['the facts of the breach'],
    effectiveFrom: UK_GDPR_FROM,
    citation: 'UK GDPR Art. 33(2)',
    source: UK_GDPR_SOURCE,
    verified: 'Checked 2026-12-06: Art. 33(2) — processor to controller without undue delay, every breach.',
  },
  {
    ...PECR_TO_ICO,
    id: 'GB.pecr.ico.2013-08-25',
    clock: {
      anchor: 'discovery',
      amount: 24,
      unit: 'hours',
      urgency: 'without_undue_delay',
      stages: [
        // Reg. 611/2013 Art. 2(3): "within three days following the initial notification" — from the
        // initial notice actually sent (facts.regulatorNoticeAt), else from its latest lawful time.
        { name: 'second notification with the remaining Annex I information (if the initial one was incomplete)', anchor: 'discovery', amount: 3, unit: 'calendar_days', afterPreviousStage: true },
      ],
    },
    content: ['Commission Regulation (EU) No 611/2013 Annex I content (Section 1 in the initial notice; Section 2 at the latest in the second)'],
    channels: ['ICO PECR breach form (initial, second and follow-up notifications; monthly breach log)'],
    notes: 'Detection = the provider has acquired sufficient awareness that a security incident compromising personal data occurred (611/2013 Art. 2(2)). The second notice is due 3 days after the initial one, counted from the day it was actually sent when regulatorNoticeAt is given.',
    effectiveFrom: REG_611_FROM,
    effectiveTo: dayBefore(DUAA_S111_FROM),
    citation: 'PECR 2003 reg. 5A(2); Commission Regulation (EU) No 611/2013 Art. 2(2)–(3) (retained)',
    verified:
      'Checked 2026-12-06: 24 h after detection and second notice within 3 days of the initial one (ICO PECR form page; 611/2013 Art. 2 as quoted in the 2023 amendment text); end date from SI 2025/904. Start date 2013-08-25 (Reg. 611/2013 Art. 6) from general knowledge.',
  },
  {
    ...PECR_TO_ICO,
    id: 'GB.pecr.ico',
    supersedes: 'GB.pecr.ico.2013-08-25',
    clock: { anchor: 'awareness', amount: 72, unit: 'hours', urgency: 'without_undue_delay' },
    content: [
      'Commission Regulation (EU) No 611/2013 Annex I content; what is not yet available may follow in phases without undue further delay (Art. 2(3) as substituted)',
      'if later than 72 hours: reasons for the delay (reg. 5A(3A))',
    ],
    channels: ['ICO PECR breach form'],
    effectiveFrom: DUAA_S111_FROM,
    citation: 'PECR 2003 reg. 5A(2), (3A) as amended by the Data (Use and Access) Act 2025 s 111; Commission Regulation (EU) No 611/2013 Art. 2 (retained, as amended)',
    verified:
      'Checked 2026-12-06: commencement of DUAA s 111 on 20 August 2025 (SI 2025/904 reg. 2(p), legislation.gov.uk) and the ICO breach guide entry of that date (PECR 24 h → 72 h after becoming aware). The enacted s 111 wording was read as moved in the Commons in 2023, not in the Act as passed.',
  },
  {
    id: 'GB.pecr.individuals',
    jurisdiction: 'GB',
    regime: 'PECR',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: 'PECR reg. 5A(3) and Regulation (EU) No 611/2013 Art. 3 as retained — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
    authority: null,
    appliesIf: ['telecom_provider'],
    scope: { kind: 'establishment_or_residents', region: 'GB' },
    trigger: {
      elements: ANY_PERSONAL_DATA,
      breachMode: 'any',
      encryptionSafeHarbor: {
        applies: true,
        lostIfKeyCompromised: true,
        standard: 'technological protection rendering the data unintelligible, demonstrated to the satisfaction of the Commissioner (reg. 5A(6))',
      },
    },
    riskGate: {
      kind: 'significant_harm',
      note: 'likely to adversely affect the personal data or privacy of a subscriber or user (reg. 5A(3)); 611/2013 Art. 3(2): e.g. identity theft or fraud, physical harm, significant humiliation or damage to reputation',
    },
    threshold: null,
    clock: { anchor: 'discovery', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
    content: ['Commission Regulation (EU) No 611/2013 Annex II content'],
    notes: 'The Commissioner may require notice if the provider has not given it (reg. 5A(5)).',
    effectiveFrom: REG_611_FROM,
    citation: 'PECR 2003 reg. 5A(3)–(6); Commission Regulation (EU) No 611/2013 Art. 3',
    source: PECR_SOURCE,
    verified:
      'Reg. 5A(3)–(6) content from general knowledge of the 2011 text (SI 2011/1208), not re-read on 2026-12-06; the 2025 amendment did not touch the subscriber notice in the amendment text read.',
  },
];
