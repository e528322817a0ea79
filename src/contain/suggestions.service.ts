/**
 * From findings to actions (issue 16 §3): the incident's suggestions as a role sees them, and
 * planning one as it stands — the server fills in the targets it holds (observables the caller
 * may unmask, values a server scan kept sealed), so a leaked token never travels to the browser
 * to be sent back. The actions link to the scan finding they come from.
 */
import { canUnmask, type Principal } from '../platform/auth/roles.js';
import { BadInputError } from '../platform/errors.js';
import { NotFoundError } from '../platform/http/problem.js';
import type { ActionsService } from './actions.service.js';
import type { ConnectorsService } from './connectors.service.js';
import type { Action } from './contain.schema.js';
import type { Suggestion, SuggestionPlanInput } from './remediation.schema.js';
import { buildSuggestions, type HeldSuggestion, type SecretFinding } from './suggestions.js';

/** What the incident's findings are, as other features answer it (src/main/modules.ts). */
export interface FindingsPorts {
  /** The incident's observables, unmasked when `unmask` (and the caller may). */
  observables(p: Principal, incidentId: string, unmask: boolean): Promise<Array<{ kind: string; value: string; masked: boolean }>>;
  /** Secret types found by the incident's newest finished scan: counts, masked samples, revocation advice and the sealed values to revoke. */
  secrets(incidentId: string): Promise<Record<string, SecretFinding>>;
}

export class SuggestionsService {
  constructor(
    private readonly d: {
      access: { assertCanRead(p: Principal, incidentId: string): Promise<void> };
      findings: FindingsPorts;
      connectors: ConnectorsService;
      actions: ActionsService;
    },
  ) {}

  private async held(p: Principal, incidentId: string): Promise<HeldSuggestion[]> {
    await this.d.access.assertCanRead(p, incidentId);
    const [observables, secrets, cs] = await Promise.all([this.d.findings.observables(p, incidentId, canUnmask(p)), this.d.findings.secrets(incidentId), this.d.connectors.list()]);
    return buildSuggestions({ observables, secrets, connectors: cs.map((c) => ({ name: c.name, kind: c.kind })) });
  }

  async list(p: Principal, incidentId: string): Promise<Suggestion[]> {
    return (await this.held(p, incidentId)).map(({ values: _values, links: _links, ...s }) => s);
  }

  /** Plans a suggestion on the targets Breachdesk holds for it (the actions service checks the right to write). */
  async plan(p: Principal, incidentId: string, suggestionId: string, input: SuggestionPlanInput): Promise<{ bulkId: string; items: Action[] }> {
    const s = (await this.held(p, incidentId)).find((x) => x.id === suggestionId);
    if (!s) throw new NotFoundError('suggestion');
    if (!s.values.length) throw new BadInputError(`suggestion ${suggestionId}: Breachdesk holds no targets for it (masked for your role, or a scan that kept no values): plan it with its targets`);
    const connector = input.connector ?? (s.connectors.length === 1 ? s.connectors[0] : undefined);
    if (!connector) throw new BadInputError(s.connectors.length ? `connector: choose one of ${s.connectors.join(', ')}` : `connector: no ${s.connectorKind} connector is configured`);
    if (!s.connectors.includes(connector) && (await this.d.connectors.get(connector)).kind !== s.connectorKind) throw new BadInputError(`connector: ${connector} is not a ${s.connectorKind} connector`);
    return this.d.actions.plan(p, incidentId, { connector, operation: s.operation, targets: s.values, params: input.params, links: s.links });
  }
}
