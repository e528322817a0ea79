/**
 * The route × role × membership matrix (issue 19 §9), generated from /api/openapi.json: every route
 * of the document, for every principal of the world (anonymous, each organisation role as a member
 * of incident X and as an outsider, an outside counsel), with a schema-valid body. Nothing is listed
 * by hand but the public routes, so a route added tomorrow is in the matrix tomorrow.
 *
 * What must hold in every cell:
 * - anonymous gets the auth hook's 401 (only the listed public routes answer otherwise);
 * - no route "declares no access policy" (a route without a policy fails the matrix);
 * - no 5xx;
 * - an outsider never gets a 2xx from a route about X, and no answer to an outsider holds any of
 *   X's markers (lists, searches and exports included);
 * - nobody who may not see privileged material gets a privileged marker in any answer.
 */
import type { JsonSchema } from './openapi-bodies.js';
import { sampleBody } from './openapi-bodies.js';
import { PRIVILEGED_MARKERS, type Principal, type World, X_MARKERS } from './world.js';

/** Routes that answer without signing in. Adding one is a security decision: list it here. */
export const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/methods',
  // A pending sign-in's HttpOnly cookie is the credential of these (second-factor.routes.ts).
  'POST /api/v1/auth/second-factor/totp',
  'POST /api/v1/auth/second-factor/recovery-code',
  'POST /api/v1/auth/second-factor/webauthn/options',
  'POST /api/v1/auth/second-factor/webauthn',
  // Single sign-on (only when configured).
  'GET /api/v1/auth/oidc/start',
  'GET /api/v1/auth/oidc/callback',
  // Detection tools post alerts with their source's token or HMAC signature, not a user sign-in (src/confirm/intake.routes.ts).
  'POST /api/v1/intake/{source}',
  // The outside-report form: anyone may report exposed data (rate-limited per IP, src/confirm/reports.routes.ts).
  'POST /api/v1/reports',
  // A canary's beacon is fetched by whoever holds the leaked record (src/confirm/canaries.routes.ts).
  'GET /api/v1/canaries/beacon/{token}',
  // The e-mail beacon: the mail system's inbound route forwards mail to the canary domain (src/confirm/canaries.routes.ts).
  'POST /api/v1/canaries/mail',
]);

export interface Operation {
  method: string;
  path: string;
  body: JsonSchema | null;
  bodyType: string | null;
}

export interface MatrixResult {
  routes: number;
  cells: number;
  problems: string[];
  /** status counts per principal, for the report */
  statuses: Record<string, Record<number, number>>;
}

export async function operations(world: World): Promise<Operation[]> {
  const doc = (await world.api('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  };
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1')) continue;
    for (const [method, op] of Object.entries(byMethod)) {
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      ops.push({ method: method.toUpperCase(), path, body: bodyType ? (content[bodyType]!.schema ?? {}) : null, bodyType });
    }
  }
  return ops;
}

/** The concrete URLs of an operation in the world: both plain and privileged objects where it matters. */
function urlsOf(op: Operation, ids: Record<string, string>): string[] {
  const fill = (privileged: boolean) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'id') {
        if (op.path.startsWith('/api/v1/notices/')) return ids.notice!;
        if (op.path.startsWith('/api/v1/assessments/')) return ids.assessment!;
        if (op.path.startsWith('/api/v1/users/')) return ids.spareUser!;
        if (op.path.startsWith('/api/v1/tokens/')) return ids.spareToken!;
        return ids.incident!;
      }
      if (name === 'itemId') return op.path.includes('/obligations/') ? ids.obligationItem! : privileged ? ids.privilegedEvidence! : ids.evidence!;
      if (name === 'noteId') return privileged ? ids.privilegedNote! : ids.note!;
      if (name === 'taskId') return ids.task!;
      if (name === 'userId') return ids.member!;
      if (name === 'expertId') return ids.expert!;
      if (name === 'engagementId') return ids.engagement!;
      if (name === 'version') return '1';
      return ids[name] ?? '00000000-0000-4000-8000-000000000000';
    });
  const urls = [fill(false)];
  if (/\{(itemId|noteId)\}/.test(op.path) && !op.path.includes('/obligations/')) urls.push(fill(true));
  return urls;
}

/** Whether the path names incident X or one of its objects. */
function aboutX(op: Operation): boolean {
  return /^\/api\/v1\/(incidents\/\{id\}|evidence\/|notices\/\{id\}|assessments\/)/.test(op.path);
}

const mayReadPrivileged = (p: Principal) => p.role === 'admin' || (p.incidentRole !== null && (p.role === 'legal' || p.incidentRole === 'legal_counsel' || p.incidentRole === 'dpo'));
const isOutsider = (p: Principal) => p.token !== null && p.role !== 'admin' && p.incidentRole === null;

const ORDER: Record<string, number> = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };

/** `only`: the routes to check (default: every route of the OpenAPI document). */
export async function runMatrix(world: World, only: (op: Operation) => boolean = () => true): Promise<MatrixResult> {
  const ops = (await operations(world)).filter(only).sort((a, b) => (ORDER[a.method] ?? 1) - (ORDER[b.method] ?? 1));
  const problems: string[] = [];
  const statuses: MatrixResult['statuses'] = {};
  let cells = 0;
  // Writes by those who may do them come last within a route, so a successful delete does not
  // hide what the others would have got.
  const principals = [...world.principals].sort((a, b) => Number(!isOutsider(a)) - Number(!isOutsider(b)) || Number(a.role === 'admin') - Number(b.role === 'admin'));
  // Ids of the world's objects; privileged stays set, so no cell un-flags the privileged items others are checked against.
  const fixed = { incidentId: world.ids.incident, evidenceIds: [world.ids.evidence], expertId: world.ids.expert, userId: world.ids.member, username: 'viewer-member', privileged: true };
  for (const op of ops) {
    const key = `${op.method} ${op.path}`;
    const body = op.bodyType === 'application/json' ? sampleBody(op.body ?? {}, { fixed }) : op.bodyType ? 'name,email\nMatrix Probe,probe@example.org\n' : undefined;
    for (const url of urlsOf(op, world.ids)) {
      for (const p of principals) {
        cells++;
        const r = await world.api(url, { method: op.method, token: p.token, body, contentType: op.bodyType && op.bodyType !== 'application/json' ? op.bodyType : undefined });
        statuses[p.name] ??= {};
        statuses[p.name]![r.status] = (statuses[p.name]![r.status] ?? 0) + 1;
        const where = `${key} as ${p.name}${url.includes(world.ids.privilegedEvidence!) || url.includes(world.ids.privilegedNote!) ? ' (privileged object)' : ''}`;
        const detail = typeof r.body === 'object' && r.body ? String((r.body as { detail?: unknown }).detail ?? '') : '';
        if (r.status >= 500) problems.push(`${where}: ${r.status} ${detail}`);
        if (/declares no access policy/.test(detail)) problems.push(`${key}: declares no access policy (give it config.policy)`);
        if (p.token === null) {
          const hook401 = r.status === 401 && /sign in or send an API token/.test(detail);
          if (PUBLIC_ROUTES.has(key) === hook401) problems.push(`${where}: ${PUBLIC_ROUTES.has(key) ? 'a public route asked for sign-in' : `answered ${r.status} without authentication (list it in PUBLIC_ROUTES if it is meant to be public)`}`);
          continue;
        }
        if (isOutsider(p) && aboutX(op) && r.status < 300) problems.push(`${where}: an outsider got ${r.status} from a route about incident X`);
        if (isOutsider(p)) for (const m of X_MARKERS) if (r.text.includes(m)) problems.push(`${where}: an outsider's answer holds "${m}" of incident X`);
        if (!mayReadPrivileged(p)) for (const m of PRIVILEGED_MARKERS) if (r.text.includes(m)) problems.push(`${where}: privileged "${m}" shown to ${p.name}`);
      }
    }
  }
  return { routes: ops.length, cells, problems, statuses };
}
