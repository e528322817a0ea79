/**
 * US federal health regimes: HIPAA (45 CFR 164.400–414) and the FTC Health Breach Notification
 * Rule (16 CFR 318, 2009 and 2024 texts). Each rule cites the official text and says what was
 * confirmed and what was not; part of `usFederalRules` (us-federal.rules.ts).
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import type { RuleInput } from '../rule.schema.js';
import { sourcesCheckedOn } from './rule-helpers.js';

const src = sourcesCheckedOn('2026-12-06');

// ------------------------------------------------------------------------------------- HIPAA
/** PHI: identifiable health, health-insurance or genetic information held by a covered entity. */
const PHI: ElementId[] = ['health', 'health_insurance', 'genetic'];
const HIPAA_SOURCE = src(
  'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D',
  '45 CFR Part 164 Subpart D — Notification in the Case of Breach of Unsecured Protected Health Information (§§164.400–414)',
  'eCFR current text of §§164.402–410 (periods, 500 thresholds, media ">500 residents of a State", annual log within 60 days after the end of each calendar year); effective date of the current harm standard (Omnibus Rule, 78 FR 5566, compliance 2013-09-23) recalled, not re-read; the interim final rule effective 2009-09-23 confirmed in 74 FR 42740',
);
const hipaa = {
  jurisdiction: 'US',
  regime: 'HIPAA',
  appliesIf: ['hipaa_covered_entity' as const],
  // A covered entity notifies every affected individual, wherever they live.
  scope: { kind: 'all' as const },
  trigger: {
    elements: { anyOf: PHI, combos: [] },
    breachMode: 'access' as const,
    // §164.402(1)(i): unintentional good-faith acquisition by a workforce member is not a breach.
    notIf: [{ fact: 'goodFaithEmployee' as const, why: 'unintentional good-faith acquisition, access or use by a workforce member within the scope of authority, not further used or disclosed, is not a breach (45 CFR §164.402(1)(i))' }],
    // "Unsecured PHI": PHI encrypted per HHS guidance (keys kept apart) is secured.
    encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'HHS guidance on rendering PHI unusable (NIST SP 800-111/800-52)' },
  },
  riskGate: {
    kind: 'no_harm_determination' as const,
    basis: 'element' as const,
    standard: 'a low probability that the protected health information has been compromised based on a risk assessment of at least the four factors',
    note: '45 CFR §164.402(2); the burden of proof is on the covered entity (§164.414(b))',
    conditions: { inadvertentOnly: false, authorisedPersonOnly: false, consultWith: [], inWriting: true },
    documentationYears: 6,
  },
  effectiveFrom: '2013-09-23',
  source: HIPAA_SOURCE,
  verified: 'checked against the eCFR text of 45 CFR §§164.402–410 on 2026-12-06 (see source)',
};
const HHS = { name: 'U.S. Department of Health and Human Services, Office for Civil Rights', portal: 'https://ocrportal.hhs.gov/ocr/breach' };

// ------------------------------------------------------------------------------------- FTC HBNR
const HBNR_2024 = src(
  'https://www.federalregister.gov/documents/2024/05/30/2024-10855/health-breach-notification-rule',
  'Health Breach Notification Rule, 16 CFR Part 318, as amended by 89 FR 47028 (2024-05-30), effective 2024-07-29',
  'Federal Register final rule (effective date 2024-07-29; FTC notice for 500 or more "without unreasonable delay and in no case later than 60 calendar days after discovery"); eCFR §318.5(a) form of individual notice; the presumption of acquisition from access in §318.2 recalled from the rule text, not re-read',
);
const HBNR_2009 = src(
  'https://www.federalregister.gov/citation/74-FR-42962',
  'Health Breach Notification Rule, 16 CFR Part 318, 74 FR 42962 (2009-08-25), effective 2009-09-24',
  'FTC statements of the 2009 rule: individuals within 60 days after discovery, FTC within 10 business days when 500 or more are affected (FTC rule-review notice 2020, 85 FR 31085, as reported); the 2009 Federal Register text itself not re-read',
);
const hbnrBase = {
  jurisdiction: 'US',
  regime: 'FTC Health Breach Notification Rule',
  appliesIf: ['phr_vendor' as const],
  scope: { kind: 'all' as const },
  trigger: {
    elements: { anyOf: PHI, combos: [] },
    breachMode: 'acquisition' as const,
    // §318.2: unauthorised acquisition is presumed to include unauthorised access unless the entity
    // has reliable evidence that there was none (or it could not reasonably have happened).
    acquisitionPresumedFromAccess: true,
    encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'HHS guidance on securing PHI' },
  },
  riskGate: { kind: 'none' as const },
};
const FTC = { name: 'Federal Trade Commission', portal: 'https://www.ftc.gov/business-guidance/resources/health-breach-notification-rule' };
const hbnr = (version: '2009' | '2024'): RuleInput[] => {
  const v2024 = version === '2024';
  const id = (s: string) => (v2024 ? `US.ftc-hbnr.${s}` : `US.ftc-hbnr.${s}.2009`);
  const dates = v2024 ? { effectiveFrom: '2024-07-29', source: HBNR_2024 } : { effectiveFrom: '2009-09-24', effectiveTo: '2024-07-28', source: HBNR_2009 };
  const chain = (s: string) => (v2024 ? { supersedes: `US.ftc-hbnr.${s}.2009` } : {});
  const verified = `checked against ${v2024 ? 'the 2024 amending rule in the Federal Register' : 'FTC statements of the 2009 rule'} on 2026-12-06 (see source)`;
  return [
    {
      ...hbnrBase,
      ...dates,
      ...chain('individuals'),
      id: id('individuals'),
      recipient: 'individuals',
      electronicNotice: { allowed: 'consent', basis: '16 CFR §318.5(a)(1) (FTC Health Breach Notification Rule) — text on the form of notice not read (2026-12-07): e-mail only with the individual’s consent, the conservative reading' },
      authority: null,
      threshold: null,
      clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_unreasonable_delay' },
      content: ['what happened', 'types of information involved', 'steps individuals should take', 'what the entity is doing', 'contact procedures'],
      citation: v2024 ? '16 CFR §318.4(a) (as amended 2024)' : '16 CFR §318.4(a) (2009)',
      verified,
    },
    {
      ...hbnrBase,
      ...dates,
      ...chain('ftc'),
      id: id('ftc'),
      recipient: 'regulator',
      authority: FTC,
      threshold: { count: 500, comparator: '>=', counted: 'individuals affected' },
      clock: v2024
        ? { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_unreasonable_delay' }
        : { anchor: 'discovery', amount: 10, unit: 'business_days', urgency: 'as_soon_as_possible', holidays: 'US', timeZone: 'America/New_York' },
      content: ['FTC breach notification form'],
      notes: v2024 ? 'Contemporaneously with the notice to individuals.' : 'Within ten business days following the date of discovery (2009 text).',
      citation: v2024 ? '16 CFR §318.5(c) (as amended 2024)' : '16 CFR §318.5(c) (2009)',
      verified,
    },
    {
      ...hbnrBase,
      ...dates,
      ...chain('ftc-annual'),
      id: id('ftc-annual'),
      recipient: 'regulator',
      authority: FTC,
      threshold: { count: 500, comparator: '<', counted: 'individuals affected' },
      clock: { anchor: 'year_end', amount: 60, unit: 'calendar_days', urgency: 'annual' },
      content: ['entry in the annual breach log'],
      citation: v2024 ? '16 CFR §318.5(c) (as amended 2024)' : '16 CFR §318.5(c) (2009)',
      verified,
    },
    {
      ...hbnrBase,
      ...dates,
      ...chain('media'),
      id: id('media'),
      recipient: 'media',
      authority: { name: 'Prominent media outlets serving the State or jurisdiction' },
      scope: { kind: 'max_per_jurisdiction', within: 'US' },
      threshold: { count: 500, comparator: '>', counted: 'residents of a single State or jurisdiction' },
      clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_unreasonable_delay' },
      content: ['same content as the notice to individuals'],
      citation: v2024 ? '16 CFR §318.5(b) (as amended 2024)' : '16 CFR §318.5(b) (2009)',
      verified,
    },
  ];
};


export const usHealthRules: RuleInput[] = [
  // ---------------------------------------------------------------- HIPAA (45 CFR 164.400–414)
  {
    ...hipaa,
    id: 'US.hipaa.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent', basis: '45 CFR §164.404(d)(1)(i): first-class mail, or e-mail "if the individual agrees to electronic notice and such agreement has not been withdrawn" (text read in the stored copy of §164.404(d) at brickergraydon.com, 2026-12-07)' },
    authority: null,
    threshold: null,
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_unreasonable_delay' },
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
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_unreasonable_delay' },
    content: ['HHS breach report form'],
    channels: ['HHS OCR breach portal'],
    notes: 'Contemporaneously with the notice to individuals (§164.408(b)).',
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
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_unreasonable_delay' },
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
    clock: { anchor: 'discovery', amount: 60, unit: 'calendar_days', urgency: 'without_unreasonable_delay' },
    content: ['identification of each individual affected', 'information the covered entity needs for its notices'],
    citation: '45 CFR §164.410',
  },
  // ---------------------------------------------------------------- FTC HBNR (16 CFR 318)
  ...hbnr('2009'),
  ...hbnr('2024'),
];
