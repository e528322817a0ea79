/** The learn feature's rows in the store (the only learn file that uses Kysely). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { type LearnCostsTable, type LearnDrillEventsTable, type LearnDrillsTable, type LearnDatabase, type LearnPlanProposalsTable, type LearnReviewsTable, learnDb } from './learn.tables.js';
import { transact } from '../platform/db/transact.js';

export class LearnRepository {
  private readonly db: Kysely<LearnDatabase>;

  constructor(db: Kysely<Database> | Kysely<LearnDatabase>) {
    this.db = learnDb(db as Kysely<Database>);
  }

  async transaction<T>(fn: (repo: LearnRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new LearnRepository(trx), trx as unknown as Transaction<Database>));
  }

  async insertCost(row: LearnCostsTable): Promise<void> {
    await this.db.insertInto('learn_costs').values(row).execute();
  }

  async getCost(id: string): Promise<LearnCostsTable | undefined> {
    return this.db.selectFrom('learn_costs').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  }

  async deleteCost(id: string, at: string): Promise<void> {
    await this.db.updateTable('learn_costs').set({ deleted_at: at }).where('id', '=', id).execute();
  }

  async listCosts(incidentIds: string[]): Promise<LearnCostsTable[]> {
    if (!incidentIds.length) return [];
    return this.db
      .selectFrom('learn_costs')
      .selectAll()
      .where('incident_id', 'in', incidentIds)
      .where('deleted_at', 'is', null)
      .orderBy('incurred_on', 'asc')
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
  }

  async getReview(incidentId: string): Promise<LearnReviewsTable | undefined> {
    return this.db.selectFrom('learn_reviews').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
  }

  async upsertReview(row: LearnReviewsTable, exists: boolean): Promise<void> {
    if (exists) {
      const { incident_id, created_at, ...set } = row;
      await this.db.updateTable('learn_reviews').set(set).where('incident_id', '=', incident_id).execute();
    } else await this.db.insertInto('learn_reviews').values(row).execute();
  }

  async insertProposal(row: LearnPlanProposalsTable): Promise<void> {
    await this.db.insertInto('learn_plan_proposals').values(row).execute();
  }

  async getProposal(id: string): Promise<LearnPlanProposalsTable | undefined> {
    return this.db.selectFrom('learn_plan_proposals').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateProposal(id: string, set: Partial<LearnPlanProposalsTable>): Promise<void> {
    await this.db.updateTable('learn_plan_proposals').set(set).where('id', '=', id).execute();
  }

  async listProposals(incidentId: string): Promise<LearnPlanProposalsTable[]> {
    return this.db.selectFrom('learn_plan_proposals').selectAll().where('incident_id', '=', incidentId).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
  }

  async insertDrill(row: LearnDrillsTable, events: LearnDrillEventsTable[]): Promise<void> {
    await this.db.insertInto('learn_drills').values(row).execute();
    if (events.length) await this.db.insertInto('learn_drill_events').values(events).execute();
  }

  async drillEvents(drillId: string): Promise<LearnDrillEventsTable[]> {
    return this.db.selectFrom('learn_drill_events').selectAll().where('drill_id', '=', drillId).orderBy('idx', 'asc').execute();
  }

  /** Claims an event for injection: true for exactly one caller (conditional update). */
  async claimDrillEvent(drillId: string, idx: number, at: string): Promise<boolean> {
    const r = await this.db.updateTable('learn_drill_events').set({ injected_at: at }).where('drill_id', '=', drillId).where('idx', '=', idx).where('injected_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async releaseDrillEvent(drillId: string, idx: number): Promise<void> {
    await this.db.updateTable('learn_drill_events').set({ injected_at: null }).where('drill_id', '=', drillId).where('idx', '=', idx).execute();
  }

  async getDrill(id: string): Promise<LearnDrillsTable | undefined> {
    return this.db.selectFrom('learn_drills').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listDrills(): Promise<LearnDrillsTable[]> {
    return this.db.selectFrom('learn_drills').selectAll().orderBy('started_at', 'desc').execute();
  }

  /** Which of these incidents are drills. */
  async practice(incidentIds: string[]): Promise<Set<string>> {
    if (!incidentIds.length) return new Set();
    const rows = await this.db.selectFrom('learn_drills').select('incident_id').where('incident_id', 'in', incidentIds).execute();
    return new Set(rows.map((r) => r.incident_id));
  }
}
