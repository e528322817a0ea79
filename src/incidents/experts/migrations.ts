/**
 * The organisation's directory of outside experts and their engagements on incidents.
 * Portable DDL for both dialects; incident_id is not a foreign key (order-independent of the
 * incidents migration; access goes through createIncidentAccess), actor columns neither.
 */
import type { Kysely, Migration } from 'kysely';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('website', 'text')
    .addColumn('notes', 'text')
    .addColumn('policy_number', 'text')
    .addColumn('claim_hotline', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('experts_kind_name').on('experts').columns(['kind', 'name']).execute();
  await db.schema
    .createTable('expert_engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('engaged_by_id', 'text')
    .addColumn('engaged_by_name', 'text')
    .addColumn('engaged_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expert_engagements_incident').on('expert_engagements').columns(['incident_id', 'engaged_at']).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['expert_engagements', 'experts']) await db.schema.dropTable(t).ifExists().execute();
}

export const EXPERTS_MIGRATIONS: Record<string, Migration> = {
  '0120-experts': { up, down },
};
