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
 * statute's text quoted elsewhere. 52 of the 54 jurisdictions are here (18 of them, CA included, read 2026-12-08); GU and VI,
 * absent, have not been read: a HIPAA covered entity's answer then says that no clause is encoded (engine/deemed.ts),
 * never a silent duplicate or drop.
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
/** The jurisdictions read 2026-12-08: the dataset names the chapter; the section numbers given with them are recalled. */
const READ_2026_12_08 = `${DATASET}; section number recalled, not checked against the enacted text`;

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

  // ---- Read 2026-12-08 (law23): the 20 jurisdictions left unread on 2026-12-07. The words in quotes are the
  // dataset's restatement of each clause (its prose sections), not the enacted text: no stored copy of the
  // statutes themselves was found, except where a corroborating source is named.
  AR: [
    // Ark. Code §4-110-106: "Exempts entities regulated by a state or federal law that provides greater protection to personal information and has at least as thorough disclosure requirements. Compliance with such a law (e.g., HIPAA, GLBA) is explicitly deemed compliance with the Arkansas statute."
    { via: 'hipaa', effect: 'deemed', duties: ['individuals', 'regulator'], condition: 'regulated by HIPAA and complies with it, HIPAA being read as a law that "provides greater protection to personal information and has at least as thorough disclosure requirements" (that comparison is for counsel); the whole chapter, the Attorney General notice (1,000 or more) included', basis: `Ark. Code §4-110-106 (regulated entities): "Compliance with such a law (e.g., HIPAA, GLBA) is explicitly deemed compliance with the Arkansas statute" (as restated); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals', 'regulator'], condition: 'regulated by GLBA and complies with it (the same greater-protection comparison)', basis: `Ark. Code §4-110-106 (regulated entities), as restated; ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'notifies under its own notification policy consistent with the statute’s timing', basis: `Ark. Code §4-110-106: "Entities may comply through their own notification policies consistent with statute's timing requirements" (as restated); ${READ_2026_12_08}` },
  ],
  CA: [
    // Cal. Civ. Code §1798.82(e): the HIPAA notice satisfies subdivision (d) — the notice's content and form — not the duty
    // to notify (a) nor its 30-day clock (SB 446, from 2026) nor the AG sample copy (f). HITECH §13402(f) is the
    // "content of notification" subsection (42 U.S.C. §17932(f)). So the HIPAA notice, once it reaches the California
    // residents, is their California notice; tracking marks it late against California's own deadline.
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'a HIPAA covered entity whose HIPAA notice complies completely with HITECH §13402(f) (content of notification) is deemed to comply with the notice requirements of §1798.82(d) (content and form) only: the notice must still reach the California residents within California’s own time (30 calendar days from 2026, SB 446), and the Attorney General sample copy (> 500 residents) is still due', basis: `Cal. Civ. Code §1798.82(e), as restated: "Covered entities under HIPAA deemed compliant if complying with Section 13402(f) of HITECH Act; covered entities not otherwise exempt" — read as reaching subdivision (d) only (the enacted text was not found in the stored copies; §13402(f) is HITECH's content-of-notification subsection); ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notification procedures as part of an information security policy, consistent with the section’s timing, and notifies under them', basis: `Cal. Civ. Code §1798.82 (own notification procedures): "Entity with own notification procedures consistent with timing requirements" (as restated); ${READ_2026_12_08}` },
  ],
  DC: [
    // D.C. Code §28-3852(g): deemed for the residents' notice only; the AG "in all cases".
    { via: 'hipaa', effect: 'deemed', duties: ['individuals'], condition: 'maintains procedures for a breach notification system under HIPAA/HITECH and notifies each affected resident in accordance with them; the Attorney General must be notified in writing "in all cases" — also under the 50-resident figure of US-DC.regulator (check that notice by hand)', basis: `D.C. Code §28-3852(g): an entity that "maintains procedures for a breach notification system under the GLBA, HIPAA, or HITECH, and provides notice in accordance with such Acts … to each affected resident … shall be deemed to be in compliance with the law with respect to the notification of affected individuals. The entity shall, in all cases, provide written notice of the breach of the security of the system to the Office of the Attorney General" (as restated); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'maintains GLBA breach procedures and notifies each affected resident under them; the Attorney General notice is due in all cases', basis: `D.C. Code §28-3852(g), as restated; ${READ_2026_12_08}` },
  ],
  HI: [
    { via: 'hipaa', effect: 'deemed', duties: ALL, condition: 'a health care provider, health care service plan, health insurer or covered entity governed by the HIPAA privacy and security rules: the text names no further condition — read here as holding once the HIPAA notice went out', basis: `H.R.S. §487N-2: "A provider of health care, health care service plan, health insurer, or a covered entity governed by the medical privacy and security rules issued by the federal Department of Health and Human Services pursuant to the Health Insurance Portability and Accountability Act of 1996 (HIPAA) shall be deemed in compliance with this chapter" (as restated); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ALL, condition: 'a financial institution subject to and in compliance with the Federal Interagency Guidance on Response Programs (2005) and its revisions', basis: `H.R.S. §487N-2 (Interagency Guidance clause), as restated; ${READ_2026_12_08}` },
  ],
  ID: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause; the regulator clause names the primary or functional state regulator only', basis: `Idaho Code §28-51-105: "Notification pursuant to laws, rules, regulations, guidance, or guidelines established by an entity's primary or functional state regulator is sufficient for compliance" (as restated; exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notice procedures as part of an information security policy, consistent with the statute’s timing, and notifies the Idaho residents under them', basis: `Idaho Code §28-51-105 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  KS: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause as such; whether HHS is a "primary or functional … federal regulator" under the regulator clause is for counsel', basis: `K.S.A. 50-7a02 (exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'notifies under the laws, rules, regulations, guidance or guidelines of its primary or functional state or federal regulator', basis: `K.S.A. 50-7a02: "Notification pursuant to laws, rules, regulations, guidance, or guidelines established by an entity's primary or functional state or federal regulator is sufficient" (as restated); ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notification procedures as part of an information security policy, consistent with the statute’s timing, and notifies the consumers under them', basis: `K.S.A. 50-7a02 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  KY: [
    // KRS 365.732: "does not apply" — corroborated by a 2014 law-firm note on HB 232 ("appears to exempt" HIPAA and GLBA entities).
    { via: 'hipaa', effect: 'exempt', duties: ALL, condition: 'an entity subject to HIPAA', basis: `KRS 365.732: "The provisions of this statute do not apply to any entity subject to: Title V of the Gramm-Leach-Bliley Act, OR the federal Health Insurance Portability and Accountability Act of 1996 (HIPAA)" (as restated); ${READ_2026_12_08}; Wyatt, Tarrant & Combs on HB 232 (2014): HB 232 "appears to exempt" HIPAA and GLBA entities` },
    { via: 'glba', effect: 'exempt', duties: ALL, condition: 'an entity subject to Title V of GLBA', basis: `KRS 365.732, as restated; ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notification procedures as part of an information security policy, consistent with the section’s timing, and notifies under them', basis: `KRS 365.732 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  LA: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `La. R.S. 51:3071 ff. (exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals', 'regulator'], condition: 'a financial institution subject to and in compliance with the Federal Interagency Guidance on Response Programs (2005) and its revisions', basis: `La. R.S. 51:3076: a financial institution "subject to and in compliance with the Federal Interagency Guidance Response Programs for Unauthorized Access to Consumer Information and Customer Notice … shall be deemed to be in compliance" (as restated); ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains notification procedures in its information security policy consistent with the timing (60 days) and notifies under them', basis: `La. R.S. 51:3075 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  ME: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause as such; the clause for rules "established pursuant to Maine or federal law" holds only if they are "at least as protective" — against Maine’s 30-day clock, HIPAA’s 60 days is not read here as that (counsel)', basis: `10 M.R.S. §1349 (exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'complies with the breach notification requirements of rules, regulations, procedures or guidelines established under Maine or federal law that are at least as protective', basis: `10 M.R.S. §1349: "deemed to be in compliance with the requirements as long as the law, rules, regulations or guidelines provide for notification procedures at least as protective" (as restated); ${READ_2026_12_08}` },
  ],
  MO: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause as such; whether HHS is the "primary or functional … federal regulator" of the regulated-entity clause is for counsel', basis: `Mo. Rev. Stat. §407.1500 (exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ALL, condition: 'a financial institution subject to and in compliance with the Interagency Guidance (2005), NCUA rules (12 CFR part 748) or GLBA Title V', basis: `Mo. Rev. Stat. §407.1500: such a financial institution "shall be deemed to be in compliance with this section" (as restated); ${READ_2026_12_08}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'maintains breach procedures under its primary or functional state or federal regulator’s rules and notifies the consumers under them', basis: `Mo. Rev. Stat. §407.1500 (regulated entity), as restated; ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notice procedures consistent with the section’s timing and notifies the consumers under them', basis: `Mo. Rev. Stat. §407.1500 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  MT: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `Mont. Code §30-14-1704 (exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notification procedures that do not unreasonably delay notice and notifies under them (the Attorney General copy is still due)', basis: `Mont. Code §30-14-1704 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  NE: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause as such; whether HHS is the "primary or functional … federal regulator" of the regulated-entity clause is for counsel', basis: `Neb. Rev. Stat. §87-804 (exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'maintains breach procedures under its primary or functional regulator’s rules and notifies the Nebraska residents and the Attorney General under them', basis: `Neb. Rev. Stat. §87-804: "deemed to be in compliance with the notice requirements if the Entity notifies affected Nebraska residents and the Attorney General in accordance with the maintained procedures" (as restated); ${READ_2026_12_08}`, alsoMet: ['US-NE.regulator'] },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notice procedures consistent with the timing and notifies the Nebraska residents and the Attorney General under them', basis: `Neb. Rev. Stat. §87-804 (own procedures), as restated; ${READ_2026_12_08}`, alsoMet: ['US-NE.regulator'] },
  ],
  NV: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `NRS 603A.220 (exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'subject to and complies with the GLBA privacy and security provisions', basis: `NRS 603A.220: "An entity that is subject to and complies with the privacy and security provisions of the Gramm-Leach-Bliley Act shall be deemed to be in compliance with the notification requirements" (as restated); ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notification policies consistent with the timing and notifies under them', basis: `NRS 603A.220 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  ND: [
    // Corroborated: a 2013 note on the amendment — an exemption "so long as they are in compliance with breach notification requirements under" 45 CFR part 164 subpart D.
    { via: 'hipaa', effect: 'deemed', duties: ALL, condition: 'a covered entity, business associate or subcontractor subject to (and, per the 2013 amendment’s summaries, in compliance with) the HIPAA breach notification rule, 45 CFR part 164 subpart D — the whole chapter, the Attorney General notice (> 250) included', basis: `N.D. Cent. Code §51-30-06: "A covered entity, business associate, or subcontractor that is subject to the breach notification requirements of 45 CFR 164 Subpart D is considered to be in compliance with this chapter" (as restated); ${READ_2026_12_08}; Workplace Privacy Report (Aug. 2013) on the amendment` },
    { via: 'glba', effect: 'deemed', duties: ALL, condition: 'a financial institution, trust company or credit union subject to, examined for and in compliance with the Interagency Guidance on Response Programs', basis: `N.D. Cent. Code §51-30-06, as restated; ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notification procedures consistent with the chapter’s timing and notifies under them', basis: `N.D. Cent. Code §51-30-06 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  PR: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause', basis: `10 L.P.R.A. §4051 ff. (exemption_hipaa: false); ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'preexisting institutional security policies that protect equally or better than the Act', basis: `10 L.P.R.A. §4051 ff. (institutional policies), as restated; ${READ_2026_12_08}` },
  ],
  RI: [
    { via: 'hipaa', effect: 'deemed', duties: ALL, condition: 'a health care provider, health care service plan, health insurer or covered entity governed by the HIPAA privacy and security rules: the text names no further condition — read here as holding once the HIPAA notice went out', basis: `R.I. Gen. Laws §11-49.3-6: "A provider of health care, health care service plan, health insurer, or a covered entity governed by the medical privacy and security rules issued by the federal Department of Health and Human Services pursuant to HIPAA shall be deemed in compliance" (as restated); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ALL, condition: 'a financial institution, trust company, credit union or affiliate subject to, examined for and found in compliance with the Interagency Guidelines on Response Programs', basis: `R.I. Gen. Laws §11-49.3-6, as restated; ${READ_2026_12_08}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'maintains a breach procedure under its primary or functional regulator’s rules and notifies the subject persons under them', basis: `R.I. Gen. Laws §11-49.3-6 (primary or functional regulator), as restated; ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own breach procedures, complies with the 45-day timing and notifies under them', basis: `R.I. Gen. Laws §11-49.3-6 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  SD: [
    { via: 'hipaa', effect: 'deemed', duties: ALL, condition: 'maintains procedures under HIPAA and provides notice to consumers under them — the Act as a whole, the Attorney General (> 250) and CRA notices included', basis: `SDCL 22-40-25: an entity "subject to or regulated by federal laws, rules, regulations, procedures, or guidance (including the Gramm-Leach-Bliley Act and HIPAA) is considered in compliance with the Act as long as the Entity maintains procedures pursuant to the federal law requirements and provides notice to consumers pursuant to those requirements" (as restated); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ALL, condition: 'maintains procedures under GLBA and notifies consumers under them', basis: `SDCL 22-40-25, as restated; ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notification procedure consistent with the Act’s timing and notifies under it', basis: `SDCL 22-40-24 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  WV: [
    { via: 'hipaa', effect: 'none', duties: ['individuals'], condition: 'no HIPAA clause as such; whether HHS is the "primary or functional regulator" of the regulator clause is for counsel', basis: `W. Va. Code §46A-2A-103 (the dataset: "NO HIPAA or GLBA exemptions"); ${READ_2026_12_08}` },
    { via: 'glba', effect: 'deemed', duties: ['individuals'], condition: 'a financial institution that responds under the Interagency Guidance on Response Programs', basis: `W. Va. Code §46A-2A-103, as restated; ${READ_2026_12_08}` },
    { via: 'federal_regulator', effect: 'deemed', duties: ['individuals'], condition: 'complies with the notification requirements of its primary or functional regulator’s rules', basis: `W. Va. Code §46A-2A-103: an entity that "complies with the notification requirements or procedures pursuant to the rules, regulation, procedures, or guidelines established by the entity's primary or functional regulator shall be in compliance" (as restated); ${READ_2026_12_08}` },
    { via: 'own_policy', effect: 'deemed', duties: ['individuals'], condition: 'maintains its own notification procedures consistent with the timing and notifies the West Virginia residents under them', basis: `W. Va. Code §46A-2A-103 (own procedures), as restated; ${READ_2026_12_08}` },
  ],
  // GU and VI: no text of a clause was found (the dataset has no file for them): not read — a HIPAA covered
  // entity's answer says so (engine/deemed.ts), never a silent duplicate or drop.
};

/** The clauses of state `code` that concern a duty towards `recipient` (rule field `deemedCompliance`). */
export const deemedFor = (code: string, recipient: string): DeemedCompliance[] =>
  (US_STATE_DEEMED[code] ?? []).filter((c) => (c.duties as string[]).includes(recipient)).map(({ duties: _d, ...c }) => c);
