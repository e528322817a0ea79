/**
 * Row types of the incident workspace tables. The lead merges these into
 * `src/platform/db/schema.ts` `Database`; until then `IncidentsDatabase` widens it.
 * Conventions (both dialects): text ids, ISO-8601 UTC text times, 0/1 integers, JSON as text.
 */
import type { Database } from '../platform/db/schema.js';

export interface IncidentsTable {
  id: string;
  title: string;
  summary: string;
  status: string;
  dismissed_reason: string | null;
  severity: string;
  categories: string; // JSON array: confidentiality | integrity | availability
  detected_at: string | null;
  aware_at: string;
  contained_at: string | null;
  closed_at: string | null;
  /** When the breach started and (a range) ended, if known: issue 20 §6. Migration 0740. */
  breach_started_at?: string | null;
  breach_ended_at?: string | null;
  plan_version: number;
  /** GDPR Art. 33(5) register fields: facts, effects, remedial action. */
  facts: string;
  effects: string;
  remedial_action: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface IncidentMembersTable {
  incident_id: string;
  user_id: string;
  role: string;
  added_by: string;
  added_at: string;
}

export interface ResponsePlansTable {
  version: number;
  yaml: string;
  created_by: string;
  created_at: string;
}

export interface IncidentTasksTable {
  id: string;
  incident_id: string;
  position: number;
  phase: string;
  task_key: string | null;
  title: string;
  owner_role: string | null;
  assignee_id: string | null;
  status: string; // open | in_progress | done | skipped
  anchor: string | null;
  offset_minutes: number | null;
  due_at: string | null;
  notes: string;
  checklist: string; // JSON [{text, done}]
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TimelineEntriesTable {
  id: string;
  incident_id: string;
  kind: string;
  event_at: string;
  recorded_at: string;
  text: string;
  actor_id: string | null;
  actor_name: string | null;
}

export interface IncidentDecisionsTable {
  id: string;
  incident_id: string;
  kind: string;
  value: string | null;
  what: string;
  why: string;
  decided_at: string;
  decided_by_id: string | null;
  decided_by_name: string | null;
  created_at: string;
}

export interface ObservablesTable {
  id: string;
  incident_id: string;
  kind: string;
  /** Plain value for non-personal kinds (ip, domain, hash, url); null for personal ones. */
  value: string | null;
  /** AES-256-GCM ciphertext for personal kinds (email, account); null otherwise. */
  value_enc: string | null;
  /** De-duplication and search key: the normalised value, or its HMAC blind index for personal kinds. */
  lookup: string;
  note: string;
  created_by: string;
  created_at: string;
}

export interface IncidentsTables {
  incidents: IncidentsTable;
  incident_members: IncidentMembersTable;
  response_plans: ResponsePlansTable;
  incident_tasks: IncidentTasksTable;
  timeline_entries: TimelineEntriesTable;
  incident_decisions: IncidentDecisionsTable;
  observables: ObservablesTable;
}

export type IncidentsDatabase = Database & IncidentsTables;
