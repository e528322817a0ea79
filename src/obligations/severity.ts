/**
 * ENISA 2013 severity of a personal-data breach ("Recommendations for a methodology of the
 * assessment of severity of personal data breaches", v1.0, Dec 2013; reference/breach-law.md §5):
 *   SE = DPC × EI + CB, bands Low < 2 ≤ Medium < 3 ≤ High < 4 ≤ Very high.
 * ENISA is advisory (§5.7): it only *suggests* a GDPR risk level; a human confirms it.
 * Every input is recorded with where it came from (the facts, or derived here and why).
 */
import type { ElementId } from '../assessment/scanner/types.js';
import type { BreachFacts, SeverityInput } from './facts.schema.js';

export type DpcCategory = 'simple' | 'behavioural' | 'financial' | 'sensitive';
export type SeverityBand = 'low' | 'medium' | 'high' | 'very_high';
export type GdprRiskLevel = 'unlikely' | 'risk' | 'high';

/** Base DPC scores (ENISA Assessment Table 1). */
export const DPC_BASE: Record<DpcCategory, number> = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 };

export interface Severity {
  method: 'ENISA 2013';
  score: number;
  band: SeverityBand;
  dpc: {
    category: DpcCategory;
    base: number;
    adjustments: { delta: number; reason: string }[];
    score: number;
    source: 'facts' | 'derived';
    reason: string;
  };
  ei: { value: number; level: string; source: 'facts' | 'derived'; reason: string };
  cb: {
    confidentiality: number;
    integrity: number;
    availability: number;
    malicious: number;
    total: number;
    source: 'facts' | 'derived';
    reason: string;
  };
  /** Criteria weighed outside the formula (ENISA final-score step, §5.6). */
  overlays: { individuals: number; unintelligible: boolean };
  suggestedGdprRisk: GdprRiskLevel;
  confirmedGdprRisk: GdprRiskLevel | null;
  art34Exemptions: { a: boolean; b: boolean; c: boolean };
}

export const bandOf = (score: number): SeverityBand =>
  score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'very_high';

/** §5.7 indicative mapping: Low → unlikely, Medium → risk, High / Very high → high. */
export const suggestedRiskOf = (band: SeverityBand): GdprRiskLevel =>
  band === 'low' ? 'unlikely' : band === 'medium' ? 'risk' : 'high';

const EI_LEVELS: Record<number, string> = { 0.25: 'negligible', 0.5: 'limited', 0.75: 'significant', 1: 'maximum' };

/** DPC = base + whole-step adjustments, clamped to 1–4 ("can always vary from 1 to 4"). */
export const dpcScore = (category: DpcCategory, adjustments: { delta: number }[]): number => {
  const raw = adjustments.reduce((s, a) => s + a.delta, DPC_BASE[category]);
  return Math.min(4, Math.max(1, raw));
};

/** SE = DPC × EI + CB, rounded to the quarter-point grid the inputs live on. */
export const severityScore = (dpc: number, ei: number, cb: number): number => Math.round((dpc * ei + cb) * 100) / 100;

const SENSITIVE: ElementId[] = ['health', 'health_insurance', 'biometric', 'genetic', 'special_category'];
const FINANCIAL: ElementId[] = [
  'payment_card',
  'card_security_code',
  'bank_account',
  'iban',
  'us_routing_number',
  'tax_id',
  'us_itin',
];
const BEHAVIOURAL: ElementId[] = ['geolocation', 'ip_address', 'device_id', 'license_plate'];
const DIRECT_IDENTIFIERS: ElementId[] = [
  'person_name',
  'us_ssn',
  'national_id',
  'passport_number',
  'drivers_license',
  'biometric',
];
const INDIRECT_IDENTIFIERS: ElementId[] = ['email', 'phone', 'postal_address', 'username', 'date_of_birth', 'iban'];

/** Highest category of any element (§5.2 step 3); credentials are scored as Simple unless told. */
export const deriveCategory = (elements: Set<ElementId>): { category: DpcCategory; reason: string } => {
  const has = (list: ElementId[]) => list.filter((e) => elements.has(e));
  if (has(SENSITIVE).length) return { category: 'sensitive', reason: `sensitive elements: ${has(SENSITIVE).join(', ')}` };
  if (has(FINANCIAL).length) return { category: 'financial', reason: `financial elements: ${has(FINANCIAL).join(', ')}` };
  if (has(BEHAVIOURAL).length)
    return { category: 'behavioural', reason: `behavioural elements: ${has(BEHAVIOURAL).join(', ')}` };
  return {
    category: 'simple',
    reason:
      'only simple data (identity/contact); credentials take the category of what they unlock — give dpc in the facts if they unlock more',
  };
};

const deriveEi = (elements: Set<ElementId>): { value: number; reason: string } => {
  const direct = DIRECT_IDENTIFIERS.filter((e) => elements.has(e));
  if (direct.length) return { value: 1, reason: `direct identifiers present: ${direct.join(', ')}` };
  const indirect = INDIRECT_IDENTIFIERS.filter((e) => elements.has(e));
  if (indirect.length) return { value: 0.75, reason: `identification reasonably easy from ${indirect.join(', ')}` };
  return { value: 0.5, reason: 'no direct or contact identifiers among the elements' };
};

const deriveCb = (facts: BreachFacts): Omit<Severity['cb'], 'total' | 'source'> => {
  const b = facts.breach;
  const reasons: string[] = [];
  let confidentiality = 0;
  if (b.types.includes('confidentiality')) {
    // The stated exposure decides first (issue 20 §2: a public paste site is not "limited recipients").
    if (b.exposure === 'public' || b.exposure === 'unknown_recipients') {
      confidentiality = 0.5;
      reasons.push(`C 0.5: exposed to an unknown number of recipients (${b.exposure === 'public' ? 'published' : 'recipients unknown'})`);
    } else if (b.exposure === 'known_recipients' || b.exposure === 'internal') {
      confidentiality = 0.25;
      reasons.push(`C 0.25: exposed to ${b.exposure === 'internal' ? 'people inside the organisation' : 'a known set of recipients'}`);
    } else if (b.acquisition && b.malicious) {
      confidentiality = 0.5;
      reasons.push('C 0.5: acquired in a malicious act, recipients unknown');
    } else if (b.acquisition || b.access) {
      confidentiality = 0.25;
      reasons.push('C 0.25: exposed to a limited or known set of recipients');
    } else reasons.push('C 0: exposed, no evidence of illegal processing');
  }
  const integrity = b.types.includes('integrity') ? 0.25 : 0;
  if (integrity) reasons.push('I 0.25: altered, assumed recoverable (give cb.integrity 0.5 if not)');
  const availability = b.types.includes('availability') ? 0.25 : 0;
  if (availability) reasons.push('A 0.25: temporary unavailability assumed (give cb.availability 0.5 if lost)');
  const malicious = b.malicious ? 0.5 : 0;
  if (malicious) reasons.push('M 0.5: intentional act');
  return { confidentiality, integrity, availability, malicious, reason: reasons.join('; ') || 'no circumstance adds' };
};

export const computeSeverity = (facts: BreachFacts, input: SeverityInput | undefined = facts.severity): Severity => {
  const elements = new Set<ElementId>(facts.population.flatMap((p) => p.elements));
  const derivedCat = deriveCategory(elements);
  const category = input?.dpc?.category ?? derivedCat.category;
  const adjustments = input?.dpc?.adjustments ?? [];
  const dpc = dpcScore(category, adjustments);

  const derivedEi = deriveEi(elements);
  const ei = input?.ei ?? derivedEi.value;

  const derivedCb = deriveCb(facts);
  const cbIn = input?.cb;
  const cb = cbIn
    ? {
        confidentiality: cbIn.confidentiality,
        integrity: cbIn.integrity,
        availability: cbIn.availability,
        malicious: cbIn.malicious ? 0.5 : 0,
        reason: 'given in facts.severity.cb',
      }
    : derivedCb;
  const cbTotal = cb.confidentiality + cb.integrity + cb.availability + cb.malicious;

  const score = severityScore(dpc, ei, cbTotal);
  const band = bandOf(score);
  const individuals = facts.population.reduce((s, p) => s + p.individuals, 0);
  return {
    method: 'ENISA 2013',
    score,
    band,
    dpc: {
      category,
      base: DPC_BASE[category],
      adjustments,
      score: dpc,
      source: input?.dpc ? 'facts' : 'derived',
      reason: input?.dpc ? 'given in facts.severity.dpc' : derivedCat.reason,
    },
    ei: {
      value: ei,
      level: EI_LEVELS[ei],
      source: input?.ei !== undefined ? 'facts' : 'derived',
      reason: input?.ei !== undefined ? 'given in facts.severity.ei' : derivedEi.reason,
    },
    cb: { ...cb, total: cbTotal, source: cbIn ? 'facts' : 'derived' },
    overlays: { individuals, unintelligible: facts.breach.encrypted && facts.breach.keyCompromised === false },
    suggestedGdprRisk: suggestedRiskOf(band),
    confirmedGdprRisk: facts.risk.gdpr,
    art34Exemptions: facts.risk.art34Exemptions,
  };
};
