/** What the composition root wires: the experts service and its routes. */
import type { FeatureParts } from '../../platform/module.js';
import type { Platform } from '../../platform/platform.js';
import type { IncidentAccess } from '../incident-access.js';
import { ExpertsRepository } from './experts.repository.js';
import { expertsRoutes } from './experts.routes.js';
import { ExpertsService } from './experts.service.js';

export function createExpertsModule(platform: Platform, access: IncidentAccess): { service: ExpertsService; parts: FeatureParts } {
  const service = new ExpertsService({ repo: new ExpertsRepository(platform.store.db), audit: platform.audit, access });
  return { service, parts: { routes: [expertsRoutes(service)] } };
}
