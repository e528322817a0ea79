/**
 * India:
 * - CERT-In: the Information Technology (CERT-In and Manner of Performing Functions and Duties)
 *   Rules, 2013 (G.S.R. 20(E), 16 January 2014) r. 12(1)(a) — report the listed cyber security
 *   incidents "within a reasonable time of occurrence or noticing"; then the CERT-In Directions of
 *   28 April 2022 under IT Act s 70B(6), effective 60 days after issue — within 6 hours of noticing;
 * - DPDP Act 2023 s 8(6) with the DPDP Rules 2025 r. 7 (G.S.R. 846(E), 13 November 2025): rule 7 comes
 *   into force 18 months after publication. No general personal-data breach duty before.
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, dayBefore, NO_HARBOUR, noDutyBefore, source } from './intl-common.js';

/**
 * Directions "effective after 60 days from the date of issue" (28 April 2022): sources say 27 or
 * 28 June 2022. The earlier day is used, so the 6-hour clock is never later than the law's.
 */
const DIRECTIONS_FROM = '2022-06-27';
/**
 * Rules published in the Gazette on 13 November 2025; rules 3, 5–16, 22–23 in force 18 months later.
 * 2027-05-13 is the earlier reading of "eighteen months after" (2027-05-14 the later one).
 */
const DPDP_R7_FROM = '2027-05-13';

const CERTIN_SOURCE = source(
  'https://www.cert-in.org.in/PDF/CERT-In_Directions_70B_28.04.2022.pdf',
  'CERT-In Directions No. 20(3)/2022-CERT-In of 28 April 2022 under s 70B(6) IT Act 2000 (direction (ii), Annexure I); CERT-In Rules 2013 r. 12',
  'Secondary sources only (Argus Partners paper, Nishith Desai note, Veritect SOP, probe42 summary): 6 hours of noticing or being brought to notice, Annexure I incident types incl. data breach and data leak, effective after 60 days (27 or 28 June 2022 — sources differ), application to entities outside India serving users in India (CERT-In FAQ Q.26 as cited); the 2013 Rules\' mandatory reporting "within a reasonable time" as summarised by the same papers — the Directions PDF and the Gazette text were not read',
);
const DPDP_SOURCE = source(
  'https://www.meity.gov.in/static/uploads/2025/11/53450e6e5dc0bfa85ebd78686cadad39.pdf',
  'Digital Personal Data Protection Rules 2025, G.S.R. 846(E) of 13 November 2025, r. 1 and r. 7; Digital Personal Data Protection Act 2023 s 8(6) (commencement: G.S.R. 843(E) of the same day)',
  'Secondary sources (Bar & Bench, Mondaq, NDTV Profit, 13–14 Nov 2025): Rules published in the Gazette on 13 November 2025; rules 3, 5–16, 22–23 in force 18 months after publication; r. 7 — Board without delay and a detailed report within 72 hours (or longer if the Board allows), individuals without delay. The Gazette PDF (address as cited by several projects) and the commencement notification G.S.R. 843(E) were not read',
);

const dpdp = {
  jurisdiction: 'IN',
  regime: 'DPDP Act 2023',
  appliesIf: ['controller' as const],
  scope: { kind: 'residents' as const },
  // Any personal-data breach: no risk threshold, no encryption exception.
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any' as const, encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'none' as const },
  threshold: null,
  effectiveFrom: DPDP_R7_FROM,
  source: DPDP_SOURCE,
  verified:
    'Checked 2026-12-06 in secondary sources only: commencement of r. 7 (18 months after 13 Nov 2025 — 13 or 14 May 2027, the earlier day is used; a June 2026 guide still gives 14 May 2027) and the r. 7 periods. One web page claiming a notification of 15 March 2026 with a 12-month window contradicts the Gazette date and every other source and is not followed. Not confirmed: that the Act\'s s 8(6) is brought into force on the same day (G.S.R. 843(E) was not read).',
};

const certIn = {
  jurisdiction: 'IN',
  recipient: 'regulator' as const,
  authority: { name: 'Indian Computer Emergency Response Team (CERT-In)', url: 'https://www.cert-in.org.in', address: 'incident@cert-in.org.in (incident reporting e-mail, as published by CERT-In)' },
  // "Service providers, intermediaries, data centres, body corporate and Government organisations";
  // the FAQ reads it as covering entities outside India that serve users in India.
  scope: { kind: 'establishment_or_residents' as const, region: 'IN' },
  trigger: { subject: 'incident' as const, elements: ANY_PERSONAL_DATA, breachMode: 'any' as const, encryptionSafeHarbor: NO_HARBOUR },
  riskGate: { kind: 'none' as const, note: 'a cyber incident of a type listed in the annex (incl. unauthorised access to IT systems or data, data breach, data leak)' },
  threshold: null,
  source: CERTIN_SOURCE,
};

export const inRules: RuleInput[] = [
  {
    ...certIn,
    id: 'IN.cert-in.2014-01-16',
    regime: 'CERT-In Rules 2013',
    clock: { anchor: 'discovery', amount: null, unit: 'hours', urgency: 'within_reasonable_time' },
    content: ['the incident report (CERT-In incident reporting form)'],
    review:
      'the 2013 Rules\' annex of mandatorily reportable incidents (e.g. unauthorised access of IT systems or data) and their application to this organisation were not checked against the Gazette text',
    effectiveFrom: '2014-01-16',
    effectiveTo: dayBefore(DIRECTIONS_FROM),
    citation: 'Information Technology (CERT-In and Manner of Performing Functions and Duties) Rules, 2013, r. 12(1)(a)',
    verified:
      'Secondary sources only (2026-12-06): mandatory reporting of the annexed incidents within a reasonable time; start 16 Jan 2014 (G.S.R. 20(E)) from general knowledge. Answers `review`.',
  },
  {
    ...certIn,
    id: 'IN.cert-in',
    supersedes: 'IN.cert-in.2014-01-16',
    regime: 'CERT-In Directions 2022',
    clock: { anchor: 'discovery', amount: 6, unit: 'hours' },
    content: ['incident report in the format on the CERT-In website (incident@cert-in.org.in)', 'ICT system logs kept 180 days must be provided on request'],
    notes: 'Incident-based: applies to the listed cyber incidents whether or not personal data are involved.',
    effectiveFrom: DIRECTIONS_FROM,
    citation: 'CERT-In Directions of 28 April 2022 under s 70B(6) IT Act 2000, direction (ii) and Annexure I',
    verified:
      'Checked 2026-12-06 in secondary sources only (the Directions PDF was not read): 6 hours from noticing; start 27 June 2022 (earlier of the two days the sources give).',
  },
  noDutyBefore({
    id: 'IN.pre-dpdp.board',
    jurisdiction: 'IN',
    regime: 'DPDP Act 2023',
    lawFrom: DPDP_R7_FROM,
    why: 'the DPDP Act 2023 s 8(6) breach intimation applies only once DPDP Rules 2025 r. 7 is in force (18 months after their publication on 13 November 2025); before that Indian law had no general personal-data breach notification duty (the IT Act s 43A SPDI Rules have none) — the CERT-In incident duty is separate',
    citation: 'DPDP Act 2023 s 8(6); DPDP Rules 2025 r. 1',
    source: DPDP_SOURCE,
    verified: 'Commencement checked 2026-12-06 in secondary sources only (see source); absence of an earlier duty from general knowledge.',
  }),
  {
    ...dpdp,
    id: 'IN.dpdp.board',
    supersedes: 'IN.pre-dpdp.board',
    recipient: 'regulator',
    authority: { name: 'Data Protection Board of India' },
    clock: {
      anchor: 'awareness',
      amount: null,
      unit: 'hours',
      urgency: 'without_delay',
      stages: [{ name: 'detailed report (r. 7(2)(b); longer if the Board allows on written request)', anchor: 'awareness', amount: 72, unit: 'hours' }],
    },
    content: [
      'without delay: description of the breach, its nature, extent, timing and location, and likely impact (r. 7(2)(a))',
      'within 72 hours: updated facts, circumstances and reasons, mitigation, findings on the person who caused it, remedial measures, report on the intimations given to Data Principals (r. 7(2)(b))',
    ],
    citation: 'DPDP Act 2023 s 8(6); DPDP Rules 2025 r. 7(2)',
  },
  {
    ...dpdp,
    id: 'IN.dpdp.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'any', basis: 'DPDP Rules 2025 r 7(1): through the user account or any mode of communication registered with the Data Fiduciary (the rule’s channels text, checked with the rule)' },
    authority: null,
    clock: { anchor: 'awareness', amount: null, unit: 'hours', urgency: 'without_delay' },
    content: [
      'description of the breach, including its nature, extent, timing and location (r. 7(1)(a))',
      'likely consequences (r. 7(1)(b))',
      'mitigation measures implemented or being implemented (r. 7(1)(c))',
      'safety measures the Data Principal may take (r. 7(1)(d))',
      'business contact of a person able to respond (r. 7(1)(e))',
    ],
    channels: ['user account or any mode of communication registered with the Data Fiduciary'],
    citation: 'DPDP Act 2023 s 8(6); DPDP Rules 2025 r. 7(1)',
  },
];
