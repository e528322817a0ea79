/**
 * Stakeholder updates of an incident (src/learn/updates): drafts composed from the incident's
 * state, edited here; updates to external audiences approved by someone other than their drafter;
 * sending through the outbox; and the schedules (every N hours, on events) that make them.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/http.client.js';
import { formatDateTime } from '../format.js';
import { ErrorBox, QueryState } from '../query-state.component.js';
import { incidentPath } from './incident-api.js';

const AUDIENCES = { executives: 'Executives', all_staff: 'All staff', account_team: "Customers' account team" } as const;
type Audience = keyof typeof AUDIENCES;
const EVENTS = ['confirmed', 'contained', 'notified'] as const;

interface Update {
  id: string;
  audience: Audience;
  needsApproval: boolean;
  trigger: string;
  status: 'draft' | 'approved' | 'sending' | 'sent';
  subject: string;
  body: string;
  version: number;
  draftedByMe: boolean;
  approvedBy: string | null;
  sentAt: string | null;
  createdAt: string;
  delivery: { counts: Record<string, number>; recipients: Array<{ recipient: string; channel: string; state: string }> };
}
interface Schedule {
  id: string;
  audience: Audience;
  everyHours: number | null;
  events: string[];
  active: boolean;
  nextAt: string | null;
}

const upd = (id: string) => `/api/v1/updates/${encodeURIComponent(id)}`;

function UpdateCard({ u, incidentId, canWrite }: { u: Update; incidentId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const [subject, setSubject] = useState(u.subject);
  const [body, setBody] = useState(u.body);
  const done = () => qc.invalidateQueries({ queryKey: ['incident', incidentId, 'updates'] });
  const save = useMutation({ mutationFn: () => api<Update>(upd(u.id), { method: 'PUT', body: { subject, body } }), onSuccess: done });
  const approve = useMutation({ mutationFn: () => api<Update>(`${upd(u.id)}/approve`, { body: {} }), onSuccess: done });
  const send = useMutation({ mutationFn: () => api<Update>(`${upd(u.id)}/send`, { body: {} }), onSuccess: done });
  const editable = canWrite && (u.status === 'draft' || u.status === 'approved');
  const sendable = canWrite && (u.needsApproval ? u.status === 'approved' : u.status === 'draft');
  const sent = Object.entries(u.delivery.counts).filter(([, n]) => n > 0);
  return (
    <li className="card" aria-label={`Update to ${AUDIENCES[u.audience]}`}>
      <p className="small-text">
        <strong>{AUDIENCES[u.audience]}</strong> · {u.status}
        {u.needsApproval && (u.approvedBy ? ` · approved by ${u.approvedBy}` : ' · needs an approval')} · v{u.version} · {u.trigger} · {formatDateTime(u.createdAt)}
        {sent.length > 0 && ` · delivery: ${sent.map(([s, n]) => `${n} ${s}`).join(', ')}`}
      </p>
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={`subject-${u.id}`}>Subject</label>
            <input id={`subject-${u.id}`} value={subject} onChange={(e) => setSubject(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`body-${u.id}`}>Text</label>
            <textarea id={`body-${u.id}`} rows={6} value={body} onChange={(e) => setBody(e.target.value)} required />
          </div>
          <button type="submit" disabled={save.isPending || (subject === u.subject && body === u.body)}>
            Save draft
          </button>
        </form>
      ) : (
        <>
          <p>
            <strong>{u.subject}</strong>
          </p>
          <pre className="small-text">{u.body}</pre>
        </>
      )}
      {u.needsApproval && u.status === 'draft' && (u.draftedByMe ? <p className="hint">You drafted or edited this update: someone else approves it.</p> : <button type="button" onClick={() => approve.mutate()} disabled={approve.isPending}>Approve</button>)}
      {sendable && (
        <button type="button" onClick={() => send.mutate()} disabled={send.isPending}>
          Send
        </button>
      )}
      {save.isError && <ErrorBox error={save.error} />}
      {approve.isError && <ErrorBox error={approve.error} />}
      {send.isError && <ErrorBox error={send.error} />}
    </li>
  );
}

export function UpdatesSection({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const updates = useQuery({ queryKey: ['incident', incidentId, 'updates'], queryFn: () => api<{ items: Update[] }>(`${incidentPath(incidentId)}/updates`), refetchInterval: 15_000 });
  const schedules = useQuery({ queryKey: ['incident', incidentId, 'update-schedules'], queryFn: () => api<{ items: Schedule[] }>(`${incidentPath(incidentId)}/update-schedules`) });
  const [audience, setAudience] = useState<Audience>('executives');
  const [every, setEvery] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const draft = useMutation({
    mutationFn: () => api<Update>(`${incidentPath(incidentId)}/updates`, { body: { audience } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', incidentId, 'updates'] }),
  });
  const schedule = useMutation({
    mutationFn: () => api<Schedule>(`${incidentPath(incidentId)}/update-schedules`, { body: { audience, everyHours: every ? Number(every) : undefined, events } }),
    onSuccess: () => {
      setEvery('');
      setEvents([]);
      qc.invalidateQueries({ queryKey: ['incident', incidentId, 'update-schedules'] });
    },
  });
  return (
    <section aria-labelledby="updates-h" className="card">
      <h2 id="updates-h">Stakeholder updates</h2>
      {canWrite && (
        <form className="inline-form" aria-label="New update" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="update-audience">Audience</label>
            <select id="update-audience" value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
              {Object.entries(AUDIENCES).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => draft.mutate()} disabled={draft.isPending}>
            Draft update
          </button>
          <div className="field">
            <label htmlFor="update-every">Every (hours)</label>
            <input id="update-every" type="number" min="0.1" step="any" value={every} onChange={(e) => setEvery(e.target.value)} />
          </div>
          <fieldset className="field">
            <legend>On events</legend>
            {EVENTS.map((ev) => (
              <label key={ev}>
                <input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))} /> {ev}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={() => schedule.mutate()} disabled={schedule.isPending || (!every && events.length === 0)}>
            Schedule updates
          </button>
        </form>
      )}
      {draft.isError && <ErrorBox error={draft.error} />}
      {schedule.isError && <ErrorBox error={schedule.error} />}
      <QueryState query={schedules} what="The update schedules">
        {(page) =>
          page.items.length > 0 && (
            <ul aria-label="Update schedules">
              {page.items.map((s) => (
                <li key={s.id}>
                  {AUDIENCES[s.audience]}: {s.everyHours ? `every ${s.everyHours} h (next ${s.nextAt ? formatDateTime(s.nextAt) : '—'})` : ''}
                  {s.events.length > 0 && ` on ${s.events.join(', ')}`}
                  {!s.active && ' · stopped'}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <QueryState query={updates} what="The updates">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">No updates yet.</p>
          ) : (
            <ol className="plain-list">
              {page.items.map((u) => (
                <UpdateCard key={`${u.id}:${u.version}:${u.status}`} u={u} incidentId={incidentId} canWrite={canWrite} />
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}
