/** Incidents at a glance: what is open, how bad, how old, and how long until the next legal deadline. */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/http.client.js';
import { INCIDENT_STATUSES, type Incident, type Page, SEVERITIES } from '../api/api.types.js';
import { useSession } from '../auth/session.context.js';
import { SeverityBadge, StatusBadge } from '../components/badges.component.js';
import { Countdown, useNow } from '../components/countdown.component.js';
import { formatAge, formatDateTime, fromLocalInput, humanize, toLocalInput } from '../components/format.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';
import { TasksDue } from '../components/tasks-due.component.js';

const OPEN = new Set(['suspected', 'confirmed', 'contained', 'notifying', 'recovering']);

function NewIncidentForm({ onDone }: { onDone: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [awareAt, setAwareAt] = useState(toLocalInput());
  const [summary, setSummary] = useState('');
  const [severity, setSeverity] = useState('medium');
  const create = useMutation({
    mutationFn: () => api<Incident>('/api/v1/incidents', { body: { title: title.trim(), awareAt: fromLocalInput(awareAt), summary, severity } }),
    onSuccess: (i) => {
      qc.invalidateQueries({ queryKey: ['incidents'] });
      onDone();
      navigate(`/incidents/${encodeURIComponent(i.id)}`);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-incident-title">
      <h2 id="new-incident-title">New incident</h2>
      <div className="field">
        <label htmlFor="incident-title">Title</label>
        <input id="incident-title" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="incident-aware">Aware at</label>
        <input id="incident-aware" type="datetime-local" required value={awareAt} onChange={(e) => setAwareAt(e.target.value)} aria-describedby="aware-hint" />
        <p id="aware-hint" className="hint">
          When the organisation became aware of the breach: it starts every legal clock (e.g. GDPR Art. 33(1), 72 hours).
        </p>
      </div>
      <div className="field">
        <label htmlFor="incident-severity">Severity</label>
        <select id="incident-severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="incident-summary">Summary</label>
        <textarea id="incident-summary" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      {create.isError && <ErrorBox error={create.error} />}
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          Open incident
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function IncidentsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const status = params.get('status') ?? '';
  const severity = params.get('severity') ?? '';
  const q = params.get('q') ?? '';
  const openOnly = params.get('open') !== '0';
  const now = useNow();
  const incidents = useQuery({
    queryKey: ['incidents', status],
    queryFn: () => api<Page<Incident>>('/api/v1/incidents', { query: { status, limit: 500 } }),
    refetchInterval: 60_000,
  });
  // Servers whose list items lack `nextDeadline` (the field is absent, not null): ask each open
  // incident's obligations instead, at most 50, so the deadline column still answers "what burns".
  const missing = (incidents.data?.items ?? []).filter((i) => !('nextDeadline' in i) && OPEN.has(i.status)).slice(0, 50);
  const fallback = useQueries({
    queries: missing.map((i) => ({
      queryKey: ['incident', i.id, 'obligations'],
      queryFn: () => api<{ nextDeadline: { deadline: string } | null }>(`/api/v1/incidents/${encodeURIComponent(i.id)}/obligations`),
      retry: false,
      staleTime: 60_000,
    })),
  });
  const deadlineOf = new Map(missing.map((i, n) => [i.id, fallback[n]?.data?.nextDeadline?.deadline ?? null]));
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };

  return (
    <>
      <div className="page-head">
        <h1>Incidents</h1>
        {can('write') && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New incident
          </button>
        )}
      </div>
      {creating && <NewIncidentForm onDone={() => setCreating(false)} />}
      <form className="filters" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" type="search" value={q} onChange={(e) => set('q', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-severity">Severity</label>
          <select id="filter-severity" value={severity} onChange={(e) => set('severity', e.target.value)}>
            <option value="">Any</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={openOnly} onChange={(e) => set('open', e.target.checked ? '' : '0')} disabled={!!status} />
          Open incidents only
        </label>
      </form>
      <QueryState query={incidents} what="Incidents">
        {(page) => {
          const rows = page.items
            .map((i) => (deadlineOf.has(i.id) ? { ...i, nextDeadline: deadlineOf.get(i.id) } : i))
            .filter((i) => status || !openOnly || OPEN.has(i.status))
            .filter((i) => !severity || i.severity === severity)
            .filter((i) => !q || `${i.title} ${i.summary}`.toLowerCase().includes(q.toLowerCase()))
            .sort((a, b) => (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999') || b.awareAt.localeCompare(a.awareAt));
          if (rows.length === 0) return <p className="muted">No incidents match. {page.items.length === 0 && can('write') ? 'Open one with “New incident”.' : ''}</p>;
          return (
            <table className="incidents">
              <caption className="visually-hidden">Incidents, soonest legal deadline first</caption>
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col">Status</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Age</th>
                  <th scope="col">Next legal deadline</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.title}</Link>
                    </td>
                    <td>
                      <StatusBadge status={i.status} />
                    </td>
                    <td>
                      <SeverityBadge severity={i.severity} />
                    </td>
                    <td title={`aware since ${formatDateTime(i.awareAt)}`}>{formatAge(i.awareAt, now)}</td>
                    <td>
                      <Countdown deadline={i.nextDeadline} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </QueryState>
      {incidents.isSuccess && <TasksDue incidents={incidents.data.items} />}
    </>
  );
}
