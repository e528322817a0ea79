/** Sign in with user name or e-mail; returns to the route the user was headed for. */
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../auth/next-path.js';
import { useSession } from '../auth/session.context.js';

export function SignInPage() {
  const { me, loading, notice, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (loading) return <p className="loading">Loading…</p>;
  if (me && !busy) return <Navigate to={me.user.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const m = await signIn(login.trim(), password);
      navigate(m.user.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next, { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
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
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
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
      </form>
    </main>
  );
}
