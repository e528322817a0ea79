/**
 * Row types of the evidence tables (migration 0110-evidence). Conventions (both dialects): text
 * ids, ISO-8601 UTC text times, 0/1 integers, JSON as text. Names and descriptions of items and
 * note bodies are keyring ciphertext (they may hold personal data; DESIGN.md §4).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export interface EvidenceItemsTable {
  id: string;
  incident_id: string;
  name_enc: string;
  description_enc: string;
  media_type: string;
  size: number;
  sha256: string;
  /** File under dataDir, relative: evidence/<id>.bdev */
  file_path: string;
  /** The per-item AES-256 file key, wrapped by the keyring (context `evidence-file-key:<id>`). */
  wrapped_key: string;
  privileged: number;
  legal_hold: number;
  legal_hold_reason: string | null;
  custodian: string;
  uploaded_by_id: string | null;
  uploaded_by_name: string | null;
  uploaded_at: string;
  /** Head of the custody ledger: last row's sequence number and hash. */
  custody_seq: number;
  custody_hash: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

export interface EvidenceCustodyTable {
  item_id: string;
  seq: number;
  at: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  from_party: string | null;
  to_party: string | null;
  reason: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface IncidentNotesTable {
  id: string;
  incident_id: string;
  body_enc: string;
  privileged: number;
  author_id: string | null;
  author_name: string | null;
  created_at: string;
}

export interface EvidenceTables {
  evidence_items: EvidenceItemsTable;
  evidence_custody: EvidenceCustodyTable;
  incident_notes: IncidentNotesTable;
}

export type EvidenceDatabase = Database & EvidenceTables;

export function evidenceDb(db: Kysely<Database>): Kysely<EvidenceDatabase> {
  return db as unknown as Kysely<EvidenceDatabase>;
}
