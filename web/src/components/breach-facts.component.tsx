/**
 * Breach facts (issue 20 §2): what a person establishes about the breach, which the obligation
 * engine cannot see in the data — acquisition, encryption or hashing (algorithm, and whether keys
 * or salts leaked), malicious or inadvertent, how far the data went, a law-enforcement delay.
 * Every change needs a reason (kept in the audit trail) and recomputes the obligations; the ENISA
 * calculator's defaults follow (a public paste site is not "limited recipients", severity.ts).
 */
import { useState } from 'react';

/** `breach` part of the stored overrides (src/obligations/tracking/tracking.service.ts). */
export interface BreachOverrides {
  acquisition?: boolean | null;
  encrypted?: boolean;
  keyCompromised?: boolean | null;
  malicious?: boolean;
  hashing?: { algorithm?: string | null; salted?: boolean | null; secretsLeaked?: boolean | null };
  exposure?: 'internal' | 'known_recipients' | 'unknown_recipients' | 'public' | null;
  lawEnforcementDelay?: { requested: boolean; agency?: string; until?: string } | null;
  [k: string]: unknown;
}

type Tri = 'unknown' | 'yes' | 'no';
const toTri = (v: boolean | null | undefined): Tri => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const fromTri = (t: Tri): boolean | null => (t === 'yes' ? true : t === 'no' ? false : null);

const EXPOSURE_LABELS: Record<string, string> = {
  unknown: 'Not known',
  internal: 'Inside the organisation only',
  known_recipients: 'Known recipients',
  unknown_recipients: 'Unknown recipients',
  public: 'Public site (paste site, forum, leak site)',
};

function TriSelect({ id, label, value, onChange, disabled }: { id: string; label: string; value: Tri; onChange: (t: Tri) => void; disabled: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Tri)}>
        <option value="unknown">Not known</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </select>
    </div>
  );
}

export function BreachFactsPanel({ breach, editable, saving, onSave }: { breach: BreachOverrides; editable: boolean; saving: boolean; onSave: (breach: BreachOverrides, reason: string) => void }) {
  const [acquisition, setAcquisition] = useState(toTri(breach.acquisition));
  const [encrypted, setEncrypted] = useState(breach.encrypted ? 'yes' : 'no');
  const [keyCompromised, setKeyCompromised] = useState(toTri(breach.keyCompromised));
  const [algorithm, setAlgorithm] = useState(breach.hashing?.algorithm ?? '');
  const [salted, setSalted] = useState(toTri(breach.hashing?.salted));
  const [secretsLeaked, setSecretsLeaked] = useState(toTri(breach.hashing?.secretsLeaked));
  const [malicious, setMalicious] = useState(breach.malicious === undefined ? 'unknown' : breach.malicious ? 'malicious' : 'inadvertent');
  const [exposure, setExposure] = useState<string>(breach.exposure ?? 'unknown');
  const [delay, setDelay] = useState(!!breach.lawEnforcementDelay?.requested);
  const [agency, setAgency] = useState(breach.lawEnforcementDelay?.agency ?? '');
  const [until, setUntil] = useState(breach.lawEnforcementDelay?.until?.slice(0, 10) ?? '');
  const [reason, setReason] = useState('');
  const off = !editable;

  const submit = () => {
    const next: BreachOverrides = { ...breach, acquisition: fromTri(acquisition), encrypted: encrypted === 'yes', keyCompromised: fromTri(keyCompromised), exposure: exposure === 'unknown' ? null : (exposure as BreachOverrides['exposure']) };
    if (malicious === 'unknown') delete next.malicious;
    else next.malicious = malicious === 'malicious';
    next.hashing = algorithm.trim() || salted !== 'unknown' || secretsLeaked !== 'unknown' ? { algorithm: algorithm.trim() || null, salted: fromTri(salted), secretsLeaked: fromTri(secretsLeaked) } : undefined;
    if (!next.hashing) delete next.hashing;
    next.lawEnforcementDelay = delay ? { requested: true, ...(agency.trim() ? { agency: agency.trim() } : {}), ...(until ? { until: `${until}T00:00:00Z` } : {}) } : null;
    onSave(next, reason.trim());
  };

  return (
    <section className="card" aria-labelledby="facts-h">
      <h2 id="facts-h">Breach facts</h2>
      <p className="muted">What the data cannot tell: each answer settles review questions above. Changes need a reason and recompute the obligations.</p>
      <form
        className="stack-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TriSelect id="bf-acquisition" label="Data acquired (copied or taken), not only accessed" value={acquisition} onChange={setAcquisition} disabled={off} />
        <div className="field">
          <label htmlFor="bf-malicious">Malicious or inadvertent</label>
          <select id="bf-malicious" value={malicious} disabled={off} onChange={(e) => setMalicious(e.target.value)}>
            <option value="unknown">Not known</option>
            <option value="malicious">Malicious (attack, theft, misuse)</option>
            <option value="inadvertent">Inadvertent (a mistake)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="bf-exposure">Exposure</label>
          <select id="bf-exposure" value={exposure} disabled={off} onChange={(e) => setExposure(e.target.value)}>
            {Object.entries(EXPOSURE_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Encryption and hashing</legend>
          <TriSelect id="bf-encrypted" label="Data encrypted at rest" value={encrypted === 'yes' ? 'yes' : 'no'} onChange={(t) => setEncrypted(t === 'yes' ? 'yes' : 'no')} disabled={off} />
          <TriSelect id="bf-key" label="Encryption key compromised too" value={keyCompromised} onChange={setKeyCompromised} disabled={off} />
          <div className="field">
            <label htmlFor="bf-algorithm">Password hash algorithm</label>
            <input id="bf-algorithm" placeholder="e.g. bcrypt, sha1, md5" value={algorithm} disabled={off} onChange={(e) => setAlgorithm(e.target.value)} />
          </div>
          <TriSelect id="bf-salted" label="Salted or keyed" value={salted} onChange={setSalted} disabled={off} />
          <TriSelect id="bf-secrets" label="Salts, pepper or hashing key leaked" value={secretsLeaked} onChange={setSecretsLeaked} disabled={off} />
        </fieldset>
        <fieldset>
          <legend>Law-enforcement delay</legend>
          <div className="field">
            <label>
              <input id="bf-delay" type="checkbox" checked={delay} disabled={off} onChange={(e) => setDelay(e.target.checked)} /> A law-enforcement agency asked to delay notice
            </label>
          </div>
          {delay && (
            <>
              <div className="field">
                <label htmlFor="bf-agency">Agency</label>
                <input id="bf-agency" value={agency} disabled={off} onChange={(e) => setAgency(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="bf-until">Delay until</label>
                <input id="bf-until" type="date" value={until} disabled={off} onChange={(e) => setUntil(e.target.value)} />
              </div>
            </>
          )}
        </fieldset>
        {editable && (
          <>
            <label htmlFor="bf-reason">Reason for the change</label>
            <input id="bf-reason" required value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. exfiltration seen in proxy logs" />
            <button type="submit" disabled={saving}>
              Save facts and recompute
            </button>
          </>
        )}
      </form>
    </section>
  );
}
