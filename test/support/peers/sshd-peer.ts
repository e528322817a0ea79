/**
 * A throwaway OpenSSH sshd on a free loopback port (reference §8.5), started once per suite and
 * stopped by its PID. Keys live in the suite's own directory (`AuthorizedKeysFile <dir>/keys/%u`),
 * so no home directory's authorized_keys is touched: root signs in with a key made here (the
 * connector's administrative account) and a test user made here (removed at the end).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ssh2';
import { freePort } from '../spawn-server.js';
import { waitFor } from '../wait.js';

export interface SshdPeer {
  port: number;
  user: string;
  keysFile: string;
  rootKey: string;
  userKey: { private: string; public: string };
  /** A live session of the test user running `sleep 120`. */
  session(): Promise<{ alive(): Promise<boolean>; close(): Promise<void> }>;
  stop(): Promise<void>;
}

function keygen(file: string): { private: string; public: string } {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
  return { private: readFileSync(file, 'utf8'), public: readFileSync(`${file}.pub`, 'utf8').trim() };
}

export async function startSshd(): Promise<SshdPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'bd-sshd-'));
  chmodSync(dir, 0o755);
  const keys = join(dir, 'keys');
  mkdirSync(keys, { mode: 0o755 });
  const user = `bdssh${process.pid % 100000}`;
  try {
    execFileSync('id', [user], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['-M', '-d', dir, '-s', '/bin/sh', user]);
  }
  execFileSync('usermod', ['-p', '*', user]); // no password, but not locked ("!"): UsePAM no refuses locked accounts
  const root = keygen(join(dir, 'root_key'));
  const userKey = keygen(join(dir, 'user_key'));
  keygen(join(dir, 'hostkey'));
  writeFileSync(join(keys, 'root'), `${root.public}\n`, { mode: 0o644 });
  writeFileSync(join(keys, user), `# the test user's keys\n${userKey.public}\n`, { mode: 0o644 });
  const port = await freePort();
  writeFileSync(
    join(dir, 'sshd_config'),
    `Port ${port}
ListenAddress 127.0.0.1
HostKey ${dir}/hostkey
PidFile ${dir}/sshd.pid
AuthorizedKeysFile ${keys}/%u
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
`,
  );
  mkdirSync('/run/sshd', { recursive: true });
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-f', join(dir, 'sshd_config'), '-E', join(dir, 'sshd.log')], { stdio: 'ignore' });
  const login = (username: string, privateKey: string) =>
    new Promise<Client>((resolve, reject) => {
      const c = new Client();
      c.once('ready', () => resolve(c));
      c.once('error', reject);
      c.connect({ host: '127.0.0.1', port, username, privateKey, readyTimeout: 5000 });
    });
  await waitFor(async () => {
    try {
      (await login('root', root.private)).end();
      return true;
    } catch {
      return false;
    }
  }, 10_000);
  return {
    port,
    user,
    keysFile: join(keys, user),
    rootKey: root.private,
    userKey,
    session: async () => {
      const c = await login(user, userKey.private);
      let closed = false;
      c.on('close', () => (closed = true));
      c.on('error', () => (closed = true));
      await new Promise<void>((resolve, reject) => c.exec('sleep 120', (err) => (err ? reject(err) : resolve())));
      return { alive: async () => !closed, close: async () => void c.end() };
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      try {
        execFileSync('pkill', ['-KILL', '-u', user], { stdio: 'ignore' });
      } catch {}
      try {
        execFileSync('userdel', [user], { stdio: 'ignore' });
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
