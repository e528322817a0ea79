/** The response plan (YAML): versions are kept; running incidents keep the version they started with. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Page, User } from '../api/api.types.js';
import { api } from '../api/http.client.js';
import { useSession } from '../auth/session.context.js';
import { formatDateTime } from '../components/format.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';

interface Plan {
  version: number;
  yaml: string;
  createdBy: string;
  createdAt: string;
}

function Editor({ plan, editable, onSaved, nameOf }: { plan: Plan; editable: boolean; onSaved: (version: number) => void; nameOf: (id: string) => string }) {
  const qc = useQueryClient();
  const [yaml, setYaml] = useState(plan.yaml);
  const save = useMutation({
    mutationFn: () => api<Plan>('/api/v1/response-plan', { method: 'PUT', body: { yaml } }),
    onSuccess: (saved) => {
      onSaved(saved.version);
      qc.invalidateQueries({ queryKey: ['response-plan'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack-form" onSubmit={submit}>
      <p className="muted">
        Version {plan.version}, saved {formatDateTime(plan.createdAt)} by {nameOf(plan.createdBy)}.
      </p>
      <label htmlFor="plan-yaml">Plan (YAML)</label>
      <textarea id="plan-yaml" className="code" rows={28} spellCheck={false} readOnly={!editable} value={yaml} onChange={(e) => setYaml(e.target.value)} />
      {editable && (
        <button type="submit" disabled={save.isPending || yaml === plan.yaml}>
          Save as a new version
        </button>
      )}
      {save.isError && <ErrorBox error={save.error} />}
    </form>
  );
}

export function PlanPage() {
  const { can } = useSession();
  const plan = useQuery({ queryKey: ['response-plan'], queryFn: () => api<Plan>('/api/v1/response-plan') });
  const [saved, setSaved] = useState<number | null>(null);
  // The plan records who saved it by user id; admins can resolve it to a name.
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<Page<User>>('/api/v1/users', { query: { limit: 500 } }), enabled: can('admin') });
  const nameOf = (id: string) => users.data?.items.find((u) => u.id === id)?.username ?? (id === 'system' || id === '' ? 'Breachdesk' : id);
  return (
    <>
      <h1>Response plan</h1>
      <p>The steps, tasks, owners and due times every new incident starts with. Saving keeps the old versions; running incidents keep the version they started with.</p>
      {saved !== null && (
        <p className="notice" role="status">
          Saved as version {saved}.
        </p>
      )}
      <QueryState query={plan} what="The response plan">
        {(p) => <Editor key={p.version} plan={p} editable={can('admin')} onSaved={setSaved} nameOf={nameOf} />}
      </QueryState>
    </>
  );
}
