/**
 * Redis: switch an ACL user off **and** kill its live clients (`ACL SETUSER u off` alone leaves
 * authenticated connections running, reference §7.2 [tested]), and revoke an application
 * user's sessions (keys named from a per-user set), saving each key with DUMP so undo can
 * RESTORE it byte for byte (https://redis.io/docs/latest/commands/restore/).
 */
import { Redis } from 'ioredis';
import { z } from 'zod';
import { classify, type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';

const Config = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(1).max(65535).default(6379),
  username: z.string().min(1).default('default'),
});
type Config = z.infer<typeof Config>;

export interface RedisHandle extends ConnectorHandle {
  r: Redis;
}

async function connect(config: Config, secrets: Record<string, string>): Promise<RedisHandle> {
  const r = new Redis({ ...config, password: secrets.password || undefined, lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1, retryStrategy: () => null, enableOfflineQueue: false });
  // With retries off, connect() rejects with "Connection is closed."; the socket error says why.
  let socketError: unknown = null;
  r.on('error', (e) => (socketError ??= e));
  try {
    await r.connect();
  } catch (e) {
    r.disconnect();
    throw classify(socketError ?? e, `Redis at ${config.host}:${config.port}`);
  }
  return { r, close: async () => void r.disconnect() };
}

async function aclFlags(h: RedisHandle, user: string): Promise<string[]> {
  const info = (await h.r.call('ACL', 'GETUSER', user)) as unknown[] | null;
  if (!info) throw new PermanentError(`ACL user "${user}" not found`);
  const i = info.indexOf('flags');
  return (info[i + 1] as string[]) ?? [];
}

async function clientsOf(h: RedisHandle, user: string): Promise<number> {
  const list = (await h.r.call('CLIENT', 'LIST')) as string;
  return list.split('\n').filter((l) => l.includes(` user=${user} `)).length;
}

const NoParams = z.object({}).strict();
const SessionParams = z
  .object({
    /** The per-user set of session ids; `{user}` is the target. */
    indexKey: z.string().min(1).default('user_sessions:{user}'),
    /** The session key of each id; `{id}` is a member of the set. */
    sessionKey: z.string().min(1).default('session:{id}'),
  })
  .strict();

const disableUser: Operation<RedisHandle, z.infer<typeof NoParams>, { on: boolean }> = {
  name: 'disable-user',
  title: 'Switch the ACL user off and kill its live clients',
  target: 'ACL user name',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  capture: async (h, t) => ({ on: (await aclFlags(h, t)).includes('on') }),
  plan: (t, _p, pre) => [`ACL SETUSER ${t} ${pre.on ? 'on → off' : 'stays off'}`, `CLIENT KILL USER ${t}`],
  async apply(h, t) {
    // ACL SETUSER creates a user that is not there: a user deleted since the plan is an error, not a new user.
    await aclFlags(h, t);
    await h.r.call('ACL', 'SETUSER', t, 'off');
    const killed = Number(await h.r.call('CLIENT', 'KILL', 'USER', t));
    return `off; ${killed} client(s) killed`;
  },
  async verify(h, t) {
    const [flags, n] = [await aclFlags(h, t), await clientsOf(h, t)];
    return { ok: flags.includes('off') && n === 0, observed: `${flags.includes('off') ? 'off' : 'on'}, ${n} live client(s)` };
  },
  describeUndo: (t, _p, pre) => `ACL user ${t}: ${pre.on ? 'on' : 'off'} (killed connections do not come back)`,
  async undo(h, t, _p, pre) {
    await aclFlags(h, t);
    await h.r.call('ACL', 'SETUSER', t, pre.on ? 'on' : 'off');
  },
};

interface SavedKey {
  key: string;
  dump: string;
  pttl: number;
  /** The value in canonical form (sorted members/fields), to compare: a RESTOREd set may DUMP its members in another order. */
  content: unknown;
}

async function contentOf(h: RedisHandle, key: string): Promise<unknown> {
  const type = await h.r.type(key);
  if (type === 'hash') return Object.entries(await h.r.hgetall(key)).sort();
  if (type === 'set') return (await h.r.smembers(key)).sort();
  if (type === 'string') return h.r.get(key);
  return type;
}

async function saveKey(h: RedisHandle, key: string): Promise<SavedKey | null> {
  const dump = await h.r.dumpBuffer(key);
  if (!dump) return null;
  return { key, dump: dump.toString('base64'), pttl: await h.r.pttl(key), content: await contentOf(h, key) };
}

const revokeSessions: Operation<RedisHandle, z.infer<typeof SessionParams>, { keys: SavedKey[] }> = {
  name: 'revoke-sessions',
  title: "Delete the application user's session keys (saved for undo)",
  target: 'application user',
  params: SessionParams,
  reversible: true,
  approval: 'none',
  async capture(h, t, p) {
    const index = p.indexKey.replace('{user}', t);
    const ids = (await h.r.smembers(index)).sort();
    const keys: SavedKey[] = [];
    for (const k of [...ids.map((id) => p.sessionKey.replace('{id}', id)), index]) {
      const s = await saveKey(h, k);
      if (s) keys.push(s);
    }
    return { keys };
  },
  plan: (t, _p, pre) => (pre.keys.length ? [`UNLINK ${pre.keys.map((k) => k.key).join(' ')}`] : [`${t} has no session keys: nothing to delete`]),
  async apply(h, _t, _p, pre) {
    const n = pre.keys.length ? await h.r.unlink(...pre.keys.map((k) => k.key)) : 0;
    return `${n} key(s) deleted`;
  },
  async verify(h, _t, _p, pre) {
    const left = pre.keys.length ? await h.r.exists(...pre.keys.map((k) => k.key)) : 0;
    return { ok: left === 0, observed: `${left} of ${pre.keys.length} key(s) still exist` };
  },
  describeUndo: (_t, _p, pre) => `${pre.keys.length} key(s) from their saved DUMP: ${pre.keys.map((k) => k.key).join(', ')}`,
  async undo(h, _t, _p, pre) {
    for (const k of pre.keys) await h.r.call('RESTORE', k.key, String(Math.max(0, k.pttl)), Buffer.from(k.dump, 'base64'), 'REPLACE');
  },
};

export const redisConnector: ConnectorKind<RedisHandle, Config> = {
  kind: 'redis',
  title: 'Redis',
  config: Config,
  secrets: ['password'],
  operations: [disableUser, revokeSessions],
  connect,
  async check(h) {
    const info = await h.r.info('server');
    return `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`;
  },
};
