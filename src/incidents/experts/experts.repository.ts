/** The experts directory and engagements in the store (the only experts file using Kysely). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { decodeCursor } from '../evidence/evidence.repository.js';
import { type ExpertEngagementsTable, type ExpertsDatabase, type ExpertsTable, expertsDb } from './experts.tables.js';
import { transact } from '../../platform/db/transact.js';

export class ExpertsRepository {
  private readonly db: Kysely<ExpertsDatabase>;

  constructor(db: Kysely<Database> | Kysely<ExpertsDatabase>) {
    this.db = expertsDb(db as Kysely<Database>);
  }

  async transaction<T>(fn: (repo: ExpertsRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new ExpertsRepository(trx), trx as unknown as Transaction<Database>));
  }

  async insert(row: ExpertsTable): Promise<void> {
    await this.db.insertInto('experts').values(row).execute();
  }

  async get(id: string): Promise<ExpertsTable | undefined> {
    return this.db.selectFrom('experts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async update(id: string, set: Partial<ExpertsTable>): Promise<void> {
    await this.db.updateTable('experts').set(set).where('id', '=', id).execute();
  }

  /** Live experts by name then id; the cursor is (name, id). */
  async list(opts: { kind?: string; cursor: string | null; limit: number }): Promise<ExpertsTable[]> {
    let q = this.db.selectFrom('experts').selectAll().where('deleted_at', 'is', null).orderBy('name', 'asc').orderBy('id', 'asc').limit(opts.limit);
    if (opts.kind) q = q.where('kind', '=', opts.kind);
    const after = decodeCursor(opts.cursor);
    if (after) q = q.where((eb) => eb.or([eb('name', '>', after[0]), eb.and([eb('name', '=', after[0]), eb('id', '>', after[1])])]));
    return q.execute();
  }

  async insertEngagement(row: ExpertEngagementsTable): Promise<void> {
    await this.db.insertInto('expert_engagements').values(row).execute();
  }

  async getEngagement(id: string): Promise<ExpertEngagementsTable | undefined> {
    return this.db.selectFrom('expert_engagements').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateEngagement(id: string, set: Partial<ExpertEngagementsTable>): Promise<void> {
    await this.db.updateTable('expert_engagements').set(set).where('id', '=', id).execute();
  }

  async listEngagements(incidentId: string): Promise<Array<{ e: ExpertEngagementsTable; x: ExpertsTable }>> {
    const es = await this.db.selectFrom('expert_engagements').selectAll().where('incident_id', '=', incidentId).orderBy('engaged_at', 'asc').orderBy('id', 'asc').execute();
    if (!es.length) return [];
    const xs = await this.db
      .selectFrom('experts')
      .selectAll()
      .where(
        'id',
        'in',
        es.map((e) => e.expert_id),
      )
      .execute();
    const byId = new Map(xs.map((x) => [x.id, x]));
    return es.map((e) => ({ e, x: byId.get(e.expert_id)! }));
  }
}
