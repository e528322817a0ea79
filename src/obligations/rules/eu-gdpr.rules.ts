/**
 * EU GDPR Arts 33–34 for every EU/EEA state (reference/breach-law.md §2). One supervisory-authority
 * rule per state, generated from the table below, with the one-stop-shop scope: an EEA-established
 * controller notifies only its lead SA (Art. 56); a controller with no EEA establishment notifies
 * the SA of every state where affected people live (EDPB Guidelines 9/2022 ¶73). Plus the
 * individuals' communication (Art. 34), the processor's duty (Art. 33(2)) and the register (33(5)).
 */
import type { RuleInput } from '../rule.schema.js';

/** Supervisory authorities (names from general knowledge; websites are home pages, not portals). */
export const EEA_AUTHORITIES: Record<string, { name: string; url?: string }> = {
  AT: { name: 'Österreichische Datenschutzbehörde (DSB)', url: 'https://www.dsb.gv.at' },
  BE: { name: 'Autorité de protection des données / Gegevensbeschermingsautoriteit (APD/GBA)', url: 'https://www.dataprotectionauthority.be' },
  BG: { name: 'Commission for Personal Data Protection (CPDP)', url: 'https://www.cpdp.bg' },
  HR: { name: 'Agencija za zaštitu osobnih podataka (AZOP)', url: 'https://azop.hr' },
  CY: { name: 'Commissioner for Personal Data Protection', url: 'https://www.dataprotection.gov.cy' },
  CZ: { name: 'Úřad pro ochranu osobních údajů (ÚOOÚ)', url: 'https://uoou.gov.cz' },
  DK: { name: 'Datatilsynet', url: 'https://www.datatilsynet.dk' },
  EE: { name: 'Andmekaitse Inspektsioon', url: 'https://www.aki.ee' },
  FI: { name: 'Office of the Data Protection Ombudsman (Tietosuojavaltuutetun toimisto)', url: 'https://tietosuoja.fi' },
  FR: { name: 'Commission nationale de l’informatique et des libertés (CNIL)', url: 'https://www.cnil.fr' },
  DE: { name: 'Competent German supervisory authority (Land DPA of the establishment; BfDI for telecom/postal services)', url: 'https://www.bfdi.bund.de' },
  GR: { name: 'Hellenic Data Protection Authority (HDPA)', url: 'https://www.dpa.gr' },
  HU: { name: 'Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH)', url: 'https://naih.hu' },
  IE: { name: 'Data Protection Commission (DPC)', url: 'https://www.dataprotection.ie' },
  IT: { name: 'Garante per la protezione dei dati personali', url: 'https://www.garanteprivacy.it' },
  LV: { name: 'Datu valsts inspekcija (DVI)', url: 'https://www.dvi.gov.lv' },
  LT: { name: 'Valstybinė duomenų apsaugos inspekcija (VDAI)', url: 'https://vdai.lrv.lt' },
  LU: { name: 'Commission nationale pour la protection des données (CNPD)', url: 'https://cnpd.public.lu' },
  MT: { name: 'Information and Data Protection Commissioner (IDPC)', url: 'https://idpc.org.mt' },
  NL: { name: 'Autoriteit Persoonsgegevens (AP)', url: 'https://www.autoriteitpersoonsgegevens.nl' },
  PL: { name: 'Prezes Urzędu Ochrony Danych Osobowych (UODO)', url: 'https://uodo.gov.pl' },
  PT: { name: 'Comissão Nacional de Proteção de Dados (CNPD)', url: 'https://www.cnpd.pt' },
  RO: { name: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)', url: 'https://www.dataprotection.ro' },
  SK: { name: 'Úrad na ochranu osobných údajov Slovenskej republiky', url: 'https://dataprotection.gov.sk' },
  SI: { name: 'Informacijski pooblaščenec', url: 'https://www.ip-rs.si' },
  ES: { name: 'Agencia Española de Protección de Datos (AEPD)', url: 'https://www.aepd.es' },
  SE: { name: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se' },
  IS: { name: 'Persónuvernd', url: 'https://www.personuvernd.is' },
  LI: { name: 'Datenschutzstelle Liechtenstein', url: 'https://www.datenschutzstelle.li' },
  NO: { name: 'Datatilsynet', url: 'https://www.datatilsynet.no' },
};

const GDPR_EFFECTIVE = '2018-05-25';
const VERIFIED_33 =
  'Art. 33(1)/(3)/(4) and EDPB 9/2022 ¶73 [verified] in reference/breach-law.md §2.1/§2.4 (regulation text and secondary commentary); authority names/URLs from general knowledge, not re-checked. EEA states: GDPR applies via the EEA Agreement (from 2018-07-20 in IS/LI/NO; 2018-05-25 used for all)';

const SA_CONTENT = [
  'nature of the breach, including where possible the categories and approximate number of data subjects and of personal-data records concerned (Art. 33(3)(a))',
  'name and contact details of the DPO or other contact point (Art. 33(3)(b))',
  'likely consequences of the breach (Art. 33(3)(c))',
  'measures taken or proposed, including to mitigate possible adverse effects (Art. 33(3)(d))',
  'if later than 72 hours: reasons for the delay (Art. 33(1))',
];

const saRule = (state: string): RuleInput => ({
  id: `${state}.gdpr.sa`,
  jurisdiction: state,
  regime: 'GDPR',
  recipient: 'regulator',
  authority: EEA_AUTHORITIES[state],
  appliesIf: ['controller'],
  scope: { kind: 'lead_authority', region: 'EEA' },
  trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
  riskGate: { kind: 'gdpr_risk', note: 'unless unlikely to result in a risk to the rights and freedoms of natural persons' },
  threshold: null,
  clock: {
    anchor: 'awareness',
    amount: 72,
    unit: 'hours',
    urgency: 'without_undue_delay',
  },
  content: SA_CONTENT,
  channels: ['the supervisory authority’s breach-notification form', 'phased notice allowed (Art. 33(4))'],
  notes:
    'For a controller without an EEA establishment this assumes the GDPR applies under Art. 3(2) (offering goods/services to, or monitoring, people in the Union).',
  effectiveFrom: GDPR_EFFECTIVE,
  citation: 'GDPR Art. 33(1), (3), (4); Art. 55–56',
  verified: VERIFIED_33,
});

export const euGdprRules: RuleInput[] = [
  ...Object.keys(EEA_AUTHORITIES).map(saRule),
  {
    id: 'EU.gdpr.individuals',
    jurisdiction: 'EU',
    regime: 'GDPR',
    recipient: 'individuals',
    authority: null,
    appliesIf: ['controller'],
    scope: { kind: 'establishment_or_residents', region: 'EEA' },
    trigger: {
      elements: { anyOf: [], combos: [] },
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
    effectiveFrom: GDPR_EFFECTIVE,
    citation: 'GDPR Art. 34(1)–(3); Art. 33(5)',
    verified: 'Art. 34 structure [verified] in reference/breach-law.md §2.2 (gdprhub.eu commentary); exact 34(3) wording [verify] — not re-checked',
  },
  {
    id: 'EU.gdpr.processor',
    jurisdiction: 'EU',
    regime: 'GDPR',
    recipient: 'controller',
    authority: { name: 'The controller' },
    appliesIf: ['processor'],
    scope: { kind: 'establishment_or_residents', region: 'EEA' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'none', note: 'every breach, whatever the risk' },
    threshold: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
    content: ['the facts of the breach and the information the controller needs for Art. 33(3)'],
    effectiveFrom: GDPR_EFFECTIVE,
    citation: 'GDPR Art. 33(2)',
    verified: 'reference/breach-law.md §2.1 [verified] (regulation text)',
  },
];
