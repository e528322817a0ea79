/** What the composition root wires for Confirm: intake and triage services, routes. */
import type { FeatureParts } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import type { IncidentsPort } from './incidents.port.js';
import { IntakeRepository } from './intake.repository.js';
import { intakeEndpoint, intakeSourceRoutes } from './intake.routes.js';
import { IntakeService } from './intake.service.js';
import { triageRoutes } from './triage.routes.js';
import { TriageService } from './triage.service.js';

export interface ConfirmModule {
  intake: IntakeService;
  triage: TriageService;
  parts: FeatureParts;
}

export function createConfirmModule(platform: Platform, ports: { incidents: IncidentsPort }): ConfirmModule {
  const repo = new IntakeRepository(platform.store.db);
  const intake = new IntakeService(repo, platform.keyring, platform.audit);
  const triage = new TriageService(repo, platform.keyring, platform.audit, ports.incidents);
  return { intake, triage, parts: { routes: [intakeEndpoint(intake, platform.config.bodyLimit), intakeSourceRoutes(intake), triageRoutes(triage)] } };
}
