/**
 * `breachdesk admin …`: users, tokens, audit verification, key rotation. Works on the store
 * directly (same BREACHDESK_* settings as `serve`), so it runs whether or not a server is up.
 */
import { existsSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { Role } from './auth/roles.js';
import { action, CLI_ACTOR, collect, printJson } from './cli-support.js';
import { BadInputError, FailedError } from './errors.js';
import { masterKeyFile, masterKeyId, writeMasterKeyFile } from './crypto/keyring.js';
import type { Platform } from './platform.js';
import type { Config } from './config.js';
import { type BackupCommandDeps, registerBackupCommands } from './backup/backup.cli.js';

export type PlatformOpener = (config?: Config) => Promise<Platform>;


async function withPlatform<T>(open: PlatformOpener, fn: (p: Platform) => Promise<T>): Promise<T> {
  const p = await open();
  try {
    return await fn(p);
  } finally {
    await p.close();
  }
}

export function registerAdminCommands(program: Command, open: PlatformOpener, backup: Omit<BackupCommandDeps, 'open'>): void {
  const admin = program.command('admin').description('users, roles, tokens, audit, keys and backups (works on the store directly)');
  registerBackupCommands(admin, { ...backup, open });

  const user = admin.command('user').description('local user accounts');
  user
    .command('create')
    .description('create a user; prints a one-time password unless --password is given')
    .requiredOption('--email <email>', 'e-mail address (also a sign-in name)')
    .requiredOption('--role <role>', 'admin, incident_commander, responder, legal or viewer (repeatable)', collect)
    .option('--username <name>', 'user name (default: the part of the e-mail before @)')
    .option('--name <display>', 'display name')
    .option('--password <password>', 'initial password (at least 12 characters)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { email: string; role: string[]; username?: string; name?: string; password?: string; json?: boolean }) => {
        await withPlatform(open, async (p) => {
          const r = await p.accounts.createUser(
            { email: o.email, username: o.username, displayName: o.name, roles: o.role as Role[], password: o.password ?? null },
            CLI_ACTOR,
          );
          if (o.json) printJson({ user: r.user, oneTimePassword: r.password });
          else {
            process.stdout.write(`created user ${r.user.username} <${r.user.email}> with roles ${r.user.roles.join(', ')}\n`);
            if (r.password) process.stdout.write(`one-time password (change it at first sign-in): ${r.password}\n`);
          }
        });
      }),
    );
  user
    .command('list')
    .description('list users')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        await withPlatform(open, async (p) => {
          const users = await p.accounts.listUsers(null, 10_000);
          if (o.json) return printJson({ items: users });
          for (const u of users) process.stdout.write(`${u.username}\t${u.email}\t${u.roles.join(',')}${u.disabled ? '\tdisabled' : ''}\n`);
        });
      }),
    );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${name} <user>`)
      .description(`${name} a user (by user name or e-mail)${disabled ? '; ends their sessions' : ''}`)
      .action(
        action(async (login: string) => {
          await withPlatform(open, async (p) => {
            const u = await p.accounts.setDisabled(login, disabled, CLI_ACTOR);
            process.stdout.write(`${u.username} ${disabled ? 'disabled' : 'enabled'}\n`);
          });
        }),
      );
  }
  user
    .command('roles <user>')
    .description("replace a user's organisation roles (by user name or e-mail)")
    .requiredOption('--role <role>', 'admin, incident_commander, responder, legal or viewer (repeatable)', collect)
    .action(
      action(async (login: string, o: { role: string[] }) => {
        await withPlatform(open, async (p) => {
          const u = await p.accounts.setRoles(login, o.role as Role[], CLI_ACTOR);
          process.stdout.write(`${u.username} now has roles ${u.roles.join(', ')}\n`);
        });
      }),
    );

  const token = admin.command('token').description('API tokens for scripts');
  token
    .command('create')
    .description('create an API token (printed once; stored hashed)')
    .requiredOption('--user <user>', 'user name or e-mail of the owner')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--json', 'print {"token": "..."}')
    .action(
      action(async (o: { user: string; name: string; json?: boolean }) => {
        await withPlatform(open, async (p) => {
          const r = await p.accounts.createToken(o.user, o.name, CLI_ACTOR);
          if (o.json) printJson({ token: r.token, id: r.id, user: r.user.username });
          else process.stdout.write(`${r.token}\n`);
        });
      }),
    );
  token
    .command('list')
    .description('list API tokens (never the secret)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        await withPlatform(open, async (p) => {
          const items = await p.accounts.listTokens(null);
          if (o.json) return printJson({ items });
          for (const t of items) process.stdout.write(`${t.id}\t${t.prefix}…\t${t.name}${t.revokedAt ? '\trevoked' : ''}\n`);
        });
      }),
    );
  token
    .command('revoke <id>')
    .description('revoke a token by id or its printed prefix')
    .action(
      action(async (id: string) => {
        await withPlatform(open, async (p) => {
          await p.accounts.revokeToken(id, CLI_ACTOR);
          process.stdout.write('token revoked\n');
        });
      }),
    );

  admin
    .command('verify-audit')
    .description('re-compute the audit hash chain; exit 1 naming the first bad event')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        await withPlatform(open, async (p) => {
          const r = await p.audit.verify();
          if (o.json) printJson(r);
          if (!r.ok) throw new FailedError(`audit chain broken at ${r.id ? `event ${r.id}` : 'the end'}: ${r.reason}`);
          if (!o.json) process.stdout.write(`audit chain intact: ${r.count} events\n`);
        });
      }),
    );

  admin
    .command('rotate-key')
    .description('re-wrap every data key under a new master key (no data re-encryption, no downtime)')
    .action(
      action(async () => {
        await withPlatform(open, async (p) => {
          const fromEnv = process.env.BREACHDESK_NEW_MASTER_KEY;
          if (p.config.masterKey) {
            if (!fromEnv) throw new BadInputError('the master key comes from BREACHDESK_MASTER_KEY: set BREACHDESK_NEW_MASTER_KEY to the new key (64 hex digits or base64)');
            const key = /^[0-9a-f]{64}$/i.test(fromEnv.trim()) ? Buffer.from(fromEnv.trim(), 'hex') : Buffer.from(fromEnv.trim(), 'base64');
            if (key.length !== 32) throw new BadInputError('BREACHDESK_NEW_MASTER_KEY must be 32 bytes (64 hex digits or base64)');
            const n = await p.keyring.rotateMasterKey({ id: masterKeyId(key), key });
            await p.audit.record({ actor: CLI_ACTOR, action: 'keys.master_rotated', subjectType: 'keyring', after: { keys: n, masterKeyId: masterKeyId(key) } });
            process.stdout.write(`re-wrapped ${n} data keys; now set BREACHDESK_MASTER_KEY to the new key and restart\n`);
            return;
          }
          // Key file: stage the new key beside the old one, re-wrap, then swap the files. A
          // crash in between leaves master.key.next, which openPlatform picks up.
          const file = masterKeyFile(p.config);
          const next = `${file}.next`;
          const key = randomBytes(32);
          writeMasterKeyFile(next, key);
          const n = await p.keyring.rotateMasterKey({ id: masterKeyId(key), key });
          writeMasterKeyFile(file, key);
          if (existsSync(next)) unlinkSync(next);
          await p.audit.record({ actor: CLI_ACTOR, action: 'keys.master_rotated', subjectType: 'keyring', after: { keys: n, masterKeyId: masterKeyId(key) } });
          process.stdout.write(`re-wrapped ${n} data keys under a new master key in ${file}\n`);
        });
      }),
    );
}
