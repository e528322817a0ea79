/**
 * Affected people (masked) with their consent to electronic notice, and the incident's
 * declaration that e-mail is the primary means of communication with them. Most US state
 * statutes count e-mail as notice only with E-SIGN consent (15 U.S.C. §7001(c)); some also when
 * e-mail is the primary means (C.R.S. §6-1-716(1)(f)(III)): docs/notices.md "Channels".
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/http.client.js';
import { formatDateTime } from './format.js';
import { ErrorBox } from './query-state.component.js';

interface MaskedPerson {
  id: string;
  name: string;
  email: string | null;
  jurisdiction: string;
  emailConsent: boolean | null;
  emailConsentAt: string | null;
  state: string;
}

interface EmailPrimary {
  primaryEmail: boolean;
  statement: string | null;
  declaredBy: string | null;
  declaredAt: string | null;
}

export const consentLabel = (p: Pick<MaskedPerson, 'emailConsent' | 'emailConsentAt'>): string =>
  p.emailConsent === null ? 'not stated' : p.emailConsent ? `yes${p.emailConsentAt ? ` (${p.emailConsentAt})` : ''}` : 'no';

export function AffectedPeople({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const base = `/api/v1/incidents/${encodeURIComponent(incidentId)}`;
  const qc = useQueryClient();
  const people = useQuery({ queryKey: ['incident', incidentId, 'people', 'list'], queryFn: () => api<{ items: MaskedPerson[]; next: string | null }>(`${base}/people?limit=50`) });
  const primary = useQuery({ queryKey: ['incident', incidentId, 'email-primary'], queryFn: () => api<EmailPrimary>(`${base}/notices/email-primary`) });
  const [statement, setStatement] = useState('');
  const declare = useMutation({
    mutationFn: (primaryEmail: boolean) => api<EmailPrimary>(`${base}/notices/email-primary`, { method: 'PUT', body: { primaryEmail, statement: statement || null } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
  const items = people.data?.items ?? [];
  const p = primary.data;
  return (
    <section aria-labelledby="affected-people-h">
      <h2 id="affected-people-h">Affected people</h2>
      {items.length === 0 ? (
        <p className="muted">No affected people imported yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Jurisdiction</th>
              <th scope="col">E-mail consent</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id}>
                <td>{x.name || '—'}</td>
                <td>{x.email ?? '—'}</td>
                <td>{x.jurisdiction}</td>
                <td>{consentLabel(x)}</td>
                <td>{x.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {people.data?.next && <p className="muted small-text">First 50 shown.</p>}
      {p && (
        <p className="small-text" role="status">
          E-mail {p.primaryEmail ? 'is' : 'is not'} declared our primary means of communication with these people
          {p.declaredBy ? ` (${p.declaredBy}, ${formatDateTime(p.declaredAt ?? '')})` : ''}
          {p.statement ? `: ${p.statement}` : ''}. Where a statute accepts it, notices then e-mail people without consent to electronic notice.
        </p>
      )}
      {canWrite && p && (
        <div className="inline-form">
          <div className="field">
            <label htmlFor="email-primary-statement">Why (kept with the declaration)</label>
            <input id="email-primary-statement" value={statement} onChange={(e) => setStatement(e.target.value)} />
          </div>
          <button type="button" className="secondary" disabled={declare.isPending} onClick={() => declare.mutate(!p.primaryEmail)}>
            {p.primaryEmail ? 'Withdraw the primary-means declaration' : 'Declare e-mail our primary means'}
          </button>
          {declare.isError && <ErrorBox error={declare.error} />}
        </div>
      )}
    </section>
  );
}
