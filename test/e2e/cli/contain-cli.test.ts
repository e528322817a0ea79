/**
 * `breachdesk connector …` and `breachdesk action …` as a user runs them, against a spawned
 * `serve` (BREACHDESK_URL/TOKEN) whose worker executes the actions, on a Redis this suite starts.
 * `connector add` runs the built binary (secrets through a real stdin pipe); the other commands
 * run in this process through the same commander program (test/support/cli.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../../../src/main/migrations.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { createLogger } from '../../../src/platform/logger.js';
import { openPlatform } from '../../../src/platform/platform.js';
import { cli, runCliAsync } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';
import { jsonApi } from '../../support/http.js';
import { type RedisPeer, startRedis } from '../../support/peers/redis-peer.js';
import { testConfig } from '../../support/platform.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';

describe('breachdesk action and connector commands', () => {
  let db: TestDatabase;
  let redis: RedisPeer;
  let serve: ServeProcess;
  let env: Record<string, string>;
  let incident: string;

  beforeAll(async () => {
    redis = await startRedis();
    const r = redis.client();
    await r.connect();
    for (const s of ['s1', 's2']) {
      await r.hset(`session:${s}`, { user: 'alice' });
      await r.sadd('user_sessions:alice', s);
    }
    r.disconnect();
    db = await createTestDatabase('sqlite', { migrations: ALL_MIGRATIONS });
    const p = await openPlatform(testConfig(db), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
    await p.accounts.createUser({ email: 'ic@example.test', username: 'ic', roles: ['incident_commander'], password: 'cli test passphrase' }, SYSTEM_ACTOR);
    const token = (await p.accounts.createToken('ic', 'cli', SYSTEM_ACTOR)).token;
    await p.close();
    serve = await spawnServe({ BREACHDESK_DATA_DIR: db.dataDir });
    env = { BREACHDESK_URL: serve.url, BREACHDESK_TOKEN: token };
    incident = (await jsonApi(serve.url)('/api/v1/incidents', { token, body: { title: 'Session hijack' } })).body.id;
  }, 120_000);
  afterAll(async () => {
    await serve?.stop();
    await db?.drop();
    await redis?.stop();
  });

  it('adds and checks a connector, plans, runs, verifies and undoes; errors are one line', async () => {
    const add = await runCliAsync(['connector', 'add', 'sessions', '--kind', 'redis', '--set', `port=${redis.port}`, '--secrets-stdin'], env, undefined, '{"password":"hunter2-not-shown"}');
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/^sessions\tredis\tsecrets: password\tnot checked/);
    const check = await cli(['connector', 'check', 'sessions'], env);
    expect(check.stdout).toMatch(/ok: Redis \d/);
    const list = await cli(['connector', 'list'], env);
    expect(list.stdout).not.toContain('hunter2');
    expect((await cli(['connector', 'kinds'], env)).stdout).toMatch(/redis\tRedis[\s\S]*disable-user\treversible\tapproval commander/);

    const plan = await cli(['action', 'plan', '--incident', incident, '--connector', 'sessions', '--operation', 'revoke-sessions', '--target', 'alice', '--json'], env);
    const bulk = JSON.parse(plan.stdout);
    expect(bulk.items[0]).toMatchObject({ state: 'planned', plan: ['UNLINK session:s1 session:s2 user_sessions:alice'] });
    const run = await cli(['action', 'run', '--incident', incident, '--bulk', bulk.bulkId, '--wait'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/alice\tok\tdone\t3 key\(s\) deleted/);
    expect((await cli(['action', 'verify', '--incident', incident, bulk.items[0].id], env)).stdout).toMatch(/ok\tverified\t0 of 3 key\(s\) still exist/);
    const rem = await cli(['remediation', 'add', '--incident', incident, '--root-cause', 'session store open to the office network', '--fix', 'ACL on the session store', '--json'], env);
    const remId = JSON.parse(rem.stdout).id;
    const notYet = await cli(['remediation', 'close', remId, '--incident', incident, '--scan', 'nope', '--secret-type', 'github_token'], env);
    expect(notYet).toMatchObject({ code: 2, stderr: 'breachdesk: evidence: scan nope is not a scan of this incident\n' });
    const closed = await cli(['remediation', 'close', remId, '--incident', incident, '--action', bulk.items[0].id], env);
    expect(closed.stdout).toMatch(new RegExp(`closed\tACL on the session store\tevidence action ${bulk.items[0].id}`));
    const ls = await cli(['action', 'list', '--incident', incident], env);
    expect(ls.stdout).toMatch(/verified\tsessions revoke-sessions alice[\s\S]*undo restores: 3 key\(s\) from their saved DUMP/);
    expect((await cli(['action', 'undo', '--incident', incident, '--bulk', bulk.bulkId], env)).stdout).toMatch(/ok\tundone/);
    const r = redis.client();
    await r.connect();
    expect(await r.hget('session:s1', 'user')).toBe('alice');
    r.disconnect();

    const again = await cli(['action', 'undo', '--incident', incident, '--bulk', bulk.bulkId], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('breachdesk: 1 of 1 action(s) did not go through\n');
    const noTarget = await cli(['action', 'plan', '--incident', incident, '--connector', 'sessions', '--operation', 'disable-user'], env);
    expect(noTarget).toMatchObject({ code: 2, stderr: 'breachdesk: give at least one --target or --targets-file\n' });
    const badConn = await cli(['action', 'plan', '--incident', incident, '--connector', 'nope', '--operation', 'x', '--target', 'y'], env);
    expect(badConn.stderr).toBe('breachdesk: connector "nope" not found\n');

    // Suggestions list their ids and held targets masked; --plan plans one as it stands.
    await jsonApi(serve.url)(`/api/v1/incidents/${incident}/observables`, { token: env.BREACHDESK_TOKEN, body: { kind: 'account', value: 'alice' } });
    const sugg = await cli(['action', 'suggest', '--incident', incident], env);
    expect(sugg.stdout).toContain('observable:ldap:lock-account\tLock in the directory: 1 account(s) from the observables\tldap lock-account\tconnectors: none configured\n    targets: alice\n');
    const noConn = await cli(['action', 'suggest', '--incident', incident, '--plan', 'observable:ldap:lock-account'], env);
    expect(noConn).toMatchObject({ code: 2, stderr: 'breachdesk: connector: no ldap connector is configured\n' });
  }, 120_000);

  it('action approve: an operation that needs a commander does not run until approved', async () => {
    await redis.aclUsers(['carl']);
    const plan = JSON.parse((await cli(['action', 'plan', '--incident', incident, '--connector', 'sessions', '--operation', 'disable-user', '--target', 'carl', '--json'], env)).stdout);
    expect(plan.items[0]).toMatchObject({ state: 'planned', approval: 'commander' });
    const early = await cli(['action', 'run', '--incident', incident, '--bulk', plan.bulkId], env);
    expect(early.code).toBe(1);
    expect(early.stdout).toMatch(/carl\tFAILED\tplanned\tneeds approval \(by an incident commander\) before it can run/);
    expect((await cli(['action', 'approve', '--incident', incident, '--bulk', plan.bulkId], env)).stdout).toMatch(/carl\tok\tapproved/);
    expect((await cli(['action', 'run', '--incident', incident, '--bulk', plan.bulkId, '--wait'], env)).stdout).toMatch(/carl\tok\tdone\toff; 0 client\(s\) killed/);
    const again = await cli(['action', 'approve', '--incident', incident, plan.items[0].id], env);
    expect(again).toMatchObject({ code: 1 });
    expect(again.stdout).toMatch(/carl\tFAILED\tdone\tcannot approve an action that is done/);
    expect(await redis.using(async (c) => ((await c.call('ACL', 'LIST')) as string[]).find((l) => l.startsWith('user carl ')))).toMatch(/ off /);
  }, 60_000);
});
