/** Who must be told, by when, under which law, and why — soonest deadline first. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { TrackedObligation } from '../api/api.types.js';
import { api } from '../api/http.client.js';
import { useSession } from '../auth/session.context.js';
import { type BreachOverrides, BreachFactsPanel } from '../components/breach-facts.component.js';
import { Countdown } from '../components/countdown.component.js';
import { EnisaCalculator, type EngineSeverity, type SeverityInput } from '../components/enisa-calculator.component.js';
import { formatDateTime, humanize } from '../components/format.js';
import { incidentPath } from '../components/incident/incident-api.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';
import { IncidentNav } from './incident.page.js';

interface ObligationList {
  computedAt: string | null;
  incidentClosed?: boolean;
  severity: EngineSeverity | null;
  nextDeadline: { id: string; deadline: string } | null;
  uncovered: string[];
  items: TrackedObligation[];
}

const STATUSES = ['pending', 'in_progress', 'done', 'not_required'] as const;

/**
 * The status of one tracked duty. "Not required" needs a reason (it is the record of why a
 * notice was not sent, GDPR Art. 33(5)), asked for inline rather than in a modal prompt.
 */
function StatusCell({ item, editable, onSet }: { item: TrackedObligation; editable: boolean; onSet: (status: string, reason?: string) => void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const id = `st-${item.itemId}`;
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Status: {humanize(item.recipient)}, {item.jurisdiction}, {item.regime}
      </label>
      <select
        id={id}
        value={asking ? 'not_required' : item.status}
        disabled={!editable}
        onChange={(e) => {
          if (e.target.value === 'not_required') return setAsking(true);
          setAsking(false);
          onSet(e.target.value);
        }}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {humanize(s)}
          </option>
        ))}
      </select>
      {asking && (
        <form
          className="stack-form"
          onSubmit={(e) => {
            e.preventDefault();
            onSet('not_required', reason.trim());
            setAsking(false);
          }}
        >
          <label htmlFor={`${id}-reason`}>Why not required</label>
          <input id={`${id}-reason`} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="small">
            Save
          </button>
          <button type="button" className="secondary small" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      )}
    </>
  );
}

/**
 * Why a late notification was late (GDPR Art. 33(1): "the reasons for the delay"): shown on a
 * late met obligation, and recorded or corrected afterwards (a campaign that finished late was
 * never asked). The server audits each change.
 */
function LateReason({ item, editable, onSave }: { item: TrackedObligation; editable: boolean; onSave: (reason: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState(item.met?.lateReason ?? '');
  const id = `late-${item.itemId}`;
  return (
    <div className="small-text">
      Reason for delay: {item.met?.lateReason ?? <em>not recorded</em>}{' '}
      {editable && !editing && (
        <button type="button" className="secondary small" onClick={() => setEditing(true)}>
          {item.met?.lateReason ? 'Edit reason' : 'Add reason'}
        </button>
      )}
      {editing && (
        <form
          className="stack-form"
          onSubmit={(e) => {
            e.preventDefault();
            onSave(reason.trim());
            setEditing(false);
          }}
        >
          <label htmlFor={id}>Why was it late?</label>
          <input id={id} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="small">
            Save reason
          </button>
        </form>
      )}
    </div>
  );
}

export function ObligationsPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const qc = useQueryClient();
  const key = ['incident', id, 'obligations'];
  // Always fresh on arrival: an assessment or a sent notice recomputes them in the background.
  const list = useQuery({ queryKey: key, queryFn: () => api<ObligationList>(`${incidentPath(id)}/obligations`), refetchOnMount: 'always' });
  const facts = useQuery({ queryKey: ['incident', id, 'breach-facts'], queryFn: () => api<{ overrides: Record<string, unknown> }>(`${incidentPath(id)}/breach-facts`) });
  const recompute = useMutation({
    mutationFn: () => api<ObligationList>(`${incidentPath(id)}/obligations/recompute`, { method: 'POST' }),
    onSuccess: (d) => qc.setQueryData(key, d),
  });
  const setStatus = useMutation({
    mutationFn: ({ itemId, status, reason }: { itemId: string; status: string; reason?: string }) =>
      api(`${incidentPath(id)}/obligations/${encodeURIComponent(itemId)}`, { method: 'PATCH', body: { status, reason: reason ?? null } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', id] }),
  });
  const setLateReason = useMutation({
    mutationFn: ({ itemId, reason }: { itemId: string; reason: string }) =>
      api(`${incidentPath(id)}/obligations/${encodeURIComponent(itemId)}/late-reason`, { method: 'PUT', body: { reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', id] }),
  });
  const saveFacts = useMutation({
    mutationFn: ({ breach, reason }: { breach: BreachOverrides; reason: string }) =>
      api<ObligationList>(`${incidentPath(id)}/breach-facts`, { method: 'PUT', body: { ...(facts.data?.overrides ?? {}), breach, reason } }),
    onSuccess: (d) => {
      qc.setQueryData(key, d);
      return qc.invalidateQueries({ queryKey: ['incident', id] });
    },
  });
  const saveSeverity = useMutation({
    mutationFn: (severity: Required<SeverityInput>) => api<ObligationList>(`${incidentPath(id)}/breach-facts`, { method: 'PUT', body: { ...(facts.data?.overrides ?? {}), severity } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', id] }),
  });

  return (
    <>
      <h1>Notification obligations</h1>
      <IncidentNav id={id} />
      <QueryState query={list} what="Obligations">
        {(d) => {
          // Marked not required by a person (with a reason) joins the engine's not-required list.
          const owed = d.items.filter((o) => o.required !== false && o.status !== 'not_required');
          const notRequired = d.items.filter((o) => o.required === false || o.status === 'not_required');
          const groups = new Map<string, TrackedObligation[]>();
          for (const o of owed) {
            const k = `${humanize(o.recipient)} — ${o.jurisdiction}`;
            groups.set(k, [...(groups.get(k) ?? []), o]);
          }
          return (
            <>
              <div className="page-head">
                <p>
                  {d.nextDeadline ? (
                    <>
                      Next deadline: <Countdown deadline={d.nextDeadline.deadline} /> ({formatDateTime(d.nextDeadline.deadline)})
                    </>
                  ) : (
                    'No deadline computed yet.'
                  )}{' '}
                  <span className="muted">Computed {formatDateTime(d.computedAt)}.</span>
                </p>
                {can('write') && (
                  <button type="button" className="secondary" onClick={() => recompute.mutate()} disabled={recompute.isPending}>
                    Recompute
                  </button>
                )}
              </div>
              {recompute.isError && <ErrorBox error={recompute.error} />}
              {setStatus.isError && <ErrorBox error={setStatus.error} />}
              {setLateReason.isError && <ErrorBox error={setLateReason.error} />}
              {d.uncovered.length > 0 && (
                <p className="warning" role="status">
                  No rule covers {d.uncovered.join(', ')}: check the law there by hand.
                </p>
              )}
              <table className="obligations">
                <caption>Owed notifications, by recipient and jurisdiction</caption>
                <thead>
                  <tr>
                    <th scope="col">Recipient / jurisdiction</th>
                    <th scope="col">Regime</th>
                    <th scope="col">Deadline</th>
                    <th scope="col">Countdown</th>
                    <th scope="col">Status</th>
                    <th scope="col">Citation</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {owed.length === 0 && (
                    <tr>
                      <td colSpan={7} className="muted">
                        Nothing owed on the current facts.
                      </td>
                    </tr>
                  )}
                  {[...groups.entries()].map(([g, items]) =>
                    items.map((o, i) => (
                      <tr key={o.itemId} className={o.required === 'review' ? 'row-warn' : ''}>
                        {i === 0 && (
                          <th scope="rowgroup" rowSpan={items.length}>
                            {g}
                          </th>
                        )}
                        <td>
                          {o.regime}
                          {o.required === 'review' && <div className="badge">Needs review</div>}
                          {o.required === 'review' && (o.questions ?? []).length > 0 && (
                            <ul className="small-text review-questions" aria-label="To settle">
                              {o.questions!.map((q) => (
                                <li key={q}>{q}</li>
                              ))}
                            </ul>
                          )}
                          {o.authority && <div className="small-text">{o.authority.name}</div>}
                        </td>
                        <td>{o.deadline ? formatDateTime(o.deadline) : humanize(o.urgency ?? o.deadlineRule)}</td>
                        <td>
                          {o.met?.remaining?.length ? (
                            <>
                              <span className="badge">
                                Met for {o.met.covered?.join(', ')}; still owed for {o.met.remaining.join(', ')}
                              </span>{' '}
                              {!d.incidentClosed && <Countdown deadline={o.deadline} />}
                            </>
                          ) : o.met?.deemed ? (
                            // Met by the notice the state law deems to satisfy it (tracking/deemed.service.ts): its countdown stops.
                            <span className="badge deemed-met">
                              {o.met.deemed.label}
                              {o.met.late ? ' — late' : ''}
                            </span>
                          ) : o.met ? (
                            <>
                              <span className="badge">
                                Met {o.met.late ? 'late' : 'on time'} — {humanize(o.met.channel)}
                                {o.met.reference ? ` (${o.met.reference})` : ''}
                              </span>
                              {o.met.late && <LateReason item={o} editable={can('write')} onSave={(reason) => setLateReason.mutate({ itemId: o.itemId, reason })} />}
                            </>
                          ) : o.status === 'done' ? (
                            'done'
                          ) : d.incidentClosed ? (
                            'stopped (incident closed)'
                          ) : (
                            <>
                              <Countdown deadline={o.deadline} />
                              {o.deemedCompliance && <div className="small-text deemed-pending">{o.deemedCompliance.label}</div>}
                            </>
                          )}
                        </td>
                        <td>
                          <StatusCell item={o} editable={can('write')} onSet={(status, reason) => setStatus.mutate({ itemId: o.itemId, status, reason })} />
                        </td>
                        <td className="small-text">{o.citation}</td>
                        <td className="small-text">{o.why}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
              {notRequired.length > 0 && (
                <details>
                  <summary>Not required ({notRequired.length})</summary>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Recipient / jurisdiction</th>
                        <th scope="col">Regime</th>
                        <th scope="col">Citation</th>
                        <th scope="col">Reason</th>
                      </tr>
                    </thead>
                    <tbody>
                      {notRequired.map((o) => (
                        <tr key={o.itemId}>
                          <td>
                            {humanize(o.recipient)} — {o.jurisdiction}
                          </td>
                          <td>{o.regime}</td>
                          <td className="small-text">{o.citation}</td>
                          <td className="small-text">{o.statusReason ?? o.why}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
              {facts.data && (
                <BreachFactsPanel
                  key={`${d.computedAt ?? 'none'}-${JSON.stringify(facts.data.overrides.breach ?? {})}`}
                  breach={(facts.data.overrides.breach ?? {}) as BreachOverrides}
                  editable={can('write')}
                  saving={saveFacts.isPending}
                  onSave={(breach, reason) => saveFacts.mutate({ breach, reason })}
                />
              )}
              {saveFacts.isError && <ErrorBox error={saveFacts.error} />}
              {saveFacts.isSuccess && !saveFacts.isPending && (
                <p role="status" className="muted">
                  Facts saved; obligations recomputed.
                </p>
              )}
              <EnisaCalculator key={d.computedAt ?? 'none'} engine={d.severity} editable={can('legal')} saving={saveSeverity.isPending} onSave={(s) => saveSeverity.mutate(s)} />
              {saveSeverity.isError && <ErrorBox error={saveSeverity.error} />}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
