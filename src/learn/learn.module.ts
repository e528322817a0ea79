/** What the composition root wires: the learn services over their ports, and their routes. */
import type { FeatureParts } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import type { LearnPorts } from './learn.ports.js';
import { LearnRepository } from './learn.repository.js';
import { learnRoutes } from './learn.routes.js';
import { LearnService } from './learn.service.js';
import { reportRoutes } from './reports/report.routes.js';
import { ReportService } from './reports/report.service.js';
import { reviewRoutes } from './review.routes.js';
import { ReviewService } from './review.service.js';

export function createLearnModule(platform: Platform, ports: LearnPorts, opts: { now?: () => Date } = {}) {
  const repo = new LearnRepository(platform.store.db);
  const service = new LearnService({ repo, audit: platform.audit, ports, now: opts.now });
  const reviews = new ReviewService({ repo, audit: platform.audit, ports, now: opts.now });
  const reports = new ReportService({ learn: service, reviews, ports, audit: platform.audit });
  const parts: FeatureParts = { routes: [learnRoutes(service), reviewRoutes(reviews), reportRoutes(reports)] };
  return { service, reviews, reports, parts };
}
