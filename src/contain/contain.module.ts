/** What the composition root wires: connectors, actions, remediation, their routes and the execution job. */
import { canUnmask, type Principal } from '../platform/auth/roles.js';
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
import { buildSuggestions, type SecretFinding } from './suggestions.js';

/** What the incident's findings are, as other features answer it (src/main/modules.ts). */
export interface FindingsPorts {
  /** The incident's observables, unmasked when `unmask` (and the caller may). */
  observables(p: Principal, incidentId: string, unmask: boolean): Promise<Array<{ kind: string; value: string; masked: boolean }>>;
  /** Secret types found by the incident's finished scans, with counts and masked samples. */
  secrets(incidentId: string): Promise<Record<string, SecretFinding>>;
}

export interface ContainModule {
  connectors: ConnectorsService;
  actions: ActionsService;
  remediation: RemediationService;
  parts: FeatureParts;
}

export function createContainModule(platform: Platform, ports: { access: IncidentGate; fixEvidence: FixEvidencePorts; findings: FindingsPorts }): ContainModule {
  const repo = new ContainRepository(platform.store.db, platform.keyring);
  const connectors = new ConnectorsService({ repo, keyring: platform.keyring, audit: platform.audit, kinds: CONNECTOR_KINDS });
  const actions = new ActionsService({ repo, connectors, keyring: platform.keyring, audit: platform.audit, jobs: platform.jobs, access: ports.access });
  const remediation = new RemediationService({ repo, audit: platform.audit, access: ports.access, ports: ports.fixEvidence });
  const suggestions = async (p: Principal, incidentId: string) => {
    await ports.access.assertCanRead(p, incidentId);
    const [observables, secrets, cs] = await Promise.all([ports.findings.observables(p, incidentId, canUnmask(p)), ports.findings.secrets(incidentId), connectors.list()]);
    return buildSuggestions({ observables, secrets, connectors: cs.map((c) => ({ name: c.name, kind: c.kind })) });
  };
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
