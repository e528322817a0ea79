/**
 * Metrics from the record (pure: no I/O). Definitions, after NIST SP 800-61r3 and the usual
 * MTTD/MTTC/MTTR practice:
 * - time to detect: first evidence of compromise → awareness (GDPR Art. 33(1) "becomes aware");
 * - time to contain: awareness → containment (the last containment action verified);
 * - time to notify: awareness → each obligation met, judged against its own deadline;
 * - time to close: awareness → closed.
 */
import type { IncidentFact, ObligationFact } from './learn.ports.js';
import type { IncidentMetrics, NotifyMetric, QuarterMetrics } from './learn.schema.js';
import { toMinor, totals } from './money.js';

export interface MetricsInput {
  incident: IncidentFact;
  firstCompromiseAt: string | null;
  containedAt: string | null;
  obligations: ObligationFact[];
  peopleNotified: Record<string, number>;
  costs: ReadonlyArray<{ amountMinor: number; currency: string; category: string }>;
  now: Date;
}

const HOUR = 3_600_000;

function hoursBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.round(((Date.parse(to) - Date.parse(from)) / HOUR) * 100) / 100;
}

/** Calendar quarter of an instant, in UTC: "2026-Q1". */
export function quarterOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export function notifyMetric(o: ObligationFact, awareAt: string, now: Date): NotifyMetric {
  let outcome: NotifyMetric['outcome'];
  if (o.status === 'not_required') outcome = 'not_required';
  else if (o.metAt) outcome = o.deadline && o.metAt > o.deadline ? 'late' : 'on_time';
  else outcome = o.deadline && Date.parse(o.deadline) < now.getTime() ? 'overdue' : 'open';
  return {
    obligationId: o.id,
    jurisdiction: o.jurisdiction,
    recipient: o.recipient,
    citation: o.citation,
    deadline: o.deadline,
    metAt: o.metAt,
    hours: hoursBetween(awareAt, o.metAt),
    outcome,
    // A late or open duty carries the reason recorded with its status (kept for the register).
    reason: outcome === 'on_time' ? null : o.statusReason,
  };
}

export function incidentMetrics(i: MetricsInput): IncidentMetrics {
  const a = i.incident.awareAt;
  const notify = i.obligations.map((o) => notifyMetric(o, a, i.now));
  const count = (k: NotifyMetric['outcome']) => notify.filter((n) => n.outcome === k).length;
  const byCategory: Record<string, Record<string, string>> = {};
  for (const cat of [...new Set(i.costs.map((c) => c.category))].sort()) byCategory[cat] = totals(i.costs.filter((c) => c.category === cat));
  return {
    incidentId: i.incident.id,
    title: i.incident.title,
    status: i.incident.status,
    quarter: quarterOf(a),
    firstCompromiseAt: i.firstCompromiseAt,
    awareAt: a,
    containedAt: i.containedAt,
    closedAt: i.incident.closedAt,
    timeToDetectHours: hoursBetween(i.firstCompromiseAt, a),
    timeToContainHours: hoursBetween(a, i.containedAt),
    timeToCloseHours: hoursBetween(a, i.incident.closedAt),
    notify,
    obligations: { onTime: count('on_time'), late: count('late'), open: count('open'), overdue: count('overdue'), notRequired: count('not_required') },
    peopleNotified: i.peopleNotified,
    costs: { total: totals(i.costs), byCategory },
  };
}

function median(xs: Array<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : Math.round(((v[m - 1]! + v[m]!) / 2) * 100) / 100;
}

/** Trends across incidents: one row per quarter of awareness, oldest first. */
export function quarterlyMetrics(all: IncidentMetrics[]): QuarterMetrics[] {
  const by = new Map<string, IncidentMetrics[]>();
  for (const m of all) by.set(m.quarter, [...(by.get(m.quarter) ?? []), m]);
  return [...by.keys()].sort().map((quarter) => {
    const ms = by.get(quarter)!;
    const money = ms.flatMap((m) => Object.entries(m.costs.total).map(([currency, v]) => ({ currency, amountMinor: toMinor(v) })));
    return {
      quarter,
      incidents: ms.length,
      medianTimeToDetectHours: median(ms.map((m) => m.timeToDetectHours)),
      medianTimeToContainHours: median(ms.map((m) => m.timeToContainHours)),
      medianTimeToCloseHours: median(ms.map((m) => m.timeToCloseHours)),
      obligationsOnTime: ms.reduce((s, m) => s + m.obligations.onTime, 0),
      obligationsLate: ms.reduce((s, m) => s + m.obligations.late, 0),
      peopleNotified: ms.reduce((s, m) => s + Object.values(m.peopleNotified).reduce((a, b) => a + b, 0), 0),
      costs: totals(money),
    };
  });
}
