/** The connector contract against the local PostgreSQL (127.0.0.1:5432, trust), in a database and roles of its own. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectorContract, type LiveSession } from '../../../test/support/connector-contract.js';
import { postgresConnector } from './postgres.connector.js';

const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const sfx = randomBytes(4).toString('hex');
const DB = `bd_contain_${sfx}`;
const R = { lock: `bd_lock_${sfx}`, conn: `bd_conn_${sfx}`, tab: `bd_tab_${sfx}`, pw: `bd_pw_${sfx}` };

async function admin<T>(fn: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const c = new pg.Client({ ...PG, database });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A client logged in as `role`, idle in a transaction-free session; alive while it can query. */
async function sessionAs(role: string, database = DB): Promise<LiveSession> {
  const c = new pg.Client({ ...PG, user: role, password: 'pw', database });
  let dead = false;
  c.on('error', () => (dead = true));
  c.on('end', () => (dead = true));
  await c.connect();
  return {
    alive: async () => !dead && (await c.query('SELECT 1').then(() => true, () => false)),
    close: () => c.end().catch(() => {}),
  };
}

describe('PostgreSQL connector contract', () => {
  beforeAll(async () => {
    await admin(async (c) => {
      await c.query(`CREATE DATABASE ${DB}`);
      for (const r of Object.values(R)) await c.query(`CREATE ROLE ${r} LOGIN PASSWORD 'pw'`);
    });
    await admin(async (c) => {
      await c.query('CREATE TABLE customers(id int PRIMARY KEY, email text)');
      await c.query(`GRANT SELECT, INSERT ON customers TO ${R.tab}`);
    }, DB);
  });
  afterAll(async () => {
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      for (const r of Object.values(R)) await c.query(`DROP ROLE IF EXISTS ${r}`);
    });
  });

  connectorContract({
    kind: postgresConnector,
    config: () => ({ ...PG, database: 'postgres' }),
    secrets: () => ({ password: '' }),
    cases: [
      { operation: 'lock-role', target: R.lock, live: () => sessionAs(R.lock) },
      { operation: 'revoke-connect', target: R.conn, params: { database: DB }, live: () => sessionAs(R.conn) },
      { operation: 'revoke-privileges', target: R.tab, params: { database: DB, table: 'public.customers' } },
      { operation: 'rotate-password', target: R.pw, live: () => sessionAs(R.pw) },
    ],
    unknownTarget: { operation: 'lock-role', target: `bd_nobody_${sfx}` },
    unreachable: () => ({ ...PG, port: 1 }),
  });
});
