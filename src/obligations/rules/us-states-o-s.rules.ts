/**
 * Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota — every text in
 * force since 2018-01-01 (or since the law began), with sources and what was checked.
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import { CREDENTIALS, type StateLaw, STORED_COPIES, src } from './us-common.js';

const OH: StateLaw = {
  code: 'OH',
  versions: [
    {
      from: '2007-03-30',
      citation: 'Ohio Rev. Code §1349.19',
      mode: 'acquisition',
      ind: { days: 45 },
      harm: {
        basis: 'element',
        standard:
          'breach is unauthorized access to and acquisition of data "that causes, reasonably is believed to have caused, or reasonably is believed will cause a material risk of identity theft or other fraud to the person or property of a resident"',
        cite: 'Ohio Rev. Code §1349.19(A)(1)(a)',
      },
      cra: { count: 1000, comparator: '>', counted: 'Ohio residents involved in a single occurrence' },
      // §1349.19(A)(7)(a): the name linked to SSN, driver's licence/state ID, or an account or card
      // number with the code or password to the financial account — nothing else (no online credentials).
      piExact: true,
      source: src(
        'https://codes.ohio.gov/ohio-revised-code/section-1349.19',
        'Ohio Rev. Code §1349.19 (Private disclosure of security breach of computerized personal information data)',
        `${STORED_COPIES}: the text of §1349.19(A) ("Effective: March 30, 2007", SB 126) on instalawyer.io and cliclaw.com; Snell & Wilmer and DWT (45 days following discovery or notification); csrps.com (CRAs when more than 1,000 residents are involved in a single occurrence)`,
      ),
      verified:
        'Confirmed: harm is an element of the definition; not later than 45 days after discovery or notification; CRAs above 1,000 residents in a single occurrence; no AG duty; "personal information" (§1349.19(A)(7)(a)) is the name with SSN, driver\'s licence/state ID, or account/card number with its access code (instalawyer.io, cliclaw.com, AICPA copies of the text).',
    },
  ],
};

const OK_SOURCE = src(
  'https://www.oklegislature.gov/BillInfo.aspx?Bill=SB626&Session=2500',
  '24 Okla. Stat. §§161–166 (Security Breach Notification Act), as amended by SB 626 (2025)',
  `${STORED_COPIES}: the engrossed SB 626 text (legiplex.com, showing §162(1) as in force); regulon.ai verbatim §162; tenaco.com (AG for 500 or more residents, within 60 days after notice to residents; applies to breaches discovered, determined or notified on or after 2026-01-01); Covington (insideprivacy.com) and insightsassociation.org (fewer than 500 — 1,000 for a credit bureau — exempt; effective 2026-01-01)`,
);
const OK_HARM = {
  basis: 'element' as const,
  standard:
    'breach is unauthorized access and acquisition of data "that causes, or the individual or entity reasonably believes has caused or will cause, identity theft or other fraud"',
  cite: '24 Okla. Stat. §162(1)',
};
const OK: StateLaw = {
  code: 'OK',
  versions: [
    {
      from: '2008-11-01',
      to: '2025-12-31',
      citation: '24 Okla. Stat. §§161–166',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: OK_HARM,
      source: OK_SOURCE,
      verified: 'Confirmed: the harm element of §162(1) (unchanged by SB 626); no AG duty before 2026. Not confirmed: the 2008-11-01 start.',
    },
    {
      from: '2026-01-01',
      citation: '24 Okla. Stat. §§161–166 as amended by SB 626 (2025)',
      mode: 'acquisition',
      // §162 as amended (quoted by Covington, insideprivacy.com, 2025): a name with "other unique
      // identification numbers" "created or collected by a government entity", or with "unique
      // biometric data such as a fingerprint, retina or iris image, or other unique physical or
      // digital representation of biometric data to authenticate a specific individual".
      piAlso: [
        ['person_name', 'passport_number'],
        ['person_name', 'us_itin'],
        ['person_name', 'biometric'],
      ],
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: OK_HARM,
      ag: {
        count: 500,
        comparator: '>=',
        days: 60,
        anchor: 'individual_notice',
        content: [
          'date of the breach',
          'date of its determination',
          'nature of the breach',
          'type of personal information exposed',
          'number of Oklahoma residents affected',
          'estimated monetary impact, if determinable',
          'reasonable safeguards the entity employs',
        ],
        notes: 'A credit bureau whose system was breached notifies the AG only at 1,000 or more residents (no profile flag: check).',
      },
      source: OK_SOURCE,
      verified:
        'Confirmed: from 2026-01-01 (for breaches discovered from then on) the AG is told when 500 or more residents are affected, within 60 days after the notice to residents; contents as listed. Not confirmed against the enrolled act: the comparator is taken from "500 or more" / "fewer than 500 … exempt" in three secondary sources; the definition\'s government identification numbers and biometric data from the amended §162 as quoted by Covington (insideprivacy.com, 2025).',
    },
  ],
};

const OR_SOURCE = src(
  'https://www.oregonlegislature.gov/bills_laws/ors/ors646A.html',
  'Or. Rev. Stat. §646A.604 (Notice of breach of security), as amended by SB 1551 (2018) and SB 684 (2019)',
  `${STORED_COPIES}: the 2021 text of §646A.604(1)–(3) (instalawyer.io: AG when consumers to be notified exceed 250; "shall give notice of a breach … not later than 45 days after discovering or receiving notification"); the official ORS chapter index (oregonlegislature.gov)`,
);
const OR_BASE = {
  citation: 'Or. Rev. Stat. §§646A.600–646A.628',
  mode: 'acquisition' as const,
  harm: {
    basis: 'exception' as const,
    standard:
      'not required if, after an appropriate investigation or after consultation with relevant federal, state or local law enforcement agencies, the entity reasonably determines that the consumers are unlikely to suffer harm',
    cite: 'Or. Rev. Stat. §646A.604',
    inWriting: true,
    documentationYears: 5,
    unconfirmed: 'the exception and its 5-year documentation are recalled; the stored copy of §646A.604 read covered subsections (1)–(3) only',
  },
  cra: { count: 1000, comparator: '>' as const, counted: 'Oregon consumers notified' },
  source: OR_SOURCE,
};
const OR: StateLaw = {
  code: 'OR',
  versions: [
    {
      ...OR_BASE,
      from: '2016-01-01',
      to: '2018-06-01',
      ind: { days: null },
      ag: { count: 250, comparator: '>' },
      verified: 'Before SB 1551: most expedient time for consumers and the AG (>250). Not confirmed: the 2016-01-01 start (SB 601).',
    },
    {
      ...OR_BASE,
      from: '2018-06-02',
      to: '2019-12-31',
      ind: { days: 45 },
      ag: { count: 250, comparator: '>', days: 45 },
      verified: 'SB 1551: 45 days after discovery for consumers and the AG (the same subsection (3) covers both). Not confirmed: the 2018-06-02 effective date.',
    },
    {
      ...OR_BASE,
      from: '2020-01-01',
      ind: { days: 45 },
      ag: { count: 250, comparator: '>', days: 45 },
      verified:
        'Confirmed from the 2021 text: AG when consumers to be notified exceed 250; the 45 days of subsection (3) apply to the notice to consumers and to the AG; vendors notify the covered entity within 10 days and the AG above 250 (vendor duties not encoded). Not confirmed: the exception (a no-harm finding answers review) and the CRA threshold.',
    },
  ],
};

const PA_SOURCE = src(
  'https://www.legis.state.pa.us/cfdocs/legis/LI/uconsCheck.cfm?txtType=HTM&yr=2005&sessInd=0&smthLwInd=0&act=94',
  'Breach of Personal Information Notification Act, Act of Dec. 22, 2005 (P.L. 474, No. 94), 73 P.S. §§2301–2330, as amended by Act 151 of 2022 and Act 33 of 2024',
  `${STORED_COPIES}: 73 P.S. §2302 in Purdon's on govt.westlaw.com (the definition of breach with "causes or the entity reasonably believes has caused or will cause loss or injury to any resident"; "Effective: June 20, 2006"); the enrolled Act 33 §3(c.1)–(c.2) text quoted by databreaches.net; the SB 824 bill text on legis.state.pa.us (amends the CRA section; cites Act 151 of Nov. 3, 2022, P.L. 2139); DataGuidance (approved 2024-06-28); cybermaterial.com (effective in 90 days); secondary sources on §2305 ("more than 1,000 persons", later "more than 500")`,
);
const PA_HARM = {
  basis: 'element' as const,
  standard:
    'breach is unauthorized access and acquisition of data "that causes or the entity reasonably believes has caused or will cause loss or injury to any resident of this Commonwealth"',
  cite: '73 P.S. §2302',
};
/**
 * 73 P.S. §2302 "personal information" (1)(vi), added by Act 151 of 2022: the name "in combination
 * with and linked to" "a user name or e-mail address, in combination with a password or security
 * question and answer that would permit access to an online account" — the name is needed.
 */
const PA_CREDENTIALS: ElementId[][] = CREDENTIALS.map((c) => ['person_name', ...c]);
const PA: StateLaw = {
  code: 'PA',
  versions: [
    {
      from: '2006-06-20',
      to: '2023-05-01',
      citation: '73 P.S. §§2301–2329',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: PA_HARM,
      cra: { count: 1000, comparator: '>', counted: 'Pennsylvania residents notified at one time' },
      source: PA_SOURCE,
      verified:
        'CRAs above 1,000 persons at one time (§2305 as recalled and as quoted by secondary sources); no AG duty. The count is of Pennsylvania residents notified under the act, not everyone in the breach (issue 20 §3). The definition (§2302) in force since 2006-06-20 (read).',
    },
    {
      from: '2023-05-02',
      to: '2024-09-25',
      citation: '73 P.S. §§2301–2329 as amended by Act 151 of 2022',
      mode: 'acquisition',
      ind: { days: null, urgency: 'without_unreasonable_delay' as const },
      harm: PA_HARM,
      piAlso: PA_CREDENTIALS,
      cra: { count: 1000, comparator: '>', counted: 'Pennsylvania residents notified at one time' },
      source: PA_SOURCE,
      verified: 'Act 151 of 2022 (approved 2022-11-03) widened personal information. Not confirmed: 2023-05-02 (180 days after approval, as recalled) as its effective date.',
    },
    {
      from: '2024-09-26',
      citation: '73 P.S. §§2303, 2305 as amended by Act 33 of 2024',
      mode: 'acquisition',
      piAlso: PA_CREDENTIALS,
      ind: {
        days: null,
        urgency: 'without_unreasonable_delay' as const,
        content: ['description of the incident in general terms', 'type of personal information involved', 'contact information', 'where SSN, bank account or driver\'s licence data were involved: one free credit report and 12 months of credit monitoring'],
      },
      harm: PA_HARM,
      ag: {
        name: 'Pennsylvania Office of Attorney General',
        count: 500,
        comparator: '>',
        counted: 'affected individuals in this Commonwealth',
        relation: 'no_later_than_individuals',
        appliesUnless: ['insurance_licensee'],
        content: ['organisation name and location', 'date of the breach', 'summary of the incident', 'estimated total number of individuals affected', 'estimated number of Pennsylvania residents affected'],
        notes: 'Concurrently with the notice to individuals. Entities subject to 40 Pa.C.S. Ch. 45 (insurance data security) are exempt (§3(c.2)).',
      },
      cra: { count: 500, comparator: '>', comparatorUncertain: true, counted: 'Pennsylvania residents notified at one time' },
      source: PA_SOURCE,
      verified:
        'Confirmed from the enrolled text: AG "concurrently" when notice must be given to more than 500 affected individuals in this Commonwealth, with the listed contents; insurance-data-security licensees exempt; approved 2024-06-28, in force 90 days later (2024-09-26). CRA threshold lowered from 1,000 to 500 persons at one time (secondary sources; the bill amends that section; one writes "more than 500", another "500 or more", so exactly 500 answers review) — counted over Pennsylvania residents. Harm is an element of the definition of breach (§2302, read).',
    },
  ],
};

const RI_SOURCE = src(
  'https://webserver.rilegislature.gov/Statutes/TITLE11/11-49.3/11-49.3-4.htm',
  'R.I. Gen. Laws §11-49.3-4 (Notification of breach), as amended by P.L. 2023, ch. 375',
  `${STORED_COPIES}: the text of §11-49.3-4(a)(1)–(2) (lawserver.com: "poses a significant risk of identity theft"; persons: "no later than forty-five (45) calendar days after confirmation of the breach"; AG and major CRAs when more than 500 residents are to be notified, "without delaying notice"); P.L. 2023 ch. 375 (rilegislature.gov, enacted 2023-06-27, amends §§11-49.3-3 and -4; breach = unauthorized access or acquisition)`,
);
const RI_BASE = {
  citation: 'R.I. Gen. Laws §11-49.3-4',
  mode: 'access' as const,
  ind: { days: 45, anchor: 'determination' as const },
  harm: {
    basis: 'element' as const,
    standard:
      'notice is owed for a breach "that poses a significant risk of identity theft"; not required if, after an appropriate investigation or consultation with law enforcement, the breach has not and will not likely result in a significant risk of identity theft',
    cite: 'R.I. Gen. Laws §11-49.3-4(a)(1), (c)',
  },
  ag: {
    count: 500,
    comparator: '>' as const,
    counted: 'Rhode Island residents to be notified',
    content: ['timing, content and distribution of the notices', 'approximate number of affected individuals'],
    notes: 'Without delaying the notice to residents; no day count.',
  },
  cra: { count: 500, comparator: '>' as const, counted: 'Rhode Island residents to be notified' },
  source: RI_SOURCE,
};
const RI: StateLaw = {
  code: 'RI',
  versions: [
    { ...RI_BASE, from: '2016-07-02', to: '2023-06-26', verified: 'The Identity Theft Protection Act of 2015 before P.L. 2023 ch. 375. Not confirmed: the 2016-07-02 start.' },
    {
      ...RI_BASE,
      from: '2023-06-27',
      verified:
        'Confirmed from the text: significant risk of identity theft; 45 calendar days after confirmation of the breach (encoded from the determination); AG and CRAs when more than 500 residents are to be notified, with no day count (a public dataset\'s "45 days" for the AG is not in the text). P.L. 2023 ch. 375 (2023-06-27) changed agency provisions; the person provisions encoded are unchanged as far as read.',
    },
  ],
};

const SC: StateLaw = {
  code: 'SC',
  versions: [
    {
      from: '2013-04-23',
      citation: 'S.C. Code Ann. §39-1-90',
      mode: 'acquisition',
      ind: { days: null },
      harm: {
        basis: 'element',
        standard:
          'disclosure is owed "when the illegal use of the information has occurred or is reasonably likely to occur or use of the information creates a material risk of harm to the resident"',
        cite: 'S.C. Code Ann. §39-1-90(A)',
      },
      ag: {
        name: 'South Carolina Department of Consumer Affairs, Consumer Protection Division',
        count: 1000,
        comparator: '>',
        content: ['timing, distribution and content of the notice'],
      },
      cra: { count: 1000, comparator: '>', counted: 'persons notified at one time' },
      source: src(
        'https://www.scstatehouse.gov/code/t39c001.php',
        'S.C. Code Ann. §39-1-90 (Breach of security of business data; notification)',
        `${STORED_COPIES}: the text of §39-1-90(A)–(C) (cliclaw.com); Perkins Coie (S.B. 453 effective 2009-07-01; H.B. 3248 effective 2013-04-23; CRAs when more than 1,000 persons at one time; Department of Consumer Affairs when more than 1,000 residents)`,
      ),
      verified: 'Confirmed: harm is part of the duty; most expedient time; Department of Consumer Affairs and CRAs above 1,000; computerized or other data.',
    },
  ],
};

const SD: StateLaw = {
  code: 'SD',
  noLawBefore: 'South Dakota enacted its first breach-notification statute in 2018 (SB 62), in force 2018-07-01; before, no South Dakota law required notice',
  versions: [
    {
      // No South Dakota breach statute existed before SB 62 took effect on 2018-07-01.
      from: '2018-07-01',
      citation: 'S.D. Codified Laws §§22-40-19 to 22-40-26',
      mode: 'acquisition',
      ind: { days: 60 },
      harm: {
        basis: 'exception',
        standard:
          'not required if, following an appropriate investigation and notice to the attorney general, the information holder reasonably determines that the breach will not likely result in harm to the affected person',
        cite: 'S.D. Codified Laws §22-40-20',
        consultWith: ['attorney_general'],
        inWriting: true,
        documentationYears: 3,
      },
      ag: { count: 250, comparator: '>', days: 60 },
      cra: {
        count: 1,
        comparator: '>=',
        counted: 'South Dakota residents notified',
        notes: '§22-40-24 as recalled sets no threshold; one summary writes "more than 1,000 consumers" — check.',
      },
      noHarmFiling: {
        name: 'South Dakota Attorney General',
        cite: 'S.D. Codified Laws §22-40-20',
        content: 'notice of the breach before the no-harm determination (the determination documented in writing, kept 3 years)',
      },
      source: src(
        'https://sdlegislature.gov/Statutes/22-40-20',
        'S.D. Codified Laws §22-40-20 (Notice of breach of system security — exception)',
        `${STORED_COPIES}: the text of §22-40-20 (self-law.org research copy); Sidley (SB 62 signed 2018-03-21; AG within 60 days when more than 250 residents); csrps.com (in force July 2018)`,
      ),
      verified:
        'Confirmed from the text: 60 days from discovery; the exception needs an appropriate investigation and notice to the AG first, documented in writing and kept 3 years; AG when the breach exceeds 250 residents (60 days per Sidley). Not confirmed: the CRA duty\'s threshold (encoded as any resident).',
    },
  ],
};

export const LAWS_O_S: StateLaw[] = [OH, OK, OR, PA, RI, SC, SD];
