/** The organisation profile that decides which breach laws apply (src/obligations/facts.schema.ts controllerSchema). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/http.client.js';
import { useSession } from '../auth/session.context.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';

type Profile = Record<string, unknown> & { establishments?: string[]; sectors?: string[]; role?: string; mainEstablishment?: string };

const FLAGS: [string, string][] = [
  ['publicCompany', 'SEC registrant (Form 8-K, Item 1.05)'],
  ['nydfs', 'Regulated by NY DFS (23 NYCRR 500)'],
  ['doraEntity', 'Financial entity under DORA'],
  ['bankingOrganization', 'US banking organisation (12 CFR 53/225/304)'],
  ['telecom', 'Public electronic communications provider (PECR, Reg. 611/2013)'],
  ['glbaFtc', 'Non-bank financial institution (FTC Safeguards Rule)'],
  ['ownNotificationPolicy', 'Own breach-notification procedures in the security policy (state "own policy" clauses)'],
];

const IDENTITY: [string, string][] = [
  ['name', 'Organisation name'],
  ['address', 'Postal address'],
  ['contactEmail', 'Contact e-mail for affected people'],
  ['contactPhone', 'Contact phone'],
  ['website', 'Website'],
  ['dpoContact', 'Data protection officer (name and contact)'],
];

function ProfileForm({ profile, editable }: { profile: Profile; editable: boolean }) {
  const qc = useQueryClient();
  const [establishments, setEstablishments] = useState((profile.establishments ?? []).join(', '));
  const [main, setMain] = useState(profile.mainEstablishment ?? '');
  const [sectors, setSectors] = useState((profile.sectors ?? []).join(', '));
  const [role, setRole] = useState(String(profile.role ?? 'controller'));
  const [nis2, setNis2] = useState(String(profile.nis2Entity ?? ''));
  const [flags, setFlags] = useState<Record<string, boolean>>(Object.fromEntries(FLAGS.map(([k]) => [k, !!profile[k]])));
  // Who the organisation is, for the notices it sends (issue 20 §6: drafts are pre-filled from these).
  const [who, setWho] = useState<Record<string, string>>(Object.fromEntries(IDENTITY.map(([k]) => [k, String(profile[k] ?? '')])));
  const [saved, setSaved] = useState(false);
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const save = useMutation({
    mutationFn: () =>
      api<Profile>('/api/v1/org/profile', {
        method: 'PUT',
        body: { ...profile, establishments: list(establishments).map((x) => x.toUpperCase()), mainEstablishment: main.trim().toUpperCase() || undefined, sectors: list(sectors), role, nis2Entity: nis2 || null, ...flags, ...Object.fromEntries(IDENTITY.map(([k]) => [k, who[k]?.trim() || undefined])) },
      }),
    onSuccess: () => {
      setSaved(true);
      qc.invalidateQueries({ queryKey: ['org-profile'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <form className="card stack-form" onSubmit={submit}>
      <fieldset disabled={!editable}>
        <legend>Where and what the organisation is</legend>
        {IDENTITY.map(([k, label]) => (
          <div key={k} className="field">
            <label htmlFor={`org-${k}`}>{label}</label>
            <input id={`org-${k}`} value={who[k] ?? ''} onChange={(e) => setWho({ ...who, [k]: e.target.value })} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="org-establishments">Establishments (country codes, comma-separated)</label>
          <input id="org-establishments" value={establishments} onChange={(e) => setEstablishments(e.target.value)} aria-describedby="org-est-hint" />
          <p id="org-est-hint" className="hint">
            ISO 3166-1 codes, e.g. DE, FR, US.
          </p>
        </div>
        <div className="field">
          <label htmlFor="org-main">Main establishment (GDPR Art. 4(16))</label>
          <input id="org-main" value={main} onChange={(e) => setMain(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="org-sectors">Sectors (comma-separated)</label>
          <input id="org-sectors" value={sectors} onChange={(e) => setSectors(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="org-role">Role in the processing</label>
          <select id="org-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="controller">Controller</option>
            <option value="processor">Processor</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="org-nis2">NIS2 entity</label>
          <select id="org-nis2" value={nis2} onChange={(e) => setNis2(e.target.value)}>
            <option value="">Not in scope</option>
            <option value="essential">Essential</option>
            <option value="important">Important</option>
          </select>
        </div>
        {FLAGS.map(([k, label]) => (
          <label key={k} className="check">
            <input type="checkbox" checked={flags[k]} onChange={(e) => setFlags({ ...flags, [k]: e.target.checked })} />
            {label}
          </label>
        ))}
      </fieldset>
      {editable && (
        <button type="submit" disabled={save.isPending}>
          Save profile
        </button>
      )}
      {saved && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      {save.isError && <ErrorBox error={save.error} />}
    </form>
  );
}

export function OrganisationPage() {
  const { can } = useSession();
  const profile = useQuery({ queryKey: ['org-profile'], queryFn: () => api<Profile>('/api/v1/org/profile') });
  return (
    <>
      <h1>Organisation profile</h1>
      <p>These facts decide which notification laws apply to every incident.</p>
      <QueryState query={profile} what="The organisation profile">
        {(p) => <ProfileForm profile={p} editable={can('admin')} />}
      </QueryState>
    </>
  );
}
