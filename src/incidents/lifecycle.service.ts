/** Incidents and their life cycle: creation (seeding the plan's tasks), updates of the legal anchors, transitions. */
import { isAdmin, type Principal } from '../platform/auth/roles.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { BadInputError } from '../platform/errors.js';
import { HttpError, NotFoundError } from '../platform/http/problem.js';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { canTransition, TRANSITIONS, transitionEffects } from './incident-status.js';
import type {
  CreateIncidentInput,
  Incident,
  IncidentStatus,
  TransitionInput,
  UpdateIncidentInput } from './incidents.schema.js';
import { newId } from './incidents.repository.js';
import type { IncidentsDatabase, IncidentsTable } from './incidents.tables.js';
import { type Anchor, computeDue, seedTasks } from './response-plan.js';
import { anchorsOf, type IncidentsStore, iso, type Page } from './incidents.store.js';
import type { PlanService } from './plan.service.js';

export class LifecycleService {
  constructor(
    private readonly s: IncidentsStore,
    private readonly plan: PlanService,
  ) {}

  /** Legal clocks run from real moments: a time in the future (beyond clock skew) is a typo. */
  private assertNotFuture(field: string, at: string): void {
    if (Date.parse(at) > this.s.now().getTime() + 5 * 60_000) throw new BadInputError(`${field}: cannot be in the future`);
  }

  /**
   * The breach dates in order (issue 20 §6): it ends after it starts, and starts no later than it
   * was detected or known (it cannot be discovered before it happens); neither in the future.
   */
  private assertBreachDates(start: string | null, end: string | null, detectedAt: string | null, awareAt: string): void {
    if (start) this.assertNotFuture('breachStartedAt', start);
    if (end) this.assertNotFuture('breachEndedAt', end);
    if (start && end && end < start) throw new BadInputError('breachEndedAt: cannot be before breachStartedAt');
    const known = detectedAt && detectedAt < awareAt ? detectedAt : awareAt;
    if (start && start > known) throw new BadInputError(`breachStartedAt: cannot be after the breach was detected or known (${known})`);
  }

  async create(p: Principal, input: CreateIncidentInput): Promise<Incident> {
    const now = this.s.now().toISOString();
    const awareAt = input.awareAt ? iso(input.awareAt) : now;
    const detectedAt = input.detectedAt ? iso(input.detectedAt) : null;
    if (detectedAt && detectedAt > awareAt) throw new BadInputError('detectedAt: cannot be after awareAt (awareness follows detection)');
    this.assertNotFuture('awareAt', awareAt);
    const breachStartedAt = input.breachStartedAt ? iso(input.breachStartedAt) : null;
    const breachEndedAt = input.breachEndedAt ? iso(input.breachEndedAt) : null;
    this.assertBreachDates(breachStartedAt, breachEndedAt, detectedAt, awareAt);
    await this.plan.currentPlan();
    return this.s.trx(async (t) => {
      const plan = await this.plan.currentPlan(t);
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
        breach_started_at: breachStartedAt,
        breach_ended_at: breachEndedAt,
        plan_version: plan.version,
        facts: '',
        effects: '',
        remedial_action: '',
        created_by: p.userId,
        created_at: now,
        updated_at: now,
      };
      await this.s.repo.insertIncident(t, row);
      await this.s.repo.upsertMember(t, row.id, p.userId, 'commander', p.userId, now);
      const tasks = seedTasks(this.plan.parsedPlan(plan), { awareAt, detectedAt, containedAt: null, closedAt: null });
      await this.s.repo.insertTasks(
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
      const incident = (await this.s.repo.findIncident(row.id, t))!;
      await this.s.record(t, p, {
        action: 'incident.created',
        subjectType: 'incident',
        subjectId: row.id,
        incidentId: row.id,
        after: { title: incident.title, status: incident.status, severity: incident.severity, awareAt, detectedAt, breachStartedAt, breachEndedAt, planVersion: plan.version, tasks: tasks.length },
      });
      return incident;
    });
  }

  async get(id: string): Promise<Incident> {
    const i = await this.s.repo.findIncident(id);
    if (!i) throw new NotFoundError('incident');
    return i;
  }

  async list(p: Principal, q: { cursor?: string; limit: number; status?: IncidentStatus }): Promise<Page<Incident>> {
    const before = decodeCursor(q.cursor, z.string());
    const rows = await this.s.repo.listIncidents({ memberId: isAdmin(p) ? null : p.userId, status: q.status, before, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const deadlines = await this.s.nextDeadlines(page.map((i) => i.id));
    const items = page.map((i) => ({ ...i, nextDeadline: deadlines.get(i.id) ?? null }));
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null };
  }

  async update(p: Principal, id: string, input: UpdateIncidentInput): Promise<Incident> {
    return this.s.trx(async (t) => {
      // Lock first, then read: concurrent changes of one incident apply one after the other.
      await this.s.repo.lockIncident(t, id);
      const cur = await this.s.repo.findIncident(id, t);
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
      change('breachStartedAt', 'breach_started_at', input.breachStartedAt === undefined ? undefined : input.breachStartedAt && iso(input.breachStartedAt));
      change('breachEndedAt', 'breach_ended_at', input.breachEndedAt === undefined ? undefined : input.breachEndedAt && iso(input.breachEndedAt));
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
      const started = set.breach_started_at !== undefined ? set.breach_started_at : cur.breachStartedAt;
      const ended = set.breach_ended_at !== undefined ? set.breach_ended_at : cur.breachEndedAt;
      if (set.breach_started_at !== undefined || set.breach_ended_at !== undefined || newAware || set.detected_at !== undefined)
        this.assertBreachDates(started ?? null, ended ?? null, detected, newAware ?? cur.awareAt);
      const now = this.s.now().toISOString();
      if (Object.keys(set).length) {
        await this.s.repo.updateIncident(t, id, { ...set, updated_at: now });
        await this.s.record(t, p, { action: 'incident.updated', subjectType: 'incident', subjectId: id, incidentId: id, before, after });
      }
      if (awareChanged) {
        await this.s.repo.updateIncident(t, id, { aware_at: newAware, updated_at: now });
        await this.s.record(t, p, {
          action: 'incident.aware_at_changed',
          subjectType: 'incident',
          subjectId: id,
          incidentId: id,
          before: { awareAt: cur.awareAt },
          after: { awareAt: newAware, reason: input.awareAtReason },
        });
      }
      const next = (await this.s.repo.findIncident(id, t))!;
      await this.recomputeDue(t, next, ['awareAt', 'detectedAt', 'containedAt'].filter((a) => next[a as Anchor] !== cur[a as Anchor]) as Anchor[]);
      return next;
    });
  }

  /** Re-dates open plan tasks whose anchor moved (manually dated tasks have no anchor). */
  private async recomputeDue(t: Transaction<IncidentsDatabase>, incident: Incident, moved: Anchor[]): Promise<void> {
    if (!moved.length) return;
    const anchors = anchorsOf(incident);
    for (const task of await this.s.repo.anchoredOpenTasks(t, incident.id)) {
      const anchor = task.anchor as Anchor;
      if (!moved.includes(anchor) && !(anchor === 'detectedAt' && moved.includes('awareAt'))) continue;
      const due = computeDue(anchors, anchor, task.offset_minutes === null ? null : Number(task.offset_minutes));
      if (due !== task.due_at) await this.s.repo.updateTask(t, task.id, { due_at: due, reminded_at: null });
    }
  }

  async transition(p: Principal, id: string, input: TransitionInput): Promise<Incident> {
    if (input.status === 'dismissed' && !input.reason) throw new BadInputError('reason: dismissing an incident needs a reason (it stays in the breach register)');
    if (['closed', 'dismissed'].includes(input.status)) await this.s.assertCanLead(p, id);
    if (input.status === 'closed' && !input.reason?.trim()) await this.assertNothingOpen(id);
    return this.s.trx(async (t) => {
      // Lock first, then read: concurrent changes of one incident apply one after the other.
      await this.s.repo.lockIncident(t, id);
      const cur = await this.s.repo.findIncident(id, t);
      if (!cur) throw new NotFoundError('incident');
      if (!canTransition(cur.status, input.status)) {
        const allowed = TRANSITIONS[cur.status];
        throw new HttpError(409, `cannot move from ${cur.status} to ${input.status}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final)'}`);
      }
      const at = input.at ? iso(input.at) : this.s.now().toISOString();
      if (at < cur.awareAt && input.status !== 'suspected') throw new BadInputError('at: cannot be before awareAt');
      const fx = transitionEffects(cur, input.status, at, input.reason ?? null);
      await this.s.repo.updateIncident(t, id, {
        status: input.status,
        ...(fx.containedAt !== undefined ? { contained_at: fx.containedAt } : {}),
        ...(fx.closedAt !== undefined ? { closed_at: fx.closedAt } : {}),
        ...(fx.dismissedReason !== undefined ? { dismissed_reason: fx.dismissedReason } : {}),
        updated_at: this.s.now().toISOString(),
      });
      await this.s.record(t, p, {
        action: 'incident.status_changed',
        subjectType: 'incident',
        subjectId: id,
        incidentId: id,
        before: { status: cur.status },
        after: { status: input.status, at, reason: input.reason ?? null, ...fx },
      });
      const next = (await this.s.repo.findIncident(id, t))!;
      await this.recomputeDue(t, next, ['containedAt', 'closedAt'].filter((a) => next[a as Anchor] !== cur[a as Anchor]) as Anchor[]);
      return next;
    });
  }

  /**
   * Guard rail (issue 20 §5): closing an incident with open legal deadlines, open tasks or an
   * incomplete register entry (GDPR Art. 33(5): facts, effects, remedial action) needs a reason.
   */
  private async assertNothingOpen(id: string): Promise<void> {
    const [deadlines, tasks, incident] = await Promise.all([this.s.nextDeadlines([id]), this.s.repo.listTasks({ incidentId: id, openOnly: true, limit: 1000 }), this.s.repo.findIncident(id)]);
    // A move the life cycle refuses anyway answers 409 from the transition itself.
    if (!incident || !canTransition(incident.status, 'closed')) return;
    const open: string[] = [];
    if (deadlines.has(id)) open.push(`an open legal deadline (next ${deadlines.get(id)})`);
    if (tasks.length) open.push(`${tasks.length} open task(s)`);
    const missing = incident ? (['facts', 'effects', 'remedialAction'] as const).filter((k) => !incident[k]?.trim()) : [];
    if (missing.length) open.push(`a register entry without ${missing.join(', ')}`);
    if (open.length) throw new BadInputError(`reason: closing with ${open.join(', ')} needs a reason (kept in the audit trail)`);
  }
}
