/** Evidence: streamed upload with a progress bar, SHA-256 of each item, and its custody ledger. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { api, type UploadProgress, uploadFile } from '../../api/http.client.js';
import type { CustodyRow, EvidenceItem } from '../../api/api.types.js';
import { formatBytes, formatDateTime, humanize } from '../format.js';
import { ErrorBox, QueryState } from '../query-state.component.js';
import { incidentPath, incidentQueries } from './incident-api.js';

function Custody({ itemId }: { itemId: string }) {
  const custody = useQuery({ queryKey: ['custody', itemId], queryFn: () => api<{ items: CustodyRow[] }>(`/api/v1/evidence/${encodeURIComponent(itemId)}/custody`) });
  return (
    <QueryState query={custody} what="The custody log">
      {(d) => (
        <table className="custody">
          <caption>Custody log</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">By</th>
              <th scope="col">From → to</th>
              <th scope="col">Reason</th>
              <th scope="col">Row hash</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((r) => (
              <tr key={r.seq}>
                <td>{r.seq}</td>
                <td>{formatDateTime(r.at)}</td>
                <td>{humanize(r.action)}</td>
                <td>{r.actorName ?? '—'}</td>
                <td>{r.from || r.to ? `${r.from ?? '—'} → ${r.to ?? '—'}` : ''}</td>
                <td>{r.reason ?? ''}</td>
                <td>
                  <code title={r.hash}>{r.hash.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryState>
  );
}

export function EvidenceSection({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const qc = useQueryClient();
  const evidence = useQuery(incidentQueries.evidence(incidentId));
  const fileRef = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      uploadFile<EvidenceItem>(
        `${incidentPath(incidentId)}/evidence?${new URLSearchParams({ name: file.name, ...(description ? { description } : {}) })}`,
        file,
        file.type ? { 'X-Evidence-Media-Type': file.type } : {},
        setProgress,
      ),
    onSuccess: () => {
      setDescription('');
      if (fileRef.current) fileRef.current.value = '';
      qc.invalidateQueries({ queryKey: ['incident', incidentId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = fileRef.current?.files?.[0];
    if (f) {
      setProgress({ loaded: 0, total: f.size });
      upload.mutate(f);
    }
  };
  const pct = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <section aria-labelledby="evidence-h" className="card">
      <h2 id="evidence-h">Evidence</h2>
      {canWrite && (
        <form className="inline-form" onSubmit={submit} aria-label="Upload evidence">
          <div className="field">
            <label htmlFor="evidence-file">File</label>
            <input id="evidence-file" type="file" ref={fileRef} required />
          </div>
          <div className="field grow">
            <label htmlFor="evidence-description">Description</label>
            <input id="evidence-description" value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <button type="submit" disabled={upload.isPending}>
            Upload
          </button>
        </form>
      )}
      {progress && (upload.isPending || upload.isSuccess) && (
        <div className="upload-progress">
          <label htmlFor="upload-progress">{upload.isSuccess ? 'Uploaded' : 'Uploading'}</label>
          <progress id="upload-progress" max={100} value={pct}>
            {pct}%
          </progress>
          <span aria-live="polite">
            {pct}% · {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
          </span>
        </div>
      )}
      {upload.isError && <ErrorBox error={upload.error} />}
      <QueryState query={evidence} what="Evidence">
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">No evidence yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Size</th>
                  <th scope="col">SHA-256</th>
                  <th scope="col">Custodian</th>
                  <th scope="col">Uploaded</th>
                  <th scope="col">
                    <span className="visually-hidden">Custody</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <a href={`/api/v1/evidence/${encodeURIComponent(i.id)}/content`} download={i.name}>
                        {i.name}
                      </a>
                      {i.privileged && <span className="badge">Privileged</span>}
                      {i.legalHold && <span className="badge">Legal hold</span>}
                      {i.description && <div className="muted small-text">{i.description}</div>}
                    </td>
                    <td>{formatBytes(i.size)}</td>
                    <td>
                      <code className="hash">{i.sha256}</code>
                    </td>
                    <td>{i.custodian}</td>
                    <td>{formatDateTime(i.uploadedAt)}</td>
                    <td>
                      <button type="button" className="secondary small" aria-expanded={open === i.id} onClick={() => setOpen(open === i.id ? null : i.id)} aria-label={`Custody log of ${i.name}`}>
                        Custody ({i.custodyRows})
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {open && <Custody itemId={open} />}
    </section>
  );
}
