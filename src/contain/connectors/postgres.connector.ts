/**
 * PostgreSQL: lock a role (NOLOGIN **and** terminate its live backends — NOLOGIN alone leaves open
 * sessions running, reference §7.2 [tested]), revoke CONNECT on a database or privileges on a
 * table restoring the exact saved ACL on undo, and rotate a password (undo puts the saved SCRAM
 * verifier back: PostgreSQL stores an already-hashed password verbatim, docs "ALTER ROLE").
 * The connecting role must be a superuser (pg_authid, pg_terminate_backend of any role).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { classify, type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';

const Config = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(1).max(65535).default(5432),
  database: z.string().min(1).default('postgres'),
  user: z.string().min(1),
});
type Config = z.infer<typeof Config>;

export interface PgHandle extends ConnectorHandle {
  q<R extends pg.QueryResultRow>(sql: string, params?: unknown[], database?: string): Promise<R[]>;
  ident(name: string): string;
}

async function connect(config: Config, secrets: Record<string, string>): Promise<PgHandle> {
  const clients = new Map<string, pg.Client>();
  const client = async (database = config.database) => {
    let c = clients.get(database);
    if (!c) {
      c = new pg.Client({ ...config, database, password: secrets.password, connectionTimeoutMillis: 5000, statement_timeout: 15_000, application_name: 'breachdesk-contain' });
      c.on('error', () => {}); // a terminated backend must not crash the process
      try {
        await c.connect();
      } catch (e) {
        throw classify(e, `PostgreSQL at ${config.host}:${config.port}`);
      }
      clients.set(database, c);
    }
    return c;
  };
  await client();
  return {
    async q(sql, params = [], database) {
      const c = await client(database);
      return (await c.query(sql, params)).rows;
    },
    ident: (name) => `"${name.replace(/"/g, '""')}"`,
    async close() {
      await Promise.all([...clients.values()].map((c) => c.end().catch(() => {})));
    },
  };
}

async function role(h: PgHandle, name: string): Promise<{ rolcanlogin: boolean; rolpassword: string | null }> {
  const [r] = await h.q<{ rolcanlogin: boolean; rolpassword: string | null }>('SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = $1', [name]);
  if (!r) throw new PermanentError(`role "${name}" not found`);
  return r;
}

async function endSessions(h: PgHandle, name: string, database?: string): Promise<number> {
  const rows = await h.q<{ t: boolean }>(
    'SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid() AND ($2::text IS NULL OR datname = $2)',
    [name, database ?? null],
  );
  return rows.filter((r) => r.t).length;
}

async function sessions(h: PgHandle, name: string, database?: string): Promise<number> {
  const [r] = await h.q<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE usename = $1 AND ($2::text IS NULL OR datname = $2)', [name, database ?? null]);
  return Number(r?.n ?? 0);
}

/** An ACL as sorted "grantee privilege[*]" entries; NULL (the default) expanded with acldefault. */
type Acl = string[];
const ACL_SQL = (expr: string) =>
  `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END || ' ' || a.privilege_type || CASE WHEN a.is_grantable THEN '*' ELSE '' END AS e FROM ${expr} ORDER BY 1`;

async function databaseAcl(h: PgHandle, db: string): Promise<Acl> {
  const found = await h.q('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
  if (!found.length) throw new PermanentError(`database "${db}" not found`);
  const rows = await h.q<{ e: string }>(ACL_SQL("pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a WHERE d.datname = $1"), [db]);
  return rows.map((r) => r.e);
}

async function tableAcl(h: PgHandle, db: string, table: string): Promise<Acl> {
  const found = await h.q('SELECT to_regclass($1) AS c', [table], db);
  if (!(found[0] as { c: string | null }).c) throw new PermanentError(`table "${table}" not found in database "${db}"`);
  const rows = await h.q<{ e: string }>(ACL_SQL("pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a WHERE c.oid = to_regclass($1)"), [table], db);
  return rows.map((r) => r.e);
}

/** Undo of a revoke: grant what the saved ACL had and the current one lacks, revoke the rest. */
async function restoreAcl(h: PgHandle, on: string, current: Acl, saved: Acl, db?: string): Promise<void> {
  const stmt = (verb: 'GRANT' | 'REVOKE', e: string) => {
    const [grantee, privWithStar] = e.split(' ') as [string, string];
    const priv = privWithStar.replace('*', '');
    if (verb === 'GRANT') return `GRANT ${priv} ON ${on} TO ${grantee}${privWithStar.endsWith('*') ? ' WITH GRANT OPTION' : ''}`;
    return `REVOKE ${privWithStar.endsWith('*') ? 'GRANT OPTION FOR ' : ''}${priv} ON ${on} FROM ${grantee}`;
  };
  for (const e of current.filter((x) => !saved.includes(x))) await h.q(stmt('REVOKE', e), [], db);
  for (const e of saved.filter((x) => !current.includes(x))) await h.q(stmt('GRANT', e), [], db);
}

const NoParams = z.object({}).strict();
const DbParams = z.object({ database: z.string().min(1) }).strict();
const TableParams = z.object({ database: z.string().min(1), table: z.string().min(1), privileges: z.array(z.enum(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'])).default(['SELECT', 'INSERT', 'UPDATE', 'DELETE']) }).strict();

const lockRole: Operation<PgHandle, z.infer<typeof NoParams>, { canLogin: boolean }> = {
  name: 'lock-role',
  title: 'Lock the role (NOLOGIN) and terminate its live sessions',
  target: 'role name',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  capture: async (h, t) => ({ canLogin: (await role(h, t)).rolcanlogin }),
  plan: (t, _p, pre) => [`ALTER ROLE ${t} ${pre.canLogin ? 'LOGIN → NOLOGIN' : 'stays NOLOGIN'}`, `terminate every session of ${t}`],
  async apply(h, t) {
    await h.q(`ALTER ROLE ${h.ident(t)} NOLOGIN`);
    return `NOLOGIN; ${await endSessions(h, t)} session(s) terminated`;
  },
  async verify(h, t) {
    const [r, n] = [await role(h, t), await sessions(h, t)];
    return { ok: !r.rolcanlogin && n === 0, observed: `${r.rolcanlogin ? 'LOGIN' : 'NOLOGIN'}, ${n} live session(s)` };
  },
  describeUndo: (t, _p, pre) => `role ${t}: ${pre.canLogin ? 'LOGIN' : 'NOLOGIN'} (ended sessions do not come back)`,
  async undo(h, t, _p, pre) {
    await h.q(`ALTER ROLE ${h.ident(t)} ${pre.canLogin ? 'LOGIN' : 'NOLOGIN'}`);
  },
};

const revokeConnect: Operation<PgHandle, z.infer<typeof DbParams>, { acl: Acl }> = {
  name: 'revoke-connect',
  title: 'Revoke CONNECT on a database from the role and PUBLIC, and end its sessions there',
  target: 'role name',
  params: DbParams,
  reversible: true,
  approval: 'commander',
  async capture(h, t, p) {
    await role(h, t);
    return { acl: await databaseAcl(h, p.database) };
  },
  plan: (t, p, pre) => [`REVOKE CONNECT ON DATABASE ${p.database} FROM ${t}, PUBLIC`, `ACL before: ${pre.acl.join(', ')}`, `terminate ${t}'s sessions on ${p.database}`],
  async apply(h, t, p) {
    await h.q(`REVOKE CONNECT ON DATABASE ${h.ident(p.database)} FROM ${h.ident(t)}, PUBLIC`);
    return `CONNECT revoked; ${await endSessions(h, t, p.database)} session(s) terminated`;
  },
  async verify(h, t, p) {
    const [r] = await h.q<{ ok: boolean }>("SELECT has_database_privilege($1, $2, 'CONNECT') AS ok", [t, p.database]);
    const n = await sessions(h, t, p.database);
    return { ok: !r?.ok && n === 0, observed: `CONNECT ${r?.ok ? 'granted' : 'not granted'}, ${n} live session(s)` };
  },
  describeUndo: (_t, p, pre) => `ACL of database ${p.database}: ${pre.acl.join(', ')}`,
  async undo(h, _t, p, pre) {
    await restoreAcl(h, `DATABASE ${h.ident(p.database)}`, await databaseAcl(h, p.database), pre.acl);
  },
};

const revokeTable: Operation<PgHandle, z.infer<typeof TableParams>, { acl: Acl }> = {
  name: 'revoke-privileges',
  title: 'Revoke privileges on a table from the role',
  target: 'role name',
  params: TableParams,
  reversible: true,
  approval: 'commander',
  async capture(h, t, p) {
    await role(h, t);
    return { acl: await tableAcl(h, p.database, p.table) };
  },
  plan: (t, p, pre) => [`REVOKE ${p.privileges.join(', ')} ON ${p.table} FROM ${t}`, `ACL before: ${pre.acl.join(', ')}`],
  async apply(h, t, p) {
    await h.q(`REVOKE ${p.privileges.join(', ')} ON TABLE ${p.table.split('.').map(h.ident).join('.')} FROM ${h.ident(t)}`, [], p.database);
    return `${p.privileges.join(', ')} revoked on ${p.table}`;
  },
  async verify(h, t, p) {
    const held: string[] = [];
    for (const priv of p.privileges) {
      const [r] = await h.q<{ ok: boolean }>('SELECT has_table_privilege($1, $2, $3) AS ok', [t, p.table, priv], p.database);
      if (r?.ok) held.push(priv);
    }
    return { ok: held.length === 0, observed: held.length ? `still holds ${held.join(', ')}` : 'holds none of them' };
  },
  describeUndo: (_t, p, pre) => `ACL of ${p.table}: ${pre.acl.join(', ')}`,
  async undo(h, _t, p, pre) {
    const on = `TABLE ${p.table.split('.').map(h.ident).join('.')}`;
    await restoreAcl(h, on, await tableAcl(h, p.database, p.table), pre.acl, p.database);
  },
};

const rotatePassword: Operation<PgHandle, z.infer<typeof NoParams>, { verifier: string | null }> = {
  name: 'rotate-password',
  title: 'Set a new random password and terminate live sessions',
  target: 'role name',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  capture: async (h, t) => ({ verifier: (await role(h, t)).rolpassword }),
  plan: (t) => [`ALTER ROLE ${t} PASSWORD <random, 256 bits, not kept>`, `terminate every session of ${t}`],
  async apply(h, t, _p, pre) {
    // Idempotent: a verifier different from the saved one means this action already rotated it.
    if ((await role(h, t)).rolpassword === pre.verifier) await h.q(`ALTER ROLE ${h.ident(t)} PASSWORD '${randomBytes(32).toString('base64url')}'`);
    return `password rotated; ${await endSessions(h, t)} session(s) terminated`;
  },
  async verify(h, t, _p, pre) {
    const changed = (await role(h, t)).rolpassword !== pre.verifier;
    return { ok: changed, observed: changed ? 'password differs from the one before' : 'password unchanged' };
  },
  describeUndo: (t, _p, pre) => `role ${t}: the previous password (${pre.verifier ? 'saved SCRAM verifier' : 'none'})`,
  async undo(h, t, _p, pre) {
    if (!pre.verifier) await h.q(`ALTER ROLE ${h.ident(t)} PASSWORD NULL`);
    else await h.q(`ALTER ROLE ${h.ident(t)} PASSWORD '${pre.verifier.replace(/'/g, "''")}'`);
  },
};

export const postgresConnector: ConnectorKind<PgHandle, Config> = {
  kind: 'postgres',
  title: 'PostgreSQL',
  config: Config,
  secrets: ['password'],
  operations: [lockRole, revokeConnect, revokeTable, rotatePassword],
  connect,
  async check(h) {
    const [r] = await h.q<{ v: string; su: boolean }>("SELECT current_setting('server_version') AS v, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su");
    if (!r?.su) throw new PermanentError('connected, but the role is not a superuser: it cannot read pg_authid or end other roles’ sessions');
    return `PostgreSQL ${r.v}, superuser`;
  },
};
