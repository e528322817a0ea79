/**
 * My sign-in security: second factors (authenticator app, security keys or passkeys) and recovery
 * codes. When my role requires a second factor, this is the only page I can use until I set one up.
 */
import { startRegistration } from '@simplewebauthn/browser';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/http.client.js';
import { safeNext } from '../auth/next-path.js';
import { useSession } from '../auth/session.context.js';

interface Factor {
  id: string;
  kind: 'totp' | 'webauthn';
  name: string;
  confirmed: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}
interface Status {
  items: Factor[];
  required: boolean;
  enrolled: boolean;
  recoveryCodesLeft: number;
}

export function AccountSecurityPage() {
  const { me, refresh } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [status, setStatus] = useState<Status | null>(null);
  const [pendingApp, setPendingApp] = useState<{ id: string; secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [keyName, setKeyName] = useState('Security key');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mustSetUp = !!me?.secondFactorEnrollmentRequired;

  const load = useCallback(async () => setStatus(await api<Status>('/api/v1/me/second-factors')), []);
  useEffect(() => {
    load().catch((e: Error) => setError(e.message));
  }, [load]);

  async function run(fn: () => Promise<void>) {
    setError(null);
    try {
      await fn();
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  const added = async (recoveryCodes: string[] | null) => {
    if (recoveryCodes) setCodes(recoveryCodes);
    if (mustSetUp) await refresh();
  };

  const startApp = () => run(async () => setPendingApp(await api('/api/v1/me/second-factors/totp', { body: { name: 'Authenticator app' } })));
  const confirmApp = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api<{ recoveryCodes: string[] | null }>('/api/v1/me/second-factors/totp/confirm', { body: { id: pendingApp!.id, code: code.trim() } });
      setPendingApp(null);
      setCode('');
      await added(r.recoveryCodes);
    });
  };
  const addKey = () =>
    run(async () => {
      const options = await api<Parameters<typeof startRegistration>[0]['optionsJSON']>('/api/v1/me/second-factors/webauthn/options', { method: 'POST' });
      const response = await startRegistration({ optionsJSON: options });
      const r = await api<{ recoveryCodes: string[] | null }>('/api/v1/me/second-factors/webauthn', { body: { name: keyName, response } });
      await added(r.recoveryCodes);
    });
  const remove = (id: string) => run(async () => api(`/api/v1/me/second-factors/${id}`, { method: 'DELETE' }));
  const newCodes = () => run(async () => setCodes((await api<{ recoveryCodes: string[] }>('/api/v1/me/recovery-codes', { method: 'POST' })).recoveryCodes));

  return (
    <section aria-labelledby="security-title" className="card">
      <h1 id="security-title">Sign-in security</h1>
      {mustSetUp && (
        <p className="notice" role="status">
          Your role requires a second factor. Set one up to continue.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {codes && (
        <div className="notice" role="status" aria-labelledby="codes-title">
          <h2 id="codes-title">Your recovery codes</h2>
          <p>Each works once if you lose your second factor. They are shown only now: keep them somewhere safe.</p>
          <ul className="recovery-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          {!me?.secondFactorEnrollmentRequired && params.get('next') && (
            <button type="button" onClick={() => navigate(safeNext(params.get('next')), { replace: true })}>
              Continue
            </button>
          )}
        </div>
      )}
      <h2>Second factors</h2>
      {status && status.items.filter((f) => f.confirmed).length === 0 && <p>None set up yet.</p>}
      <ul className="factors">
        {status?.items
          .filter((f) => f.confirmed)
          .map((f) => (
            <li key={f.id}>
              {f.kind === 'totp' ? 'Authenticator app' : 'Security key'}: {f.name}{' '}
              <button type="button" className="link" onClick={() => void remove(f.id)} aria-label={`Remove ${f.name}`}>
                Remove
              </button>
            </li>
          ))}
      </ul>
      {pendingApp ? (
        <form onSubmit={confirmApp} aria-label="Confirm the authenticator app">
          <p>
            Add this key to your authenticator app (or open <code>{pendingApp.uri}</code> on the phone):
          </p>
          <p>
            <code data-testid="totp-secret">{pendingApp.secret}</code>
          </p>
          <label htmlFor="totp-code">Code from the app</label>
          <input id="totp-code" inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit">Confirm</button>
        </form>
      ) : (
        <button type="button" onClick={() => void startApp()}>
          Set up an authenticator app
        </button>
      )}
      <div>
        <label htmlFor="key-name">Name of the security key</label>
        <input id="key-name" value={keyName} onChange={(e) => setKeyName(e.target.value)} />
        <button type="button" onClick={() => void addKey()}>
          Add a security key
        </button>
      </div>
      {status?.enrolled && (
        <p>
          {status.recoveryCodesLeft} recovery codes left.{' '}
          <button type="button" className="link" onClick={() => void newCodes()}>
            Make new recovery codes
          </button>
        </p>
      )}
    </section>
  );
}
