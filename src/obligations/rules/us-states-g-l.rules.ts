/**
 * Georgia, Hawaii, Idaho, Indiana, Iowa, Kansas, Kentucky, Louisiana — every text in force since
 * 2018-01-01, with sources and what was checked.
 */
import { type StateLaw, STORED_COPIES, src } from './us-common.js';

const GA: StateLaw = {
  code: 'GA',
  versions: [
    {
      from: '2007-05-24',
      citation: 'O.C.G.A. §§10-1-910 to 10-1-912',
      mode: 'acquisition',
      ind: { days: null },
      harm: null,
      cra: { count: 10000, comparator: '>', counted: 'Georgia residents to be notified at one time' },
      // O.C.G.A. §10-1-911(6)(D): the name with "account passwords or personal identification numbers
      // or other access codes".
      piAlso: [['person_name', 'password']],
      review:
        'the Georgia duty binds only "information brokers" and "data collectors" (state and local agencies) (O.C.G.A. §10-1-911): confirm that the organisation is one',
      source: src(
        'https://www.legis.ga.gov/',
        'O.C.G.A. §10-1-912 (Notification required upon breach of security regarding personal information)',
        `${STORED_COPIES}: the text of §10-1-912(a)–(d) as published in the 2016 Georgia Code (law.justia.com) and O.C.G.A. 2010 (laws9.com): most expedient time, vendor notice within 24 hours, CRAs "more than 10,000 residents of this state at one time"; no harm test in the text. The official code is published by LexisNexis; the General Assembly's site is linked`,
      ),
      verified:
        'Confirmed from the statute text: no risk-of-harm exception; CRAs above 10,000 Georgia residents at one time; the duty is on information brokers and data collectors only (so every Georgia answer is review until the organisation\'s status is known). Not confirmed: the 2007-05-24 start of the 2007 amendment.',
    },
  ],
};

const HI: StateLaw = {
  code: 'HI',
  versions: [
    {
      from: '2008-04-17',
      citation: 'Haw. Rev. Stat. §§487N-1 to 487N-4',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: {
        basis: 'element',
        standard:
          'a security breach is unauthorized access to and acquisition of records "where illegal use of the personal information has occurred, or is reasonably likely to occur and that creates a risk of harm to a person"',
        cite: 'Haw. Rev. Stat. §487N-1',
      },
      ag: {
        name: 'Hawaii Office of Consumer Protection',
        count: 1000,
        comparator: '>',
        counted: 'persons notified at one time',
        content: ['timing, content and distribution of the notice'],
      },
      cra: { count: 1000, comparator: '>', counted: 'persons notified at one time' },
      source: src(
        'https://www.capitol.hawaii.gov/hrscurrent/Vol11_Ch0476-0490/HRS0487N/HRS_0487N-0002.htm',
        'Haw. Rev. Stat. §487N-1 (Definitions), §487N-2 (Notice of security breach)',
        `${STORED_COPIES}: the text of §487N-2(a)–(c) (policyrisk.com); the §487N-1 definition quoted by Mintz, Perkins Coie and wordsbywit.com; Perkins Coie (Act 135 of 2006, Act 19 effective 2008-04-17; OCP and CRAs when more than 1,000 persons are notified at one time)`,
      ),
      verified:
        'Confirmed: harm is an element of the definition of security breach (a public breach-law dataset derived from the Foley & Lardner chart says "no risk of harm" — wrong); without unreasonable delay; Office of Consumer Protection and CRAs when more than 1,000 persons are notified at one time; paper records are covered too.',
    },
  ],
};

const ID: StateLaw = {
  code: 'ID',
  versions: [
    {
      from: '2014-07-01',
      citation: 'Idaho Code §§28-51-104 to 28-51-107',
      mode: 'acquisition',
      ind: { days: null },
      harm: {
        basis: 'exception',
        standard:
          'after a reasonable and prompt good-faith investigation, notice is owed "if the investigation determines that the misuse of information about an Idaho resident has occurred or is reasonably likely to occur"',
        cite: 'Idaho Code §28-51-105(1)',
      },
      source: src(
        'https://legislature.idaho.gov/statutesrules/idstat/title28/t28ch51/sect28-51-105/',
        'Idaho Code §28-51-105 (Disclosure of breach of security of computerized personal information)',
        `${STORED_COPIES}: DWT summary (harm threshold, most expedient time, no government notice for private entities); amp.legal (the §28-51-105 standard quoted); recordinglaw.com (last amended 2014)`,
      ),
      verified:
        'Confirmed: the investigation-based harm standard; breach = illegal acquisition; no AG or CRA duty for private entities (agencies notify the AG within 24 hours — not encoded). Not confirmed: the 2014-07-01 date of the last amendment (HB 566).',
    },
  ],
};

const IN_SOURCE = src(
  'https://iga.in.gov/laws/',
  'Ind. Code §24-4.9-3-1 to -3-3 (Disclosure and notification requirements), as amended by HEA 1351 (2022)',
  `${STORED_COPIES}: the text of IC 24-4.9-3-1 to -3-3 on in.gov (the General Assembly's code pages, P.L.125-2006 as amended by P.L.137-2009: the "could result in identity deception, identity theft, or fraud" standard, CRAs "more than one thousand (1,000) consumers", the AG whenever residents are notified) and its reproductions (instalawyer.io, statutes.laws.com); workplaceprivacyreport.com quoting IC 24-4.9-3-3 before and after HEA 1351 (signed 2022-03-18, effective 2022-07-01: "without unreasonable delay, but not more than forty-five (45) days after the discovery of the breach"); Klinedinst (AG for any resident; CRAs above 1,000)`,
);
const IN_HARM = {
  basis: 'element' as const,
  standard:
    'disclosure is owed if the owner "knows, should know, or should have known" that the unauthorized acquisition "has resulted in or could result in identity deception, identity theft, or fraud"',
  cite: 'Ind. Code §24-4.9-3-1(a)',
};
const IN_AG = { count: 1, comparator: '>=' as const, content: ['the Indiana AG breach notification form', 'sample of the notice to individuals'] };
const IN: StateLaw = {
  code: 'IN',
  versions: [
    {
      from: '2009-07-01',
      to: '2022-06-30',
      citation: 'Ind. Code §24-4.9-3',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: IN_HARM,
      ag: IN_AG,
      cra: { count: 1000, comparator: '>' },
      source: IN_SOURCE,
      verified: 'Confirmed: before HEA 1351 the disclosure and the AG notification were due "without unreasonable delay" (no day count).',
    },
    {
      from: '2022-07-01',
      citation: 'Ind. Code §24-4.9-3-3 as amended by HEA 1351 (2022)',
      mode: 'acquisition',
      ind: { days: 45, urgency: 'without_unreasonable_delay' as const },
      harm: IN_HARM,
      ag: { ...IN_AG, days: 45 },
      cra: { count: 1000, comparator: '>' },
      source: IN_SOURCE,
      verified:
        'Confirmed: from 2022-07-01 the disclosure to residents and the notification to the AG are due not more than 45 days after discovery; AG for any resident; CRAs above 1,000; the duty exists only if the owner knows or should know the acquisition has resulted or could result in identity deception, identity theft or fraud (a low bar: a no-harm finding must exclude even the possibility).',
    },
  ],
};

const IA: StateLaw = {
  code: 'IA',
  versions: [
    {
      from: '2014-07-01',
      citation: 'Iowa Code §§715C.1, 715C.2',
      mode: 'acquisition',
      ind: { days: null },
      harm: {
        basis: 'exception',
        standard:
          'not required if, after an appropriate investigation or after consultation with relevant federal, state or local law enforcement agencies, the person determines that no reasonable likelihood of financial harm has resulted or will result',
        cite: 'Iowa Code §715C.2(6)',
        inWriting: true,
        documentationYears: 5,
      },
      ag: {
        name: 'Director of the Consumer Protection Division, Iowa Attorney General',
        count: 500,
        comparator: '>',
        comparatorUncertain: true,
        days: 5,
        unit: 'business_days',
        anchor: 'individual_notice',
      },
      source: src(
        'https://www.legis.iowa.gov/docs/code/715C.2.pdf',
        'Iowa Code §715C.2 (Security breaches — consumer notification — remedies)',
        `${STORED_COPIES}: the Iowa Attorney General's page (iowaattorneygeneral.gov: "at least 500 Iowa residents … within five business days after notifying"; filings since the law took effect 2014-07-01); DWT ("> 500"; the exception and 5-year documentation)`,
      ),
      verified:
        'Confirmed: AG (Consumer Protection Division) within 5 business days after the notice to consumers; the exception after investigation or law-enforcement consultation, documented in writing and kept 5 years. The official AG page says "at least 500", DWT (and the statute as recalled) "more than 500": exactly 500 answers review.',
    },
  ],
};

const KS: StateLaw = {
  code: 'KS',
  versions: [
    {
      from: '2007-01-01',
      citation: 'Kan. Stat. Ann. §§50-7a01, 50-7a02',
      mode: 'acquisition',
      ind: { days: null },
      harm: {
        basis: 'element',
        standard:
          'breach "causes, or … [is] reasonably believe[d to have] caused or will cause, identity theft"; after a good-faith investigation notice is owed "if the investigation determines that the misuse of information has occurred or is reasonably likely to occur"',
        cite: 'Kan. Stat. Ann. §§50-7a01(h), 50-7a02(a)',
      },
      cra: { count: 1000, comparator: '>', counted: 'Kansas consumers notified at one time' },
      source: src(
        'https://www.ksrevisor.org/statutes/chapters/ch50/050_007a_0002.html',
        'Kan. Stat. Ann. §50-7a02 (Security breach; requirements)',
        `${STORED_COPIES}: the text of §50-7a02(a)–(d) (getpocketlaw.com); Perkins Coie (SB 196 effective 2007-01-01; CRAs when more than 1,000 consumers at one time; definition); Snell & Wilmer map`,
      ),
      verified: 'Confirmed: harm in the definition and the investigation-based duty; most expedient time; CRAs above 1,000 consumers at one time; no AG duty.',
    },
  ],
};

const KY: StateLaw = {
  code: 'KY',
  versions: [
    {
      from: '2014-07-15',
      citation: 'Ky. Rev. Stat. §365.732',
      mode: 'acquisition',
      ind: { days: null },
      harm: {
        basis: 'element',
        standard:
          'breach of the security of the system is an unauthorized acquisition "that actually causes, or leads the information holder to reasonably believe has caused or will cause, identity theft or fraud against any resident"',
        cite: 'Ky. Rev. Stat. §365.732(1)(a)',
      },
      cra: { count: 1000, comparator: '>', counted: 'persons notified at one time' },
      source: src(
        'https://apps.legislature.ky.gov/law/statutes/statute.aspx?id=43326',
        'Ky. Rev. Stat. §365.732 (Notification to affected persons of computer security breach)',
        `${STORED_COPIES}: the text of §365.732(1)–(2) (proteuscyber.com reproduction); Perkins Coie (HB 232 effective 2014-07-15; CRAs when more than 1,000 persons at one time; no state agency notice for private entities); DWT (harm threshold)`,
      ),
      verified: 'Confirmed: harm is an element of the definition (a public breach-law dataset derived from the Foley & Lardner chart says "no risk of harm" — wrong); most expedient time; CRAs above 1,000 persons at one time.',
    },
  ],
};

const LA_SOURCE = src(
  'https://legis.la.gov/Legis/Law.aspx?d=322030',
  'La. Rev. Stat. §51:3074 (Protection of personal information; notification requirements), as amended by Act 382 of 2018; La. Admin. Code tit. 16, pt. III, §701',
  `${STORED_COPIES}: the official page for §51:3074 (legis.la.gov; subsections A–D); DWT (Act 382 of 2018: 60 days from discovery); amp.legal 2017 and McAfee (the no-harm exception before 2018); Lewis Brisbois (written determination retained); tekrisq.com (AG within 10 days under LAC 16:III.701)`,
);
const LA_AG = {
  count: 1,
  comparator: '>=' as const,
  days: 10,
  anchor: 'individual_notice' as const,
  content: ['written notice of the breach', 'names of the affected Louisiana residents', 'copy of the notice to residents'],
};
const LA_HARM = {
  basis: 'exception' as const,
  standard: 'not required if, after a reasonable investigation, the person determines that there is no reasonable likelihood of harm to customers',
  cite: 'La. Rev. Stat. §51:3074(I)',
};
const LA: StateLaw = {
  code: 'LA',
  versions: [
    {
      from: '2007-01-01',
      to: '2018-07-31',
      citation: 'La. Rev. Stat. §§51:3071–3077; La. Admin. Code tit. 16, pt. III, §701',
      mode: 'acquisition',
      ind: { days: null },
      harm: LA_HARM,
      ag: LA_AG,
      source: LA_SOURCE,
      verified: 'Confirmed: most expedient time and the no-harm exception before Act 382. Not confirmed: the 2007-01-01 start of LAC 16:III.701.',
    },
    {
      from: '2018-08-01',
      citation: 'La. Rev. Stat. §51:3074 as amended by Act 382 of 2018',
      mode: 'acquisition',
      ind: { days: 60 },
      harm: { ...LA_HARM, inWriting: true, documentationYears: 5 },
      ag: LA_AG,
      source: LA_SOURCE,
      verified:
        'Confirmed: 60 days from discovery; AG within 10 days of the notice to residents; the written determination and supporting documents kept (5 years as recalled) and given to the AG on request. Not confirmed: 2018-08-01 is Louisiana\'s default effective date for Act 382.',
    },
  ],
};

export const LAWS_G_L: StateLaw[] = [GA, HI, ID, IN, IA, KS, KY, LA];
