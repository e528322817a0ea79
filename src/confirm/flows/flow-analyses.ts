/**
 * Finished flow analyses, kept in the store (issue 18 audit): the report of an exfiltration
 * analysis is evidence for the incident, but pg-boss archives a completed job after 12 h and
 * deletes it after 7 days, so a report kept only as the job's result silently disappeared on
 * PostgreSQL. The report names hosts and IP addresses — personal data (GDPR Art. 4(1), CJEU
 * C-582/14 Breyer) — so it is sealed with the keyring (DESIGN.md §4) and the job's own result
 * holds counts only, nothing personal in the queue's table.
 */
import type { Kysely } from 'kysely';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Keyring } from '../../platform/crypto/keyring.js';
import type { Database } from '../../platform/db/schema.js';
import { confirmDb } from '../confirm.tables.js';
import type { FlowReport } from './analyse.js';

export type StoredReport = FlowReport & { raised: number };

export interface FlowAnalysis {
  id: string;
  status: string;
  error: string | null;
  report: StoredReport | null;
  name: string;
  size: number | null;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export class FlowAnalyses {
  private readonly db;

  constructor(
    db: Kysely<Database>,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
  ) {
    this.db = confirmDb(db);
  }

  private ctx(id: string, what: string): string {
    return `flow-analysis:${id}:${what}`;
  }

  async started(id: string, name: string, size: number, actor: Actor): Promise<void> {
    const at = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('flow_analyses')
        .values({ id, status: 'queued', error: null, name_enc: this.keyring.encrypt(name, this.ctx(id, 'name')), size, started_by: actor.id, started_at: at, finished_at: null, report_enc: null })
        .execute();
      await this.audit.record({ actor, action: 'flow_analysis.started', subjectType: 'flow_analysis', subjectId: id, after: { size } }, trx);
    });
  }

  /** The report, sealed, before the job is marked done: a reader never sees a done job without it. */
  async completed(id: string, report: StoredReport, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('flow_analyses')
        .set({ status: 'done', error: null, report_enc: this.keyring.encryptJson(report, this.ctx(id, 'report')), finished_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
      const after = { findings: report.findings.length, raised: report.raised, skipped: report.skipped };
      await this.audit.record({ actor, action: 'flow_analysis.completed', subjectType: 'flow_analysis', subjectId: id, after }, trx);
    });
  }

  /** The last attempt failed. */
  async failed(id: string, error: string): Promise<void> {
    await this.db.updateTable('flow_analyses').set({ status: 'failed', error, finished_at: new Date().toISOString() }).where('id', '=', id).execute();
  }

  async get(id: string): Promise<FlowAnalysis | null> {
    const r = await this.db.selectFrom('flow_analyses').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      status: r.status,
      error: r.error,
      report: r.report_enc ? this.keyring.decryptJson<StoredReport>(r.report_enc, this.ctx(id, 'report')) : null,
      name: this.keyring.decrypt(r.name_enc, this.ctx(id, 'name')),
      size: r.size,
      startedBy: r.started_by,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
    };
  }
}
