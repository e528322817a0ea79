/**
 * Notices: draft one per owed obligation, fill in what the law requires, preview exactly as the
 * recipient will see it (the server's HTML rendering in a fully sandboxed iframe: no scripts,
 * no same-origin access — HTML Living Standard §4.8.5 `sandbox`), approve, send, watch
 * delivery, export the proof (src/notices/notices.routes.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api, type UploadProgress, uploadFile } from '../api/http.client.js';
import type { TrackedObligation } from '../api/api.types.js';
import { peopleTotal } from '../api/people-total.js';
import { useSession } from '../auth/session.context.js';
import { formatDateTime, humanize } from '../components/format.js';
import { incidentPath } from '../components/incident/incident-api.js';
import { Delivery } from '../components/notice-delivery.component.js';
import { NoticeSubmission } from '../components/notice-submission.component.js';
import { NoticeAudience, SendChecks } from '../components/send-checks.component.js';
import { AffectedPeople } from '../components/affected-people.component.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';
import { IncidentNav } from './incident.page.js';

export interface NoticeView {
  id: string;
  kind: string;
  recipient: string;
  jurisdiction: string;
  language?: string;
  ruleIds?: string[];
  status: string;
  version: number;
  approvals?: { capacity: string; userName: string; approvedAt: string }[];
  draftedByMe?: boolean;
  problems?: { kind: string; item: string; message: string }[];
  inputs?: Record<string, unknown>;
  /** Duties of other laws this notice meets by deemed compliance (src/notices/notices.store.ts). */
  alsoMeets?: { ruleId: string; jurisdiction: string; recipient: string; state: 'met' | 'pending'; label: string }[];
}

/** The free-text inputs of a draft (src/notices/notices.schema.ts draftInputsSchema). */
const TEXT_INPUTS = [
  'organisationName',
  'organisationAddress',
  'contactPhone',
  'contactEmail',
  'website',
  'dpoContact',
  'breachDate',
  'discoveryDate',
  'noticeDate',
  'whatHappened',
  'informationInvolved',
  'whatWeAreDoing',
  'whatYouCanDo',
  'likelyConsequences',
  'reporterName',
  'reporterTitle',
  'delayReasons',
];
const LONG = new Set(['whatHappened', 'informationInvolved', 'whatWeAreDoing', 'whatYouCanDo', 'likelyConsequences', 'organisationAddress', 'delayReasons']);
const label = (k: string) => humanize(k.replace(/([A-Z])/g, ' $1').toLowerCase());

function InputsEditor({ notice }: { notice: NoticeView }) {
  const qc = useQueryClient();
  const problems = notice.problems ?? [];
  const missing = new Set(problems.filter((p) => p.kind === 'placeholder').map((p) => p.item));
  const attest = problems.filter((p) => p.kind === 'required_content').map((p) => p.item);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(TEXT_INPUTS.map((k) => [k, String(notice.inputs?.[k] ?? '')])));
  const [attestations, setAttestations] = useState<Record<string, string>>(() => ({ ...((notice.inputs?.attestations as Record<string, string>) ?? {}) }));
  const save = useMutation({
    mutationFn: () => {
      const inputs: Record<string, unknown> = { ...(notice.inputs ?? {}) };
      for (const [k, v] of Object.entries(values)) if (v.trim()) inputs[k] = v.trim();
      const att = Object.fromEntries(Object.entries(attestations).filter(([, v]) => v.trim()));
      if (Object.keys(att).length) inputs.attestations = att;
      return api<NoticeView>(`/api/v1/notices/${encodeURIComponent(notice.id)}`, { method: 'PATCH', body: { inputs } });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notice', notice.id] }),
  });
  const keys = [...TEXT_INPUTS.filter((k) => missing.has(k)), ...TEXT_INPUTS.filter((k) => !missing.has(k))];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <details open={problems.length > 0}>
      <summary>Notice content{missing.size ? ` (${missing.size} missing)` : ''}</summary>
      <form className="stack-form" onSubmit={submit}>
        {keys.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`in-${k}`}>
              {label(k)}
              {missing.has(k) ? ' (missing)' : ''}
            </label>
            {LONG.has(k) ? (
              <textarea id={`in-${k}`} rows={3} value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />
            ) : (
              <input id={`in-${k}`} value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />
            )}
          </div>
        ))}
        {attest.map((item) => (
          <div className="field" key={item}>
            <label htmlFor={`att-${item}`}>How the notice covers “{item}”</label>
            <input id={`att-${item}`} value={attestations[item] ?? ''} onChange={(e) => setAttestations({ ...attestations, [item]: e.target.value })} />
          </div>
        ))}
        <button type="submit" disabled={save.isPending}>
          Save draft
        </button>
        {save.isError && <ErrorBox error={save.error} />}
      </form>
    </details>
  );
}

function NoticeDetail({ noticeId }: { noticeId: string }) {
  const qc = useQueryClient();
  const { can, me } = useSession();
  const path = `/api/v1/notices/${encodeURIComponent(noticeId)}`;
  // The second approver works elsewhere: keep the state fresh while approvals or delivery are pending.
  const notice = useQuery({
    queryKey: ['notice', noticeId],
    queryFn: () => api<NoticeView>(path),
    refetchOnMount: 'always',
    refetchInterval: (q) => (['draft', 'review', 'sending'].includes(q.state.data?.status ?? '') ? 3000 : false),
  });
  const html = useQuery({
    queryKey: ['notice', noticeId, 'html', notice.data?.version],
    queryFn: () => api<string>(`${path}/preview`, { query: { format: 'html' } }),
    enabled: !!notice.data,
    // Keep showing the previous version while the new one renders (no blank flash).
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: (action: 'approve' | 'send' | 'submit') => api(`${path}/${action}`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notice', noticeId] }),
  });
  const status = notice.data?.status;
  useEffect(() => {
    // Keep the list's status column in step with the open notice.
    if (status) qc.invalidateQueries({ queryKey: ['notices'] });
  }, [status, qc]);
  return (
    <QueryState query={notice} what="This notice">
      {(n) => {
        const blocked = (n.problems ?? []).length > 0;
        return (
          <section className="card" aria-labelledby="notice-h">
            <h2 id="notice-h">
              Notice to {humanize(n.recipient)} — {n.jurisdiction}
              {n.language && n.language !== 'en' ? ` (${n.language})` : ''} <span className={`badge status-${n.status}`}>{humanize(n.status)}</span>
            </h2>
            <p className="muted small-text">
              Version {n.version}
              {n.ruleIds?.length ? ` · for ${n.ruleIds.join(', ')}` : ''}
            </p>
            {n.alsoMeets?.length ? (
              <ul className="small-text" aria-label="Also meets, by deemed compliance">
                {n.alsoMeets.map((d) => (
                  <li key={d.ruleId}>
                    Also meets {humanize(d.recipient)} — {d.jurisdiction} ({d.ruleId}): {d.label}
                  </li>
                ))}
              </ul>
            ) : null}
            {blocked && (
              <ul className="warning" aria-label="Problems to fix before approval">
                {n.problems!.map((p) => (
                  <li key={`${p.kind}:${p.item}`}>{p.message}</li>
                ))}
              </ul>
            )}
            {(n.status === 'draft' || n.status === 'review') && can('write') && <InputsEditor key={n.version} notice={n} />}
            <h3>Preview, as the recipient will see it</h3>
            {html.isError ? <ErrorBox error={html.error} /> : <iframe className="preview" title={`Preview of the notice to ${n.recipient} ${n.jurisdiction}`} sandbox="" srcDoc={html.data ?? ''} />}
            <p className="small-text" aria-live="polite">
              Approvals (the incident commander and a legal member, two different people):{' '}
              {n.approvals && n.approvals.length > 0 ? n.approvals.map((a) => `${humanize(a.capacity)} — ${a.userName}, ${formatDateTime(a.approvedAt)}`).join('; ') : 'none yet'}.
            </p>
            <div className="actions">
              {can('write') && n.status === 'draft' && (
                <button type="button" className="secondary" onClick={() => act.mutate('submit')} disabled={act.isPending}>
                  Submit for review
                </button>
              )}
              {can('write') && (n.status === 'draft' || n.status === 'review') && n.draftedByMe && <span className="muted">You drafted this notice: two other people approve it.</span>}
              {can('write') && (n.status === 'draft' || n.status === 'review') && !n.draftedByMe && !n.approvals?.some((a) => a.userName === me?.user.username) && (
                <button type="button" onClick={() => act.mutate('approve')} disabled={act.isPending || blocked}>
                  Approve
                </button>
              )}
              {n.kind === 'individual' && (n.status === 'draft' || n.status === 'review') && <NoticeAudience noticeId={n.id} />}
              {can('write') && n.status === 'approved' && n.kind === 'individual' && <SendChecks noticeId={n.id} onSend={() => act.mutate('send')} sending={act.isPending} />}
              <a className="button secondary" href={`${path}/proof`} download={`notice-${n.id}-proof.csv`}>
                Export proof
              </a>
            </div>
            {act.isError && <ErrorBox error={act.error} />}
            {['sending', 'sent'].includes(n.status) && <Delivery noticeId={n.id} />}
            {n.kind !== 'individual' && ['approved', 'submitted'].includes(n.status) && <NoticeSubmission noticeId={n.id} status={n.status} editable={can('write')} />}
          </section>
        );
      }}
    </QueryState>
  );
}

const NOTICE_LANGUAGES = [
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
  ['fr-CA', 'Français (Canada)'],
  ['es', 'Español'],
  ['it', 'Italiano'],
  ['nl', 'Nederlands'],
  ['pt', 'Português'],
  ['pt-BR', 'Português (Brasil)'],
  ['pl', 'Polski'],
  ['sv', 'Svenska'],
] as const;

function DraftForm({ incidentId, onDrafted }: { incidentId: string; onDrafted: (id: string) => void }) {
  const qc = useQueryClient();
  const obligations = useQuery({ queryKey: ['incident', incidentId, 'obligations'], queryFn: () => api<{ items: TrackedObligation[] }>(`${incidentPath(incidentId)}/obligations`) });
  const [choice, setChoice] = useState('');
  const [language, setLanguage] = useState('en');
  const owed = (obligations.data?.items ?? []).filter((o) => o.required !== false && o.status !== 'not_required');
  const draft = useMutation({
    mutationFn: (o: TrackedObligation) => api<NoticeView>('/api/v1/notices', { body: { incidentId, recipient: o.recipient, jurisdiction: o.jurisdiction, ruleId: o.id, language } }),
    onSuccess: (n) => {
      qc.invalidateQueries({ queryKey: ['notices', incidentId] });
      onDrafted(n.id);
    },
  });
  if (owed.length === 0) return <p className="muted">No owed notification to draft a notice for (see Obligations).</p>;
  return (
    <form
      className="inline-form"
      aria-label="Draft a notice"
      onSubmit={(e) => {
        e.preventDefault();
        const o = owed.find((x) => x.itemId === choice);
        if (o) draft.mutate(o);
      }}
    >
      <div className="field grow">
        <label htmlFor="draft-for">Obligation</label>
        <select id="draft-for" required value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose…</option>
          {owed.map((o) => (
            <option key={o.itemId} value={o.itemId}>
              {humanize(o.recipient)} — {o.jurisdiction} — {o.regime}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        {/* Issue 17 §6: outside the US; each person is sent the notice in their language (docs/notices.md §2a). */}
        <label htmlFor="draft-language">Language</label>
        <select id="draft-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {NOTICE_LANGUAGES.map(([tag, name]) => (
            <option key={tag} value={tag}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={draft.isPending}>
        Draft notice
      </button>
      {draft.isError && <ErrorBox error={draft.error} />}
    </form>
  );
}

/** Affected people (names, e-mail and postal addresses) for individual notices: a CSV or XLSX file. */
function PeopleImport({ incidentId }: { incidentId: string }) {
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const counts = useQuery({ queryKey: ['incident', incidentId, 'people-counts'], queryFn: () => api<unknown>(`${incidentPath(incidentId)}/people/counts`) });
  const upload = useMutation({
    mutationFn: async (f: File) => {
      const r = await uploadFile<Record<string, unknown>>(`${incidentPath(incidentId)}/people/import`, f, {}, setProgress);
      // New people can create new duties (per-jurisdiction thresholds): recompute them now. A
      // server without the obligations API, or a role that may not recompute, just skips this.
      await api(`${incidentPath(incidentId)}/obligations/recompute`, { method: 'POST' }).catch(() => undefined);
      return r;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
  const total = peopleTotal(counts.data);
  return (
    <form
      className="inline-form"
      aria-label="Import affected people"
      onSubmit={(e) => {
        e.preventDefault();
        const f = fileRef.current?.files?.[0];
        if (f) upload.mutate(f);
      }}
    >
      <div className="field">
        <label htmlFor="people-file">Affected people file (CSV or XLSX)</label>
        <input id="people-file" type="file" ref={fileRef} required accept=".csv,.tsv,.txt,.xlsx" />
      </div>
      <button type="submit" className="secondary" disabled={upload.isPending}>
        Import people
      </button>
      {progress && upload.isPending && <progress max={Math.max(1, progress.total)} value={progress.loaded} aria-label="Import progress" />}
      <span className="muted" aria-live="polite">
        {upload.isSuccess ? 'Imported. ' : ''}
        {total !== null ? `${total.toLocaleString()} people on file.` : ''}
      </span>
      {upload.isError && <ErrorBox error={upload.error} />}
    </form>
  );
}

export function NoticesPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['notices', id], queryFn: () => api<{ items: NoticeView[] }>(`${incidentPath(id)}/notices`) });
  return (
    <>
      <h1>Notices</h1>
      <IncidentNav id={id} />
      <QueryState query={list} what="Notices">
        {(d) => (
          <>
            {can('write') && <PeopleImport incidentId={id} />}
            <AffectedPeople incidentId={id} canWrite={can('write')} />
            {can('write') && <DraftForm incidentId={id} onDrafted={setSelected} />}
            {d.items.length === 0 ? (
              <p className="muted">No notices drafted yet.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Recipient</th>
                    <th scope="col">Jurisdiction</th>
                    <th scope="col">Status</th>
                    <th scope="col">Version</th>
                    <th scope="col">
                      <span className="visually-hidden">Open</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((n) => (
                    <tr key={n.id}>
                      <td>{humanize(n.recipient)}</td>
                      <td>{n.jurisdiction}</td>
                      <td>{humanize(n.status)}</td>
                      <td>{n.version}</td>
                      <td>
                        <button type="button" className="secondary small" aria-pressed={selected === n.id} onClick={() => setSelected(n.id)} aria-label={`Open the notice to ${n.recipient} ${n.jurisdiction}`}>
                          Open
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {selected && <NoticeDetail key={selected} noticeId={selected} />}
          </>
        )}
      </QueryState>
    </>
  );
}
