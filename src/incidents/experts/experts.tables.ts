/**
 * Row types of the outside-experts directory and engagements (migration 0120-experts).
 * Text ids, ISO-8601 UTC text times, 0/1 integers.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export interface ExpertsTable {
  id: string;
  kind: string;
  name: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
  notes: string | null;
  /** Cyber insurance: policy number and the claim hotline to call on a breach. */
  policy_number: string | null;
  claim_hotline: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ExpertEngagementsTable {
  id: string;
  incident_id: string;
  expert_id: string;
  role: string;
  terms: string;
  status: string; // proposed | engaged | ended
  notes: string | null;
  engaged_by_id: string | null;
  engaged_by_name: string | null;
  engaged_at: string;
  ended_at: string | null;
  updated_at: string;
}

export interface ExpertsTables {
  experts: ExpertsTable;
  expert_engagements: ExpertEngagementsTable;
}

export type ExpertsDatabase = Database & ExpertsTables;

export function expertsDb(db: Kysely<Database>): Kysely<ExpertsDatabase> {
  return db as unknown as Kysely<ExpertsDatabase>;
}
