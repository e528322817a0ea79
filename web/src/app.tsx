/** Routes. Every page but sign-in is code-split (React.lazy) so the first load stays small. */
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { RequireSession } from './auth/session.context.js';
import { Layout } from './components/layout.component.js';
import { SignInPage } from './routes/sign-in.page.js';

const ChangePasswordPage = lazy(() => import('./routes/change-password.page.js').then((m) => ({ default: m.ChangePasswordPage })));
const IncidentsPage = lazy(() => import('./routes/incidents.page.js').then((m) => ({ default: m.IncidentsPage })));
const IncidentPage = lazy(() => import('./routes/incident.page.js').then((m) => ({ default: m.IncidentPage })));
const AssessmentPage = lazy(() => import('./routes/assessment.page.js').then((m) => ({ default: m.AssessmentPage })));
const ObligationsPage = lazy(() => import('./routes/obligations.page.js').then((m) => ({ default: m.ObligationsPage })));
const NoticesPage = lazy(() => import('./routes/notices.page.js').then((m) => ({ default: m.NoticesPage })));
const DrillsPage = lazy(() => import('./routes/drills.page.js').then((m) => ({ default: m.DrillsPage })));
const ReviewPage = lazy(() => import('./routes/review.page.js').then((m) => ({ default: m.ReviewPage })));
const UsersPage = lazy(() => import('./routes/admin-users.page.js').then((m) => ({ default: m.UsersPage })));
const TokensPage = lazy(() => import('./routes/admin-tokens.page.js').then((m) => ({ default: m.TokensPage })));
const OrganisationPage = lazy(() => import('./routes/admin-organisation.page.js').then((m) => ({ default: m.OrganisationPage })));
const PlanPage = lazy(() => import('./routes/admin-plan.page.js').then((m) => ({ default: m.PlanPage })));
const ExpertsPage = lazy(() => import('./routes/admin-experts.page.js').then((m) => ({ default: m.ExpertsPage })));
const AccountSecurityPage = lazy(() => import('./routes/account-security.page.js').then((m) => ({ default: m.AccountSecurityPage })));

/**
 * Moves focus to the new page's heading after navigation, so keyboard and screen-reader users
 * start at the top of the new content (WCAG 2.4.3). Lazy pages render a moment later, so it
 * waits for the <h1> (up to 2 s) — but never takes focus back from someone who has already
 * moved it (typing into a field of the new page). A fresh page load (and the redirects it makes
 * before anyone touched a key) keeps the browser's own start, so the skip link stays the first
 * Tab stop.
 */
let interacted = false;
for (const type of ['keydown', 'pointerdown']) window.addEventListener(type, () => (interacted = true), { capture: true, once: true });

function FocusOnNavigate() {
  const { pathname } = useLocation();
  useEffect(() => {
    if (!pathname || !interacted) return;
    const before = document.activeElement;
    let tries = 0;
    const t = setInterval(() => {
      const now = document.activeElement;
      const moved = now !== before && now !== document.body && now !== null;
      const h = document.querySelector<HTMLElement>('main h1');
      if (moved || h || ++tries > 40) clearInterval(t);
      if (!moved && h) {
        h.tabIndex = -1;
        h.focus();
      }
    }, 50);
    return () => clearInterval(t);
  }, [pathname]);
  return null;
}

export function App() {
  return (
    <>
      <FocusOnNavigate />
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route
          path="/change-password"
          element={
            <RequireSession allowPasswordChange>
              <Suspense fallback={<p className="loading">Loading…</p>}>
                <ChangePasswordPage />
              </Suspense>
            </RequireSession>
          }
        />
        <Route
          path="/account/security"
          element={
            <RequireSession allowSecondFactorSetup>
              <Suspense fallback={<p className="loading">Loading…</p>}>
                <main id="main">
                  <AccountSecurityPage />
                </main>
              </Suspense>
            </RequireSession>
          }
        />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="/incidents" replace />} />
          <Route path="/incidents" element={<IncidentsPage />} />
          <Route path="/incidents/:id" element={<IncidentPage />} />
          <Route path="/incidents/:id/assessment" element={<AssessmentPage />} />
          <Route path="/incidents/:id/obligations" element={<ObligationsPage />} />
          <Route path="/incidents/:id/notices" element={<NoticesPage />} />
          <Route path="/incidents/:id/review" element={<ReviewPage />} />
          <Route path="/drills" element={<DrillsPage />} />
          <Route path="/admin/users" element={<UsersPage />} />
          <Route path="/admin/tokens" element={<TokensPage />} />
          <Route path="/admin/organisation" element={<OrganisationPage />} />
          <Route path="/admin/plan" element={<PlanPage />} />
          <Route path="/admin/experts" element={<ExpertsPage />} />
          <Route path="*" element={<h1>Page not found</h1>} />
        </Route>
      </Routes>
    </>
  );
}
