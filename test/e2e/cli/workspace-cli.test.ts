/**
 * The workspace CLI as a user runs it: on the local store (no server) and against a running
 * server with BREACHDESK_URL/BREACHDESK_TOKEN. `evidence add` and the refused remote call run the
 * built binary; the other commands run in this process through the same commander program
 * (test/support/cli.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli, runCliAsync } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';
import { spawnServe, type ServeProcess } from '../../support/spawn-server.js';

describe('workspace CLI on the local store', async () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    env = { BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_URL: '', BREACHDESK_TOKEN: '' };
  });
  afterAll(async () => db?.drop());

  it('incident create --json prints id, status and awareAt; tasks are seeded', async () => {
    const r = await cli(['incident', 'create', '--title', 'Laptop stolen', '--aware-at', '2026-05-01T08:00:00Z', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const inc = JSON.parse(r.stdout);
    expect(inc).toMatchObject({ status: 'suspected', awareAt: '2026-05-01T08:00:00.000Z' });
    expect(inc.id).toBeTruthy();
    const tasks = await cli(['task', 'list', '--incident', inc.id, '--json'], env);
    expect(tasks.code, tasks.stderr).toBe(0);
    const items = JSON.parse(tasks.stdout).items as Array<{ phase: string; dueAt: string | null }>;
    expect(new Set(items.map((t) => t.phase))).toEqual(new Set(['confirm', 'contain', 'assess', 'notify', 'secure', 'learn', 'experts']));
    const timeline = await cli(['timeline', inc.id, '--md'], env);
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toMatch(/incident/i);
  });

  it('evidence add prints id and sha256; verify exits 0, then 1 naming a tampered custody row', async () => {
    const inc = JSON.parse((await cli(['incident', 'create', '--title', 'Dump found', '--json'], env)).stdout);
    const file = join(db.dataDir, 'leak.csv');
    writeFileSync(file, 'name,email\nAda,ada@example.org\n');
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    const add = await runCliAsync(['evidence', 'add', file, '--incident', inc.id, '--json'], env);
    expect(add.code, add.stderr).toBe(0);
    const item = JSON.parse(add.stdout);
    expect(item.sha256).toBe(sha);
    const ok = await cli(['evidence', 'verify', item.id], env);
    expect(ok.code, ok.stderr + ok.stdout).toBe(0);
    const sqlite = new Database(db.sqliteFile);
    sqlite.prepare("update evidence_custody set action = 'handover' where item_id = ? and seq = 1").run(item.id);
    sqlite.close();
    const bad = await cli(['evidence', 'verify', item.id], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr + bad.stdout).toMatch(/custody row 1/);
  });

  it('bad input is a one-line error with exit 2', async () => {
    const r = await cli(['incident', 'create', '--title', 'x', '--aware-at', 'yesterday'], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/awareAt|aware-at/);
  });
});

describe('workspace CLI against a running server', async () => {
  let db: TestDatabase;
  let server: ServeProcess;
  let token: string;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    const env = { BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_DATABASE_URL: db.databaseUrl! };
    server = await spawnServe(env);
    // Not the bootstrap admin: its password must be changed before its tokens open anything (issue 19 §5).
    await cli(['admin', 'user', 'create', '--email', 'ops@example.test', '--role', 'incident_commander', '--password', 'ops cli passphrase 1'], env);
    token = JSON.parse((await cli(['admin', 'token', 'create', '--user', 'ops', '--name', 'cli', '--json'], env)).stdout).token;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('creates and shows an incident remotely; a wrong token is refused', async () => {
    const remote = { BREACHDESK_URL: server.url, BREACHDESK_TOKEN: token, BREACHDESK_DATA_DIR: '/nonexistent' };
    const r = await cli(['incident', 'create', '--title', 'Remote one', '--json'], remote);
    expect(r.code, r.stderr).toBe(0);
    const inc = JSON.parse(r.stdout);
    const show = await cli(['incident', 'show', inc.id, '--json'], remote);
    expect(JSON.parse(show.stdout).title).toBe('Remote one');
    const denied = runCli(['incident', 'list'], { ...remote, BREACHDESK_TOKEN: 'bd_wrong' });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/invalid API token/);
  });
});
