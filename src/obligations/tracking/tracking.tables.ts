import type { Database } from '../../platform/db/schema.js';

export interface IncidentObligationsTable {
  id: string;
  incident_id: string;
  rule_id: string;
  jurisdiction: string;
  recipient: string;
  /** 'true' | 'false' | 'review' as the engine last answered. */
  required: string;
  deadline: string | null;
  status: string; // pending | in_progress | done | not_required
  status_reason: string | null;
  /** The engine's Obligation v1 object (no personal data: rules, counts, times). */
  obligation_json: string;
  /** How it was met (met.service.ts MetRecord as JSON); null until a notice or submission meets it. */
  met_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentFactsTable {
  incident_id: string;
  /** Facts a responder or counsel set by hand: breach.*, risk.*, severity inputs. */
  overrides_json: string;
  /** The full BreachFacts of the last computation and its Obligations v1 result. */
  facts_json: string | null;
  result_json: string | null;
  computed_at: string | null;
  next_deadline: string | null;
}

export type TrackingDatabase = Database & {
  incident_obligations: IncidentObligationsTable;
  incident_facts: IncidentFactsTable;
};
