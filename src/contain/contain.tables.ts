/**
 * Row types of containment (migration 20261206_contain_01): configured connectors (secrets
 * encrypted), actions, and remediation items. Text ids, ISO-8601 UTC text times, JSON as text.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export interface ContainConnectorsTable {
  id: string;
  name: string;
  kind: string;
  config_json: string;
  /** AES-256-GCM (keyring) of the secrets' JSON, context `contain-connector:<id>`; never returned. */
  secrets_enc: string | null;
  /** Per-operation approval policy overriding the manifest's default. */
  approvals_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  checked_at: string | null;
  check_result: string | null;
  check_ok: number | null;
}

export interface ContainActionsTable {
  id: string;
  incident_id: string;
  /** Actions planned together (one per target) share it. */
  bulk_id: string;
  connector_id: string;
  operation: string;
  target: string;
  params_json: string;
  state: string;
  approval: string;
  reversible: number;
  requested_by_id: string | null;
  requested_by_name: string | null;
  approvals_json: string;
  /** The pre-state undo restores (may hold session payloads, password verifiers): encrypted. */
  pre_state_enc: string | null;
  plan_json: string;
  undo_preview: string | null;
  result: string | null;
  verification: string | null;
  error: string | null;
  links_json: string;
  attempts: number;
  created_at: string;
  updated_at: string;
}

export interface ContainRemediationsTable {
  id: string;
  incident_id: string;
  root_cause: string;
  fix: string;
  owner: string | null;
  due: string | null;
  status: string;
  evidence_json: string | null;
  action_id: string | null;
  task_id: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface ContainTables {
  contain_connectors: ContainConnectorsTable;
  contain_actions: ContainActionsTable;
  contain_remediations: ContainRemediationsTable;
}

export type ContainDatabase = Database & ContainTables;

export const containDb = (db: Kysely<Database>) => db as unknown as Kysely<ContainDatabase>;
