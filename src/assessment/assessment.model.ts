/**
 * The assessment as the API shows it, its new stored row, and the people per jurisdiction its
 * report gives the obligation engine (pure: no store, no keys).
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../platform/audit/audit.service.js';
import type { AssessmentsTable } from './assessment.tables.js';
import type { ExposureReport } from './scan.schema.js';
import type { CanaryRecord } from './scanner/engine/canaries.js';
import { ELEMENT_IDS, type ElementId } from './scanner/types.js';

export interface Assessment {
  id: string;
  incidentId: string;
  source: 'evidence' | 'import';
  evidenceIds: string[];
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: { bytesRead: number; bytesTotal: number; records: number } | null;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  report: ExposureReport | null;
  /** Present only when asked for and allowed: un-masked samples per element / secret type. */
  unmaskedSamples?: Record<string, string[]>;
}

/** The canary records an assessment looks for (scanner/engine/canaries.ts). */
export type CanarySource = () => Promise<CanaryRecord[]>;

export type PopulationRow = { jurisdiction: string; individuals: number; elements: ElementId[] };

/**
 * The report counts people per jurisdiction and elements overall; per-jurisdiction element
 * sets are not known, so every exposed element is attributed to every jurisdiction — the
 * conservative reading: a law triggered by an element anywhere in the leak is not missed.
 */
export function populationOf(report: ExposureReport): PopulationRow[] {
  const known = new Set<string>(ELEMENT_IDS);
  const elements = Object.entries(report.elements)
    .filter(([id, e]) => e.records > 0 && known.has(id))
    .map(([id]) => id as ElementId)
    .sort();
  // People with no jurisdiction hint stay in as "unknown": the obligation engine counts them as
  // a category of their own (issue 19 §4) instead of dropping them.
  return Object.entries(report.jurisdictions)
    .filter(([, n]) => n > 0)
    .map(([jurisdiction, individuals]) => ({ jurisdiction, individuals, elements }));
}

export function newRow(incidentId: string, source: Assessment['source'], evidenceIds: string[], status: Assessment['status'], actor: Actor): AssessmentsTable {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    incident_id: incidentId,
    source,
    evidence_ids: JSON.stringify(evidenceIds),
    status,
    job_id: null,
    progress_json: null,
    report_enc: null,
    raw_samples_enc: null,
    population_json: null,
    error: null,
    created_by: actor.id,
    created_by_name: actor.name,
    created_at: now,
    updated_at: now,
    completed_at: null,
  };
}
