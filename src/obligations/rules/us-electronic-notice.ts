/**
 * When e-mail is notice to a resident under each state's breach statute (rule.schema.ts
 * `electronicNotice`), for the states built by us-common.ts `stateRules`.
 *
 * Most statutes define notice as written notice, or electronic notice "consistent with the
 * provisions regarding electronic records and signatures set forth in 15 U.S.C. §7001" (E-SIGN:
 * the consumer affirmatively consented, §7001(c)) → `consent`. Some add "or if the primary means
 * (method) of communication with the resident is by electronic means" → `consent_or_primary`.
 * A few allow e-mail to any address on record → `any`.
 *
 * Checked 2026-12-07 with the search tool (stored copies, not the live official sites). Only a
 * statute's own text moves a state off `consent`: where only a law-firm summary was found, the
 * state stays `consent` (the conservative reading) and `basis` says what the summary claims, so
 * counsel can confirm it against the text.
 */
import type { ElectronicNotice } from '../rule-notice.schema.js';

const ESIGN = '15 U.S.C. §7001(c): the consumer affirmatively consented to electronic records';

/** The conservative default: the statute's text on electronic notice was not read here. */
const unread = (cite: string, summary?: string): ElectronicNotice => ({
  allowed: 'consent',
  basis: `${cite}: statute text on electronic notice not read (2026-12-07); e-mail only with E-SIGN consent (${ESIGN}) — the conservative reading${summary ? `. A secondary summary says: ${summary}; confirm against the text` : ''}`,
});

export const US_STATE_ELECTRONIC_NOTICE: Record<string, ElectronicNotice> = {
  AL: unread('Ala. Code §8-38-5(d)', 'notice in writing to the mailing address or by e-mail to the address in the records (termsfeed, mondaq summaries; the stored copy of §8-38-5 breaks off at (d))'),
  AK: unread('AS 45.48.030', 'electronic means if the primary method of communication or consistent with E-SIGN'),
  AZ: unread('A.R.S. §18-552(F)', 'e-mail notice if the person has e-mail addresses for the individuals (Klinedinst summary, 2024)'),
  AR: unread('Ark. Code §4-110-105(e)'),
  CT: unread('Conn. Gen. Stat. §36a-701b(e)'),
  DE: unread('6 Del. C. §12B-101'),
  DC: unread('D.C. Code §28-3851'),
  GA: unread('O.C.G.A. §10-1-911'),
  HI: unread('HRS §487N-1 "notice"'),
  ID: unread('Idaho Code §28-51-104'),
  IN: {
    allowed: 'any',
    basis:
      'IC 24-4.9-3-4(a)(4): "Electronic mail, if the data base owner has the electronic mail address of the affected Indiana resident" (text read in the stored copy of the 2017 Indiana Code at law.justia.com and law.counselstack.com)',
  },
  IA: unread('Iowa Code §715C.2(5)', 'electronic notice if customary communication is electronic or consistent with E-SIGN'),
  KS: unread('K.S.A. 50-7a01'),
  KY: unread('KRS 365.732'),
  LA: unread('La. R.S. 51:3074'),
  ME: unread('10 M.R.S. §1347'),
  MD: unread('Md. Code, Com. Law §14-3504(e)', 'e-mail if the individual expressly consented or the business is conducted primarily through the Internet'),
  MI: unread('MCL 445.72(5)', 'electronically if consented, an existing relationship with periodic e-mail, or business primarily on the Internet'),
  MN: unread('Minn. Stat. §325E.61'),
  MS: unread('Miss. Code §75-24-29', 'electronic notice if that is the primary means of communication or consistent with E-SIGN (DWT summary)'),
  MO: unread('RSMo §407.1500', 'electronic notice if the resident agreed to receive communications electronically and consistent with E-SIGN (DWT summary, 2019)'),
  MT: unread('Mont. Code §30-14-1704'),
  NE: unread('Neb. Rev. Stat. §87-802'),
  NV: unread('NRS 603A.220'),
  NH: unread('RSA 359-C:20', 'the NH Department of Justice page says "either in writing, by e-mail or by telephone"; the Mintz summary "written, electronic or telephonic notice"'),
  NJ: unread('N.J.S.A. 56:8-163'),
  NM: unread('N.M. Stat. §57-12C-7'),
  NC: unread('N.C.G.S. §75-65(e)'),
  ND: unread('N.D.C.C. §51-30-05'),
  OH: unread('Ohio Rev. Code §1349.19(E)', 'e-mail permitted if it is the primary method of communication with the resident (Snell & Wilmer, DWT summaries; the stored copy of §1349.19 breaks off before (E))'),
  OK: unread('24 O.S. §162'),
  OR: unread('ORS 646A.604(4)', 'electronic notice if the covered entity customarily communicates electronically or consistent with E-SIGN'),
  PA: unread('73 P.S. §2302 "notice"'),
  RI: unread('R.I. Gen. Laws §11-49.3-3'),
  SC: unread('S.C. Code §39-1-90(E)'),
  SD: {
    allowed: 'consent_or_primary',
    basis:
      'SDCL §22-40-22(2): "Electronic notice, if the electronic notice is consistent with the provisions regarding electronic records and signatures set forth in 15 U.S.C. §7001 … or if the information holder\'s primary method of communication with the resident of this state has been by electronic means" (text read in the stored copy at getpocketlaw.com; SL 2018, ch 135, §4)',
  },
  TN: unread('Tenn. Code §47-18-2107'),
  UT: unread('Utah Code §13-44-202(5)'),
  VT: unread('9 V.S.A. §2435(b)(6)'),
  VA: {
    allowed: 'any',
    basis:
      'Va. Code §18.2-186.6(A): "\'Notice\' means: 1. Written notice to the last known postal address in the records of the individual or entity; 2. Telephone notice; 3. Electronic notice; or 4. Substitute notice …" — electronic notice without a condition (text read in the stored copies at instalawyer.io and statutes.laws.com)',
  },
  WV: unread('W. Va. Code §46A-2A-101'),
  WI: unread('Wis. Stat. §134.98(3)(c)', 'by mail or by a method the entity has previously employed to communicate with the subject (DWT, Lewis Brisbois summaries)'),
  WY: unread('Wyo. Stat. §40-12-502'),
  PR: unread('10 L.P.R.A. §4053'),
  GU: unread('9 GCA §48.20'),
  VI: unread('14 V.I.C. §2208'),
};

/** The record of a state with no entry (a state added later): the conservative default. */
export const electronicNoticeOf = (code: string): ElectronicNotice => US_STATE_ELECTRONIC_NOTICE[code] ?? unread(`the ${code} breach statute`);
