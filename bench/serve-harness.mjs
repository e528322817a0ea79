/**
 * What the load benchmarks share (bench/api/load.mjs, bench/intake/load.mjs): a fresh store on
 * SQLite or PostgreSQL, the built platform opened in-process for seeding and checks, a
 * `breachdesk serve` child on a free loopback port (restartable, CPU-profiled with
 * BENCH_PROFILE=DIR), its CPU seconds from /proc, and the results file.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** This bench's tree: where results are written. */
const benchRoot = new URL('../', import.meta.url).pathname;
/**
 * The tree whose build runs (dist/, bin/): this one, or BENCH_TREE=DIR — another worktree's build
 * (a base to pair with), run by these bench scripts and writing its results here, not into DIR.
 */
export const root = process.env.BENCH_TREE ? `${process.env.BENCH_TREE.replace(/\/+$/, '')}/` : benchRoot;
const dist = (p) => import(new URL(`dist/${p}`, `file://${root}`).href);

/** Common options of the load benchmarks (node:util parseArgs shape). */
export const LOAD_OPTIONS = {
  dialect: { type: 'string', default: 'sqlite' },
  duration: { type: 'string', default: '15' },
  connections: { type: 'string', default: '50' },
  pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
};

/**
 * A fresh data directory (and PostgreSQL database when asked) for one benchmark run.
 * `env` is what serve and the in-process platform read; `close()` removes both.
 */
export async function benchStore(name, args, extraEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), `bd-bench-${name}-`));
  let databaseUrl = null;
  let dbName = null;
  if (args.dialect === 'postgresql') {
    dbName = `bd_bench_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: args.pg });
    await c.connect();
    await c.query(`CREATE DATABASE ${dbName}`);
    await c.end();
    const u = new URL(args.pg);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const env = { BREACHDESK_DATA_DIR: dir, BREACHDESK_LOG_LEVEL: 'warn', ...extraEnv, ...(databaseUrl ? { BREACHDESK_DATABASE_URL: databaseUrl } : {}) };
  const { loadConfig } = await dist('platform/config.js');
  const { openPlatform } = await dist('platform/platform.js');
  const { ALL_MIGRATIONS } = await dist('main/migrations.js');
  const { createLogger } = await dist('platform/logger.js');
  return {
    dir,
    env,
    /** The PostgreSQL database of this run (null on SQLite). */
    dbName,
    /** Runs `fn(platform)` on the built platform opened in this process, then closes it. */
    async withPlatform(fn) {
      const platform = await openPlatform(loadConfig({ env, cwd: dir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
      try {
        return await fn(platform);
      } finally {
        await platform.close();
      }
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
      if (dbName) {
        const c = new pg.Client({ connectionString: args.pg });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await c.end();
      }
    },
  };
}

export const BENCH_ACTOR = { type: 'system', id: null, name: 'bench' };

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

/** `breachdesk serve` on a free loopback port; `start()` again after a kill restarts it on the same port. */
export async function serveProcess(env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const self = {
    base,
    child: null,
    async start() {
      const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
      self.child = spawn(process.execPath, [...prof, join(root, 'bin/breachdesk.js'), 'serve'], {
        env: { ...process.env, ...env, BREACHDESK_PORT: String(port), BREACHDESK_HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${base}/api/health`)).ok) return;
        } catch {}
        if (i > 1200) throw new Error('serve did not answer /api/health within 2 minutes');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** CPU seconds (user + system) serve has used: robust where the wall clock is not (a shared machine). */
    cpuSeconds() {
      return procCpuSeconds(self.child.pid);
    },
    /**
     * CPU seconds per thread name of serve (`/proc/PID/task/TID/stat`): the main thread (the
     * process's own name) apart from the SQLite checkpoint thread, GC helpers and libuv's pool,
     * which a CPU profile of the main thread does not show. A thread that exited is not counted.
     */
    threadCpuSeconds() {
      const out = {};
      const pid = self.child.pid;
      let tids = [];
      try {
        tids = readdirSync(`/proc/${pid}/task`);
      } catch {
        return out;
      }
      for (const tid of tids) {
        try {
          const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
          const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          out[name] = (out[name] ?? 0) + (Number(f[11]) + Number(f[12])) / 100;
        } catch {}
      }
      return out;
    },
    /** Stops serve with `signal` and waits until it has exited. */
    async stop(signal = 'SIGTERM') {
      const c = self.child;
      if (c.exitCode !== null || c.signalCode) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill(signal);
      await exited;
    },
  };
  await self.start();
  return self;
}

/**
 * Writes bench/results/<name>-<dialect>-<UTC time to the second>.json (with -2, -3… if that
 * file exists): runs of the same minute used to overwrite each other.
 */
export function writeResult(name, dialect, value) {
  mkdirSync(join(benchRoot, 'bench/results'), { recursive: true });
  const stem = join(benchRoot, 'bench/results', `${name}-${dialect}-${new Date().toISOString().slice(0, 19).replace(/[:]/g, '')}`);
  let out = `${stem}.json`;
  for (let n = 2; existsSync(out); n++) out = `${stem}-${n}.json`;
  writeFileSync(out, `${JSON.stringify(value, null, 2)}\n`);
  return out;
}

const procCpuSeconds = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null; // exited
  }
};

/**
 * CPU seconds of the PostgreSQL backends serving database `dbName` (processes titled
 * `postgres: USER DBNAME HOST(PORT) …`, read from /proc: the server is on this machine), polled
 * every 200 ms so backends that start or exit meanwhile count; other databases' backends (other
 * sessions on the same server) and the shared background processes (WAL writer, checkpointer) do
 * not. `stop()` answers the seconds used since `start()`.
 */
export function pgBackendCpu(dbName) {
  const seen = new Map(); // pid → { base, last }
  const other = new Set(); // pids looked at that are not this database's backends (read once: the poll runs in the senders' process)
  const poll = () => {
    for (const pid of readdirSync('/proc')) {
      if (other.has(pid) || !/^\d+$/.test(pid)) continue;
      let cmd;
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!seen.has(pid) && (!cmd.startsWith('postgres: ') || !cmd.split(' ').includes(dbName))) {
        other.add(pid);
        continue;
      }
      const cpu = procCpuSeconds(pid);
      if (cpu === null) continue;
      const s = seen.get(pid);
      if (s) s.last = cpu;
      else seen.set(pid, { base: started ? 0 : cpu, last: cpu });
    }
  };
  let started = false;
  let timer = null;
  return {
    start() {
      poll();
      started = true;
      timer = setInterval(poll, 200);
    },
    stop() {
      clearInterval(timer);
      poll();
      return [...seen.values()].reduce((a, s) => a + s.last - s.base, 0);
    },
  };
}
