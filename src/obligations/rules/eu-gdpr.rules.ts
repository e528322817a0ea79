/**
 * GDPR (Regulation (EU) 2016/679) Arts 33–34 for every EU/EEA state, versioned by who was inside
 * the one-stop-shop: the 28 EU states from 2018-05-25 (Art. 99(2)); Iceland, Liechtenstein and
 * Norway too from 2018-07-20 (EEA Joint Committee Decision No 154/2018); without the United Kingdom
 * from 2021-01-01 (end of the Brexit transition period; the UK's own rules are in gb.rules.ts).
 *
 * One supervisory-authority rule per state and version, generated from the table below, with the
 * one-stop-shop scope: a controller with an establishment in the region notifies only its lead SA
 * (Art. 56); one with none notifies the SA of every state where affected people live (EDPB
 * Guidelines 9/2022 ¶73). Plus the data subjects' communication (Art. 34), the processor's duty
 * (Art. 33(2)) and the register (Art. 33(5)). Before the GDPR applied, Directive 95/46/EC had no
 * breach-notification duty; national laws had various ones, which this rule set does not encode:
 * those days answer `review`.
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, dayBefore, NO_HARBOUR, RULE_SET_FROM, source } from './intl-common.js';

type Authority = NonNullable<RuleInput['authority']>;

/**
 * EDPB page on which each SA links its own breach form; used as `portal` where the SA's form page
 * itself was not confirmed.
 */
const EDPB_NOTIFY = 'https://www.edpb.europa.eu/notify-data-breach_en';

/**
 * Supervisory authorities. Names and home pages: the SAs' English names as listed on the EDPB page
 * "How to notify a data breach to your DPA?" and secondary lists; portals marked † were read on the
 * SA's own site (SE, BE, MT, LV) or, for FR and IE, in several independent third-party procedures.
 */
export const EEA_AUTHORITIES: Record<string, Authority> = {
  AT: { name: 'Österreichische Datenschutzbehörde (DSB)', url: 'https://www.dsb.gv.at', portal: EDPB_NOTIFY, address: 'Barichgasse 40-42, 1030 Wien' },
  BE: {
    name: 'Autorité de protection des données / Gegevensbeschermingsautoriteit (APD/GBA)',
    url: 'https://www.dataprotectionauthority.be',
    portal: 'https://www.dataprotectionauthority.be/data-breach-notification-form', // †
    address: 'Rue de la Presse 35 – Drukpersstraat 35, 1000 Bruxelles - Brussel',
  },
  BG: { name: 'Commission for Personal Data Protection (CPDP)', url: 'https://www.cpdp.bg', portal: EDPB_NOTIFY },
  HR: { name: 'Agencija za zaštitu osobnih podataka (AZOP)', url: 'https://azop.hr', portal: EDPB_NOTIFY },
  CY: { name: 'Commissioner for Personal Data Protection', url: 'https://www.dataprotection.gov.cy', portal: EDPB_NOTIFY },
  CZ: { name: 'Úřad pro ochranu osobních údajů (ÚOOÚ)', url: 'https://uoou.gov.cz', portal: EDPB_NOTIFY },
  DK: { name: 'Datatilsynet', url: 'https://www.datatilsynet.dk', portal: EDPB_NOTIFY },
  EE: { name: 'Andmekaitse Inspektsioon (Estonian Data Protection Inspectorate)', url: 'https://www.aki.ee', portal: EDPB_NOTIFY },
  FI: { name: 'Office of the Data Protection Ombudsman (Tietosuojavaltuutetun toimisto)', url: 'https://tietosuoja.fi', portal: EDPB_NOTIFY },
  FR: { name: 'Commission nationale de l’informatique et des libertés (CNIL)', url: 'https://www.cnil.fr', portal: 'https://notifications.cnil.fr/notifications/' }, // †
  DE: {
    name: 'Competent German supervisory authority: the data protection authority of the Land of the (main) establishment (BDSG §40); the BfDI for telecommunications and postal services',
    url: 'https://www.bfdi.bund.de',
    portal: EDPB_NOTIFY,
  },
  GR: { name: 'Hellenic Data Protection Authority (HDPA)', url: 'https://www.dpa.gr', portal: EDPB_NOTIFY },
  HU: { name: 'Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH)', url: 'https://naih.hu', portal: EDPB_NOTIFY },
  IE: { name: 'Data Protection Commission (DPC)', url: 'https://www.dataprotection.ie', portal: 'https://forms.dataprotection.ie/report-a-breach-of-personal-data' }, // †
  IT: { name: 'Garante per la protezione dei dati personali', url: 'https://www.garanteprivacy.it', portal: EDPB_NOTIFY },
  LV: { name: 'Datu valsts inspekcija (DVI, State Data Inspectorate)', url: 'https://www.dvi.gov.lv', portal: 'https://www.dvi.gov.lv/en/services/notification-personal-data-breach' }, // †
  LT: { name: 'Valstybinė duomenų apsaugos inspekcija (VDAI)', url: 'https://vdai.lrv.lt', portal: EDPB_NOTIFY },
  LU: { name: 'Commission nationale pour la protection des données (CNPD)', url: 'https://cnpd.public.lu', portal: EDPB_NOTIFY },
  MT: { name: 'Information and Data Protection Commissioner (IDPC)', url: 'https://idpc.org.mt', portal: 'https://idpc.org.mt/report-a-breach/' }, // †
  NL: { name: 'Autoriteit Persoonsgegevens (AP)', url: 'https://www.autoriteitpersoonsgegevens.nl', portal: EDPB_NOTIFY },
  PL: { name: 'Prezes Urzędu Ochrony Danych Osobowych (UODO)', url: 'https://uodo.gov.pl', portal: EDPB_NOTIFY },
  PT: { name: 'Comissão Nacional de Proteção de Dados (CNPD)', url: 'https://www.cnpd.pt', portal: EDPB_NOTIFY },
  RO: { name: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)', url: 'https://www.dataprotection.ro', portal: EDPB_NOTIFY },
  SK: { name: 'Úrad na ochranu osobných údajov Slovenskej republiky', url: 'https://dataprotection.gov.sk', portal: EDPB_NOTIFY },
  SI: { name: 'Informacijski pooblaščenec', url: 'https://www.ip-rs.si', portal: EDPB_NOTIFY },
  ES: { name: 'Agencia Española de Protección de Datos (AEPD)', url: 'https://www.aepd.es', portal: EDPB_NOTIFY },
  SE: { name: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se', portal: 'https://e-tjanster.imy.se/en/report' }, // †
  IS: { name: 'Persónuvernd', url: 'https://www.personuvernd.is', portal: EDPB_NOTIFY },
  LI: { name: 'Datenschutzstelle Liechtenstein', url: 'https://www.datenschutzstelle.li', portal: EDPB_NOTIFY },
  NO: { name: 'Datatilsynet', url: 'https://www.datatilsynet.no', portal: EDPB_NOTIFY },
};

/** GDPR applies from 25 May 2018 (Art. 99(2)). */
export const GDPR_APPLIES = '2018-05-25';
/** EEA Joint Committee Decision No 154/2018 (adopted 6 July 2018) entered into force 20 July 2018. */
export const GDPR_EEA_EFTA = '2018-07-20';
/** The UK left the one-stop-shop at the end of the transition period (31 December 2020, 23:00 GMT). */
export const GDPR_WITHOUT_UK = '2021-01-01';
const EFTA_EEA = ['IS', 'LI', 'NO'];

/** Who was inside the one-stop-shop, by period (regions in jurisdictions.ts). */
export const GDPR_PERIODS = [
  { from: GDPR_APPLIES, to: dayBefore(GDPR_EEA_EFTA), region: 'EU28', suffix: '.2018-05-25' },
  { from: GDPR_EEA_EFTA, to: dayBefore(GDPR_WITHOUT_UK), region: 'EEA+GB', suffix: '.2018-07-20' },
  { from: GDPR_WITHOUT_UK, to: undefined, region: 'EEA', suffix: '' },
] as const;

const GDPR_SOURCE = source(
  'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  'Regulation (EU) 2016/679 (General Data Protection Regulation), Arts 33, 34, 55, 56 and 99(2)',
  'Art. 33(1)–(5) and Art. 34(1)–(4) read word for word in reproductions of the Official Journal text (gdprlearninghub.com, commonaccord.org, gdprhub.eu, overview.legal), matching each other; EEA date against the EFTA Secretariat notice of 19 July 2018 (JCD 154/2018 in force 20 July 2018)',
);

const VERIFIED_SA =
  'Checked 2026-12-06: Art. 33(1) test (unless unlikely to result in a risk), 72 hours after becoming aware, reasons for delay, 33(3) content, 33(4) phases, 33(5) register; one-stop-shop per EDPB Guidelines 9/2022 ¶73 as restated on the EDPB "notify a data breach" page; application dates (EU 2018-05-25, IS/LI/NO 2018-07-20, UK out from 2021-01-01). ' +
  'The Digital Omnibus proposal of 19 Nov 2025 (Art. 33 only for high risk, 96 hours, an EU single entry point) was still a proposal in the sources read (EDPB-EDPS joint opinion, 2026); it changes nothing here until adopted and in force. ' +
  'Authority names, home pages and addresses: EDPB page and secondary lists; portals marked † in the source file read on the SA site or in independent procedures, the others point to the EDPB page that links each SA form. Not checked: each SA\'s own national procedure (e.g. the German Land competence rules).';

/** The Art. 33(1) duty as the GDPR and the UK GDPR state it (the UK rules reuse it). */
export const ART33_DUTY = {
  appliesIf: ['controller' as const],
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any' as const, encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'gdpr_risk' as const, note: 'unless unlikely to result in a risk to the rights and freedoms of natural persons' },
  threshold: null,
  clock: { anchor: 'awareness' as const, amount: 72, unit: 'hours' as const, urgency: 'without_undue_delay' as const },
};

const SA_CONTENT = [
  'nature of the breach, including where possible the categories and approximate number of data subjects and of personal-data records concerned (Art. 33(3)(a))',
  'name and contact details of the DPO or other contact point (Art. 33(3)(b))',
  'likely consequences of the breach (Art. 33(3)(c))',
  'measures taken or proposed, including to mitigate possible adverse effects (Art. 33(3)(d))',
  'if later than 72 hours: reasons for the delay (Art. 33(1))',
];

/** Id of the version a period's rule replaces (the pre-GDPR rule for the first period of a state). */
const previousId = (base: string, period: (typeof GDPR_PERIODS)[number], first: string | undefined): string | undefined => {
  const i = GDPR_PERIODS.indexOf(period);
  return i === 0 ? first : `${base}${GDPR_PERIODS[i - 1].suffix}`;
};

const saRule = (state: string, period: (typeof GDPR_PERIODS)[number]): RuleInput => ({
  id: `${state}.gdpr.sa${period.suffix}`,
  supersedes:
    EFTA_EEA.includes(state) && period.from === GDPR_EEA_EFTA
      ? `${state}.pre-gdpr.sa`
      : previousId(`${state}.gdpr.sa`, period, `${state}.pre-gdpr.sa`),
  jurisdiction: state,
  regime: 'GDPR',
  recipient: 'regulator',
  authority: EEA_AUTHORITIES[state],
  ...ART33_DUTY,
  scope: { kind: 'lead_authority', region: period.region },
  content: SA_CONTENT,
  channels: ['the supervisory authority’s breach-notification form', 'phased notice allowed (Art. 33(4))'],
  notes:
    'For a controller without an establishment in the region this assumes the GDPR applies under Art. 3(2) (offering goods/services to, or monitoring, people in the Union).',
  effectiveFrom: period.from,
  ...(period.to ? { effectiveTo: period.to } : {}),
  citation: 'GDPR Art. 33(1), (3), (4); Arts 55–56',
  source: GDPR_SOURCE,
  verified: VERIFIED_SA,
});

/** The days between 2018-01-01 and the GDPR's application in `state`: national law, not encoded. */
const preGdprRule = (state: string): RuleInput => {
  const from = EFTA_EEA.includes(state) ? GDPR_EEA_EFTA : GDPR_APPLIES;
  return {
    id: `${state}.pre-gdpr.sa`,
    jurisdiction: state,
    regime: 'Directive 95/46/EC national law',
    recipient: 'regulator',
    authority: EEA_AUTHORITIES[state],
    appliesIf: ['controller'],
    scope: { kind: 'establishment_or_residents', region: state },
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours' },
    review: `before ${from} the GDPR did not apply in ${state}; Directive 95/46/EC itself had no breach-notification duty (Art. 17 required security only), but national laws could (e.g. the Netherlands' Wbp art. 34a from 2016, Germany's former BDSG §42a). This rule set does not encode them: check ${state} law in force on the day of the breach`,
    effectiveFrom: RULE_SET_FROM,
    effectiveTo: dayBefore(from),
    citation: `Directive 95/46/EC as implemented in ${state} law (before GDPR ${EFTA_EEA.includes(state) ? 'EEA incorporation' : 'Art. 99(2)'})`,
    source: source(
      'https://eur-lex.europa.eu/eli/dir/1995/46/oj',
      'Directive 95/46/EC (Data Protection Directive)',
      'That the Directive had no equivalent of GDPR Art. 33/34 (only Art. 17 security), per the gdprhub.eu Art. 34 commentary citing Kuner et al. (OUP 2020); national laws not checked',
    ),
    verified:
      'Checked 2026-12-06 only that the GDPR did not yet apply and the Directive had no breach-notification duty; national pre-GDPR duties are not encoded, hence `review`.',
  };
};

const EU_STATES_WITH_SA = Object.keys(EEA_AUTHORITIES).filter((s) => !EFTA_EEA.includes(s));

const individuals = (period: (typeof GDPR_PERIODS)[number]): RuleInput => ({
  id: `EU.gdpr.individuals${period.suffix}`,
  supersedes: previousId('EU.gdpr.individuals', period, undefined),
  jurisdiction: 'EU',
  regime: 'GDPR',
  recipient: 'individuals',
  electronicNotice: { allowed: 'any', basis: 'GDPR Art. 34(1)–(2): communicate the breach to the data subject in clear and plain language; no form of delivery is prescribed (e-mail is a direct communication)' },
  authority: null,
  appliesIf: ['controller'],
  scope: { kind: 'establishment_or_residents', region: period.region },
  trigger: {
    elements: ANY_PERSONAL_DATA,
    breachMode: 'any',
    // Art. 34(3)(a): measures rendering the data unintelligible, such as encryption.
    encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'state-of-the-art encryption, key not compromised (Art. 34(3)(a))' },
  },
  riskGate: { kind: 'gdpr_high_risk' },
  threshold: null,
  clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
  content: [
    'in clear and plain language, the nature of the breach (Art. 34(2))',
    'name and contact details of the DPO or other contact point (Art. 33(3)(b))',
    'likely consequences (Art. 33(3)(c))',
    'measures taken or proposed, including mitigation (Art. 33(3)(d))',
  ],
  channels: ['direct communication to each data subject'],
  substituteNotice: 'Art. 34(3)(c): if disproportionate effort, a public communication or similar equally effective measure',
  recordKeeping: 'Document the breach in the Art. 33(5) register — facts, effects and remedial action — whether or not it is notified',
  notes: 'The supervisory authority may require the communication, or decide that an Art. 34(3) condition is met (Art. 34(4)).',
  effectiveFrom: period.from,
  ...(period.to ? { effectiveTo: period.to } : {}),
  citation: 'GDPR Art. 34(1)–(4); Art. 33(5)',
  source: GDPR_SOURCE,
  verified:
    'Checked 2026-12-06: Art. 34(1) high-risk test and "without undue delay" (no fixed period), 34(2) content, 34(3)(a)–(c) exemptions, 34(4) SA powers, 33(5) register; region by period as for the SA rules.',
});

const processor = (period: (typeof GDPR_PERIODS)[number]): RuleInput => ({
  id: `EU.gdpr.processor${period.suffix}`,
  supersedes: previousId('EU.gdpr.processor', period, undefined),
  jurisdiction: 'EU',
  regime: 'GDPR',
  recipient: 'controller',
  authority: { name: 'The controller' },
  appliesIf: ['processor'],
  scope: { kind: 'establishment_or_residents', region: period.region },
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'none', note: 'every breach, whatever the risk' },
  threshold: null,
  clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
  content: ['the facts of the breach and the information the controller needs for Art. 33(3)'],
  effectiveFrom: period.from,
  ...(period.to ? { effectiveTo: period.to } : {}),
  citation: 'GDPR Art. 33(2)',
  source: GDPR_SOURCE,
  verified: 'Checked 2026-12-06: Art. 33(2) — the processor notifies the controller without undue delay after becoming aware, no risk test and no hour figure.',
});

export const euGdprRules: RuleInput[] = [
  ...EU_STATES_WITH_SA.map(preGdprRule),
  ...EFTA_EEA.map(preGdprRule),
  ...GDPR_PERIODS.flatMap((p) =>
    Object.keys(EEA_AUTHORITIES)
      .filter((s) => p.from >= GDPR_EEA_EFTA || !EFTA_EEA.includes(s))
      .map((s) => saRule(s, p)),
  ),
  ...GDPR_PERIODS.map(individuals),
  ...GDPR_PERIODS.map(processor),
];
