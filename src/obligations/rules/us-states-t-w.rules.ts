/**
 * Tennessee, Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming, and the territories
 * (Puerto Rico, Guam, U.S. Virgin Islands) — every text in force since 2018-01-01, with sources and
 * what was checked.
 */
import { type StateLaw, STORED_COPIES, src } from './us-common.js';

const TN: StateLaw = {
  code: 'TN',
  versions: [
    {
      from: '2017-04-04',
      citation: 'Tenn. Code Ann. §47-18-2107',
      mode: 'acquisition',
      ind: { days: 45 },
      harm: null,
      cra: { count: 1000, comparator: '>', counted: 'persons notified at one time' },
      source: src(
        'https://www.capitol.tn.gov/',
        'Tenn. Code Ann. §47-18-2107 (Release of personal consumer information), as amended by SB 547 (2017)',
        `${STORED_COPIES}: Perkins Coie (HB 2170 effective 2005-07-01, SB 2005 effective 2016-07-01, SB 547 effective 2017-04-04; CRAs when more than 1,000 persons at one time); wordsbywit.com quoting "not later than forty-five (45) days from the discovery or notification". The official code is published by LexisNexis; the General Assembly's site is linked`,
      ),
      verified: 'Confirmed: 45 days from discovery or notification; no risk-of-harm test; CRAs above 1,000 persons at one time; current text since 2017-04-04.',
    },
  ],
};

const UT_SOURCE = src(
  'https://le.utah.gov/xcode/Title13/Chapter44/13-44-S202.html',
  'Utah Code §13-44-202 (Personal information — notice of a breach of system security), as amended in 2023 and by SB 98 (2024)',
  `${STORED_COPIES}: eyeonprivacy.com (amendment effective 2023-05-03: AG and Utah Cyber Center for 500 or more residents; CRAs for 1,000 or more); Hunton, reg-track and clym.io (SB 98 signed 2024-03-19, effective 2024-05-01: report contents, confidentiality; the investigation and misuse standard)`,
);
const UT_HARM = {
  basis: 'exception' as const,
  standard:
    'after a reasonable and prompt investigation of the likelihood that personal information has been or will be misused for identity theft or fraud, notice is owed if misuse has occurred or is reasonably likely to occur',
  cite: 'Utah Code §13-44-202(1)',
};
const UT_AG = {
  name: 'Utah Attorney General (Office of the Attorney General) and Utah Cyber Center',
  count: 500,
  comparator: '>=' as const,
};
const UT: StateLaw = {
  code: 'UT',
  versions: [
    {
      from: '2006-07-01',
      to: '2023-05-02',
      citation: 'Utah Code §§13-44-101 to 13-44-301',
      mode: 'acquisition',
      ind: { days: null },
      harm: UT_HARM,
      source: UT_SOURCE,
      verified: 'Before 2023-05-03 only residents were notified (no AG or CRA duty). Not confirmed: the start of the text in force 2018–2023 (the act dates from 2006; amendments before 2023 were not identified).',
    },
    {
      from: '2023-05-03',
      to: '2024-04-30',
      citation: 'Utah Code §13-44-202 as amended in 2023',
      mode: 'acquisition',
      ind: { days: null },
      harm: UT_HARM,
      ag: { ...UT_AG, content: ['notice of the breach'] },
      cra: { count: 1000, comparator: '>=' },
      source: UT_SOURCE,
      verified: 'Confirmed: from 2023-05-03 the AG and the Utah Cyber Center for 500 or more residents, CRAs for 1,000 or more.',
    },
    {
      from: '2024-05-01',
      citation: 'Utah Code §13-44-202 as amended by SB 98 (2024)',
      mode: 'acquisition',
      ind: { days: null },
      harm: UT_HARM,
      ag: {
        ...UT_AG,
        content: ['date the breach occurred', 'date it was discovered', 'total number of people affected, including Utah residents', 'type of personal information involved', 'short description of the breach'],
      },
      cra: { count: 1000, comparator: '>=' },
      source: UT_SOURCE,
      verified: 'Confirmed: SB 98 (in force 2024-05-01) prescribes the contents of the AG / Cyber Center report and its confidentiality; thresholds unchanged.',
    },
  ],
};

const VT_SOURCE = src(
  'https://legislature.vermont.gov/statutes/section/09/062/02435',
  '9 V.S.A. §2435 (Notice of security breaches), as amended by Act 89 of 2020',
  `${STORED_COPIES}: the official page for §2435 (legislature.vermont.gov: 45 days after discovery or notification; notice to the AG or the Department of Financial Regulation); Lexology (the amendment of May 8 [2012]: AG preliminary notice within 14 business days of discovery or at the consumer notice, whichever is earlier); the Attorney General's Security Breach Notification Guidance (2014 table of contents: "misuse of the PII is not reasonably possible"); Lewis Brisbois and Akin Gump (2020 expansion of personally identifiable information and login credentials)`,
);
const VT_BASE = {
  citation: '9 V.S.A. §§2430, 2435',
  mode: 'acquisition' as const,
  ind: { days: 45 },
  harm: {
    basis: 'exception' as const,
    standard:
      'not required if the data collector establishes that misuse of the information is not reasonably possible and provides notice of the determination and a detailed explanation to the Attorney General (or the Department of Financial Regulation)',
    cite: '9 V.S.A. §2435(d)',
    consultWith: ['attorney_general' as const],
    unconfirmed: 'the exception exists (AG guidance), but its conditions — notice of the determination with a detailed explanation to the AG or DFR — are recalled; the stored copy of §2435 read covered subsection (b) only',
  },
  ag: {
    name: 'Vermont Attorney General (or the Department of Financial Regulation for regulated entities)',
    count: 1,
    comparator: '>=' as const,
    days: 14,
    unit: 'business_days' as const,
    relation: 'no_later_than_individuals' as const,
    content: ['date of the breach', 'date of discovery', 'preliminary description of the breach', 'after the consumer notice: number of Vermont consumers affected and a copy of the notice'],
  },
  cra: { count: 1000, comparator: '>' as const, counted: 'Vermont consumers notified at one time' },
  noHarmFiling: {
    name: 'Vermont Attorney General (or the Department of Financial Regulation)',
    cite: '9 V.S.A. §2435(d)',
    content: 'notice of the determination that misuse is not reasonably possible and a detailed explanation of it',
  },
  source: VT_SOURCE,
};
const VT: StateLaw = {
  code: 'VT',
  versions: [
    { ...VT_BASE, from: '2012-05-08', to: '2020-06-30', verified: 'The 2012 text (45 days; AG preliminary notice in 14 business days). Not confirmed: the 2012-05-08 start.' },
    {
      ...VT_BASE,
      from: '2020-07-01',
      verified:
        'Confirmed (official page): 45 days after discovery or notification; AG or DFR. AG preliminary notice within 14 business days of discovery or at the consumer notice, whichever is earlier (Vermont holidays). Not confirmed: the 2020-07-01 start of Act 89 and the §2435(d) wording.',
    },
  ],
};

const VA_SOURCE = src(
  'https://law.lis.virginia.gov/vacode/title18.2/chapter6/section18.2-186.6/',
  'Va. Code Ann. §18.2-186.6 (Breach of personal information notification)',
  `${STORED_COPIES}: the text of §18.2-186.6(A) reproduced by instalawyer.io and statutes.laws.com ("that causes, or the individual or entity reasonably believes has caused, or will cause, identity theft or other fraud to any resident of the Commonwealth"); Foley (2008: AG even at 1,000 or fewer; AG and CRAs above 1,000); Klinedinst (AG address and contents); DWT (passport and military ID)`,
);
const VA_BASE = {
  citation: 'Va. Code Ann. §18.2-186.6',
  mode: 'acquisition' as const,
  ind: { days: null, urgency: 'without_unreasonable_delay' as const },
  harm: {
    basis: 'element' as const,
    standard:
      'breach is the unauthorized access and acquisition of data "that causes, or the individual or entity reasonably believes has caused, or will cause, identity theft or other fraud to any resident of the Commonwealth"',
    cite: 'Va. Code Ann. §18.2-186.6(A)',
  },
  ag: {
    name: 'Virginia Office of the Attorney General (Computer Crime Section)',
    count: 1,
    comparator: '>=' as const,
    content: ['cover letter', 'approximate date and how the breach was discovered', 'cause', 'number of Virginia residents affected', 'remedial steps', 'sample of the notice'],
    notes: 'Above 1,000 persons notified at one time, the AG is also told of the timing, distribution and content of the notice (§18.2-186.6(E)).',
  },
  cra: { count: 1000, comparator: '>' as const, counted: 'persons notified at one time' },
  source: VA_SOURCE,
};
const VA: StateLaw = {
  code: 'VA',
  versions: [
    { ...VA_BASE, from: '2008-07-01', to: '2019-06-30', verified: 'The 2008 text (before passport and military ID numbers were added).' },
    {
      ...VA_BASE,
      from: '2019-07-01',
      verified:
        'Confirmed from the text: harm is an element of the definition of breach (issue 13 §2: a no-harm finding removes the duty only because the definition requires a reasonable belief of identity theft or other fraud); AG for any resident; AG and CRAs above 1,000 persons at one time. Not confirmed: 2019-07-01 as the start of the 2019 amendment.',
    },
  ],
};

const WV: StateLaw = {
  code: 'WV',
  versions: [
    {
      from: '2008-06-06',
      citation: 'W. Va. Code §§46A-2A-101 to 46A-2A-105',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: {
        basis: 'element',
        standard:
          'breach is the unauthorized access and acquisition of data "that causes the individual or entity to reasonably believe that the breach of security has caused or will cause identity theft or other fraud to any resident"',
        cite: 'W. Va. Code §46A-2A-101(1)',
      },
      cra: { count: 1000, comparator: '>', counted: 'persons notified at one time' },
      source: src(
        'https://code.wvlegislature.gov/46A-2A-102/',
        'W. Va. Code §46A-2A-102 (Notice of breach of security of computerized personal information)',
        `${STORED_COPIES}: the text of §§46A-2A-101(1) and -102(a)–(d) (lexace.ai); DWT (harm threshold, no government notice); wordsbywit.com (CRAs when more than 1,000)`,
      ),
      verified: 'Confirmed from the text: harm is an element of the definition and of the duty (a public breach-law dataset derived from the Foley & Lardner chart says "no risk of harm" — wrong); without unreasonable delay; CRAs above 1,000. Not confirmed: the 2008-06-06 start.',
    },
  ],
};

const WI: StateLaw = {
  code: 'WI',
  versions: [
    {
      from: '2008-03-31',
      citation: 'Wis. Stat. §134.98',
      mode: 'acquisition',
      ind: { days: 45, urgency: 'within_reasonable_time' as const },
      harm: {
        basis: 'exception',
        standard: 'not required "if the acquisition of personal information does not create a material risk of identity theft or fraud to the subject of the personal information"',
        cite: 'Wis. Stat. §134.98(2)(cm)1',
      },
      cra: { count: 1000, comparator: '>=', comparatorUncertain: true, counted: 'individuals notified as a result of a single incident' },
      source: src(
        'https://docs.legis.wisconsin.gov/statutes/statutes/134/98',
        'Wis. Stat. §134.98 (Notice of unauthorized acquisition of personal information)',
        `${STORED_COPIES}: DWT and Lewis Brisbois (the material-risk exception; within a reasonable time not to exceed 45 days after learning of the acquisition; paper too); coulee.tech ("1,000 or more" for CRAs) against csrps.com and easyitguys.com ("more than 1,000")`,
      ),
      verified:
        'Confirmed: the material-risk exception and the 45-day limit. The CRA comparator differs between sources ("1,000 or more" / "more than 1,000"): exactly 1,000 answers review. Not confirmed: 2008-03-31 as the start of the current text.',
    },
  ],
};

const WY: StateLaw = {
  code: 'WY',
  versions: [
    {
      from: '2015-07-01',
      citation: 'Wyo. Stat. Ann. §§40-12-501, 40-12-502',
      mode: 'acquisition',
      ind: { days: null },
      harm: {
        basis: 'element',
        standard:
          'breach "causes or is reasonably believed to cause loss or injury to a resident"; after a good-faith investigation notice is owed "if the investigation determines that the misuse of personal identifying information … has occurred or is reasonably likely to occur"',
        cite: 'Wyo. Stat. Ann. §§40-12-501(a)(i), 40-12-502(a)',
      },
      source: src(
        'https://wyoleg.gov/statutes/compress/title40.pdf',
        'Wyo. Stat. Ann. §40-12-502 (Computer security breach; notice to affected persons)',
        `${STORED_COPIES}: the text of §40-12-502(a) (law.counselstack.com); Perkins Coie (SF 35/36 effective 2015-07-01; the definition); DWT (no government notice)`,
      ),
      verified: 'Confirmed: harm in the definition and the investigation-based duty (a public breach-law dataset derived from the Foley & Lardner chart says "no risk of harm" — wrong); most expedient time; no AG or CRA duty.',
    },
  ],
};

const PR: StateLaw = {
  code: 'PR',
  versions: [
    {
      from: '2008-06-19',
      citation: 'P.R. Laws Ann. tit. 10, §§4051–4055 (Act 111-2005, as amended by Act 97-2008)',
      mode: 'access',
      ind: { days: null, urgency: 'as_soon_as_possible' as const },
      harm: null,
      ag: {
        name: 'Puerto Rico Department of Consumer Affairs (DACO)',
        count: 1,
        comparator: '>=',
        days: 10,
        anchor: 'discovery',
        content: ['the breach and the information compromised (DACO publishes it within 24 hours)'],
      },
      source: src(
        'https://bvirtualogp.pr.gov/',
        'P.R. Laws Ann. tit. 10, §4052 (Notification)',
        `${STORED_COPIES}: the text of §4052 (casetext.com: "Within a non-extendable term of ten (10) days after the violation of the system's security has been detected, the parties responsible shall inform the Department"; history Act 111 of 2005-09-07, Act 97 of 2008-06-19); Snell & Wilmer (breach = unauthorized access)`,
      ),
      verified: 'Confirmed from the text: DACO within 10 days after the breach is detected; clients as expeditiously as possible; no risk-of-harm test; no CRA duty.',
    },
  ],
};

const GU: StateLaw = {
  code: 'GU',
  versions: [
    {
      from: '2009-08-10',
      citation: '9 G.C.A. §§48.10–48.80 (P.L. 30-004)',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: {
        basis: 'element',
        standard:
          'breach is the unauthorized access and acquisition of data "that causes, or the individual or entity reasonably believes has caused or will cause, identity theft or other fraud to any resident of Guam"',
        cite: '9 G.C.A. §48.20(a)',
      },
      source: src(
        'https://www.guamcourts.gov/CompilerofLaws/GCA/09gca/9gc048.pdf',
        '9 G.C.A. ch. 48 (Notification of Breaches of Personal Information)',
        `${STORED_COPIES}: the Compiler of Laws text of ch. 48 reproduced by proteuscyber.com (P.L. 30-004:1, 2009-03-13; §48.20 definition); Constangy and caseguard.com (definition, without unreasonable delay, no regulator); cliclaw.com (effective 2009-08-10). The chapter PDF path at the url was not opened`,
      ),
      verified: 'Confirmed: harm is an element of the definition; without unreasonable delay; no regulator or CRA duty.',
    },
  ],
};

const VI: StateLaw = {
  code: 'VI',
  versions: [
    {
      from: '2005-10-17',
      citation: '14 V.I.C. §§2208–2212',
      mode: 'acquisition',
      ind: { days: null },
      harm: null,
      source: src(
        'https://www.legvi.org/',
        '14 V.I.C. §2209 (Disclosure of breach of security)',
        `${STORED_COPIES}: cliclaw.com (text of §§2200–2212, added 2005-10-17 by Act 6789); Constangy (no regulator notice; no risk-of-harm test); AICPA. The Virgin Islands Code is published by LexisNexis; the Legislature's site is linked`,
      ),
      verified: 'Confirmed: most expedient time and without unreasonable delay; no risk-of-harm test; no regulator or CRA duty.',
    },
  ],
};

export const LAWS_T_W: StateLaw[] = [TN, UT, VT, VA, WV, WI, WY, PR, GU, VI];
