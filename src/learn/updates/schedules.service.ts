/**
 * When updates go out by themselves: every N hours while the incident is open, and on events
 * (confirmed, contained, notified). Each periodic slot and each event occurrence is a job of the
 * job queue; the update it makes carries a unique trigger key (`schedule:<id>:<slot>`,
 * `event:<id>:<audit event>`), so a job run twice — a retry, a second worker, a duplicate send —
 * still makes one update: each schedule fires once per slot and per event.
 *
 * Internal audiences get the composed update sent at once; updates to external audiences wait as
 * drafts for an approval (updates.service.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { actorOf } from '../../platform/auth/accounts.service.js';
import type { Principal } from '../../platform/auth/roles.js';
import { BadInputError } from '../../platform/errors.js';
import { HttpError, NotFoundError } from '../../platform/http/problem.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { LearnPorts, UpdateEvent } from '../learn.ports.js';
import type { LearnUpdateSchedulesTable } from '../learn.tables.js';
import { AUDIENCES, type Audience } from './compose.js';
import type { ScheduleView } from './updates.schema.js';
import type { UpdatesRepository } from './updates.repository.js';
import { UpdatesService } from './updates.service.js';

export const UPDATE_SLOT_QUEUE = 'learn.update-slot';
export const UPDATE_EVENT_QUEUE = 'learn.update-event';
const HOUR = 3_600_000;
const OVER = new Set(['closed', 'dismissed']);

function toView(s: LearnUpdateSchedulesTable): ScheduleView {
  return {
    id: s.id,
    incidentId: s.incident_id,
    audience: s.audience as Audience,
    everyHours: s.every_hours === null ? null : Number(s.every_hours),
    events: JSON.parse(s.events),
    active: s.active === 1,
    nextAt: s.next_at,
    createdBy: s.created_by,
    createdAt: s.created_at,
  };
}

export class SchedulesService {
  constructor(private readonly d: { repo: UpdatesRepository; updates: UpdatesService; ports: LearnPorts; audit: AuditService; jobs: JobQueue; now: () => Date }) {}

  async create(p: Principal, incidentId: string, input: { audience: Audience; everyHours?: number; events: UpdateEvent[]; firstAt?: string }): Promise<ScheduleView> {
    await this.d.ports.access.assertCanWrite(p, incidentId);
    const now = this.d.now();
    const first = input.everyHours === undefined ? null : input.firstAt ? new Date(input.firstAt) : new Date(now.getTime() + input.everyHours * HOUR);
    const row: LearnUpdateSchedulesTable = {
      id: randomUUID(),
      incident_id: incidentId,
      audience: input.audience,
      every_hours: input.everyHours ?? null,
      events: JSON.stringify([...new Set(input.events)]),
      active: 1,
      created_by: p.username,
      created_at: now.toISOString(),
      next_at: first?.toISOString() ?? null,
    };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertSchedule(row);
      await this.d.audit.record({ actor: actorOf(p), action: 'update.schedule_created', subjectType: 'update_schedule', subjectId: row.id, incidentId, after: toView(row) }, trx);
    });
    if (row.next_at) await this.enqueueSlot(row.id, row.next_at);
    return toView(row);
  }

  async list(p: Principal, incidentId: string): Promise<ScheduleView[]> {
    await this.d.ports.access.assertCanRead(p, incidentId);
    return (await this.d.repo.schedules(incidentId)).map(toView);
  }

  async stop(p: Principal, id: string): Promise<ScheduleView> {
    const s = await this.d.repo.schedule(id);
    if (!s) throw new NotFoundError('schedule');
    try {
      await this.d.ports.access.assertCanWrite(p, s.incident_id);
    } catch (e) {
      if (e instanceof NotFoundError) throw new NotFoundError('schedule');
      throw e;
    }
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.setSchedule(id, { active: 0, next_at: null });
      await this.d.audit.record({ actor: actorOf(p), action: 'update.schedule_stopped', subjectType: 'update_schedule', subjectId: id, incidentId: s.incident_id }, trx);
    });
    return toView((await this.d.repo.schedule(id))!);
  }

  private async enqueueSlot(scheduleId: string, slot: string): Promise<void> {
    await this.d.jobs.send(UPDATE_SLOT_QUEUE, { scheduleId, slot }, { singletonKey: `${UPDATE_SLOT_QUEUE}:${scheduleId}:${slot}`, runAt: new Date(slot), maxAttempts: 10 });
  }

  /** An event of an incident (from the audit trail): one job per occurrence, run after its change commits. */
  async onEvent(e: { incidentId: string; event: UpdateEvent; ref: string }): Promise<void> {
    await this.d.jobs.send(UPDATE_EVENT_QUEUE, e, { singletonKey: `${UPDATE_EVENT_QUEUE}:${e.ref}`, runAt: new Date(Date.now() + 500), maxAttempts: 10 });
  }

  /** The periodic job: fires the slot (once), then queues the next future slot while the incident is open. */
  async runSlot(job: { scheduleId: string; slot: string }): Promise<{ fired: boolean; next: string | null }> {
    const s = await this.d.repo.schedule(job.scheduleId);
    if (!s?.active || s.every_hours === null || s.next_at !== job.slot) return { fired: false, next: s?.next_at ?? null };
    const incident = await this.d.ports.incidents.get(s.incident_id);
    if (!incident || OVER.has(incident.status)) {
      await this.d.repo.setSchedule(s.id, { active: 0, next_at: null });
      return { fired: false, next: null };
    }
    const fired = await this.fire(s, 'schedule', `schedule:${s.id}:${job.slot}`);
    // A slot missed while no worker ran is not made up for: the next one is the first in the future.
    const step = Number(s.every_hours) * HOUR;
    let next = Date.parse(job.slot) + step;
    while (next <= this.d.now().getTime()) next += step;
    const nextAt = new Date(next).toISOString();
    await this.d.repo.setSchedule(s.id, { next_at: nextAt });
    await this.enqueueSlot(s.id, nextAt);
    return { fired, next: nextAt };
  }

  /** The event job: every active schedule of the incident listening for it fires once for this occurrence. */
  async runEvent(e: { incidentId: string; event: UpdateEvent; ref: string }): Promise<{ fired: number }> {
    // The event was handed on as its audit row was written, inside its change's transaction
    // (AuditService.record): a change that then rolled back — a regulator submission whose
    // obligations could not be recorded — must not tell anyone it happened. Not in the trail: the
    // job fails and is retried (backoff 2 s, 4 s, …), so a late commit still fires and a change that
    // never committed never does, however long either takes.
    if (!(await this.d.audit.has(e.ref))) throw new Error(`audit event ${e.ref} is not in the trail: its change has not committed, or rolled back`);
    let fired = 0;
    for (const s of await this.d.repo.schedules(e.incidentId)) {
      if (!s.active || !(JSON.parse(s.events) as string[]).includes(e.event)) continue;
      if (await this.fire(s, `event:${e.event}`, `event:${s.id}:${e.ref}`)) fired++;
    }
    return { fired };
  }

  /** Drafts the update of a trigger (once per key); internal audiences' updates are sent at once. */
  private async fire(s: LearnUpdateSchedulesTable, trigger: string, key: string): Promise<boolean> {
    const { row, created } = await this.d.updates.createDraft(s.incident_id, s.audience as Audience, UpdatesService.SYSTEM, trigger, key, s.id);
    // A retry after a crash between drafting and sending still sends a draft that was not sent.
    if (!AUDIENCES[s.audience as Audience].external && row.status === 'draft') {
      try {
        await this.d.updates.sendRow(row, UpdatesService.SYSTEM.actor);
      } catch (e) {
        // Nobody to send to (the draft stays, the schedule goes on), or a concurrent run sent it.
        if (e instanceof BadInputError) await this.d.audit.record({ actor: UpdatesService.SYSTEM.actor, action: 'update.not_sent', subjectType: 'update', subjectId: row.id, incidentId: s.incident_id, after: { reason: e.message } });
        else if (!(e instanceof HttpError && e.status === 409)) throw e;
      }
    }
    return created;
  }
}
