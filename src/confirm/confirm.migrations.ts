/**
 * The Confirm feature's tables (portable DDL for SQLite and PostgreSQL). Names sort after every
 * other feature's migrations and cannot collide with theirs (BRIEF: prefix with the feature).
 */
import type { Kysely, Migration } from 'kysely';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intake_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('secret_enc', 'text')
    .addColumn('dedup_keys', 'text', (c) => c.notNull())
    .addColumn('dedup_window_s', 'integer', (c) => c.notNull())
    .addColumn('correlate_window_s', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('intake_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_raw', 'text')
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('observed_at_local', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dismissed_reason', 'text')
    .addColumn('suspect_id', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('detail_enc', 'text', (c) => c.notNull())
    .addColumn('raw_enc', 'text', (c) => c.notNull())
    .addColumn('raw_size', 'integer', (c) => c.notNull())
    .addColumn('raw_truncated', 'integer', (c) => c.notNull())
    .execute();
  // De-duplication: one row per (source, fingerprint); a repeat raises count and last_seen.
  await db.schema.createIndex('intake_alerts_fingerprint').unique().on('intake_alerts').columns(['source', 'fingerprint']).execute();
  await db.schema.createIndex('intake_alerts_suspect').on('intake_alerts').columns(['suspect_id', 'observed_at']).execute();
  await db.schema.createIndex('intake_alerts_status').on('intake_alerts').columns(['status', 'received_at']).execute();
  await db.schema
    .createTable('intake_alert_entities')
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lookup', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_alert_entities_lookup').on('intake_alert_entities').columns(['lookup', 'observed_at']).execute();
  await db.schema.createIndex('intake_alert_entities_alert').on('intake_alert_entities').columns(['alert_id']).execute();
  await db.schema
    .createTable('intake_suspects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('merged_into', 'text')
    .addColumn('alert_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_suspects_status').on('intake_suspects').columns(['status', 'last_seen']).execute();
  await db.schema
    .createTable('intake_nonces')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['intake_nonces', 'intake_suspects', 'intake_alert_entities', 'intake_alerts', 'intake_sources']) await db.schema.dropTable(t).ifExists().execute();
}

async function upReports(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outside_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('ip_index', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    .execute();
  await db.schema
    .createTable('report_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_attachments_report').on('report_attachments').columns(['report_id']).execute();
}

async function downReports(db: Kysely<unknown>): Promise<void> {
  for (const t of ['report_attachments', 'outside_reports']) await db.schema.dropTable(t).ifExists().execute();
}

async function upCanaries(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intake_canaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('planted_where', 'text', (c) => c.notNull())
    .addColumn('person_enc', 'text', (c) => c.notNull())
    .addColumn('email_index', 'text', (c) => c.notNull().unique())
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('card_index', 'text', (c) => c.notNull().unique())
    .addColumn('token_index', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_hit_at', 'text')
    .execute();
  await db.schema.createIndex('intake_canaries_dataset').on('intake_canaries').columns(['dataset']).execute();
}

async function downCanaries(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('intake_canaries').ifExists().execute();
}

/**
 * Correlation by entity without scanning every alert that ever shared it: one row per (entity,
 * suspect) with the window it was seen in, and each suspect's kinds for an incremental score
 * (a suspect of 10,000 alerts once made every new alert re-read all of them).
 */
async function upCorrelation(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intake_suspect_entities')
    .addColumn('lookup', 'text', (c) => c.notNull())
    .addColumn('suspect_id', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_suspect_entities_key').unique().on('intake_suspect_entities').columns(['lookup', 'suspect_id']).execute();
  await db.schema.createIndex('intake_suspect_entities_suspect').on('intake_suspect_entities').columns(['suspect_id']).execute();
  await db.schema.alterTable('intake_suspects').addColumn('kinds', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

async function downCorrelation(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('intake_suspects').dropColumn('kinds').execute();
  await db.schema.dropTable('intake_suspect_entities').ifExists().execute();
}

/**
 * Correlation reads only the entity index (lookup → suspect and window) and no table row: an
 * entity shared by many suspects cost a table read per (entity, suspect) on every new alert.
 */
async function upCorrelationCovering(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('intake_suspect_entities_window').on('intake_suspect_entities').columns(['lookup', 'last_seen', 'first_seen', 'suspect_id']).execute();
}

async function downCorrelationCovering(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('intake_suspect_entities_window').ifExists().execute();
}

/**
 * The (lookup, observed_at) index of alert entities is read by nothing since correlation reads the
 * suspects' entity windows (0730/0770); each alert wrote ~4 entries into it inside the intake's
 * group commit (bench/README.md, intake 2026-12-07, canary branch). Alert entities are read only by
 * alert id (a suspect's rebuild after a merge or split).
 */
async function upDropEntityLookup(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('intake_alert_entities_lookup').ifExists().execute();
}

async function downDropEntityLookup(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('intake_alert_entities_lookup').on('intake_alert_entities').columns(['lookup', 'observed_at']).execute();
}

/**
 * Suspects indexed by (status, id) instead of (status, last_seen), so the intake's totals update
 * rewrites a suspect in place. PostgreSQL updates a row without touching its indexes (a HOT
 * update) only when no indexed column changes; every alert rewrote its suspect's last_seen, so
 * each group commit added an entry per suspect to both indexes: 6,000 entries for 50 suspects
 * after 6,000 alerts, which the live-suspect read then scanned (bench/README.md, pgin15). The
 * queue lists suspects by status and id, never by last_seen. (Keying the entity windows by
 * (suspect_id, lookup) to drop their suspect index was tried: the planner then probed that index
 * for a lookup alone, a full scan per lookup, 45 ms a group.)
 */
async function upSuspectStatusId(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('intake_suspects_status_id').on('intake_suspects').columns(['status', 'id']).execute();
  await db.schema.dropIndex('intake_suspects_status').execute();
}

async function downSuspectStatusId(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('intake_suspects_status').on('intake_suspects').columns(['status', 'last_seen']).execute();
  await db.schema.dropIndex('intake_suspects_status_id').execute();
}

/**
 * Flow analyses kept in the store: pg-boss deletes a completed job after 7 days, and its report
 * with it (issue 18 audit); the report is evidence for the incident.
 */
async function upFlowAnalyses(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flow_analyses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint')
    .addColumn('started_by', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('report_enc', 'text')
    .execute();
}

async function downFlowAnalyses(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('flow_analyses').ifExists().execute();
}

/**
 * A source's own correlation lists (local accounts and files, values that identify nothing:
 * correlation-entities.ts), JSON of only the lists it set; NULL follows the defaults, so a
 * later release's better defaults reach every source that did not choose its own.
 */
async function upSourceCorrelation(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('intake_sources').addColumn('correlation', 'text').execute();
}

async function downSourceCorrelation(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('intake_sources').dropColumn('correlation').execute();
}

export const CONFIRM_MIGRATIONS: Record<string, Migration> = {
  '0700-confirm-intake': { up, down },
  '0710-confirm-reports': { up: upReports, down: downReports },
  '0720-confirm-canaries': { up: upCanaries, down: downCanaries },
  '0730-confirm-correlation': { up: upCorrelation, down: downCorrelation },
  '0770-confirm-correlation-covering': { up: upCorrelationCovering, down: downCorrelationCovering },
  '0780-confirm-drop-entity-lookup': { up: upDropEntityLookup, down: downDropEntityLookup },
  '0810-confirm-suspect-status-id': { up: upSuspectStatusId, down: downSuspectStatusId },
  '0870-confirm-flow-analyses': { up: upFlowAnalyses, down: downFlowAnalyses },
  '0910-confirm-source-correlation': { up: upSourceCorrelation, down: downSourceCorrelation },
};
