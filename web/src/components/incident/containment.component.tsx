/**
 * The containment board (issue 16 §5): every action of the incident with its state, who asked and
 * approved, what was read back, and what undo would restore — before anyone clicks it. Steps go
 * through the same API as the CLI; each answers per action, so one failure never hides the rest.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/http.client.js';
import type { ContainAction, Remediation, StepResult } from '../../api/api.types.js';
import { formatDateTime } from '../format.js';
import { ErrorBox, QueryState } from '../query-state.component.js';
import { ContainmentSuggestions } from './containment-suggestions.component.js';
import { incidentPath } from './incident-api.js';

type Step = 'approve' | 'run' | 'verify' | 'undo';

/** Which steps make sense in each state (the server decides; this only hides dead buttons). */
function stepsFor(a: ContainAction): Step[] {
  switch (a.state) {
    case 'planned':
      return a.approval === 'none' ? ['run'] : ['approve'];
    case 'approved':
      return ['run'];
    case 'failed':
      return a.reversible && a.undoPreview && !a.error?.startsWith('plan:') ? ['run', 'undo'] : ['run'];
    case 'done':
      return a.reversible ? ['verify', 'undo'] : ['verify'];
    case 'verified':
      return a.reversible ? ['undo'] : [];
    default:
      return [];
  }
}

const LABEL: Record<Step, string> = { approve: 'Approve', run: 'Run', verify: 'Verify', undo: 'Undo' };

export function ContainmentSection({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const actions = useQuery({
    queryKey: ['incident', incidentId, 'actions'],
    queryFn: () => api<{ items: ContainAction[] }>(`${incidentPath(incidentId)}/actions`),
    // While something is executing the board follows it.
    refetchInterval: (q) => (q.state.data?.items.some((a) => a.state === 'executing' || a.state === 'approved') ? 1000 : false),
  });
  const remediations = useQuery({ queryKey: ['incident', incidentId, 'remediations'], queryFn: () => api<{ items: Remediation[] }>(`${incidentPath(incidentId)}/remediations`) });
  const [outcome, setOutcome] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: ({ step, ids }: { step: Step; ids: string[] }) => api<StepResult>(`${incidentPath(incidentId)}/actions/${step}`, { body: { actionIds: ids } }),
    onSuccess: (r) => {
      setOutcome(r.items.map((i) => `${i.target}: ${i.ok ? 'ok' : 'not done'}${i.detail ? ` — ${i.detail}` : ''}`).join('; '));
      qc.invalidateQueries({ queryKey: ['incident', incidentId] });
    },
  });
  return (
    <section aria-labelledby="containment-h" className="card">
      <h2 id="containment-h">Containment</h2>
      <QueryState query={actions} what="The containment actions">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">No containment actions planned. Plan them with `breachdesk action plan` or the API.</p>
          ) : (
            <table className="containment" aria-label="Containment actions">
              <thead>
                <tr>
                  <th scope="col">Target</th>
                  <th scope="col">Action</th>
                  <th scope="col">State</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Undo would restore</th>
                  {canWrite && <th scope="col">Steps</th>}
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) => (
                  <tr key={a.id} data-action-id={a.id}>
                    <td>{a.target}</td>
                    <td>
                      {a.connector.name}: {a.operation}
                      <div className="muted small-text">
                        {a.reversible ? 'reversible' : 'irreversible'} · approval {a.approval}
                        {a.approvals.length ? ` · approved by ${a.approvals.map((x) => x.username).join(', ')}` : ''}
                      </div>
                    </td>
                    <td>
                      <span className={`badge state-${a.state}`}>{a.state}</span>
                      <div className="muted small-text">{formatDateTime(a.updatedAt)}</div>
                    </td>
                    <td>{a.error ?? a.verification ?? a.result ?? a.plan.join('; ')}</td>
                    <td>{a.reversible ? (a.undoPreview ?? '—') : 'cannot be undone'}</td>
                    {canWrite && (
                      <td>
                        {stepsFor(a).map((s) => (
                          <button key={s} type="button" className="small" disabled={step.isPending} onClick={() => step.mutate({ step: s, ids: [a.id] })} aria-label={`${LABEL[s]} ${a.operation} ${a.target}`}>
                            {LABEL[s]}
                          </button>
                        ))}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {outcome && (
        <p role="status" className="small-text">
          {outcome}
        </p>
      )}
      {step.isError && <ErrorBox error={step.error} />}
      <ContainmentSuggestions incidentId={incidentId} canWrite={canWrite} />
      <h3>Remediation</h3>
      <QueryState query={remediations} what="The remediation items">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">No remediation items yet.</p>
          ) : (
            <ul className="remediations">
              {page.items.map((r) => (
                <li key={r.id}>
                  <span className="badge">{r.status}</span> {r.fix}
                  <div className="muted small-text">
                    Root cause: {r.rootCause}
                    {r.owner ? ` · owner ${r.owner}` : ''}
                    {r.due ? ` · due ${r.due}` : ''}
                    {r.evidence ? ` · closed with ${r.evidence.type} ${r.evidence.id}` : ' · open until evidence of the fix is given'}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
