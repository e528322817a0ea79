/**
 * Deemed-compliance clauses of the US state breach laws (rule.schema.ts `deemedCompliance`): which
 * other notice (HIPAA, GLBA, federal regulator, own policy) satisfies which duty, or takes the entity
 * out of the law, and on what condition. Attached by us-common.ts `stateRules` (and the separate
 * state files) to the rules of the duties each clause discharges; the engine (engine/deemed.ts)
 * reports it in `satisfiedBy` and `why`.
 *
 * Checked 2026-12-07 with the search tool (stored copies, never the live official sites). The
 * sources are secondary: the AlexNetCC/USDataBreachApp `raw-laws` dataset (derived from the Foley &
 * Lardner chart, last_verified 2025-09-01: its `exemption_*` fields and prose) and, where said, a
 * statute's text quoted elsewhere. 34 states are here; a state absent here has not been read: a HIPAA covered entity's
 * answer then says that no clause is encoded (engine/deemed.ts), never a silent duplicate or drop.
 * `effect: 'none'` = the source says the law has no such clause.
 */
import type { DeemedCompliance } from '../rule-notice.schema.js';

type Duty = 'individuals' | 'regulator' | 'credit_bureaus';
interface Clause extends DeemedCompliance {
  /** The duties the clause discharges (`none`: the individuals rule, to say so). */
  duties: Duty[];
}

const DATASET = 'AlexNetCC/USDataBreachApp raw-laws dataset (Foley & Lardner chart, verified 2025-09-01), a secondary source — confirm against the text';
const ALL: Duty[] = ['individuals', 'regulator', 'credit_bureaus'];

export const US_STATE_DEEMED: Record<string, Clause[]> = {
  AL: [
    // Ala. Code ch. 8-38: regulated entities are deemed compliant but the AG notice (> 1,000) stays.
    { via: 'hipaa', effect: 'deemed', duties: ['individuals', 'credit_bureaus'], condition: 'subject to and in compliance with HIPAA; the Attorney General notice (> 1,000 residents) is still due, with a copy of the HIPAA notice', basis: `Ala. Code §§8-38-1 ff. (Data Breach Notification Act of 2018), regulated-entity clause; ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals', 'credit_bureaus'], condition: 'subject to and in compliance with GLBA; the Attorney General notice (> 1,000 residents) is still due', basis: `Ala. Code §§8-38-1 ff., regulated-entity clause; ${DATASET}` },
  ],
  AZ: [
    // Since HB 2154 (2018) the section "does not apply" to these entities: every duty goes.
    { via: 'hipaa', effect: 'exempt', duties: ALL, condition: 'a HIPAA covered entity (or business associate) that complies with HIPAA', basis: `A.R.S. §18-552 exemptions (HIPAA covered entities and business associates; GLBA Title V); ${DATASET}; the same exemptions in a stored transcription of §18-552` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'subject to and in compliance with Title V of GLBA', basis: `A.R.S. §18-552 exemptions; ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ALL, condition: 'complies with the notification rules of its primary or functional federal regulator', basis: `A.R.S. §18-552 (primary or functional federal regulator); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures, consistent with the 45-day timing', basis: `A.R.S. §18-552 (own notification procedures); ${DATASET}` },
  ],
  CT: [
    // Conn. Gen. Stat. §36a-701b: HIPAA / GLBA entities deemed compliant if they also notify the AG.
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'subject to and in compliance with HIPAA/HITECH; the Attorney General must still be notified no later than the residents, and the 24-month identity-theft services offered where SSN/ITIN are involved', basis: `Conn. Gen. Stat. §36a-701b (HIPAA clause, 2021 amendment); ${DATASET}`, alsoMet: ['US-CT.regulator'] },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'maintains and follows procedures under GLBA; the Attorney General must still be notified', basis: `Conn. Gen. Stat. §36a-701b (GLBA clause); ${DATASET}`, alsoMet: ['US-CT.regulator'] },
  ],
  NM: [
    { via: 'hipaa', effect: 'exempt', duties: ALL, condition: 'an entity subject to HIPAA', basis: `N.M. Stat. §57-12C-8 (the Act does not apply to entities subject to GLBA or HIPAA); ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'an entity subject to GLBA', basis: `N.M. Stat. §57-12C-8; ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own notice procedures, consistent with the 45-day timing', basis: `N.M. Stat. ch. 57-12C (own notice procedures); ${DATASET}` },
  ],
  OH: [
    // Ohio Rev. Code §1349.19: the CRA duty does not apply to HIPAA covered entities; the residents' notice does.
    { via: 'hipaa', effect: 'exempt', duties: ['credit_bureaus'], condition: 'a HIPAA covered entity: only the consumer-reporting-agency notice is excluded; the residents must still be notified under §1349.19', basis: `Ohio Rev. Code §1349.19 (CRA notice not for HIPAA covered entities); ${DATASET}` },
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no clause for the residents’ notice', basis: `Ohio Rev. Code §1349.19; ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'a financial institution, trust company or credit union required by federal law to notify its customers and examined for it by its functional regulator', basis: `Ohio Rev. Code §1349.19 (financial-institution exemption); ${DATASET}` },
  ],
  TX: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `Tex. Bus. & Com. Code §521.053 (no HIPAA or GLBA exemption); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures that comply with the 60-day timing; the Attorney General and CRA notices are still due', basis: `Tex. Bus. & Com. Code §521.053 (own notification procedures); ${DATASET}` },
  ],
  WA: [
    // RCW 19.255.010: deemed compliance with the consumer notice only; the AG notice (> 500) stays.
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'a HIPAA covered entity that complies with the HIPAA breach notification rule, for information HIPAA governs; the Attorney General notice (> 500 residents) is still due', basis: `RCW 19.255.010 (HIPAA clause); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'a financial institution (15 U.S.C. §6809(3)(A)) in compliance with the federal Interagency Guidance on Response Programs; the Attorney General notice is still due', basis: `RCW 19.255.010 (Interagency Guidance clause); ${DATASET}` },
  ],
  WY: [
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'complies with the notice rules of its primary or functional regulator, HIPAA included', basis: `Wyo. Stat. §40-12-502 (regulator clause); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'complies with the GLBA notification requirements', basis: `Wyo. Stat. §40-12-502 (GLBA clause); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own data-security-policy procedures consistent with the statute’s timing', basis: `Wyo. Stat. §40-12-502 (own procedures); ${DATASET}` },
  ],
  IL: [
    // 815 ILCS 530/50: HIPAA entities are deemed compliant with the whole Act if the HHS notice is copied to the AG within 5 business days (US-IL.regulator.hipaa-copy).
    { via: 'hipaa', effect: 'deemed', duties: ['individuals', 'regulator'], condition: 'subject to and in compliance with HIPAA and HITECH, provided the notice to the HHS Secretary is copied to the Attorney General within 5 business days (US-IL.regulator.hipaa-copy replaces the §10(e) notice)', basis: `815 ILCS 530/50; ${DATASET}`, alsoMet: ['US-IL.regulator.hipaa-copy'] },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures, consistent with the Act’s timing; the Attorney General notice (> 500) is still due', basis: `815 ILCS 530/10(d); ${DATASET}` },
  ],
  MD: [
    // Md. Code, Com. Law §14-3507: regulated entities deemed compliant; read here as the residents' notice only (the AG notice before it stays).
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'in compliance with HIPAA; the Attorney General notice (before the residents’ notice) and the CRA notice are still treated as due', basis: `Md. Code, Com. Law §14-3507; ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'subject to and in compliance with GLBA, the Interagency Guidelines and the Interagency Guidance on Response Programs; the AG and CRA notices are still treated as due', basis: `Md. Code, Com. Law §14-3507; ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'complies with its primary or functional federal regulator’s notification rules', basis: `Md. Code, Com. Law §14-3507; ${DATASET}` },
  ],
  MI: [
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'a covered entity under the HIPAA privacy and security rules; the CRA notice (1,000 or more) is still treated as due', basis: `MCL 445.72 (HIPAA clause of the Identity Theft Protection Act); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'a financial institution subject to and in compliance with the federal Interagency Guidance on Response Programs (2005)', basis: `MCL 445.72 (Interagency Guidance clause); ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ['credit_bureaus'], condition: 'subject to Title V of GLBA: the CRA subsection does not apply', basis: `MCL 445.72(8); ${DATASET}` },
  ],
  NJ: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `N.J.S.A. 56:8-163 (no GLBA or HIPAA exemption); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures consistent with the statute; the State Police report before it is still due', basis: `N.J.S.A. 56:8-163(e); ${DATASET}` },
  ],
  VA: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `Va. Code §18.2-186.6 (no HIPAA exemption; §32.1-127.1:05 governs medical information separately); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'subject to and in compliance with Title V of GLBA and notifies under it; the AG and CRA notices are still treated as due', basis: `Va. Code §18.2-186.6(H); ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'maintains and follows the notification procedures of its primary or functional regulator', basis: `Va. Code §18.2-186.6(G); ${DATASET}` },
  ],
  PA: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `73 P.S. §2307 (no HIPAA clause); ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'complies with the notification rules of its primary or functional federal regulator', basis: `73 P.S. §2307(b)(2); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'a financial institution complying with the federal Interagency Guidance on Response Programs', basis: `73 P.S. §2307(b)(1); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information privacy or security policy consistent with the act', basis: `73 P.S. §2307(a); ${DATASET}` },
  ],
  GA: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `O.C.G.A. §10-1-910 ff.; ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'an entity subject to GLBA', basis: `O.C.G.A. §10-1-910 ff. (GLBA exemption); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures consistent with the statute’s timing', basis: `O.C.G.A. §10-1-911 "notice"; ${DATASET}` },
  ],
  NC: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `N.C.G.S. §75-65; ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'a financial institution subject to and in compliance with the federal Interagency Guidance on Response Programs', basis: `N.C.G.S. §75-65(h); ${DATASET}` },
  ],
  AK: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `AS 45.48.010 ff.; ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'a person subject to GLBA (the CRA notice is excluded too)', basis: `AS 45.48 (GLBA exemption; AS 45.48.040); ${DATASET}` },
  ],
  MS: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `Miss. Code §75-24-29; ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'maintains a breach procedure under its primary federal functional regulator’s rules and notifies under it', basis: `Miss. Code §75-24-29(7); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures consistent with the statute’s timing', basis: `Miss. Code §75-24-29(7); ${DATASET}` },
  ],
  SC: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `S.C. Code §39-1-90; ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'a bank or financial institution subject to and in compliance with the GLBA privacy and security provisions', basis: `S.C. Code §39-1-90(J); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures consistent with the statute’s timing', basis: `S.C. Code §39-1-90(I); ${DATASET}` },
  ],
  MN: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `Minn. Stat. §325E.61; ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'a financial institution as defined in 15 U.S.C. §6809(3)', basis: `Minn. Stat. §325E.61 subd. 4; ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures consistent with the statute’s timing', basis: `Minn. Stat. §325E.61 subd. 1(h); ${DATASET}` },
  ],
  OR: [
    // ORS 646A.604: read here as the consumer notice only (the AG notice > 250 and CRA notice stay) until the text is read.
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'complies with the HIPAA/HITECH notification rules; the AG (> 250) and CRA notices are still treated as due', basis: `ORS 646A.604 (HIPAA clause); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'complies with GLBA Title V notification rules that give greater protection', basis: `ORS 646A.604 (GLBA clause); ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'complies with the notification rules of its primary or functional federal regulator', basis: `ORS 646A.604 (federal-regulator clause); ${DATASET}` },
  ],
  VT: [
    // 9 V.S.A. §2435: HIPAA entities are deemed compliant "including notification to the Attorney General" for information HIPAA governs.
    { via: 'hipaa', effect: 'deemed', duties: ['individuals', 'regulator'], condition: 'a covered entity or business associate governed by the HIPAA privacy, security and breach notification rules, for information those rules govern — the Attorney General notice included', basis: `9 V.S.A. §2435 (HIPAA clause, 2024 text); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'a financial institution subject to and in compliance with the federal Interagency Guidance on Response Programs', basis: `9 V.S.A. §2435 (Interagency Guidance clause); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures consistent with the statute’s timing', basis: `9 V.S.A. §2435 (own procedures); ${DATASET}` },
  ],
  NH: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `RSA 359-C:20; ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ['credit_bureaus'], condition: 'subject to Title V of GLBA: the CRA notice does not apply', basis: `RSA 359-C:20(VI)(b); ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'maintains and follows breach procedures under a state or federal regulator’s rules (a regulated entity notifies its primary regulator instead of the AG)', basis: `RSA 359-C:20(V); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures', basis: `RSA 359-C:20(III)(e); ${DATASET}` },
  ],
  WI: [
    { via: 'hipaa', effect: 'exempt', duties: ALL, condition: 'a health plan, clearinghouse or provider that complies with 45 CFR part 164', basis: `Wis. Stat. §134.98(3m) (exemptions); ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'subject to and in compliance with GLBA Title V, with a breach policy in effect', basis: `Wis. Stat. §134.98(3m) (exemptions); ${DATASET}` },
  ],
  MA: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `M.G.L. c. 93H; ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'notifies the residents under its primary or functional regulator’s procedures and also notifies the Attorney General and the OCABR director', basis: `M.G.L. c. 93H §5; ${DATASET}`, alsoMet: ['US-MA.regulator'] },
  ],
  TN: [
    { via: 'hipaa', effect: 'exempt', duties: ALL, condition: 'an entity subject to HIPAA as expanded by HITECH', basis: `Tenn. Code §47-18-2107(i) (as amended 2017); ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'an entity subject to Title V of GLBA', basis: `Tenn. Code §47-18-2107(i); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own information-security-policy procedures consistent with the statute’s timing', basis: `Tenn. Code §47-18-2107; ${DATASET}` },
  ],
  IN: [
    { via: 'hipaa', effect: 'exempt', duties: ALL, condition: 'maintains its own data security procedures under a HIPAA compliance plan that requires reasonable safeguards, and complies with it', basis: `IC 24-4.9 — the chapter does not apply to such entities (as summarised); ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'maintains its own data security procedures under a GLBA compliance plan that requires reasonable safeguards, and complies with it', basis: `IC 24-4.9 (as summarised); ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'its privacy or security policy’s disclosure procedures are at least as stringent as the statute', basis: `IC 24-4.9-3-4 (as summarised); ${DATASET}` },
  ],
  CO: [
    // C.R.S. §6-1-716(3): regulated entities are deemed compliant; the AG notice (500 or more) is still due.
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'regulated by HIPAA and maintains breach procedures under it (the shorter deadline controls); the Attorney General notice (500 or more) is still due', basis: `C.R.S. §6-1-716(3); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'regulated by GLBA and maintains breach procedures under it; the Attorney General notice is still due', basis: `C.R.S. §6-1-716(3); ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'maintains procedures under its primary or functional regulator’s rules; the Attorney General notice is still due', basis: `C.R.S. §6-1-716(3); ${DATASET}` },
  ],
  DE: [
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'regulated by HIPAA, maintains breach procedures under its primary or functional regulator’s requirements and notifies Delaware residents under them', basis: `6 Del. C. §12B-103 (regulated entities); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'regulated by GLBA, maintains breach procedures under its regulator’s requirements and notifies under them', basis: `6 Del. C. §12B-103; ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'maintains and follows breach procedures under its primary or functional regulator’s requirements', basis: `6 Del. C. §12B-103; ${DATASET}` },
  ],
  OK: [
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'complies with HIPAA (or the Oklahoma Hospital Cybersecurity Protection Act)', basis: `24 O.S. §161 ff. (as amended for 2026); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'a financial institution complying with GLBA and the Interagency Guidance', basis: `24 O.S. §161 ff.; ${DATASET}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'complies with its primary or functional federal regulator’s notification rules', basis: `24 O.S. §161 ff.; ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own procedures consistent with the statute’s timing', basis: `24 O.S. §161 ff.; ${DATASET}` },
  ],
  UT: [
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'regulated by state or federal law (HIPAA) and maintains breach procedures under it', basis: `Utah Code §13-44-202 (regulated entities); ${DATASET}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'a financial institution (15 U.S.C. §6809) with breach procedures under its regulator’s rules', basis: `Utah Code §13-44-202; ${DATASET}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own procedures consistent with the statute’s timing', basis: `Utah Code §13-44-202; ${DATASET}` },
  ],
  IA: [
    // Iowa Code §715C.2: "does not apply" to entities complying with HIPAA/HITECH, GLBA Title V rules or a federal regulator's more protective rules.
    { via: 'hipaa', effect: 'exempt', duties: ALL, condition: 'subject to and complying with the HIPAA/HITECH regulations', basis: `Iowa Code §715C.2 (exemptions); ${DATASET}` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'subject to and complying with the GLBA Title V regulations', basis: `Iowa Code §715C.2 (exemptions); ${DATASET}` },
    { via: 'federal_regulator', effect: 'exempt', duties: ALL, condition: 'complies with its primary or functional federal regulator’s breach procedures that protect at least as much and disclose at least as thoroughly', basis: `Iowa Code §715C.2 (exemptions); ${DATASET}` },
  ],
  FL: [
    // Fla. Stat. §501.171(4): notice under the primary or functional federal regulator's rules counts, with a copy to the Department.
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'notifies the individuals under its primary or functional federal regulator’s rules and sends a copy of that notice to the Department of Legal Affairs (the Department notice, 500 or more, is still due)', basis: `Fla. Stat. §501.171(4) (federal-regulator notice); ${DATASET}`, alsoMet: ['US-FL.regulator'] },
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `Fla. Stat. §501.171; ${DATASET} (exemption_hipaa: false)` },
  ],
  NY: [
    // N.Y. GBL §899-aa(2)(b): the individuals' notice only; regulators and CRAs are still owed.
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'notice given under HIPAA; the AG/DOS/State Police (and DFS) and CRA notices are still due, and the HHS copy to the AG within 5 business days', basis: 'N.Y. GBL §899-aa(2)(b) (as read for US-NY.individuals)' },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'notice given under GLBA; the regulator and CRA notices are still due', basis: 'N.Y. GBL §899-aa(2)(b) (as read for US-NY.individuals)' },
  ],
};

/** The clauses of state `code` that concern a duty towards `recipient` (rule field `deemedCompliance`). */
export const deemedFor = (code: string, recipient: string): DeemedCompliance[] =>
  (US_STATE_DEEMED[code] ?? []).filter((c) => (c.duties as string[]).includes(recipient)).map(({ duties: _d, ...c }) => c);
