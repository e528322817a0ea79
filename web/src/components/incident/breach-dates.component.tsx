/**
 * When the breach itself happened (issue 20 §6): its start and, for a range, its end. Notices are
 * drafted with them — "the date, estimated date, or date range of the breach" (e.g. Cal. Civ.
 * Code §1798.82(d)(2)(C)), HIPAA's "date of the breach" (45 CFR §164.404(c)(1)(A)). Each change is
 * audited by the server.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Incident } from '../../api/api.types.js';
import { api } from '../../api/http.client.js';
import { formatDateTime, fromLocalInput, toLocalInput } from '../format.js';
import { ErrorBox } from '../query-state.component.js';
import { incidentPath } from './incident-api.js';

export function BreachDatesSection({ incident, canWrite }: { incident: Incident; canWrite: boolean }) {
  const qc = useQueryClient();
  const [start, setStart] = useState(incident.breachStartedAt ? toLocalInput(incident.breachStartedAt) : '');
  const [end, setEnd] = useState(incident.breachEndedAt ? toLocalInput(incident.breachEndedAt) : '');
  const save = useMutation({
    mutationFn: () =>
      api<Incident>(incidentPath(incident.id), {
        method: 'PATCH',
        body: { breachStartedAt: start ? fromLocalInput(start) : null, breachEndedAt: end ? fromLocalInput(end) : null },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', incident.id] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const known = incident.breachStartedAt
    ? `${formatDateTime(incident.breachStartedAt)}${incident.breachEndedAt ? ` to ${formatDateTime(incident.breachEndedAt)}` : ''}`
    : 'not recorded yet';
  return (
    <section aria-labelledby="breach-dates-h" className="card">
      <h2 id="breach-dates-h">Date of the breach</h2>
      <p>
        Breach: <span data-testid="breach-dates">{known}</span>
      </p>
      {canWrite && (
        <form className="stack-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="breach-start">Breach started</label>
            <input id="breach-start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} aria-describedby="breach-dates-hint" />
          </div>
          <div className="field">
            <label htmlFor="breach-end">Breach ended (for a date range)</label>
            <input id="breach-end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
          </div>
          <p id="breach-dates-hint" className="hint">
            The date, estimated date or date range of the breach: notices state it. Detection and awareness are separate.
          </p>
          <button type="submit" className="small" disabled={save.isPending}>
            Save breach dates
          </button>
          {save.isError && <ErrorBox error={save.error} />}
        </form>
      )}
    </section>
  );
}
