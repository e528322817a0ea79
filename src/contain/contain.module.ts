/** What the composition root wires: connectors, actions, their routes and the execution job. */
import type { FeatureParts } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { executeAction } from './action-runner.js';
import { ActionsService, EXECUTE_QUEUE, type IncidentGate } from './actions.service.js';
import { CONNECTOR_KINDS } from './connectors/index.js';
import { ConnectorsService } from './connectors.service.js';
import { ContainRepository } from './contain.repository.js';
import { containRoutes } from './contain.routes.js';

export interface ContainModule {
  connectors: ConnectorsService;
  actions: ActionsService;
  parts: FeatureParts;
}

export function createContainModule(platform: Platform, ports: { access: IncidentGate }): ContainModule {
  const repo = new ContainRepository(platform.store.db, platform.keyring);
  const connectors = new ConnectorsService({ repo, keyring: platform.keyring, audit: platform.audit, kinds: CONNECTOR_KINDS });
  const actions = new ActionsService({ repo, connectors, keyring: platform.keyring, audit: platform.audit, jobs: platform.jobs, access: ports.access });
  return {
    connectors,
    actions,
    parts: {
      routes: [containRoutes(connectors, actions)],
      jobs: (queue) => queue.work<Parameters<typeof executeAction>[1]>(EXECUTE_QUEUE, (payload, ctx) => executeAction(actions, payload, ctx)),
    },
  };
}
