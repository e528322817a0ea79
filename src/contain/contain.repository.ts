/** Containment rows in the store (the only containment file using Kysely). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { type ContainActionsTable, type ContainConnectorsTable, type ContainDatabase, type ContainRemediationsTable, containDb } from './contain.tables.js';

export class ContainRepository {
  private readonly db: Kysely<ContainDatabase>;

  constructor(db: Kysely<Database> | Kysely<ContainDatabase>) {
    this.db = containDb(db as Kysely<Database>);
  }

  async transaction<T>(fn: (repo: ContainRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new ContainRepository(trx), trx as unknown as Transaction<Database>));
  }

  insertConnector = async (row: ContainConnectorsTable) => void (await this.db.insertInto('contain_connectors').values(row).execute());
  updateConnector = async (id: string, set: Partial<ContainConnectorsTable>) => void (await this.db.updateTable('contain_connectors').set(set).where('id', '=', id).execute());
  listConnectors = () => this.db.selectFrom('contain_connectors').selectAll().orderBy('name').execute();

  async findConnector(idOrName: string): Promise<ContainConnectorsTable | undefined> {
    return this.db
      .selectFrom('contain_connectors')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
      .executeTakeFirst();
  }

  insertActions = async (rows: ContainActionsTable[]) => {
    for (let i = 0; i < rows.length; i += 200) await this.db.insertInto('contain_actions').values(rows.slice(i, i + 200)).execute();
  };

  getAction = (id: string) => this.db.selectFrom('contain_actions').selectAll().where('id', '=', id).executeTakeFirst();

  listActions(filter: { incidentId?: string; bulkId?: string; ids?: string[] }): Promise<ContainActionsTable[]> {
    let q = this.db.selectFrom('contain_actions').selectAll().orderBy('created_at').orderBy('target').orderBy('id');
    if (filter.incidentId) q = q.where('incident_id', '=', filter.incidentId);
    if (filter.bulkId) q = q.where('bulk_id', '=', filter.bulkId);
    if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : ['']);
    return q.execute();
  }

  /**
   * Moves an action only if it is still in one of `from`: two workers (or a restarted server and
   * a stale one) cannot both make the same transition, so each step happens once.
   */
  async transition(id: string, from: readonly string[], set: Partial<ContainActionsTable>): Promise<boolean> {
    const r = await this.db.updateTable('contain_actions').set(set).where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  updateAction = async (id: string, set: Partial<ContainActionsTable>) => void (await this.db.updateTable('contain_actions').set(set).where('id', '=', id).execute());

  insertRemediation = async (row: ContainRemediationsTable) => void (await this.db.insertInto('contain_remediations').values(row).execute());
  getRemediation = (id: string) => this.db.selectFrom('contain_remediations').selectAll().where('id', '=', id).executeTakeFirst();
  updateRemediation = async (id: string, set: Partial<ContainRemediationsTable>) => void (await this.db.updateTable('contain_remediations').set(set).where('id', '=', id).execute());
  listRemediations = (incidentId: string) => this.db.selectFrom('contain_remediations').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
}
