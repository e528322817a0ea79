/** Notices to authorities: GDPR Art. 33(3), HHS OCR (45 CFR §164.408), state attorneys general. */
import { breachEnd, contactText, coverLetter, delaySection, elementLabels, gdprRegulatorFields, infoText, monitoringOffered } from './template-parts.js';
import type { Template } from './templates.js';

/**
 * GDPR Art. 33(3) (a)–(d) as structured fields plus a cover letter. Addressed to the authority:
 * no advice to individuals (that is the Art. 34 communication), and the count of data subjects is
 * that of the authority's jurisdiction (issue 20 §6), with the total beside it.
 */
export const gdprRegulator: Template = {
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
export const hhsRegulator: Template = {
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
export const stateAgRegulator: Template = {
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
