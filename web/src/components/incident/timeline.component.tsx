/** The incident timeline: automatic entries (audit trail) and manual ones with their event time. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/http.client.js';
import { TIMELINE_KINDS, type TimelineEntry } from '../../api/api.types.js';
import { formatDateTime, fromLocalInput, humanize, toLocalInput } from '../format.js';
import { ErrorBox, QueryState } from '../query-state.component.js';
import { incidentPath, incidentQueries } from './incident-api.js';

const SHOWN = 25;

export function TimelineSection({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const timeline = useQuery(incidentQueries.timeline(incidentId));
  const [kind, setKind] = useState<string>('attacker_activity');
  const [at, setAt] = useState(toLocalInput());
  const [text, setText] = useState('');
  const [showAll, setShowAll] = useState(false);
  const add = useMutation({
    mutationFn: () => api<TimelineEntry>(`${incidentPath(incidentId)}/timeline`, { body: { kind, at: fromLocalInput(at), text: text.trim() } }),
    onSuccess: () => {
      setText('');
      qc.invalidateQueries({ queryKey: ['incident', incidentId, 'timeline'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="timeline-h" className="card">
      <h2 id="timeline-h">Timeline</h2>
      {canWrite && (
        <form className="inline-form" onSubmit={submit} aria-label="Add a timeline entry">
          <div className="field">
            <label htmlFor="tl-kind">Kind</label>
            <select id="tl-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {TIMELINE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {humanize(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="tl-at">Event time</label>
            <input id="tl-at" type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          </div>
          <div className="field grow">
            <label htmlFor="tl-text">What happened</label>
            <input id="tl-text" required value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" disabled={add.isPending}>
            Add entry
          </button>
          {add.isError && <ErrorBox error={add.error} />}
        </form>
      )}
      <QueryState query={timeline} what="The timeline">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">Nothing recorded yet.</p>
          ) : (
            // No inner scroll box (it would need keyboard focus, WCAG 2.1.1): the newest entries, then "show all".
            <>
            <ol className="timeline">
              {(showAll ? page.items : page.items.slice(-SHOWN)).map((e) => (
                <li key={e.id} className={`tl tl-${e.source}`}>
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  <span className="badge">{humanize(e.kind)}</span>
                  <span className="tl-text">{e.text}</span>
                  <span className="muted small-text">
                    {e.actor ?? 'system'}
                    {e.source === 'manual' && e.recordedAt !== e.at ? ` · recorded ${formatDateTime(e.recordedAt)}` : ''}
                  </span>
                </li>
              ))}
            </ol>
            {page.items.length > SHOWN && (
              <button type="button" className="secondary small" onClick={() => setShowAll(!showAll)}>
                {showAll ? `Show the latest ${SHOWN}` : `Show all ${page.items.length} entries`}
              </button>
            )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
