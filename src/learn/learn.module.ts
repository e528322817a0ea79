/** What the composition root wires: the learn services over their ports, and their routes. */
import type { FeatureParts } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { drillRoutes } from './drills/drill.routes.js';
import { DRILL_EVENT_QUEUE, DrillService } from './drills/drill.service.js';
import type { LearnPorts } from './learn.ports.js';
import { LearnRepository } from './learn.repository.js';
import { learnRoutes } from './learn.routes.js';
import { LearnService } from './learn.service.js';
import { reportRoutes } from './reports/report.routes.js';
import { ReportService } from './reports/report.service.js';
import { reviewRoutes } from './review.routes.js';
import { ReviewService } from './review.service.js';
import { AudiencesService } from './updates/audiences.service.js';
import { SchedulesService, UPDATE_EVENT_QUEUE, UPDATE_SLOT_QUEUE } from './updates/schedules.service.js';
import { UpdatesRepository } from './updates/updates.repository.js';
import { updatesRoutes } from './updates/updates.routes.js';
import { UPDATE_DELIVER_QUEUE, UpdatesService } from './updates/updates.service.js';
import type { UpdateEvent } from './learn.ports.js';

export function createLearnModule(platform: Platform, ports: LearnPorts, opts: { now?: () => Date } = {}) {
  const repo = new LearnRepository(platform.store.db);
  const service = new LearnService({ repo, audit: platform.audit, ports, now: opts.now });
  const reviews = new ReviewService({ repo, audit: platform.audit, ports, now: opts.now });
  const reports = new ReportService({ learn: service, reviews, ports, audit: platform.audit });
  const drills = new DrillService({ repo, audit: platform.audit, ports, jobs: platform.jobs, now: opts.now });
  const updatesRepo = new UpdatesRepository(platform.store.db);
  const now = service.now;
  const audiences = new AudiencesService({ repo: updatesRepo, keyring: platform.keyring, audit: platform.audit, ports, now });
  const updates = new UpdatesService({ learn: service, ports, repo: updatesRepo, audiences, keyring: platform.keyring, audit: platform.audit, jobs: platform.jobs });
  const schedules = new SchedulesService({ repo: updatesRepo, updates, ports, audit: platform.audit, jobs: platform.jobs, now });
  // Kept until queued, so closing (a CLI command ends right after its request) waits for them.
  const queuing = new Set<Promise<void>>();
  ports.onIncidentEvent((e) => {
    const q = schedules
      .onEvent(e)
      .catch((err) => platform.log.warn({ err: (err as Error).message, event: e.event }, 'could not queue the stakeholder updates of an event'))
      .finally(() => queuing.delete(q));
    queuing.add(q);
  });
  const settle = async () => {
    while (queuing.size) await Promise.all(queuing);
  };
  const parts: FeatureParts = {
    routes: [learnRoutes(service), reviewRoutes(reviews), reportRoutes(reports), drillRoutes(drills), updatesRoutes({ updates, schedules, audiences })],
    jobs: (queue) => {
      queue.work<{ drillId: string; index: number }>(DRILL_EVENT_QUEUE, ({ drillId, index }) => drills.inject(drillId, index));
      queue.work<{ updateId: string }>(UPDATE_DELIVER_QUEUE, ({ updateId }, ctx) => updates.deliver(updateId, ctx.signal));
      queue.work<{ scheduleId: string; slot: string }>(UPDATE_SLOT_QUEUE, (job) => schedules.runSlot(job));
      queue.work<{ incidentId: string; event: UpdateEvent; ref: string }>(UPDATE_EVENT_QUEUE, (e) => schedules.runEvent(e));
    },
  };
  return { service, reviews, reports, drills, updates, schedules, audiences, parts, settle };
}
