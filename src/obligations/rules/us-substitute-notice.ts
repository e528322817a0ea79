/**
 * Substitute notice per US state (rule-notice.schema.ts `substitute`) for the states built by
 * us-common.ts `stateRules` (and the states with their own rule files): the statute's grounds (cost or number of people to notify "exceeds" a
 * figure, or insufficient contact information) and what the substitute notice consists of.
 *
 * Checked 2026-12-07 with the search tool (stored copies, never the live official sites) against
 * two secondary sources: C16 — a compilation quoting each statute's notice-method text
 * (jgnickerson/resource-library "Notifications to data affected individuals: state content and
 * method requirements", c. 2016, so amendments since are not in it), and DS — the
 * AlexNetCC/USDataBreachApp raw-laws dataset (Foley & Lardner chart, verified 2025-09-01). Where
 * they agree the entry says so; where only one has the state, or they differ, `basis` says which.
 * A state absent here (AR, VI) was not read: its rule carries no substitute record.
 */
import type { SubstituteNotice } from '../rule-notice.schema.js';

const C16 = 'the statute text as quoted in a c. 2016 compilation (stored copy; later amendments not checked)';
const DS = 'the AlexNetCC/USDataBreachApp dataset (2025)';
const BOTH = `${C16}, and ${DS} agrees`;

const EMAIL = 'e-mail notice where the entity has e-mail addresses';
const WEB = 'conspicuous posting on the entity’s website, if it maintains one';
const MEDIA = 'notification to major statewide media';
const STANDARD = [EMAIL, WEB, MEDIA];

const sub = (costOver: number | null, countOver: number | null, basis: string, components = STANDARD, insufficientContact = true): SubstituteNotice => ({
  costOver,
  countOver,
  insufficientContact,
  components,
  basis,
});

export const US_STATE_SUBSTITUTE: Record<string, SubstituteNotice> = {
  AL: sub(500_000, 100_000, `Ala. Code §8-38-5(e): ${DS} (the stored copy of §8-38-5 breaks off at (d))`, [`${WEB.replace(', if it maintains one', '')} for 30 days`, 'notice in print and broadcast media, including major media in urban and rural areas where the individuals reside']),
  AK: sub(150_000, 300_000, `AS 45.48.030(3): ${C16}`),
  AZ: sub(50_000, 100_000, `A.R.S. §18-552(F)(4) (HB 2154, 2018): ${DS}, and a stored transcription of §18-552 agrees`, ['a written letter to the Attorney General demonstrating the facts that allow substitute notice', 'conspicuous posting of the notice on the website for at least 45 days, if the entity maintains one']),
  CT: sub(250_000, 500_000, `Conn. Gen. Stat. §36a-701b(e)(4): ${BOTH}`, [EMAIL, WEB, 'notification to major statewide media, including newspapers, radio and television']),
  DE: sub(75_000, 100_000, `6 Del. C. §12B-101 "notice" (4): ${C16}`),
  DC: sub(50_000, 100_000, `D.C. Code §28-3851 "notice" (substitute): ${C16}`, [EMAIL, WEB, 'notice to major local and, if applicable, national media']),
  GA: sub(250_000, 500_000, `O.C.G.A. §10-1-911 "notice" (4): ${C16} (worded for information brokers); ${DS} gives $50,000 / 100,000 — confirm against the text (the higher figures are kept: they open substitute notice less often)`),
  HI: sub(100_000, 200_000, `HRS §487N-2(e)(4): ${C16}`),
  ID: sub(25_000, 50_000, `Idaho Code §28-51-104 "notice" (4): ${C16}`),
  IN: sub(250_000, 500_000, `IC 24-4.9-3-4(b): ${C16} ("more than" 500,000 residents or $250,000; no contact-information ground)`, [WEB, 'notice to major news reporting media in the area where the affected Indiana residents live'], false),
  IA: sub(250_000, 350_000, `Iowa Code §715C.2(5)(c): ${C16}`, [EMAIL, 'conspicuous posting of the notice or a link to it on the entity’s internet site', MEDIA]),
  KS: sub(100_000, 5_000, `K.S.A. 50-7a01(c)(3): ${C16}`),
  KY: sub(250_000, 500_000, `KRS 365.732(5)(c): ${C16}`),
  LA: sub(250_000, 500_000, `La. R.S. 51:3074(G): ${C16}`),
  ME: sub(5_000, 1_000, `10 M.R.S. §1347 "notice" (3): ${C16}`),
  // HB 962 (2022) left insufficient contact information as the only ground (the c. 2016 text: > $100,000 or > 175,000).
  MD: sub(null, null, `Md. Code, Com. Law §14-3504(e)(4) (as amended by HB 962, 2022): ${DS}; ${C16} had $100,000 / 175,000`, ['e-mail to individuals whose e-mail address the business has', WEB, 'notification to major print or broadcast media in the areas where the affected individuals likely live']),
  MI: sub(250_000, 500_000, `MCL 445.72(5)(d): ${C16} (no contact-information ground)`, [EMAIL, WEB, 'notifying major statewide media, with a telephone number or website for assistance'], false),
  MN: sub(250_000, 500_000, `Minn. Stat. §325E.61 subd. 1(g)(3): ${C16}`),
  MS: sub(5_000, 5_000, `Miss. Code §75-24-29(6)(d): ${C16}`, [EMAIL, WEB, 'notification to major statewide media, including newspapers, radio and television']),
  MO: sub(100_000, 150_000, `RSMo §407.1500.2(6)(4): ${C16}`, [EMAIL, 'conspicuous posting of the notice or a link to it on the website', MEDIA]),
  MT: sub(250_000, 500_000, `Mont. Code §30-14-1704(5)(a)(iv): ${C16}`, [EMAIL, WEB, 'notification to applicable local or statewide media']),
  NE: sub(75_000, 100_000, `Neb. Rev. Stat. §87-802(4)(d): ${C16}; an entity of ten employees or fewer may also use it above $10,000 (newspaper advertisement, website, local media)`, [EMAIL, WEB, 'notice to major statewide media outlets']),
  NV: sub(250_000, 500_000, `NRS 603A.220(4)(c): ${C16}`),
  NH: sub(5_000, 1_000, `RSA 359-C:20(III)(d): ${C16}`),
  NJ: sub(250_000, 500_000, `N.J.S.A. 56:8-163(d)(3): ${C16}`),
  NM: sub(100_000, 50_000, `N.M. Stat. §57-12C-7(D): ${DS}`, ['e-mail to the residents for whom the entity has a valid address', WEB, 'written notification to the Attorney General and major media outlets in New Mexico']),
  NC: sub(250_000, 500_000, `N.C.G.S. §75-65(e)(4): ${C16}`),
  ND: sub(250_000, 500_000, `N.D.C.C. §51-30-05(4): ${C16}`),
  OH: sub(250_000, 500_000, `Ohio Rev. Code §1349.19(E)(4): ${BOTH}; an entity of ten employees or fewer may also use it above $10,000 (§1349.19(E)(5): newspaper advertisement, website, local media)`, [EMAIL, WEB, 'notification to major media outlets whose audiences reach at least 75% of Ohio’s population']),
  OK: sub(50_000, 100_000, `24 O.S. §162 "notice" (4): ${C16} — any two of the components`, ['any two of: e-mail notice where the entity has e-mail addresses; conspicuous posting on its public website; notice to major statewide media']),
  OR: sub(250_000, 350_000, `ORS 646A.604(5)(d): ${C16}`, ['conspicuous posting of the notice or a link to it on the home page of the website, if it maintains one', 'notification to major statewide television and newspaper media']),
  PA: sub(100_000, 175_000, `73 P.S. §2302 "notice" (4): ${C16}`),
  RI: sub(25_000, 50_000, `R.I. Gen. Laws §11-49.3-3(a)(4) "notice": ${C16}`),
  SC: sub(250_000, 500_000, `S.C. Code §39-1-90(E)(4): ${C16}`),
  SD: sub(250_000, 500_000, `SDCL §22-40-22(3): the text read in the stored copy at getpocketlaw.com (SL 2018, ch 135) — e-mail, website, statewide media as recorded in a transcription of it`),
  TN: sub(250_000, 500_000, `Tenn. Code §47-18-2107(e)(3): ${C16}`),
  UT: sub(null, null, `Utah Code §13-44-202(5)(a)(iv): ${C16} — publication in a newspaper of general circulation is one of the ordinary methods, with no cost or count ground`, ['publishing notice of the breach in a newspaper of general circulation'], false),
  VT: sub(5_000, 5_000, `9 V.S.A. §2435(b)(6)(B): ${C16} (later amendments, which may have raised the cost figure, not checked)`, [WEB, 'notification to major statewide and regional media']),
  VA: sub(50_000, 100_000, `Va. Code §18.2-186.6(A) "notice" (4): ${C16}`),
  WV: sub(50_000, 100_000, `W. Va. Code §46A-2A-101(7)(D): ${C16} — any two of the components`, ['any two of: e-mail notice where the entity has e-mail addresses; conspicuous posting on its website; notice to major statewide media']),
  WI: sub(null, null, `Wis. Stat. §134.98(3)(c): ${C16} — no substitute notice; where the mailing address cannot be found with reasonable diligence and the entity never communicated with the person, a method reasonably calculated to give actual notice`, ['a method reasonably calculated to provide actual notice'], true),
  WY: sub(250_000, 500_000, `Wyo. Stat. §40-12-502(d)(iii): ${C16} — $250,000 / 500,000 for businesses not based in Wyoming; $10,000 / 10,000 for Wyoming-based ones. ${DS} gives $50,000 / 100,000 instead: confirm against the text`, ['conspicuous posting on the entity’s website, if it maintains one', 'notification to major statewide media, with a toll-free number where a person can learn whether their data is included']),
  // States with their own rule files (us-tx, us-wa, us-il, us-ma, us-co) take these through substituteFields too.
  TX: sub(250_000, 500_000, `Tex. Bus. & Com. Code §521.053(f): ${BOTH} — "may be given by" the components`),
  WA: sub(250_000, 500_000, `RCW 19.255.010(8)(c): ${BOTH}`),
  IL: sub(250_000, 500_000, `815 ILCS 530/10(c)(3): ${C16}`),
  MA: sub(250_000, 500_000, `M.G.L. c. 93H §1 "substitute notice": ${C16}`, ['e-mail notice where the person has e-mail addresses for the affected residents', 'clear and conspicuous posting on the home page of its website, if it maintains one', 'publication in or broadcast through media that provide notice throughout the commonwealth']),
  CO: sub(250_000, 250_000, `C.R.S. §6-1-716(1)(f)(IV): ${C16} (> 250,000 Colorado residents)`),
  PR: sub(100_000, 100_000, `10 L.P.R.A. §4053: ${C16} (also when notice is excessively onerous)`, ['prominent announcement at the premises, on the website and in fliers sent to postal and e-mail lists', 'communication to the media with how to contact the entity']),
  GU: sub(10_000, 5_000, `9 GCA §48.20 "notice": ${C16} — any two of the components (also without consent to electronic notice)`, ['any two of: e-mail notice where the entity has e-mail addresses; conspicuous posting on its website; notice to major Guam media']),
};

/** The substitute-notice record of state `code`, or null where its text was not read. */
export const substituteOf = (code: string): SubstituteNotice | null => US_STATE_SUBSTITUTE[code] ?? null;
