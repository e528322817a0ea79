/** What the composition root wires: the evidence and notes services and their routes. */
import type { FeatureParts } from '../../platform/module.js';
import type { Platform } from '../../platform/platform.js';
import type { IncidentAccess } from '../incident-access.js';
import { EvidenceRepository } from './evidence.repository.js';
import { evidenceRoutes } from './evidence.routes.js';
import { EvidenceService } from './evidence.service.js';
import { NotesService } from './notes.service.js';

export interface EvidenceModule {
  service: EvidenceService;
  notes: NotesService;
  parts: FeatureParts;
}

export function createEvidenceModule(platform: Platform, access: IncidentAccess): EvidenceModule {
  const repo = new EvidenceRepository(platform.store.db, platform.store.dialect);
  const deps = { repo, keyring: platform.keyring, audit: platform.audit, access };
  const service = new EvidenceService({ ...deps, dataDir: platform.config.dataDir, blobs: platform.blobs });
  const notes = new NotesService(deps);
  service.cleanStalePartials();
  return { service, notes, parts: { routes: [evidenceRoutes(service, notes)] } };
}
