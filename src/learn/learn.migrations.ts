/**
 * The learn feature's tables. Portable DDL for both dialects; incident_id is not a foreign key
 * (order-independent of the incidents migration; access goes through the incident access port).
 */
import type { Kysely, Migration } from 'kysely';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('learn_costs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('incurred_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('learn_costs_incident').on('learn_costs').columns(['incident_id', 'incurred_on']).execute();
  await db.schema
    .createTable('learn_reviews')
    .addColumn('incident_id', 'text', (c) => c.primaryKey())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('timeline_ids', 'text', (c) => c.notNull())
    .addColumn('root_causes', 'text', (c) => c.notNull())
    .addColumn('went_well', 'text', (c) => c.notNull())
    .addColumn('went_badly', 'text', (c) => c.notNull())
    .addColumn('action_task_ids', 'text', (c) => c.notNull())
    .addColumn('privileged_notes', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('learn_plan_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('yaml', 'text', (c) => c.notNull())
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('accepted_version', 'integer')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learn_plan_proposals_incident').on('learn_plan_proposals').columns(['incident_id', 'created_at']).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['learn_plan_proposals', 'learn_reviews', 'learn_costs']) await db.schema.dropTable(t).ifExists().execute();
}

async function upDrills(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('learn_drills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().unique())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('speed', 'integer', (c) => c.notNull())
    .addColumn('evidence_id', 'text')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('learn_drill_events')
    .addColumn('drill_id', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('injected_at', 'text')
    .addPrimaryKeyConstraint('learn_drill_events_pk', ['drill_id', 'idx'])
    .execute();
}

/** Stakeholder updates (issue 17 §4): audiences' recipients, schedules, updates. */
async function upUpdates(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('learn_update_audiences')
    .addColumn('audience', 'text', (c) => c.primaryKey())
    .addColumn('recipients_enc', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('learn_update_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('every_hours', 'real')
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_at', 'text')
    .execute();
  await db.schema.createIndex('learn_update_schedules_incident').on('learn_update_schedules').columns(['incident_id']).execute();
  await db.schema
    .createTable('learn_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('trigger_key', 'text', (c) => c.unique())
    .addColumn('schedule_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_hash', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('recipients_enc', 'text')
    .addColumn('send_requested_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learn_updates_incident').on('learn_updates').columns(['incident_id', 'created_at']).execute();
}

/** Named after the feature so it sorts after the features it reads and collides with none. */
export const LEARN_MIGRATIONS: Record<string, Migration> = {
  '0500-learn': { up, down },
  '0510-learn-drills': { up: upDrills, down: async (db) => {
      for (const t of ['learn_drill_events', 'learn_drills']) await db.schema.dropTable(t).ifExists().execute();
    } },
  '0750-learn-updates': {
    up: upUpdates,
    down: async (db) => {
      for (const t of ['learn_updates', 'learn_update_schedules', 'learn_update_audiences']) await db.schema.dropTable(t).ifExists().execute();
    },
  },
};
