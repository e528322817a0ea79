/** The approval workflow of a notice: review, then the legal and the commander approvals. */
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { ForbiddenError, HttpError } from '../platform/http/problem.js';
import type { DraftsService } from './drafts.service.js';
import type { DraftResult } from './drafting.js';
import type { NoticeView, NoticesStore } from './notices.store.js';

export class ApprovalService {
  constructor(
    private readonly s: NoticesStore,
    private readonly drafts: DraftsService,
  ) {}

  /** Moves a draft to review (optional: the first approval does it too). */
  async submit(p: Principal, id: string): Promise<NoticeView> {
    const n = await this.s.mustGet(p, id, true);
    await this.s.change(async (tx) => {
      if (!(await tx.notices.setStatus(id, ['draft'], 'review', this.s.now().toISOString()))) throw new HttpError(409, `notice ${id} is ${n.status}, not draft`);
      await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.submit', subjectType: 'notice', subjectId: id, incidentId: n.incident_id }, tx.trx);
    });
    return this.drafts.view(p, id);
  }

  /**
   * Approval needs a legal member (org role `legal`, or incident role legal_counsel/dpo) AND the
   * incident commander, two different people, each on their own credentials. A draft with any
   * problem is refused, naming each missing item.
   */
  async approve(p: Principal, id: string): Promise<NoticeView> {
    const n = await this.s.mustGet(p, id);
    if (!['draft', 'review'].includes(n.status)) throw new HttpError(409, `notice ${id} is already ${n.status}`);
    const v = (await this.s.notices.version(id, n.current_version))!;
    const problems = JSON.parse(v.problems_json) as DraftResult['problems'];
    if (problems.length) {
      throw new HttpError(422, `cannot approve notice ${id} v${v.version}: ${problems.map((x) => x.message).join('; ')}`);
    }
    // Checked again against today's date and the deadline as tracked now (drafts.service.ts).
    const since = await this.drafts.problemsToday(n, problems);
    if (since.length) throw new HttpError(422, `cannot approve notice ${id} v${v.version}: since it was drafted, ${since.join('; ')} — revise it`);
    const role = await this.s.deps.access.incidentRole(p, n.incident_id);
    const existing = await this.s.notices.approvals(id, v.version);
    const isCommander = role === 'commander';
    const isLegalMember = role !== null && (p.roles.includes('legal') || role === 'legal_counsel' || role === 'dpo');
    const has = (c: string) => existing.some((a) => a.capacity === c);
    let capacity: 'commander' | 'legal' | null = null;
    if (isCommander && !has('commander')) capacity = 'commander';
    else if (isLegalMember && !has('legal')) capacity = 'legal';
    if (!capacity) {
      if (!isCommander && !isLegalMember) throw new ForbiddenError('approving a notice needs a legal member of the incident or its commander');
      throw new HttpError(409, 'your approval is already recorded; the other approver must approve');
    }
    // Four eyes (issue 20 §5): whoever drafted the notice does not approve it.
    if (n.created_by === p.userId) throw new ForbiddenError('the drafter of a notice cannot approve it: the incident commander and a legal member other than the drafter approve');
    if (existing.some((a) => a.user_id === p.userId)) throw new HttpError(409, 'the legal and the commander approvals must come from two different people');
    const at = this.s.now().toISOString();
    await this.s.change(async (tx) => {
      const r = await tx.notices.approve({ notice_id: id, version: v.version, capacity, user_id: p.userId, user_name: p.username, content_hash: v.content_hash, approved_at: at }, ['legal', 'commander']);
      await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.approve', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { capacity, version: v.version, contentHash: v.content_hash, approved: r.approved, satisfies: JSON.parse(n.rule_ids) } }, tx.trx);
    });
    return this.drafts.view(p, id);
  }
}
