/**
 * The post-incident review: summary, the timeline entries chosen for it, root causes linked to
 * remediation items, what went well and what did not, action items (tasks of the incident, phase
 * `learn`, with owners and due dates) and proposed response-plan changes that an admin accepts
 * into a new plan version. Privileged notes (attorney–client) are returned only to those who may
 * see privileged material and never copied into the audit trail.
 */
import { randomUUID } from 'node:crypto';
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import { isAdmin, type Principal } from '../platform/auth/roles.js';
import { BadInputError } from '../platform/errors.js';
import { ForbiddenError, HttpError, NotFoundError } from '../platform/http/problem.js';
import type { LearnPorts } from './learn.ports.js';
import type { LearnRepository } from './learn.repository.js';
import type { Proposal, Review, ReviewInput } from './learn.schema.js';
import type { LearnPlanProposalsTable, LearnReviewsTable } from './learn.tables.js';
import { planDiff } from './plan-diff.js';

const parse = <T>(json: string): T => JSON.parse(json) as T;

export class ReviewService {
  private readonly now: () => Date;

  constructor(private readonly d: { repo: LearnRepository; audit: AuditService; ports: LearnPorts; now?: () => Date }) {
    this.now = d.now ?? (() => new Date());
  }

  private async toProposal(r: LearnPlanProposalsTable): Promise<Proposal> {
    const base = await this.d.ports.plan.version(r.base_version);
    return {
      id: r.id,
      incidentId: r.incident_id,
      title: r.title,
      rationale: r.rationale,
      baseVersion: r.base_version,
      status: r.status as Proposal['status'],
      acceptedVersion: r.accepted_version,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      createdBy: r.created_by,
      createdAt: r.created_at,
      diff: planDiff(base, { label: `proposal: ${r.title}`, yaml: r.yaml }),
    };
  }

  /** The review as the caller may see it (privileged notes only for legal). */
  async get(p: Principal, incidentId: string, opts: { withPrivileged?: boolean } = {}): Promise<Review> {
    const { access, incidents } = this.d.ports;
    await access.assertCanRead(p, incidentId);
    const privileged = (opts.withPrivileged ?? true) && (await access.canSeePrivileged(p, incidentId));
    const [row, timeline, tasks, proposals] = await Promise.all([
      this.d.repo.getReview(incidentId),
      incidents.timeline(incidentId),
      incidents.tasks(incidentId),
      this.d.repo.listProposals(incidentId),
    ]);
    const chosen = new Set(row ? parse<string[]>(row.timeline_ids) : []);
    const actionIds = row ? parse<string[]>(row.action_task_ids) : [];
    const byTask = new Map(tasks.map((t) => [t.id, t]));
    return {
      incidentId,
      summary: row?.summary ?? '',
      timelineIds: [...chosen],
      timeline: timeline.filter((e) => chosen.has(e.id)).map((e) => ({ id: e.id, at: e.at, kind: e.kind, actor: e.actor, text: e.text })),
      rootCauses: row ? parse(row.root_causes) : [],
      wentWell: row?.went_well ?? '',
      wentBadly: row?.went_badly ?? '',
      actionItems: actionIds
        .map((id) => byTask.get(id))
        .filter((t) => !!t)
        .map((t) => ({ taskId: t.id, title: t.title, status: t.status, assigneeId: t.assigneeId, dueAt: t.dueAt })),
      privilegedNotes: privileged ? (row?.privileged_notes ?? '') : null,
      proposals: await Promise.all(proposals.map((r) => this.toProposal(r))),
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  async save(p: Principal, incidentId: string, input: ReviewInput): Promise<Review> {
    const { access, incidents } = this.d.ports;
    await access.assertCanWrite(p, incidentId);
    if (input.privilegedNotes !== undefined && !(await access.canSeePrivileged(p, incidentId))) {
      throw new ForbiddenError('privilegedNotes: only legal (or the incident’s legal counsel/DPO) may write privileged notes');
    }
    const before = await this.d.repo.getReview(incidentId);
    if (input.timelineIds?.length) {
      const known = new Set((await incidents.timeline(incidentId)).map((e) => e.id));
      const unknown = input.timelineIds.find((x) => !known.has(x));
      if (unknown) throw new BadInputError(`timelineIds: ${unknown} is not an entry of this incident's timeline`);
    }
    if (input.rootCauses?.length) {
      const tasks = new Set((await incidents.tasks(incidentId)).map((t) => t.id));
      for (const [i, rc] of input.rootCauses.entries()) {
        const unknown = rc.remediationTaskIds.find((x) => !tasks.has(x));
        if (unknown) throw new BadInputError(`rootCauses.${i}.remediationTaskIds: ${unknown} is not a task of this incident`);
      }
    }
    const now = this.now().toISOString();
    const row: LearnReviewsTable = {
      incident_id: incidentId,
      summary: input.summary ?? before?.summary ?? '',
      timeline_ids: input.timelineIds ? JSON.stringify([...new Set(input.timelineIds)]) : (before?.timeline_ids ?? '[]'),
      root_causes: input.rootCauses ? JSON.stringify(input.rootCauses) : (before?.root_causes ?? '[]'),
      went_well: input.wentWell ?? before?.went_well ?? '',
      went_badly: input.wentBadly ?? before?.went_badly ?? '',
      action_task_ids: before?.action_task_ids ?? '[]',
      privileged_notes: input.privilegedNotes ?? before?.privileged_notes ?? '',
      updated_by: p.username,
      created_at: before?.created_at ?? now,
      updated_at: now,
    };
    // The audit names what changed; privileged text stays out of the (widely readable) trail.
    const changed = Object.keys(input).filter((k) => input[k as keyof ReviewInput] !== undefined);
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.upsertReview(row, !!before);
      await this.d.audit.record({ actor: actorOf(p), action: 'review.updated', subjectType: 'review', subjectId: incidentId, incidentId, after: { changed } }, trx);
    });
    return this.get(p, incidentId);
  }

  /** An action item: a task of the incident (phase `learn`) with an owner and due date. */
  async addAction(p: Principal, incidentId: string, input: { title: string; assigneeId?: string; dueAt?: string; notes?: string }): Promise<Review> {
    await this.d.ports.access.assertCanWrite(p, incidentId);
    const task = await this.d.ports.incidents.createTask(p, incidentId, input);
    await this.d.repo.transaction(async (repo, trx) => {
      const cur = await repo.getReview(incidentId);
      const now = this.now().toISOString();
      const ids = [...(cur ? parse<string[]>(cur.action_task_ids) : []), task.id];
      const row: LearnReviewsTable = cur
        ? { ...cur, action_task_ids: JSON.stringify(ids), updated_by: p.username, updated_at: now }
        : { incident_id: incidentId, summary: '', timeline_ids: '[]', root_causes: '[]', went_well: '', went_badly: '', action_task_ids: JSON.stringify(ids), privileged_notes: '', updated_by: p.username, created_at: now, updated_at: now };
      await repo.upsertReview(row, !!cur);
      await this.d.audit.record({ actor: actorOf(p), action: 'review.action_added', subjectType: 'review', subjectId: incidentId, incidentId, after: { taskId: task.id, title: task.title, dueAt: task.dueAt } }, trx);
    });
    return this.get(p, incidentId);
  }

  async propose(p: Principal, incidentId: string, input: { title: string; rationale: string; yaml: string }): Promise<Proposal> {
    await this.d.ports.access.assertCanWrite(p, incidentId);
    this.d.ports.plan.check(input.yaml);
    const base = await this.d.ports.plan.current();
    if (base.yaml === input.yaml) throw new BadInputError('yaml: the proposal is the same as the current plan');
    const row: LearnPlanProposalsTable = {
      id: randomUUID(),
      incident_id: incidentId,
      title: input.title,
      rationale: input.rationale,
      yaml: input.yaml,
      base_version: base.version,
      status: 'proposed',
      accepted_version: null,
      decided_by: null,
      decided_at: null,
      created_by: p.username,
      created_at: this.now().toISOString(),
    };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertProposal(row);
      await this.d.audit.record({ actor: actorOf(p), action: 'plan.change_proposed', subjectType: 'plan_proposal', subjectId: row.id, incidentId, after: { title: row.title, baseVersion: row.base_version } }, trx);
    });
    return this.toProposal(row);
  }

  /** An admin accepts (a new plan version is stored) or rejects a proposed plan change. */
  async decide(p: Principal, proposalId: string, decision: 'accept' | 'reject', reason?: string): Promise<Proposal> {
    if (!isAdmin(p)) throw new ForbiddenError('only an admin changes the response plan');
    const r = await this.d.repo.getProposal(proposalId);
    if (!r) throw new NotFoundError('plan proposal');
    if (r.status !== 'proposed') throw new HttpError(409, `the proposal was already ${r.status}`);
    let accepted: number | null = null;
    if (decision === 'accept') {
      const cur = await this.d.ports.plan.current();
      // Accepting a proposal based on an older version would silently undo the changes made since.
      if (cur.version !== r.base_version) throw new HttpError(409, `the proposal is based on plan version ${r.base_version}, the plan is now at version ${cur.version}: propose it again on the current plan`);
      accepted = (await this.d.ports.plan.save(p, r.yaml)).version;
    }
    const set = { status: decision === 'accept' ? 'accepted' : 'rejected', accepted_version: accepted, decided_by: p.username, decided_at: this.now().toISOString() };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.updateProposal(proposalId, set);
      await this.d.audit.record(
        { actor: actorOf(p), action: `plan.change_${set.status}`, subjectType: 'plan_proposal', subjectId: proposalId, incidentId: r.incident_id, after: { title: r.title, acceptedVersion: accepted, reason: reason ?? null } },
        trx,
      );
    });
    return this.toProposal({ ...r, ...set });
  }

  async diff(fromVersion: number, toVersion: number): Promise<string> {
    const [a, b] = await Promise.all([this.d.ports.plan.version(fromVersion), this.d.ports.plan.version(toVersion)]);
    return planDiff(a, { label: `plan v${b.version}`, yaml: b.yaml });
  }
}
