/**
 * The risk-of-harm gates (rule.schema.ts riskGateSchema.kind), each read from `facts.risk`.
 */
import type { BreachFacts } from '../facts.schema.js';
import type { Rule } from '../rule.schema.js';

/** `question` (for `review`): what a person must settle, naming the fact to set. */
export type Gate = { pass: boolean | 'review'; why: string; question?: string };

const fromDecision = (v: boolean | null, yes: string, no: string, open: string, question: string): Gate =>
  v === true ? { pass: true, why: yes } : v === false ? { pass: false, why: no } : { pass: 'review', why: open, question };

type Exception = { available: true; why: string } | { available: false; why: string } | { available: 'review'; why: string; question: string };

const CONSULTEE_WORDS: Record<string, string> = {
  law_enforcement: 'law enforcement',
  federal_law_enforcement: 'federal law enforcement',
  attorney_general: 'the Attorney General',
  regulator: 'the regulator',
};

/**
 * Is the statute's no-harm exception available on these facts? Only within its scope (issue 13 §2):
 * NY GBL §899-aa(2)(a) covers only an *inadvertent* disclosure by persons *authorised* to access
 * the data; DC Code §28-3852(g) needs consultation with the OAG and federal law enforcement;
 * FL Stat. §501.171(4)(c) needs consultation with law enforcement and a written determination.
 */
export const noHarmException = (rule: Rule, facts: BreachFacts): Exception => {
  const r = facts.risk;
  const b = facts.breach;
  const g = rule.riskGate;
  const docs = g.documentationYears ? `; keep the written determination ${g.documentationYears} years` : '';
  if (!r.noHarmDetermination) return { available: false, why: 'no no-harm determination recorded' };
  const c = g.conditions;
  if (c?.inadvertentOnly && b.malicious)
    return { available: false, why: 'the no-harm exception covers only an inadvertent disclosure; this breach was an intentional act' };
  if (c?.authorisedPersonOnly) {
    if (b.byAuthorisedPerson === false)
      return { available: false, why: 'the no-harm exception covers only a disclosure by persons authorised to access the data' };
    if (b.byAuthorisedPerson === null)
      return {
        available: 'review',
        why: 'no-harm exception only for a disclosure by persons authorised to access the data — missing: breach.byAuthorisedPerson',
        question: 'Was the disclosure made by a person authorised to access the data (employee, agent)? Set breach.byAuthorisedPerson.',
      };
  }
  const missing = (c?.consultWith ?? []).filter((x) => !r.consultedWith.includes(x));
  if (missing.length) {
    const who = missing.map((m) => CONSULTEE_WORDS[m]).join(' and ');
    return {
      available: 'review',
      why: `no-harm exception only after consulting ${who} — missing: risk.consultedWith`,
      question: `Was ${who} consulted before the no-harm determination? Record it in risk.consultedWith; without it notice is required.`,
    };
  }
  if (c?.inWriting && !r.noHarmDeterminedAt)
    return {
      available: 'review',
      why: 'no-harm exception only with a written determination — missing: risk.noHarmDeterminedAt',
      question: 'Was the no-harm determination documented in writing, and on what date? Set risk.noHarmDeterminedAt.',
    };
  if (c?.unconfirmed)
    return {
      available: 'review',
      why: `no-harm exception claimed, but this rule set has not confirmed the statute's standard: ${c.unconfirmed}`,
      question: `Does the no-harm finding meet this statute's standard? Check its text (${c.unconfirmed}).`,
    };
  const standard = g.standard ? `: "${g.standard}"` : '';
  const basis = g.basis === 'element' ? 'harm is an element of the breach definition; ' : '';
  return { available: true, why: `${basis}documented determination that harm/misuse is not reasonably likely${standard}${docs}${g.note ? ` (${g.note})` : ''}` };
};

/**
 * The record a no-harm determination leaves behind when it removes a duty: statutes that allow the
 * finding make the organisation keep it (N.J.S.A. 56:8-163(a), N.Y. GBL §899-aa(2)(a), Fla. Stat.
 * §501.171(4)(c): five years; Md. Com. Law §14-3504(b)(4): three; HIPAA 45 CFR §164.530(j): six).
 * It holds whether or not any notice is sent, so it belongs with the other record-keeping duties,
 * not only in the `why` of an answer that says "not required". Null when the exception is not
 * relied on here or the statute sets no period.
 */
export const determinationRecord = (rule: Rule, facts: BreachFacts): string | null => {
  const g = rule.riskGate;
  if (g.kind !== 'no_harm_determination' || !g.documentationYears || !facts.risk.noHarmDetermination) return null;
  if (noHarmException(rule, facts).available !== true) return null;
  return `Keep the written no-harm determination (and what it rests on) for ${g.documentationYears} years after it was made${g.note ? ` (${g.note})` : ''}`;
};

/** What a gate says when it simply passes: nothing to settle, left out of review reasons (engine.ts). */
const NO_EXCEPTION = 'no risk-of-harm exception in this law';
const NO_DETERMINATION = 'no documented no-harm determination';
export const PASSING_NOTES: ReadonlySet<string> = new Set([NO_EXCEPTION, NO_DETERMINATION]);

export const gateOf = (rule: Rule, facts: BreachFacts): Gate => {
  const r = facts.risk;
  switch (rule.riskGate.kind) {
    case 'none':
      return { pass: true, why: NO_EXCEPTION };
    case 'no_harm_determination': {
      if (!r.noHarmDetermination) return { pass: true, why: NO_DETERMINATION };
      const ex = noHarmException(rule, facts);
      if (ex.available === 'review') return { pass: 'review', why: ex.why, question: ex.question };
      return ex.available ? { pass: false, why: ex.why } : { pass: true, why: ex.why };
    }
    case 'no_harm_determination_made': {
      if (!r.noHarmDetermination)
        return { pass: false, why: 'only when the organisation decides, on a documented no-harm determination, not to notify individuals' };
      const ex = noHarmException(rule, facts);
      if (ex.available === 'review') return { pass: 'review', why: ex.why, question: ex.question };
      const docs = rule.riskGate.documentationYears ? `; keep the written determination ${rule.riskGate.documentationYears} years` : '';
      return ex.available
        ? { pass: true, why: `the organisation determined that notice to individuals is not required: this recipient receives that determination${docs}` }
        : { pass: false, why: `the no-harm determination does not exempt this breach (${ex.why}), so individuals are notified instead` };
    }
    case 'gdpr_risk':
      if (r.gdpr === null)
        return { pass: 'review', why: 'GDPR risk level not yet confirmed by a person (see severity.suggestedGdprRisk)', question: 'Is the breach unlikely to result in a risk to people, a risk, or a high risk (GDPR Art. 33(1))? Record the decision.' };
      return r.gdpr === 'unlikely'
        ? { pass: false, why: 'confirmed: unlikely to result in a risk to rights and freedoms (Art. 33(1))' }
        : { pass: true, why: `confirmed GDPR risk level: ${r.gdpr}` };
    case 'gdpr_high_risk': {
      if (r.gdpr === null)
        return { pass: 'review', why: 'GDPR risk level not yet confirmed by a person (see severity.suggestedGdprRisk)', question: 'Is the breach likely to result in a high risk to people (GDPR Art. 34(1))? Record the decision.' };
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
        'Is there a real risk of significant harm to the people affected under this law? Set risk.significantHarm.',
      );
    case 'categories':
      return { pass: false, why: 'none of the reportable categories applies' };
    case 'no_duty':
      return { pass: false, why: rule.riskGate.note ?? 'the law imposed no such duty on this date' };
    case 'material':
      return fromDecision(r.material, 'determined material', 'determined not material', 'materiality not yet determined (facts.risk.material)', 'Is the incident material to investors? Set risk.material and materialityDeterminedAt.');
    case 'significant_incident':
      return fromDecision(
        r.significantIncident,
        "the incident meets the regime's significance test",
        "the incident does not meet the regime's significance test",
        'significance of the incident not yet determined (facts.risk.significantIncident)',
        `Does the incident meet this regime's reporting test${rule.riskGate.note ? ` (${rule.riskGate.note})` : ''}? Set risk.significantIncident.`,
      );
  }
};
