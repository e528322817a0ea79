/**
 * Notice templates per kind and jurisdiction. Text uses `{{field}}` placeholders filled from
 * DraftInputs (drafting.ts checks that each is filled) and `{{recipient.*}}` filled per copy.
 * Section keys are what the content checks look for (drafting.ts MATCHERS).
 */
import type { ElementId } from '../assessment/scanner/types.js';
import type { Rule } from '../obligations/rule.schema.js';

export const NOTICE_KINDS = ['individual', 'regulator', 'credit_bureau', 'substitute', 'media'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Incident facts a notice is drafted from (organisation-level, never a person's data). */
export interface DraftInputs {
  organisationName?: string;
  organisationAddress?: string;
  parentName?: string;
  contactPhone?: string;
  contactEmail?: string;
  website?: string;
  dpoContact?: string;
  breachDate?: string;
  breachEndDate?: string;
  discoveryDate?: string;
  noticeDate?: string;
  whatHappened?: string;
  informationInvolved?: string;
  whatWeAreDoing?: string;
  whatYouCanDo?: string;
  likelyConsequences?: string;
  lawEnforcementDelay?: boolean | null;
  creditMonitoringMonths?: number;
  monitoringEnrollment?: string;
  residentsAffected?: number;
  totalAffected?: number;
  reporterName?: string;
  reporterTitle?: string;
  breachType?: string;
  phiLocation?: string;
  safeguards?: string;
  sampleNoticeRef?: string;
  /** Why the notification is later than its deadline (GDPR Art. 33(1) "the reasons for the delay"). */
  delayReasons?: string;
  /** The deadline of the obligation the notice meets (ISO 8601), prefilled from the tracked obligations. */
  notificationDeadline?: string;
  /** How an item the checker does not recognise is met, keyed by the rule's item text. */
  attestations?: Record<string, string>;
}

export interface TemplateSection {
  key: string;
  heading: string;
  text: string;
}

export interface Template {
  id: string;
  title: string;
  subject: string;
  sections(inputs: DraftInputs, elements: Set<ElementId>): TemplateSection[];
  fields(inputs: DraftInputs, elements: ElementId[]): Record<string, string | number | boolean | null>;
}

const LABELS: Partial<Record<ElementId, string>> = {
  person_name: 'name',
  email: 'e-mail address',
  phone: 'telephone number',
  postal_address: 'postal address',
  date_of_birth: 'date of birth',
  us_ssn: 'Social Security number',
  us_itin: 'taxpayer identification number',
  national_id: 'national identification number',
  passport_number: 'passport number',
  drivers_license: "driver's license or state ID number",
  tax_id: 'tax identification number',
  payment_card: 'payment card number',
  card_security_code: 'card security code',
  bank_account: 'financial account number',
  us_routing_number: 'bank routing number',
  iban: 'IBAN',
  username: 'username',
  password: 'password',
  password_hash: 'password (hashed)',
  security_question: 'security question and answer',
  health: 'medical information',
  health_insurance: 'health insurance information',
  biometric: 'biometric data',
  genetic: 'genetic data',
};

export function elementLabels(elements: Iterable<ElementId>): string {
  return [...elements].map((e) => LABELS[e] ?? e.replace(/_/g, ' ')).join(', ');
}

const BUREAUS =
  'Equifax, P.O. Box 105788, Atlanta, GA 30348, 1-800-685-1111, www.equifax.com\n' +
  'Experian, P.O. Box 9554, Allen, TX 75013, 1-888-397-3742, www.experian.com\n' +
  'TransUnion, P.O. Box 2000, Chester, PA 19016, 1-888-909-8872, www.transunion.com';

function infoText(i: DraftInputs, els: Set<ElementId>): string {
  const listed = elementLabels(els);
  return [listed ? `The information involved was your ${listed}.` : '', i.informationInvolved ?? ''].filter(Boolean).join(' ');
}

/**
 * When the breach happened: "on or about D", or "between D1 and D2" for a range — US state notices
 * ask for "the date, estimated date, or date range of the breach" (e.g. Cal. Civ. Code
 * §1798.82(d)(2)(C)); the dates come from the incident record (issue 20 §6).
 */
function breachWhen(i: DraftInputs, single = 'on or about'): string {
  return i.breachEndDate ? 'between {{breachDate}} and {{breachEndDate}}' : `${single} {{breachDate}}`;
}

/** The end of a date range as a structured field, only when there is one. */
const breachEnd = (i: DraftInputs): Record<string, string> => (i.breachEndDate ? { breachEndDate: '{{breachEndDate}}' } : {});

function contactText(): string {
  return 'If you have questions, contact {{organisationName}} at {{contactPhone}} or {{contactEmail}}.';
}

function delayText(i: DraftInputs): string {
  if (i.lawEnforcementDelay === true) return ' This notice was delayed at the request of law enforcement.';
  if (i.lawEnforcementDelay === false) return ' This notice was not delayed by law enforcement.';
  return '';
}

function monitoringSection(i: DraftInputs): TemplateSection[] {
  if (!i.creditMonitoringMonths) return [];
  return [
    {
      key: 'monitoring',
      heading: 'Complimentary Credit Monitoring',
      text: 'We are offering {{creditMonitoringMonths}} months of credit monitoring and identity-theft protection services at no cost to you. To enrol: {{monitoringEnrollment}}',
    },
  ];
}

/** The monitoring offer as the authority reads it (the individual notice says how to enrol). */
function monitoringOffered(i: DraftInputs): TemplateSection[] {
  if (!i.creditMonitoringMonths) return [];
  return [{ key: 'monitoring', heading: 'Credit monitoring offered', text: 'Affected residents are offered {{creditMonitoringMonths}} months of credit monitoring and identity-theft protection services at no cost.' }];
}

const bureausSection = (): TemplateSection => ({
  key: 'bureaus',
  heading: 'Credit reporting agencies',
  text: `You can obtain information about fraud alerts and security freezes from the Federal Trade Commission (www.identitytheft.gov, 1-877-438-4338) and from the nationwide credit reporting agencies, and a free credit report from each of them:\n${BUREAUS}`,
});

/** US individual notice in the California form (§1798.82(d)): title and five headings. */
const usIndividual: Template = {
  id: 'individual.us',
  title: 'Notice of Data Breach',
  subject: 'Notice of Data Breach from {{organisationName}}',
  sections: (i, els) => [
    { key: 'greeting', heading: '', text: 'Dear {{recipient.name}},\n\nThis notice is dated {{noticeDate}}.' },
    { key: 'whatHappened', heading: 'What Happened?', text: `{{whatHappened}} The breach occurred ${breachWhen(i)} and was discovered on {{discoveryDate}}.${delayText(i)}` },
    { key: 'information', heading: 'What Information Was Involved?', text: infoText(i, els) },
    { key: 'whatWeAreDoing', heading: 'What We Are Doing.', text: '{{whatWeAreDoing}}' },
    ...monitoringSection(i),
    { key: 'whatYouCanDo', heading: 'What You Can Do.', text: '{{whatYouCanDo}}' },
    // Always included: CO and IL require the FTC/CRA fraud-alert and freeze information; California when SSN or ID numbers are exposed.
    bureausSection(),
    { key: 'contact', heading: 'For More Information.', text: contactText() },
  ],
  fields: () => ({}),
};

/**
 * Massachusetts (M.G.L. c.93H §3(b)): must NOT state the nature of the breach or the number of
 * residents affected; must cover police reports, security freezes (free) and mitigation.
 */
const maIndividual: Template = {
  id: 'individual.us-ma',
  title: 'Notice of Data Breach',
  subject: 'Important information from {{organisationName}}',
  sections: (i, els) => [
    { key: 'greeting', heading: '', text: 'Dear {{recipient.name}},\n\nThis notice is dated {{noticeDate}}. We are writing to tell you about a data security incident that may have involved your personal information.' },
    { key: 'information', heading: 'What Information Was Involved?', text: infoText(i, els) },
    { key: 'whatWeAreDoing', heading: 'What We Are Doing.', text: '{{whatWeAreDoing}}' },
    ...monitoringSection(i),
    { key: 'policeReport', heading: 'Police Report', text: 'You have the right to obtain a police report regarding this incident. If you are the victim of identity theft, you also have the right to file a police report and obtain a copy of it.' },
    {
      key: 'freeze',
      heading: 'Security Freeze',
      text: `Massachusetts law gives you the right to place a security freeze on your consumer reports, at no charge. To request one, contact each credit reporting agency with your full name, address, Social Security number and date of birth, your addresses for the past five years, and a copy of a government-issued ID.\n${BUREAUS}`,
    },
    { key: 'whatYouCanDo', heading: 'What You Can Do.', text: '{{whatYouCanDo}}' },
    { key: 'contact', heading: 'For More Information.', text: contactText() },
  ],
  fields: () => ({}),
};

/** GDPR Art. 34(2) / UK GDPR: clear and plain language, with the Art. 33(3)(b)–(d) items. */
const gdprIndividual: Template = {
  id: 'individual.gdpr',
  title: 'Personal data breach notification',
  subject: 'Personal data breach notification from {{organisationName}}',
  sections: (i, els) => [
    { key: 'greeting', heading: '', text: 'Dear {{recipient.name}},\n\nThis notice is dated {{noticeDate}}.' },
    { key: 'whatHappened', heading: 'What happened', text: `{{whatHappened}} The breach occurred ${breachWhen(i)} and we became aware of it on {{discoveryDate}}.` },
    { key: 'information', heading: 'Which of your data are concerned', text: infoText(i, els) },
    { key: 'consequences', heading: 'Likely consequences', text: '{{likelyConsequences}}' },
    { key: 'whatWeAreDoing', heading: 'What we have done and will do', text: '{{whatWeAreDoing}}' },
    { key: 'whatYouCanDo', heading: 'What you can do', text: '{{whatYouCanDo}}' },
    { key: 'contact', heading: 'Contact', text: 'Our data protection officer: {{dpoContact}}. ' + contactText() },
  ],
  fields: () => ({}),
};

/** HIPAA 45 CFR §164.404(c): plain language; the five items. */
const hipaaIndividual: Template = {
  id: 'individual.hipaa',
  title: 'Notice of Data Breach',
  subject: 'Notice of a breach of your health information from {{organisationName}}',
  sections: (i, els) => [
    { key: 'greeting', heading: '', text: 'Dear {{recipient.name}},\n\nThis notice is dated {{noticeDate}}.' },
    { key: 'whatHappened', heading: 'What Happened?', text: `{{whatHappened}} The breach occurred ${breachWhen(i, 'on')} and was discovered on {{discoveryDate}}.` },
    { key: 'information', heading: 'What Information Was Involved?', text: infoText(i, els) },
    { key: 'whatYouCanDo', heading: 'What You Can Do.', text: '{{whatYouCanDo}}' },
    { key: 'whatWeAreDoing', heading: 'What We Are Doing.', text: '{{whatWeAreDoing}}' },
    { key: 'contact', heading: 'For More Information.', text: `${contactText()} You may also write to us at {{organisationAddress}}.` },
  ],
  fields: () => ({}),
};

const coverLetter = (to: string): TemplateSection => ({
  key: 'cover',
  heading: '',
  text: `To ${to}:\n\n{{organisationName}} submits the following notification of a personal data breach, dated {{noticeDate}}. The structured fields follow; we will supplement this report as the investigation progresses.`,
});

/**
 * Art. 33(1): a notification "not made within 72 hours shall be accompanied by reasons for the
 * delay" — a section only when the drafter gives them (drafting.ts checks whether they are owed).
 */
export function delaySection(i: DraftInputs, heading: string): TemplateSection[] {
  return i.delayReasons?.trim() ? [{ key: 'delay', heading, text: '{{delayReasons}}' }] : [];
}

/**
 * The structured fields of a GDPR Art. 33(3) notification, in every language: machine keys, the
 * data categories as that language names them.
 */
export function gdprRegulatorFields(i: DraftInputs, categoriesOfData: string): Record<string, string> {
  return {
    controller: '{{organisationName}}',
    controllerAddress: '{{organisationAddress}}',
    natureOfBreach: '{{whatHappened}}',
    categoriesOfData,
    approximateDataSubjects: '{{residentsAffected}}',
    totalDataSubjects: '{{totalAffected}}',
    dpoContact: '{{dpoContact}}',
    contactEmail: '{{contactEmail}}',
    contactPhone: '{{contactPhone}}',
    likelyConsequences: '{{likelyConsequences}}',
    measures: '{{whatWeAreDoing}}',
    breachDate: '{{breachDate}}',
    ...breachEnd(i),
    awarenessDate: '{{discoveryDate}}',
  };
}

/**
 * GDPR Art. 33(3) (a)–(d) as structured fields plus a cover letter. Addressed to the authority:
 * no advice to individuals (that is the Art. 34 communication), and the count of data subjects is
 * that of the authority's jurisdiction (issue 20 §6), with the total beside it.
 */
const gdprRegulator: Template = {
  id: 'regulator.gdpr',
  title: 'Notification of a personal data breach (GDPR Art. 33)',
  subject: 'Personal data breach notification — {{organisationName}}',
  sections: (i, els) => [
    coverLetter('the supervisory authority'),
    { key: 'whatHappened', heading: 'Nature of the breach', text: '{{whatHappened}}' },
    { key: 'information', heading: 'Categories of data', text: infoText(i, els) },
    { key: 'consequences', heading: 'Likely consequences', text: '{{likelyConsequences}}' },
    { key: 'whatWeAreDoing', heading: 'Measures taken or proposed', text: '{{whatWeAreDoing}}' },
    { key: 'contact', heading: 'Contact point', text: 'Data protection officer: {{dpoContact}}. ' + contactText() + ' Postal address: {{organisationAddress}}.' },
    ...delaySection(i, 'Reasons for the delay'),
  ],
  fields: (i, els) => gdprRegulatorFields(i, elementLabels(els)),
};

/** HHS OCR breach report fields (45 CFR §164.408). */
const hhsRegulator: Template = {
  id: 'regulator.hhs',
  title: 'Breach report to the Secretary of HHS',
  subject: 'HHS breach report — {{organisationName}}',
  sections: (i, els) => [
    coverLetter('the U.S. Department of Health and Human Services, Office for Civil Rights'),
    { key: 'whatHappened', heading: 'Breach description', text: '{{whatHappened}}' },
    { key: 'information', heading: 'Types of PHI involved', text: infoText(i, els) },
    { key: 'whatWeAreDoing', heading: 'Actions taken', text: '{{whatWeAreDoing}}' },
    { key: 'contact', heading: 'Contact', text: contactText() },
  ],
  fields: (i, els) => ({
    coveredEntityName: '{{organisationName}}',
    coveredEntityAddress: '{{organisationAddress}}',
    contactPhone: '{{contactPhone}}',
    contactEmail: '{{contactEmail}}',
    breachStartDate: '{{breachDate}}',
    ...breachEnd(i),
    discoveryDate: '{{discoveryDate}}',
    individualsAffected: '{{totalAffected}}',
    typeOfBreach: '{{breachType}}',
    locationOfPhi: '{{phiLocation}}',
    typesOfPhi: elementLabels(els),
    safeguardsInPlace: '{{safeguards}}',
    actionsTaken: '{{whatWeAreDoing}}',
    individualNoticeDate: '{{noticeDate}}',
  }),
};

/** State attorney-general submission (fields common to the AG portals) plus cover letter. */
const stateAgRegulator: Template = {
  id: 'regulator.state-ag',
  title: 'Security breach notification to the Attorney General',
  subject: 'Security breach notification — {{organisationName}}',
  sections: (i, els) => [
    coverLetter('the Office of the Attorney General'),
    { key: 'whatHappened', heading: 'Nature of the breach', text: '{{whatHappened}}' },
    { key: 'information', heading: 'Types of personal information', text: infoText(i, els) },
    { key: 'whatWeAreDoing', heading: 'Steps taken', text: '{{whatWeAreDoing}}' },
    ...monitoringOffered(i),
    { key: 'sample', heading: 'Sample notice', text: 'A sample copy of the notice to individuals, without personal information, is attached ({{sampleNoticeRef}}).' },
    { key: 'contact', heading: 'Contact', text: `Reported by {{reporterName}}, {{reporterTitle}}. ${contactText()}` },
  ],
  fields: (i, els) => ({
    entityName: '{{organisationName}}',
    entityAddress: '{{organisationAddress}}',
    reporterName: '{{reporterName}}',
    reporterTitle: '{{reporterTitle}}',
    contactPhone: '{{contactPhone}}',
    contactEmail: '{{contactEmail}}',
    breachDate: '{{breachDate}}',
    ...breachEnd(i),
    discoveryDate: '{{discoveryDate}}',
    residentsAffected: '{{residentsAffected}}',
    totalAffected: '{{totalAffected}}',
    typesOfInformation: elementLabels(els),
    noticeDate: '{{noticeDate}}',
    creditMonitoringMonths: i.creditMonitoringMonths ?? 0,
    lawEnforcementDelay: i.lawEnforcementDelay ?? null,
  }),
};

const creditBureauLetter: Template = {
  id: 'credit_bureau',
  title: 'Notice to consumer reporting agencies',
  subject: 'Notice of a security breach — {{organisationName}}',
  sections: () => [
    { key: 'cover', heading: '', text: `To: Equifax, Experian and TransUnion\n\n${'{{organisationName}}'} is notifying {{totalAffected}} persons of a breach of the security of their personal information. Notices are dated {{noticeDate}} and are sent by mail and e-mail.` },
    { key: 'information', heading: 'Content of the notice', text: 'The notices describe the incident and the information involved, the services offered and how to contact us.' },
    { key: 'contact', heading: 'Contact', text: contactText() },
  ],
  fields: () => ({ entityName: '{{organisationName}}', personsNotified: '{{totalAffected}}', noticeDate: '{{noticeDate}}' }),
};

const substituteNotice: Template = {
  id: 'substitute',
  title: 'Notice of Data Breach',
  subject: 'Notice of Data Breach — {{organisationName}}',
  sections: (i, els) => [
    { key: 'whatHappened', heading: 'What Happened?', text: `{{whatHappened}} The breach occurred ${breachWhen(i)}.` },
    { key: 'information', heading: 'What Information Was Involved?', text: infoText(i, els) },
    { key: 'whatWeAreDoing', heading: 'What We Are Doing.', text: '{{whatWeAreDoing}}' },
    { key: 'whatYouCanDo', heading: 'What You Can Do.', text: '{{whatYouCanDo}}' },
    { key: 'contact', heading: 'For More Information.', text: `${contactText()} This notice is posted conspicuously on {{website}} from {{noticeDate}}.` },
  ],
  fields: () => ({}),
};

const mediaNotice: Template = {
  id: 'media',
  title: '{{organisationName}} announces a data security incident',
  subject: 'Press release: {{organisationName}} data security incident',
  sections: (i, els) => [
    { key: 'whatHappened', heading: 'What Happened?', text: `{{whatHappened}} The incident occurred ${breachWhen(i)}.` },
    { key: 'information', heading: 'What Information Was Involved?', text: infoText(i, els) },
    { key: 'whatWeAreDoing', heading: 'What We Are Doing.', text: '{{whatWeAreDoing}}' },
    { key: 'whatYouCanDo', heading: 'What You Can Do.', text: '{{whatYouCanDo}}' },
    { key: 'contact', heading: 'For More Information.', text: contactText() },
  ],
  fields: () => ({}),
};

const GDPR_LIKE = new Set(['EU', 'GB', 'IS', 'LI', 'NO', 'CH']);

export function templateFor(kind: NoticeKind, jurisdiction: string, rule: Rule | null): Template {
  const id = rule?.id ?? '';
  const gdpr = /gdpr/i.test(id) || GDPR_LIKE.has(jurisdiction) || rule?.regime?.toLowerCase().includes('gdpr') === true;
  switch (kind) {
    case 'individual':
      if (/hipaa/i.test(id)) return hipaaIndividual;
      if (jurisdiction === 'US-MA') return maIndividual;
      // Outside the US the GDPR-style notice (nature, consequences, measures, contact) fits the
      // duties encoded (GDPR/UK GDPR Art. 34, PIPEDA, LGPD, PDPA, DPDP, APPI …).
      if (gdpr || !jurisdiction.startsWith('US')) return gdprIndividual;
      return usIndividual;
    case 'regulator':
      if (/hipaa/i.test(id)) return hhsRegulator;
      if (gdpr || !jurisdiction.startsWith('US')) return gdprRegulator;
      return stateAgRegulator;
    case 'credit_bureau':
      return creditBureauLetter;
    case 'substitute':
      return substituteNotice;
    case 'media':
      return mediaNotice;
  }
}
