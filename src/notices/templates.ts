/**
 * Notice templates per kind and jurisdiction. Text uses `{{field}}` placeholders filled from
 * DraftInputs (drafting.ts checks that each is filled) and `{{recipient.*}}` filled per copy.
 * Section keys are what the content checks look for (drafting.ts MATCHERS).
 */
import type { ElementId } from '../assessment/scanner/types.js';
import type { Rule } from '../obligations/rule.schema.js';
import { BUREAUS, breachWhen, bureausSection, contactText, delayText, infoText, monitoringSection } from './template-parts.js';
import { gdprRegulator, hhsRegulator, stateAgRegulator } from './templates-regulator.js';

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
