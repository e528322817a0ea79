/**
 * United Kingdom — UK GDPR Arts 33–34 (ICO) and PECR reg. 5A for public electronic communications
 * providers. reference/breach-law.md §3. The UK is outside the EU one-stop-shop, so UK-affected
 * breaches need their own ICO notice whatever the EU position.
 */
import type { RuleInput } from '../rule.schema.js';

const ICO = {
  name: "Information Commissioner's Office (ICO)",
  url: 'https://ico.org.uk',
  portal: 'https://ico.org.uk/for-organisations/report-a-breach/',
  phone: '0303 123 1113',
};
const UK_GDPR_EFFECTIVE = '2021-01-01';
const V = 'reference/breach-law.md §3: UK GDPR 72 h [verified] there (secondary sources); ICO form URL [verified] there; phone number from general knowledge; not re-checked';

export const gbRules: RuleInput[] = [
  {
    id: 'GB.uk-gdpr.ico',
    jurisdiction: 'GB',
    regime: 'UK GDPR',
    recipient: 'regulator',
    authority: ICO,
    appliesIf: ['controller'],
    scope: { kind: 'establishment_or_residents', region: 'GB' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'gdpr_risk', note: 'unless unlikely to result in a risk to the rights and freedoms of natural persons' },
    threshold: null,
    clock: { anchor: 'awareness', amount: 72, unit: 'hours', urgency: 'without_undue_delay' },
    content: [
      'nature of the breach, categories and approximate numbers of data subjects and records',
      'name and contact details of the DPO or other contact point',
      'likely consequences',
      'measures taken or proposed',
      'if later than 72 hours: reasons for the delay',
    ],
    channels: ['ICO online breach-report form', 'telephone'],
    recordKeeping: 'Document the breach under UK GDPR Art. 33(5) whether or not it is notified',
    effectiveFrom: UK_GDPR_EFFECTIVE,
    citation: 'UK GDPR Art. 33',
    verified: `${V}. Start 2021-01-01 (end of the Brexit transition period) from general knowledge.`,
  },
  {
    id: 'GB.uk-gdpr.individuals',
    jurisdiction: 'GB',
    regime: 'UK GDPR',
    recipient: 'individuals',
    authority: null,
    appliesIf: ['controller'],
    scope: { kind: 'establishment_or_residents', region: 'GB' },
    trigger: {
      elements: { anyOf: [], combos: [] },
      breachMode: 'any',
      encryptionSafeHarbor: { applies: true, lostIfKeyCompromised: true, standard: 'Art. 34(3)(a)' },
    },
    riskGate: { kind: 'gdpr_high_risk' },
    threshold: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
    content: ['nature of the breach in clear and plain language', 'contact point', 'likely consequences', 'measures taken or proposed'],
    substituteNotice: 'Art. 34(3)(c): public communication where individual notice would involve disproportionate effort',
    effectiveFrom: UK_GDPR_EFFECTIVE,
    citation: 'UK GDPR Art. 34',
    verified: V,
  },
  {
    id: 'GB.uk-gdpr.processor',
    jurisdiction: 'GB',
    regime: 'UK GDPR',
    recipient: 'controller',
    authority: { name: 'The controller' },
    appliesIf: ['processor'],
    scope: { kind: 'establishment_or_residents', region: 'GB' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'none' },
    threshold: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_undue_delay' },
    content: ['the facts of the breach'],
    effectiveFrom: UK_GDPR_EFFECTIVE,
    citation: 'UK GDPR Art. 33(2)',
    verified: V,
  },
  {
    id: 'GB.pecr.ico',
    jurisdiction: 'GB',
    regime: 'PECR',
    recipient: 'regulator',
    authority: ICO,
    appliesIf: ['telecom_provider'],
    scope: { kind: 'establishment_or_residents', region: 'GB' },
    trigger: { elements: { anyOf: [], combos: [] }, breachMode: 'any', encryptionSafeHarbor: { applies: false, lostIfKeyCompromised: false } },
    riskGate: { kind: 'none', note: 'every personal-data breach of a public electronic communications service' },
    threshold: null,
    clock: {
      anchor: 'discovery',
      amount: 24,
      unit: 'hours',
      stages: [{ name: 'full details (if the initial notice was incomplete)', anchor: 'discovery', amount: 3, unit: 'calendar_days' }],
    },
    content: ['Commission Regulation (EU) No 611/2013 Annex I content (initial notice within 24 h; remainder within 3 days)'],
    channels: ['ICO PECR breach form'],
    recordKeeping: 'Keep an inventory of personal-data breaches (PECR reg. 5A(8))',
    effectiveFrom: UK_GDPR_EFFECTIVE,
    citation: 'PECR 2003 reg. 5A; retained Commission Regulation (EU) No 611/2013 Art. 2',
    verified: 'reference/breach-law.md §3 [verify against primary source] — 24 h / 3 days not re-checked; "3 days" counted as calendar days ending 23:59:59 London; start date = UK GDPR start (PECR 5A applied earlier)',
  },
];
