/**
 * The incident CLI commands through the same code path as the binary (commander → ApiClient
 * → routes), with the in-process local client against a test server's app.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type IncidentsTestServer, startIncidentsTestServer } from '../../test/support/incidents.js';
import { registerIncidentCommands } from './incidents.cli.js';

describe('incident CLI (local store)', () => {
  let s: IncidentsTestServer;
  beforeAll(async () => {
    s = await startIncidentsTestServer('sqlite');
  });
  afterAll(async () => s?.close());

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const program = new Command('breachdesk').exitOverride();
    registerIncidentCommands(program, s.cliContext());
    let stdout = '';
    let stderr = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      stdout += String(c);
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      stderr += String(c);
      return true;
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
      throw Object.assign(new Error('exit'), { exitCode: Number(code ?? 0) });
    });
    let code = 0;
    try {
      await program.parseAsync(['node', 'breachdesk', ...args]);
    } catch (e) {
      code = (e as { exitCode?: number }).exitCode ?? -1;
    } finally {
      out.mockRestore();
      err.mockRestore();
      exit.mockRestore();
    }
    return { code, stdout, stderr };
  }

  let id: string;

  it('incident create --json prints the incident with id, status and awareAt', async () => {
    const r = await cli('incident', 'create', '--title', 'Lost laptop', '--aware-at', '2026-05-01T08:00:00Z', '--category', 'confidentiality,availability', '--json');
    expect(r.code).toBe(0);
    const i = JSON.parse(r.stdout);
    expect(i).toMatchObject({ status: 'suspected', awareAt: '2026-05-01T08:00:00.000Z', categories: ['confidentiality', 'availability'] });
    id = i.id;
  });

  it('incident list and show', async () => {
    const list = JSON.parse((await cli('incident', 'list', '--json')).stdout);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    const text = await cli('incident', 'list');
    expect(text.stdout).toContain('Lost laptop');
    const show = await cli('incident', 'show', id);
    expect(show.stdout).toMatch(/aware\s+2026-05-01T08:00:00.000Z/);
    expect(JSON.parse((await cli('incident', 'show', id, '--json')).stdout).nextDeadline).toBeNull();
  });

  it('incident update: --aware-at needs --reason (exit 2); --status moves it', async () => {
    const bad = await cli('incident', 'update', id, '--aware-at', '2026-05-01T07:00:00Z');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/awareAtReason/);
    const ok = await cli('incident', 'update', id, '--aware-at', '2026-05-01T07:00:00Z', '--reason', 'badge log', '--status', 'confirmed', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'confirmed', awareAt: '2026-05-01T07:00:00.000Z' });
    const refused = await cli('incident', 'update', id, '--status', 'suspected');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot move from confirmed to suspected/);
  });

  it('issue 20 §6: --breach-started-at/--breach-ended-at record the date range of the breach, in order, audited', async () => {
    const bad = await cli('incident', 'update', id, '--breach-started-at', '2026-04-20T00:00:00Z', '--breach-ended-at', '2026-04-10T00:00:00Z');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/breachEndedAt: cannot be before breachStartedAt/);
    // It cannot start after it was known (aware 2026-05-01T07:00Z).
    expect((await cli('incident', 'update', id, '--breach-started-at', '2026-05-02T00:00:00Z')).stderr).toMatch(/breachStartedAt: cannot be after/);
    const ok = await cli('incident', 'update', id, '--breach-started-at', '2026-04-10T00:00:00Z', '--breach-ended-at', '2026-04-20T00:00:00Z', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ breachStartedAt: '2026-04-10T00:00:00.000Z', breachEndedAt: '2026-04-20T00:00:00.000Z' });
    expect((await cli('incident', 'show', id)).stdout).toMatch(/breach\s+2026-04-10T00:00:00.000Z to 2026-04-20T00:00:00.000Z/);
    const events = await s.platform.audit.list({ incidentId: id });
    const ev = events.filter((e) => e.action === 'incident.updated').pop()!;
    expect(ev.after).toMatchObject({ breachStartedAt: '2026-04-10T00:00:00.000Z', breachEndedAt: '2026-04-20T00:00:00.000Z' });
  });

  it('task list and update with checklist ticks', async () => {
    const tasks = JSON.parse((await cli('task', 'list', '--incident', id, '--all', '--json')).stdout).items;
    expect(tasks.find((t: { key: string }) => t.key === 'notify-authority').dueAt).toBe('2026-05-04T07:00:00.000Z');
    const t = tasks[0];
    const r = await cli('task', 'update', t.id, '--incident', id, '--status', 'in_progress', '--check', '1', '--json');
    expect(r.code).toBe(0);
    const updated = JSON.parse(r.stdout);
    expect(updated.status).toBe('in_progress');
    expect(updated.checklist[0].done).toBe(true);
    const bad = await cli('task', 'update', t.id, '--incident', id, '--check', '99');
    expect(bad.code).toBe(2);
    const overdue = await cli('task', 'list', '--incident', id, '--view', 'overdue');
    expect(overdue.stdout).toContain(t.id);
  });

  it('timeline: --add records an entry; --json, --csv and --md export', async () => {
    const add = await cli('timeline', id, '--add', 'Laptop left on a train', '--at', '2026-04-30T19:00:00Z', '--entry-kind', 'detection', '--json');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout).at).toBe('2026-04-30T19:00:00.000Z');
    const json = JSON.parse((await cli('timeline', id, '--json')).stdout);
    expect(json.items[0].text).toBe('Laptop left on a train');
    const csv = (await cli('timeline', id, '--csv')).stdout;
    expect(csv.split('\r\n')[0]).toBe('at,recordedAt,kind,source,actor,text,action,id');
    const md = (await cli('timeline', id, '--md', '--kind', 'detection')).stdout;
    expect(md).toContain('Laptop left on a train');
    expect(md).not.toContain('Incident opened');
    expect((await cli('timeline', id, '--csv', '--md')).code).toBe(2);
  });

  it('incident member add/list and plan show/set', async () => {
    await s.user('dora', 'responder');
    const add = await cli('incident', 'member', 'add', id, '--user', 'dora', '--role', 'dpo', '--json');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ username: 'dora', role: 'dpo' });
    expect((await cli('incident', 'member', 'list', id)).stdout).toMatch(/dora\s+dpo/);
    expect((await cli('plan', 'show')).stdout).toContain('notify-authority');
    const file = join(s.db.dataDir, 'plan.yaml');
    writeFileSync(file, 'name: Tiny\nphases:\n  - id: confirm\n    title: Confirm\n');
    const set = await cli('plan', 'set', file, '--json');
    expect(JSON.parse(set.stdout).version).toBe(2);
    expect(JSON.parse((await cli('plan', 'show', '--plan-version', '1', '--json')).stdout).yaml).toContain('notify-authority');
    expect((await cli('plan', 'set', join(s.db.dataDir, 'missing.yaml'))).code).toBe(2);
  });

  it('decisions, observables and added tasks', async () => {
    const d = await cli('incident', 'decide', id, '--kind', 'gdpr_risk', '--value', 'unlikely', '--what', 'Risk unlikely', '--why', 'Disk encrypted', '--json');
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ kind: 'gdpr_risk', value: 'unlikely' });
    expect((await cli('incident', 'decide', id, '--kind', 'gdpr_risk', '--what', 'x', '--why', 'y')).code).toBe(2);
    expect((await cli('incident', 'decisions', id)).stdout).toMatch(/gdpr_risk \(unlikely\).*Risk unlikely — Disk encrypted/);
    const added = await cli('observable', 'add', id, '--kind', 'email', '--value', 'Owner@Example.org', '--json');
    expect(JSON.parse(added.stdout).value).toBe('o***@example.org');
    expect((await cli('observable', 'list', id, '--unmask')).stdout).toContain('owner@example.org');
    const found = JSON.parse((await cli('observable', 'search', '--kind', 'email', '--value', 'owner@example.org', '--json')).stdout);
    expect(found.items.map((x: { incidentId: string }) => x.incidentId)).toEqual([id]);
    const t = await cli('task', 'add', '--incident', id, '--phase', 'secure', '--title', 'Enable disk encryption checks', '--check', 'MDM policy', '--check', 'audit laptops', '--json');
    expect(JSON.parse(t.stdout)).toMatchObject({ phase: 'secure', checklist: [{ text: 'MDM policy' }, { text: 'audit laptops' }] });
  });

  it('incident close and register export', async () => {
    const close = await cli('incident', 'close', id, '--dismiss', '--json');
    expect(close.code).toBe(2);
    expect(close.stderr).toMatch(/reason/);
    const dismissed = await cli('incident', 'close', id, '--dismiss', '--reason', 'found in the lost-and-found, encrypted', '--json');
    expect(JSON.parse(dismissed.stdout)).toMatchObject({ status: 'dismissed', dismissedReason: 'found in the lost-and-found, encrypted' });
    const reg = JSON.parse((await cli('register', 'export', '--json')).stdout);
    expect(reg.items.map((e: { incidentId: string; status: string }) => [e.incidentId, e.status])).toContainEqual([id, 'dismissed']);
    const csv = (await cli('register', 'export', '--csv')).stdout;
    expect(csv).toMatch(/^incidentId,title,status/);
    expect(csv).toContain('Lost laptop');
  });
});
