/**
 * Evidence, custody ledger and incident notes. Portable DDL (text, integer, bigint) run by
 * both dialects. incident_id is not a foreign key so this migration does not depend on the
 * incidents migration's order; access checks go through createIncidentAccess. Actor columns
 * are not foreign keys either: the local CLI principal has user id 'cli'.
 */
import type { Kysely, Migration } from 'kysely';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_path', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('privileged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('legal_hold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('legal_hold_reason', 'text')
    .addColumn('custodian', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_id', 'text')
    .addColumn('uploaded_by_name', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('custody_seq', 'bigint', (c) => c.notNull())
    .addColumn('custody_hash', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .execute();
  await db.schema.createIndex('evidence_items_incident').on('evidence_items').columns(['incident_id', 'uploaded_at', 'id']).execute();
  await db.schema
    .createTable('evidence_custody')
    .addColumn('item_id', 'text', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('from_party', 'text')
    .addColumn('to_party', 'text')
    .addColumn('reason', 'text')
    .addColumn('details', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_custody_pk', ['item_id', 'seq'])
    .execute();
  await db.schema
    .createTable('incident_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('privileged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_notes_incident').on('incident_notes').columns(['incident_id', 'created_at', 'id']).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['incident_notes', 'evidence_custody', 'evidence_items']) await db.schema.dropTable(t).ifExists().execute();
}

export const EVIDENCE_MIGRATIONS: Record<string, Migration> = {
  '0110-evidence': { up, down },
};
