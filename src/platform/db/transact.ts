/**
 * One transaction for a change and its audit row (DESIGN.md: "every change is in the audit
 * trail"). A caller already inside a transaction joins it instead of opening a second one:
 * Kysely refuses nested `transaction()` calls, and on SQLite a query sent to the outer
 * `Kysely` instead of the transaction would wait forever for the one connection the
 * transaction holds. Repositories built on a transaction therefore run their own multi-statement
 * writes through this, so they compose into the caller's change.
 */
import type { Kysely, Transaction } from 'kysely';

export function transact<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<DB>) => fn(trx));
}
