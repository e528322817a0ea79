/** A throwaway redis-server on a free loopback port, no persistence (reference §8.4); stopped by its PID. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../spawn-server.js';
import { waitFor } from '../wait.js';

export interface RedisPeer {
  port: number;
  client(opts?: { username?: string; password?: string }): Redis;
  /** Runs `fn` on an admin client connected for it. */
  using<T>(fn: (r: Redis) => Promise<T>): Promise<T>;
  /** Creates (or switches on) ACL users with password `pw` and read commands. */
  aclUsers(users: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisPeer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bd-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir], { stdio: 'ignore' });
  const client = (o: { username?: string; password?: string } = {}) => {
    const r = new Redis({ port, host: '127.0.0.1', ...o, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false, enableReadyCheck: false });
    r.on('error', () => {});
    return r;
  };
  await waitFor(async () => {
    const r = client();
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  }, 10_000);
  const using = async <T>(fn: (r: Redis) => Promise<T>): Promise<T> => {
    const r = client();
    await r.connect();
    try {
      return await fn(r);
    } finally {
      r.disconnect();
    }
  };
  return {
    port,
    client,
    using,
    aclUsers: (users) =>
      using(async (r) => {
        for (const u of users) await r.call('ACL', 'SETUSER', u, 'on', '>pw', '~*', '+@read');
      }),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
