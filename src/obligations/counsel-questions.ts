/**
 * Questions the rule set cannot settle from the statute's words (outside review of the legal
 * answers, 2026-12-07): each names the provision, quotes its wording and says what the engine
 * answers meanwhile. Rendered at the end of docs/legal-coverage.md (coverage-doc.ts) so the list is
 * reviewed with the rules. Data only; when counsel answers, change the rule and drop the entry.
 */
export interface CounselQuestion {
  jurisdiction: string;
  topic: string;
  provision: string;
  /** The statute's words, quoted as read (or as restated by the named source). */
  wording: string;
  /** What Breachdesk answers until counsel decides. */
  engine: string;
}

export const COUNSEL_QUESTIONS: readonly CounselQuestion[] = [
  {
    jurisdiction: 'US-TX',
    topic: 'health data with an identifier other than a name',
    provision: 'Tex. Bus. & Com. Code §521.002(a)(2)(B)',
    wording: '"information that identifies an individual and relates to: (i) the physical or mental health or condition of the individual; (ii) the provision of health care to the individual; or (iii) payment for the provision of health care to the individual"',
    engine: 'with a name: required; with only an e-mail address, phone, postal address, user name or date of birth: review (does it "identify an individual"?)',
  },
  {
    jurisdiction: 'US-TX',
    topic: 'which numbers are "government-issued identification number[s]"',
    provision: 'Tex. Bus. & Com. Code §521.002(a)(2)(A)(ii)',
    wording: '"driver\'s license number or government-issued identification number"',
    engine: 'passport number and ITIN with a name: required; other tax ids (EIN, foreign tax numbers): review',
  },
  {
    jurisdiction: 'US-TX',
    topic: 'people who do not live in Texas',
    provision: 'Tex. Bus. & Com. Code §521.053(b), (b-1)',
    wording: '(b) "shall disclose the breach … to any individual whose sensitive personal information was, or is reasonably believed to have been, acquired by an unauthorized person"; (b-1) a resident of another state that requires notice "may be provided under that state\'s law or under Subsection (b)"',
    engine: 'the individuals duty counts Texas residents only (the CRA duty counts every person notified); residents of countries without a US-style law (e.g. Mexico) are not listed under Texas — is a business that "conducts business in this state" to notify them under (b)?',
  },
  {
    jurisdiction: 'US-NY',
    topic: 'an identifying number found alone',
    provision: 'N.Y. Gen. Bus. Law §899-aa(1)(a), (1)(b)(i)',
    wording: '(a) "any information concerning a natural person which, because of name, number, personal mark, or other identifier, can be used to identify such natural person"; (b)(i) "personal information consisting of any information in combination with any one or more of the following data elements"',
    engine: 'an SSN, licence/non-driver ID number or biometric record with no other identifier: review (is the number itself the "personal information" it is combined with?)',
  },
  {
    jurisdiction: 'US-CO',
    topic: 'an account or card number with its code and no name',
    provision: 'C.R.S. §6-1-716(1)(g)(I)(C) (HB 18-1128)',
    wording: 'as restated (Lewis Brisbois, May 2018): data sets that count "even when not linked with a Colorado resident\'s name" — the enacted text was not read',
    engine: 'review from 2018-09-01 (name still needed under the 2006 text)',
  },
  {
    jurisdiction: 'US-CA, US-FL, US-TX, US-CO, US-WA, US-OH',
    topic: 'a card number usable without a code',
    provision: 'e.g. Cal. Civ. Code §1798.82(h)(1)(C); Tex. Bus. & Com. Code §521.002(a)(2)(A)(iii)',
    wording: '"account number or credit or debit card number in combination with any required security code, access code, or password that would permit access to an individual\'s financial account"',
    engine: 'a name with a card number and no code: not required (NY §899-aa(1)(b)(i)(4) review; MA c. 93H §1 "with or without any required security code": required) — does "any required" reach a number for which no code is required?',
  },
  {
    jurisdiction: 'US-MN',
    topic: 'from when the 48 hours to the CRAs run',
    provision: 'Minn. Stat. §325E.61 subd. 2',
    wording: '"If a person discovers circumstances requiring notification under this section of more than 500 persons at one time, the person shall also notify, within 48 hours, all consumer reporting agencies …"',
    engine: '48 hours from the determination that a breach occurred (determinedAt, else awareAt)',
  },
  {
    jurisdiction: 'US (all states)',
    topic: 'notice by e-mail',
    provision: 'Cal. Civ. Code §1798.82(j)(2); N.Y. Gen. Bus. Law §899-aa(5)(b); C.R.S. §6-1-716(1)(f)(III)',
    wording: 'CA: "Electronic notice, if the notice provided is consistent with the provisions regarding electronic records and signatures set forth in Section 7001 of Title 15 of the United States Code"; NY: "provided that the person to whom notice is required has expressly consented to receiving said notice in electronic form and a log of each such notification is kept"; CO: "if a primary means of communication … is by electronic means or the notice provided is consistent with … 15 U.S.C. sec. 7001"',
    engine: 'each individuals rule says when e-mail is notice (`electronicNotice`: any, consent, consent_or_primary, primary; states whose text was not read: consent); the import records each person\'s E-SIGN consent and the incident may declare e-mail its primary means (audited); a campaign e-mails only where the rule allows and sends the rest by post, counting them (docs/notices.md §4 Channels). Re-read 2026-12-07 from a c. 2016 compilation quoting the texts and a 2025 dataset: FL, AZ, WY, OK, GU any; OH, NH, WI primary only; AK, MS, UT, SC, NM, MN, IA, OR, MI, PA consent or primary; MD consent (its 2022 text). Open: amendments after 2016 to those quoted texts; AL (summaries say e-mail to the address on record, §8-38-5(d) not read) and the states still on the conservative consent; WY, where the 2025 dataset paraphrases the text differently',
  },
  {
    jurisdiction: 'US (52 of 54 jurisdictions)',
    topic: 'HIPAA, GLBA, federal-regulator and own-policy notices deemed to satisfy a state duty',
    provision: 'e.g. RCW 19.255.010; A.R.S. §18-552; Conn. Gen. Stat. §36a-701b; N.Y. Gen. Bus. Law §899-aa(2)(b); Cal. Civ. Code §1798.82(e); D.C. Code §28-3852(g)',
    wording: 'WA (as summarised): a HIPAA covered entity that complies with the HIPAA breach notification requirements "shall be deemed to have complied with" the consumer notice, and remains subject to the attorney general notice; AZ: the section does not apply to HIPAA covered entities and business associates or to persons subject to GLBA Title V; CA (as restated): "Covered entities under HIPAA deemed compliant if complying with Section 13402(f) of HITECH Act; covered entities not otherwise exempt"',
    engine:
      'each clause is encoded on the duties it discharges (`deemedCompliance`, with `alsoMet` where the clause makes another notice of the state its condition: CT and NE Attorney General, IL HHS copy, MA, FL); the answer keeps `required` and adds `satisfiedBy` — only when the HIPAA notice to individuals is itself due and every resident\'s exposed data is health information. Tracking holds the duty owed until the discharging notice (the HIPAA individual notice) reached that state\'s residents and the `alsoMet` notices are met, then marks it met by deemed compliance (audited; late against the state\'s own deadline). CA §1798.82(e) is read as reaching subdivision (d), the notice\'s content and form, only: the HIPAA notice is the California notice once it reaches the residents, within California\'s 30 days (SB 446), and the AG sample copy stays. Open: the clauses rest on a 2025 secondary dataset (Foley & Lardner chart), not the texts (the 18 read 2026-12-08 quote its restatements; their section numbers are recalled); whether "complies with HIPAA" also covers a breach for which HIPAA requires no notice (read here: no); HI, RI ("deemed in compliance", no stated condition) read as holding once the HIPAA notice went out; whether HHS is the "primary or functional regulator" of the regulated-entity clauses of KS, MO, NE, WV, ME (read here: no — the state notice is due); DC\'s AG notice "in all cases", even under 50 residents (not encoded); GU and VI not read — a HIPAA covered entity\'s answer says no clause is encoded',
  },
  {
    jurisdiction: 'US (48 jurisdictions)',
    topic: 'substitute notice grounds and components',
    provision: 'e.g. Fla. Stat. §501.171(4)(f); A.R.S. §18-552(F)(4); Ohio Rev. Code §1349.19(E)(4)',
    wording: 'FL: direct notice not feasible "because the cost of providing notice would exceed $250,000, because the affected individuals exceed 500,000 persons, or because the covered entity does not have an e-mail address or mailing address for the affected individuals"',
    engine: 'individuals rules carry `substitute` (cost and count figures, contact ground, components) and the answer says whether the count alone opens it (`availableByCount`, strictly more than the figure); the cost and contact grounds are for the organisation to show. Open: most figures are from a c. 2016 compilation quoting the texts (amendments since not checked: e.g. VT, LA, OR, DE; MD follows the 2025 dataset for its 2022 text); GA ($250,000 / 500,000 against the dataset\'s $50,000 / 100,000); WY ($250,000 / 500,000 for businesses not based in Wyoming against the dataset\'s $50,000 / 100,000); AR and VI not read',
  },
  {
    jurisdiction: 'US (most states)',
    topic: 'paper records',
    provision: 'e.g. Cal. Civ. Code §1798.82(a), Tex. Bus. & Com. Code §521.053(a), Utah Code §13-44-102(1)(a)',
    wording: 'Utah: "\'Breach of system security\' means an unauthorized acquisition of computerized data …" — most definitions are limited to computerized data; a few states reach other media (recalled, not re-read: which ones is the question)',
    engine: 'BreachFacts has no fact for the medium: every answer assumes computerized data (a paper-only breach gets the duties of the computerized-data states too)',
  },
  {
    jurisdiction: 'EEA (GDPR), GB (UK GDPR)',
    topic: 'a controller with no establishment in the EU (or the UK)',
    provision: 'GDPR Art. 3(2); UK GDPR Art. 3(2)',
    wording: 'applies to "the processing of personal data of data subjects who are in the Union by a controller or processor not established in the Union, where the processing activities are related to: (a) the offering of goods or services … to such data subjects in the Union" or "(b) the monitoring of their behaviour as far as their behaviour takes place within the Union"',
    engine: 'residents of a Member State (or of the UK) in the breach — residence, where the text says "who are in the Union" — are taken to bring the controller within Art. 3(2): each SA\'s Art. 33 duty is listed for its residents (EDPB 9/2022 ¶73) without asking whether goods or services were offered to them or their behaviour monitored',
  },
  {
    jurisdiction: 'CA (PIPEDA) with CA-AB, CA-QC, CA-BC',
    topic: 'PIPEDA beside a substantially similar provincial act',
    provision: 'PIPEDA s 26(2)(b); Organizations in the Province of Alberta Exemption Order (SOR/2004-219)',
    wording: 'the organisation is exempted from Part 1 of PIPEDA "in respect of the collection, use and disclosure of personal information that occurs within the Province"',
    engine: 'PIPEDA s 10.1 duties are listed for residents of Alberta and Québec beside the provincial duty, with no question whether the data crossed a border',
  },
];
