/**
 * The triage queue (issue 15 §2): suspected incidents folded from alerts, outside reports,
 * canaries and flow findings. Acknowledge, dismiss with a reason, merge, split, link to an
 * incident, or confirm into a new incident with its awareness time (default now; a reason when
 * earlier — it moves every legal deadline).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { ConfirmResult, Suspect, SuspectDetail } from '../api/api.types.js';
import { api } from '../api/http.client.js';
import { formatDateTime } from '../components/format.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';

const STATUSES = ['', 'open', 'acknowledged', 'dismissed', 'merged', 'confirmed', 'linked'] as const;

export function TriagePage() {
  const [status, setStatus] = useState<string>('');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['triage', status], queryFn: () => api<{ items: Suspect[] }>(`/api/v1/triage/suspects?limit=200${status ? `&status=${status}` : ''}`) });
  return (
    <>
      <h1>Triage</h1>
      <p>Alerts, outside reports, canary hits and flow findings, folded into suspected incidents. Confirm one to open an incident: its awareness time starts the legal clocks.</p>
      <div className="field">
        <label htmlFor="triage-status">Show</label>
        <select id="triage-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s || 'open and acknowledged'}
            </option>
          ))}
        </select>
      </div>
      <QueryState query={list} what="suspected incidents">
        {(d) =>
          d.items.length === 0 ? (
            <p className="muted">Nothing to triage.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Suspected incident</th>
                  <th scope="col">Score</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Alerts</th>
                  <th scope="col">Last seen</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <button type="button" className="link" aria-expanded={open === s.id} onClick={() => setOpen(open === s.id ? null : s.id)}>
                        {s.title}
                      </button>
                    </td>
                    <td>{s.score}</td>
                    <td>{s.severity}</td>
                    <td>{s.alertCount}</td>
                    <td>{formatDateTime(s.lastSeen)}</td>
                    <td>{s.incidentId ? <Link to={`/incidents/${s.incidentId}`}>{s.status}</Link> : s.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {open && <SuspectPanel id={open} others={list.data?.items.filter((s) => s.id !== open) ?? []} />}
    </>
  );
}

function SuspectPanel({ id, others }: { id: string; others: Suspect[] }) {
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ['suspect', id], queryFn: () => api<SuspectDetail>(`/api/v1/triage/suspects/${encodeURIComponent(id)}`) });
  const [reason, setReason] = useState('');
  const [awareAt, setAwareAt] = useState('');
  const [awareReason, setAwareReason] = useState('');
  const [incident, setIncident] = useState('');
  const [mergeFrom, setMergeFrom] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState<ConfirmResult | null>(null);
  const act = useMutation({
    mutationFn: ({ verb, body }: { verb: string; body: unknown }) => api<unknown>(`/api/v1/triage/suspects/${encodeURIComponent(id)}/${verb}`, { body }),
    onSuccess: (r, v) => {
      if (v.verb === 'confirm') setConfirmed(r as ConfirmResult);
      qc.invalidateQueries({ queryKey: ['triage'] });
      qc.invalidateQueries({ queryKey: ['suspect', id] });
    },
  });
  /** A form's submit: no page load, then the triage step. */
  const on = (verb: string, body: () => unknown) => (e: FormEvent) => {
    e.preventDefault();
    act.mutate({ verb, body: body() });
  };
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    act.mutate({ verb: 'confirm', body: { ...(awareAt ? { awareAt: new Date(awareAt).toISOString() } : {}), ...(awareReason ? { awareAtReason: awareReason } : {}) } });
  };
  return (
    <section aria-labelledby="suspect-title">
      <QueryState query={detail} what="the suspected incident">
        {(s) => (
          <>
            <h2 id="suspect-title">{s.title}</h2>
            <p>
              Score {s.score}, {s.severity}, {s.status}; first seen {formatDateTime(s.firstSeen)}, last seen {formatDateTime(s.lastSeen)}.
            </p>
            <table>
              <caption>Alerts</caption>
              <thead>
                <tr>
                  <th scope="col">Split</th>
                  <th scope="col">Seen</th>
                  <th scope="col">Source</th>
                  <th scope="col">Alert</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Repeats</th>
                  <th scope="col">Hosts, users, IPs</th>
                </tr>
              </thead>
              <tbody>
                {s.alerts.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <input type="checkbox" aria-label={`Move “${a.title}” to a new suspected incident`} checked={picked.includes(a.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, a.id] : picked.filter((x) => x !== a.id))} />
                    </td>
                    <td>{formatDateTime(a.observedAt)}</td>
                    <td>
                      {a.source} ({a.kind})
                    </td>
                    <td>{a.title}</td>
                    <td>{a.severity}</td>
                    <td>{a.count}</td>
                    <td>{[...a.hosts, ...a.users, ...a.ips].join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {act.isError && <ErrorBox error={act.error} />}
            {confirmed && (
              <div className="notice" role="status">
                Incident opened, aware at {formatDateTime(confirmed.awareAt)}, {confirmed.observables} observable(s) carried over: <Link to={`/incidents/${confirmed.incidentId}`}>open the incident</Link>
              </div>
            )}
            {(s.status === 'open' || s.status === 'acknowledged') && (
              <div className="actions">
                {s.status === 'open' && (
                  <button type="button" onClick={() => act.mutate({ verb: 'acknowledge', body: {} })}>
                    Acknowledge
                  </button>
                )}
                <form className="inline-form" onSubmit={confirm}>
                  <div className="field">
                    <label htmlFor="aware-at">Aware since (empty = now)</label>
                    <input id="aware-at" type="datetime-local" value={awareAt} onChange={(e) => setAwareAt(e.target.value)} />
                  </div>
                  <div className="field">
                    <label htmlFor="aware-reason">Why earlier than now</label>
                    <input id="aware-reason" value={awareReason} required={!!awareAt} onChange={(e) => setAwareReason(e.target.value)} />
                  </div>
                  <button type="submit">Confirm as incident</button>
                </form>
                <form className="inline-form" onSubmit={on('dismiss', () => ({ reason }))}>
                  <div className="field">
                    <label htmlFor="dismiss-reason">Dismiss reason</label>
                    <input id="dismiss-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
                  </div>
                  <button type="submit">Dismiss</button>
                </form>
                <form className="inline-form" onSubmit={on('link', () => ({ incidentId: incident.trim() }))}>
                  <div className="field">
                    <label htmlFor="link-incident">Existing incident id</label>
                    <input id="link-incident" required value={incident} onChange={(e) => setIncident(e.target.value)} />
                  </div>
                  <button type="submit">Link</button>
                </form>
                {others.length > 0 && (
                  <form className="inline-form" onSubmit={on('merge', () => ({ from: [mergeFrom] }))}>
                    <div className="field">
                      <label htmlFor="merge-from">Merge in</label>
                      <select id="merge-from" required value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value)}>
                        <option value="">choose…</option>
                        {others.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.title}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit">Merge</button>
                  </form>
                )}
                <button type="button" disabled={!picked.length} onClick={() => {
                    act.mutate({ verb: 'split', body: { alertIds: picked } });
                    setPicked([]);
                  }}>
                  Split the ticked alerts off
                </button>
              </div>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
