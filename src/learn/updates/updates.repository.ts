/** Stakeholder updates, their schedules and the audiences' recipients in the store (the only updates file that uses Kysely). */
import type { Kysely, Transaction } from 'kysely';
import { transact } from '../../platform/db/transact.js';
import type { Database } from '../../platform/db/schema.js';
import { type LearnDatabase, type LearnUpdateAudiencesTable, type LearnUpdateSchedulesTable, type LearnUpdatesTable, learnDb } from '../learn.tables.js';

export class UpdatesRepository {
  private readonly db: Kysely<LearnDatabase>;

  constructor(db: Kysely<Database>) {
    this.db = learnDb(db);
  }

  /** A change and its audit record in one transaction (`trx` for `audit.record`). */
  transaction<T>(fn: (repo: UpdatesRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new UpdatesRepository(trx as unknown as Kysely<Database>), trx as unknown as Transaction<Database>));
  }

  async audience(audience: string): Promise<LearnUpdateAudiencesTable | undefined> {
    return this.db.selectFrom('learn_update_audiences').selectAll().where('audience', '=', audience).executeTakeFirst();
  }

  async audiences(): Promise<LearnUpdateAudiencesTable[]> {
    return this.db.selectFrom('learn_update_audiences').selectAll().orderBy('audience').execute();
  }

  async saveAudience(row: LearnUpdateAudiencesTable): Promise<void> {
    await this.db
      .insertInto('learn_update_audiences')
      .values(row)
      .onConflict((oc) => oc.column('audience').doUpdateSet({ recipients_enc: row.recipients_enc, updated_by: row.updated_by, updated_at: row.updated_at }))
      .execute();
  }

  async insertSchedule(row: LearnUpdateSchedulesTable): Promise<void> {
    await this.db.insertInto('learn_update_schedules').values(row).execute();
  }

  async schedule(id: string): Promise<LearnUpdateSchedulesTable | undefined> {
    return this.db.selectFrom('learn_update_schedules').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async schedules(incidentId: string): Promise<LearnUpdateSchedulesTable[]> {
    return this.db.selectFrom('learn_update_schedules').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
  }

  async setSchedule(id: string, set: Partial<Pick<LearnUpdateSchedulesTable, 'active' | 'next_at'>>): Promise<void> {
    await this.db.updateTable('learn_update_schedules').set(set).where('id', '=', id).execute();
  }

  /** Inserts an update; false when its trigger key is taken (that slot or event already made one). */
  async insertUpdate(row: LearnUpdatesTable): Promise<boolean> {
    const r = await this.db
      .insertInto('learn_updates')
      .values(row)
      .onConflict((oc) => oc.column('trigger_key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async update(id: string): Promise<LearnUpdatesTable | undefined> {
    return this.db.selectFrom('learn_updates').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byTriggerKey(key: string): Promise<LearnUpdatesTable | undefined> {
    return this.db.selectFrom('learn_updates').selectAll().where('trigger_key', '=', key).executeTakeFirst();
  }

  async updates(incidentId: string): Promise<LearnUpdatesTable[]> {
    return this.db.selectFrom('learn_updates').selectAll().where('incident_id', '=', incidentId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }

  /** Changes an update only from one of the expected states (a conditional update: one winner). */
  async setUpdate(id: string, from: string[], set: Partial<LearnUpdatesTable>): Promise<boolean> {
    const r = await this.db.updateTable('learn_updates').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
