/**
 * Obligations met by notices (issue 20 §4): a sent notice, or a regulator submission recorded
 * with its date, channel and reference, marks the tracked obligations of its rules met — on time,
 * or late with the reason — and stops their countdown (status `done`). GDPR Art. 33(1) asks for
 * "the reasons for the delay" of a late notification; a submission recorded late must carry one.
 */
import type { Kysely } from 'kysely';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/schema.js';
import { BadInputError } from '../../platform/errors.js';
import type { IncidentObligationsTable, TrackingDatabase } from './tracking.tables.js';

/** How a tracked obligation was met; stored as `met_json`. */
export interface MetRecord {
  at: string;
  noticeId: string;
  /** email, post, portal, letter, email-to-authority, … */
  channel: string;
  /** Portal receipt, letter reference, or the campaign's counts. */
  reference: string | null;
  late: boolean;
  lateReason: string | null;
}

export interface MetEvent {
  incidentId: string;
  ruleIds: string[];
  at: string;
  noticeId: string;
  channel: string;
  reference?: string | null;
  lateReason?: string | null;
  /** A person records it: a late one without a reason is refused (a campaign finishing is not asked). */
  requireLateReason: boolean;
}

export class ObligationsMetService {
  private readonly db: Kysely<TrackingDatabase>;

  constructor(
    db: Kysely<Database>,
    private readonly audit: AuditService,
  ) {
    this.db = db as unknown as Kysely<TrackingDatabase>;
  }

  private rows(incidentId: string, ruleIds: string[]): Promise<IncidentObligationsTable[]> {
    if (!ruleIds.length) return Promise.resolve([]);
    return this.db.selectFrom('incident_obligations').selectAll().where('incident_id', '=', incidentId).where('rule_id', 'in', ruleIds).execute();
  }

  /** Refuses (400) before anything changes when the event is late and a reason is required but missing. */
  async check(e: MetEvent): Promise<void> {
    if (!e.requireLateReason || e.lateReason?.trim()) return;
    for (const r of await this.rows(e.incidentId, e.ruleIds))
      if (r.deadline && e.at > r.deadline)
        throw new BadInputError(`lateReason: ${e.at} is after the deadline of ${r.rule_id} (${r.deadline}); say why the notification is late (GDPR Art. 33(1))`);
  }

  /** Marks the obligations of the notice's rules met; returns how many tracked items it closed. */
  async met(e: MetEvent, actor: Actor): Promise<number> {
    await this.check(e);
    const rows = await this.rows(e.incidentId, e.ruleIds);
    const iso = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const late = !!r.deadline && e.at > r.deadline;
        const record: MetRecord = { at: e.at, noticeId: e.noticeId, channel: e.channel, reference: e.reference ?? null, late, lateReason: e.lateReason?.trim() || null };
        const reason = `met by ${e.channel}${record.reference ? ` (${record.reference})` : ''} on ${e.at}${late ? ` — late${record.lateReason ? `: ${record.lateReason}` : ''}` : ' — on time'}`;
        await trx.updateTable('incident_obligations').set({ status: 'done', status_reason: reason, met_json: JSON.stringify(record), updated_at: iso }).where('id', '=', r.id).execute();
        await this.audit.record(
          { actor, action: 'obligation.met', subjectType: 'obligation', subjectId: r.id, incidentId: e.incidentId, before: { status: r.status }, after: { ...record, rule: r.rule_id, jurisdiction: r.jurisdiction } },
          trx,
        );
      }
    });
    return rows.length;
  }

  /** One line per met obligation of each incident, for the breach register (oldest first). */
  async notifications(incidentIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!incidentIds.length) return out;
    const rows = await this.db.selectFrom('incident_obligations').selectAll().where('incident_id', 'in', incidentIds).where('met_json', 'is not', null).execute();
    const lines = rows
      .map((r) => ({ r, m: JSON.parse(r.met_json!) as MetRecord }))
      .sort((a, b) => a.m.at.localeCompare(b.m.at))
      .map(({ r, m }) => [r.incident_id, `${m.at} ${r.recipient} ${r.jurisdiction} (${r.rule_id}) by ${m.channel}${m.reference ? ` ref ${m.reference}` : ''}${m.late ? ` late${m.lateReason ? `: ${m.lateReason}` : ''}` : ' on time'}`] as const);
    for (const [id, line] of lines) out.set(id, [...(out.get(id) ?? []), line]);
    return out;
  }
}
