import type { Database } from '../../platform/db/schema.js';
import type { DeemedVia } from '../rule-notice.schema.js';

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

/** How a tracked obligation was met; stored as `met_json`. */
export interface MetRecord {
  at: string;
  noticeId: string;
  /** email, post, portal, letter, email-to-authority, … */
  channel: string;
  /** Portal receipt, letter reference, or the campaign's counts. */
  reference: string | null;
  late: boolean;
  lateReason: string | null;
  /** Jurisdictions of the obligation's people covered so far (every notice that met part of it). */
  covered?: string[];
  /** Jurisdictions still owed: non-empty while the obligation is only partly met. */
  remaining?: string[];
  /**
   * Met by deemed compliance (tracking/deemed.service.ts): the other notice the state law deems to
   * satisfy this duty; `at`, `noticeId`, `channel` and `reference` are that notice's.
   */
  deemed?: { via: DeemedVia; effect: 'deemed' | 'exempt'; by: string; citation: string; condition: string; label: string };
}

/** A tracked row's `met_json`, read (null while it is not met). */
export const metOf = (r: Pick<IncidentObligationsTable, 'met_json'>): MetRecord | null => (r.met_json ? (JSON.parse(r.met_json) as MetRecord) : null);
