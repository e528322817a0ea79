/** The sections reports are made of, each from the report data (pure). */
import { barChart, timelineChart } from '../../reports/charts.js';
import type { Block, Section } from '../../reports/report.model.js';
import type { ReportData } from './report-data.js';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');
const hours = (h: number | null) => (h === null ? '—' : `${h} h`);
const money = (t: Record<string, string>) => Object.entries(t).map(([c, v]) => `${v} ${c}`).join(', ') || 'none recorded';
const OUTCOME: Record<string, string> = { on_time: 'met on time', late: 'met late', open: 'open', overdue: 'overdue', not_required: 'not required' };

export function summarySection(d: ReportData): Section {
  const text = d.review.summary || d.incident.summary || 'No summary written yet.';
  return { heading: 'Summary', blocks: [{ type: 'paragraph', text }] };
}

export function factsSection(d: ReportData): Section {
  const i = d.incident;
  return {
    heading: 'The incident',
    blocks: [
      {
        type: 'facts',
        rows: [
          ['Title', i.title],
          ['Status', i.status],
          ['Severity', i.severity],
          ['First evidence of compromise', when(d.metrics.firstCompromiseAt)],
          ['Detected', when(i.detectedAt)],
          ['Aware (legal clocks start)', when(i.awareAt)],
          ['Contained', when(d.metrics.containedAt)],
          ['Closed', when(i.closedAt)],
        ],
      },
    ],
  };
}

export function timelineSection(d: ReportData): Section {
  const chart = timelineChart(
    'Timeline',
    d.timeline.map((e) => ({ at: e.at, label: e.text, kind: e.kind })),
  );
  return {
    heading: 'Timeline',
    blocks: [
      { type: 'chart', title: 'Timeline', alt: `Timeline of ${d.timeline.length} events`, ...chart },
      { type: 'table', columns: ['When', 'Kind', 'Who', 'What'], rows: d.timeline.map((e) => [when(e.at), e.kind, e.actor ?? '', e.text]) },
    ],
  };
}

export function metricsSection(d: ReportData): Section {
  const m = d.metrics;
  const aware = Date.parse(m.awareAt);
  type Row = { label: string; value: number; unit: string; deadline?: number | null; late?: boolean };
  const rows: Row[] = [
    { label: 'Time to detect', value: m.timeToDetectHours },
    { label: 'Time to contain', value: m.timeToContainHours },
    { label: 'Time to close', value: m.timeToCloseHours },
  ]
    .filter((r): r is { label: string; value: number } => r.value !== null)
    .map((r) => ({ ...r, unit: ' h' }));
  for (const n of m.notify) {
    if (n.hours === null && !n.deadline) continue;
    const deadline = n.deadline ? Math.round(((Date.parse(n.deadline) - aware) / 3_600_000) * 10) / 10 : null;
    rows.push({ label: `Notify ${n.jurisdiction} ${n.recipient}`, value: n.hours ?? 0, unit: ' h', deadline, late: n.outcome === 'late' || n.outcome === 'overdue' });
  }
  const chart = barChart('Time to detect, contain, notify and close (hours; deadline marked)', rows);
  const blocks: Block[] = [
    {
      type: 'facts',
      rows: [
        ['Time to detect', hours(m.timeToDetectHours)],
        ['Time to contain', hours(m.timeToContainHours)],
        ['Time to close', hours(m.timeToCloseHours)],
        ['Obligations', `${m.obligations.onTime} met on time, ${m.obligations.late} late, ${m.obligations.overdue} overdue, ${m.obligations.open} open, ${m.obligations.notRequired} not required`],
        ['People notified', Object.entries(m.peopleNotified).map(([c, n]) => `${n} by ${c}`).join(', ') || 'none yet'],
        ['Costs', money(m.costs.total)],
      ],
    },
    { type: 'chart', title: 'Time to X against deadlines', alt: rows.map((r) => `${r.label} ${r.value} h`).join('; '), ...chart },
  ];
  return { heading: 'Metrics', blocks };
}

export function obligationsSection(d: ReportData): Section {
  const rows = d.metrics.notify.map((n) => [`${n.jurisdiction} ${n.recipient}`, n.citation, when(n.deadline), when(n.metAt), OUTCOME[n.outcome] ?? n.outcome, n.reason ?? '']);
  return { heading: 'Notification obligations', blocks: rows.length ? [{ type: 'table', columns: ['Obligation', 'Law', 'Deadline', 'Met', 'Outcome', 'Reason'], rows }] : [{ type: 'paragraph', text: 'No notification obligation was owed.' }] };
}

export function peopleSection(d: ReportData): Section {
  const entries = Object.entries(d.peopleByJurisdiction).sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  const chart = barChart('People affected by jurisdiction', entries.map(([label, value]) => ({ label, value })));
  return {
    heading: 'People affected',
    blocks: [
      { type: 'paragraph', text: `${total} people affected in ${entries.length} jurisdiction(s).` },
      { type: 'chart', title: 'People by jurisdiction', alt: entries.map(([j, n]) => `${j} ${n}`).join(', ') || 'no people recorded', ...chart },
    ],
  };
}

export function lessonsSections(d: ReportData): Section[] {
  const r = d.review;
  return [
    { heading: 'Root causes', blocks: [{ type: 'list', items: r.rootCauses.map((c) => `${c.cause}${c.remediationTaskIds.length ? ` (remediation: ${c.remediationTaskIds.length} task(s))` : ''}`) }] },
    { heading: 'What went well', blocks: [{ type: 'paragraph', text: r.wentWell || '—' }] },
    { heading: 'What did not go well', blocks: [{ type: 'paragraph', text: r.wentBadly || '—' }] },
    {
      heading: 'Action items',
      blocks: [{ type: 'table', columns: ['Action', 'Owner', 'Due', 'Status'], rows: r.actionItems.map((a) => [a.title, a.assigneeId ?? '—', when(a.dueAt), a.status]) }],
    },
    { heading: 'Changes to the response plan', blocks: [{ type: 'list', items: r.proposals.map((p) => `${p.title}: ${p.status}${p.acceptedVersion ? ` (plan version ${p.acceptedVersion})` : ''}`) }] },
  ];
}

export function costsSection(d: ReportData): Section {
  const byCat = d.metrics.costs.byCategory;
  const rows = Object.entries(byCat).flatMap(([cat, t]) => Object.entries(t).map(([cur, v]) => ({ label: `${cat} (${cur})`, value: Number(v) })));
  return {
    heading: 'Costs',
    blocks: [
      { type: 'table', columns: ['Date', 'Vendor', 'Category', 'Amount', 'Description'], rows: d.costs.map((c) => [c.incurredOn, c.vendor, c.category, `${c.amount} ${c.currency}`, c.description]) },
      { type: 'facts', rows: [['Total', money(d.metrics.costs.total)]] },
      { type: 'chart', title: 'Costs by category', alt: rows.map((r) => `${r.label} ${r.value}`).join('; ') || 'no costs', ...barChart('Costs by category', rows) },
    ],
  };
}

export function expertsSection(d: ReportData): Section {
  return { heading: 'Experts engaged', blocks: [{ type: 'table', columns: ['Expert', 'Kind', 'Role', 'Engaged'], rows: d.experts.map((e) => [e.name, e.kind, e.role, when(e.engagedAt)]) }] };
}

export function privilegedSection(d: ReportData): Section[] {
  if (!d.privileged || d.review.privilegedNotes === null) return [];
  return [{ heading: 'Privileged notes (attorney–client)', blocks: [{ type: 'paragraph', text: d.review.privilegedNotes || '—' }] }];
}
