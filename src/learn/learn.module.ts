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
import { updatesRoutes } from './updates/updates.routes.js';
import { UpdatesService } from './updates/updates.service.js';
import { ReviewService } from './review.service.js';

export function createLearnModule(platform: Platform, ports: LearnPorts, opts: { now?: () => Date } = {}) {
  const repo = new LearnRepository(platform.store.db);
  const service = new LearnService({ repo, audit: platform.audit, ports, now: opts.now });
  const reviews = new ReviewService({ repo, audit: platform.audit, ports, now: opts.now });
  const reports = new ReportService({ learn: service, reviews, ports, audit: platform.audit });
  const drills = new DrillService({ repo, audit: platform.audit, ports, jobs: platform.jobs, now: opts.now });
  const parts: FeatureParts = {
    routes: [learnRoutes(service), reviewRoutes(reviews), reportRoutes(reports), drillRoutes(drills), updatesRoutes(new UpdatesService({ learn: service, ports }))],
    jobs: (queue) => queue.work<{ drillId: string; index: number }>(DRILL_EVENT_QUEUE, ({ drillId, index }) => drills.inject(drillId, index)),
  };
  return { service, reviews, reports, drills, parts };
}
