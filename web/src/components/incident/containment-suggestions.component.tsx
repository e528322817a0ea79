/**
 * Suggested plans on the containment board (issue 16 §3): accounts and addresses among the
 * observables and the secrets a scan found, each with the operation that contains it and the
 * targets Breachdesk holds — masked ("AKIA…1234"); the server fills them in when the plan is
 * made, so a leaked token never comes to the browser. Planning captures the pre-state and the
 * dry run; the action then appears on the board to approve and run.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActionSuggestion, PlannedBulk } from '../../api/api.types.js';
import { api } from '../../api/http.client.js';
import { ErrorBox, QueryState } from '../query-state.component.js';
import { incidentPath } from './incident-api.js';

function SuggestionItem({ s, incidentId, canWrite }: { s: ActionSuggestion; incidentId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const [connector, setConnector] = useState(s.connectors[0] ?? '');
  const plan = useMutation({
    mutationFn: () => api<PlannedBulk>(`${incidentPath(incidentId)}/action-suggestions/${encodeURIComponent(s.id)}/plan`, { body: { connector } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', incidentId, 'actions'] }),
  });
  const shown = s.targets.length ? s.targets : s.maskedTargets;
  return (
    <li>
      <strong>{s.title}</strong> <span className="muted small-text">({s.connectorKind}: {s.operation})</span>
      <div className="muted small-text">
        {shown.length ? `Targets: ${shown.join(', ')}${s.ready > shown.length ? ` and ${s.ready - shown.length} more` : ''}` : `Found: ${s.samples.join(', ') || s.count}`}
        {s.how ? ` · ${s.how}` : ''}
      </div>
      {canWrite && s.ready > 0 && (
        <div className="row">
          {s.connectors.length > 1 && (
            <select aria-label={`Connector for ${s.title}`} value={connector} onChange={(e) => setConnector(e.target.value)}>
              {s.connectors.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
          <button type="button" className="small" disabled={plan.isPending || !connector} onClick={() => plan.mutate()} aria-label={`Plan: ${s.title}`}>
            {s.connectors.length ? 'Plan' : `Plan (add a ${s.connectorKind} connector first)`}
          </button>
          {plan.isSuccess && <span role="status">{plan.data.items.length} action(s) planned</span>}
        </div>
      )}
      {plan.isError && <ErrorBox error={plan.error} />}
    </li>
  );
}

export function ContainmentSuggestions({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const suggestions = useQuery({ queryKey: ['incident', incidentId, 'action-suggestions'], queryFn: () => api<{ items: ActionSuggestion[] }>(`${incidentPath(incidentId)}/action-suggestions`) });
  return (
    <>
      <h3>Suggested plans</h3>
      <QueryState query={suggestions} what="The suggested plans">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">Nothing to suggest yet: accounts, addresses and scanned secrets of the incident become plans here.</p>
          ) : (
            <ul className="suggestions" aria-label="Suggested plans">
              {page.items.map((s) => (
                <SuggestionItem key={s.id} s={s} incidentId={incidentId} canWrite={canWrite} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
