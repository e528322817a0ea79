/** The canary records' store (the only Kysely file of canaries): rows are encrypted people with blind indexes. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { type CanariesTable, type ConfirmDatabase, confirmDb } from './confirm.tables.js';
import { transact } from '../platform/db/transact.js';

export class CanariesRepository {
  readonly db: Kysely<ConfirmDatabase>;

  constructor(db: Kysely<Database> | Transaction<ConfirmDatabase>) {
    this.db = confirmDb(db as Kysely<Database>);
  }

  /** Runs `fn` in one transaction (`trx` for the audit record written with it). */
  transaction<T>(fn: (repo: CanariesRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new CanariesRepository(trx), trx as unknown as Transaction<Database>));
  }

  async insert(row: CanariesTable): Promise<void> {
    await this.db.insertInto('intake_canaries').values(row).execute();
  }

  /** Every canary (for attribution and export: they are few, tens to thousands). */
  all(): Promise<CanariesTable[]> {
    return this.db.selectFrom('intake_canaries').selectAll().orderBy('dataset').orderBy('created_at').orderBy('id').execute();
  }

  /** Dataset, place and last beacon hit of every canary (no encrypted columns). */
  summaries(): Promise<Array<Pick<CanariesTable, 'dataset' | 'planted_where' | 'last_hit_at'>>> {
    return this.db.selectFrom('intake_canaries').select(['dataset', 'planted_where', 'last_hit_at']).execute();
  }

  byTokenIndex(tokenIndex: string): Promise<CanariesTable | undefined> {
    return this.db.selectFrom('intake_canaries').selectAll().where('token_index', '=', tokenIndex).executeTakeFirst();
  }

  byEmailIndex(emailIndex: string): Promise<CanariesTable | undefined> {
    return this.db.selectFrom('intake_canaries').selectAll().where('email_index', '=', emailIndex).executeTakeFirst();
  }

  async setLastHit(id: string, at: string): Promise<void> {
    await this.db.updateTable('intake_canaries').set({ last_hit_at: at }).where('id', '=', id).execute();
  }
}
