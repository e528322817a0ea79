import type { Kysely, Migration } from 'kysely';

const m0200: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('incident_obligations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('jurisdiction', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('required', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_reason', 'text')
      .addColumn('obligation_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('incident_obligations_rule', ['incident_id', 'rule_id', 'jurisdiction'])
      .execute();
    await db.schema
      .createTable('incident_facts')
      .addColumn('incident_id', 'text', (c) => c.primaryKey())
      .addColumn('overrides_json', 'text', (c) => c.notNull())
      .addColumn('facts_json', 'text')
      .addColumn('result_json', 'text')
      .addColumn('computed_at', 'text')
      .addColumn('next_deadline', 'text')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('incident_obligations').ifExists().execute();
    await db.schema.dropTable('incident_facts').ifExists().execute();
  },
};

/** Issue 20 §4: how an obligation was met (notice sent, submission recorded). */
const metColumn: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('incident_obligations').addColumn('met_json', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('incident_obligations').dropColumn('met_json').execute();
  },
};

export const TRACKING_MIGRATIONS: Record<string, Migration> = { '0200-obligation-tracking': m0200, '20261206_worstday_01_obligation_met': metColumn };
