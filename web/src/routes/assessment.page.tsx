/**
 * What was exposed, drawn rather than listed: records per data element, people per
 * jurisdiction, secrets found (samples always masked, DESIGN.md §4), files and their errors.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/http.client.js';
import type { Assessment, EvidenceItem, ExposureReport, Page } from '../api/api.types.js';
import { useSession } from '../auth/session.context.js';
import { BarChart } from '../components/bar-chart.component.js';
import { CanaryCard } from '../components/canary-card.component.js';
import { formatBytes, formatDateTime, humanize } from '../components/format.js';
import { incidentPath, incidentQueries } from '../components/incident/incident-api.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';
import { UsStateMap } from '../components/us-state-map.component.js';
import { IncidentNav } from './incident.page.js';
import { Samples } from '../components/samples.component.js';

function Report({ report }: { report: ExposureReport }) {
  const elements = Object.entries(report.elements).map(([k, v]) => ({ label: humanize(k), value: v.records }));
  const places = Object.entries(report.jurisdictions).map(([k, v]) => ({ label: k, value: v }));
  const secrets = Object.entries(report.secrets);
  return (
    <>
      <dl className="totals">
        <div>
          <dt>Records read</dt>
          <dd>{report.totals.records.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Records with personal data</dt>
          <dd>{report.totals.recordsWithPersonalData.toLocaleString()}</dd>
        </div>
        <div>
          <dt>People affected</dt>
          <dd title={report.totals.individualsMethod}>{report.totals.individuals.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Secrets found</dt>
          <dd>{secrets.reduce((s, [, v]) => s + v.count, 0).toLocaleString()}</dd>
        </div>
      </dl>
      {report.canaries && <CanaryCard canaries={report.canaries} />}
      <div className="grid-2">
        <section className="card" aria-labelledby="elements-h">
          <h2 id="elements-h">Records per data element</h2>
          <BarChart title="Records per data element" bars={elements} />
        </section>
        <section className="card" aria-labelledby="places-h">
          <h2 id="places-h">People per jurisdiction</h2>
          <BarChart title="People per jurisdiction" bars={places} />
          <UsStateMap counts={report.jurisdictions} />
        </section>
      </div>
      <section className="card" aria-labelledby="samples-h">
        <h2 id="samples-h">Data elements and masked samples</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Element</th>
              <th scope="col">Records</th>
              <th scope="col">Distinct values</th>
              <th scope="col">Samples (masked)</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(report.elements)
              .sort((a, b) => b[1].records - a[1].records)
              .map(([k, v]) => (
                <tr key={k}>
                  <td>{humanize(k)}</td>
                  <td>{v.records.toLocaleString()}</td>
                  <td>{v.distinctValues.toLocaleString()}</td>
                  <td>
                    <Samples values={v.samples} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="secrets-h">
        <h2 id="secrets-h">Secrets found</h2>
        {secrets.length === 0 ? (
          <p className="muted">No credentials or keys found.</p>
        ) : (
          <>
            <BarChart title="Secrets per type" bars={secrets.map(([k, v]) => ({ label: humanize(k), value: v.count }))} />
            <ul>
              {secrets.map(([k, v]) => (
                <li key={k}>
                  {humanize(k)}
                  {v.providers ? ` (${Object.keys(v.providers).join(', ')})` : ''}: <Samples values={v.samples} />
                  {v.identities?.length ? <span className="muted"> — accounts: {v.identities.join(', ')}</span> : null}
                  {v.revocation?.length ? (
                    <ul aria-label={`What to do about ${humanize(k)}`}>
                      {v.revocation.map((r) => (
                        <li key={`${r.provider}-${r.kind ?? ''}-${r.action}`}>
                          <strong>{r.revocable ? 'Revoke' : 'Rotate'}</strong> ({r.provider}
                          {r.kind ? ` ${humanize(r.kind)}` : ''}): {r.how}{' '}
                          {r.reference ? (
                            <a href={r.reference} rel="noreferrer noopener" target="_blank">
                              vendor documentation
                            </a>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
            {report.suspectSecrets && Object.keys(report.suspectSecrets).length > 0 ? (
              <p className="muted">
                Suspect (credential-shaped but not random enough; not counted):{' '}
                {Object.entries(report.suspectSecrets)
                  .map(([f, s]) => `${humanize(f)} ${s.count}`)
                  .join(', ')}
              </p>
            ) : null}
          </>
        )}
      </section>
      <section className="card" aria-labelledby="files-h">
        <h2 id="files-h">Files</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col">Size</th>
              <th scope="col">Records</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((f) => (
              <tr key={f.path} className={f.errors.length ? 'row-warn' : ''}>
                <td>{f.path}</td>
                <td>{f.format}</td>
                <td>{formatBytes(f.bytes)}</td>
                <td>{f.records.toLocaleString()}</td>
                <td>
                  {f.errors.length === 0
                    ? 'none'
                    : f.errors.slice(0, 5).map((e) => (
                        <div key={`${e.location}:${e.message}`}>
                          {e.location}: {e.message}
                        </div>
                      ))}
                  {f.errors.length > 5 && <div className="muted">…and {f.errors.length - 5} more</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function StartAssessment({ incidentId }: { incidentId: string }) {
  const qc = useQueryClient();
  const evidence = useQuery(incidentQueries.evidence(incidentId));
  const [chosen, setChosen] = useState<string[]>([]);
  const start = useMutation({
    mutationFn: (ids: string[]) => api(`${incidentPath(incidentId)}/assessments`, { body: { evidenceIds: ids } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', incidentId, 'assessments'] }),
  });
  const items: EvidenceItem[] = (evidence.data as Page<EvidenceItem> | undefined)?.items ?? [];
  if (items.length === 0) return <p className="muted">Upload the leaked files as evidence on the incident page, then assess them here.</p>;
  return (
    <form
      className="card"
      aria-labelledby="assess-h"
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate(chosen.length ? chosen : items.map((i) => i.id));
      }}
    >
      <h2 id="assess-h">Assess evidence</h2>
      <fieldset>
        <legend>Files to assess (all when none is ticked)</legend>
        {items.map((i) => (
          <label key={i.id} className="check">
            <input type="checkbox" checked={chosen.includes(i.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, i.id] : chosen.filter((x) => x !== i.id))} />
            {i.name} ({formatBytes(i.size)})
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={start.isPending}>
        Assess exposure
      </button>
      {start.isError && <ErrorBox error={start.error} />}
    </form>
  );
}

export function AssessmentPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const list = useQuery({
    queryKey: ['incident', id, 'assessments'],
    queryFn: () => api<{ items: Assessment[] }>(`${incidentPath(id)}/assessments`),
    refetchInterval: (q) => (q.state.data?.items.some((a) => a.status === 'queued' || a.status === 'running') ? 1500 : false),
  });
  const latest = list.data?.items[0];
  const lastDone = list.data?.items.find((a) => a.status === 'done');
  const full = useQuery({
    queryKey: ['assessment', lastDone?.id],
    queryFn: () => api<Assessment>(`/api/v1/assessments/${encodeURIComponent(lastDone!.id)}`),
    enabled: !!lastDone,
  });
  return (
    <>
      <h1>Exposure assessment</h1>
      <IncidentNav id={id} />
      <QueryState query={list} what="The exposure assessment">
        {(d) => (
          <>
            {latest && (latest.status === 'queued' || latest.status === 'running') && (
              <div className="card">
                <label htmlFor="assess-progress">Assessing ({humanize(latest.status)})</label>
                <progress id="assess-progress" max={latest.progress?.bytesTotal || 1} value={latest.progress?.bytesRead ?? 0} />
                <span>
                  {formatBytes(latest.progress?.bytesRead ?? 0)} of {formatBytes(latest.progress?.bytesTotal ?? 0)}, {(latest.progress?.records ?? 0).toLocaleString()} records
                </span>
              </div>
            )}
            {latest?.status === 'failed' && <ErrorBox error={`The last assessment failed: ${latest.error ?? 'unknown error'}`} />}
            {can('write') && <StartAssessment incidentId={id} />}
            {d.items.length === 0 && <p className="muted">No assessment yet.</p>}
            {lastDone && (
              <p className="muted">
                Report of {formatDateTime(lastDone.completedAt ?? lastDone.createdAt)}.
              </p>
            )}
            {full.data?.report && <Report report={full.data.report} />}
            {full.isError && <ErrorBox error={full.error} />}
          </>
        )}
      </QueryState>
    </>
  );
}
