/** Forced (first sign-in, reset) or voluntary password change. */
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/http.client.js';
import { useSession } from '../auth/session.context.js';
import { safeNext } from '../auth/next-path.js';

export function ChangePasswordPage() {
  const { me, refresh } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (next.length < 12) return setError('The new password needs at least 12 characters.');
    if (next !== repeat) return setError('The two new passwords differ.');
    try {
      await api('/api/v1/me/password', { method: 'PUT', body: { currentPassword: current, newPassword: next } });
      await refresh();
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <main id="main" className="sign-in">
      <form className="card narrow" onSubmit={submit}>
        <h1>Change your password</h1>
        {me?.user.mustChangePassword && (
          <p className="notice" role="status">
            You signed in with a one-time password. Choose your own before you continue.
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="current-password">Current password</label>
        <input id="current-password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        <label htmlFor="new-password">New password</label>
        <input id="new-password" type="password" autoComplete="new-password" minLength={12} required value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="new-password-hint" />
        <p id="new-password-hint" className="hint">
          At least 12 characters; a passphrase of several words is easiest to remember.
        </p>
        <label htmlFor="repeat-password">Repeat new password</label>
        <input id="repeat-password" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        <button type="submit">Change password</button>
      </form>
    </main>
  );
}
