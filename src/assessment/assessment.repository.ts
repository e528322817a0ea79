/** Assessment rows in the store (DESIGN.md: queries live in *.repository.ts). Shards and their parts keep their own (scan-shards.ts, shard-parts.ts). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { AssessmentDatabase, AssessmentsTable } from './assessment.tables.js';
import { transact } from '../platform/db/transact.js';

export class AssessmentRepository {
  constructor(private readonly db: Kysely<AssessmentDatabase>) {}

  /** Runs `fn` in one transaction (`trx` for the audit record written with it). */
  transaction<T>(fn: (repo: AssessmentRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new AssessmentRepository(trx), trx as unknown as Transaction<Database>));
  }

  get(id: string): Promise<AssessmentsTable | undefined> {
    return this.db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The incident's assessments, newest first. */
  listByIncident(incidentId: string): Promise<AssessmentsTable[]> {
    return this.db.selectFrom('assessments').selectAll().where('incident_id', '=', incidentId).orderBy('created_at', 'desc').execute();
  }

  async insert(row: AssessmentsTable): Promise<void> {
    await this.db.insertInto('assessments').values(row).execute();
  }

  async update(id: string, patch: Partial<AssessmentsTable>): Promise<void> {
    await this.db.updateTable('assessments').set(patch).where('id', '=', id).execute();
  }

  /** Applies `patch` only while the status is one of `from`; false when it was not (a cancel, say, landed first). */
  async updateIfStatus(id: string, from: AssessmentsTable['status'][], patch: Partial<AssessmentsTable>): Promise<boolean> {
    const r = await this.db.updateTable('assessments').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** `population_json` of the incident's newest completed assessment. */
  async newestPopulation(incidentId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('assessments')
      .select('population_json')
      .where('incident_id', '=', incidentId)
      .where('status', '=', 'done')
      .orderBy('completed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.population_json ?? null;
  }
}
