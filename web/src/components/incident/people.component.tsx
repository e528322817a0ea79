/** People on the incident (members and their incident roles) and the outside experts engaged. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/http.client.js';
import type { Expert, Member, Page } from '../../api/api.types.js';
import { formatDateTime, humanize } from '../format.js';
import { ErrorBox, QueryState } from '../query-state.component.js';
import { incidentPath, incidentQueries } from './incident-api.js';

const INCIDENT_ROLES = ['commander', 'scribe', 'legal_counsel', 'dpo', 'communications', 'forensics_lead', 'executive_sponsor', 'member'];

interface Engagement {
  id: string;
  expert: Expert;
  role: string;
  status: string;
  engagedAt: string;
  endedAt: string | null;
}

export function PeopleSection({ incidentId, canManage, canEngage }: { incidentId: string; canManage: boolean; canEngage: boolean }) {
  const qc = useQueryClient();
  const members = useQuery(incidentQueries.members(incidentId));
  const engaged = useQuery({ queryKey: ['incident', incidentId, 'experts'], queryFn: () => api<{ items: Engagement[] }>(`${incidentPath(incidentId)}/experts`) });
  // Whom to add: the user directory (names only), so a member is chosen rather than typed.
  const users = useQuery({ queryKey: ['users', 'directory'], queryFn: () => api<{ items: { id: string; username: string; displayName: string }[] }>('/api/v1/users/directory'), enabled: canManage });
  const directory = useQuery({ queryKey: ['experts'], queryFn: () => api<Page<Expert>>('/api/v1/experts', { query: { limit: 500 } }), enabled: canEngage });
  const [username, setUsername] = useState('');
  const [role, setRole] = useState('member');
  const [expertId, setExpertId] = useState('');
  const [expertRole, setExpertRole] = useState('');
  const addMember = useMutation({
    mutationFn: () => api<Member>(`${incidentPath(incidentId)}/members`, { body: { username: username.trim(), role } }),
    onSuccess: () => {
      setUsername('');
      qc.invalidateQueries({ queryKey: ['incident', incidentId, 'members'] });
    },
  });
  const engage = useMutation({
    mutationFn: () => api(`${incidentPath(incidentId)}/experts`, { body: { expertId, role: expertRole.trim() } }),
    onSuccess: () => {
      setExpertRole('');
      qc.invalidateQueries({ queryKey: ['incident', incidentId, 'experts'] });
    },
  });
  const submitMember = (e: FormEvent) => {
    e.preventDefault();
    addMember.mutate();
  };
  const submitExpert = (e: FormEvent) => {
    e.preventDefault();
    engage.mutate();
  };
  return (
    <section aria-labelledby="people-h" className="card">
      <h2 id="people-h">People</h2>
      <QueryState query={members} what="Members">
        {(page) => (
          <ul className="people">
            {page.items.map((m) => (
              <li key={m.userId}>
                <strong>{m.username ?? m.userId}</strong> — {humanize(m.role)}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {canManage && (
        <form className="inline-form" onSubmit={submitMember} aria-label="Add a member">
          <div className="field">
            <label htmlFor="member-user">User</label>
            <select id="member-user" required value={username} onChange={(e) => setUsername(e.target.value)} onFocus={() => void users.refetch()}>
              <option value="">Choose a user…</option>
              {(users.data?.items ?? [])
                .filter((u) => !members.data?.items.some((m) => m.userId === u.id))
                .map((u) => (
                  <option key={u.id} value={u.username}>
                    {u.displayName && u.displayName !== u.username ? `${u.displayName} (${u.username})` : u.username}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="member-role">Incident role</label>
            <select id="member-role" value={role} onChange={(e) => setRole(e.target.value)}>
              {INCIDENT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {humanize(r)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={addMember.isPending}>
            Add member
          </button>
          {addMember.isError && <ErrorBox error={addMember.error} />}
        </form>
      )}
      <h3>Engaged experts</h3>
      <QueryState query={engaged} what="Engaged experts">
        {(d) =>
          d.items.length === 0 ? (
            <p className="muted">No outside experts engaged.</p>
          ) : (
            <ul className="people">
              {d.items.map((e) => (
                <li key={e.id}>
                  <strong>{e.expert.name}</strong> ({humanize(String(e.expert.kind ?? 'expert'))}) — {e.role}, {humanize(e.status)} since {formatDateTime(e.engagedAt)}
                  {e.expert.email ? ` · ${e.expert.email}` : ''}
                  {e.expert.phone ? ` · ${e.expert.phone}` : ''}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {canEngage && directory.data && directory.data.items.length > 0 && (
        <form className="inline-form" onSubmit={submitExpert} aria-label="Engage an expert">
          <div className="field">
            <label htmlFor="engage-expert">Expert</label>
            <select id="engage-expert" required value={expertId} onChange={(e) => setExpertId(e.target.value)}>
              <option value="">Choose…</option>
              {directory.data.items.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({humanize(String(x.kind ?? ''))})
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="engage-role">Role on this incident</label>
            <input id="engage-role" required value={expertRole} onChange={(e) => setExpertRole(e.target.value)} placeholder="e.g. breach counsel" />
          </div>
          <button type="submit" disabled={engage.isPending}>
            Engage
          </button>
          {engage.isError && <ErrorBox error={engage.error} />}
        </form>
      )}
    </section>
  );
}
