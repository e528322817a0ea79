/**
 * SSH hosts, over SSH (ssh2) as an administrative account of the host: revoke a user's public key
 * by removing its line from the user's authorized_keys (the saved lines come back on undo) **and**
 * end the user's live sessions — SIGHUP to the user's sshd session processes ends the session but
 * its children survive re-parented to PID 1 (reference §7.2 [tested]), so every remaining process
 * of the UID is killed too (sshd_config(5) AuthorizedKeysFile; kill(1)). Commands run with
 * arguments quoted for sh; target names are checked against a strict user-name pattern first.
 */
import { z } from 'zod';
import { Client } from 'ssh2';
import { classify, type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';

const Config = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65535).default(22),
  username: z.string().min(1).default('root'),
  /** Where sshd reads a user's keys; %u is the user, %h the home directory (sshd_config AuthorizedKeysFile). */
  authorizedKeysFile: z.string().min(1).default('%h/.ssh/authorized_keys'),
  /** Pin the host key (SHA-256 fingerprint, base64 as ssh-keygen -l prints after "SHA256:"); unset trusts on first use. */
  hostKeySha256: z.string().optional(),
});
type Config = z.infer<typeof Config>;

export interface SshHandle extends ConnectorHandle {
  run(cmd: string, input?: string): Promise<{ code: number; stdout: string; stderr: string }>;
  config: Config;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const USER = /^[a-z_][a-z0-9_.-]{0,31}$/i;

async function connect(config: Config, secrets: Record<string, string>): Promise<SshHandle> {
  const c = new Client();
  await new Promise<void>((resolve, reject) => {
    c.once('ready', () => resolve());
    c.once('error', (e) => reject(classify(e, `SSH at ${config.host}:${config.port}`)));
    c.connect({
      host: config.host,
      port: config.port,
      username: config.username,
      privateKey: secrets.privateKey,
      readyTimeout: 10_000,
      hostHash: 'sha256',
      hostVerifier: config.hostKeySha256 ? (hash: string) => Buffer.from(hash, 'hex').toString('base64').replace(/=+$/, '') === config.hostKeySha256!.replace(/^SHA256:/, '') : undefined,
    });
  });
  const run = (cmd: string, input?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      c.exec(cmd, (err, stream) => {
        if (err) return reject(err);
        let stdout = '';
        let stderr = '';
        stream.on('data', (d: Buffer) => (stdout += d));
        stream.stderr.on('data', (d: Buffer) => (stderr += d));
        stream.on('close', (code: number) => resolve({ code: code ?? 0, stdout, stderr }));
        stream.end(input ?? '');
      });
    });
  return { run, config, close: async () => void c.end() };
}

async function keysFile(h: SshHandle, user: string): Promise<string> {
  if (!USER.test(user)) throw new PermanentError(`"${user}" is not a user name`);
  const r = await h.run(`getent passwd ${q(user)}`);
  const home = r.stdout.split(':')[5];
  if (r.code !== 0 || !home) throw new PermanentError(`user "${user}" not found on ${h.config.host}`);
  return h.config.authorizedKeysFile.replaceAll('%u', user).replaceAll('%h', home);
}

/** The key's base64 blob: lines match on it, whatever their options and comment. */
function blobOf(key: string): string {
  const parts = key.trim().split(/\s+/);
  const i = parts.findIndex((p) => /^(ssh-|ecdsa-|sk-)/.test(p));
  const blob = i >= 0 ? parts[i + 1] : undefined;
  if (!blob || !/^[A-Za-z0-9+/=]+$/.test(blob)) throw new PermanentError('publicKey: not an OpenSSH public key line');
  return blob;
}

const Params = z.object({ publicKey: z.string().min(20).max(16_000) }).strict();

async function matching(h: SshHandle, file: string, blob: string): Promise<string[]> {
  const r = await h.run(`cat ${q(file)} 2>/dev/null || true`);
  return r.stdout.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#') && l.split(/\s+/).includes(blob));
}

async function endSessions(h: SshHandle, user: string): Promise<number> {
  // SIGHUP the session processes first (a clean "Connection closed"), then kill what is left of the
  // UID until nothing is (a process may fork while we kill; zombies are only waiting to be reaped).
  const r = await h.run(
    `u=${q(user)}; for p in $(ps -o pid=,comm= -u "$u" | awk '$2 ~ /^sshd/ {print $1}'); do kill -HUP "$p" 2>/dev/null; done; sleep 0.3; n=0; for i in 1 2 3 4 5 6 7 8 9 10; do ps=$(ps -o pid=,stat= -u "$u" | awk '$2 !~ /^Z/ {print $1}'); [ -z "$ps" ] && break; for p in $ps; do kill -KILL "$p" 2>/dev/null && n=$((n+1)); done; sleep 0.2; done; echo "$n"`,
  );
  return Number(r.stdout.trim()) || 0;
}

const revokeKey: Operation<SshHandle, z.infer<typeof Params>, { file: string; lines: string[] }> = {
  name: 'revoke-key',
  title: "Remove a public key from the user's authorized_keys and end the user's sessions and processes",
  target: 'user name',
  params: Params,
  reversible: true,
  approval: 'commander',
  async capture(h, t, p) {
    const file = await keysFile(h, t);
    return { file, lines: await matching(h, file, blobOf(p.publicKey)) };
  },
  plan: (t, _p, pre) => [`${pre.file}: remove ${pre.lines.length} line(s) with this key`, `end ${t}'s sessions and kill every process of ${t}`],
  async apply(h, t, p, pre) {
    const blob = blobOf(p.publicKey);
    // Rewrite in place (keeps owner and mode) without the key's lines.
    const r = await h.run(`f=${q(pre.file)}; [ -f "$f" ] || exit 0; grep -v -F -- ${q(blob)} "$f" > "$f.bd-tmp"; cat "$f.bd-tmp" > "$f"; rm -f "$f.bd-tmp"`);
    if (r.code !== 0) throw new PermanentError(`${pre.file}: ${r.stderr.trim() || `exit ${r.code}`}`);
    return `${pre.lines.length} key line(s) removed; ${await endSessions(h, t)} process(es) ended`;
  },
  async verify(h, t, p, pre) {
    const [left, procs] = [await matching(h, pre.file, blobOf(p.publicKey)), await h.run(`ps -o stat= -u ${q(t)} | grep -vc '^Z' || true`)];
    const n = Number(procs.stdout.trim()) || 0;
    return { ok: left.length === 0 && n === 0, observed: `${left.length} line(s) with the key, ${n} process(es) of ${t}` };
  },
  describeUndo: (_t, _p, pre) => `${pre.file}: ${pre.lines.length} key line(s) put back (ended sessions do not come back)`,
  async undo(h, _t, p, pre) {
    if ((await matching(h, pre.file, blobOf(p.publicKey))).length) return;
    const r = await h.run(`cat >> ${q(pre.file)}`, pre.lines.map((l) => `${l}\n`).join(''));
    if (r.code !== 0) throw new PermanentError(`${pre.file}: ${r.stderr.trim()}`);
  },
};

export const sshConnector: ConnectorKind<SshHandle, Config> = {
  kind: 'ssh',
  title: 'SSH host (authorized_keys, sessions)',
  config: Config,
  secrets: ['privateKey'],
  operations: [revokeKey],
  connect,
  async check(h) {
    const r = await h.run('id -u; uname -sr');
    const [uid, os] = r.stdout.trim().split('\n');
    if (uid !== '0') throw new PermanentError(`signed in as ${h.config.username} (uid ${uid}): ending other users' processes needs root`);
    return `${os}; root on ${h.config.host}`;
  },
};
