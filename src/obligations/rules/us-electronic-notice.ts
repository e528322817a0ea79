/**
 * When e-mail is notice to a resident under each state's breach statute (rule.schema.ts
 * `electronicNotice`), for the states built by us-common.ts `stateRules`.
 *
 * Most statutes define notice as written notice, or electronic notice "consistent with the
 * provisions regarding electronic records and signatures set forth in 15 U.S.C. §7001" (E-SIGN:
 * the consumer affirmatively consented, §7001(c)) → `consent`. Some add "or if the primary means
 * (method) of communication with the resident is by electronic means" → `consent_or_primary`.
 * A few allow e-mail to any address on record → `any`; Ohio and New Hampshire name only the primary
 * means (no consent route) → `primary`.
 *
 * Checked 2026-12-07 with the search tool (stored copies, not the live official sites). Only a
 * statute's own words move a state off `consent`: the text itself, or a compilation quoting it
 * (C16; the quotation is c. 2016, so a later amendment could differ — each basis says which). Where
 * only a law-firm summary was found, the state stays `consent` (the conservative reading) and
 * `basis` says what the summary claims, so counsel can confirm it against the text. Where the
 * statute's extra route does not fit the three answers (Vermont's narrow no-postal-address route,
 * Wisconsin's "a method previously employed"), the nearest narrower answer is taken and said.
 */
import type { ElectronicNotice } from '../rule-notice.schema.js';

const ESIGN = '15 U.S.C. §7001(c): the consumer affirmatively consented to electronic records';
/** A compilation quoting each statute's notice-method text (c. 2016): secondary, but in the statute's words. */
const C16 = 'the text quoted in a c. 2016 compilation of state notice-method provisions (jgnickerson/resource-library, stored copy; amendments since not checked)';
const DS = 'the AlexNetCC/USDataBreachApp dataset (Foley & Lardner chart, 2025)';

/** The statute's own words were found (quoted) and say `allowed`. */
const quoted = (allowed: ElectronicNotice['allowed'], cite: string, words: string, source: string): ElectronicNotice => ({
  allowed,
  basis: `${cite}: ${words} (${source})`,
});

/** The conservative default: the statute's text on electronic notice was not read here. */
const unread = (cite: string, summary?: string): ElectronicNotice => ({
  allowed: 'consent',
  basis: `${cite}: statute text on electronic notice not read (2026-12-07); e-mail only with E-SIGN consent (${ESIGN}) — the conservative reading${summary ? `. A secondary summary says: ${summary}; confirm against the text` : ''}`,
});

export const US_STATE_ELECTRONIC_NOTICE: Record<string, ElectronicNotice> = {
  AL: unread('Ala. Code §8-38-5(d)', 'notice in writing to the mailing address or by e-mail to the address in the records (the AlexNetCC/USDataBreachApp dataset, termsfeed and mondaq summaries agree; the stored copy of §8-38-5 breaks off at (d), and no copy quoting (d) was found on 2026-12-07)'),
  AK: quoted('consent_or_primary', 'AS 45.48.030(2)', '"by electronic means if the information collector\'s primary method of communication with the state resident is by electronic means or if making the disclosure by the electronic means is consistent with" E-SIGN', C16),
  AZ: quoted('any', 'A.R.S. §18-552(F)(2) (HB 2154, in force 2018-08-03)', '"an e-mail notice if the person has e-mail addresses for the individuals who are subject to the notice"', `a stored transcription of §18-552; ${DS} and a Klinedinst summary (2024) agree`),
  AR: unread('Ark. Code §4-110-105(e)'),
  CT: unread('Conn. Gen. Stat. §36a-701b(e)'),
  DE: unread('6 Del. C. §12B-101'),
  DC: quoted('consent', 'D.C. Code §28-3851 "notice" (B)', 'electronic notice "if the customer has consented to receipt of electronic notice consistent with" E-SIGN', C16),
  GA: unread('O.C.G.A. §10-1-911'),
  HI: quoted('consent', 'HRS §487N-2(e)(2)', 'electronic mail notice "for those persons for whom a business … has a valid electronic mail address and who have agreed to receive communications electronically", consistent with E-SIGN', C16),
  ID: unread('Idaho Code §28-51-104'),
  IN: {
    allowed: 'any',
    basis:
      'IC 24-4.9-3-4(a)(4): "Electronic mail, if the data base owner has the electronic mail address of the affected Indiana resident" (text read in the stored copy of the 2017 Indiana Code at law.justia.com and law.counselstack.com)',
  },
  IA: quoted('consent_or_primary', 'Iowa Code §715C.2(5)(b)', '"electronic notice if the person\'s customary method of communication with the consumer is by electronic means or is consistent with" E-SIGN and chapter 554D', C16),
  KS: unread('K.S.A. 50-7a01'),
  KY: unread('KRS 365.732'),
  LA: unread('La. R.S. 51:3074'),
  ME: unread('10 M.R.S. §1347'),
  MD: quoted('consent', 'Md. Code, Com. Law §14-3504(e)(2) (as amended by HB 962, in force 2022-10-01)', 'e-mail to the most recent address on record "if the individual has expressly consented to receive electronic notice" — the c. 2016 text also allowed it where the business "conducts its business primarily through Internet account transactions or the Internet"; the 2025 dataset gives only the consent route for today\'s text, so consent it is', `${DS}; ${C16} for the earlier wording`),
  MI: quoted('consent_or_primary', 'MCL 445.72(5)(b)', 'written notice sent electronically if the recipient expressly consented, the entity has an existing business relationship with periodic e-mail communications with the recipient, or it conducts its business primarily on the internet — the last two read as the primary-means declaration', C16),
  MN: quoted('consent_or_primary', 'Minn. Stat. §325E.61 subd. 1(g)(2)', '"electronic notice, if the person\'s primary method of communication with the individual is by electronic means, or if the notice provided is consistent with" E-SIGN', C16),
  MS: quoted('consent_or_primary', 'Miss. Code §75-24-29(6)(c)', '"electronic notice, if the person\'s primary means of communication with the affected individuals is by electronic means or if the notice is consistent with" E-SIGN', C16),
  MO: quoted('consent', 'RSMo §407.1500.2(6)(2)', 'electronic notice "for those consumers for whom the person has a valid email address and who have agreed to receive communications electronically", consistent with E-SIGN', C16),
  MT: unread('Mont. Code §30-14-1704'),
  NE: unread('Neb. Rev. Stat. §87-802'),
  NV: unread('NRS 603A.220'),
  NH: quoted('primary', 'RSA 359-C:20(III)(b)', '"electronic notice, if the agency or business\' primary means of communication with affected individuals is by electronic means" — no consent route; the NH Department of Justice page\'s "by e-mail" is read with it', C16),
  NJ: unread('N.J.S.A. 56:8-163'),
  NM: quoted('consent_or_primary', 'N.M. Stat. §57-12C-7(C)(2)', 'electronic notification "if the person required to make the notification primarily communicates with the New Mexico resident by electronic means or if the notice provided is consistent with" E-SIGN', DS),
  NC: quoted('consent', 'N.C.G.S. §75-65(e)(2)', 'electronic notice "for those persons for whom it has a valid e-mail address and who have agreed to receive communications electronically", consistent with E-SIGN', C16),
  ND: unread('N.D.C.C. §51-30-05'),
  OH: quoted('primary', 'Ohio Rev. Code §1349.19(E)(3)', '"electronic notice, if the person\'s primary method of communication with the resident to whom the disclosure must be made is by electronic means" — no E-SIGN consent route in the text', `${C16}; ${DS} agrees`),
  OK: quoted('any', '24 O.S. §161 "notice" (c)', '"electronic notice" with no condition (written, telephone, electronic or substitute notice)', C16),
  OR: quoted('consent_or_primary', 'ORS 646A.604(5)(b)', '"electronic notice if the person\'s customary method of communication with the individual is by electronic means or is consistent with" E-SIGN', C16),
  PA: quoted('consent_or_primary', '73 P.S. §2302 "notice" (3)', '"e-mail notice, if a prior business relationship exists and the person or entity has a valid e-mail address for the individual" — the person\'s e-mail consent or the primary-means declaration each evidence the prior business relationship the text asks for', C16),
  RI: unread('R.I. Gen. Laws §11-49.3-3'),
  SC: quoted('consent_or_primary', 'S.C. Code §39-1-90(E)(2)', '"electronic notice, if the person\'s primary method of communication with the individual is by electronic means or is consistent with" E-SIGN and Title 11 ch. 6', C16),
  SD: {
    allowed: 'consent_or_primary',
    basis:
      'SDCL §22-40-22(2): "Electronic notice, if the electronic notice is consistent with the provisions regarding electronic records and signatures set forth in 15 U.S.C. §7001 … or if the information holder\'s primary method of communication with the resident of this state has been by electronic means" (text read in the stored copy at getpocketlaw.com; SL 2018, ch 135, §4)',
  },
  TN: unread('Tenn. Code §47-18-2107'),
  UT: quoted('consent_or_primary', 'Utah Code §13-44-202(5)(a)(ii)', '"electronically, if the person\'s primary method of communication with the resident is by electronic means, or if provided in accordance with the consumer disclosure provisions of" 15 U.S.C. §7001', `${C16}; ${DS} agrees`),
  VT: quoted('consent', '9 V.S.A. §2435(b)(6)(A)(iii)', 'electronic notice if consistent with E-SIGN, or — narrower — where the collector has no postal or telephone contact for the consumer, its primary method of communication is electronic, and the e-mail asks for no personal information and warns against answering with it; that second route needs facts this rule set does not hold, so e-mail here needs consent. The 2025 dataset summarises the text since H.711 (2024) as "primary method of communication or E-SIGN" — if the text says so, this becomes consent_or_primary; confirm', `${C16}; ${DS}`),
  VA: {
    allowed: 'any',
    basis:
      'Va. Code §18.2-186.6(A): "\'Notice\' means: 1. Written notice to the last known postal address in the records of the individual or entity; 2. Telephone notice; 3. Electronic notice; or 4. Substitute notice …" — electronic notice without a condition (text read in the stored copies at instalawyer.io and statutes.laws.com)',
  },
  WV: unread('W. Va. Code §46A-2A-101'),
  WI: quoted('primary', 'Wis. Stat. §134.98(3)(c)', 'notice "by mail or by a method the entity has previously employed to communicate with the subject": e-mail counts where the entity has e-mailed the person before — the primary-means declaration is taken as that showing (a prior e-mail to one person alone is not recorded here)', C16),
  WY: quoted('any', 'Wyo. Stat. §40-12-502(d)(ii)', '"electronic mail notice" with no condition', `${C16}; ${DS} instead summarises electronic notice as primary means or E-SIGN — confirm against the text`),
  PR: unread('10 L.P.R.A. §4053'),
  GU: quoted('any', '9 GCA §48.20 "notice" (c)', '"electronic notice" with no condition (substitute notice also where the entity lacks consent)', C16),
  VI: unread('14 V.I.C. §2208'),
};

/** The record of a state with no entry (a state added later): the conservative default. */
export const electronicNoticeOf = (code: string): ElectronicNotice => US_STATE_ELECTRONIC_NOTICE[code] ?? unread(`the ${code} breach statute`);
