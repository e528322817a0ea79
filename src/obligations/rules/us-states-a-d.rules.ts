/**
 * Alabama, Alaska, Arizona, Arkansas, Connecticut, Delaware, District of Columbia — every text in
 * force since 2018-01-01 (or since the law began), with sources and what was checked.
 */
import { type StateLaw, STORED_COPIES, src } from './us-common.js';

const AL: StateLaw = {
  code: 'AL',
  noLawBefore: 'Alabama enacted its first breach-notification statute in 2018 (Act 2018-396), in force 2018-06-01; before, no Alabama law required notice',
  versions: [
    {
      // No Alabama breach statute existed before Act 2018-396 took effect. Approved 2018-03-28, it
      // took effect "on the first day of the third month following its passage and approval by the
      // Governor" (§8-38-12 as recalled) — 2018-06-01 (rules verify: coverage.ts).
      from: '2018-06-01',
      citation: 'Ala. Code §§8-38-1 to 8-38-12 (Data Breach Notification Act of 2018, Act 2018-396)',
      mode: 'acquisition',
      ind: { days: 45, anchor: 'determination', urgency: 'most_expedient_time' },
      harm: {
        basis: 'element',
        standard:
          'notice is owed when sensitive personally identifying information has been or is reasonably believed to have been acquired and "is reasonably likely to cause substantial harm"',
        cite: 'Ala. Code §8-38-5(a)',
      },
      ag: {
        count: 1000,
        comparator: '>',
        days: 45,
        anchor: 'determination',
        content: ['synopsis of the events', 'approximate number of affected Alabama residents', 'services offered', 'contact name and details'],
      },
      cra: { count: 1000, comparator: '>' },
      source: src(
        'https://alison.legislature.state.al.us/code-of-alabama?section=8-38-5',
        'Ala. Code §8-38-5 (Notice of security breach — individuals affected), §8-38-6 (Attorney General), §8-38-7 (CRAs)',
        `${STORED_COPIES}: the text of §8-38-5(a)–(c) as reproduced from the 2022 Code of Alabama (law.uslawyerdatabase.com); Bloomberg Law (bna.com) on Act 2018-396 (signed 2018-03-28; it writes "takes effect May 1"); fincher.co summary quoting "exceeds 1000" (AG) and "more than 1000" (CRAs)`,
      ),
      verified:
        'Confirmed: 45 days from the determination that a breach occurred and is reasonably likely to cause substantial harm (or from a third-party agent\'s notice); AG "exceeds 1,000" within the same 45 days; CRAs above 1,000; no statute before. Not confirmed: the effective date — 2018-06-01 from the act\'s effective-date clause as recalled, against Bloomberg Law\'s "May 1" (breaches discovered in May 2018 are not covered here); the 5-year record-keeping duty listed by a secondary source (not encoded).',
    },
  ],
};

const AK: StateLaw = {
  code: 'AK',
  versions: [
    {
      from: '2009-07-01',
      citation: 'Alaska Stat. §§45.48.010–45.48.090 (Personal Information Protection Act)',
      mode: 'acquisition',
      ind: { days: null, urgency: 'most_expedient_time' },
      harm: {
        basis: 'exception',
        standard:
          'not required if, after an appropriate investigation and after written notification to the Attorney General, the covered person determines that there is not a reasonable likelihood that harm to the consumers has resulted or will result',
        cite: 'Alaska Stat. §45.48.010(c)',
        consultWith: ['attorney_general'],
        inWriting: true,
        documentationYears: 5,
      },
      cra: { count: 1000, comparator: '>', counted: 'Alaska residents to be notified' },
      noHarmFiling: {
        name: 'Alaska Attorney General',
        cite: 'Alaska Stat. §45.48.010(c)',
        content: 'written notification of the breach and of the determination that there is no reasonable likelihood of harm',
      },
      source: src(
        'https://www.akleg.gov/basis/statutes.asp#45.48.010',
        'Alaska Stat. §45.48.010 (Disclosure of breach of security), §45.48.040 (CRAs)',
        `${STORED_COPIES}: DWT state summary (dwt.com/alaska) quoting the §45.48.010(c) standard; techinsurance.com (record kept 5 years); termsfeed.com (CRAs when more than 1,000)`,
      ),
      verified:
        'Confirmed: the no-harm exception needs an appropriate investigation and written notice to the AG first, in writing, kept 5 years; breach includes a reasonable belief of acquisition; CRAs above 1,000. The 2009-07-01 start is the Act\'s effective date (not re-read); no amendment since 2018 found.',
    },
  ],
};

const AZ_SOURCE = src(
  'https://www.azleg.gov/ars/18/00552.htm',
  'Ariz. Rev. Stat. §18-552 (Security system breach; investigation; notice; exemptions), as amended by HB 2154 (2018) and HB 2146 (2022)',
  `${STORED_COPIES}: azag.gov press release on HB 2154; scasecurity.com (HB 2154 signed 2018-04-11, effective 2018-08-03); Bloomberg Law; azleg.gov House summary of HB 2146 (2022); Akin Gump (HB 2146 effective 90 days after adjournment; "within 45 days after an investigation determines that a data breach occurred"); wordsbywit.com quoting the pre-2018 §18-545 definition`,
);
const AZ_2018 = {
  citation: 'Ariz. Rev. Stat. §§18-551, 18-552',
  mode: 'acquisition' as const,
  ind: { days: 45, anchor: 'determination' as const },
  harm: {
    basis: 'exception' as const,
    standard:
      'not required if the person, an independent third-party forensic auditor or a law enforcement agency determines after a reasonable investigation that the breach has not resulted in or is not reasonably likely to result in substantial economic loss to affected individuals',
    cite: 'Ariz. Rev. Stat. §18-552(J)',
  },
  cra: { count: 1000, comparator: '>' as const, days: 45, anchor: 'determination' as const },
  source: AZ_SOURCE,
};
const AZ: StateLaw = {
  code: 'AZ',
  versions: [
    {
      from: '2006-12-31',
      to: '2018-08-02',
      citation: 'Ariz. Rev. Stat. §44-7501, renumbered §18-545 (2016)',
      mode: 'acquisition',
      ind: { days: null },
      // Before HB 2154: electronic notice if the primary means or consistent with E-SIGN; substitute above $50,000 / 100,000.
      notice: {
        electronic: {
          allowed: 'consent_or_primary',
          basis: 'Ariz. Rev. Stat. §18-545 (before HB 2154): "electronic notice if the person\'s primary method of communication with the individual is by electronic means or is consistent with" E-SIGN (the text as quoted in a c. 2016 compilation of state notice-method provisions, stored copy)',
        },
        substitute: {
          costOver: 50_000,
          countOver: 100_000,
          insufficientContact: true,
          components: ['e-mail notice where the person has e-mail addresses', 'conspicuous posting on the website, if it maintains one', 'notification to major statewide media'],
          basis: 'Ariz. Rev. Stat. §18-545 (before HB 2154), as quoted in the c. 2016 compilation',
        },
      },
      harm: {
        basis: 'element',
        standard: 'breach is an unauthorized acquisition and access "that causes or is reasonably likely to cause substantial economic loss to an individual"',
        cite: 'Ariz. Rev. Stat. §18-545(L)(1) (before HB 2154)',
      },
      source: AZ_SOURCE,
      verified:
        'Confirmed: the pre-2018 definition\'s harm element (quoted from §18-545(L)(1)) and that the law had no fixed deadline and no AG or CRA duty until HB 2154. Not confirmed: the 2006-12-31 start (original effective date) and the 2016 renumbering date.',
    },
    {
      ...AZ_2018,
      from: '2018-08-03',
      to: '2022-09-23',
      ag: { count: 1000, comparator: '>', days: 45, anchor: 'determination' },
      verified:
        'Confirmed: 45 days after the determination that a breach occurred, for individuals and for the AG and the three largest CRAs when more than 1,000 individuals are notified; in force 2018-08-03. The exception\'s wording is paraphrased from the statute as recalled; a secondary source confirms that an investigation finding no reasonably likely loss removes the duty.',
    },
    {
      ...AZ_2018,
      from: '2022-09-24',
      ag: {
        name: 'Arizona Attorney General and Director of the Arizona Department of Homeland Security',
        count: 1000,
        comparator: '>',
        days: 45,
        anchor: 'determination',
      },
      verified:
        'Confirmed: HB 2146 (2022) adds the Director of the Department of Homeland Security to the >1,000 notice, 45 days after the determination. Not confirmed: the exact effective date — 2022-09-24 is the general effective date 90 days after the 2022 session adjourned.',
    },
  ],
};

const AR_SOURCE = src(
  'https://www.arkleg.state.ar.us/',
  'Ark. Code Ann. §4-110-105 (Disclosure of security breaches), as amended by Act 1030 of 2019 (HB 1943)',
  `${STORED_COPIES}: Perkins Coie chart (Act 1030 signed 2019-04-15, effective 2019-07-23; the no-harm exception); ZwillGen (AG notice, 5-year retention, AG request within 30 days); DWT and cliclaw.com ("more than 1,000"). The official code is published by LexisNexis for the Code Revision Commission; the legislature's site is linked`,
);
const AR_HARM = {
  basis: 'exception' as const,
  standard: 'not required if, after a reasonable investigation, the person or business determines that there is no reasonable likelihood of harm to customers',
  cite: 'Ark. Code Ann. §4-110-105(d)',
};
const AR: StateLaw = {
  code: 'AR',
  versions: [
    {
      from: '2005-08-12',
      to: '2019-07-22',
      citation: 'Ark. Code Ann. §§4-110-101 to 4-110-108',
      mode: 'acquisition',
      ind: { days: null },
      harm: AR_HARM,
      source: AR_SOURCE,
      verified: 'Confirmed: most expedient time; the no-harm exception; no AG duty before Act 1030.',
    },
    {
      from: '2019-07-23',
      citation: 'Ark. Code Ann. §4-110-105 as amended by Act 1030 of 2019',
      mode: 'acquisition',
      ind: { days: null },
      harm: { ...AR_HARM, inWriting: true, documentationYears: 5 },
      ag: {
        count: 1000,
        comparator: '>',
        comparatorUncertain: true,
        days: 45,
        anchor: 'determination',
        relation: 'no_later_than_individuals',
        notes: 'At the same time as the notice to individuals or within 45 days after determining a reasonable likelihood of harm, whichever occurs first.',
      },
      source: AR_SOURCE,
      verified:
        'Confirmed: AG notice when more than 1,000 individuals are affected (DWT, cliclaw; ZwillGen writes "1,000 or more", so exactly 1,000 answers review); 45 days after the determination; the written determination and supporting documents kept 5 years, sent to the AG within 30 days of a request. Not confirmed: "whichever occurs first" (a public breach-law dataset and the recalled text) against ZwillGen\'s "the later of" — the earlier date is encoded.',
    },
  ],
};

const CT_SOURCE = src(
  'https://www.cga.ct.gov/current/pub/chap_669.htm#sec_36a-701b',
  'Conn. Gen. Stat. §36a-701b (Breach of security re computerized data containing personal information), as amended by PA 18-90 and PA 21-59',
  `${STORED_COPIES}: the Connecticut Attorney General's page (portal.ct.gov/AG, "as of October 1, 2021, no later than sixty (60) days"; AG no later than residents; 24 months of services); the current (b)(1) exception quoted from cga.ct.gov in a public rules project; wordsbywit.com quoting the earlier 90-day text`,
);
const CT_BASE = {
  citation: 'Conn. Gen. Stat. §36a-701b',
  mode: 'access' as const,
  ag: {
    count: 1,
    comparator: '>=' as const,
    relation: 'no_later_than_individuals' as const,
    content: ['general description of the breach', 'number of Connecticut residents affected', 'categories of personal information', 'notification dates', 'template of the notice'],
  },
  source: CT_SOURCE,
};
const CT_HARM_LE = {
  basis: 'exception' as const,
  standard:
    'not required if, after an appropriate investigation and consultation with relevant federal, state and local agencies responsible for law enforcement, the person reasonably determines that the breach will not likely result in harm',
  cite: 'Conn. Gen. Stat. §36a-701b(b) (before PA 21-59)',
  consultWith: ['law_enforcement' as const],
  unconfirmed: 'the law-enforcement consultation in the pre-2021 text is recalled, not read in a stored copy',
};
const CT: StateLaw = {
  code: 'CT',
  versions: [
    {
      ...CT_BASE,
      from: '2015-10-01',
      to: '2018-09-30',
      ind: { days: 90, urgency: 'without_unreasonable_delay' as const, content: ['description of the breach', 'types of information', 'identity theft prevention services for at least 12 months if SSNs were involved'] },
      harm: CT_HARM_LE,
      verified: 'Confirmed: 90 days after discovery (before PA 21-59); AG no later than residents. Not confirmed: the 2015-10-01 start (PA 15-142) and the pre-2021 consultation wording.',
    },
    {
      ...CT_BASE,
      from: '2018-10-01',
      to: '2021-09-30',
      ind: { days: 90, urgency: 'without_unreasonable_delay' as const, content: ['description of the breach', 'types of information', 'identity theft prevention services for at least 24 months if SSNs were involved'] },
      harm: CT_HARM_LE,
      verified: 'Confirmed: 90 days; 24 months of identity-theft services for SSNs (the AG page). Not confirmed: PA 18-90\'s 2018-10-01 start and the pre-2021 consultation wording.',
    },
    {
      ...CT_BASE,
      from: '2021-10-01',
      ind: {
        days: 60,
        urgency: 'without_unreasonable_delay' as const,
        content: ['description of the breach', 'types of information', 'identity theft prevention services for at least 24 months if SSNs or taxpayer identification numbers were involved, and how to place a credit freeze'],
      },
      harm: {
        basis: 'exception',
        standard: 'not required if, after an appropriate investigation, the person reasonably determines that the breach will not likely result in harm to the individuals whose personal information has been acquired or accessed',
        cite: 'Conn. Gen. Stat. §36a-701b(b)(1)',
      },
      verified:
        'Confirmed: 60 days after discovery from 2021-10-01 (PA 21-59, the AG page); AG no later than residents; 24 months of services for SSN or ITIN; the current exception has no law-enforcement consultation (quoted from the official text by a public rules project). Not confirmed: later amendments to the personal-information definition.',
    },
  ],
};

const DE_SOURCE = src(
  'https://delcode.delaware.gov/title6/c012b/index.html',
  'Del. Code Ann. tit. 6, §§12B-101 to 12B-104, as amended by HS 1 for HB 180 (2017)',
  `${STORED_COPIES}: Perkins Coie charts (HB 180 signed 2017-08-17, effective 2018-04-14; the 2010 text); DWT and Lewis Brisbois summaries (60 days after determination; AG when more than 500; exception wording)`,
);
const DE: StateLaw = {
  code: 'DE',
  versions: [
    {
      from: '2010-06-10',
      to: '2018-04-13',
      citation: 'Del. Code Ann. tit. 6, §§12B-101 to 12B-104 (as amended by HB 247, 2010)',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: {
        basis: 'exception',
        standard: 'not required if, after a good-faith, reasonable and prompt investigation, the entity determines there is no reasonable likelihood of harm',
        cite: 'Del. Code Ann. tit. 6, §12B-102(a) (2010)',
      },
      source: DE_SOURCE,
      verified: 'Confirmed (Perkins Coie 2010 chart): most expedient time; the investigation-based exception; no AG duty before HB 180.',
    },
    {
      from: '2018-04-14',
      citation: 'Del. Code Ann. tit. 6, §12B-102',
      mode: 'acquisition',
      ind: { days: 60, anchor: 'determination' as const, urgency: 'without_unreasonable_delay' as const },
      harm: {
        basis: 'exception',
        standard: 'not required if, after an appropriate investigation, the person reasonably determines that the breach of security is unlikely to result in harm to the individuals',
        cite: 'Del. Code Ann. tit. 6, §12B-102(a)',
      },
      ag: { count: 500, comparator: '>', relation: 'no_later_than_individuals' },
      source: DE_SOURCE,
      verified:
        'Confirmed: 60 days after the determination; AG when residents to be notified exceed 500, not later than the notice to residents; one year of credit monitoring for SSNs; in force 2018-04-14.',
    },
  ],
};

const DC_SOURCE = src(
  'https://code.dccouncil.gov/us/dc/council/code/sections/28-3852',
  'D.C. Code §§28-3851 to 28-3853, as amended by the Security Breach Protection Amendment Act of 2019 (D.C. Law 23-98)',
  `${STORED_COPIES}: the Office of the Attorney General's guidance page (oag.dc.gov: "A company must consult with OAG before concluding that consumer harm is unlikely"; "went into effect on June 8, 2020"); the official code page for §28-3852.02 (18 months of identity-theft protection); recordinglaw.com and a public statute dataset (D.C. Law 23-98 effective 2020-06-17; AG at 50 or more; consultation with the OAG and federal law enforcement)`,
);
const DC_2020 = {
  citation: 'D.C. Code §§28-3851(1), 28-3852 (D.C. Law 23-98)',
  mode: 'acquisition' as const,
  ind: { days: null, content: [...['categories of information accessed', 'contact information of the notifying entity', 'contact information of the CRAs, the FTC and the Office of the Attorney General'], 'offer of 18 months of identity-theft protection if SSNs or TINs were involved'] },
  harm: {
    basis: 'exception' as const,
    standard:
      'an acquisition that the entity reasonably determines, after a reasonable investigation and consultation with the Office of the Attorney General for the District of Columbia and federal law enforcement agencies, will likely not result in harm to the individual is not a breach',
    cite: 'D.C. Code §28-3851(1)(B)',
    consultWith: ['attorney_general' as const, 'federal_law_enforcement' as const],
  },
  ag: {
    name: 'Office of the Attorney General for the District of Columbia',
    count: 50,
    comparator: '>=' as const,
    relation: 'no_later_than_individuals' as const,
    content: ['name and contact of the reporting and breached entity', 'nature of the breach', 'types of personal information', 'number of District residents affected', 'cause and remedial action', 'date and time frame', 'sample of the notice'],
  },
  cra: { count: 1000, comparator: '>' as const, counted: 'persons notified at one time' },
  source: DC_SOURCE,
};
const DC: StateLaw = {
  code: 'DC',
  versions: [
    {
      from: '2007-07-01',
      to: '2020-06-07',
      citation: 'D.C. Code §§28-3851 to 28-3853 (D.C. Law 16-237)',
      mode: 'acquisition',
      ind: { days: null },
      harm: null,
      cra: { count: 1000, comparator: '>', counted: 'persons notified at one time' },
      source: DC_SOURCE,
      verified:
        'Before the 2020 amendment: no AG notice and no risk-of-harm exception (the OAG page presents both as changes of the 2020 Act); CRAs above 1,000 persons at one time.',
    },
    {
      ...DC_2020,
      from: '2020-06-08',
      to: '2020-06-16',
      idYear: '2020a',
      review: 'effective date uncertain: the Attorney General\'s page says the 2020 Act took effect on 2020-06-08, D.C. Law 23-98 is recorded effective 2020-06-17 — check which text governed',
      verified: 'The days between the two effective dates given by the sources answer review.',
    },
    {
      ...DC_2020,
      from: '2020-06-17',
      verified:
        'Confirmed: AG when 50 or more District residents are affected, no later than the notice to residents; the exception needs consultation with the OAG (OAG page) and federal law enforcement (statute dataset quoting §28-3851); 18 months of identity-theft protection for SSN/TIN (official code page); CRAs above 1,000 persons. Not confirmed against the official page for §28-3852 itself: the ">= 50" wording (one summary writes "more than 50").',
    },
  ],
};

export const LAWS_A_D: StateLaw[] = [AL, AK, AZ, AR, CT, DE, DC];
