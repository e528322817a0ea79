import type { Kysely } from 'kysely';

/**
 * Rate-limit counters shared by every `serve` process on the store (issue 18 §4): a limit of
 * 20 sign-ins a minute must hold for the fleet, not per process behind the load balancer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    // Start of the current window, epoch milliseconds.
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_window').on('rate_limits').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
