/** Second factors, recovery codes and pending sign-ins (the only Kysely access of second-factor.service.ts). */
import type { Kysely, Transaction } from 'kysely';
import type { Database, LoginChallengesTable, SecondFactorsTable } from '../db/schema.js';
import { transact } from '../db/transact.js';

export class SecondFactorRepository {
  constructor(readonly db: Kysely<Database>) {}

  /** A change and its audit record in one transaction (`trx` for `audit.record`). */
  transaction<T>(fn: (repo: SecondFactorRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new SecondFactorRepository(trx), trx as Transaction<Database>));
  }

  listFactors(userId: string): Promise<SecondFactorsTable[]> {
    return this.db.selectFrom('second_factors').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  }

  findFactor(userId: string, id: string): Promise<SecondFactorsTable | undefined> {
    return this.db.selectFrom('second_factors').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  }

  async hasConfirmed(userId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('second_factors').select('id').where('user_id', '=', userId).where('confirmed', '=', 1).limit(1).executeTakeFirst());
  }

  insertFactor(row: SecondFactorsTable): Promise<unknown> {
    return this.db.insertInto('second_factors').values(row).execute();
  }

  updateFactor(id: string, patch: Partial<SecondFactorsTable>): Promise<unknown> {
    return this.db.updateTable('second_factors').set(patch).where('id', '=', id).execute();
  }

  /** Moves a TOTP factor's last accepted time step forward; false when the step was used already (replay). */
  async advanceStep(id: string, step: number): Promise<boolean> {
    const r = await this.db
      .updateTable('second_factors')
      .set({ last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  deleteFactor(userId: string, id: string): Promise<unknown> {
    return this.db.deleteFrom('second_factors').where('user_id', '=', userId).where('id', '=', id).execute();
  }

  async replaceRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
    await transact(this.db, async (trx) => {
      await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      await trx.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null }))).execute();
    });
  }

  /** Uses a recovery code once (atomic); false when unknown or used. */
  async useRecoveryCode(userId: string, hash: string, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const r = await this.db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  insertChallenge(row: LoginChallengesTable): Promise<unknown> {
    return this.db.insertInto('login_challenges').values(row).execute();
  }

  findChallenge(idHash: string): Promise<LoginChallengesTable | undefined> {
    return this.db.selectFrom('login_challenges').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }

  setChallenge(idHash: string, challenge: string | null): Promise<unknown> {
    return this.db.updateTable('login_challenges').set({ challenge }).where('id_hash', '=', idHash).execute();
  }

  /** Counts a failed attempt atomically and returns the new count. */
  async failChallenge(idHash: string): Promise<number> {
    const r = await this.db
      .updateTable('login_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id_hash', '=', idHash)
      .returning('attempts')
      .executeTakeFirst();
    return Number(r?.attempts ?? Number.POSITIVE_INFINITY);
  }

  deleteChallenge(idHash: string): Promise<unknown> {
    return this.db.deleteFrom('login_challenges').where('id_hash', '=', idHash).execute();
  }

  /** Challenges of one purpose for a user (enrolment of a security key keeps one at a time). */
  deleteChallengesOf(userId: string, purpose: string): Promise<unknown> {
    return this.db.deleteFrom('login_challenges').where('user_id', '=', userId).where('purpose', '=', purpose).execute();
  }

  findChallengeOf(userId: string, purpose: string): Promise<LoginChallengesTable | undefined> {
    return this.db.selectFrom('login_challenges').selectAll().where('user_id', '=', userId).where('purpose', '=', purpose).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  }

  clearSessionPending(userId: string): Promise<unknown> {
    return this.db.updateTable('sessions').set({ pending: null }).where('user_id', '=', userId).execute();
  }
}
