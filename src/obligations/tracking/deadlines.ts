/**
 * Open legal deadlines across incidents (lists, countdowns and /metrics). A closed incident's
 * countdowns have stopped (issue 20 §5): its items are left out.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { TrackingDatabase } from './tracking.tables.js';

export class ObligationDeadlines {
  private readonly db: Kysely<TrackingDatabase>;

  constructor(db: Kysely<Database>) {
    this.db = db as unknown as Kysely<TrackingDatabase>;
  }

  /** The next open legal deadline of each incident (for lists and countdowns). */
  async next(incidentIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (incidentIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('incident_obligations')
      .select(['incident_id', (eb) => eb.fn.min('deadline').as('next')])
      .where('incident_id', 'in', incidentIds)
      .where('status', 'in', ['pending', 'in_progress'])
      .where('deadline', 'is not', null)
      .where(sql<boolean>`incident_id not in (select id from incidents where status = 'closed')`)
      .groupBy('incident_id')
      .execute();
    for (const r of rows) if (r.next) out.set(r.incident_id, String(r.next));
    return out;
  }

  /**
   * Open legal deadlines across every incident that is not closed: those due within `hours` of
   * `now`, and those already past (for /metrics; a closed incident's countdowns have stopped).
   */
  async counts(now: Date, hours: number): Promise<{ due: number; overdue: number }> {
    const from = now.toISOString();
    const to = new Date(now.getTime() + hours * 3_600_000).toISOString();
    const r = await this.db
      .selectFrom('incident_obligations')
      .select([
        (eb) => eb.fn.sum<number>(eb.case().when('deadline', '<', from).then(1).else(0).end()).as('overdue'),
        (eb) => eb.fn.sum<number>(eb.case().when(eb.and([eb('deadline', '>=', from), eb('deadline', '<', to)])).then(1).else(0).end()).as('due'),
      ])
      .where('status', 'in', ['pending', 'in_progress'])
      .where('deadline', 'is not', null)
      .where(sql<boolean>`incident_id not in (select id from incidents where status = 'closed')`)
      .executeTakeFirst();
    return { due: Number(r?.due ?? 0), overdue: Number(r?.overdue ?? 0) };
  }
}
