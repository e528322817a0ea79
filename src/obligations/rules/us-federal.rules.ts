/**
 * US federal and sector regimes: HIPAA, FTC Health Breach Notification Rule, FTC Safeguards Rule,
 * SEC Form 8-K Item 1.05, SEC Regulation S-P, NYDFS 23 NYCRR 500.17, the bank 36-hour rule, CIRCIA
 * (not in force), and the service-provider duty of the state laws. Each rule cites the official
 * text (eCFR, Federal Register, the regulator) and says what was confirmed and what was not.
 * Versions: a rule that replaced an earlier text carries `supersedes`; regimes that did not exist
 * before their effective date have no earlier version (no such duty then).
 */
import type { RuleInput } from '../rule.schema.js';
import { INCIDENT_TRIGGER, sourcesCheckedOn } from './rule-helpers.js';
import { usFinancialRules } from './us-financial.rules.js';
import { usHealthRules } from './us-health.rules.js';

const src = sourcesCheckedOn('2026-12-06');

/** The incident itself triggers these regimes, with or without personal data (issue 13 §1). */
const INCIDENT = INCIDENT_TRIGGER;

export const usFederalRules: RuleInput[] = [
  ...usHealthRules,
  ...usFinancialRules,
  // ---------------------------------------------------------------- CIRCIA: not in force
  {
    id: 'US.circia',
    jurisdiction: 'US',
    regime: 'CIRCIA',
    recipient: 'regulator',
    authority: { name: 'Cybersecurity and Infrastructure Security Agency (CISA)' },
    scope: { kind: 'all' },
    trigger: INCIDENT,
    riskGate: { kind: 'significant_incident' },
    threshold: null,
    clock: { anchor: 'determination', amount: 72, unit: 'hours' },
    content: ['covered cyber incident report within 72 hours of reasonable belief; ransom payment within 24 hours'],
    effectiveFrom: null,
    source: src(
      'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title6-section681b',
      '6 U.S.C. §681b (Cyber Incident Reporting for Critical Infrastructure Act of 2022)',
      'the statute: duties apply only from the effective date of CISA\'s final rule (§681b(b)), which has not taken effect as of the check date (proposed rule 89 FR 23644, 2024-04-04)',
    ),
    citation: '6 U.S.C. §681b',
    verified: 'statute checked on 2026-12-06: awaits the CISA final rule, so effectiveFrom is null (never selected)',
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
    source: src(
      'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82',
      'Cal. Civ. Code §1798.82(b) (the model of the service-provider duty; operative 2003-07-01)',
      'the California text: a person that maintains data it does not own notifies the owner or licensee immediately following discovery; other states vary (see their rule files)',
    ),
    citation: 'e.g. Cal. Civ. Code §1798.82(b); N.Y. Gen. Bus. Law §899-aa(3)',
    verified: 'general structure of the state laws; California text checked on 2026-12-06',
  },
];
