/** Identities at the single sign-on provider linked to local users (the only Kysely access of sso.service.ts). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';

export class SsoRepository {
  constructor(readonly db: Kysely<Database>) {}

  /** A change and its audit record in one transaction (`trx` for `audit.record`). */
  transaction<T>(fn: (repo: SsoRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new SsoRepository(trx), trx as Transaction<Database>));
  }

  findUserIdOf(issuer: string, subject: string): Promise<string | undefined> {
    return this.db
      .selectFrom('user_identities')
      .select('user_id')
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst()
      .then((r) => r?.user_id);
  }

  link(issuer: string, subject: string, userId: string, at: string): Promise<unknown> {
    return this.db.insertInto('user_identities').values({ issuer, subject, user_id: userId, created_at: at, last_login_at: at }).execute();
  }

  touch(issuer: string, subject: string, at: string): Promise<unknown> {
    return this.db.updateTable('user_identities').set({ last_login_at: at }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
  }

  setRoles(userId: string, roles: string[], at: string): Promise<unknown> {
    return this.db.updateTable('users').set({ roles: JSON.stringify(roles), updated_at: at }).where('id', '=', userId).execute();
  }
}
