import type { Kysely, Migration } from 'kysely';

const m0150: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('assessments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('evidence_ids', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('job_id', 'text')
      .addColumn('progress_json', 'text')
      .addColumn('report_enc', 'text')
      .addColumn('raw_samples_enc', 'text')
      .addColumn('population_json', 'text')
      .addColumn('error', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_by_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .execute();
    await db.schema.createIndex('assessments_incident').on('assessments').columns(['incident_id', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('assessments').ifExists().execute();
  },
};

export const ASSESSMENT_MIGRATIONS: Record<string, Migration> = { '0150-assessments': m0150 };
