/** The decision log: who decided what, when and why (GDPR Art. 33(5) documentation duty). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/http.client.js';
import { DECISION_KINDS } from '../../api/api.types.js';
import { formatDateTime, humanize } from '../format.js';
import { ErrorBox, QueryState } from '../query-state.component.js';
import { incidentPath, incidentQueries } from './incident-api.js';

export function DecisionsSection({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const decisions = useQuery(incidentQueries.decisions(incidentId));
  const [kind, setKind] = useState<string>('other');
  const [value, setValue] = useState('');
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const add = useMutation({
    mutationFn: () => api(`${incidentPath(incidentId)}/decisions`, { body: { kind, value: value || undefined, what: what.trim(), why: why.trim() } }),
    onSuccess: () => {
      setWhat('');
      setWhy('');
      setValue('');
      qc.invalidateQueries({ queryKey: ['incident', incidentId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="decisions-h" className="card">
      <h2 id="decisions-h">Decision log</h2>
      <QueryState query={decisions} what="The decision log">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">No decisions recorded.</p>
          ) : (
            <ol className="decisions">
              {page.items.map((d) => (
                <li key={d.id}>
                  <div>
                    <span className="badge">{humanize(d.kind)}</span>
                    {d.value ? <strong> {humanize(d.value)}</strong> : null} {d.what}
                  </div>
                  <div className="muted small-text">
                    Why: {d.why} — {d.decidedBy.name ?? 'unknown'}, {formatDateTime(d.decidedAt)}
                  </div>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
      {canWrite && (
        <form className="stack-form" onSubmit={submit} aria-label="Record a decision">
          <div className="inline-form">
            <div className="field">
              <label htmlFor="decision-kind">Kind</label>
              <select id="decision-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {DECISION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {humanize(k)}
                  </option>
                ))}
              </select>
            </div>
            {kind === 'gdpr_risk' && (
              <div className="field">
                <label htmlFor="decision-value">Risk to people</label>
                <select id="decision-value" required value={value} onChange={(e) => setValue(e.target.value)}>
                  <option value="">Choose…</option>
                  <option value="unlikely">Unlikely (no notice, Art. 33(1))</option>
                  <option value="risk">Risk (notify authority, Art. 33)</option>
                  <option value="high">High risk (also notify people, Art. 34)</option>
                </select>
              </div>
            )}
          </div>
          <div className="field">
            <label htmlFor="decision-what">Decision</label>
            <input id="decision-what" required value={what} onChange={(e) => setWhat(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="decision-why">Why</label>
            <textarea id="decision-why" required rows={2} value={why} onChange={(e) => setWhy(e.target.value)} />
          </div>
          <button type="submit" disabled={add.isPending}>
            Record decision
          </button>
          {add.isError && <ErrorBox error={add.error} />}
        </form>
      )}
    </section>
  );
}
