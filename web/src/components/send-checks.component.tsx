/**
 * Before "Send" (issue 20 §5): how many people the notice will reach, and a test send of the
 * exact content to one's own address first.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/http.client.js';
import { ErrorBox } from './query-state.component.js';

interface Audience {
  email: number;
  postal: number;
  unreachable: number;
  noContact: number;
  total: number;
  emailNotPermitted?: number;
  electronicNotice?: { ruleId: string | null; allowed: string; basis: string; primaryEmail: boolean } | null;
}

/** Who the notice will reach, by channel — shown for approval and before sending. */
export function AudienceSummary({ a }: { a: Audience }) {
  return (
    <p className="small-text" role="status">
      Will reach {a.total} recipient(s): {a.email} by e-mail, {a.postal} by post
      {a.unreachable ? `, ${a.unreachable} without a usable address` : ''}
      {a.noContact ? ` (${a.noContact} suppressed: do not contact)` : ''}.
      {a.emailNotPermitted ? ` ${a.emailNotPermitted} of them have an e-mail address but no consent to electronic notice, so they go by post (or need substitute notice): ${a.electronicNotice?.basis ?? ''}` : ''}
    </p>
  );
}

export function NoticeAudience({ noticeId }: { noticeId: string }) {
  const audience = useQuery({ queryKey: ['notice', noticeId, 'audience'], queryFn: () => api<Audience>(`/api/v1/notices/${encodeURIComponent(noticeId)}/audience`) });
  return audience.data ? <AudienceSummary a={audience.data} /> : null;
}

export function SendChecks({ noticeId, onSend, sending }: { noticeId: string; onSend: () => void; sending: boolean }) {
  const path = `/api/v1/notices/${encodeURIComponent(noticeId)}`;
  const audience = useQuery({ queryKey: ['notice', noticeId, 'audience'], queryFn: () => api<Audience>(`${path}/audience`) });
  const test = useMutation({ mutationFn: () => api<{ to: string }>(`${path}/test-send`, { method: 'POST' }) });
  const a = audience.data;
  return (
    <>
      {a && <AudienceSummary a={a} />}
      <button type="button" className="secondary" onClick={() => test.mutate()} disabled={test.isPending}>
        Send a test to me
      </button>
      {test.isSuccess && <span role="status"> Test sent to {test.data.to}.</span>}
      {test.isError && <ErrorBox error={test.error} />}
      <button type="button" onClick={onSend} disabled={sending || !a}>
        {a ? `Send to ${a.total} recipient(s)` : 'Send'}
      </button>
    </>
  );
}
