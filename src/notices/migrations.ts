/**
 * Schema of the notices feature: affected people, notices and their versions, approvals and
 * the delivery outbox. Portable DDL only (text, integer), like 0001-platform. No foreign key to
 * `incidents(id)` (created by another feature's migration) and none from actor columns to users.
 */
import type { Kysely, Migration } from 'kysely';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notice_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    // AES-256-GCM ciphertext of the whole person record (name, contacts, elements, flags).
    .addColumn('record_enc', 'text', (c) => c.notNull())
    // HMAC blind indexes for de-duplication and look-ups (never the plaintext).
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('email_index', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('has_email', 'integer', (c) => c.notNull())
    .addColumn('has_postal', 'integer', (c) => c.notNull())
    .addColumn('no_contact', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('state_channel', 'text')
    .addColumn('state_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notice_people_dedupe', ['incident_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('notice_people_email').on('notice_people').columns(['incident_id', 'email_index']).execute();
  await db.schema.createIndex('notice_people_jur').on('notice_people').columns(['incident_id', 'jurisdiction']).execute();
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('rule_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('send_requested_at', 'text')
    .addColumn('materialized_at', 'text')
    .execute();
  await db.schema.createIndex('notices_incident').on('notices').columns(['incident_id', 'created_at']).execute();
  await db.schema
    .createTable('notice_versions')
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rendered_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('problems_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addPrimaryKeyConstraint('notice_versions_pk', ['notice_id', 'version'])
    .execute();
  await db.schema
    .createTable('notice_approvals')
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_approvals_pk', ['notice_id', 'version', 'capacity'])
    .execute();
  await db.schema
    .createTable('notice_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notice_outbox_one_per_person', ['notice_id', 'person_id'])
    .execute();
  // One index serves claims (notice, state, due time) and status counts. Few indexes on purpose:
  // every state change rewrites each index that holds `state`, and delivery commits per message.
  await db.schema.createIndex('notice_outbox_notice').on('notice_outbox').columns(['notice_id', 'state', 'next_attempt_at']).execute();
  await db.schema.createIndex('notice_outbox_message').on('notice_outbox').columns(['message_id']).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['notice_outbox', 'notice_approvals', 'notice_versions', 'notices', 'notice_people']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

/** Issue 20 §4: submissions of regulator, credit-bureau and media notices recorded by hand. */
const submissions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('notice_submissions')
      .addColumn('notice_id', 'text', (c) => c.primaryKey())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('late_reason', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('notice_submissions').ifExists().execute();
  },
};

/** Issue 17 §6: the language a person reads notices in (from the import; null: jurisdiction default). */
const peopleLanguage: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('notice_people').addColumn('language', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('notice_people').dropColumn('language').execute();
  },
};

/**
 * E-mail only where the law allows it: each person's E-SIGN consent (15 U.S.C. §7001(c)), why an
 * outbox row went by post, and the incident's "e-mail is our primary means" declaration.
 */
const electronicNotice: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('notice_people').addColumn('email_consent', 'integer').execute();
    await db.schema.alterTable('notice_outbox').addColumn('channel_reason', 'text').execute();
    await db.schema
      .createTable('notice_email_primary')
      .addColumn('incident_id', 'text', (c) => c.primaryKey())
      .addColumn('primary_email', 'integer', (c) => c.notNull())
      .addColumn('statement', 'text')
      .addColumn('declared_by', 'text', (c) => c.notNull())
      .addColumn('declared_by_name', 'text', (c) => c.notNull())
      .addColumn('declared_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('notice_email_primary').ifExists().execute();
    await db.schema.alterTable('notice_outbox').dropColumn('channel_reason').execute();
    await db.schema.alterTable('notice_people').dropColumn('email_consent').execute();
  },
};

export const NOTICES_MIGRATIONS: Record<string, Migration> = {
  '0300-notices': { up, down },
  '0430-notice-submissions': submissions,
  '0751-notice-people-language': peopleLanguage,
  '0920-notice-electronic-consent': electronicNotice,
};
