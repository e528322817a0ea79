/**
 * When the breach itself happened (issue 20 §6): its start and, for a range, its end. Notices
 * ask for it — US state laws "the date, estimated date, or date range of the breach" (e.g. Cal.
 * Civ. Code §1798.82(d)(2)(C)), HIPAA "the date of the breach" (45 CFR §164.404(c)(1)(A)), GDPR
 * Art. 33(3)(a) the nature of the breach — and it differs from detection and awareness.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('breach_started_at', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('breach_ended_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('breach_ended_at').execute();
  await db.schema.alterTable('incidents').dropColumn('breach_started_at').execute();
}
