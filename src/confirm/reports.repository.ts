/** The outside reports' store (the only Kysely file of reports): reports and their quarantined attachments. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { type ConfirmDatabase, confirmDb, type OutsideReportsTable, type ReportAttachmentsTable } from './confirm.tables.js';
import { transact } from '../platform/db/transact.js';

export class ReportsRepository {
  readonly db: Kysely<ConfirmDatabase>;

  constructor(db: Kysely<Database> | Transaction<ConfirmDatabase>) {
    this.db = confirmDb(db as Kysely<Database>);
  }

  /** Runs `fn` in one transaction. */
  transaction<T>(fn: (repo: ReportsRepository) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new ReportsRepository(trx)));
  }

  async insertReport(row: OutsideReportsTable): Promise<void> {
    await this.db.insertInto('outside_reports').values(row).execute();
  }

  async insertAttachment(row: ReportAttachmentsTable): Promise<void> {
    await this.db.insertInto('report_attachments').values(row).execute();
  }

  async setAlert(id: string, alertId: string): Promise<void> {
    await this.db.updateTable('outside_reports').set({ alert_id: alertId }).where('id', '=', id).execute();
  }

  /** The newest reports' ids, newest first. */
  async latestIds(limit: number): Promise<string[]> {
    return (await this.db.selectFrom('outside_reports').select('id').orderBy('id', 'desc').limit(limit).execute()).map((r) => r.id);
  }

  report(id: string): Promise<OutsideReportsTable | undefined> {
    return this.db.selectFrom('outside_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The reports behind these alerts (id order). */
  reportsOfAlerts(alertIds: string[]): Promise<Array<Pick<OutsideReportsTable, 'id' | 'reference'>>> {
    return this.db.selectFrom('outside_reports').select(['id', 'reference']).where('alert_id', 'in', alertIds).orderBy('id').execute();
  }

  /** A report's attachments with their contents (id order). */
  attachmentsOf(reportId: string): Promise<ReportAttachmentsTable[]> {
    return this.db.selectFrom('report_attachments').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
  }

  /** A report's attachments without their contents. */
  attachmentListOf(reportId: string): Promise<Array<Pick<ReportAttachmentsTable, 'id' | 'name_enc' | 'sha256' | 'size'>>> {
    return this.db.selectFrom('report_attachments').select(['id', 'name_enc', 'sha256', 'size']).where('report_id', '=', reportId).execute();
  }

  attachment(reportId: string, attachmentId: string): Promise<ReportAttachmentsTable | undefined> {
    return this.db.selectFrom('report_attachments').selectAll().where('id', '=', attachmentId).where('report_id', '=', reportId).executeTakeFirst();
  }
}
