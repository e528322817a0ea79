/**
 * US federal and sector regimes: HIPAA, FTC Health Breach Notification Rule, FTC Safeguards Rule,
 * SEC Form 8-K Item 1.05, SEC Regulation S-P, NYDFS 23 NYCRR 500.17, the bank 36-hour rule and
 * CIRCIA (not in force). reference/breach-law.md §7 — every row there is [verify against primary
 * source] unless noted; none was re-checked against the CFR here.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';

const V7 = (section: string, extra = '') =>
  `from reference/breach-law.md ${section}, marked [verify against primary source] there; not re-checked against the CFR/statute${extra}`;

/** PHI: identifiable health, health-insurance or genetic information held by a covered entity. */
const PHI: ElementId[] = ['health', 'health_insurance', 'genetic'];
const phiTrigger = {
  elements: { anyOf: PHI, combos: [] },
  breachMode: 'access' as const,
  // "Unsecured PHI": PHI encrypted per HHS guidance (keys kept apart) is secured.
  encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'HHS guidance on rendering PHI unusable (NIST SP 800-111/800-52)' },
};
const hipaaGate = {
  kind: 'no_harm_determination' as const,
  note: 'four-factor risk assessment showing a low probability that the PHI has been compromised (45 CFR §164.402(2))',
  documentationYears: 6,
};
const hipaa = {
  jurisdiction: 'US',
  regime: 'HIPAA',
  appliesIf: ['hipaa_covered_entity' as const],
  scope: { kind: 'residents' as const },
  trigger: phiTrigger,
  riskGate: hipaaGate,
  effectiveFrom: '2009-09-23',
  verified: V7('§7.1', '; interim final rule effective 2009-09-23 from memory'),
};
const HHS = { name: 'U.S. Department of Health and Human Services, Office for Civil Rights', portal: 'https://ocrportal.hhs.gov/ocr/breach' };

const hbnr = {
  jurisdiction: 'US',
  regime: 'FTC Health Breach Notification Rule',
  appliesIf: ['phr_vendor' as const],
  scope: { kind: 'residents' as const },
  trigger: {
    elements: { anyOf: PHI, combos: [] },
    breachMode: 'access' as const,
    encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true },
  },
  riskGate: { kind: 'none' as const },
  effectiveFrom: '2024-07-29',
  verified: V7('§7.2', '; 2024 amendment effective 2024-07-29 from memory'),
};
const FTC = { name: 'Federal Trade Commission' };


/** SEC Form 8-K Item 1.05; smaller reporting companies from 2024-06-15 (Release 33-11216). */
const sec8k = (id: string, from: string, profile: Pick<RuleInput, 'appliesIf' | 'appliesUnless'>): RuleInput => ({
  id,
  jurisdiction: 'US',
  regime: 'SEC Form 8-K Item 1.05',
  recipient: 'regulator',
  authority: { name: 'U.S. Securities and Exchange Commission', portal: 'EDGAR' },
  appliesIf: ['public_company'],
  ...profile,
  scope: { kind: 'all' },
  // A cybersecurity incident need not involve personal data at all.
  trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
  riskGate: { kind: 'material', note: 'materiality determined without unreasonable delay after discovery' },
  threshold: null,
  clock: { anchor: 'materiality_determination', amount: 4, unit: 'business_days', holidays: 'US', timeZone: 'America/New_York' },
  content: [
    'material aspects of the nature, scope and timing of the incident',
    'material or reasonably likely material impact, including on financial condition and results of operations',
    'amend the 8-K for information not available at the first filing',
  ],
  channels: ['Form 8-K on EDGAR'],
  notes: 'Delay only if the US Attorney General notifies the SEC of a substantial risk to national security or public safety: 30 days, +30, +60 in extraordinary cases.',
  effectiveFrom: from,
  citation: 'SEC Release 33-11216 (2023); Form 8-K Item 1.05',
  verified: V7('§7.5'),
});

/** SEC Regulation S-P customer notice; compliance dates differ for larger and smaller entities. */
const regSP = (id: string, from: string, profile: Pick<RuleInput, 'appliesIf' | 'appliesUnless'>): RuleInput => ({
  id,
  jurisdiction: 'US',
  regime: 'SEC Regulation S-P',
  recipient: 'individuals',
  authority: null,
  ...profile,
  scope: { kind: 'residents' },
  trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'access', encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true } },
  riskGate: { kind: 'no_harm_determination', note: 'substantial harm or inconvenience not reasonably likely, after a reasonable investigation' },
  threshold: null,
  clock: { anchor: 'awareness', amount: 30, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
  content: ['description of the incident', 'types of sensitive customer information involved', 'what the customer can do', 'contact information'],
  notes: 'Service providers must notify the covered institution within 72 hours (not modelled as a separate rule).',
  effectiveFrom: from,
  citation: '17 CFR §248.30(a)(4)',
  verified: V7('§7.6', '; compliance dates 2025-12-03 (larger) / 2026-06-03 (smaller) from the reference'),
});

export const usFederalRules: RuleInput[] = [
  // ---------------------------------------------------------------- HIPAA (45 CFR 164.400–414)
  {
    ...hipaa,
    id: 'US.hipaa.individuals',
    recipient: 'individuals',
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_undue_delay' },
    content: [
      'what happened, including the date of the breach and the date of discovery',
      'types of unsecured PHI involved',
      'steps individuals should take to protect themselves',
      'what the covered entity is doing to investigate, mitigate and prevent',
      'contact procedures: toll-free number, e-mail, website or postal address',
    ],
    channels: ['first-class mail', 'e-mail if the individual agreed'],
    substituteNotice:
      'fewer than 10 unreachable: alternative written, telephone or other means; 10 or more: conspicuous website posting for 90 days or major print/broadcast media, plus a toll-free number for at least 90 days',
    citation: '45 CFR §164.404',
  },
  {
    ...hipaa,
    id: 'US.hipaa.hhs',
    recipient: 'regulator',
    authority: HHS,
    threshold: { count: 500, comparator: '>=', counted: 'individuals affected' },
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_undue_delay' },
    content: ['HHS breach report form'],
    channels: ['HHS OCR breach portal'],
    notes: 'Contemporaneously with the notice to individuals.',
    citation: '45 CFR §164.408(b)',
  },
  {
    ...hipaa,
    id: 'US.hipaa.hhs-annual',
    recipient: 'regulator',
    authority: HHS,
    threshold: { count: 500, comparator: '<', counted: 'individuals affected' },
    clock: { anchor: 'year_end', amount: 60, unit: 'calendar_days', urgency: 'annual' },
    content: ['entry in the annual breach log submitted to HHS'],
    channels: ['HHS OCR breach portal'],
    citation: '45 CFR §164.408(c)',
  },
  {
    ...hipaa,
    id: 'US.hipaa.media',
    recipient: 'media',
    authority: { name: 'Prominent media outlets serving the State or jurisdiction' },
    scope: { kind: 'max_per_jurisdiction', within: 'US' },
    threshold: { count: 500, comparator: '>', counted: 'residents of a single State or jurisdiction' },
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_undue_delay' },
    content: ['same content as the notice to individuals'],
    channels: ['press release to prominent media outlets'],
    citation: '45 CFR §164.406',
  },
  {
    ...hipaa,
    id: 'US.hipaa.business-associate',
    recipient: 'controller',
    authority: { name: 'The covered entity' },
    appliesIf: ['hipaa_business_associate'],
    threshold: null,
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_undue_delay' },
    content: ['identification of each individual affected', 'information the covered entity needs for its notices'],
    citation: '45 CFR §164.410',
  },
  // ---------------------------------------------------------------- FTC HBNR (16 CFR 318)
  {
    ...hbnr,
    id: 'US.ftc-hbnr.individuals',
    recipient: 'individuals',
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_undue_delay' },
    content: ['what happened', 'types of information involved', 'steps individuals should take', 'what the entity is doing', 'contact procedures'],
    citation: '16 CFR §318.4',
  },
  {
    ...hbnr,
    id: 'US.ftc-hbnr.ftc',
    recipient: 'regulator',
    authority: FTC,
    threshold: { count: 500, comparator: '>=', counted: 'individuals affected' },
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_undue_delay' },
    content: ['FTC breach notification form'],
    notes: 'At the same time as the notice to individuals.',
    citation: '16 CFR §318.5(c)',
  },
  {
    ...hbnr,
    id: 'US.ftc-hbnr.ftc-annual',
    recipient: 'regulator',
    authority: FTC,
    threshold: { count: 500, comparator: '<', counted: 'individuals affected' },
    clock: { anchor: 'year_end', amount: 60, unit: 'calendar_days', urgency: 'annual' },
    content: ['entry in the annual breach log'],
    citation: '16 CFR §318.5(c)',
  },
  {
    ...hbnr,
    id: 'US.ftc-hbnr.media',
    recipient: 'media',
    authority: { name: 'Prominent media outlets serving the State or jurisdiction' },
    scope: { kind: 'max_per_jurisdiction', within: 'US' },
    threshold: { count: 500, comparator: '>', counted: 'residents of a single State or jurisdiction' },
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_undue_delay' },
    content: ['same content as the notice to individuals'],
    citation: '16 CFR §318.5(b)',
  },
  // ---------------------------------------------------------------- GLBA Safeguards (16 CFR 314.4(j))
  {
    id: 'US.ftc-safeguards.ftc',
    jurisdiction: 'US',
    regime: 'FTC Safeguards Rule',
    recipient: 'regulator',
    authority: { name: 'Federal Trade Commission', portal: 'FTC online Safeguards Rule notification form' },
    appliesIf: ['glba_ftc_institution'],
    scope: { kind: 'residents' },
    // "Customer information": non-public personal information about a customer; any element.
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'acquisition', encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true } },
    riskGate: { kind: 'none', note: 'unauthorised acquisition is presumed on unauthorised access unless reliable evidence shows otherwise' },
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
    citation: '16 CFR §314.4(j)',
    verified: V7('§7.3', '; threshold and deadline [verified] there (hardlinelending.com summary)'),
  },
  // ---------------------------------------------------------------- SEC Form 8-K Item 1.05
  sec8k('US.sec-8k', '2023-12-18', { appliesUnless: ['smaller_reporting_company'] }),
  sec8k('US.sec-8k.smaller', '2024-06-15', { appliesIf: ['public_company', 'smaller_reporting_company'] }),
  // ---------------------------------------------------------------- SEC Regulation S-P
  regSP('US.sec-regsp.individuals', '2025-12-03', { appliesIf: ['sec_regsp_institution'], appliesUnless: ['sec_regsp_smaller'] }),
  regSP('US.sec-regsp.individuals.smaller', '2026-06-03', { appliesIf: ['sec_regsp_smaller'] }),
  // ---------------------------------------------------------------- NYDFS 23 NYCRR 500.17
  {
    id: 'US-NY.dfs-500.17',
    jurisdiction: 'US-NY',
    regime: 'NYDFS Cybersecurity Regulation',
    recipient: 'regulator',
    authority: { name: 'New York Superintendent of Financial Services', portal: 'DFS Portal' },
    appliesIf: ['nydfs_covered'],
    scope: { kind: 'all' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: {
      kind: 'significant_incident',
      note: 'requires notice to another regulator, is reasonably likely to materially harm normal operations, or involves ransomware in a material part of the systems',
    },
    threshold: null,
    clock: { anchor: 'determination', amount: 72, unit: 'hours' },
    content: ['information about the incident, updated as it becomes known'],
    channels: ['DFS Portal'],
    effectiveFrom: '2023-11-01',
    citation: '23 NYCRR §500.17(a)',
    verified: V7('§7.7'),
  },
  {
    id: 'US-NY.dfs-500.17.extortion',
    jurisdiction: 'US-NY',
    regime: 'NYDFS Cybersecurity Regulation (extortion payment)',
    recipient: 'regulator',
    authority: { name: 'New York Superintendent of Financial Services', portal: 'DFS Portal' },
    appliesIf: ['nydfs_covered'],
    scope: { kind: 'all' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: {
      anchor: 'extortion_payment',
      amount: 24,
      unit: 'hours',
      stages: [{ name: 'written explanation of the payment', anchor: 'extortion_payment', amount: 30, unit: 'calendar_days' }],
    },
    content: ['notice of the extortion payment', 'within 30 days: why payment was necessary, alternatives considered, sanctions diligence'],
    effectiveFrom: '2023-11-01',
    citation: '23 NYCRR §500.17(c)',
    verified: V7('§7.7'),
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
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'significant_incident', note: '"notification incident": material disruption or degradation of operations' },
    threshold: null,
    clock: { anchor: 'determination', amount: 36, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['notice that a notification incident occurred'],
    effectiveFrom: '2022-04-01',
    citation: '12 CFR Part 53 (OCC); 12 CFR Part 225 Subpart N (FRB); 12 CFR Part 304 Subpart C (FDIC)',
    verified: V7('§7.4'),
  },
  {
    id: 'US.bank-service-provider',
    jurisdiction: 'US',
    regime: 'Computer-Security Incident Notification Rule (service provider)',
    recipient: 'controller',
    authority: { name: 'Affected banking-organisation customers' },
    appliesIf: ['bank_service_provider'],
    scope: { kind: 'all' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'significant_incident', note: 'services disrupted or degraded for 4 hours or more' },
    threshold: null,
    clock: { anchor: 'determination', amount: null, unit: 'hours', urgency: 'as_soon_as_possible' },
    content: ['notice of the incident to each affected bank customer'],
    effectiveFrom: '2022-04-01',
    citation: '12 CFR §53.4; §225.303; §304.24',
    verified: V7('§7.4'),
  },
  // ---------------------------------------------------------------- CIRCIA: not in force
  {
    id: 'US.circia',
    jurisdiction: 'US',
    regime: 'CIRCIA',
    recipient: 'regulator',
    authority: { name: 'Cybersecurity and Infrastructure Security Agency (CISA)' },
    scope: { kind: 'all' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'significant_incident' },
    threshold: null,
    clock: { anchor: 'determination', amount: 72, unit: 'hours' },
    content: ['covered cyber incident report; ransom payment within 24 hours'],
    effectiveFrom: null,
    citation: '6 U.S.C. §681b',
    verified: V7('§7.8', '; awaits CISA final rule: effectiveFrom null (never selected)'),
  },
  // ---------------------------------------------------------------- Vendors → data owners (state laws)
  {
    id: 'US.vendor-to-owner',
    jurisdiction: 'US',
    regime: 'US state breach-notification laws (service providers)',
    recipient: 'controller',
    authority: { name: 'The owner or licensee of the data' },
    appliesIf: ['processor'],
    scope: { kind: 'residents' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'access', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: { anchor: 'discovery', amount: null, unit: 'calendar_days', urgency: 'immediately' },
    content: ['the breach and the data concerned, so the owner can notify'],
    notes: 'Some states set days (NY 30 since 2024-12-21; FL 10, rule US-FL.controller). The owner carries the notice duties.',
    effectiveFrom: '2003-07-01',
    citation: 'e.g. Cal. Civ. Code §1798.82(b); N.Y. Gen. Bus. Law §899-aa(3)',
    verified: 'general structure of state laws per reference/breach-law.md §6.2 (NY vendors within 30 days); not re-checked',
  },
];
