/**
 * Sign in with user name or e-mail (or the organisation's single sign-on); when the account has a
 * second factor, a second step asks for it: an authenticator-app code, a security key (WebAuthn),
 * or a recovery code. Returns to the route the user was headed for.
 */
import { startAuthentication } from '@simplewebauthn/browser';
import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/http.client.js';
import { safeNext } from '../auth/next-path.js';
import { type SecondFactorNeeded, useSession } from '../auth/session.context.js';

type Methods = SecondFactorNeeded['secondFactor']['methods'];

export function SignInPage() {
  const { me, loading, notice, signIn, completeSignIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After single sign-on the server sends the browser here when a second factor is due.
  const [methods, setMethods] = useState<Methods | null>(params.get('secondFactor') ? ['totp', 'webauthn', 'recovery_code'] : null);
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [sso, setSso] = useState<{ label: string; startUrl: string } | null>(null);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    api<{ oidc: { label: string; startUrl: string } | null }>('/api/v1/auth/methods', { quiet401: true })
      .then((m) => setSso(m.oidc))
      .catch(() => setSso(null));
  }, []);

  if (loading) return <p className="loading">Loading…</p>;
  if (me && !busy) return <Navigate to={me.user.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next} replace />;

  const done = (m: { user: { mustChangePassword: boolean } }) => navigate(m.user.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next, { replace: true });

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const m = await signIn(login.trim(), password);
      if ('secondFactor' in m) setMethods(m.secondFactor.methods);
      else done(m);
    });
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => done(await completeSignIn(useRecovery ? 'recovery-code' : 'totp', { code: code.trim() })));
  };
  const signInWithKey = () =>
    run(async () => {
      const options = await api<Parameters<typeof startAuthentication>[0]['optionsJSON']>('/api/v1/auth/second-factor/webauthn/options', { method: 'POST', quiet401: true });
      const response = await startAuthentication({ optionsJSON: options });
      done(await completeSignIn('webauthn', { response }));
    });

  const alert = error && (
    <p className="error" role="alert">
      {error}
    </p>
  );

  if (methods) {
    const app = methods.includes('totp') && !useRecovery;
    return (
      <main id="main" className="sign-in">
        <form className="card narrow" onSubmit={submitCode} aria-labelledby="second-factor-title">
          <h1 id="second-factor-title">Confirm it is you</h1>
          {alert}
          {methods.includes('webauthn') && (
            <button type="button" onClick={() => void signInWithKey()} disabled={busy}>
              Use a security key
            </button>
          )}
          {(app || useRecovery || !methods.includes('webauthn')) && (
            <>
              <label htmlFor="second-factor-code">{useRecovery || !methods.includes('totp') ? 'Recovery code' : 'Authentication code'}</label>
              <input id="second-factor-code" name="code" autoComplete="one-time-code" inputMode={useRecovery ? 'text' : 'numeric'} required value={code} onChange={(e) => setCode(e.target.value)} />
              <button type="submit" disabled={busy}>
                Verify
              </button>
            </>
          )}
          {!useRecovery && (
            <button type="button" className="link" onClick={() => setUseRecovery(true)}>
              Use a recovery code
            </button>
          )}
        </form>
      </main>
    );
  }

  return (
    <main id="main" className="sign-in">
      <form className="card narrow" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Breachdesk</h1>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {alert}
        <label htmlFor="login">Email</label>
        <input id="login" name="login" type="text" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} aria-describedby="login-hint" />
        <p id="login-hint" className="hint">
          Your e-mail address or user name.
        </p>
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        {sso && (
          <a className="button secondary" href={`${sso.startUrl}?next=${encodeURIComponent(next)}`}>
            Sign in with {sso.label}
          </a>
        )}
      </form>
    </main>
  );
}
