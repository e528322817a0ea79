/** API tokens: mine (all of them for admins); created tokens are shown once. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/http.client.js';
import type { ApiToken } from '../api/api.types.js';
import { formatDateTime } from '../components/format.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';

export function TokensPage() {
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api<{ items: ApiToken[] }>('/api/v1/tokens') });
  const [name, setName] = useState('');
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation({
    mutationFn: (n: string) => api<{ id: string; token: string }>('/api/v1/tokens', { body: { name: n } }),
    onSuccess: (r, n) => {
      setFresh({ name: n, token: r.token });
      setName('');
      qc.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) create.mutate(name.trim());
  }

  return (
    <>
      <h1>API tokens</h1>
      <p>Tokens let scripts and the CLI (`BREACHDESK_URL`, `BREACHDESK_TOKEN`) act as you. Revoke a token you no longer use.</p>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input id="token-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {create.isError && <ErrorBox error={create.error} />}
      {fresh && (
        <div className="notice" role="status">
          Token “{fresh.name}” created. Copy it now, it is not shown again: <code className="secret">{fresh.token}</code>
        </div>
      )}
      {revoke.isError && <ErrorBox error={revoke.error} />}
      <QueryState query={tokens} what="API tokens">
        {(d) =>
          d.items.length === 0 ? (
            <p className="muted">No tokens yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{formatDateTime(t.createdAt)}</td>
                    <td>{formatDateTime(t.lastUsedAt)}</td>
                    <td>{t.revokedAt ? `Revoked ${formatDateTime(t.revokedAt)}` : 'Active'}</td>
                    <td>
                      {!t.revokedAt && (
                        <button type="button" className="danger small" onClick={() => revoke.mutate(t.id)} aria-label={`Revoke token ${t.name}`}>
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </>
  );
}
