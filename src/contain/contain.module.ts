/** What the composition root wires: connectors, actions, remediation, their routes and the execution job. */
import type { FeatureParts } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { executeAction } from './action-runner.js';
import { ActionsService, EXECUTE_QUEUE, type IncidentGate } from './actions.service.js';
import { CONNECTOR_KINDS } from './connectors/index.js';
import { ConnectorsService } from './connectors.service.js';
import { ContainRepository } from './contain.repository.js';
import { containRoutes } from './contain.routes.js';
import { remediationRoutes } from './remediation.routes.js';
import { type FixEvidencePorts, RemediationService } from './remediation.service.js';
import { type FindingsPorts, SuggestionsService } from './suggestions.service.js';

export interface ContainModule {
  connectors: ConnectorsService;
  actions: ActionsService;
  remediation: RemediationService;
  parts: FeatureParts;
}

export function createContainModule(platform: Platform, ports: { access: IncidentGate; fixEvidence: FixEvidencePorts; findings: FindingsPorts }): ContainModule {
  const repo = new ContainRepository(platform.store.db, platform.keyring);
  const connectors = new ConnectorsService({ repo, keyring: platform.keyring, audit: platform.audit, kinds: CONNECTOR_KINDS });
  const actions = new ActionsService({ repo, connectors, keyring: platform.keyring, audit: platform.audit, jobs: platform.jobs, access: ports.access, links: ports.fixEvidence });
  const remediation = new RemediationService({ repo, audit: platform.audit, access: ports.access, ports: ports.fixEvidence });
  const suggestions = new SuggestionsService({ access: ports.access, findings: ports.findings, connectors, actions });
  return {
    connectors,
    actions,
    remediation,
    parts: {
      routes: [containRoutes(connectors, actions), remediationRoutes(remediation, suggestions)],
      jobs: (queue) => queue.work<Parameters<typeof executeAction>[1]>(EXECUTE_QUEUE, (payload, ctx) => executeAction(actions, payload, ctx)),
    },
  };
}
