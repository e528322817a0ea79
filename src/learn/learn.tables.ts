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

/** Who receives a stakeholder audience's updates (org-wide): AES-256-GCM encrypted JSON. */
export interface LearnUpdateAudiencesTable {
  audience: string;
  /** { emails: string[], webhooks: { format: 'slack' | 'teams', url }[] } — addresses and webhook secrets. */
  recipients_enc: string;
  updated_by: string;
  updated_at: string;
}

/** A schedule of an incident's updates to one audience: every N hours while open, and/or on events. */
export interface LearnUpdateSchedulesTable {
  id: string;
  incident_id: string;
  audience: string;
  every_hours: number | null;
  /** JSON array of confirmed | contained | notified. */
  events: string;
  active: number;
  created_by: string;
  created_at: string;
  /** The next periodic slot (ISO), or null. */
  next_at: string | null;
}

/** A stakeholder update: an editable draft, its approval (external audiences) and its sending. */
export interface LearnUpdatesTable {
  id: string;
  incident_id: string;
  audience: string;
  /** manual | schedule | event:confirmed | event:contained | event:notified */
  trigger: string;
  /** Unique when set: a schedule slot or an event occurrence makes at most one update. */
  trigger_key: string | null;
  schedule_id: string | null;
  /** draft | approved | sending | sent */
  status: string;
  subject: string;
  body: string;
  version: number;
  content_hash: string;
  created_by: string;
  edited_by: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_hash: string | null;
  approved_at: string | null;
  /** The recipients snapshotted when sent (encrypted like the audience's). */
  recipients_enc: string | null;
  send_requested_at: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface LearnTables {
  learn_update_audiences: LearnUpdateAudiencesTable;
  learn_update_schedules: LearnUpdateSchedulesTable;
  learn_updates: LearnUpdatesTable;
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
