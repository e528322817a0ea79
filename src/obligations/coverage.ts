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

/*
 * The EEA states, GB, CA, CA-QC, CA-AB, AU, BR, SG, IN, JP, KR, CH, PH and KE need no entry: their
 * rule files cover every day from 2018-01-01 with the duty then in force, an explicit `no_duty` rule
 * for the days before their first law, or `review` where a law applied that is not encoded (EEA
 * national law before the GDPR, Japan's pre-2022 best-effort notice).
 */
export const COVERAGE_FROM: Record<string, CoverageStart> = {
  'US-AL': { from: '2018-06-01', why: 'Alabama Data Breach Notification Act of 2018 (Act 2018-396, Ala. Code §8-38-1 et seq.), effective 2018-06-01; no law before' },
  'US-SD': { from: '2018-07-01', why: 'SDCL §22-40-19 et seq. (SB 62, 2018), effective 2018-07-01; no law before' },
};

/** Jurisdictions that must have an individuals or regulator rule in force every day. */
export const EXPECTED_JURISDICTIONS: readonly string[] = [
  ...Object.keys(US_STATES).map((s) => `US-${s}`),
  ...EEA_STATES,
  'GB',
  'CA',
  'CA-QC',
  'CA-AB',
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
