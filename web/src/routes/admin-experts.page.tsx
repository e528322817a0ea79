/** The directory of outside experts: counsel, forensics, insurer, PR, law enforcement, notice vendors. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/http.client.js';
import type { Expert, Page } from '../api/api.types.js';
import { useSession } from '../auth/session.context.js';
import { humanize } from '../components/format.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';

const KINDS = ['outside_counsel', 'forensics', 'insurer', 'pr_agency', 'law_enforcement', 'notice_vendor', 'other'];

export function ExpertsPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  const experts = useQuery({ queryKey: ['experts'], queryFn: () => api<Page<Expert>>('/api/v1/experts', { query: { limit: 500 } }) });
  const [kind, setKind] = useState('outside_counsel');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const add = useMutation({
    mutationFn: () => api<Expert>('/api/v1/experts', { body: { kind, name: name.trim(), email: email.trim() || undefined, phone: phone.trim() || undefined } }),
    onSuccess: () => {
      setName('');
      setEmail('');
      setPhone('');
      qc.invalidateQueries({ queryKey: ['experts'] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/v1/experts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['experts'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const editable = can('admin') || can('lead') || can('legal');
  return (
    <>
      <h1>Expert directory</h1>
      {editable && (
        <form className="inline-form" onSubmit={submit} aria-label="Add an expert">
          <div className="field">
            <label htmlFor="expert-kind">Kind</label>
            <select id="expert-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {humanize(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="expert-name">Name</label>
            <input id="expert-name" required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="expert-email">E-mail</label>
            <input id="expert-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="expert-phone">Phone</label>
            <input id="expert-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </div>
          <button type="submit" disabled={add.isPending}>
            Add expert
          </button>
        </form>
      )}
      {add.isError && <ErrorBox error={add.error} />}
      {remove.isError && <ErrorBox error={remove.error} />}
      <QueryState query={experts} what="The expert directory">
        {(d) =>
          d.items.length === 0 ? (
            <p className="muted">No experts yet. Add your breach counsel, forensics firm and cyber insurer before you need them.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Phone</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((x) => (
                  <tr key={x.id}>
                    <td>{x.name}</td>
                    <td>{humanize(String(x.kind ?? ''))}</td>
                    <td>{x.email ?? '—'}</td>
                    <td>{x.phone ?? '—'}</td>
                    <td>
                      {editable && (
                        <button type="button" className="danger small" onClick={() => remove.mutate(x.id)} aria-label={`Remove ${x.name}`}>
                          Remove
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
