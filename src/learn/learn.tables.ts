/**
 * Row types of the learn feature (migration 0500-learn): the cost ledger, post-incident reviews
 * and proposed response-plan changes. Text ids, ISO-8601 UTC text times, JSON as text.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export interface LearnCostsTable {
  id: string;
  incident_id: string;
  vendor: string;
  /** In the currency's minor unit (cents): exact sums, no floating point. */
  amount_minor: number;
  /** ISO 4217 code. */
  currency: string;
  category: string;
  description: string;
  incurred_on: string;
  created_by: string;
  created_at: string;
  deleted_at: string | null;
}

export interface LearnReviewsTable {
  incident_id: string;
  summary: string;
  /** JSON array of timeline entry ids chosen for the review. */
  timeline_ids: string;
  /** JSON array of { cause, remediationTaskIds[] }. */
  root_causes: string;
  went_well: string;
  went_badly: string;
  /** JSON array of task ids created as the review's action items. */
  action_task_ids: string;
  /** Attorney–client privileged notes: left out of reports unless a legal user asks. */
  privileged_notes: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface LearnPlanProposalsTable {
  id: string;
  incident_id: string;
  title: string;
  rationale: string;
  /** The whole proposed plan (YAML), based on base_version. */
  yaml: string;
  base_version: number;
  /** proposed | accepted | rejected */
  status: string;
  accepted_version: number | null;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string;
  created_at: string;
}

export interface LearnDrillsTable {
  id: string;
  incident_id: string;
  scenario: string;
  /** Time compression: 60 runs a 1-hour step in 1 minute (events only; legal clocks stay real). */
  speed: number;
  evidence_id: string | null;
  started_by: string;
  started_at: string;
}

/** One row per scheduled event of a drill: claimed by setting injected_at (once, under concurrency). */
export interface LearnDrillEventsTable {
  drill_id: string;
  idx: number;
  due_at: string;
  injected_at: string | null;
}

export interface LearnTables {
  learn_drill_events: LearnDrillEventsTable;
  learn_drills: LearnDrillsTable;
  learn_costs: LearnCostsTable;
  learn_reviews: LearnReviewsTable;
  learn_plan_proposals: LearnPlanProposalsTable;
}

export type LearnDatabase = Database & LearnTables;

export function learnDb(db: Kysely<Database>): Kysely<LearnDatabase> {
  return db as unknown as Kysely<LearnDatabase>;
}
