/** Notices, their versions and approvals (Kysely lives only in repositories). */
import type { Kysely } from 'kysely';
import { transact } from '../platform/db/transact.js';
import type { NoticeApprovalsTable, NoticeEmailPrimaryTable, NoticesDatabase, NoticesTable, NoticeVersionsTable } from './notices.tables.js';

export class NoticesRepository {
  constructor(readonly db: Kysely<NoticesDatabase>) {}

  async insert(n: NoticesTable, v: NoticeVersionsTable): Promise<void> {
    await transact(this.db, async (trx) => {
      await trx.insertInto('notices').values(n).execute();
      await trx.insertInto('notice_versions').values(v).execute();
    });
  }

  async addVersion(noticeId: string, v: NoticeVersionsTable, inputsJson: string, at: string): Promise<boolean> {
    return transact(this.db, async (trx) => {
      // Only a notice still in draft/review gets a new version: approved content is immutable.
      const r = await trx
        .updateTable('notices')
        .set({ current_version: v.version, inputs_json: inputsJson, status: 'draft', updated_at: at })
        .where('id', '=', noticeId)
        .where('status', 'in', ['draft', 'review'])
        .where('current_version', '=', v.version - 1)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await trx.insertInto('notice_versions').values(v).execute();
      return true;
    });
  }

  async get(id: string): Promise<NoticesTable | undefined> {
    return this.db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listForIncident(incidentId: string): Promise<NoticesTable[]> {
    return this.db.selectFrom('notices').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').execute();
  }

  async version(id: string, version: number): Promise<NoticeVersionsTable | undefined> {
    return this.db.selectFrom('notice_versions').selectAll().where('notice_id', '=', id).where('version', '=', version).executeTakeFirst();
  }

  async approvals(id: string, version: number): Promise<NoticeApprovalsTable[]> {
    return this.db.selectFrom('notice_approvals').selectAll().where('notice_id', '=', id).where('version', '=', version).execute();
  }

  /** Records an approval; when both capacities are in, the version and notice become approved. */
  async approve(a: NoticeApprovalsTable, required: string[]): Promise<{ approved: boolean }> {
    return transact(this.db, async (trx) => {
      await trx.insertInto('notice_approvals').values(a).onConflict((oc) => oc.columns(['notice_id', 'version', 'capacity']).doNothing()).execute();
      const all = await trx.selectFrom('notice_approvals').select('capacity').where('notice_id', '=', a.notice_id).where('version', '=', a.version).execute();
      const done = required.every((c) => all.some((x) => x.capacity === c));
      await trx
        .updateTable('notices')
        .set({ status: done ? 'approved' : 'review', updated_at: a.approved_at })
        .where('id', '=', a.notice_id)
        .where('current_version', '=', a.version)
        .where('status', 'in', ['draft', 'review'])
        .execute();
      if (done) await trx.updateTable('notice_versions').set({ approved_at: a.approved_at }).where('notice_id', '=', a.notice_id).where('version', '=', a.version).execute();
      return { approved: done };
    });
  }

  async setStatus(id: string, from: string[], to: string, at: string, extra: Partial<NoticesTable> = {}): Promise<boolean> {
    const r = await this.db.updateTable('notices').set({ status: to, updated_at: at, ...extra }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async update(id: string, set: Partial<NoticesTable>): Promise<void> {
    await this.db.updateTable('notices').set(set).where('id', '=', id).execute();
  }

  /** The incident's "e-mail is our primary means of communication" declaration, if any. */
  async emailPrimary(incidentId: string): Promise<NoticeEmailPrimaryTable | undefined> {
    return this.db.selectFrom('notice_email_primary').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
  }

  async setEmailPrimary(row: NoticeEmailPrimaryTable): Promise<void> {
    const { incident_id: _, ...rest } = row;
    await this.db
      .insertInto('notice_email_primary')
      .values(row)
      .onConflict((oc) => oc.column('incident_id').doUpdateSet(rest))
      .execute();
  }
}
