import type { Database } from '../platform/db/schema.js';

export interface AssessmentsTable {
  id: string;
  incident_id: string;
  /** 'evidence' (a job over evidence items) or 'import' (a report from `breachdesk scan --incident`). */
  source: string;
  evidence_ids: string; // JSON array
  status: string; // queued | running | done | failed | unsplit (its part could not be read apart: the item is read whole) | cancelled
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
  /** Distributed scans: the blind-index key its shards share, encrypted (migration 0760). */
  scan_key_enc?: string | null;
}

export interface AssessmentShardsTable {
  assessment_id: string;
  /** The shard's place in the assessment (its evidence item's index): the merge's order. */
  seq: number;
  evidence_id: string;
  status: string; // queued | running | done | failed | unsplit (its part could not be read apart: the item is read whole)
  job_id: string | null;
  /** The attempt whose parts count (a random id per run of the shard). */
  attempt: string | null;
  parts: number | null;
  /** host:pid of the process that ran (or runs) it. */
  worker: string | null;
  progress_json: string | null;
  error: string | null;
  updated_at: string;
  /** The evidence item's index in the assessment (migration 0800; null on older rows: = seq). */
  item?: number | null;
  /** The shard's part of the item (scan-plan.ts ShardUnit), JSON; null = the whole item. */
  unit_json?: string | null;
  /** 1: the shard keeps its digests per block of partitions (migration 0820, engine/shard-digests.ts); null: in its log. */
  digests?: number | null;
}

export interface AssessmentShardPartsTable {
  assessment_id: string;
  seq: number;
  attempt: string;
  part: number;
  /** A part of the shard's log (engine/shard-log.ts), base64, encrypted. */
  data_enc: string;
}

export type AssessmentDatabase = Database & { assessments: AssessmentsTable; assessment_shards: AssessmentShardsTable; assessment_shard_parts: AssessmentShardPartsTable };
