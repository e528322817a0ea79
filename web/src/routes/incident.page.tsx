/** One incident: what is burning (status, next deadline), the seven steps, and the work. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/http.client.js';
import type { Incident, IncidentStatus } from '../api/api.types.js';
import { useSession } from '../auth/session.context.js';
import { SeverityBadge, StatusBadge } from '../components/badges.component.js';
import { Countdown } from '../components/countdown.component.js';
import { formatDateTime, humanize } from '../components/format.js';
import { BreachDatesSection } from '../components/incident/breach-dates.component.js';
import { ContainmentSection } from '../components/incident/containment.component.js';
import { DecisionsSection } from '../components/incident/decisions.component.js';
import { EvidenceSection } from '../components/incident/evidence.component.js';
import { incidentPath, incidentQueries } from '../components/incident/incident-api.js';
import { PeopleSection } from '../components/incident/people.component.js';
import { PhaseTracker } from '../components/incident/phase-tracker.component.js';
import { TasksSection } from '../components/incident/tasks.component.js';
import { TimelineSection } from '../components/incident/timeline.component.js';
import { UpdatesSection } from '../components/incident/updates.component.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';

export function IncidentNav({ id }: { id: string }) {
  return (
    <nav aria-label="Incident sections" className="subnav">
      <Link to={`/incidents/${encodeURIComponent(id)}`}>Overview</Link>
      <Link to={`/incidents/${encodeURIComponent(id)}/assessment`}>Assessment</Link>
      <Link to={`/incidents/${encodeURIComponent(id)}/obligations`}>Obligations</Link>
      <Link to={`/incidents/${encodeURIComponent(id)}/notices`}>Notices</Link>
      <Link to={`/incidents/${encodeURIComponent(id)}/review`}>Review</Link>
    </nav>
  );
}

/** Allowed moves (src/incidents/incident-status.ts TRANSITIONS): only these are offered. */
export const NEXT_STATUSES: Record<IncidentStatus, IncidentStatus[]> = {
  suspected: ['confirmed', 'dismissed'],
  confirmed: ['contained', 'notifying', 'recovering', 'dismissed'],
  contained: ['notifying', 'recovering', 'closed'],
  notifying: ['contained', 'recovering', 'closed'],
  recovering: ['notifying', 'closed'],
  closed: [],
  dismissed: ['suspected'],
};

function StatusControl({ incident }: { incident: Incident }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>(incident.status);
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: () => api<Incident>(`${incidentPath(incident.id)}/status`, { body: { status, reason: reason.trim() || undefined } }),
    onSuccess: () => {
      setReason('');
      qc.invalidateQueries({ queryKey: ['incident', incident.id] });
      qc.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
  return (
    <form
      className="inline-form"
      aria-label="Change status"
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="incident-status">Status</label>
        <select id="incident-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          {[incident.status, ...(NEXT_STATUSES[incident.status] ?? [])].map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      </div>
      {status === 'dismissed' && (
        <div className="field grow">
          <label htmlFor="status-reason">Reason for dismissing</label>
          <input id="status-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {status === 'closed' && (
        <div className="field grow">
          {/* Issue 20 §5: the server asks for it while deadlines, tasks or the register entry are open. */}
          <label htmlFor="status-reason">Reason for closing with open items</label>
          <input id="status-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <button type="submit" disabled={move.isPending || status === incident.status}>
        Change status
      </button>
      {move.isError && <ErrorBox error={move.error} />}
    </form>
  );
}

export function IncidentPage() {
  const { id = '', taskId } = useParams();
  const { can } = useSession();
  const incident = useQuery({ ...incidentQueries.detail(id), refetchInterval: 30_000 });
  const members = useQuery(incidentQueries.members(id));
  const tasks = useQuery(incidentQueries.tasks(id));
  // The incident carries its next legal deadline once the obligations engine fills it; until
  // then (or on servers that do not join it in) the obligations list has the same figure.
  const obligations = useQuery({
    queryKey: ['incident', id, 'obligations'],
    queryFn: () => api<{ nextDeadline: { deadline: string } | null }>(`${incidentPath(id)}/obligations`),
    enabled: incident.isSuccess && !incident.data?.nextDeadline,
    retry: false,
  });
  return (
    <QueryState query={incident} what="This incident">
      {(i) => {
        const write = i.permissions?.write ?? can('write');
        const nextDeadline = i.nextDeadline ?? obligations.data?.nextDeadline?.deadline ?? null;
        return (
          <>
            <div className="page-head">
              <div>
                <h1>{i.title}</h1>
                <p className="head-meta">
                  <StatusBadge status={i.status} /> <SeverityBadge severity={i.severity} /> Aware since {formatDateTime(i.awareAt)}
                  {i.containedAt ? ` · contained ${formatDateTime(i.containedAt)}` : ' · not contained'}
                  {i.myRole ? ` · my role: ${humanize(i.myRole)}` : ''}
                </p>
              </div>
              <div className="deadline-box">
                <span>Next legal deadline</span>
                <Countdown deadline={nextDeadline} />
                {nextDeadline && <span className="small-text">{formatDateTime(nextDeadline)}</span>}
              </div>
            </div>
            <IncidentNav id={i.id} />
            {tasks.data && <PhaseTracker tasks={tasks.data.items} />}
            {i.summary && <p className="summary">{i.summary}</p>}
            {write && i.status !== 'closed' && <StatusControl key={i.status} incident={i} />}
            <div className="grid-2">
              <div>
                <TasksSection incidentId={i.id} canWrite={write} members={members.data?.items ?? []} focusTaskId={taskId} />
              </div>
              <div>
                <TimelineSection incidentId={i.id} canWrite={write} />
                <PeopleSection incidentId={i.id} canManage={i.permissions?.manageMembers ?? can('lead')} canEngage={can('lead') || can('legal')} />
                <DecisionsSection incidentId={i.id} canWrite={write} />
                <BreachDatesSection key={`${i.breachStartedAt}-${i.breachEndedAt}`} incident={i} canWrite={write} />
              </div>
            </div>
            <ContainmentSection incidentId={i.id} canWrite={write} />
            <UpdatesSection incidentId={i.id} canWrite={write} />
            <EvidenceSection incidentId={i.id} canWrite={write} />
          </>
        );
      }}
    </QueryState>
  );
}
