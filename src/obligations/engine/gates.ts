/**
 * The risk-of-harm gates (rule.schema.ts riskGateSchema.kind), each read from `facts.risk`.
 */
import type { BreachFacts } from '../facts.schema.js';
import type { Rule } from '../rule.schema.js';

export type Gate = { pass: boolean | 'review'; why: string };

const fromDecision = (v: boolean | null, yes: string, no: string, open: string): Gate =>
  v === true ? { pass: true, why: yes } : v === false ? { pass: false, why: no } : { pass: 'review', why: open };

export const gateOf = (rule: Rule, facts: BreachFacts): Gate => {
  const r = facts.risk;
  const docs = rule.riskGate.documentationYears ? `; keep the written determination ${rule.riskGate.documentationYears} years` : '';
  switch (rule.riskGate.kind) {
    case 'none':
      return { pass: true, why: 'no risk-of-harm exception in this law' };
    case 'no_harm_determination':
      return r.noHarmDetermination
        ? { pass: false, why: `documented determination that harm/misuse is not reasonably likely${docs}${rule.riskGate.note ? ` (${rule.riskGate.note})` : ''}` }
        : { pass: true, why: 'no documented no-harm determination' };
    case 'no_harm_determination_made':
      return r.noHarmDetermination
        ? { pass: true, why: `the organisation determined that notice to individuals is not required: this recipient receives that determination${docs}` }
        : { pass: false, why: 'only when the organisation decides, on a documented no-harm determination, not to notify individuals' };
    case 'gdpr_risk':
      if (r.gdpr === null) return { pass: 'review', why: 'GDPR risk level not yet confirmed by a person (see severity.suggestedGdprRisk)' };
      return r.gdpr === 'unlikely'
        ? { pass: false, why: 'confirmed: unlikely to result in a risk to rights and freedoms (Art. 33(1))' }
        : { pass: true, why: `confirmed GDPR risk level: ${r.gdpr}` };
    case 'gdpr_high_risk': {
      if (r.gdpr === null) return { pass: 'review', why: 'GDPR risk level not yet confirmed by a person (see severity.suggestedGdprRisk)' };
      if (r.gdpr !== 'high') return { pass: false, why: `confirmed GDPR risk level is ${r.gdpr}, not high (Art. 34(1))` };
      const ex = r.art34Exemptions;
      if (ex.a) return { pass: false, why: 'Art. 34(3)(a): measures rendered the data unintelligible (e.g. encryption)' };
      if (ex.b) return { pass: false, why: 'Art. 34(3)(b): subsequent measures ensure the high risk is no longer likely to materialise' };
      if (ex.c) return { pass: true, why: 'high risk; Art. 34(3)(c) disproportionate effort: use a public communication instead' };
      return { pass: true, why: 'confirmed: likely to result in a high risk (Art. 34(1)); no Art. 34(3) exemption claimed' };
    }
    case 'significant_harm':
      return fromDecision(
        r.significantHarm,
        'determined: real risk of significant/serious harm',
        'determined: no real risk of significant/serious harm',
        'risk-of-harm determination not yet made (facts.risk.significantHarm)',
      );
    case 'categories':
      return { pass: false, why: 'none of the reportable categories applies' };
    case 'material':
      return fromDecision(r.material, 'determined material', 'determined not material', 'materiality not yet determined (facts.risk.material)');
    case 'significant_incident':
      return fromDecision(
        r.significantIncident,
        'the incident meets the regime\'s significance test',
        'the incident does not meet the regime\'s significance test',
        'significance of the incident not yet determined (facts.risk.significantIncident)',
      );
  }
};
