/** Affected people rows: encrypted records with blind indexes (the only Kysely use for people). */
import type { Kysely } from 'kysely';
import type { NoticePeopleTable, NoticesDatabase } from './notices.tables.js';

export type PersonRow = NoticePeopleTable;

export class PeopleRepository {
  constructor(private readonly db: Kysely<NoticesDatabase>) {}

  /** Inserts, skipping rows whose dedupe key already exists for the incident; returns how many were new. */
  async insertMany(rows: PersonRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    let n = 0;
    // Chunks keep statements under SQLite's and pg's parameter limits (16 columns per row).
    for (let i = 0; i < rows.length; i += 500) {
      const r = await this.db
        .insertInto('notice_people')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['incident_id', 'dedupe_key']).doNothing())
        .executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return n;
  }

  async byId(id: string): Promise<PersonRow | undefined> {
    return this.db.selectFrom('notice_people').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byIds(ids: string[]): Promise<PersonRow[]> {
    const out: PersonRow[] = [];
    // Chunked: both dialects cap the number of bound parameters per statement.
    for (let i = 0; i < ids.length; i += 1000) {
      out.push(...(await this.db.selectFrom('notice_people').selectAll().where('id', 'in', ids.slice(i, i + 1000)).execute()));
    }
    return out;
  }

  async noContactByJurisdiction(incidentId: string): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('notice_people')
      .select(['jurisdiction', (eb) => eb.fn.countAll<number>().as('n')])
      .where('incident_id', '=', incidentId)
      .where('no_contact', '=', 1)
      .groupBy('jurisdiction')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.jurisdiction, Number(r.n)]));
  }

  async page(incidentId: string, afterId: string, limit: number, jurisdiction?: string): Promise<PersonRow[]> {
    let q = this.db.selectFrom('notice_people').selectAll().where('incident_id', '=', incidentId).where('id', '>', afterId);
    if (jurisdiction) q = q.where('jurisdiction', '=', jurisdiction);
    return q.orderBy('id').limit(limit).execute();
  }

  async byEmailIndex(incidentId: string, index: string): Promise<PersonRow[]> {
    return this.db.selectFrom('notice_people').selectAll().where('incident_id', '=', incidentId).where('email_index', '=', index).execute();
  }

  async countsByJurisdiction(incidentId: string): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('notice_people')
      .select(['jurisdiction', (eb) => eb.fn.countAll<number>().as('n')])
      .where('incident_id', '=', incidentId)
      .groupBy('jurisdiction')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.jurisdiction, Number(r.n)]));
  }

  async setState(id: string, state: string, channel: string | null, at: string): Promise<void> {
    await this.db.updateTable('notice_people').set({ state, state_channel: channel, state_at: at, updated_at: at }).where('id', '=', id).execute();
  }
}
