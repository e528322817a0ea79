/**
 * A seeded Breachdesk for the standing security suite: one incident (X) with every kind of object,
 * privileged and plain, and principals of every organisation role, each once as a member of X and
 * once as an outsider. Markers — strings that appear only inside X's data — let the suite check any
 * answer for leaks without knowing its shape.
 */
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.service.js';
import type { Role } from '../../src/platform/auth/roles.js';
import type { RoutePlugin } from '../../src/platform/http/app.js';
import { createModules } from '../../src/main/modules.js';
import { buildServer } from '../../src/main/server.js';
import type { Dialect } from '../../src/platform/config.js';
import { jsonApi, type ApiResult } from '../support/http.js';
import { openTestPlatform, type TestPlatform } from '../support/platform.js';
import { waitFor } from '../support/wait.js';

/** Strings only incident X holds: an outsider must never receive one. */
export const X_MARKERS = ['MATRIX-X-TITLE-7F3', 'matrix-plain-evidence', 'matrix plain note 7f3', 'matrix.person.7f3', 'Matrixia'];
/** Strings only X's privileged (attorney–client) material holds. */
export const PRIVILEGED_MARKERS = ['PRIV-EVIDENCE-MARKER', 'PRIV-NOTE-MARKER'];

export interface Principal {
  name: string;
  role: Role | null;
  /** Incident role on X, or null for an outsider. */
  incidentRole: string | null;
  token: string | null;
  userId: string | null;
}

export interface World {
  t: TestPlatform;
  url: string;
  api(path: string, init?: { method?: string; token?: string | null; body?: unknown; contentType?: string }): Promise<ApiResult>;
  principals: Principal[];
  ids: Record<string, string>;
  close(): Promise<void>;
}

const PEOPLE_CSV = 'name,email,address,city,state,zip\nMatrixia Personne,matrix.person.7f3@example.org,1 Elm St,Springfield,CA,94105\n';
const LEAK_CSV = 'name,email,ssn,state\nMatrixia Personne,matrix.person.7f3@example.org,123-45-6780,CA\n';

export async function startWorld(dialect: Dialect, extraRoutes: RoutePlugin[] = []): Promise<World> {
  const t = await openTestPlatform(dialect);
  const modules = createModules(t.platform);
  modules.routes.push(...extraRoutes);
  const app = await buildServer(t.platform, modules);
  modules.registerJobs(t.platform.jobs);
  await t.platform.jobs.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const json = jsonApi(url);
  const api: World['api'] = async (path, init = {}) => {
    if (init.contentType && typeof init.body === 'string') {
      const r = await fetch(url + path, {
        method: init.method ?? 'POST',
        headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), 'content-type': init.contentType },
        body: init.body,
      });
      const text = await r.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: r.status, body, headers: r.headers, text };
    }
    return json(path, { method: init.method, token: init.token ?? undefined, body: init.body });
  };

  const spec: Array<[string, Role, string | null]> = [
    ['sec-admin', 'admin', null],
    ['ic-member', 'incident_commander', 'commander'],
    ['ic-outsider', 'incident_commander', null],
    ['resp-member', 'responder', 'member'],
    ['resp-outsider', 'responder', null],
    ['legal-member', 'legal', 'member'],
    ['legal-outsider', 'legal', null],
    ['viewer-member', 'viewer', 'member'],
    ['viewer-outsider', 'viewer', null],
    ['counsel-member', 'responder', 'legal_counsel'],
  ];
  const principals: Principal[] = [{ name: 'anonymous', role: null, incidentRole: null, token: null, userId: null }];
  for (const [name, role, incidentRole] of spec) {
    const u = await t.platform.accounts.createUser({ email: `${name}@example.test`, username: name, roles: [role], password: 'matrix passphrase 7f3' }, SYSTEM_ACTOR);
    const token = (await t.platform.accounts.createToken(name, 'matrix', SYSTEM_ACTOR)).token;
    principals.push({ name, role, incidentRole, token, userId: u.user.id });
  }
  const tok = (n: string) => principals.find((p) => p.name === n)!.token!;
  const ids: Record<string, string> = {};
  const ok = (r: ApiResult, what: string) => {
    if (r.status >= 300) throw new Error(`seeding ${what}: ${r.status} ${r.text.slice(0, 200)}`);
    return r.body;
  };

  ids.incident = ok(await api('/api/v1/incidents', { token: tok('ic-member'), body: { title: 'MATRIX-X-TITLE-7F3 leaked customer table' } }), 'incident').id;
  const X = ids.incident;
  for (const p of principals) {
    if (!p.incidentRole || p.incidentRole === 'commander') continue;
    ok(await api(`/api/v1/incidents/${X}/members`, { token: tok('sec-admin'), body: { username: p.name, role: p.incidentRole } }), `member ${p.name}`);
  }
  ids.evidence = ok(await api(`/api/v1/incidents/${X}/evidence?name=matrix-plain-evidence.csv`, { token: tok('ic-member'), body: LEAK_CSV, contentType: 'application/octet-stream' }), 'evidence').id;
  ids.privilegedEvidence = ok(
    await api(`/api/v1/incidents/${X}/evidence?name=PRIV-EVIDENCE-MARKER.txt&privileged=true`, { token: tok('legal-member'), body: 'PRIV-EVIDENCE-MARKER counsel memo', contentType: 'application/octet-stream' }),
    'privileged evidence',
  ).id;
  ids.note = ok(await api(`/api/v1/incidents/${X}/notes`, { token: tok('ic-member'), body: { body: 'matrix plain note 7f3' } }), 'note').id;
  ids.privilegedNote = ok(await api(`/api/v1/incidents/${X}/notes`, { token: tok('legal-member'), body: { body: 'PRIV-NOTE-MARKER advice', privileged: true } }), 'privileged note').id;
  ok(await api(`/api/v1/incidents/${X}/observables`, { token: tok('ic-member'), body: { kind: 'email', value: 'matrix.person.7f3@example.org' } }), 'observable');
  ok(await api(`/api/v1/incidents/${X}/decisions`, { token: tok('ic-member'), body: { kind: 'other', what: 'Matrixia decision', why: 'matrix' } }), 'decision');
  ids.task = (await api(`/api/v1/incidents/${X}/tasks?limit=1`, { token: tok('ic-member') })).body.items[0].id;
  ids.expert = ok(await api('/api/v1/experts', { token: tok('sec-admin'), body: { kind: 'forensics', name: 'Matrix Forensics' } }), 'expert').id;
  ids.engagement = ok(await api(`/api/v1/incidents/${X}/experts`, { token: tok('ic-member'), body: { expertId: ids.expert, role: 'forensic investigation' } }), 'engagement').id;
  ok(await api(`/api/v1/incidents/${X}/people/import?jurisdiction=US-CA`, { token: tok('ic-member'), body: PEOPLE_CSV, contentType: 'text/csv' }), 'people');
  const started = ok(await api(`/api/v1/incidents/${X}/assessments`, { token: tok('ic-member'), body: { evidenceIds: [ids.evidence] } }), 'assessment');
  ids.assessment = started.id;
  await waitFor(async () => ['done', 'failed'].includes((await api(`/api/v1/assessments/${ids.assessment}`, { token: tok('ic-member') })).body.status));
  const obligations = await api(`/api/v1/incidents/${X}/obligations`, { token: tok('ic-member') });
  ids.obligationItem = obligations.body?.items?.[0]?.id ?? 'no-obligation-item';
  const notice = await api('/api/v1/notices', { token: tok('ic-member'), body: { incidentId: X, recipient: 'individuals', jurisdiction: 'US-CA' } });
  ids.notice = notice.status < 300 ? notice.body.id : 'no-notice';
  ids.spareUser = (await t.platform.accounts.createUser({ email: 'spare@example.test', roles: ['viewer'], password: 'matrix passphrase 7f3' }, SYSTEM_ACTOR)).user.id;
  ids.spareToken = (await t.platform.accounts.createToken('spare', 'spare', SYSTEM_ACTOR)).id;
  ids.member = principals.find((p) => p.name === 'viewer-member')!.userId!;

  return {
    t,
    url,
    api,
    principals,
    ids,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}
