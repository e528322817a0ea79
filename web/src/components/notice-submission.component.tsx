/**
 * A regulator, credit-bureau or media notice handed over by hand (issue 20 §4): download it as a
 * PDF, submit it through the authority's portal, by letter or e-mail, then record the date,
 * channel and reference here. Recording it meets the notice's obligations; a late one needs the
 * reason for the delay (GDPR Art. 33(1)).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/http.client.js';
import { formatDateTime, fromLocalInput, toLocalInput } from './format.js';
import { ErrorBox } from './query-state.component.js';

interface Submission {
  submittedAt: string;
  channel: string;
  reference: string | null;
  lateReason: string | null;
  recordedBy: string;
}

export function NoticeSubmission({ noticeId, status, editable }: { noticeId: string; status: string; editable: boolean }) {
  const qc = useQueryClient();
  const path = `/api/v1/notices/${encodeURIComponent(noticeId)}`;
  const [at, setAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [channel, setChannel] = useState('portal');
  const [reference, setReference] = useState('');
  const [lateReason, setLateReason] = useState('');
  const recorded = useQuery({ queryKey: ['notice', noticeId, 'submission'], queryFn: () => api<{ submission: Submission | null }>(`${path}/submission`), enabled: status === 'submitted' });
  const record = useMutation({
    mutationFn: () => api(`${path}/submission`, { method: 'POST', body: { submittedAt: fromLocalInput(at), channel, reference: reference.trim() || null, lateReason: lateReason.trim() || null } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notice', noticeId] }),
  });
  const s = recorded.data?.submission;
  return (
    <section aria-labelledby="submission-h">
      <h3 id="submission-h">Submission</h3>
      <p>
        <a className="button secondary" href={`${path}/preview?format=pdf`} download={`notice-${noticeId}.pdf`}>
          Download PDF
        </a>
      </p>
      {status === 'submitted' && s && (
        <p role="status">
          Submitted {formatDateTime(s.submittedAt)} by {s.channel}
          {s.reference ? `, reference ${s.reference}` : ''}
          {s.lateReason ? ` — late: ${s.lateReason}` : ''} (recorded by {s.recordedBy}).
        </p>
      )}
      {status === 'approved' && editable && (
        <form
          className="stack-form"
          aria-label="Record submission"
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate();
          }}
        >
          <label htmlFor="sub-at">Submitted at</label>
          <input id="sub-at" type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          <label htmlFor="sub-channel">Channel</label>
          <select id="sub-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="portal">Authority's portal</option>
            <option value="letter">Letter</option>
            <option value="e-mail">E-mail</option>
          </select>
          <label htmlFor="sub-reference">Reference (portal receipt, letter reference)</label>
          <input id="sub-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
          <label htmlFor="sub-late">Reason for delay (if late)</label>
          <input id="sub-late" value={lateReason} onChange={(e) => setLateReason(e.target.value)} />
          <button type="submit" disabled={record.isPending}>
            Record as submitted
          </button>
          {record.isError && <ErrorBox error={record.error} />}
        </form>
      )}
    </section>
  );
}
