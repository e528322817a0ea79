/** The signed-in frame: skip link, top navigation, who I am, sign out; pages render in <main>. */
import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSession } from '../auth/session.context.js';

export function Layout() {
  const { me, signOut, can } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/incidents" className="brand">
          Breachdesk
        </NavLink>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/incidents">Incidents</NavLink>
            </li>
            <li>
              <NavLink to="/drills">Drills</NavLink>
            </li>
            <li>
              <NavLink to="/admin/tokens">API tokens</NavLink>
            </li>
            <li>
              <NavLink to="/account/security">Security</NavLink>
            </li>
            {can('admin') && (
              <>
                <li>
                  <NavLink to="/admin/users">Users</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/organisation">Organisation</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/plan">Response plan</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/experts">Experts</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="whoami">
          <span>{me?.user.displayName || me?.user.username}</span>
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              await signOut();
              navigate('/sign-in', { replace: true });
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
