/**
 * Maine, Maryland, Michigan, Minnesota, Mississippi, Missouri, Montana — every text in force since
 * 2018-01-01, with sources and what was checked.
 */
import { type StateLaw, STORED_COPIES, src } from './us-common.js';

const ME_SOURCE = src(
  'https://legislature.maine.gov/statutes/10/title10sec1348.html',
  '10 M.R.S. §1348 (Security breach notice requirements), as amended by PL 2019 (LD 696)',
  `${STORED_COPIES}: Maine Bureau of Insurance FAQ on the Notice of Risk to Personal Data Act (maine.gov: amendment effective 2019-09-19 capping notice at 30 days unless law enforcement delays it); the LD 696 committee amendment text on mainelegislature.org ("no more than 30 days after the person … becomes aware of a breach of security and identifies its scope"); McAfee summary of §1348(1) (information brokers notify on acquisition; others when misuse has occurred or is reasonably possible); cliclaw.com (AG or the Department of Professional and Financial Regulation; CRAs above 1,000)`,
);
const ME_BASE = {
  citation: '10 M.R.S. §§1346–1350-B',
  mode: 'acquisition' as const,
  harm: {
    basis: 'exception' as const,
    standard:
      'a person other than an information broker notifies "if misuse of the personal information has occurred or if it is reasonably possible that misuse will occur" after a good-faith, reasonable and prompt investigation (information brokers notify on any acquisition)',
    cite: '10 M.R.S. §1348(1)',
  },
  ag: {
    name: 'Maine Attorney General (or the person\'s regulator within the Department of Professional and Financial Regulation)',
    count: 1,
    comparator: '>=' as const,
  },
  cra: { count: 1000, comparator: '>' as const, counted: 'persons notified at a single time' },
  notes: 'Information brokers may not rely on the misuse standard: they notify whenever personal information was acquired.',
  source: ME_SOURCE,
};
const ME: StateLaw = {
  code: 'ME',
  versions: [
    {
      ...ME_BASE,
      from: '2009-09-12',
      to: '2019-09-18',
      ind: { days: null },
      verified: 'Confirmed: no day count before the 2019 amendment. Not confirmed: the 2009-09-12 start of PL 2009 c. 161.',
    },
    {
      ...ME_BASE,
      from: '2019-09-19',
      ind: { days: 30, anchor: 'determination' },
      verified:
        'Confirmed: from 2019-09-19 notice is due no more than 30 days after the person becomes aware of the breach and identifies its scope (encoded from the determination: set determinedAt to the day the scope was identified); AG or DPFR regulator for any resident; CRAs above 1,000. Information brokers cannot use the misuse standard (note only; no profile flag).',
    },
  ],
};

const MD_SOURCE = src(
  'https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gcl&section=14-3504&enactments=false',
  'Md. Code, Com. Law §14-3504 (Breach of security of a system), as amended by HB 974 (2017) and HB 962 (2022, ch. 502)',
  `${STORED_COPIES}: the current text of §14-3504(a)–(b) (lexace.ai): investigation, the misuse standard, 45 days after discovery, records kept 3 years; Perkins Coie (HB 974 effective 2018-01-01, HB 962 effective 2022-10-01; AG before individuals); Kennedys and Lexology (HB 962 enacted 2022-05-29, in force 2022-10-01); Klinedinst (45 days after the investigation concludes, the earlier text)`,
);
const MD_BASE = {
  citation: 'Md. Code, Com. Law §§14-3501 to 14-3508',
  mode: 'acquisition' as const,
  harm: {
    basis: 'exception' as const,
    standard: 'notice is owed "unless the business reasonably determines that the breach … does not create a likelihood that personal information has been or will be misused"',
    cite: 'Md. Code, Com. Law §14-3504(b)(2)',
    inWriting: true,
    documentationYears: 3,
  },
  ag: {
    name: 'Maryland Office of the Attorney General',
    count: 1,
    comparator: '>=' as const,
    relation: 'before_individuals' as const,
    content: ['number of affected Maryland residents', 'description of the breach, when and how it occurred', 'steps taken or planned', 'form of the notice and a sample'],
  },
  cra: { count: 1000, comparator: '>=' as const, comparatorUncertain: true, notes: '§14-3506 as recalled says "1,000 or more individuals"; a public dataset gives 1,000 without a comparator.' },
  source: MD_SOURCE,
};
const MD: StateLaw = {
  code: 'MD',
  versions: [
    {
      ...MD_BASE,
      from: '2018-01-01',
      to: '2022-09-30',
      ind: { days: 45, anchor: 'determination' as const, urgency: 'as_soon_as_practicable' as const },
      // Before HB 962 (2022): e-mail also where the business is conducted primarily on the Internet; substitute above $100,000 / 175,000.
      notice: {
        electronic: {
          allowed: 'consent_or_primary',
          basis: 'Md. Code, Com. Law §14-3504(e)(2) (before HB 962): e-mail if the individual "has expressly consented to receive electronic notice" or the business "conducts its business primarily through Internet account transactions or the Internet" (the text as quoted in a c. 2016 compilation of state notice-method provisions, stored copy)',
        },
        substitute: {
          costOver: 100_000,
          countOver: 175_000,
          insufficientContact: true,
          components: ['e-mail to individuals whose e-mail address the business has', 'conspicuous posting on the website, if it maintains one', 'notification to statewide media'],
          basis: 'Md. Code, Com. Law §14-3504(e)(4) (before HB 962), as quoted in the c. 2016 compilation',
        },
      },
      verified:
        'Confirmed: HB 974 (in force 2018-01-01) set "as soon as reasonably practicable, but not later than 45 days after the business concludes its investigation" — encoded from the determination: set determinedAt to the day the investigation concluded; AG before the notice to individuals; records of a no-notice determination kept 3 years.',
    },
    {
      ...MD_BASE,
      from: '2022-10-01',
      ind: { days: 45, urgency: 'as_soon_as_practicable' as const },
      verified:
        'Confirmed from the current text: not later than 45 days after the business discovers or is notified of the breach; the misuse standard; records kept 3 years; AG before individuals (in force 2022-10-01). CRAs at 1,000 or more (§14-3506 as recalled; exactly 1,000 answers review), not re-read.',
    },
  ],
};

const MI: StateLaw = {
  code: 'MI',
  versions: [
    {
      from: '2006-07-02',
      citation: 'Mich. Comp. Laws §§445.63, 445.72 (Identity Theft Protection Act)',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: {
        basis: 'exception',
        standard:
          'notice is owed "unless the person or agency determines that the security breach has not or is not likely to cause substantial loss or injury to, or result in identity theft with respect to, one or more residents"',
        cite: 'Mich. Comp. Laws §445.72(1)',
      },
      cra: { count: 1000, comparator: '>', counted: 'Michigan residents notified' },
      notes: 'Entities regulated under the Insurance Code are exempt from the act (§445.64).',
      source: src(
        'https://www.legislature.mi.gov/Laws/MCL?objectName=mcl-445-72',
        'Mich. Comp. Laws §445.72 (Notice of security breach; requirements)',
        `${STORED_COPIES}: McAfee summary quoting the §445.72(1) standard (data "accessed and acquired"); legislature.mi.gov index of Act 452 of 2004; uslawyerdatabase.com (act history, insurance exemption §445.64)`,
      ),
      verified: 'Confirmed: the substantial-loss/identity-theft standard and the access-and-acquisition trigger. Not confirmed in a stored copy: the CRA threshold (from a public breach-law dataset derived from the Foley & Lardner chart) and the date of the last amendment (2006-07-02 is when §445.72 took effect).',
    },
  ],
};

const MN: StateLaw = {
  code: 'MN',
  versions: [
    {
      from: '2006-01-01',
      citation: 'Minn. Stat. §325E.61',
      mode: 'acquisition',
      ind: { days: null },
      harm: null,
      cra: {
        count: 500,
        comparator: '>',
        counted: 'persons to be notified at one time',
        hours: 48,
        anchor: 'determination',
        notes: 'The 48 hours run from discovering circumstances requiring notice of more than 500 persons; read as running from the consumer notice, the deadline would be later.',
      },
      source: src(
        'https://www.revisor.mn.gov/statutes/cite/325E.61',
        'Minn. Stat. §325E.61 (Data warehouses; notice required for certain disclosures)',
        `${STORED_COPIES}: DWT (no harm threshold, no government notice); wordsbywit.com quoting the §325E.61 definition; csrps.com and techinsurance.com (CRAs within 48 hours when more than 500 persons are notified at one time)`,
      ),
      verified:
        'Confirmed: no risk-of-harm exception; CRAs within 48 hours when more than 500 persons at one time. The 48 hours are encoded from the determination that notice is owed (the statute ties them to discovering the circumstances, as recalled; not re-read).',
    },
  ],
};

const MS: StateLaw = {
  code: 'MS',
  versions: [
    {
      from: '2011-07-01',
      citation: 'Miss. Code Ann. §75-24-29',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' },
      harm: {
        basis: 'exception',
        standard: 'notification shall not be required if, after an appropriate investigation, the person reasonably determines that the breach will not likely result in harm to the affected individuals',
        cite: 'Miss. Code Ann. §75-24-29(3)',
      },
      source: src(
        'https://www.legislature.ms.gov/',
        'Miss. Code Ann. §75-24-29 (Notice of breach of security involving personal information)',
        `${STORED_COPIES}: the text of §75-24-29(1)–(2) (cliclaw.com) and of (3) quoted by wordsbywit.com ("Notification shall not be required if, after an appropriate investigation …"); Perkins Coie and recordinglaw.com (H.B. 583 signed 2010-04-07, effective 2011-07-01; no government or CRA notice); DWT. The official code is published by LexisNexis; the legislature's site is linked`,
      ),
      verified: 'Confirmed: without unreasonable delay; the no-harm exception after an appropriate investigation; no AG or CRA duty; in force 2011-07-01.',
    },
  ],
};

const MO: StateLaw = {
  code: 'MO',
  versions: [
    {
      from: '2009-08-28',
      citation: 'Mo. Rev. Stat. §407.1500',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: {
        basis: 'exception',
        standard:
          'not required if, after an appropriate investigation or after consultation with the relevant federal, state or local law enforcement agencies, the person determines that a risk of identity theft or other fraud to any consumer is not reasonably likely to occur',
        cite: 'Mo. Rev. Stat. §407.1500.2(5)',
        inWriting: true,
        documentationYears: 5,
      },
      ag: { count: 1000, comparator: '>', counted: 'Missouri consumers notified at one time', content: ['timing, distribution and content of the notice'] },
      cra: { count: 1000, comparator: '>', counted: 'Missouri consumers notified at one time' },
      source: src(
        'https://revisor.mo.gov/main/OneSection.aspx?section=407.1500',
        'Mo. Rev. Stat. §407.1500 (Definitions — notice to consumer for breach of security)',
        `${STORED_COPIES}: the text of §407.1500.1 ("Effective 28 Aug 2009"; "consumer" = resident; breach = unauthorized access and acquisition) (instalawyer.io); itechlaw.org summary of §407.1500.2 (the exception, 5-year documentation, AG and CRAs when more than 1,000 consumers at one time)`,
      ),
      verified: 'Confirmed: the exception with documentation kept 5 years; AG and CRAs above 1,000 consumers at one time; without unreasonable delay.',
    },
  ],
};

const MT: StateLaw = {
  code: 'MT',
  versions: [
    {
      from: '2015-10-01',
      citation: 'Mont. Code Ann. §§30-14-1702, 30-14-1704',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: {
        basis: 'element',
        standard: 'breach is an unauthorized acquisition that materially compromises the information "and causes or is reasonably believed to cause loss or injury to a Montana resident"',
        cite: 'Mont. Code Ann. §30-14-1704(4)(a)',
      },
      ag: {
        name: 'Montana Department of Justice, Office of Consumer Protection',
        count: 1,
        comparator: '>=',
        relation: 'no_later_than_individuals',
        content: ['electronic copy of the notice (without personal information)', 'number of Montana residents notified', 'date and method of distribution'],
      },
      cra: {
        count: 1,
        comparator: '>=',
        review:
          'a duty to coordinate with a CRA arises only when the notice suggests obtaining a copy of the credit file from it (§30-14-1704(6), as recalled) — check the notice text',
      },
      source: src(
        'https://leg.mt.gov/bills/mca/title_0300/chapter_0140/part_0170/section_0040/0300-0140-0170-0040.html',
        'Mont. Code Ann. §30-14-1704 (Computer security breach)',
        `${STORED_COPIES}: the Montana Department of Justice, Office of Consumer Protection page (dojmt.gov: electronic copy to the OCP simultaneously with the notice; the definition with "loss or injury"); wordsbywit.com and Revision Legal quoting the definition`,
      ),
      verified:
        'Confirmed (official DOJ page): harm is an element of the definition (a public breach-law dataset derived from the Foley & Lardner chart says "no risk of harm" — wrong); OCP copy at the same time as the notice, for any resident. Not confirmed: the 2015-10-01 start (HB 74) and the CRA coordination trigger (answers review).',
    },
  ],
};

export const LAWS_M: StateLaw[] = [ME, MD, MI, MN, MS, MO, MT];
