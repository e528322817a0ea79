/**
 * Row types of the notices tables. The lead merges them into `Database`; until then
 * `NoticesDatabase` widens it (cast `platform.store.db`). Conventions: text ids, ISO-8601 UTC
 * text times, 0/1 integers, JSON as text.
 */
import type { Database } from '../platform/db/schema.js';

export interface NoticePeopleTable {
  id: string;
  incident_id: string;
  record_enc: string;
  dedupe_key: string;
  email_index: string | null;
  phone_index: string | null;
  jurisdiction: string;
  /** BCP 47 language from the import (issue 17 §6); null: the jurisdiction's default. */
  language: string | null;
  has_email: number;
  has_postal: number;
  /**
   * E-SIGN consent to electronic notice from the import (15 U.S.C. §7001(c)): 1 given, 0 refused,
   * null not stated. In clear beside has_email (not personal in itself): decides the channel.
   */
  email_consent: number | null;
  no_contact: number;
  source: string;
  /** pending | notified | bounced | returned | failed */
  state: string;
  state_channel: string | null;
  state_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NoticesTable {
  id: string;
  incident_id: string;
  kind: string;
  recipient: string;
  jurisdiction: string;
  rule_ids: string;
  /** draft | review | approved | sending | sent | submitted */
  status: string;
  current_version: number;
  inputs_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  send_requested_at: string | null;
  materialized_at: string | null;
}

export interface NoticeVersionsTable {
  notice_id: string;
  version: number;
  rendered_json: string;
  content_hash: string;
  problems_json: string;
  created_by: string;
  created_at: string;
  approved_at: string | null;
}

export interface NoticeApprovalsTable {
  notice_id: string;
  version: number;
  capacity: string;
  user_id: string;
  user_name: string;
  content_hash: string;
  approved_at: string;
}

export interface NoticeOutboxTable {
  id: string;
  notice_id: string;
  version: number;
  person_id: string;
  /** email | postal | webhook (stakeholder updates to chat) */
  channel: string;
  /** queued | sending | sent | failed | bounced | postal | printed | returned */
  state: string;
  message_id: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_code: number | null;
  last_error: string | null;
  /** Why the row is not e-mail although the person has an address: `no_consent` (electronic-notice.ts). */
  channel_reason: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The declaration that e-mail is the organisation's primary means of communication with the
 * incident's affected people (C.R.S. §6-1-716(1)(f)(III), SDCL §22-40-22(2)): who made it, when.
 */
export interface NoticeEmailPrimaryTable {
  incident_id: string;
  primary_email: number;
  statement: string | null;
  declared_by: string;
  declared_by_name: string;
  declared_at: string;
}

/** A notice handed to its authority by hand (portal, letter, e-mail): issue 20 §4. */
export interface NoticeSubmissionsTable {
  notice_id: string;
  submitted_at: string;
  channel: string;
  reference: string | null;
  late_reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface NoticesTables {
  notice_people: NoticePeopleTable;
  notices: NoticesTable;
  notice_versions: NoticeVersionsTable;
  notice_approvals: NoticeApprovalsTable;
  notice_outbox: NoticeOutboxTable;
  notice_submissions: NoticeSubmissionsTable;
  notice_email_primary: NoticeEmailPrimaryTable;
}

export type NoticesDatabase = Database & NoticesTables;
