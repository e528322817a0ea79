/**
 * The only incident-workspace file that queries the store (besides incident-access.ts):
 * rows in, domain objects out. Every write takes the caller's transaction so the change and
 * its audit row commit together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { IncidentRole } from './incident-access.js';
import type { Category, ChecklistItem, Decision, Incident, IncidentStatus, Phase, Severity, Task, TaskStatus } from './incidents.schema.js';
import type {
  IncidentDecisionsTable,
  IncidentsDatabase,
  IncidentsTable,
  IncidentTasksTable,
  ObservablesTable,
  TimelineEntriesTable,
} from './incidents.tables.js';

export type Db = Kysely<IncidentsDatabase> | Transaction<IncidentsDatabase>;

export { newId } from '../platform/ids.js';

export function toIncident(r: IncidentsTable): Incident {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    status: r.status as IncidentStatus,
    dismissedReason: r.dismissed_reason,
    severity: r.severity as Severity,
    categories: JSON.parse(r.categories) as Category[],
    detectedAt: r.detected_at,
    awareAt: r.aware_at,
    containedAt: r.contained_at,
    breachStartedAt: r.breach_started_at ?? null,
    breachEndedAt: r.breach_ended_at ?? null,
    closedAt: r.closed_at,
    planVersion: Number(r.plan_version),
    facts: r.facts,
    effects: r.effects,
    remedialAction: r.remedial_action,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toTask(r: IncidentTasksTable): Task {
  return {
    id: r.id,
    incidentId: r.incident_id,
    position: Number(r.position),
    phase: r.phase as Phase,
    key: r.task_key,
    title: r.title,
    ownerRole: r.owner_role,
    assigneeId: r.assignee_id,
    status: r.status as TaskStatus,
    anchor: r.anchor,
    offsetMinutes: r.offset_minutes === null ? null : Number(r.offset_minutes),
    dueAt: r.due_at,
    notes: r.notes,
    checklist: JSON.parse(r.checklist) as ChecklistItem[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toDecision(r: IncidentDecisionsTable): Decision {
  return {
    id: r.id,
    incidentId: r.incident_id,
    kind: r.kind as Decision['kind'],
    value: r.value,
    what: r.what,
    why: r.why,
    decidedAt: r.decided_at,
    decidedBy: { id: r.decided_by_id, name: r.decided_by_name },
    createdAt: r.created_at,
  };
}

export interface TaskFilter {
  incidentId?: string;
  phase?: Phase;
  openOnly?: boolean;
  dueBefore?: string;
  dueAfter?: string;
  afterPosition?: number;
  limit: number;
}

export class IncidentsRepository {
  readonly db: Kysely<IncidentsDatabase>;
  constructor(db: Kysely<Database>) {
    this.db = db as unknown as Kysely<IncidentsDatabase>;
  }

  transaction<T>(fn: (trx: Transaction<IncidentsDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  // --- incidents -------------------------------------------------------------------------

  async insertIncident(t: Db, row: IncidentsTable): Promise<void> {
    await t.insertInto('incidents').values(row).execute();
  }

  async findIncident(id: string, t: Db = this.db): Promise<Incident | null> {
    const r = await t.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toIncident(r) : null;
  }

  /** Row lock on the incident for the rest of the transaction (a no-op UPDATE locks on both dialects; SQLite has one writer anyway). */
  async lockIncident(t: Db, id: string): Promise<void> {
    await t
      .updateTable('incidents')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .execute();
  }

  async updateIncident(t: Db, id: string, set: Partial<IncidentsTable>): Promise<void> {
    await t.updateTable('incidents').set(set).where('id', '=', id).execute();
  }

  /** Newest first; `memberId` limits to incidents that user belongs to (null = all). */
  async listIncidents(opts: { memberId: string | null; status?: string; before?: string; limit: number }): Promise<Incident[]> {
    let q = this.db.selectFrom('incidents').selectAll('incidents').orderBy('incidents.id', 'desc').limit(opts.limit);
    if (opts.memberId !== null) {
      const uid = opts.memberId;
      q = q.where('incidents.id', 'in', (eb) => eb.selectFrom('incident_members').select('incident_id').where('user_id', '=', uid));
    }
    if (opts.status) q = q.where('incidents.status', '=', opts.status);
    if (opts.before) q = q.where('incidents.id', '<', opts.before);
    return (await q.execute()).map(toIncident);
  }

  // --- members -----------------------------------------------------------------------------

  async upsertMember(t: Db, incidentId: string, userId: string, role: IncidentRole, addedBy: string, at: string): Promise<void> {
    const existing = await t.selectFrom('incident_members').select('role').where('incident_id', '=', incidentId).where('user_id', '=', userId).executeTakeFirst();
    if (existing) await t.updateTable('incident_members').set({ role }).where('incident_id', '=', incidentId).where('user_id', '=', userId).execute();
    else await t.insertInto('incident_members').values({ incident_id: incidentId, user_id: userId, role, added_by: addedBy, added_at: at }).execute();
  }

  async removeMember(t: Db, incidentId: string, userId: string): Promise<boolean> {
    const r = await t.deleteFrom('incident_members').where('incident_id', '=', incidentId).where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async listMembers(incidentId: string, afterUserId?: string, limit = 500, t: Db = this.db) {
    let q = t
      .selectFrom('incident_members')
      .leftJoin('users', 'users.id', 'incident_members.user_id')
      .select(['incident_members.incident_id', 'incident_members.user_id', 'incident_members.role', 'incident_members.added_by', 'incident_members.added_at', 'users.username', 'users.email'])
      .where('incident_members.incident_id', '=', incidentId)
      .orderBy('incident_members.user_id', 'asc')
      .limit(limit);
    if (afterUserId) q = q.where('incident_members.user_id', '>', afterUserId);
    return q.execute();
  }

  // --- plans -------------------------------------------------------------------------------

  async latestPlan(t: Db = this.db): Promise<{ version: number; yaml: string; created_by: string; created_at: string } | null> {
    const r = await t.selectFrom('response_plans').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
    return r ? { ...r, version: Number(r.version) } : null;
  }

  async findPlan(version: number, t: Db = this.db) {
    const r = await t.selectFrom('response_plans').selectAll().where('version', '=', version).executeTakeFirst();
    return r ? { ...r, version: Number(r.version) } : null;
  }

  async listPlans() {
    const rows = await this.db.selectFrom('response_plans').select(['version', 'created_by', 'created_at']).orderBy('version', 'desc').execute();
    return rows.map((r) => ({ ...r, version: Number(r.version) }));
  }

  async insertPlan(t: Db, row: { version: number; yaml: string; created_by: string; created_at: string }): Promise<void> {
    await t.insertInto('response_plans').values(row).execute();
  }

  // --- tasks -------------------------------------------------------------------------------

  async insertTasks(t: Db, rows: IncidentTasksTable[]): Promise<void> {
    // Chunked: SQLite caps bound parameters per statement.
    for (let i = 0; i < rows.length; i += 50) await t.insertInto('incident_tasks').values(rows.slice(i, i + 50)).execute();
  }

  async findTask(incidentId: string, taskId: string, t: Db = this.db): Promise<Task | null> {
    const r = await t.selectFrom('incident_tasks').selectAll().where('incident_id', '=', incidentId).where('id', '=', taskId).executeTakeFirst();
    return r ? toTask(r) : null;
  }

  async maxPosition(t: Db, incidentId: string): Promise<number> {
    const r = await t.selectFrom('incident_tasks').select((eb) => eb.fn.max('position').as('m')).where('incident_id', '=', incidentId).executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  async updateTask(t: Db, taskId: string, set: Partial<IncidentTasksTable>): Promise<void> {
    await t.updateTable('incident_tasks').set(set).where('id', '=', taskId).execute();
  }

  async listTasks(f: TaskFilter): Promise<Task[]> {
    let q = this.db.selectFrom('incident_tasks').selectAll().orderBy('position', 'asc').limit(f.limit);
    if (f.incidentId) q = q.where('incident_id', '=', f.incidentId);
    if (f.phase) q = q.where('phase', '=', f.phase);
    if (f.openOnly) q = q.where('status', 'in', ['open', 'in_progress']);
    if (f.dueBefore) q = q.where('due_at', 'is not', null).where('due_at', '<=', f.dueBefore);
    if (f.dueAfter) q = q.where('due_at', '>', f.dueAfter);
    if (f.afterPosition !== undefined) q = q.where('position', '>', f.afterPosition);
    return (await q.execute()).map(toTask);
  }

  /**
   * Open, dated tasks across incidents in due order (keyset on due_at, id), on live incidents;
   * `memberId` limits to incidents that user belongs to (null = all).
   */
  async listDueTasks(opts: { memberId: string | null; assigneeId?: string; dueAfter?: string; dueBefore: string; after?: { dueAt: string; id: string }; limit: number }): Promise<Task[]> {
    let q = this.db
      .selectFrom('incident_tasks')
      .innerJoin('incidents', 'incidents.id', 'incident_tasks.incident_id')
      .selectAll('incident_tasks')
      .where('incident_tasks.status', 'in', ['open', 'in_progress'])
      .where('incident_tasks.due_at', 'is not', null)
      .where('incident_tasks.due_at', '<=', opts.dueBefore)
      .where('incidents.status', 'not in', ['closed', 'dismissed'])
      .orderBy('incident_tasks.due_at', 'asc')
      .orderBy('incident_tasks.id', 'asc')
      .limit(opts.limit);
    if (opts.dueAfter) q = q.where('incident_tasks.due_at', '>', opts.dueAfter);
    if (opts.assigneeId) q = q.where('incident_tasks.assignee_id', '=', opts.assigneeId);
    if (opts.memberId !== null) {
      const uid = opts.memberId;
      q = q.where('incident_tasks.incident_id', 'in', (eb) => eb.selectFrom('incident_members').select('incident_id').where('user_id', '=', uid));
    }
    if (opts.after) {
      const a = opts.after;
      q = q.where((eb) => eb.or([eb('incident_tasks.due_at', '>', a.dueAt), eb.and([eb('incident_tasks.due_at', '=', a.dueAt), eb('incident_tasks.id', '>', a.id)])]));
    }
    return (await q.execute()).map(toTask);
  }

  /** Open tasks with a due time before `until` on live incidents (reminders), with their reminder stamp. */
  async tasksForReminders(until: string, limit = 1000) {
    return this.db
      .selectFrom('incident_tasks')
      .innerJoin('incidents', 'incidents.id', 'incident_tasks.incident_id')
      .selectAll('incident_tasks')
      .select(['incidents.title as incident_title'])
      .where('incident_tasks.status', 'in', ['open', 'in_progress'])
      .where('incident_tasks.due_at', 'is not', null)
      .where('incident_tasks.due_at', '<=', until)
      .where('incidents.status', 'not in', ['closed', 'dismissed'])
      .orderBy('incident_tasks.due_at', 'asc')
      .limit(limit)
      .execute();
  }

  async anchoredOpenTasks(t: Db, incidentId: string): Promise<IncidentTasksTable[]> {
    return t
      .selectFrom('incident_tasks')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('anchor', 'is not', null)
      .where('status', 'in', ['open', 'in_progress'])
      .execute();
  }

  // --- timeline ----------------------------------------------------------------------------

  async insertTimelineEntry(t: Db, row: TimelineEntriesTable): Promise<void> {
    await t.insertInto('timeline_entries').values(row).execute();
  }

  async listTimelineEntries(incidentId: string): Promise<TimelineEntriesTable[]> {
    return this.db.selectFrom('timeline_entries').selectAll().where('incident_id', '=', incidentId).orderBy('event_at', 'asc').orderBy('id', 'asc').execute();
  }

  // --- decisions ---------------------------------------------------------------------------

  async insertDecision(t: Db, row: IncidentDecisionsTable): Promise<void> {
    await t.insertInto('incident_decisions').values(row).execute();
  }

  async listDecisions(incidentId: string, after?: string, limit = 1000): Promise<Decision[]> {
    let q = this.db.selectFrom('incident_decisions').selectAll().where('incident_id', '=', incidentId).orderBy('id', 'asc').limit(limit);
    if (after) q = q.where('id', '>', after);
    return (await q.execute()).map(toDecision);
  }

  async decisionsFor(incidentIds: string[]): Promise<Decision[]> {
    if (!incidentIds.length) return [];
    return (await this.db.selectFrom('incident_decisions').selectAll().where('incident_id', 'in', incidentIds).orderBy('id', 'asc').execute()).map(toDecision);
  }

  // --- observables -------------------------------------------------------------------------

  async findObservable(t: Db, incidentId: string, kind: string, lookup: string): Promise<ObservablesTable | undefined> {
    return t.selectFrom('observables').selectAll().where('incident_id', '=', incidentId).where('kind', '=', kind).where('lookup', '=', lookup).executeTakeFirst();
  }

  async insertObservable(t: Db, row: ObservablesTable): Promise<void> {
    await t.insertInto('observables').values(row).execute();
  }

  /** Whether the incident has the observable with this id. */
  async hasObservable(incidentId: string, id: string): Promise<boolean> {
    return (await this.db.selectFrom('observables').select('id').where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async listObservables(incidentId: string, after?: string, limit = 100): Promise<ObservablesTable[]> {
    let q = this.db.selectFrom('observables').selectAll().where('incident_id', '=', incidentId).orderBy('id', 'asc').limit(limit);
    if (after) q = q.where('id', '>', after);
    return q.execute();
  }

  /** Matches across incidents; `memberId` limits to incidents that user belongs to (null = all). */
  async searchObservables(kind: string, lookup: string, memberId: string | null): Promise<ObservablesTable[]> {
    let q = this.db.selectFrom('observables').selectAll().where('kind', '=', kind).where('lookup', '=', lookup).orderBy('id', 'asc').limit(1000);
    if (memberId !== null) q = q.where('incident_id', 'in', (eb) => eb.selectFrom('incident_members').select('incident_id').where('user_id', '=', memberId));
    return q.execute();
  }
}
