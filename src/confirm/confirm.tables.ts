/**
 * Row types of the Confirm feature (migrations in confirm.migrations.ts). Text ids, ISO-8601 UTC
 * text times, 0/1 integers. Personal data (user names, e-mail addresses, report texts, raw
 * payloads, canary people) is stored encrypted; lookups use HMAC blind indexes (DESIGN.md §4).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export interface IntakeSourcesTable {
  id: string;
  name: string;
  format: string;
  /** 'token' (shared secret in a header) or 'hmac' (signed, timestamped requests). */
  auth: string;
  /** SHA-256 of the token (token auth) — the token itself is shown once. */
  token_hash: string | null;
  /** The HMAC key, encrypted (it must be read back to verify signatures). */
  secret_enc: string | null;
  dedup_keys: string;
  dedup_window_s: number;
  correlate_window_s: number;
  /** JSON of the correlation lists the source set (correlation-entities.ts); null: the defaults. */
  correlation: string | null;
  enabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IntakeAlertsTable {
  id: string;
  source: string;
  kind: string;
  fingerprint: string;
  source_ref: string | null;
  title: string;
  rule_id: string | null;
  rule_name: string;
  severity: string;
  severity_raw: string | null;
  observed_at: string;
  observed_at_local: string | null;
  received_at: string;
  first_seen: string;
  last_seen: string;
  count: number;
  /** new | acknowledged | dismissed | confirmed | linked */
  status: string;
  dismissed_reason: string | null;
  suspect_id: string | null;
  incident_id: string | null;
  /** The normalised alert's entities and rule details, encrypted JSON. */
  detail_enc: string;
  raw_enc: string;
  raw_size: number;
  raw_truncated: number;
}

/** Blind-indexed entities of an alert, for correlation without decrypting (host, user, ip, hash …). */
export interface IntakeAlertEntitiesTable {
  alert_id: string;
  kind: string;
  lookup: string;
  observed_at: string;
}

export interface IntakeSuspectsTable {
  id: string;
  title: string;
  score: number;
  severity: string;
  /** open | acknowledged | dismissed | merged | confirmed | linked */
  status: string;
  reason: string | null;
  incident_id: string | null;
  merged_into: string | null;
  alert_count: number;
  /** JSON array of the alert kinds it holds (the score counts agreeing tools). */
  kinds: string;
  first_seen: string;
  last_seen: string;
  created_at: string;
  updated_at: string;
}

/** Signatures already accepted, kept until their timestamp leaves the tolerance window (replay defence). */
export interface IntakeNoncesTable {
  signature: string;
  source: string;
  expires_at: string;
}

/** A report from outside (researcher, customer, journalist): the text and contact are encrypted. */
export interface OutsideReportsTable {
  id: string;
  reference: string;
  category: string;
  received_at: string;
  /** HMAC of the sender's IP (abuse handling without keeping the address). */
  ip_index: string;
  body_enc: string;
  alert_id: string | null;
}

/** Attachments of reports, quarantined: encrypted, never rendered, downloaded only as octet streams. */
export interface ReportAttachmentsTable {
  id: string;
  report_id: string;
  name_enc: string;
  sha256: string;
  size: number;
  content_enc: string;
}

/** A canary person planted in one dataset; the person is encrypted, lookups are blind indexes. */
export interface CanariesTable {
  id: string;
  dataset: string;
  planted_where: string;
  person_enc: string;
  email_index: string;
  phone_index: string;
  card_index: string;
  token_index: string;
  created_by: string | null;
  created_at: string;
  last_hit_at: string | null;
}

/** Which suspects an entity (blind index) was seen in, and when: the correlation lookup. */
export interface IntakeSuspectEntitiesTable {
  lookup: string;
  suspect_id: string;
  first_seen: string;
  last_seen: string;
}

/** A flow analysis (its id is its job's): who started it, on what, and its report, sealed. */
export interface FlowAnalysesTable {
  id: string;
  /** 'queued' until the job settles, then 'done' or 'failed'; while queued the job has the live status. */
  status: string;
  error: string | null;
  /** The uploaded file's name (a host name may be in it), encrypted. */
  name_enc: string;
  /** Plaintext bytes uploaded. */
  size: number | null;
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
  /** The report (hosts, IP addresses), encrypted; null until done. */
  report_enc: string | null;
}

export interface ConfirmTables {
  flow_analyses: FlowAnalysesTable;
  intake_suspect_entities: IntakeSuspectEntitiesTable;
  intake_canaries: CanariesTable;
  outside_reports: OutsideReportsTable;
  report_attachments: ReportAttachmentsTable;
  intake_sources: IntakeSourcesTable;
  intake_alerts: IntakeAlertsTable;
  intake_alert_entities: IntakeAlertEntitiesTable;
  intake_suspects: IntakeSuspectsTable;
  intake_nonces: IntakeNoncesTable;
}

export type ConfirmDatabase = Database & ConfirmTables;

export function confirmDb(db: Kysely<Database>): Kysely<ConfirmDatabase> {
  return db as unknown as Kysely<ConfirmDatabase>;
}
