/**
 * US federal and New York financial-sector regimes: FTC Safeguards Rule (16 CFR 314.4(j)), SEC
 * Form 8-K Item 1.05, SEC Regulation S-P, NYDFS 23 NYCRR 500.17 and the bank 36-hour rule. Each
 * rule cites the official text and says what was confirmed and what was not; part of
 * `usFederalRules` (us-federal.rules.ts).
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { INCIDENT_TRIGGER, sourcesCheckedOn } from './rule-helpers.js';

const src = sourcesCheckedOn('2026-12-06');

/** The incident itself triggers these regimes, with or without personal data (issue 13 §1). */
const INCIDENT = INCIDENT_TRIGGER;

// ------------------------------------------------------------------------------------- SEC 8-K
const SEC_8K_SOURCE = src(
  'https://www.federalregister.gov/citation/88-FR-51896',
  'Cybersecurity Risk Management, Strategy, Governance, and Incident Disclosure, Release 33-11216, 88 FR 51896 (2023-08-04); Form 8-K Item 1.05 and General Instruction B.1; Regulation S-T Rule 13, 17 CFR 232.13',
  'Release 33-11216 (Item 1.05 within four business days after the registrant determines the incident is material; compliance 2023-12-18, smaller reporting companies 2024-06-15) and 17 CFR 232.13(a)(2) (a filing commencing after 5:30 p.m. Eastern time is deemed filed the next business day), read on 2026-12-06',
);
const sec8k = (id: string, from: string, profile: Pick<RuleInput, 'appliesIf' | 'appliesUnless'>): RuleInput => ({
  id,
  jurisdiction: 'US',
  regime: 'SEC Form 8-K Item 1.05',
  recipient: 'regulator',
  authority: { name: 'U.S. Securities and Exchange Commission', portal: 'EDGAR' },
  appliesIf: ['public_company'],
  ...profile,
  scope: { kind: 'all' },
  // A cybersecurity incident need not involve personal data at all (17 CFR 229.106(a)).
  trigger: INCIDENT,
  riskGate: { kind: 'material', note: 'materiality determined without unreasonable delay after discovery (Item 1.05 Instruction 1)' },
  threshold: null,
  // Four business days after the materiality determination (General Instruction B.1: a
  // determination on a weekend or holiday starts the count on the next business day), ending at
  // 17:30 Eastern: later EDGAR filings are deemed filed the next business day (17 CFR 232.13(a)(2)).
  clock: {
    anchor: 'materiality_determination',
    amount: 4,
    unit: 'business_days',
    holidays: 'US',
    timeZone: 'America/New_York',
    cutOff: '17:30',
    extensions: [
      { amount: 30, unit: 'calendar_days', condition: 'the U.S. Attorney General notifies the SEC that disclosure poses a substantial risk to national security or public safety (Item 1.05(c)); further 30 and, in extraordinary circumstances, 60 days' },
    ],
  },
  content: [
    'material aspects of the nature, scope and timing of the incident',
    'material or reasonably likely material impact, including on financial condition and results of operations',
    'amend the 8-K within four business days after information not available at the first filing becomes available (Instruction 2)',
  ],
  channels: ['Form 8-K on EDGAR'],
  effectiveFrom: from,
  source: SEC_8K_SOURCE,
  citation: 'Form 8-K Item 1.05 (Release 33-11216, 2023); 17 CFR 232.13(a)(2)',
  verified: 'checked against Release 33-11216 and 17 CFR 232.13 on 2026-12-06 (see source)',
});

// ------------------------------------------------------------------------------------- Reg S-P
/** "Sensitive customer information" (17 CFR 248.30(d)): identifiers alone, or identifying + authenticating. */
const SENSITIVE_ALONE: ElementId[] = ['us_ssn', 'us_itin', 'national_id', 'passport_number', 'drivers_license', 'tax_id', 'biometric'];
const IDENTIFYING_AUTHENTICATING: ElementId[][] = [
  ['username', 'password'],
  ['email', 'password'],
  ['payment_card', 'card_security_code'],
  ['bank_account', 'password'],
  ['person_name', 'security_question'],
  ['email', 'security_question'],
];
const REG_SP_SOURCE = src(
  'https://www.ecfr.gov/current/title-17/chapter-II/part-248/subpart-A/section-248.30',
  '17 CFR 248.30 (Regulation S-P) as amended by Release 34-100155, 89 FR 47688 (2024-06-03), effective 2024-08-02',
  'Release 34-100155 as summarised by the SEC and counsel (notice as soon as practicable but not later than 30 days after becoming aware of unauthorised access to or use of customer information; compliance 2025-12-03 larger, 2026-06-03 smaller entities; effective 2024-08-02); the definition of sensitive customer information approximated by element ids',
);
const regSP = (id: string, from: string, profile: Pick<RuleInput, 'appliesIf' | 'appliesUnless'>): RuleInput => ({
  id,
  jurisdiction: 'US',
  regime: 'SEC Regulation S-P',
  recipient: 'individuals',
  electronicNotice: { allowed: 'consent', basis: '17 CFR 248.30(a)(4)(iii) (Regulation S-P): notice in writing, by means designed to ensure the customer can be expected to receive it — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading (E-SIGN, 15 U.S.C. §7001(c))' },
  authority: null,
  ...profile,
  scope: { kind: 'all' },
  trigger: {
    elements: { anyOf: SENSITIVE_ALONE, combos: IDENTIFYING_AUTHENTICATING },
    // Account numbers alone may be "access devices"; a person decides.
    reviewElements: { anyOf: ['bank_account', 'payment_card', 'iban'], combos: [] },
    breachMode: 'access',
    encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true },
  },
  riskGate: {
    kind: 'no_harm_determination',
    basis: 'exception',
    standard: 'sensitive customer information has not been, and is not reasonably likely to be, used in a manner that would result in substantial harm or inconvenience',
    note: 'after a reasonable investigation (17 CFR 248.30(a)(4)(i))',
    conditions: { inadvertentOnly: false, authorisedPersonOnly: false, consultWith: [], inWriting: true },
  },
  threshold: null,
  clock: {
    anchor: 'awareness',
    amount: 30,
    unit: 'calendar_days',
    urgency: 'as_soon_as_practicable',
    extensions: [{ amount: 30, unit: 'calendar_days', condition: 'the U.S. Attorney General informs the SEC in writing that notice poses a substantial risk to national security or public safety (further 30, then 60 days in extraordinary circumstances)' }],
  },
  content: ['description of the incident', 'types of sensitive customer information involved', 'date or estimated date of the incident', 'contact information', 'what the customer can do'],
  notes: 'Service providers must notify the covered institution within 72 hours of becoming aware of a breach (a contract term the institution must obtain; not modelled as a separate rule).',
  effectiveFrom: from,
  source: REG_SP_SOURCE,
  citation: '17 CFR §248.30(a)(4) (as amended 2024)',
  verified: 'checked against the 2024 amendments as summarised on 2026-12-06 (see source); element mapping is an approximation',
});

// ------------------------------------------------------------------------------------- NYDFS
const DFS = { name: 'New York Superintendent of Financial Services', portal: 'DFS Portal' };
const DFS_2023 = src(
  'https://www.dfs.ny.gov/industry_guidance/cybersecurity',
  '23 NYCRR 500.17 as amended by the Second Amendment to Part 500 (adopted 2023-11-01; new reporting duties from 2023-12-01)',
  'text of §500.17(a) and (c) as currently compiled (LII copy of the NYCRR) — 72 hours after determining that a cybersecurity incident occurred at the covered entity, its affiliates or a third-party service provider; extortion payment within 24 hours, written explanation within 30 days; the 2023-12-01 start of the amended reporting from DFS implementation guidance as reported, §500.22 transitional text not re-read',
);
const DFS_2017 = src(
  'https://www.dfs.ny.gov/industry_guidance/cybersecurity',
  '23 NYCRR 500.17(a) as adopted 2017 (effective 2017-03-01; notice duty from 2017-08-28, §500.22(a))',
  'the 2017 text as summarised in DFS and secondary sources: 72 hours from a determination that a cybersecurity event occurred that must be reported to another government body or has a reasonable likelihood of materially harming normal operations; the 180-day transitional period to 2017-08-28 recalled, not re-read',
);

// ------------------------------------------------------------------------------------- Bank rule
const BANK_SOURCE = src(
  'https://www.federalregister.gov/documents/2021/11/23/2021-25510/computer-security-incident-notification-requirements-for-banking-organizations-and-their-bank',
  'Computer-Security Incident Notification Requirements for Banking Organizations and Their Bank Service Providers, 86 FR 66424 (2021-11-23): 12 CFR Part 53 (OCC), Part 225 Subpart N (FRB), Part 304 Subpart C (FDIC)',
  'Federal Register final rule summary and dates (36 hours after determining a notification incident occurred; service providers as soon as possible for a disruption of 4 hours or more; effective 2022-04-01, compliance 2022-05-01), read on 2026-12-06',
);


export const usFinancialRules: RuleInput[] = [
  // ---------------------------------------------------------------- GLBA Safeguards (16 CFR 314.4(j))
  {
    id: 'US.ftc-safeguards.ftc',
    jurisdiction: 'US',
    regime: 'FTC Safeguards Rule',
    recipient: 'regulator',
    authority: { name: 'Federal Trade Commission', portal: 'FTC online Safeguards Rule notification form' },
    appliesIf: ['glba_ftc_institution'],
    scope: { kind: 'all' },
    trigger: {
      // "Customer information": non-public personal information about a customer; any element.
      elements: { anyOf: [], combos: [] },
      breachMode: 'acquisition',
      // 16 CFR 314.2 "notification event": acquisition is presumed from unauthorised access to
      // unencrypted customer information unless reliable evidence shows there was none.
      acquisitionPresumedFromAccess: true,
      // Information is unencrypted for this purpose if the key was accessed by an unauthorised person.
      encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true },
    },
    riskGate: { kind: 'none' },
    threshold: { count: 500, comparator: '>=', counted: 'consumers' },
    clock: { anchor: 'discovery', amount: 30, unit: 'calendar_days', urgency: 'as_soon_as_possible' },
    content: [
      'name and contact information of the institution',
      'types of information involved',
      'date or date range, if determinable',
      'number of consumers affected or potentially affected',
      'general description of the event',
      'whether law enforcement requested a delay of public posting',
    ],
    effectiveFrom: '2024-05-13',
    source: src(
      'https://www.federalregister.gov/documents/2023/11/13/2023-24412/standards-for-safeguarding-customer-information',
      'Standards for Safeguarding Customer Information, 16 CFR Part 314 as amended by 88 FR 77499 (2023-11-13), effective 2024-05-13',
      'Federal Register final rule (notification event involving 500 or more consumers, effective 2024-05-13); the 30-day period and the presumption of acquisition from access (§314.2 "notification event") as stated in the rule and the issue, the §314.2 wording recalled, not re-read',
    ),
    citation: '16 CFR §314.4(j); §314.2 (notification event)',
    verified: 'checked against the 2023 amending rule in the Federal Register on 2026-12-06 (see source)',
  },
  // ---------------------------------------------------------------- SEC Form 8-K Item 1.05
  sec8k('US.sec-8k', '2023-12-18', { appliesUnless: ['smaller_reporting_company'] }),
  sec8k('US.sec-8k.smaller', '2024-06-15', { appliesIf: ['public_company', 'smaller_reporting_company'] }),
  // ---------------------------------------------------------------- SEC Regulation S-P
  regSP('US.sec-regsp.individuals', '2025-12-03', { appliesIf: ['sec_regsp_institution'], appliesUnless: ['sec_regsp_smaller'] }),
  regSP('US.sec-regsp.individuals.smaller', '2026-06-03', { appliesIf: ['sec_regsp_smaller'] }),
  // ---------------------------------------------------------------- NYDFS 23 NYCRR 500.17
  {
    id: 'US-NY.dfs-500.17.2017',
    jurisdiction: 'US-NY',
    regime: 'NYDFS Cybersecurity Regulation',
    recipient: 'regulator',
    authority: DFS,
    // Owed by DFS-regulated entities (issue 13 §3): the profile's regulators decide.
    supervisedBy: ['US-NY-DFS'],
    scope: { kind: 'all' },
    trigger: INCIDENT,
    riskGate: {
      kind: 'significant_incident',
      note: 'a cybersecurity event that must be reported to another government body, self-regulatory agency or supervisory body, or that has a reasonable likelihood of materially harming a material part of normal operations',
    },
    threshold: null,
    clock: { anchor: 'determination', amount: 72, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['information about the cybersecurity event'],
    channels: ['DFS Portal'],
    effectiveFrom: '2017-08-28',
    effectiveTo: '2023-11-30',
    source: DFS_2017,
    citation: '23 NYCRR §500.17(a) (2017)',
    verified: 'checked against summaries of the 2017 text on 2026-12-06 (see source)',
  },
  {
    id: 'US-NY.dfs-500.17',
    jurisdiction: 'US-NY',
    regime: 'NYDFS Cybersecurity Regulation',
    recipient: 'regulator',
    authority: DFS,
    supervisedBy: ['US-NY-DFS'],
    scope: { kind: 'all' },
    trigger: INCIDENT,
    riskGate: {
      kind: 'significant_incident',
      note: 'a cybersecurity incident (§500.1): at the entity, an affiliate or a third-party service provider, that requires notice to another government body, is reasonably likely to materially harm a material part of normal operations, or deployed ransomware within a material part of the information systems',
    },
    threshold: null,
    clock: { anchor: 'determination', amount: 72, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['information about the incident, updated promptly with material changes or new information (§500.17(a)(2))'],
    channels: ['DFS Portal'],
    effectiveFrom: '2023-12-01',
    supersedes: 'US-NY.dfs-500.17.2017',
    source: DFS_2023,
    citation: '23 NYCRR §500.17(a) (as amended 2023)',
    verified: 'checked against the current text of §500.17 on 2026-12-06 (see source)',
  },
  {
    id: 'US-NY.dfs-500.17.extortion',
    jurisdiction: 'US-NY',
    regime: 'NYDFS Cybersecurity Regulation (extortion payment)',
    recipient: 'regulator',
    authority: DFS,
    supervisedBy: ['US-NY-DFS'],
    scope: { kind: 'all' },
    trigger: INCIDENT,
    riskGate: { kind: 'none' },
    threshold: null,
    clock: {
      anchor: 'extortion_payment',
      amount: 24,
      unit: 'hours',
      stages: [{ name: 'written explanation of the payment', anchor: 'extortion_payment', amount: 30, unit: 'calendar_days' }],
    },
    content: ['notice of the extortion payment', 'within 30 days: why payment was necessary, alternatives considered, sanctions diligence'],
    effectiveFrom: '2023-12-01',
    source: DFS_2023,
    citation: '23 NYCRR §500.17(c)',
    verified: 'checked against the current text of §500.17 on 2026-12-06 (see source)',
  },
  // ---------------------------------------------------------------- Bank 36-hour rule
  {
    id: 'US.bank-36h',
    jurisdiction: 'US',
    regime: 'Computer-Security Incident Notification Rule',
    recipient: 'regulator',
    authority: { name: 'Primary federal regulator (OCC, Federal Reserve or FDIC)' },
    appliesIf: ['banking_organization'],
    scope: { kind: 'all' },
    trigger: INCIDENT,
    riskGate: {
      kind: 'significant_incident',
      note: '"notification incident": a computer-security incident that has materially disrupted or degraded, or is reasonably likely to, the ability to carry out banking operations, a business line, or operations whose failure would threaten financial stability (12 CFR §53.2(b)(7))',
    },
    threshold: null,
    clock: { anchor: 'determination', amount: 36, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['notice that a notification incident occurred (e-mail, telephone or other means the regulator prescribes)'],
    // Compliance date of 86 FR 66424 (effective 2022-04-01, compliance 2022-05-01).
    effectiveFrom: '2022-05-01',
    source: BANK_SOURCE,
    citation: '12 CFR §53.3 (OCC); §225.302 (FRB); §304.23 (FDIC)',
    verified: 'checked against the final rule in the Federal Register on 2026-12-06 (see source)',
  },
  {
    id: 'US.bank-service-provider',
    jurisdiction: 'US',
    regime: 'Computer-Security Incident Notification Rule (service provider)',
    recipient: 'controller',
    authority: { name: 'Affected banking-organisation customers (bank-designated point of contact)' },
    appliesIf: ['bank_service_provider'],
    scope: { kind: 'all' },
    trigger: INCIDENT,
    riskGate: { kind: 'significant_incident', note: 'covered services materially disrupted or degraded, or reasonably likely to be, for four or more hours' },
    threshold: null,
    clock: { anchor: 'determination', amount: null, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['notice of the incident to each affected bank customer'],
    effectiveFrom: '2022-05-01',
    source: BANK_SOURCE,
    citation: '12 CFR §53.4; §225.303; §304.24',
    verified: 'checked against the final rule in the Federal Register on 2026-12-06 (see source)',
  },
];
