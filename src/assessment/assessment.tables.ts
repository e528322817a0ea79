import type { Database } from '../platform/db/schema.js';

export interface AssessmentsTable {
  id: string;
  incident_id: string;
  /** 'evidence' (a job over evidence items) or 'import' (a report from `breachdesk scan --incident`). */
  source: string;
  evidence_ids: string; // JSON array
  status: string; // queued | running | done | failed | cancelled
  job_id: string | null;
  progress_json: string | null;
  /** The ExposureReport v1, encrypted (its masked samples still hint at personal data). */
  report_enc: string | null;
  /** Un-masked samples, encrypted; shown only to roles that may unmask, and audited. */
  raw_samples_enc: string | null;
  /** People per jurisdiction and element ids — aggregate counts only — for the obligation engine. */
  population_json: string | null;
  error: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export type AssessmentDatabase = Database & { assessments: AssessmentsTable };
