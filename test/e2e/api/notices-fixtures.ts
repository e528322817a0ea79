/**
 * Shared set-up of the notices tests: a platform with the notices (and incidents) migrations,
 * an HTTP app with the notices routes, incidents with members, and a real SMTP server process
 * (bench/notices/smtp-sink.mjs, built on the `smtp-server` package) that logs what it accepts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import type { IncidentsDatabase } from '../../../src/incidents/incidents.tables.js';
import { INCIDENTS_MIGRATIONS } from '../../../src/incidents/migrations/index.js';
import { ALL_MIGRATIONS } from '../../../src/main/migrations.js';
import { createNoticesModule, type NoticesModuleDeps } from '../../../src/notices/notices.module.js';
import type { NoticesService } from '../../../src/notices/notices.service.js';
import type { NoticesDatabase } from '../../../src/notices/notices.tables.js';
import { NOTICES_MIGRATIONS } from '../../../src/notices/migrations.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { accountsRoutes } from '../../../src/platform/auth/accounts.routes.js';
import type { Role } from '../../../src/platform/auth/roles.js';
import type { Dialect } from '../../../src/platform/config.js';
import { buildHttpApp } from '../../../src/platform/http/app.js';
import { createLogger } from '../../../src/platform/logger.js';
import { openPlatform, type Platform } from '../../../src/platform/platform.js';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';
import { testConfig } from '../../support/platform.js';
import type { TestServer } from '../../support/server.js';
import { expect } from 'vitest';
import { waitFor } from '../../support/wait.js';

export const SINK_SCRIPT = fileURLToPath(new URL('../../../bench/notices/smtp-sink.mjs', import.meta.url));
export const WORKER_SCRIPT = fileURLToPath(new URL('../../../bench/notices/deliver-worker.mjs', import.meta.url));

export const NOTICES_TEST_MIGRATIONS: Record<string, Migration> = { ...ALL_MIGRATIONS, ...INCIDENTS_MIGRATIONS, ...NOTICES_MIGRATIONS };

export interface Sink {
  port: number;
  url: string;
  file: string;
  child: ChildProcess;
  /** Every accepted (recipient, Message-ID) pair, in order. */
  lines(): { rcpt: string; messageId: string }[];
  stop(): Promise<void>;
}

export async function startSink(dir: string, env: Record<string, string> = {}): Promise<Sink> {
  const file = join(dir, `sink-${randomUUID().slice(0, 6)}.log`);
  writeFileSync(file, '');
  const child = spawn(process.execPath, [SINK_SCRIPT], { env: { ...process.env, SINK_OUT: file, SINK_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      const m = /\{"port":(\d+)\}/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (c) => reject(new Error(`smtp sink exited with ${c}`)));
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}?starttls=off`,
    file,
    child,
    lines: () =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [rcpt, messageId] = l.split('\t');
          return { rcpt: rcpt!, messageId: messageId! };
        }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface NoticesHarness {
  platform: Platform;
  db: TestDatabase;
  service: NoticesService;
  app: FastifyInstance;
  url: string;
  kdb: Kysely<NoticesDatabase>;
  tokenFor(role: Role, username: string): Promise<{ token: string; userId: string }>;
  createIncident(members: { userId: string; role: string }[]): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of many shapes, read by assertions
  api(path: string, init?: { method?: string; token?: string; body?: unknown; contentType?: string }): Promise<{ status: number; body: any; text: string; headers: Headers }>;
  close(): Promise<void>;
}

export async function openNoticesHarness(dialect: Dialect, extra: Record<string, string> = {}, deps: NoticesModuleDeps = {}): Promise<NoticesHarness> {
  const db = await createTestDatabase(dialect, { migrations: NOTICES_TEST_MIGRATIONS });
  const config = testConfig(db, extra);
  const platform = await openPlatform(config, { migrations: NOTICES_TEST_MIGRATIONS, log: createLogger('silent'), jobPollMs: 50 });
  const mod = createNoticesModule(platform, deps);
  mod.parts.jobs?.(platform.jobs);
  const app = await buildHttpApp(platform, {
    plugins: [accountsRoutes(platform.accounts, { cookieSecure: false, sessionMinutes: 60 }), ...(mod.parts.routes ?? [])],
    version: 't',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const kdb = platform.store.db as unknown as Kysely<NoticesDatabase>;
  const tokenFor = async (role: Role, username: string) => {
    let u = await platform.accounts.findUser(username);
    if (!u) {
      await platform.accounts.createUser({ email: `${username}@example.test`, username, roles: [role], password: 'test password 123' }, SYSTEM_ACTOR);
      u = await platform.accounts.findUser(username);
    }
    const token = (await platform.accounts.createToken(username, 'test', SYSTEM_ACTOR)).token;
    return { token, userId: u!.id };
  };
  const createIncident = async (members: { userId: string; role: string }[]) => {
    const id = `INC-${randomUUID().slice(0, 8)}`;
    const at = new Date().toISOString();
    const idb = platform.store.db as unknown as Kysely<IncidentsDatabase>;
    await idb
      .insertInto('incidents')
      .values({ id, title: 'Test breach', summary: '', status: 'open', dismissed_reason: null, severity: 'high', categories: '["confidentiality"]', detected_at: at, aware_at: at, contained_at: null, closed_at: null, plan_version: 1, facts: '', effects: '', remedial_action: '', created_by: 'test', created_at: at, updated_at: at })
      .execute();
    for (const m of members) await idb.insertInto('incident_members').values({ incident_id: id, user_id: m.userId, role: m.role, added_by: 'test', added_at: at }).execute();
    return id;
  };
  const api: NoticesHarness['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | Buffer | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' || Buffer.isBuffer(init.body) ? init.body : JSON.stringify(init.body);
      headers['content-type'] = init.contentType ?? 'application/json';
    }
    const res = await fetch(url + path, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  return {
    platform,
    db,
    service: mod.service,
    app,
    url,
    kdb,
    tokenFor,
    createIncident,
    api,
    close: async () => {
      await app.close();
      await platform.close();
      await db.drop();
    },
  };
}

/** Facts that satisfy every required item of the US-CA and US-MA individual rules. */
export const FULL_INPUTS = {
  organisationName: 'Example Retail Inc.',
  organisationAddress: '100 Main St, Springfield',
  contactPhone: '1-800-555-0100',
  contactEmail: 'privacy@example.test',
  website: 'https://example.test/notice',
  dpoContact: 'dpo@example.test',
  breachDate: '2026-10-01',
  discoveryDate: '2026-10-05',
  whatHappened: 'An attacker copied a customer database from a misconfigured backup server.',
  whatWeAreDoing: 'We closed the server, reset credentials and engaged forensic investigators.',
  whatYouCanDo: 'Review your account statements, and change your password and security questions.',
  likelyConsequences: 'Phishing attempts and identity theft are possible.',
  lawEnforcementDelay: false,
  creditMonitoringMonths: 24,
  monitoringEnrollment: 'visit https://example.test/monitor with code 1234',
};

export function fileExists(p: string): boolean {
  return existsSync(p);
}

/** Uploads `csv` as evidence of the incident and waits for its assessment (done or failed) over the API. */
export async function assessCsv(s: TestServer, token: string, incidentId: string, csv: string, name = 'customers.csv'): Promise<void> {
  const up = await fetch(`${s.url}/api/v1/incidents/${incidentId}/evidence?name=${name}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: csv });
  const started = await s.api(`/api/v1/incidents/${incidentId}/assessments`, { token, body: { evidenceIds: [((await up.json()) as { id: string }).id] } });
  await waitFor(async () => {
    const r = await s.api(`/api/v1/assessments/${started.body.id}`, { token });
    return r.body.status === 'done' || r.body.status === 'failed' ? r.body : null;
  });
}

/**
 * The New York incident of the obligations tests: the organisation's profile, an incident aware
 * since 2026-01-05 with a legal counsel and a communications member, the leak assessed and the
 * breach facts set (acquisition by a malicious actor). Returns the incident id.
 */
export async function nyIncident(s: TestServer, cmd: string, leak: string, people?: string): Promise<string> {
  const profile = { establishments: ['US'], name: 'Hudson Outfitters LLC', address: '1 Pier Road, New York', contactEmail: 'privacy@hudson.test', contactPhone: '+1 212 555 0100', dpoContact: 'Dana Privacy, dpo@hudson.test' };
  expect((await s.api('/api/v1/org/profile', { method: 'PUT', token: await s.tokenFor('admin'), body: profile })).status).toBe(200);
  const incidentId = (await s.api('/api/v1/incidents', { token: cmd, body: { title: 'New York customers', awareAt: '2026-01-05T09:00:00Z', status: 'confirmed' } })).body.id as string;
  expect((await s.api(`/api/v1/incidents/${incidentId}/members`, { token: cmd, body: { username: 'legal-user', role: 'legal_counsel' } })).status).toBeLessThan(300);
  expect((await s.api(`/api/v1/incidents/${incidentId}/members`, { token: cmd, body: { username: 'responder-user', role: 'communications' } })).status).toBeLessThan(300);
  await assessCsv(s, cmd, incidentId, leak);
  if (people) expect((await s.api(`/api/v1/incidents/${incidentId}/people/import`, { token: cmd, body: people, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
  const f = await s.api(`/api/v1/incidents/${incidentId}/breach-facts`, { method: 'PUT', token: cmd, body: { breach: { acquisition: true, malicious: true }, reason: 'exfiltration confirmed' } });
  expect(f.status, JSON.stringify(f.body)).toBe(200);
  return incidentId;
}

/** A notices team on a test server: commander, legal and responder tokens, and an incident with the last two as members. */
export interface NoticeTeam {
  cmd: string;
  legal: string;
  drafter: string;
  incidentId: string;
}

/** An incident aware since yesterday with legal counsel and a communications member, and `people` imported (CSV). Returns the team and the import report. */
export async function noticeTeamIncident(s: TestServer, title: string, people: string): Promise<{ team: NoticeTeam; imported: Record<string, unknown> }> {
  const cmd = await s.tokenFor('incident_commander');
  const team = { cmd, legal: await s.tokenFor('legal'), drafter: await s.tokenFor('responder'), incidentId: '' };
  team.incidentId = (await s.api('/api/v1/incidents', { token: cmd, body: { title, awareAt: new Date(Date.now() - 86_400_000).toISOString(), status: 'confirmed' } })).body.id;
  for (const [username, role] of [
    ['legal-user', 'legal_counsel'],
    ['responder-user', 'communications'],
  ]) {
    expect((await s.api(`/api/v1/incidents/${team.incidentId}/members`, { token: cmd, body: { username, role } })).status).toBeLessThan(300);
  }
  const imp = await s.api(`/api/v1/incidents/${team.incidentId}/people/import`, { token: cmd, body: people, headers: { 'content-type': 'text/csv' } });
  expect(imp.status, JSON.stringify(imp.body)).toBe(200);
  return { team, imported: imp.body };
}

/** Drafts an individual notice (no problems) and approves it by legal and the commander. Returns the notice view. */
export async function approvedIndividualNotice(s: TestServer, t: NoticeTeam, body: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
  const d = await s.api('/api/v1/notices', { token: t.drafter, body: { incidentId: t.incidentId, recipient: 'individuals', ...body } });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  expect(d.body.problems).toEqual([]);
  for (const tok of [t.legal, t.cmd]) expect((await s.api(`/api/v1/notices/${d.body.id}/approve`, { token: tok, body: {} })).status).toBe(200);
  return d.body;
}
