/** Admin: user accounts (create with roles, edit roles, disable/enable). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/http.client.js';
import { type Page, ROLES, type Role, type User } from '../api/api.types.js';
import { humanize } from '../components/format.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';

const DEFAULT_ROLES: Role[] = ['responder'];

function RoleBoxes({ idPrefix, roles, onChange }: { idPrefix: string; roles: Role[]; onChange: (roles: Role[]) => void }) {
  return (
    <>
      {ROLES.map((r) => (
        <label key={r} className="check" htmlFor={`${idPrefix}-${r}`}>
          <input id={`${idPrefix}-${r}`} type="checkbox" checked={roles.includes(r)} onChange={(e) => onChange(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} />
          {humanize(r)}
        </label>
      ))}
    </>
  );
}

/** A user's roles, editable in place: Edit roles → boxes → Save (PATCH roles). */
function UserRoles({ user }: { user: User }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Role[] | null>(null);
  const save = useMutation({
    mutationFn: (roles: Role[]) => api<User>(`/api/v1/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: { roles } }),
    onSuccess: () => {
      setEditing(null);
      qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  if (!editing) {
    return (
      <>
        {user.roles.map(humanize).join(', ')}{' '}
        <button type="button" className="secondary small" onClick={() => setEditing(user.roles)} aria-label={`Edit roles of ${user.username}`}>
          Edit roles
        </button>
      </>
    );
  }
  return (
    <form
      aria-label={`Roles of ${user.username}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(editing);
      }}
    >
      <fieldset>
        <legend className="visually-hidden">Roles of {user.username}</legend>
        <RoleBoxes idPrefix={`roles-${user.id}`} roles={editing} onChange={setEditing} />
      </fieldset>
      <button type="submit" className="small" disabled={save.isPending || editing.length === 0}>
        Save roles
      </button>{' '}
      <button type="button" className="secondary small" onClick={() => setEditing(null)}>
        Cancel
      </button>
      {save.isError && <ErrorBox error={save.error} />}
    </form>
  );
}

export function UsersPage() {
  const qc = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<Page<User>>('/api/v1/users', { query: { limit: 500 } }) });
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(DEFAULT_ROLES);
  const [created, setCreated] = useState<{ user: User; oneTimePassword: string | null } | null>(null);
  const create = useMutation({
    mutationFn: () => api<{ user: User; oneTimePassword: string | null }>('/api/v1/users', { body: { email: email.trim(), displayName: displayName.trim() || undefined, roles } }),
    onSuccess: (r) => {
      setCreated(r);
      setEmail('');
      setDisplayName('');
      // The next user starts from the default, not from the roles just given (issue 20 §8).
      setRoles(DEFAULT_ROLES);
      qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const toggle = useMutation({
    mutationFn: (u: User) => api<User>(`/api/v1/users/${encodeURIComponent(u.id)}`, { method: 'PATCH', body: { disabled: !u.disabled } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  return (
    <>
      <h1>Users</h1>
      <section aria-labelledby="new-user">
        <h2 id="new-user">Add a user</h2>
        <form className="inline-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="user-email">E-mail address</label>
            <input id="user-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="user-name">Display name</label>
            <input id="user-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          </div>
          <fieldset className="field">
            <legend>Roles</legend>
            <RoleBoxes idPrefix="new-role" roles={roles} onChange={setRoles} />
          </fieldset>
          <button type="submit" disabled={create.isPending || roles.length === 0}>
            Add user
          </button>
        </form>
        {create.isError && <ErrorBox error={create.error} />}
        {created && (
          <div className="notice" role="status">
            Added {created.user.email}.
            {created.oneTimePassword && (
              <>
                {' '}
                One-time password (shown once, the user must change it at first sign-in): <code className="secret">{created.oneTimePassword}</code>
              </>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="all-users">
        <h2 id="all-users">All users</h2>
        {toggle.isError && <ErrorBox error={toggle.error} />}
        <QueryState query={users} what="Users">
          {(page) => (
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">User name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Roles</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((u) => (
                  <tr key={u.id}>
                    <td>{u.displayName}</td>
                    <td>{u.username}</td>
                    <td>{u.email}</td>
                    <td>
                      <UserRoles user={u} />
                    </td>
                    <td>{u.disabled ? 'Disabled' : u.mustChangePassword ? 'Must change password' : 'Active'}</td>
                    <td>
                      <button type="button" className="secondary small" onClick={() => toggle.mutate(u)} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`}>
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
    </>
  );
}
