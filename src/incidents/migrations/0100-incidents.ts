import type { Kysely } from 'kysely';

// Portable DDL only (text, integer): both dialects run the same migration. Actor columns
// carry no foreign key to users: the local CLI principal acts as user id 'cli'.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('response_plans')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('yaml', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dismissed_reason', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text')
    .addColumn('aware_at', 'text', (c) => c.notNull())
    .addColumn('contained_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('plan_version', 'integer', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('effects', 'text', (c) => c.notNull())
    .addColumn('remedial_action', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'id']).execute();
  await db.schema
    .createTable('incident_members')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_members_pk', ['incident_id', 'user_id'])
    .execute();
  await db.schema.createIndex('incident_members_user').on('incident_members').columns(['user_id', 'incident_id']).execute();
  await db.schema
    .createTable('incident_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('task_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('anchor', 'text')
    .addColumn('offset_minutes', 'integer')
    .addColumn('due_at', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incident_tasks_position', ['incident_id', 'position'])
    .execute();
  await db.schema.createIndex('incident_tasks_due').on('incident_tasks').columns(['status', 'due_at']).execute();
  await db.schema
    .createTable('timeline_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .execute();
  await db.schema.createIndex('timeline_entries_incident').on('timeline_entries').columns(['incident_id', 'event_at']).execute();
  await db.schema
    .createTable('incident_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_id', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_decisions_incident').on('incident_decisions').columns(['incident_id', 'decided_at']).execute();
  await db.schema
    .createTable('observables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('value_enc', 'text')
    .addColumn('lookup', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('observables_dedup', ['incident_id', 'kind', 'lookup'])
    .execute();
  await db.schema.createIndex('observables_lookup').on('observables').columns(['kind', 'lookup']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['observables', 'incident_decisions', 'timeline_entries', 'incident_tasks', 'incident_members', 'incidents', 'response_plans']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
