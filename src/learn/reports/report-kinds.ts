/**
 * The four reports, each a choice of sections over the same data: the post-incident report, the
 * executive/board summary, the insurer claim pack and the regulator follow-up (GDPR Art. 33(4):
 * "where, and in so far as, it is not possible to provide the information at the same time, the
 * information may be provided in phases without undue further delay").
 */
import type { ReportModel, Section } from '../../reports/report.model.js';
import type { ReportData, ReportKind } from './report-data.js';
import {
  costsSection,
  expertsSection,
  factsSection,
  lessonsSections,
  metricsSection,
  obligationsSection,
  peopleSection,
  privilegedSection,
  summarySection,
  timelineSection,
} from './report-sections.js';

const TITLES: Record<ReportKind, string> = {
  'post-incident': 'Post-incident report',
  executive: 'Executive summary',
  insurer: 'Insurer claim pack',
  regulator: 'Follow-up information to the supervisory authority (GDPR Art. 33(4))',
};

function regulatorSections(d: ReportData): Section[] {
  const i = d.incident;
  const initial = d.metrics.notify.filter((n) => n.recipient === 'regulator' && n.metAt);
  const late = initial.filter((n) => n.outcome === 'late');
  // Art. 33(3)(a)–(d) content, then the reasons for delay Art. 33(1) asks for when past 72 hours.
  return [
    {
      heading: 'Reference to the initial notification',
      blocks: [{ type: 'list', items: initial.length ? initial.map((n) => `${n.jurisdiction}: notified ${n.metAt} under ${n.citation}`) : ['Initial notification not yet recorded as made.'] }],
    },
    { heading: 'Nature of the breach (Art. 33(3)(a))', blocks: [{ type: 'paragraph', text: i.summary || d.review.summary || '—' }] },
    peopleSection(d),
    { heading: 'Likely consequences (Art. 33(3)(c))', blocks: [{ type: 'paragraph', text: d.review.wentBadly ? d.review.wentBadly : '—' }] },
    { heading: 'Measures taken or proposed (Art. 33(3)(d))', blocks: [{ type: 'list', items: d.review.actionItems.map((a) => `${a.title} — ${a.status}${a.dueAt ? `, due ${a.dueAt.slice(0, 10)}` : ''}`) }] },
    ...(late.length ? [{ heading: 'Reasons for the delay (Art. 33(1))', blocks: [{ type: 'list' as const, items: late.map((n) => `${n.jurisdiction}: ${n.reason ?? 'no reason recorded'}`) }] }] : []),
    timelineSection(d),
  ];
}

export function buildReport(kind: ReportKind, d: ReportData): ReportModel {
  let sections: Section[];
  switch (kind) {
    case 'post-incident':
      sections = [summarySection(d), factsSection(d), timelineSection(d), metricsSection(d), obligationsSection(d), peopleSection(d), ...lessonsSections(d), costsSection(d), expertsSection(d)];
      break;
    case 'executive':
      sections = [summarySection(d), factsSection(d), metricsSection(d), obligationsSection(d), lessonsSections(d)[3]!];
      break;
    case 'insurer': {
      const policies = d.experts.filter((e) => e.kind === 'insurer');
      sections = [
        { heading: 'Policy', blocks: [{ type: 'facts', rows: policies.length ? policies.map((p) => [p.name, p.policyNumber ?? 'no policy number recorded']) : [['Insurer', 'none engaged']] }] },
        factsSection(d),
        summarySection(d),
        timelineSection(d),
        costsSection(d),
        expertsSection(d),
        peopleSection(d),
      ];
      break;
    }
    case 'regulator':
      sections = regulatorSections(d);
      break;
  }
  return {
    title: `${TITLES[kind]}: ${d.incident.title}`,
    subtitle: `Incident ${d.incident.id}`,
    marking: d.privileged ? 'PRIVILEGED & CONFIDENTIAL — attorney–client communication; do not forward' : null,
    generatedAt: d.generatedAt,
    sections: [...sections, ...(d.privileged ? privilegedSection(d) : [])],
  };
}
