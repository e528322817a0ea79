/** Delivery progress of an individual notice's campaign (GET /api/v1/notices/ID/status), polled until settled. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/http.client.js';

interface NoticeStatus {
  status: string;
  counts: Record<string, number>;
  total: number;
  suppressed: number;
  /** People with an e-mail address sent by post (or unreachable) because e-mail needed their consent. */
  emailNotPermitted?: { postal: number; failed: number };
  settled: boolean;
}

export function Delivery({ noticeId }: { noticeId: string }) {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['notice', noticeId, 'status'],
    queryFn: () => api<NoticeStatus>(`/api/v1/notices/${encodeURIComponent(noticeId)}/status`),
    refetchInterval: (q) => (q.state.data && !q.state.data.settled ? 1000 : false),
  });
  const settled = status.data?.settled ?? false;
  useEffect(() => {
    // Delivery finished: the notice itself moves on (sending → sent).
    if (settled) qc.invalidateQueries({ queryKey: ['notice', noticeId] });
  }, [settled, noticeId, qc]);
  if (!status.data) return null;
  const c = status.data.counts;
  const np = status.data.emailNotPermitted;
  const done = (c.sent ?? 0) + (c.failed ?? 0) + (c.bounced ?? 0) + (c.postal ?? 0) + (c.printed ?? 0) + (c.returned ?? 0);
  return (
    <div className="delivery">
      <label htmlFor={`delivery-${noticeId}`}>Delivery</label>
      <progress id={`delivery-${noticeId}`} max={Math.max(1, status.data.total)} value={done} />
      <span aria-live="polite">
        {c.sent ?? 0} sent, {(c.failed ?? 0) + (c.bounced ?? 0)} failed, {c.postal ?? 0} by post, {(c.queued ?? 0) + (c.sending ?? 0)} waiting of {status.data.total}
        {status.data.settled && status.data.total > 0 ? ' — delivery finished' : ''}
      </span>
      {np && np.postal + np.failed > 0 && (
        <p className="small-text">
          Not e-mailed for want of consent to electronic notice (E-SIGN, 15 U.S.C. §7001(c)): {np.postal} by post{np.failed ? `, ${np.failed} without a postal address (substitute notice)` : ''}.
        </p>
      )}
    </div>
  );
}
