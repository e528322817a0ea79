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

/**
 * Distributed scans (issue 18 §2): the scan's blind-index key, shared by its shards (encrypted);
 * one row per shard (an evidence item) with its state, worker and progress; each shard's log in
 * parts (encrypted), written per attempt so that a retried shard never mixes with a dead one's.
 */
const m0760: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('assessments').addColumn('scan_key_enc', 'text').execute();
    await db.schema
      .createTable('assessment_shards')
      .addColumn('assessment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('evidence_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('job_id', 'text')
      .addColumn('attempt', 'text')
      .addColumn('parts', 'integer')
      .addColumn('worker', 'text')
      .addColumn('progress_json', 'text')
      .addColumn('error', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('assessment_shards_pk', ['assessment_id', 'seq'])
      .execute();
    await db.schema
      .createTable('assessment_shard_parts')
      .addColumn('assessment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('attempt', 'text', (c) => c.notNull())
      .addColumn('part', 'integer', (c) => c.notNull())
      .addColumn('data_enc', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('assessment_shard_parts_pk', ['assessment_id', 'seq', 'attempt', 'part'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('assessment_shard_parts').ifExists().execute();
    await db.schema.dropTable('assessment_shards').ifExists().execute();
    await db.schema.alterTable('assessments').dropColumn('scan_key_enc').execute();
  },
};

/**
 * Shards finer than an evidence item (issue 18 §2): `item` is the evidence item's index in the
 * assessment (several shards may read one item), `unit_json` the shard's part of it (a byte range
 * or a group of archive members, scan-plan.ts); null for a whole item, as every 0760 shard was.
 */
const m0800: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('assessment_shards').addColumn('item', 'integer').execute();
    await db.schema.alterTable('assessment_shards').addColumn('unit_json', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('assessment_shards').dropColumn('unit_json').execute();
    await db.schema.alterTable('assessment_shards').dropColumn('item').execute();
  },
};

/**
 * The partitioned merge (issue 18 §2): `digests` = 1 when the shard keeps the people index's digests
 * apart, per block of partitions (engine/shard-digests.ts), null for a whole log (every older row).
 * Chosen for all of an assessment's shards when it is planned, so a fleet whose workers are
 * configured differently still writes one layout.
 */
const m0820: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('assessment_shards').addColumn('digests', 'integer').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('assessment_shards').dropColumn('digests').execute();
  },
};

export const ASSESSMENT_MIGRATIONS: Record<string, Migration> = {
  '0150-assessments': m0150,
  '0760-assessment-shards': m0760,
  '0800-assessment-shard-units': m0800,
  '0820-assessment-shard-digests': m0820,
};
