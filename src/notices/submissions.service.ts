/**
 * Notices handed over by hand (issue 20 §4): a regulator, credit-bureau or media notice is
 * downloaded (PDF), submitted through the authority's portal, by letter or e-mail, and recorded
 * here with its date, channel and reference (portal receipt, letter reference). Recording it
 * meets the notice's obligations for the authority's jurisdiction — on time, or late with the reason
 * (GDPR Art. 33(1)).
 */
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { BadInputError } from '../platform/errors.js';
import { HttpError } from '../platform/http/problem.js';
import type { DraftsService } from './drafts.service.js';
import type { NoticeView, NoticesStore } from './notices.store.js';
import type { NoticeSubmissionsTable } from './notices.tables.js';

export interface SubmissionInput {
  submittedAt: string;
  channel: string;
  reference?: string | null;
  lateReason?: string | null;
}

export interface Submission {
  submittedAt: string;
  channel: string;
  reference: string | null;
  lateReason: string | null;
  recordedBy: string;
  recordedAt: string;
}

const view = (r: NoticeSubmissionsTable): Submission => ({ submittedAt: r.submitted_at, channel: r.channel, reference: r.reference, lateReason: r.late_reason, recordedBy: r.recorded_by, recordedAt: r.recorded_at });

export class SubmissionsService {
  constructor(
    private readonly s: NoticesStore,
    private readonly drafts: DraftsService,
  ) {}

  async get(p: Principal, id: string): Promise<Submission | null> {
    await this.s.mustGet(p, id);
    const r = await this.s.deps.db.selectFrom('notice_submissions').selectAll().where('notice_id', '=', id).executeTakeFirst();
    return r ? view(r) : null;
  }

  async record(p: Principal, id: string, input: SubmissionInput): Promise<NoticeView & { submission: Submission }> {
    const n = await this.s.mustGet(p, id, true);
    if (n.kind === 'individual') throw new BadInputError(`notice ${id} is an individual notice: it is sent (notices send), not recorded as submitted`);
    if (n.status === 'submitted') throw new HttpError(409, `notice ${id} is already recorded as submitted`);
    if (n.status !== 'approved') throw new HttpError(409, `notice ${id} is ${n.status}: it needs the legal and commander approvals before it is submitted`);
    const at = new Date(input.submittedAt);
    if (Number.isNaN(at.getTime())) throw new BadInputError('submittedAt: not a date');
    if (at.getTime() > this.s.now().getTime() + 5 * 60_000) throw new BadInputError('submittedAt: cannot be in the future');
    const channel = input.channel.trim();
    if (!channel) throw new BadInputError('channel: say how it was submitted (portal, letter, e-mail)');
    const met = { incidentId: n.incident_id, ruleIds: JSON.parse(n.rule_ids) as string[], at: at.toISOString(), noticeId: id, channel, reference: input.reference?.trim() || null, lateReason: input.lateReason?.trim() || null, requireLateReason: true, jurisdictions: [n.jurisdiction] };
    // A late submission without a reason is refused before anything changes.
    await this.s.deps.obligations?.check(met);
    const now = this.s.now().toISOString();
    const row: NoticeSubmissionsTable = { notice_id: id, submitted_at: met.at, channel, reference: met.reference, late_reason: met.lateReason, recorded_by: p.username, recorded_at: now };
    // The status, the submission row, its audit event and the obligations it meets commit together.
    await this.s.change(async (tx) => {
      if (!(await tx.notices.setStatus(id, ['approved'], 'submitted', now))) throw new HttpError(409, `notice ${id} changed meanwhile; reload and try again`);
      await tx.db.insertInto('notice_submissions').values(row).execute();
      await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.submitted', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { submittedAt: met.at, channel, reference: met.reference, lateReason: met.lateReason } }, tx.trx);
      await this.s.deps.obligations?.met(met, actorOf(p), tx.trx);
    });
    return { ...(await this.drafts.view(p, id)), submission: view(row) };
  }
}
