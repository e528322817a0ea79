/** Tasks of an incident (seeded from the response plan or added), due lists and due reminders. */
import { isAdmin, type Principal } from '../platform/auth/roles.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { BadInputError } from '../platform/errors.js';
import { NotFoundError } from '../platform/http/problem.js';
import { z } from 'zod';
import type {
  CreateTaskInput,
  Phase,
  Task,
  UpdateTaskInput } from './incidents.schema.js';
import { type IncidentsRepository, newId } from './incidents.repository.js';
import type { IncidentTasksTable } from './incidents.tables.js';
import type { ReminderMessage } from './notifier.js';
import { type IncidentsStore, iso, type Page } from './incidents.store.js';
import { taskLink } from './task-link.js';

export class TasksService {
  constructor(private readonly s: IncidentsStore) {}

  async listTasks(
    incidentId: string,
    q: { cursor?: string; limit: number; view: 'all' | 'open' | 'dueSoon' | 'overdue'; phase?: Phase; withinHours: number },
  ): Promise<Page<Task>> {
    const now = this.s.now();
    const afterPosition = decodeCursor(q.cursor, z.number().int());
    const f = { incidentId, phase: q.phase, afterPosition, limit: q.limit + 1 } as Parameters<IncidentsRepository['listTasks']>[0];
    if (q.view !== 'all') f.openOnly = true;
    if (q.view === 'overdue') f.dueBefore = now.toISOString();
    if (q.view === 'dueSoon') {
      f.dueAfter = now.toISOString();
      f.dueBefore = new Date(now.getTime() + q.withinHours * 3_600_000).toISOString();
    }
    const rows = await this.s.repo.listTasks(f);
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.position) : null };
  }

  /** Overdue or due-soon tasks across the incidents the caller may see (optionally only theirs), in due order. */
  async dueTasks(p: Principal, q: { view: 'dueSoon' | 'overdue'; mine?: boolean; withinHours: number; cursor?: string; limit: number }): Promise<Page<Task>> {
    const now = this.s.now();
    const after = decodeCursor(q.cursor, z.object({ dueAt: z.string(), id: z.string() }));
    const rows = await this.s.repo.listDueTasks({
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
    const now = this.s.now().toISOString();
    return this.s.trx(async (t) => {
      // Serialises concurrent task creation per incident (positions are unique per incident).
      await this.s.repo.lockIncident(t, incidentId);
      const position = (await this.s.repo.maxPosition(t, incidentId)) + 1;
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
      await this.s.repo.insertTasks(t, [row]);
      await this.s.record(t, p, { action: 'task.created', subjectType: 'task', subjectId: row.id, incidentId, after: { title: row.title, phase: row.phase, dueAt: row.due_at } });
      return (await this.s.repo.findTask(incidentId, row.id, t))!;
    });
  }

  /** One task of an incident, or null when the incident has no such task. */
  task(incidentId: string, taskId: string): Promise<Task | null> {
    return this.s.repo.findTask(incidentId, taskId);
  }

  async updateTask(p: Principal, incidentId: string, taskId: string, input: UpdateTaskInput): Promise<Task> {
    if (input.assigneeId) {
      const u = await this.s.accounts.getUser(input.assigneeId);
      if (!u) throw new BadInputError('assigneeId: no such user');
      if (!isAdmin({ ...p, roles: u.roles }) && !(await this.s.roleOf({ ...p, userId: u.id }, incidentId))) {
        throw new BadInputError('assigneeId: the assignee must be a member of the incident (add them first)');
      }
    }
    return this.s.trx(async (t) => {
      const cur = await this.s.repo.findTask(incidentId, taskId, t);
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
      await this.s.repo.updateTask(t, taskId, { ...set, updated_at: this.s.now().toISOString() });
      await this.s.record(t, p, { action: 'task.updated', subjectType: 'task', subjectId: taskId, incidentId, before, after: { ...after, title: after.title ?? cur.title } });
      return (await this.s.repo.findTask(incidentId, taskId, t))!;
    });
  }

  /**
   * Sends reminders: once when an open task enters the due-soon window, once more when it
   * becomes overdue. Run periodically by the job queue. Returns how many were sent.
   */
  async sendDueReminders(now: Date = this.s.now(), windowHours = 24): Promise<{ sent: number; failed: number }> {
    const notifier = this.s.opts.notifier;
    if (!notifier) return { sent: 0, failed: 0 };
    const nowIso = now.toISOString();
    const rows = await this.s.repo.tasksForReminders(new Date(now.getTime() + windowHours * 3_600_000).toISOString());
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
        link: taskLink(this.s.opts.publicUrl, r.incident_id, r.id),
      };
      try {
        await notifier.notify(message);
        await this.s.repo.updateTask(this.s.repo.db, r.id, { reminded_at: nowIso });
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
      const members = await this.s.repo.listMembers(incidentId);
      const owners = members.filter((m) => m.role === ownerRole);
      ids.push(...(owners.length ? owners : members.filter((m) => m.role === 'commander')).map((m) => m.user_id));
    }
    const users = await Promise.all(ids.map((id) => this.s.accounts.getUser(id)));
    return users.filter((u): u is NonNullable<typeof u> => !!u && !u.disabled);
  }
}
