/** What the composition root wires for Confirm: intake and triage services, routes. */
import type { FeatureParts } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { SealedBlobs } from '../platform/storage/sealed-blobs.js';
import { canaryCheckRoute, canariesRoutes } from './canaries.routes.js';
import { CanariesRepository } from './canaries.repository.js';
import { CanariesService, type CanaryScanner } from './canaries.service.js';
import { FlowAnalyses } from './flows/flow-analyses.js';
import { FLOWS_QUEUE, type FlowJob, flowJob, flowsRoutes } from './flows/flows.routes.js';
import type { IncidentsPort } from './incidents.port.js';
import { IntakeRepository } from './intake.repository.js';
import { intakeEndpoint, intakeSourceRoutes } from './intake.routes.js';
import { IntakeService } from './intake.service.js';
import { ReportsRepository } from './reports.repository.js';
import { reportsRoutes } from './reports.routes.js';
import { ReportsService } from './reports.service.js';
import { triageRoutes } from './triage.routes.js';
import { TriageService } from './triage.service.js';

export interface ConfirmModule {
  intake: IntakeService;
  triage: TriageService;
  reports: ReportsService;
  canaries: CanariesService;
  parts: FeatureParts;
}

export function createConfirmModule(platform: Platform, ports: { incidents: IncidentsPort; scanner: CanaryScanner }): ConfirmModule {
  const repo = new IntakeRepository(platform.store.db, platform.store.dialect);
  // Several group commits in flight only on PostgreSQL (advisory locks keep correlation exact);
  // SQLite has one writer connection, so a second group would only wait for the first.
  const groupsInFlight = platform.store.dialect === 'postgresql' ? platform.config.intakeGroupsInFlight : 1;
  const intake = new IntakeService(repo, platform.keyring, platform.audit, undefined, { groupsInFlight });
  const reports = new ReportsService(new ReportsRepository(platform.store.db), platform.keyring, platform.audit, intake);
  const triage = new TriageService(repo, platform.keyring, platform.audit, ports.incidents, undefined, (alertIds) => reports.attachmentsOfAlerts(alertIds));
  // Flow-log uploads, sealed on the blob store the fleet shares: the job runs on any process.
  const uploads = new SealedBlobs(platform.blobs, platform.keyring);
  const analyses = new FlowAnalyses(platform.store.db, platform.keyring, platform.audit);
  const site = { publicUrl: platform.config.publicUrl, securityContact: platform.config.securityContact };
  const canaries = new CanariesService(new CanariesRepository(platform.store.db), platform.keyring, platform.audit, intake, ports.scanner, { publicUrl: platform.config.publicUrl, canaryDomain: platform.config.canaryDomain });
  return {
    intake,
    triage,
    reports,
    canaries,
    parts: {
      routes: [intakeEndpoint(intake, platform.config.bodyLimit), intakeSourceRoutes(intake), triageRoutes(triage), reportsRoutes(reports, site), canariesRoutes(canaries), canaryCheckRoute(canaries), flowsRoutes(platform.jobs, uploads, analyses)],
      jobs: (queue) => queue.work<FlowJob>(FLOWS_QUEUE, flowJob(intake, uploads, analyses)),
    },
  };
}
