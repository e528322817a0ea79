/**
 * Alert intake from two `breachdesk serve` processes on one PostgreSQL (issue 15; docs/intake.md
 * "Several groups in flight"): alerts of a new entity posted to both at the same time end in one
 * suspected incident. Each process's group finds no window for the entity; without the per-entity
 * advisory locks both opened a suspect (a split suspect), with them the second group waits for
 * the first's commit and joins its suspect. The same alert posted to both is stored once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { testDialects } from '../../support/dialects.js';
import { type ServePair, startServePair } from '../../support/serve-pair.js';
import type { ServeProcess } from '../../support/spawn-server.js';

describe.runIf(testDialects().includes('postgresql'))('alert intake from two serve processes on one PostgreSQL', { timeout: 120_000 }, () => {
  let fleet: ServePair;
  let a: ServeProcess;
  let b: ServeProcess;
  let secret: string;
  let query: <T>(text: string, values: unknown[]) => Promise<T[]>;
  let closeQuery: () => Promise<void>;

  beforeAll(async () => {
    let admin = '';
    fleet = await startServePair(async (p) => {
      await p.accounts.createUser({ email: 'admin@example.test', username: 'fleetadmin', roles: ['admin'], password: 'fleet intake passphrase 42' }, SYSTEM_ACTOR);
      admin = (await p.accounts.createToken('fleetadmin', 'test', SYSTEM_ACTOR)).token;
    });
    ({ a, b } = fleet);
    const r = await fetch(`${a.url}/api/v1/intake-sources`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'fleet', auth: 'token' }) });
    expect(r.status).toBe(201);
    secret = ((await r.json()) as { secret: string }).secret;
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: fleet.db.databaseUrl! });
    await client.connect();
    query = async <T>(text: string, values: unknown[]) => (await client.query(text, values)).rows as T[];
    closeQuery = () => client.end();
  });
  afterAll(async () => {
    await closeQuery?.();
    await fleet?.close();
  });

  const post = (on: ServeProcess, doc: object) =>
    fetch(`${on.url}/api/v1/intake/fleet`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify(doc) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { alerts: Array<{ id: string; suspectId: string; count: number }> } }));

  it('alerts of a new entity posted to both processes at once open one suspect', async () => {
    const time = new Date().toISOString();
    // Five rounds, each a new host (and rule: the generic shape's rule is its title) that both
    // processes see first at the same moment, eight alerts to each.
    for (let round = 0; round < 5; round++) {
      const title = `Fleet round ${round}`;
      const doc = (i: number) => ({ id: `fleet-${round}-${i}`, title, severity: 'high', time, hosts: [`fleet-host-${round}`] });
      const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => post(i % 2 ? b : a, doc(i))));
      expect(answers.map((x) => x.status)).toEqual(Array(16).fill(201));
      const suspects = await query<{ id: string; alert_count: number }>('SELECT id, alert_count FROM intake_suspects WHERE title = $1', [title]);
      expect({ round, suspects: suspects.length }).toEqual({ round, suspects: 1 });
      expect(suspects[0]!.alert_count).toBe(16);
      expect(new Set(answers.map((x) => x.body.alerts[0]!.suspectId))).toEqual(new Set([suspects[0]!.id]));
    }
  });

  it('the same alert posted to both processes at once is stored once and counted by both', async () => {
    const time = new Date().toISOString();
    const doc = { id: 'fleet-same', title: 'Fleet same alert', severity: 'medium', time, hosts: ['fleet-same-host'] };
    const answers = await Promise.all([post(a, doc), post(b, doc), post(a, doc), post(b, doc)]);
    const ids = new Set(answers.map((x) => x.body.alerts[0]!.id));
    expect(ids.size).toBe(1);
    expect(answers.map((x) => x.body.alerts[0]!.count).sort()).toEqual([1, 2, 3, 4]);
    expect(await query('SELECT count FROM intake_alerts WHERE id = $1', [[...ids][0]])).toEqual([{ count: 4 }]);
  });
});
