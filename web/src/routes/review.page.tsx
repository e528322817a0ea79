/**
 * The post-incident review of one incident (src/learn): metrics from the record, the review
 * (summary, chosen timeline, root causes, went well / did not, action items, plan changes) and
 * the reports to download in each format. Privileged notes appear only for legal.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/http.client.js';
import { useSession } from '../auth/session.context.js';
import { formatDateTime, humanize } from '../components/format.js';
import { incidentPath } from '../components/incident/incident-api.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';
import { IncidentNav } from './incident.page.js';

interface Metrics {
  timeToDetectHours: number | null;
  timeToContainHours: number | null;
  timeToCloseHours: number | null;
  obligations: { onTime: number; late: number; open: number; overdue: number; notRequired: number };
  notify: Array<{ obligationId: string; jurisdiction: string; recipient: string; outcome: string; hours: number | null; reason: string | null }>;
  peopleNotified: Record<string, number>;
  costs: { total: Record<string, string> };
}
interface Review {
  summary: string;
  timeline: Array<{ id: string; at: string; kind: string; text: string }>;
  rootCauses: Array<{ cause: string; remediationTaskIds: string[] }>;
  wentWell: string;
  wentBadly: string;
  actionItems: Array<{ taskId: string; title: string; status: string; dueAt: string | null }>;
  privilegedNotes: string | null;
  proposals: Array<{ id: string; title: string; status: string; acceptedVersion: number | null }>;
}

const KINDS = [
  ['post-incident', 'Post-incident report'],
  ['executive', 'Executive summary'],
  ['insurer', 'Insurer claim pack'],
  ['regulator', 'Regulator follow-up (Art. 33(4))'],
] as const;
const FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
const hours = (h: number | null) => (h === null ? '—' : `${h} h`);

function MetricsCard({ m }: { m: Metrics }) {
  return (
    <section aria-labelledby="metrics-h">
      <h2 id="metrics-h">Metrics</h2>
      <dl className="facts">
        <dt>Time to detect</dt>
        <dd>{hours(m.timeToDetectHours)}</dd>
        <dt>Time to contain</dt>
        <dd>{hours(m.timeToContainHours)}</dd>
        <dt>Time to close</dt>
        <dd>{hours(m.timeToCloseHours)}</dd>
        <dt>Obligations</dt>
        <dd>
          {m.obligations.onTime} on time, {m.obligations.late} late, {m.obligations.overdue} overdue, {m.obligations.open} open
        </dd>
        <dt>People notified</dt>
        <dd>{Object.entries(m.peopleNotified).map(([c, n]) => `${n} by ${c}`).join(', ') || 'none yet'}</dd>
        <dt>Costs</dt>
        <dd>{Object.entries(m.costs.total).map(([c, v]) => `${v} ${c}`).join(', ') || 'none recorded'}</dd>
      </dl>
    </section>
  );
}

function ReviewForm({ id, review }: { id: string; review: Review }) {
  const qc = useQueryClient();
  const [summary, setSummary] = useState(review.summary);
  const [wentWell, setWentWell] = useState(review.wentWell);
  const [wentBadly, setWentBadly] = useState(review.wentBadly);
  useEffect(() => {
    setSummary(review.summary);
    setWentWell(review.wentWell);
    setWentBadly(review.wentBadly);
  }, [review]);
  const save = useMutation({
    mutationFn: () => api(`${incidentPath(id)}/review`, { method: 'PUT', body: { summary, wentWell, wentBadly } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', id, 'review'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-label="Edit the review">
      <label htmlFor="review-summary">Summary</label>
      <textarea id="review-summary" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <label htmlFor="review-well">What went well</label>
      <textarea id="review-well" rows={2} value={wentWell} onChange={(e) => setWentWell(e.target.value)} />
      <label htmlFor="review-badly">What did not go well</label>
      <textarea id="review-badly" rows={2} value={wentBadly} onChange={(e) => setWentBadly(e.target.value)} />
      <button type="submit" disabled={save.isPending}>
        Save review
      </button>
      {save.isError && <ErrorBox error={save.error} />}
      {save.isSuccess && <p role="status">Review saved.</p>}
    </form>
  );
}

function ActionForm({ id }: { id: string }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const add = useMutation({
    mutationFn: () => api(`${incidentPath(id)}/review/actions`, { body: { title: title.trim() } }),
    onSuccess: () => {
      setTitle('');
      qc.invalidateQueries({ queryKey: ['incident', id, 'review'] });
    },
  });
  return (
    <form
      className="inline-form"
      aria-label="Add an action item"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <div className="field grow">
        <label htmlFor="action-title">New action item</label>
        <input id="action-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <button type="submit" disabled={add.isPending}>
        Add action item
      </button>
      {add.isError && <ErrorBox error={add.error} />}
    </form>
  );
}

function ReviewView({ id, r, editable }: { id: string; r: Review; editable: boolean }) {
  return (
    <section aria-labelledby="review-h">
      <h2 id="review-h">Review</h2>
      {editable ? <ReviewForm id={id} review={r} /> : <p>{r.summary || 'No summary written yet.'}</p>}
      <h3>Timeline</h3>
      <ol className="timeline">
        {r.timeline.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> <span className="badge">{humanize(e.kind)}</span> {e.text}
          </li>
        ))}
      </ol>
      <h3>Root causes</h3>
      <ul>
        {r.rootCauses.map((c) => (
          <li key={c.cause}>
            {c.cause} {c.remediationTaskIds.length > 0 && <span>({c.remediationTaskIds.length} remediation task(s))</span>}
          </li>
        ))}
      </ul>
      {!editable && (
        <>
          <h3>What went well</h3>
          <p>{r.wentWell || '—'}</p>
          <h3>What did not go well</h3>
          <p>{r.wentBadly || '—'}</p>
        </>
      )}
      <h3>Action items</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {r.actionItems.map((a) => (
            <tr key={a.taskId}>
              <td>{a.title}</td>
              <td>{a.dueAt ? formatDateTime(a.dueAt) : '—'}</td>
              <td>{humanize(a.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && <ActionForm id={id} />}
      <h3>Changes to the response plan</h3>
      <ul>
        {r.proposals.map((p) => (
          <li key={p.id}>
            {p.title}: {humanize(p.status)}
            {p.acceptedVersion ? ` (plan version ${p.acceptedVersion})` : ''}
          </li>
        ))}
      </ul>
      {r.privilegedNotes !== null && (
        <>
          <h3>Privileged notes (attorney–client)</h3>
          <p>{r.privilegedNotes || '—'}</p>
        </>
      )}
    </section>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const metrics = useQuery({ queryKey: ['incident', id, 'metrics'], queryFn: () => api<Metrics>(`${incidentPath(id)}/metrics`) });
  const review = useQuery({ queryKey: ['incident', id, 'review'], queryFn: () => api<Review>(`${incidentPath(id)}/review`) });
  return (
    <>
      <h1>Post-incident review</h1>
      <IncidentNav id={id} />
      <QueryState query={metrics} what="Metrics">
        {(m) => <MetricsCard m={m} />}
      </QueryState>
      <QueryState query={review} what="Review">
        {(r) => <ReviewView id={id} r={r} editable={can('write')} />}
      </QueryState>
      <section aria-labelledby="reports-h">
        <h2 id="reports-h">Reports</h2>
        <ul>
          {KINDS.map(([kind, label]) => (
            <li key={kind}>
              {label}:{' '}
              {FORMATS.map((f) => (
                <a key={f} className="report-link" href={`${incidentPath(id)}/reports/${kind}?format=${f}`} download aria-label={`${label} as ${f.toUpperCase()}`}>
                  {f.toUpperCase()}{' '}
                </a>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
