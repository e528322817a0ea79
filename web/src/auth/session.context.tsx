/**
 * The signed-in session: who I am, my permissions, the CSRF token, and what happens when the
 * server says 401 (expired or revoked session): forget the user, keep the intended route,
 * and show the sign-in form with a message.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, api, onSessionExpired, setCsrfToken } from '../api/http.client.js';
import type { Me } from '../api/api.types.js';

/** The password was right; a second factor must complete the sign-in (methods the user has). */
export interface SecondFactorNeeded {
  secondFactor: { methods: Array<'totp' | 'webauthn' | 'recovery_code'> };
}

interface Session {
  me: Me | null;
  loading: boolean;
  /** Why the user is on the sign-in page (e.g. the session expired). */
  notice: string | null;
  signIn(login: string, password: string): Promise<Me | SecondFactorNeeded>;
  /** Completes a pending sign-in: POST to /api/v1/auth/second-factor/<step>. */
  completeSignIn(step: 'totp' | 'recovery-code' | 'webauthn', body: unknown): Promise<Me>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  can(permission: string): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);

  const accept = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken ?? null);
    setMe(m);
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api<Me>('/api/v1/me', { quiet401: true }));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      accept(null);
    }
  }, [accept]);

  useEffect(() => {
    refresh()
      .catch(() => accept(null))
      .finally(() => setLoading(false));
  }, [refresh, accept]);

  useEffect(
    () =>
      onSessionExpired(() => {
        setNotice('Your session has expired. Sign in again to continue where you were.');
        accept(null);
        queryClient.clear();
      }),
    [accept, queryClient],
  );

  const value = useMemo<Session>(
    () => ({
      me,
      loading,
      notice,
      async signIn(login, password) {
        const m = await api<Me | SecondFactorNeeded>('/api/v1/auth/login', { body: { login, password }, quiet401: true });
        setNotice(null);
        if ('secondFactor' in m) return m;
        accept(m);
        return m;
      },
      async completeSignIn(step, body) {
        const m = await api<Me>(`/api/v1/auth/second-factor/${step}`, { body, quiet401: true });
        accept(m);
        return m;
      },
      async signOut() {
        try {
          await api('/api/v1/auth/logout', { method: 'POST', quiet401: true });
        } catch {
          // Already signed out server-side: forgetting locally is all that is left to do.
        }
        queryClient.clear();
        setNotice('You have signed out.');
        accept(null);
      },
      refresh,
      can: (permission) => !!me?.permissions[permission],
    }),
    [me, loading, notice, accept, refresh, queryClient],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Guards signed-in routes; a forced password change, then a required second factor, come before anything else. */
export function RequireSession({ children, allowPasswordChange = false, allowSecondFactorSetup = false }: { children: ReactNode; allowPasswordChange?: boolean; allowSecondFactorSetup?: boolean }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <p className="loading">Loading…</p>;
  const here = location.pathname + location.search;
  if (!me) return <Navigate to={`/sign-in?next=${encodeURIComponent(here)}`} replace />;
  if (me.user.mustChangePassword && !allowPasswordChange) return <Navigate to={`/change-password?next=${encodeURIComponent(here)}`} replace />;
  if (me.secondFactorEnrollmentRequired && !allowSecondFactorSetup && !me.user.mustChangePassword) return <Navigate to={`/account/security?next=${encodeURIComponent(here)}`} replace />;
  return <>{children}</>;
}
