/**
 * Containment rows in the store (the only containment file using Kysely). An action's target and
 * the texts that name it (plan, undo preview, result, verification, error) are personal data
 * (user names, e-mail addresses, IP addresses): they are sealed with the keyring here, per row and
 * field (AAD), so the database file alone reveals none of them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { type ContainActionsTable, type ContainConnectorsTable, type ContainDatabase, type ContainRemediationsTable, containDb } from './contain.tables.js';
import { transact } from '../platform/db/transact.js';

/** Encrypts and decrypts a value bound to a context (platform Keyring). */
export interface Sealer {
  encrypt(plaintext: string, context: string): string;
  decrypt(ciphertext: string, context: string): string;
}

const SEALED = ['target', 'plan_json', 'undo_preview', 'result', 'verification', 'error'] as const;
type Row = ContainActionsTable;

export class ContainRepository {
  private readonly db: Kysely<ContainDatabase>;

  constructor(
    db: Kysely<Database> | Kysely<ContainDatabase>,
    private readonly sealer: Sealer,
  ) {
    this.db = containDb(db as Kysely<Database>);
  }

  async transaction<T>(fn: (repo: ContainRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new ContainRepository(trx, this.sealer), trx as unknown as Transaction<Database>));
  }

  private seal<T extends Partial<Row>>(id: string, row: T): T {
    const out: Record<string, unknown> = { ...row };
    for (const f of SEALED) if (typeof out[f] === 'string') out[f] = this.sealer.encrypt(out[f] as string, `contain-action:${id}:${f}`);
    return out as T;
  }

  private open(row: Row): Row;
  private open(row: Row | undefined): Row | undefined;
  private open(row: Row | undefined): Row | undefined {
    if (!row) return row;
    const out: Record<string, unknown> = { ...row };
    for (const f of SEALED) if (typeof out[f] === 'string') out[f] = this.sealer.decrypt(out[f] as string, `contain-action:${row.id}:${f}`);
    return out as unknown as Row;
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
    const sealed = rows.map((r) => this.seal(r.id, r));
    for (let i = 0; i < sealed.length; i += 200) await this.db.insertInto('contain_actions').values(sealed.slice(i, i + 200)).execute();
  };

  getAction = async (id: string) => this.open(await this.db.selectFrom('contain_actions').selectAll().where('id', '=', id).executeTakeFirst());

  async listActions(filter: { incidentId?: string; bulkId?: string; ids?: string[] }): Promise<ContainActionsTable[]> {
    let q = this.db.selectFrom('contain_actions').selectAll().orderBy('created_at').orderBy('id');
    if (filter.incidentId) q = q.where('incident_id', '=', filter.incidentId);
    if (filter.bulkId) q = q.where('bulk_id', '=', filter.bulkId);
    if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : ['']);
    // Targets are sealed, so a bulk is put in target order after reading.
    return (await q.execute()).map((r) => this.open(r)).sort((a, b) => a.created_at.localeCompare(b.created_at) || a.target.localeCompare(b.target) || a.id.localeCompare(b.id));
  }

  /**
   * Moves an action only if it is still in one of `from`: two workers (or a restarted server and
   * a stale one) cannot both make the same transition, so each step happens once.
   */
  async transition(id: string, from: readonly string[], set: Partial<ContainActionsTable>): Promise<boolean> {
    const r = await this.db.updateTable('contain_actions').set(this.seal(id, set)).where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  updateAction = async (id: string, set: Partial<ContainActionsTable>) => void (await this.db.updateTable('contain_actions').set(this.seal(id, set)).where('id', '=', id).execute());

  insertRemediation = async (row: ContainRemediationsTable) => void (await this.db.insertInto('contain_remediations').values(row).execute());
  getRemediation = (id: string) => this.db.selectFrom('contain_remediations').selectAll().where('id', '=', id).executeTakeFirst();
  updateRemediation = async (id: string, set: Partial<ContainRemediationsTable>) => void (await this.db.updateTable('contain_remediations').set(set).where('id', '=', id).execute());
  listRemediations = (incidentId: string) => this.db.selectFrom('contain_remediations').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
}
