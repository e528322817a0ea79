/**
 * Tracked obligations, the incident's facts and the organisation profile in the store
 * (DESIGN.md: queries live in *.repository.ts). Used by the tracking, facts, met and profile
 * services; the cross-incident deadline read model keeps its own queries (deadlines.ts).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { transact } from '../../platform/db/transact.js';
import type { IncidentFactsTable, IncidentObligationsTable, TrackingDatabase } from './tracking.tables.js';

type ObligationPatch = Partial<Omit<IncidentObligationsTable, 'id' | 'incident_id'>>;
/** A new item: `met_json` stays unset (null) until a notice meets it. */
type NewObligation = Omit<IncidentObligationsTable, 'met_json'> & Partial<Pick<IncidentObligationsTable, 'met_json'>>;

export class TrackingRepository {
  private readonly db: Kysely<TrackingDatabase>;

  constructor(db: Kysely<Database> | Kysely<TrackingDatabase>) {
    this.db = db as unknown as Kysely<TrackingDatabase>;
  }

  /** Runs `fn` in one transaction (`trx` for the audit record written with it), or in the caller's when this repository is on one. */
  transaction<T>(fn: (repo: TrackingRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new TrackingRepository(trx), trx as unknown as Transaction<Database>));
  }

  /** The incident's tracked obligations (unordered). */
  obligations(incidentId: string): Promise<IncidentObligationsTable[]> {
    return this.db.selectFrom('incident_obligations').selectAll().where('incident_id', '=', incidentId).execute();
  }

  /** The incident's tracked obligations by deadline, then rule. */
  obligationsByDeadline(incidentId: string): Promise<IncidentObligationsTable[]> {
    return this.db.selectFrom('incident_obligations').selectAll().where('incident_id', '=', incidentId).orderBy('deadline').orderBy('rule_id').execute();
  }

  obligationsOfRules(incidentId: string, ruleIds: string[]): Promise<IncidentObligationsTable[]> {
    if (!ruleIds.length) return Promise.resolve([]);
    return this.db.selectFrom('incident_obligations').selectAll().where('incident_id', '=', incidentId).where('rule_id', 'in', ruleIds).execute();
  }

  /** Met obligations of these incidents (for the breach register). */
  metObligations(incidentIds: string[]): Promise<IncidentObligationsTable[]> {
    return this.db.selectFrom('incident_obligations').selectAll().where('incident_id', 'in', incidentIds).where('met_json', 'is not', null).execute();
  }

  obligation(incidentId: string, itemId: string): Promise<IncidentObligationsTable | undefined> {
    return this.db.selectFrom('incident_obligations').selectAll().where('id', '=', itemId).where('incident_id', '=', incidentId).executeTakeFirst();
  }

  /**
   * Two recomputations of one incident can run at once (the background job and a read that found
   * the answer stale): on PostgreSQL both may insert the same new item. The first wins; the item
   * is the same answer from the same facts.
   */
  async insertObligationOnce(row: NewObligation): Promise<void> {
    await this.db
      .insertInto('incident_obligations')
      .values(row)
      .onConflict((oc) => oc.columns(['incident_id', 'rule_id', 'jurisdiction']).doNothing())
      .execute();
  }

  /**
   * Sets an item's status only if it is still `expected` (compare-and-set). A recomputation reads
   * the items, runs the engine, then writes: a status a person set (or a notice met) in between
   * must win, not be overwritten with the value read before it (seen on PostgreSQL: a regulator
   * duty marked done came back `pending`).
   */
  async setStatusIf(id: string, expected: string, set: Pick<IncidentObligationsTable, 'status' | 'status_reason' | 'updated_at'>): Promise<void> {
    await this.db.updateTable('incident_obligations').set(set).where('id', '=', id).where('status', '=', expected).execute();
  }

  async updateObligation(id: string, set: ObligationPatch): Promise<void> {
    await this.db.updateTable('incident_obligations').set(set).where('id', '=', id).execute();
  }

  facts(incidentId: string): Promise<IncidentFactsTable | undefined> {
    return this.db.selectFrom('incident_facts').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
  }

  /** Stores a computation's facts and result, creating the row (no overrides) when there is none. */
  async saveComputation(incidentId: string, row: Pick<IncidentFactsTable, 'facts_json' | 'result_json' | 'computed_at' | 'next_deadline'>): Promise<void> {
    await this.db
      .insertInto('incident_facts')
      .values({ incident_id: incidentId, overrides_json: '{}', ...row })
      .onConflict((oc) => oc.column('incident_id').doUpdateSet(row))
      .execute();
  }

  /** Stores the overrides; upsert: a recomputation running at the same time may have created the row (PostgreSQL). */
  async saveOverrides(incidentId: string, overridesJson: string): Promise<void> {
    await this.db
      .insertInto('incident_facts')
      .values({ incident_id: incidentId, overrides_json: overridesJson, facts_json: null, result_json: null, computed_at: null, next_deadline: null })
      .onConflict((oc) => oc.column('incident_id').doUpdateSet({ overrides_json: overridesJson }))
      .execute();
  }

  async incidentClosed(incidentId: string): Promise<boolean> {
    const closed = await sql<{ n: number }>`select count(*) as n from incidents where id = ${incidentId} and status = 'closed'`.execute(this.db);
    return Number(closed.rows[0]?.n ?? 0) > 0;
  }

  async setting(key: string): Promise<string | null> {
    return (await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
  }

  async putSetting(key: string, value: string, at: string): Promise<void> {
    const exists = await this.db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();
    if (exists) await this.db.updateTable('settings').set({ value, updated_at: at }).where('key', '=', key).execute();
    else await this.db.insertInto('settings').values({ key, value, updated_at: at }).execute();
  }
}
