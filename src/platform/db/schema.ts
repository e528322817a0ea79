/**
 * Row types of the platform tables. Features add their own table interfaces and merge them
 * into `Database` here so one Kysely instance types every query. Conventions (both dialects):
 * ids are text, times are ISO-8601 UTC text, booleans are integers 0/1, JSON is text.
 */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  roles: string; // JSON array of role names
  disabled: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  absolute_expires_at: string;
  /** 'second_factor_enrollment' until a required second factor is set up; else null. */
  pending?: string | null;
}

export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
  last_login_at: string | null;
}

export interface SecondFactorsTable {
  id: string;
  user_id: string;
  kind: string;
  name: string;
  secret_enc: string | null;
  credential_id: string | null;
  public_key: string | null;
  counter: number | null;
  transports: string | null;
  confirmed: number;
  last_step: number | null;
  created_at: string;
  last_used_at: string | null;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface LoginChallengesTable {
  id_hash: string;
  user_id: string;
  purpose: string;
  challenge: string | null;
  attempts: number;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

export interface AuditEventsTable {
  seq: number;
  id: string;
  at: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  incident_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface DataKeysTable {
  id: string;
  purpose: string; // 'data' | 'blind-index'
  wrapped_key: string; // base64 of iv|tag|ciphertext under the master key
  master_key_id: string;
  created_at: string;
  active: number;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  window_start: number | string;
}

export interface JobsTable {
  id: string;
  queue: string;
  payload: string;
  status: string; // queued | running | done | failed | cancelled
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  progress: string | null;
  result: string | null;
  singleton_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  data_keys: DataKeysTable;
  jobs: JobsTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
  user_identities: UserIdentitiesTable;
  second_factors: SecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  /** Used only by tests of the encryption helpers; features have their own tables. */
  secure_values: { id: string; ciphertext: string; blind_index: string; created_at: Generated<string> };
}
