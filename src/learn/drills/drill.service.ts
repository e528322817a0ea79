/**
 * Drills: a practice incident (marked "[DRILL]", kept out of the register and the metrics) on a
 * synthetic leak, with the scenario's events injected on a schedule through the job queue, and a
 * score afterwards. `speed` compresses the schedule (60: an hour of scenario per minute).
 */
import { randomUUID } from 'node:crypto';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { actorOf } from '../../platform/auth/accounts.service.js';
import { canLead, type Principal } from '../../platform/auth/roles.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/problem.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { LearnPorts } from '../learn.ports.js';
import type { LearnRepository } from '../learn.repository.js';
import type { LearnDrillsTable } from '../learn.tables.js';
import { durationMs, scenario } from './scenarios.js';
import { type DrillScore, scoreDrill } from './score.js';
import { syntheticLeakCsv } from './synthetic-leak.js';

export const DRILL_EVENT_QUEUE = 'learn.drill-event';

/** The drill injector plays the outside world: its events and tasks are written as this system actor. */
export const DRILL_INJECTOR: Principal = { userId: 'system:drill', username: 'drill injector', email: '', roles: ['admin'], via: 'cli' };

export interface DrillView {
  id: string;
  incidentId: string;
  scenario: string;
  speed: number;
  startedBy: string;
  startedAt: string;
  evidenceId: string | null;
  events: Array<{ index: number; dueAt: string; injectedAt: string | null; text: string }>;
}


export class DrillService {
  private readonly now: () => Date;

  constructor(private readonly d: { repo: LearnRepository; audit: AuditService; ports: LearnPorts; jobs: JobQueue; now?: () => Date }) {
    this.now = d.now ?? (() => new Date());
  }

  private async view(r: LearnDrillsTable): Promise<DrillView> {
    const s = scenario(r.scenario);
    const events = (await this.d.repo.drillEvents(r.id)).map((e) => ({ index: e.idx, dueAt: e.due_at, injectedAt: e.injected_at, text: s.events[e.idx]!.text }));
    return { id: r.id, incidentId: r.incident_id, scenario: r.scenario, speed: r.speed, startedBy: r.started_by, startedAt: r.started_at, evidenceId: r.evidence_id, events };
  }

  async start(p: Principal, name: string, opts: { speed?: number } = {}): Promise<DrillView> {
    if (!canLead(p)) throw new ForbiddenError(`starting a drill needs the role ${canLead.description}`);
    const s = scenario(name);
    const speed = opts.speed ?? 1;
    const start = this.now();
    const incident = await this.d.ports.incidents.create(p, { title: `[DRILL] ${s.title}`, summary: `Practice incident (scenario ${s.name}). ${s.summary}`, severity: s.severity, categories: s.categories, awareAt: start.toISOString(), status: 'confirmed' });
    const leak = Buffer.from(syntheticLeakCsv(s.leak.jurisdictions, s.leak.rows, start.getTime() % 100_000));
    const evidence = await this.d.ports.evidence.add(p, incident.id, s.leak.file, leak);
    const row: LearnDrillsTable = { id: randomUUID(), incident_id: incident.id, scenario: s.name, speed, evidence_id: evidence.id, started_by: p.username, started_at: start.toISOString() };
    const events = s.events.map((e, idx) => ({ drill_id: row.id, idx, due_at: new Date(start.getTime() + durationMs(e.after) / speed).toISOString(), injected_at: null }));
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertDrill(row, events);
      await this.d.audit.record({ actor: actorOf(p), action: 'drill.started', subjectType: 'drill', subjectId: row.id, incidentId: incident.id, after: { scenario: s.name, speed, events: events.length } }, trx);
    });
    for (const e of events) await this.d.jobs.send(DRILL_EVENT_QUEUE, { drillId: row.id, index: e.idx }, { singletonKey: `${DRILL_EVENT_QUEUE}:${row.id}:${e.idx}`, runAt: new Date(e.due_at), maxAttempts: 3 });
    return this.view(row);
  }

  /** The job: writes the event into the timeline and opens its task — once, even if retried or run twice. */
  async inject(drillId: string, index: number): Promise<{ injected: boolean }> {
    const r = await this.d.repo.getDrill(drillId);
    const def = r ? scenario(r.scenario).events[index] : undefined;
    if (!r || !def) return { injected: false };
    const at = this.now().toISOString();
    if (!(await this.d.repo.claimDrillEvent(drillId, index, at))) return { injected: false };
    try {
      await this.d.ports.incidents.injectEvent(r.incident_id, { kind: def.kind, at, text: `[DRILL] ${def.text}` });
      if (def.task) {
        await this.d.ports.incidents.createTask(DRILL_INJECTOR, r.incident_id, { phase: def.task.phase, title: def.task.title, dueAt: new Date(Date.parse(at) + durationMs(def.task.due) / r.speed).toISOString() });
      }
    } catch (e) {
      // Let the job's retry inject it again.
      await this.d.repo.releaseDrillEvent(drillId, index);
      throw e;
    }
    return { injected: true };
  }

  async get(p: Principal, drillId: string): Promise<DrillView> {
    const r = await this.d.repo.getDrill(drillId);
    if (!r) throw new NotFoundError('drill');
    await this.d.ports.access.assertCanRead(p, r.incident_id);
    return this.view(r);
  }

  async list(p: Principal): Promise<DrillView[]> {
    const out: DrillView[] = [];
    for (const r of await this.d.repo.listDrills()) {
      try {
        await this.d.ports.access.assertCanRead(p, r.incident_id);
        out.push(await this.view(r));
      } catch {
        // not visible to this caller
      }
    }
    return out;
  }

  async score(p: Principal, drillId: string): Promise<DrillScore & { drill: DrillView }> {
    const drill = await this.get(p, drillId);
    const [tasks, obligations] = await Promise.all([this.d.ports.incidents.tasks(drill.incidentId), this.d.ports.obligations.list(drill.incidentId)]);
    return { drill, ...scoreDrill({ startedAt: drill.startedAt, now: this.now(), tasks, obligations, events: drill.events }) };
  }

  practice(incidentIds: string[]): Promise<Set<string>> {
    return this.d.repo.practice(incidentIds);
  }
}
