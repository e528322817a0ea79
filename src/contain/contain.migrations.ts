/** Containment's tables; portable DDL for both dialects (incident ids are not foreign keys, as in experts). */
import type { Kysely, Migration } from 'kysely';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contain_connectors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('config_json', 'text', (c) => c.notNull())
    .addColumn('secrets_enc', 'text')
    .addColumn('approvals_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text')
    .addColumn('check_result', 'text')
    .addColumn('check_ok', 'integer')
    .execute();
  await db.schema
    .createTable('contain_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('bulk_id', 'text', (c) => c.notNull())
    .addColumn('connector_id', 'text', (c) => c.notNull().references('contain_connectors.id'))
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('approval', 'text', (c) => c.notNull())
    .addColumn('reversible', 'integer', (c) => c.notNull())
    .addColumn('requested_by_id', 'text')
    .addColumn('requested_by_name', 'text')
    .addColumn('approvals_json', 'text', (c) => c.notNull())
    .addColumn('pre_state_enc', 'text')
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('undo_preview', 'text')
    .addColumn('result', 'text')
    .addColumn('verification', 'text')
    .addColumn('error', 'text')
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contain_actions_incident').on('contain_actions').columns(['incident_id', 'created_at']).execute();
  await db.schema.createIndex('contain_actions_bulk').on('contain_actions').columns(['bulk_id']).execute();
  await db.schema
    .createTable('contain_remediations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('root_cause', 'text', (c) => c.notNull())
    .addColumn('fix', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('due', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text')
    .addColumn('action_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema.createIndex('contain_remediations_incident').on('contain_remediations').columns(['incident_id', 'created_at']).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['contain_remediations', 'contain_actions', 'contain_connectors']) await db.schema.dropTable(t).ifExists().execute();
}

export const CONTAIN_MIGRATIONS: Record<string, Migration> = {
  '20261206_contain_01_actions': { up, down },
};
