import type { Kysely } from 'kysely';
import type { ApiTokensTable, Database, SessionsTable, UsersTable } from '../db/schema.js';

export class AccountsRepository {
  constructor(readonly db: Kysely<Database>) {}

  countUsers(): Promise<number> {
    return this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  }

  findUserById(id: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** By user name or e-mail, case-insensitively (both are stored lower-case). */
  findUserByLogin(login: string): Promise<UsersTable | undefined> {
    const l = login.trim().toLowerCase();
    return this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb.or([eb('username', '=', l), eb('email', '=', l)]))
      .executeTakeFirst();
  }

  listUsers(after: string | null, limit: number): Promise<UsersTable[]> {
    let q = this.db.selectFrom('users').selectAll().orderBy('username').limit(limit);
    if (after) q = q.where('username', '>', after);
    return q.execute();
  }

  insertUser(row: UsersTable): Promise<unknown> {
    return this.db.insertInto('users').values(row).execute();
  }

  updateUser(id: string, patch: Partial<UsersTable>): Promise<unknown> {
    return this.db.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  /**
   * Reserves a sign-in attempt: one atomic increment, so parallel attempts each see their own
   * count (issue 19 §3: read-then-write let 19 parallel wrong passwords through unlocked).
   */
  async reserveLoginAttempt(id: string): Promise<number> {
    const r = await this.db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .returning('failed_logins')
      .executeTakeFirst();
    return Number(r?.failed_logins ?? 0);
  }

  /**
   * Locks the account until `until`. The count is kept: attempts already on their way (they read
   * the row before the lock) then reserve numbers above the allowance and are refused unchecked.
   */
  lockUser(id: string, until: string): Promise<unknown> {
    return this.db.updateTable('users').set({ locked_until: until }).where('id', '=', id).execute();
  }

  /** A lock that has run out starts a fresh count (once: the condition no longer holds after). */
  releaseExpiredLock(id: string, nowIso: string): Promise<unknown> {
    return this.db.updateTable('users').set({ locked_until: null, failed_logins: 0 }).where('id', '=', id).where('locked_until', '<=', nowIso).execute();
  }

  /** A successful sign-in clears the count, unless a lock was set meanwhile (then false). */
  async clearLoginFailures(id: string, nowIso: string): Promise<boolean> {
    const r = await this.db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  insertSession(row: SessionsTable): Promise<unknown> {
    return this.db.insertInto('sessions').values(row).execute();
  }

  /** A session with its user, in one round trip (every browser request resolves one). */
  findSessionWithUser(idHash: string) {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.id_hash as s_id_hash', 'sessions.csrf_token as s_csrf_token', 'sessions.expires_at as s_expires_at', 'sessions.absolute_expires_at as s_absolute_expires_at', 'sessions.pending as s_pending'])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst();
  }

  /** A token with its user, in one round trip (every script request resolves one). */
  findTokenWithUser(hash: string) {
    return this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as t_id', 'api_tokens.revoked_at as t_revoked_at', 'api_tokens.expires_at as t_expires_at', 'api_tokens.last_used_at as t_last_used_at'])
      .where('api_tokens.token_hash', '=', hash)
      .executeTakeFirst();
  }

  findSession(idHash: string): Promise<SessionsTable | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }

  touchSession(idHash: string, expiresAt: string): Promise<unknown> {
    return this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
  }

  deleteSession(idHash: string): Promise<unknown> {
    return this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  deleteSessionsOf(userId: string): Promise<unknown> {
    return this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  insertToken(row: ApiTokensTable): Promise<unknown> {
    return this.db.insertInto('api_tokens').values(row).execute();
  }

  findTokenByHash(hash: string): Promise<ApiTokensTable | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }

  findToken(id: string): Promise<ApiTokensTable | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listTokens(userId: string | null): Promise<ApiTokensTable[]> {
    let q = this.db.selectFrom('api_tokens').selectAll().orderBy('created_at');
    if (userId) q = q.where('user_id', '=', userId);
    return q.execute();
  }

  updateToken(id: string, patch: Partial<ApiTokensTable>): Promise<unknown> {
    return this.db.updateTable('api_tokens').set(patch).where('id', '=', id).execute();
  }
}
