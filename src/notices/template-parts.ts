/**
 * The pieces notice templates are built from (templates.ts, templates-regulator.ts,
 * templates-i18n.ts): data-element labels, the date and contact sentences, the monitoring and
 * credit-bureau sections, the regulator cover letter, the GDPR Art. 33(3) structured fields.
 */
import type { ElementId } from '../assessment/scanner/types.js';
import type { DraftInputs, TemplateSection } from './templates.js';

export const LABELS: Partial<Record<ElementId, string>> = {
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

export const BUREAUS =
  'Equifax, P.O. Box 105788, Atlanta, GA 30348, 1-800-685-1111, www.equifax.com\n' +
  'Experian, P.O. Box 9554, Allen, TX 75013, 1-888-397-3742, www.experian.com\n' +
  'TransUnion, P.O. Box 2000, Chester, PA 19016, 1-888-909-8872, www.transunion.com';

export function infoText(i: DraftInputs, els: Set<ElementId>): string {
  const listed = elementLabels(els);
  return [listed ? `The information involved was your ${listed}.` : '', i.informationInvolved ?? ''].filter(Boolean).join(' ');
}

/**
 * When the breach happened: "on or about D", or "between D1 and D2" for a range — US state notices
 * ask for "the date, estimated date, or date range of the breach" (e.g. Cal. Civ. Code
 * §1798.82(d)(2)(C)); the dates come from the incident record (issue 20 §6).
 */
export function breachWhen(i: DraftInputs, single = 'on or about'): string {
  return i.breachEndDate ? 'between {{breachDate}} and {{breachEndDate}}' : `${single} {{breachDate}}`;
}

/** The end of a date range as a structured field, only when there is one. */
export const breachEnd = (i: DraftInputs): Record<string, string> => (i.breachEndDate ? { breachEndDate: '{{breachEndDate}}' } : {});

export function contactText(): string {
  return 'If you have questions, contact {{organisationName}} at {{contactPhone}} or {{contactEmail}}.';
}

export function delayText(i: DraftInputs): string {
  if (i.lawEnforcementDelay === true) return ' This notice was delayed at the request of law enforcement.';
  if (i.lawEnforcementDelay === false) return ' This notice was not delayed by law enforcement.';
  return '';
}

export function monitoringSection(i: DraftInputs): TemplateSection[] {
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
export function monitoringOffered(i: DraftInputs): TemplateSection[] {
  if (!i.creditMonitoringMonths) return [];
  return [{ key: 'monitoring', heading: 'Credit monitoring offered', text: 'Affected residents are offered {{creditMonitoringMonths}} months of credit monitoring and identity-theft protection services at no cost.' }];
}

export const bureausSection = (): TemplateSection => ({
  key: 'bureaus',
  heading: 'Credit reporting agencies',
  text: `You can obtain information about fraud alerts and security freezes from the Federal Trade Commission (www.identitytheft.gov, 1-877-438-4338) and from the nationwide credit reporting agencies, and a free credit report from each of them:\n${BUREAUS}`,
});

export const coverLetter = (to: string): TemplateSection => ({
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
