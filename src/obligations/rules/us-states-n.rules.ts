/**
 * Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota — every text
 * in force since 2018-01-01, with sources and what was checked.
 */
import { CREDENTIALS, type StateLaw, STORED_COPIES, src } from './us-common.js';

const NE: StateLaw = {
  code: 'NE',
  versions: [
    {
      from: '2016-07-21',
      citation: 'Neb. Rev. Stat. §§87-801 to 87-808',
      mode: 'acquisition',
      ind: { days: null, urgency: 'as_soon_as_possible' as const },
      harm: {
        basis: 'exception',
        standard:
          'after a good-faith, reasonable and prompt investigation, notice is owed "if the investigation determines that the use of information about a Nebraska resident for an unauthorized purpose has occurred or is reasonably likely to occur"',
        cite: 'Neb. Rev. Stat. §87-803(1)',
      },
      ag: { count: 1, comparator: '>=', relation: 'no_later_than_individuals' },
      source: src(
        'https://nebraskalegislature.gov/laws/statutes.php?statute=87-803',
        'Neb. Rev. Stat. §87-803 (Breach of security; investigation; notice to resident; notice to Attorney General)',
        `${STORED_COPIES}: the text of §87-803(1)–(3) (self-law.org research copy, citing nebraskalegislature.gov); cliclaw.com (act effective 2006-07-14)`,
      ),
      verified:
        'Confirmed from the text: the investigation-based standard; as soon as possible and without unreasonable delay; AG "not later than the time when notice is provided to the Nebraska resident"; no CRA duty. Not confirmed: 2016-07-21 (LB 835, which added the AG notice) as the start of the current text.',
    },
  ],
};

const NV: StateLaw = {
  code: 'NV',
  versions: [
    {
      from: '2015-07-01',
      citation: 'Nev. Rev. Stat. §§603A.010–603A.290 (notice: §603A.220)',
      mode: 'acquisition',
      ind: { days: null },
      harm: null,
      cra: { count: 1000, comparator: '>', counted: 'persons notified at any one time' },
      source: src(
        'https://www.leg.state.nv.us/NRS/NRS-603A.html#NRS603ASec220',
        'Nev. Rev. Stat. §603A.220 (Disclosure of breach of security of system data)',
        `${STORED_COPIES}: the text of NRS 603A.220(1)–(4) (casetext.com, current through the 2023 session; instalawyer.io): most expedient time and without unreasonable delay, no harm test; Perkins Coie (S.B. 347 of 2005, S.B. 186 effective 2011-10-01, A.B. 179 effective 2015-07-01; CRAs when notice is required to more than 1,000 persons at any one time)`,
      ),
      verified:
        'Confirmed: most expedient time and without unreasonable delay; no risk-of-harm test; CRAs above 1,000 persons at any one time; A.B. 179 in force 2015-07-01. Not compared: a later subsection 7 exception referred to in the 2023 text.',
    },
  ],
};

const NH: StateLaw = {
  code: 'NH',
  versions: [
    {
      from: '2007-01-01',
      citation: 'N.H. Rev. Stat. Ann. §§359-C:19 to 359-C:21',
      mode: 'acquisition',
      ind: { days: null, urgency: 'as_soon_as_possible' },
      harm: {
        basis: 'exception',
        standard:
          'the business must promptly determine the likelihood that the information has been or will be misused; notice is owed if it "has been misused, is likely to be misused or if a determination cannot be made"',
        cite: 'N.H. Rev. Stat. Ann. §359-C:20(I)(a)',
      },
      ag: {
        name: 'New Hampshire Attorney General (or the primary regulator of a business subject to RSA 358-A:3)',
        count: 1,
        comparator: '>=',
        content: ['anticipated date of the notice to individuals', 'approximate number of affected New Hampshire residents'],
      },
      cra: { count: 1000, comparator: '>', counted: 'persons notified' },
      source: src(
        'https://www.gencourt.state.nh.us/rsa/html/XXXI/359-C/359-C-20.htm',
        'N.H. Rev. Stat. Ann. §359-C:20 (Notification of security breach required)',
        `${STORED_COPIES}: the New Hampshire Department of Justice page on security breach notifications (doj.nh.gov: the misuse determination, "if a determination cannot be made", regulator or AG, CRAs "if over 1,000"); cliclaw.com (§359-C:19 definitions; effective 2007-01-01)`,
      ),
      verified:
        'Confirmed (official DOJ page): a risk-of-harm standard exists (a public breach-law dataset derived from the Foley & Lardner chart says "no" — wrong) and only a finding that misuse has not occurred and is not likely removes the duty; AG or primary regulator for any resident; CRAs above 1,000.',
    },
  ],
};

const NJ_SOURCE = src(
  'https://pub.njleg.state.nj.us/',
  'N.J. Stat. Ann. §§56:8-161 to 56:8-166 (notice: §56:8-163), as amended by P.L. 2019, c. 95 (S52)',
  `${STORED_COPIES}: Perkins Coie (A. 4001 effective 2006-01-01; S52 signed 2019-05-10, effective 2019-09-01; the exception "misuse of the information is not reasonably possible", documented and kept 5 years; CRAs when more than 1,000 persons at one time); cliclaw.com and Klinedinst (report to the Division of State Police before notifying residents; online form at cyber.nj.gov/breach)`,
);
const NJ_BASE = {
  citation: 'N.J. Stat. Ann. §56:8-163',
  mode: 'access' as const,
  ind: { days: null },
  harm: {
    basis: 'exception' as const,
    standard: 'disclosure is not required "if the business or public entity establishes that misuse of the information is not reasonably possible"',
    cite: 'N.J. Stat. Ann. §56:8-163(a)',
    inWriting: true,
    documentationYears: 5,
  },
  ag: {
    name: 'New Jersey Division of State Police (Department of Law and Public Safety)',
    recipient: 'law_enforcement' as const,
    count: 1,
    comparator: '>=' as const,
    relation: 'before_individuals' as const,
    content: ['report of the breach and related information (online form)'],
  },
  cra: { count: 1000, comparator: '>' as const, counted: 'persons notified at one time' },
  source: NJ_SOURCE,
};
const NJ: StateLaw = {
  code: 'NJ',
  versions: [
    { ...NJ_BASE, from: '2006-01-01', to: '2019-08-31', verified: 'Confirmed: the text before S52 (online credentials added by S52).' },
    {
      ...NJ_BASE,
      from: '2019-09-01',
      // N.J.S.A. 56:8-161 as amended by P.L. 2019, c. 95: "user name, email address, or any other
      // account holder identifying information, in combination with any password or security
      // question and answer that would permit access to an online account" — no name needed.
      piAlso: CREDENTIALS,
      verified:
        'Confirmed: access suffices; the exception needs the business to establish misuse is not reasonably possible, documented in writing and kept 5 years; State Police before the notice to residents; CRAs above 1,000 persons at one time.',
    },
  ],
};

const NM: StateLaw = {
  code: 'NM',
  versions: [
    {
      from: '2017-06-16',
      citation: 'N.M. Stat. Ann. §§57-12C-1 to 57-12C-12 (Data Breach Notification Act)',
      mode: 'acquisition',
      ind: { days: 45 },
      harm: {
        basis: 'exception',
        standard: 'not required if, after an appropriate investigation, the person determines that the security breach does not give rise to a significant risk of identity theft or fraud',
        cite: 'N.M. Stat. Ann. §57-12C-6(C)',
      },
      ag: {
        count: 1000,
        comparator: '>',
        counted: 'New Mexico residents notified as a result of a single breach',
        days: 45,
        content: ['number of New Mexico residents notified', 'copy of the notice sent to residents'],
      },
      cra: { count: 1000, comparator: '>', counted: 'New Mexico residents notified as a result of a single breach', days: 45 },
      source: src(
        'https://nmonesource.com/nmos/nmsa/en/nav.do',
        'N.M. Stat. Ann. §57-12C-6 (Notification of security breach), §57-12C-10 (Notification to attorney general and credit reporting agencies)',
        `${STORED_COPIES}: the text of §57-12C-10 (FindLaw: "more than one thousand New Mexico residents as a result of a single security breach … no later than forty-five calendar days"); the §57-12C-7 annotation (Laws 2017, ch. 36, effective 2017-06-16) on law.justia.com; DWT blog (45 days, significant-risk standard)`,
      ),
      verified:
        'Confirmed: 45 calendar days after discovery for residents, the AG and the CRAs (AG and CRAs when more than 1,000 residents); the significant-risk exception (paraphrased by two secondary sources).',
    },
  ],
};

const NC: StateLaw = {
  code: 'NC',
  versions: [
    {
      from: '2009-10-01',
      citation: 'N.C. Gen. Stat. §§75-61(14), 75-65',
      mode: 'acquisition',
      ind: { days: null },
      harm: {
        basis: 'element',
        standard:
          'security breach is unauthorized access to and acquisition of records "where illegal use of the personal information has occurred or is reasonably likely to occur or that creates a material risk of harm to a consumer"',
        cite: 'N.C. Gen. Stat. §75-61(14)',
      },
      ag: {
        name: 'North Carolina Attorney General, Consumer Protection Division',
        count: 1,
        comparator: '>=',
        content: ['nature of the breach', 'number of consumers affected', 'steps taken to investigate and prevent a recurrence', 'information on the timing, distribution and content of the notice'],
      },
      cra: { count: 1000, comparator: '>', counted: 'persons notified at one time' },
      source: src(
        'https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/Chapter_75/GS_75-65.html',
        'N.C. Gen. Stat. §75-65 (Protection from security breaches); §75-61(14) (definition)',
        `${STORED_COPIES}: the North Carolina Department of Justice page (ncdoj.gov) quoting the §75-61(14) definition; Perkins Coie (S.B. 1048 effective 2005-12-01, amended by S.B. 1017 of 2009; AG whenever a business notifies; CRAs when more than 1,000 persons at one time)`,
      ),
      verified:
        'Confirmed (official DOJ page): harm is an element of the definition; access and acquisition; AG Consumer Protection Division whenever notice is given; CRAs above 1,000 persons at one time; paper covered too. Not confirmed: 2009-10-01 as the start of the 2009 amendment.',
    },
  ],
};

const ND: StateLaw = {
  code: 'ND',
  versions: [
    {
      from: '2015-08-01',
      citation: 'N.D. Cent. Code §§51-30-01 to 51-30-07',
      mode: 'acquisition',
      ind: { days: null },
      harm: null,
      ag: {
        count: 250,
        comparator: '>',
        everyone: true,
        counted: 'individuals affected by the breach (the statute does not limit the count to North Dakota residents)',
        notes: 'By mail or e-mail, in the most expedient time possible and without unreasonable delay.',
      },
      source: src(
        'https://ndlegis.gov/cencode/t51c30.pdf',
        'N.D. Cent. Code §51-30-02 (Notice to attorney general and consumers)',
        `${STORED_COPIES}: the text of §51-30-02 (lexace.ai: "any breach of the security system which exceeds two hundred fifty individuals"); Perkins Coie (S.B. 2214 effective 2015-08-01); DWT (no harm threshold)`,
      ),
      verified:
        'Confirmed from the text: AG when the breach exceeds 250 individuals — counted over everyone in the breach, as the text says "individuals", not residents; no risk-of-harm test; no CRA duty (one summary claims CRAs above 1,000 — not in the text read).',
    },
  ],
};

export const LAWS_N: StateLaw[] = [NE, NV, NH, NJ, NM, NC, ND];
