/**
 * What `breachdesk rules verify` expects the rule set to cover (issue 13 §5): every jurisdiction
 * below, for every day from 2018-01-01 (or from the day its first breach-notification law took
 * effect, where that is later) to the day checked. A jurisdiction whose first law is later than
 * 2018-01-01 says so here, with the law and why nothing applied before — never a silent gap.
 * Rule-data owners add entries; each entry is data about the law, so it cites it.
 */
import { EEA_STATES, US_STATES } from './jurisdictions.js';

/** The earliest day the coverage check starts by default. */
export const COVERAGE_SINCE = '2018-01-01';

export interface CoverageStart {
  /** First day a breach-notification law of general application was in force. */
  from: string;
  /** The law and why nothing is encoded before `from`. */
  why: string;
}

const GDPR_START: CoverageStart = {
  from: '2018-05-25',
  why: 'GDPR Arts. 33–34 apply from 2018-05-25 (Art. 99(2)); earlier national breach laws are not encoded — to be checked by the EEA rule owner',
};

export const COVERAGE_FROM: Record<string, CoverageStart> = {
  'US-AL': { from: '2018-06-01', why: 'Alabama Data Breach Notification Act of 2018 (Act 2018-396, Ala. Code §8-38-1 et seq.), effective 2018-06-01; no law before' },
  'US-SD': { from: '2018-07-01', why: 'SDCL §22-40-19 et seq. (SB 62, 2018), effective 2018-07-01; no law before' },
  ...Object.fromEntries(EEA_STATES.map((s) => [s, GDPR_START])),
  GB: { from: '2018-05-25', why: 'UK GDPR / GDPR Art. 33 from 2018-05-25; before, only PECR reg. 5A for telecom providers — to be checked by the GB rule owner' },
  CA: { from: '2018-11-01', why: 'PIPEDA s 10.1 and the Breach of Security Safeguards Regulations (SOR/2018-64) in force 2018-11-01' },
  AU: { from: '2018-02-22', why: 'Privacy Amendment (Notifiable Data Breaches) Act 2017, Part IIIC of the Privacy Act 1988, in force 2018-02-22' },
  BR: { from: '2020-09-18', why: 'LGPD (Lei 13.709/2018) Art. 48 in force 2020-09-18' },
  SG: { from: '2021-02-01', why: 'PDPA Part 6A (Personal Data Protection (Amendment) Act 2020) in force 2021-02-01' },
  IN: { from: '2022-06-28', why: 'CERT-In Directions under s 70B(6) IT Act (28 April 2022), in force 2022-06-28' },
  JP: { from: '2022-04-01', why: 'APPI Art. 26 mandatory reporting (2020 amendment) in force 2022-04-01' },
  CH: { from: '2023-09-01', why: 'revised FADP Art. 24 in force 2023-09-01; the former FADP had no notification duty' },
  KE: { from: '2019-11-25', why: 'Data Protection Act 2019 s 43 in force 2019-11-25' },
};

/** Jurisdictions that must have an individuals or regulator rule in force every day. */
export const EXPECTED_JURISDICTIONS: readonly string[] = [
  ...Object.keys(US_STATES).map((s) => `US-${s}`),
  ...EEA_STATES,
  'GB',
  'CA',
  'AU',
  'BR',
  'SG',
  'IN',
  'JP',
  'KR',
  'CH',
  'PH',
  'KE',
];

/** The first day `jurisdiction` must be covered, given the check starts on `since`. */
export const coverageStart = (jurisdiction: string, since: string = COVERAGE_SINCE): string => {
  const declared = COVERAGE_FROM[jurisdiction]?.from;
  return declared && declared > since ? declared : since;
};
