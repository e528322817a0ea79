/**
 * Use cases of the incident workspace: incidents and their life cycle, the response plan and
 * tasks, members, timeline, decisions, breach register and observables. Every change is
 * audited with `incidentId` set, in the same transaction as the change, so the timeline
 * (built from the audit trail) misses nothing. Access checks happen in the routes through
 * IncidentAccess; methods taking a Principal use it only for visibility filters and actors.
 */
import type { AuditService } from '../platform/audit/audit.service.js';
import { type AccountsService, actorOf } from '../platform/auth/accounts.service.js';
import { canLead, canUnmask, isAdmin, type Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { Database } from '../platform/db/schema.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { BadInputError, UserError } from '../platform/errors.js';
import { ForbiddenError, HttpError, NotFoundError } from '../platform/http/problem.js';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { assertCanGrant, type IncidentRole, incidentRoleOf } from './incident-access.js';
import { canTransition, TRANSITIONS, transitionEffects } from './incident-status.js';
import type {
  CreateDecisionInput,
  CreateIncidentInput,
  CreateTaskInput,
  Decision,
  Incident,
  IncidentStatus,
  Observable,
  ObservableKind,
  Phase,
  RegisterEntry,
  Task,
  TimelineEntry,
  TransitionInput,
  UpdateIncidentInput,
  UpdateTaskInput,
} from './incidents.schema.js';
import { type IncidentsRepository, newId } from './incidents.repository.js';
import type { IncidentsDatabase, IncidentsTable, IncidentTasksTable, ObservablesTable } from './incidents.tables.js';
import type { Notifier, ReminderMessage } from './notifier.js';
import { isPersonalKind, maskObservable, normaliseObservable } from './observables.js';
import { type Anchor, type Anchors, computeDue, loadDefaultPlanYaml, type Plan, parsePlan, seedTasks } from './response-plan.js';
import { auditToEntries, compareEntries, mergeTimeline } from './timeline.js';
import { taskLink } from './task-link.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface IncidentsServiceOptions {
  publicUrl: string;
  notifier?: Notifier | null;
  now?: () => Date;
}

const iso = (s: string) => new Date(s).toISOString();
function anchorsOf(i: Pick<Incident, 'awareAt' | 'detectedAt' | 'containedAt' | 'closedAt'>): Anchors {
  return { awareAt: i.awareAt, detectedAt: i.detectedAt, containedAt: i.containedAt, closedAt: i.closedAt };
}

export class IncidentsService {
  private readonly now: () => Date;
  private readonly planCache = new Map<number, Plan>();
  /**
   * The next open legal deadline per incident; the composition root sets it to the
   * obligation tracker's answer (the workspace itself knows no law).
   */
  nextDeadlines: (incidentIds: string[]) => Promise<Map<string, string>> = async () => new Map();

  constructor(
    readonly repo: IncidentsRepository,
    private readonly audit: AuditService,
    private readonly keyring: Keyring,
    private readonly accounts: AccountsService,
    private readonly opts: IncidentsServiceOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  private trx<T>(fn: (t: Transaction<IncidentsDatabase>) => Promise<T>): Promise<T> {
    return this.repo.transaction(fn);
  }

  private record(t: Transaction<IncidentsDatabase>, p: Principal | null, e: { action: string; subjectType: string; subjectId: string; incidentId: string; before?: unknown; after?: unknown }) {
    const actor = p ? actorOf(p) : { type: 'system' as const, id: null, name: 'system' };
    return this.audit.record({ ...e, actor }, t as unknown as Transaction<Database>);
  }

  // --- response plan -----------------------------------------------------------------------

  /**
   * The organisation's current plan; the shipped default becomes version 1 on first use. Seeded
   * outside any caller transaction so that a lost race (another process seeded first) does not
   * abort the caller's transaction on PostgreSQL.
   */
  async currentPlan(t?: Transaction<IncidentsDatabase>): Promise<{ version: number; yaml: string }> {
    const latest = await this.repo.latestPlan(t);
    if (latest) return latest;
    if (t) throw new Error('response plan not seeded: call currentPlan() before the transaction');
    const yaml = loadDefaultPlanYaml();
    parsePlan(yaml, 'default-plan.yaml');
    const row = { version: 1, yaml, created_by: 'system', created_at: this.now().toISOString() };
    try {
      await this.repo.insertPlan(this.repo.db, row);
    } catch (e) {
      const again = await this.repo.latestPlan();
      if (again) return again;
      throw e;
    }
    return row;
  }

  /** Plan versions never change once stored, so each is parsed once per process. */
  private parsedPlan(plan: { version: number; yaml: string }): Plan {
    let parsed = this.planCache.get(plan.version);
    if (!parsed) {
      parsed = parsePlan(plan.yaml, `plan version ${plan.version}`);
      this.planCache.set(plan.version, parsed);
    }
    return parsed;
  }

  async planVersion(version: number): Promise<{ version: number; yaml: string; createdBy: string; createdAt: string }> {
    if (version === 1) await this.currentPlan();
    const r = await this.repo.findPlan(version);
    if (!r) throw new NotFoundError(`plan version ${version}`);
    return { version: r.version, yaml: r.yaml, createdBy: r.created_by, createdAt: r.created_at };
  }

  async listPlanVersions() {
    await this.currentPlan();
    return (await this.repo.listPlans()).map((r) => ({ version: r.version, createdBy: r.created_by, createdAt: r.created_at }));
  }

  /** Stores a new plan version (admin); running incidents keep theirs. */
  async savePlan(p: Principal, yaml: string): Promise<{ version: number }> {
    const plan = parsePlan(yaml);
    const cur = await this.currentPlan();
    const version = cur.version + 1;
    const save = this.trx(async (t) => {
      await this.repo.insertPlan(t, { version, yaml, created_by: p.userId, created_at: this.now().toISOString() });
      await this.audit.record(
        { actor: actorOf(p), action: 'plan.saved', subjectType: 'response_plan', subjectId: String(version), after: { version, name: plan.name } },
        t as unknown as Transaction<Database>,
      );
      return { version };
    });
    try {
      return await save;
    } catch (e) {
      // Checked after the rollback (SQLite has a single connection while a transaction is open).
      if (await this.repo.findPlan(version)) throw new HttpError(409, `plan version ${version} was saved by someone else meanwhile; review it and save again`);
      throw e;
    }
  }

  // --- incidents ---------------------------------------------------------------------------

  /** Legal clocks run from real moments: a time in the future (beyond clock skew) is a typo. */
  private assertNotFuture(field: string, at: string): void {
    if (Date.parse(at) > this.now().getTime() + 5 * 60_000) throw new BadInputError(`${field}: cannot be in the future`);
  }

  async create(p: Principal, input: CreateIncidentInput): Promise<Incident> {
    const now = this.now().toISOString();
    const awareAt = input.awareAt ? iso(input.awareAt) : now;
    const detectedAt = input.detectedAt ? iso(input.detectedAt) : null;
    if (detectedAt && detectedAt > awareAt) throw new BadInputError('detectedAt: cannot be after awareAt (awareness follows detection)');
    this.assertNotFuture('awareAt', awareAt);
    await this.currentPlan();
    return this.trx(async (t) => {
      const plan = await this.currentPlan(t);
      const row: IncidentsTable = {
        id: newId(),
        title: input.title,
        summary: input.summary ?? '',
        status: input.status ?? 'suspected',
        dismissed_reason: null,
        severity: input.severity ?? 'medium',
        categories: JSON.stringify(input.categories ?? ['confidentiality']),
        detected_at: detectedAt,
        aware_at: awareAt,
        contained_at: null,
        closed_at: null,
        plan_version: plan.version,
        facts: '',
        effects: '',
        remedial_action: '',
        created_by: p.userId,
        created_at: now,
        updated_at: now,
      };
      await this.repo.insertIncident(t, row);
      await this.repo.upsertMember(t, row.id, p.userId, 'commander', p.userId, now);
      const tasks = seedTasks(this.parsedPlan(plan), { awareAt, detectedAt, containedAt: null, closedAt: null });
      await this.repo.insertTasks(
        t,
        tasks.map((s) => ({
          id: newId(),
          incident_id: row.id,
          position: s.position,
          phase: s.phase,
          task_key: s.key,
          title: s.title,
          owner_role: s.ownerRole,
          assignee_id: null,
          status: 'open',
          anchor: s.anchor,
          offset_minutes: s.offsetMinutes,
          due_at: s.dueAt,
          notes: '',
          checklist: JSON.stringify(s.checklist),
          reminded_at: null,
          created_at: now,
          updated_at: now,
        })),
      );
      const incident = (await this.repo.findIncident(row.id, t))!;
      await this.record(t, p, {
        action: 'incident.created',
        subjectType: 'incident',
        subjectId: row.id,
        incidentId: row.id,
        after: { title: incident.title, status: incident.status, severity: incident.severity, awareAt, detectedAt, planVersion: plan.version, tasks: tasks.length },
      });
      return incident;
    });
  }

  async get(id: string): Promise<Incident> {
    const i = await this.repo.findIncident(id);
    if (!i) throw new NotFoundError('incident');
    return i;
  }

  async roleOf(p: Principal, incidentId: string): Promise<IncidentRole | null> {
    return incidentRoleOf(this.repo.db, p, incidentId);
  }

  /** Leading an incident: admins, org incident commanders, or the incident's own commander. */
  async assertCanLead(p: Principal, incidentId: string): Promise<void> {
    if (canLead(p)) return;
    if ((await this.roleOf(p, incidentId)) === 'commander') return;
    throw new ForbiddenError('this needs the incident commander (org role incident_commander or incident role commander)');
  }

  async list(p: Principal, q: { cursor?: string; limit: number; status?: IncidentStatus }): Promise<Page<Incident>> {
    const before = decodeCursor(q.cursor, z.string());
    const rows = await this.repo.listIncidents({ memberId: isAdmin(p) ? null : p.userId, status: q.status, before, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const deadlines = await this.nextDeadlines(page.map((i) => i.id));
    const items = page.map((i) => ({ ...i, nextDeadline: deadlines.get(i.id) ?? null }));
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null };
  }

  async update(p: Principal, id: string, input: UpdateIncidentInput): Promise<Incident> {
    return this.trx(async (t) => {
      // Lock first, then read: concurrent changes of one incident apply one after the other.
      await this.repo.lockIncident(t, id);
      const cur = await this.repo.findIncident(id, t);
      if (!cur) throw new NotFoundError('incident');
      const set: Partial<IncidentsTable> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const change = <K extends keyof Incident>(key: K, col: keyof IncidentsTable, value: Incident[K] | undefined, stored: unknown = value) => {
        if (value === undefined || JSON.stringify(value) === JSON.stringify(cur[key])) return;
        before[key] = cur[key];
        after[key] = value;
        (set as Record<string, unknown>)[col] = stored;
      };
      change('title', 'title', input.title);
      change('summary', 'summary', input.summary);
      change('severity', 'severity', input.severity);
      if (input.categories) change('categories', 'categories', input.categories, JSON.stringify(input.categories));
      change('detectedAt', 'detected_at', input.detectedAt === undefined ? undefined : input.detectedAt && iso(input.detectedAt));
      change('containedAt', 'contained_at', input.containedAt === undefined ? undefined : input.containedAt && iso(input.containedAt));
      change('facts', 'facts', input.facts);
      change('effects', 'effects', input.effects);
      change('remedialAction', 'remedial_action', input.remedialAction);
      const newAware = input.awareAt ? iso(input.awareAt) : undefined;
      const awareChanged = newAware !== undefined && newAware !== cur.awareAt;
      if (awareChanged && !input.awareAtReason) {
        throw new BadInputError('awareAtReason: changing awareAt moves every legal deadline (GDPR Art. 33(1)); say why');
      }
      if (newAware) this.assertNotFuture('awareAt', newAware);
      const detected = (set.detected_at !== undefined ? set.detected_at : cur.detectedAt) ?? null;
      if (detected && detected > (newAware ?? cur.awareAt)) throw new BadInputError('detectedAt: cannot be after awareAt');
      const now = this.now().toISOString();
      if (Object.keys(set).length) {
        await this.repo.updateIncident(t, id, { ...set, updated_at: now });
        await this.record(t, p, { action: 'incident.updated', subjectType: 'incident', subjectId: id, incidentId: id, before, after });
      }
      if (awareChanged) {
        await this.repo.updateIncident(t, id, { aware_at: newAware, updated_at: now });
        await this.record(t, p, {
          action: 'incident.aware_at_changed',
          subjectType: 'incident',
          subjectId: id,
          incidentId: id,
          before: { awareAt: cur.awareAt },
          after: { awareAt: newAware, reason: input.awareAtReason },
        });
      }
      const next = (await this.repo.findIncident(id, t))!;
      await this.recomputeDue(t, next, ['awareAt', 'detectedAt', 'containedAt'].filter((a) => next[a as Anchor] !== cur[a as Anchor]) as Anchor[]);
      return next;
    });
  }

  /** Re-dates open plan tasks whose anchor moved (manually dated tasks have no anchor). */
  private async recomputeDue(t: Transaction<IncidentsDatabase>, incident: Incident, moved: Anchor[]): Promise<void> {
    if (!moved.length) return;
    const anchors = anchorsOf(incident);
    for (const task of await this.repo.anchoredOpenTasks(t, incident.id)) {
      const anchor = task.anchor as Anchor;
      if (!moved.includes(anchor) && !(anchor === 'detectedAt' && moved.includes('awareAt'))) continue;
      const due = computeDue(anchors, anchor, task.offset_minutes === null ? null : Number(task.offset_minutes));
      if (due !== task.due_at) await this.repo.updateTask(t, task.id, { due_at: due, reminded_at: null });
    }
  }

  async transition(p: Principal, id: string, input: TransitionInput): Promise<Incident> {
    if (input.status === 'dismissed' && !input.reason) throw new BadInputError('reason: dismissing an incident needs a reason (it stays in the breach register)');
    if (['closed', 'dismissed'].includes(input.status)) await this.assertCanLead(p, id);
    return this.trx(async (t) => {
      // Lock first, then read: concurrent changes of one incident apply one after the other.
      await this.repo.lockIncident(t, id);
      const cur = await this.repo.findIncident(id, t);
      if (!cur) throw new NotFoundError('incident');
      if (!canTransition(cur.status, input.status)) {
        const allowed = TRANSITIONS[cur.status];
        throw new HttpError(409, `cannot move from ${cur.status} to ${input.status}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final)'}`);
      }
      const at = input.at ? iso(input.at) : this.now().toISOString();
      if (at < cur.awareAt && input.status !== 'suspected') throw new BadInputError('at: cannot be before awareAt');
      const fx = transitionEffects(cur, input.status, at, input.reason ?? null);
      await this.repo.updateIncident(t, id, {
        status: input.status,
        ...(fx.containedAt !== undefined ? { contained_at: fx.containedAt } : {}),
        ...(fx.closedAt !== undefined ? { closed_at: fx.closedAt } : {}),
        ...(fx.dismissedReason !== undefined ? { dismissed_reason: fx.dismissedReason } : {}),
        updated_at: this.now().toISOString(),
      });
      await this.record(t, p, {
        action: 'incident.status_changed',
        subjectType: 'incident',
        subjectId: id,
        incidentId: id,
        before: { status: cur.status },
        after: { status: input.status, at, reason: input.reason ?? null, ...fx },
      });
      const next = (await this.repo.findIncident(id, t))!;
      await this.recomputeDue(t, next, ['containedAt', 'closedAt'].filter((a) => next[a as Anchor] !== cur[a as Anchor]) as Anchor[]);
      return next;
    });
  }

  // --- members -----------------------------------------------------------------------------

  async listMembers(incidentId: string, q: { cursor?: string; limit: number }) {
    const after = decodeCursor(q.cursor, z.string());
    const rows = await this.repo.listMembers(incidentId, after, q.limit + 1);
    const items = rows.slice(0, q.limit).map((r) => ({
      incidentId: r.incident_id,
      userId: r.user_id,
      username: r.username ?? (r.user_id === 'cli' ? 'cli' : null),
      role: r.role as IncidentRole,
      addedBy: r.added_by,
      addedAt: r.added_at,
    }));
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.userId) : null };
  }

  async addMember(p: Principal, incidentId: string, input: { userId?: string; username?: string; role: IncidentRole }) {
    await this.assertCanLead(p, incidentId);
    const user = input.userId ? await this.accounts.getUser(input.userId) : await this.accounts.findUser(input.username!);
    if (!user || user.disabled) throw new NotFoundError('user');
    assertCanGrant(p, input.role, user);
    const now = this.now().toISOString();
    await this.trx(async (t) => {
      await this.repo.lockIncident(t, incidentId);
      const before = await incidentRoleOf(t as never, { ...p, userId: user.id }, incidentId);
      if (before === 'commander' && input.role !== 'commander') await this.assertAnotherCommander(t, incidentId, user.id);
      await this.repo.upsertMember(t, incidentId, user.id, input.role, p.userId, now);
      await this.record(t, p, {
        action: 'member.added',
        subjectType: 'incident_member',
        subjectId: user.id,
        incidentId,
        before: before ? { role: before } : undefined,
        after: { userId: user.id, username: user.username, role: input.role },
      });
    });
    return { incidentId, userId: user.id, username: user.username, role: input.role, addedBy: p.userId, addedAt: now };
  }

  /** An incident keeps at least one commander (issue 19 §5): checked inside the change's transaction. */
  private async assertAnotherCommander(t: Transaction<IncidentsDatabase>, incidentId: string, leaving: string): Promise<void> {
    const members = await this.repo.listMembers(incidentId, undefined, 500, t);
    if (!members.some((m) => m.role === 'commander' && m.user_id !== leaving)) {
      throw new HttpError(409, 'an incident keeps at least one commander: name another one first');
    }
  }

  async removeMember(p: Principal, incidentId: string, userId: string): Promise<void> {
    await this.assertCanLead(p, incidentId);
    await this.trx(async (t) => {
      const members = await this.repo.listMembers(incidentId, undefined, 500, t);
      const target = members.find((m) => m.user_id === userId);
      if (!target) throw new NotFoundError('member');
      if (target.role === 'commander') await this.assertAnotherCommander(t, incidentId, userId);
      await this.repo.removeMember(t, incidentId, userId);
      await this.record(t, p, { action: 'member.removed', subjectType: 'incident_member', subjectId: userId, incidentId, before: { userId, username: target.username, role: target.role } });
    });
  }

  // --- tasks -------------------------------------------------------------------------------

  async listTasks(
    incidentId: string,
    q: { cursor?: string; limit: number; view: 'all' | 'open' | 'dueSoon' | 'overdue'; phase?: Phase; withinHours: number },
  ): Promise<Page<Task>> {
    const now = this.now();
    const afterPosition = decodeCursor(q.cursor, z.number().int());
    const f = { incidentId, phase: q.phase, afterPosition, limit: q.limit + 1 } as Parameters<IncidentsRepository['listTasks']>[0];
    if (q.view !== 'all') f.openOnly = true;
    if (q.view === 'overdue') f.dueBefore = now.toISOString();
    if (q.view === 'dueSoon') {
      f.dueAfter = now.toISOString();
      f.dueBefore = new Date(now.getTime() + q.withinHours * 3_600_000).toISOString();
    }
    const rows = await this.repo.listTasks(f);
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.position) : null };
  }

  /** Overdue or due-soon tasks across the incidents the caller may see (optionally only theirs), in due order. */
  async dueTasks(p: Principal, q: { view: 'dueSoon' | 'overdue'; mine?: boolean; withinHours: number; cursor?: string; limit: number }): Promise<Page<Task>> {
    const now = this.now();
    const after = decodeCursor(q.cursor, z.object({ dueAt: z.string(), id: z.string() }));
    const rows = await this.repo.listDueTasks({
      memberId: isAdmin(p) ? null : p.userId,
      assigneeId: q.mine ? p.userId : undefined,
      dueAfter: q.view === 'dueSoon' ? now.toISOString() : undefined,
      dueBefore: q.view === 'overdue' ? now.toISOString() : new Date(now.getTime() + q.withinHours * 3_600_000).toISOString(),
      after,
      limit: q.limit + 1,
    });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ dueAt: last.dueAt, id: last.id }) : null };
  }

  async createTask(p: Principal, incidentId: string, input: CreateTaskInput): Promise<Task> {
    const now = this.now().toISOString();
    return this.trx(async (t) => {
      // Serialises concurrent task creation per incident (positions are unique per incident).
      await this.repo.lockIncident(t, incidentId);
      const position = (await this.repo.maxPosition(t, incidentId)) + 1;
      const row: IncidentTasksTable = {
        id: newId(),
        incident_id: incidentId,
        position,
        phase: input.phase,
        task_key: null,
        title: input.title,
        owner_role: input.ownerRole ?? null,
        assignee_id: input.assigneeId ?? null,
        status: 'open',
        anchor: null,
        offset_minutes: null,
        due_at: input.dueAt ? iso(input.dueAt) : null,
        notes: input.notes ?? '',
        checklist: JSON.stringify((input.checklist ?? []).map((text) => ({ text, done: false }))),
        reminded_at: null,
        created_at: now,
        updated_at: now,
      };
      await this.repo.insertTasks(t, [row]);
      await this.record(t, p, { action: 'task.created', subjectType: 'task', subjectId: row.id, incidentId, after: { title: row.title, phase: row.phase, dueAt: row.due_at } });
      return (await this.repo.findTask(incidentId, row.id, t))!;
    });
  }

  async updateTask(p: Principal, incidentId: string, taskId: string, input: UpdateTaskInput): Promise<Task> {
    if (input.assigneeId) {
      const u = await this.accounts.getUser(input.assigneeId);
      if (!u) throw new BadInputError('assigneeId: no such user');
      if (!isAdmin({ ...p, roles: u.roles }) && !(await this.roleOf({ ...p, userId: u.id }, incidentId))) {
        throw new BadInputError('assigneeId: the assignee must be a member of the incident (add them first)');
      }
    }
    return this.trx(async (t) => {
      const cur = await this.repo.findTask(incidentId, taskId, t);
      if (!cur) throw new NotFoundError('task');
      const set: Partial<IncidentTasksTable> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const change = (key: keyof Task, col: keyof IncidentTasksTable, value: unknown, stored: unknown = value) => {
        if (value === undefined || JSON.stringify(value) === JSON.stringify(cur[key])) return;
        before[key] = cur[key];
        after[key] = value;
        (set as Record<string, unknown>)[col] = stored;
      };
      change('title', 'title', input.title);
      change('status', 'status', input.status);
      change('assigneeId', 'assignee_id', input.assigneeId);
      change('notes', 'notes', input.notes);
      change('checklist', 'checklist', input.checklist, input.checklist && JSON.stringify(input.checklist));
      if (input.dueAt !== undefined) {
        const due = input.dueAt && iso(input.dueAt);
        change('dueAt', 'due_at', due);
        // A hand-set due time no longer follows the plan's anchor.
        if (set.due_at !== undefined) Object.assign(set, { anchor: null, offset_minutes: null, reminded_at: null });
      }
      if (!Object.keys(set).length) return cur;
      await this.repo.updateTask(t, taskId, { ...set, updated_at: this.now().toISOString() });
      await this.record(t, p, { action: 'task.updated', subjectType: 'task', subjectId: taskId, incidentId, before, after: { ...after, title: after.title ?? cur.title } });
      return (await this.repo.findTask(incidentId, taskId, t))!;
    });
  }

  /**
   * Sends reminders: once when an open task enters the due-soon window, once more when it
   * becomes overdue. Run periodically by the job queue. Returns how many were sent.
   */
  async sendDueReminders(now: Date = this.now(), windowHours = 24): Promise<{ sent: number; failed: number }> {
    const notifier = this.opts.notifier;
    if (!notifier) return { sent: 0, failed: 0 };
    const nowIso = now.toISOString();
    const rows = await this.repo.tasksForReminders(new Date(now.getTime() + windowHours * 3_600_000).toISOString());
    let sent = 0;
    let failed = 0;
    for (const r of rows) {
      const due = r.due_at!;
      const overdue = due <= nowIso;
      const kind = overdue ? (r.reminded_at === null || r.reminded_at < due ? 'task_overdue' : null) : r.reminded_at === null ? 'task_due_soon' : null;
      if (!kind) continue;
      const people = await this.reminderPeople(r.incident_id, r.assignee_id, r.owner_role);
      const message: ReminderMessage = {
        kind,
        incidentId: r.incident_id,
        incidentTitle: r.incident_title,
        task: { id: r.id, title: r.title, phase: r.phase, dueAt: due, status: r.status, ownerRole: r.owner_role },
        assignees: people.map((u) => u.username),
        recipients: people.map((u) => u.email),
        link: taskLink(this.opts.publicUrl, r.incident_id, r.id),
      };
      try {
        await notifier.notify(message);
        await this.repo.updateTask(this.repo.db, r.id, { reminded_at: nowIso });
        sent++;
      } catch {
        // Left unstamped: the next run retries.
        failed++;
      }
    }
    return { sent, failed };
  }

  /** The assignee; else the members holding the task's owner role; else the commanders. */
  private async reminderPeople(incidentId: string, assigneeId: string | null, ownerRole: string | null) {
    const ids: string[] = [];
    if (assigneeId) ids.push(assigneeId);
    else {
      const members = await this.repo.listMembers(incidentId);
      const owners = members.filter((m) => m.role === ownerRole);
      ids.push(...(owners.length ? owners : members.filter((m) => m.role === 'commander')).map((m) => m.user_id));
    }
    const users = await Promise.all(ids.map((id) => this.accounts.getUser(id)));
    return users.filter((u): u is NonNullable<typeof u> => !!u && !u.disabled);
  }

  // --- timeline ----------------------------------------------------------------------------

  /** Automatic (audit) and manual entries in event order. */
  async timeline(incidentId: string, filter: { kinds?: string[]; source?: 'audit' | 'manual' } = {}): Promise<TimelineEntry[]> {
    const events = [];
    let afterSeq: number | undefined;
    for (;;) {
      const batch = await this.audit.list({ incidentId, afterSeq, limit: 1000 });
      events.push(...batch);
      if (batch.length < 1000) break;
      afterSeq = batch[batch.length - 1]!.seq;
    }
    const manual: TimelineEntry[] = (await this.repo.listTimelineEntries(incidentId)).map((r) => ({
      id: r.id,
      source: 'manual',
      kind: r.kind,
      at: r.event_at,
      recordedAt: r.recorded_at,
      actor: r.actor_name,
      text: r.text,
      action: null,
    }));
    const audit = filter.source === 'manual' ? [] : auditToEntries(events);
    return mergeTimeline(audit, filter.source === 'audit' ? [] : manual, filter.kinds);
  }

  async timelinePage(incidentId: string, q: { cursor?: string; limit: number; kinds?: string[]; source?: 'audit' | 'manual' }): Promise<Page<TimelineEntry>> {
    const all = await this.timeline(incidentId, q);
    const after = decodeCursor(q.cursor, z.object({ at: z.string(), recordedAt: z.string(), id: z.string() }));
    const start = after ? all.findIndex((e) => compareEntries(e, { ...e, ...after }) > 0) : 0;
    const from = start < 0 ? all.length : start;
    const items = all.slice(from, from + q.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: from + q.limit < all.length && last ? encodeCursor({ at: last.at, recordedAt: last.recordedAt, id: last.id }) : null };
  }

  async addTimelineEntry(p: Principal, incidentId: string, input: { kind: string; at: string; text: string }): Promise<TimelineEntry> {
    const recordedAt = this.now().toISOString();
    const at = iso(input.at);
    if (at > recordedAt) throw new BadInputError('at: an event cannot be in the future');
    const id = newId();
    await this.trx(async (t) => {
      await this.repo.insertTimelineEntry(t, { id, incident_id: incidentId, kind: input.kind, event_at: at, recorded_at: recordedAt, text: input.text, actor_id: p.userId, actor_name: p.username });
      await this.record(t, p, { action: 'timeline.entry_added', subjectType: 'timeline_entry', subjectId: id, incidentId, after: { kind: input.kind, at } });
    });
    return { id, source: 'manual', kind: input.kind, at, recordedAt, actor: p.username, text: input.text, action: null };
  }

  // --- decisions ---------------------------------------------------------------------------

  async recordDecision(p: Principal, incidentId: string, input: CreateDecisionInput): Promise<Decision> {
    const now = this.now().toISOString();
    const id = newId();
    await this.trx(async (t) => {
      await this.repo.insertDecision(t, {
        id,
        incident_id: incidentId,
        kind: input.kind,
        value: input.value ?? null,
        what: input.what,
        why: input.why,
        decided_at: input.decidedAt ? iso(input.decidedAt) : now,
        decided_by_id: p.userId,
        decided_by_name: p.username,
        created_at: now,
      });
      await this.record(t, p, {
        action: 'decision.recorded',
        subjectType: 'decision',
        subjectId: id,
        incidentId,
        // `outcome`, not `value`: the audit redactor blanks keys ending in "value".
        after: { kind: input.kind, outcome: input.value ?? null, what: input.what },
      });
    });
    return (await this.repo.listDecisions(incidentId)).find((d) => d.id === id)!;
  }

  /** Every decision of an incident, oldest first (the obligations engine and post-mortem read these). */
  async listDecisions(incidentId: string): Promise<Decision[]> {
    return this.repo.listDecisions(incidentId);
  }

  async decisionsPage(incidentId: string, q: { cursor?: string; limit: number }): Promise<Page<Decision>> {
    const rows = await this.repo.listDecisions(incidentId, decodeCursor(q.cursor, z.string()), q.limit + 1);
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null };
  }

  // --- breach register (GDPR Art. 33(5)) ---------------------------------------------------

  /** Every incident the caller may see — notified or not, dismissed included — oldest first. */
  async register(p: Principal): Promise<RegisterEntry[]> {
    const incidents: Incident[] = [];
    let before: string | undefined;
    for (;;) {
      const batch = await this.repo.listIncidents({ memberId: isAdmin(p) ? null : p.userId, before, limit: 1000 });
      incidents.push(...batch);
      if (batch.length < 1000) break;
      before = batch[batch.length - 1]!.id;
    }
    incidents.reverse();
    const decisions = await this.repo.decisionsFor(incidents.map((i) => i.id));
    return incidents.map((i) => {
      const mine = decisions.filter((d) => d.incidentId === i.id);
      const risk = mine.filter((d) => d.kind === 'gdpr_risk').pop();
      return {
        incidentId: i.id,
        title: i.title,
        status: i.status,
        severity: i.severity,
        categories: i.categories,
        detectedAt: i.detectedAt,
        awareAt: i.awareAt,
        containedAt: i.containedAt,
        closedAt: i.closedAt,
        facts: i.facts || i.summary,
        effects: i.effects,
        remedialAction: i.remedialAction,
        gdprRisk: risk?.value ?? null,
        notificationDecisions: mine
          .filter((d) => ['no_notice', 'notify_authority', 'notify_individuals'].includes(d.kind))
          .map((d) => `${d.decidedAt} ${d.kind}${d.value ? ` (${d.value})` : ''}: ${d.what} — ${d.why}`),
      };
    });
  }

  // --- observables -------------------------------------------------------------------------

  private lookupOf(kind: ObservableKind, normalised: string): string {
    return isPersonalKind(kind) ? this.keyring.blindIndex(`observable:${kind}`, normalised) : normalised;
  }

  private toObservable(r: ObservablesTable, unmask: boolean): Observable {
    const kind = r.kind as ObservableKind;
    const plain = r.value_enc ? this.keyring.decrypt(r.value_enc, `observable:${r.incident_id}`) : (r.value ?? '');
    const masked = isPersonalKind(kind) && !unmask;
    return { id: r.id, incidentId: r.incident_id, kind, value: masked ? maskObservable(kind, plain) : plain, masked, note: r.note, createdAt: r.created_at };
  }

  /** Adds an observable; the same value twice (after normalisation) returns the existing one. */
  async addObservable(p: Principal, incidentId: string, input: { kind: ObservableKind; value: string; note?: string }): Promise<{ observable: Observable; created: boolean }> {
    const norm = normaliseObservable(input.kind, input.value);
    const lookup = this.lookupOf(input.kind, norm);
    return this.trx(async (t) => {
      // Serialises concurrent adds of the same value (the de-duplication check, then insert).
      await this.repo.lockIncident(t, incidentId);
      const existing = await this.repo.findObservable(t, incidentId, input.kind, lookup);
      if (existing) return { observable: this.toObservable(existing, false), created: false };
      const personal = isPersonalKind(input.kind);
      const row: ObservablesTable = {
        id: newId(),
        incident_id: incidentId,
        kind: input.kind,
        value: personal ? null : norm,
        value_enc: personal ? this.keyring.encrypt(norm, `observable:${incidentId}`) : null,
        lookup,
        note: input.note ?? '',
        created_by: p.userId,
        created_at: this.now().toISOString(),
      };
      await this.repo.insertObservable(t, row);
      await this.record(t, p, { action: 'observable.added', subjectType: 'observable', subjectId: row.id, incidentId, after: { kind: input.kind } });
      return { observable: this.toObservable(row, false), created: true };
    });
  }

  /** Unmasking personal observables needs canUnmask and is audited (DESIGN.md §4). */
  async listObservables(p: Principal, incidentId: string, q: { cursor?: string; limit: number; unmask?: boolean }): Promise<Page<Observable>> {
    if (q.unmask && !canUnmask(p)) throw new ForbiddenError('unmasking personal data needs the role legal or incident_commander');
    const rows = await this.repo.listObservables(incidentId, decodeCursor(q.cursor, z.string()), q.limit + 1);
    const items = rows.slice(0, q.limit);
    if (q.unmask && items.some((r) => r.value_enc)) {
      await this.trx((t) =>
        this.record(t, p, { action: 'observable.unmasked', subjectType: 'observable', subjectId: incidentId, incidentId, after: { ids: items.filter((r) => r.value_enc).map((r) => r.id) } }),
      );
    }
    return { items: items.map((r) => this.toObservable(r, !!q.unmask)), nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null };
  }

  /** Which visible incidents share this observable (exact match after normalisation). */
  async searchObservables(p: Principal, kind: ObservableKind, value: string): Promise<Observable[]> {
    let norm: string;
    try {
      norm = normaliseObservable(kind, value);
    } catch (e) {
      if (e instanceof UserError) return [];
      throw e;
    }
    const rows = await this.repo.searchObservables(kind, this.lookupOf(kind, norm), isAdmin(p) ? null : p.userId);
    return rows.map((r) => this.toObservable(r, false));
  }
}
