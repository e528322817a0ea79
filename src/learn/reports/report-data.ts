/** Everything a report of an incident may show, gathered once (then each kind picks its sections). */
import type { Cost, IncidentMetrics, Review } from '../learn.schema.js';
import type { IncidentFact, TimelineFact } from '../learn.ports.js';

export const REPORT_KINDS = ['post-incident', 'executive', 'insurer', 'regulator'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportData {
  incident: IncidentFact;
  metrics: IncidentMetrics;
  review: Review;
  /** The review's chosen entries, or (none chosen) the incident's own entries, without automatic changes. */
  timeline: TimelineFact[];
  costs: Cost[];
  experts: Array<{ name: string; kind: string; role: string; policyNumber: string | null; engagedAt: string }>;
  peopleByJurisdiction: Record<string, number>;
  /** Privileged material is in the data only when a legal user asked for it. */
  privileged: boolean;
  generatedAt: string;
}
