/**
 * LDAP directories. OpenLDAP with the ppolicy overlay: lock by setting `pwdAccountLockedTime` to
 * 000001010000Z ("locked until an administrator unlocks", draft-behera-ldap-password-policy §5.3.3;
 * OpenLDAP ITS#4978), unlock by restoring the saved value. Active Directory through the same
 * connector (`flavor: "ad"`): set bit 0x2 ACCOUNTDISABLE of `userAccountControl` (Microsoft
 * "UserAccountControl property flags") and restore the saved value on undo. Password reset
 * stores a new salted SHA-1 (RFC 2307 {SSHA}, OpenLDAP's default scheme) and saves the old
 * value so undo puts it back. Directory binds are per connection and slapd does not drop a bound
 * connection when the account is locked: application sessions must be ended at the application.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Attribute, Change, Client } from 'ldapts';
import { z } from 'zod';
import { classify, type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';

const Config = z.object({
  url: z.string().regex(/^ldaps?:\/\//, 'an ldap:// or ldaps:// URL'),
  bindDN: z.string().min(1),
  baseDN: z.string().min(1),
  flavor: z.enum(['openldap', 'ad']).default('openldap'),
  /** How a target name becomes a search filter; `{target}` is escaped (RFC 4515). */
  userFilter: z.string().optional(),
});
type Config = z.infer<typeof Config>;

export interface LdapHandle extends ConnectorHandle {
  c: Client;
  config: Config;
}

const LOCKED = '000001010000Z';
const UAC_DISABLE = 0x2;

async function connect(config: Config, secrets: Record<string, string>): Promise<LdapHandle> {
  const c = new Client({ url: config.url, timeout: 10_000, connectTimeout: 5000 });
  try {
    await c.bind(config.bindDN, secrets.bindPassword ?? '');
  } catch (e) {
    await c.unbind().catch(() => {});
    const err = classify(e, `LDAP at ${config.url}`);
    throw err.name === 'InvalidCredentialsError' ? new PermanentError(`LDAP at ${config.url}: the bind DN or password was refused`) : err;
  }
  return { c, config, close: () => c.unbind().catch(() => {}) };
}

/** RFC 4515 §3: escape \\ * ( ) NUL in an assertion value. */
const escapeValue = (v: string) => v.replace(/[\\*()\0]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** The entry of a target: a DN is taken as is, anything else is looked up with the user filter. */
async function entry(h: LdapHandle, target: string, attributes: string[]): Promise<Record<string, unknown> & { dn: string }> {
  const isDn = /=/.test(target) && target.includes(',');
  const filter = isDn ? '(objectClass=*)' : (h.config.userFilter ?? (h.config.flavor === 'ad' ? '(sAMAccountName={target})' : '(uid={target})')).replaceAll('{target}', escapeValue(target));
  try {
    const { searchEntries } = await h.c.search(isDn ? target : h.config.baseDN, { scope: isDn ? 'base' : 'sub', filter, attributes, explicitBufferAttributes: ['userPassword'] });
    if (searchEntries.length !== 1) throw new PermanentError(searchEntries.length ? `"${target}" matches ${searchEntries.length} entries` : `user "${target}" not found`);
    return searchEntries[0] as Record<string, unknown> & { dn: string };
  } catch (e) {
    if ((e as Error).name === 'NoSuchObjectError') throw new PermanentError(`user "${target}" not found`);
    throw e;
  }
}

const one = (v: unknown): string | null => (v === undefined ? null : Array.isArray(v) ? (v.length ? String(v[0]) : null) : String(v));
const replace = (type: string, values: Array<string | Buffer>) => new Change({ operation: values.length ? 'replace' : 'delete', modification: new Attribute({ type, values: values.length ? (values as string[]) : [] }) });

type LockState = { dn: string; locked: string | null } | { dn: string; uac: number };
const NoParams = z.object({}).strict();

const lockAccount: Operation<LdapHandle, z.infer<typeof NoParams>, LockState> = {
  name: 'lock-account',
  title: 'Lock the account (ppolicy pwdAccountLockedTime; AD userAccountControl ACCOUNTDISABLE)',
  target: 'user name (uid / sAMAccountName) or DN',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  async capture(h, t) {
    if (h.config.flavor === 'ad') {
      const e = await entry(h, t, ['userAccountControl']);
      return { dn: e.dn, uac: Number(one(e.userAccountControl) ?? 512) };
    }
    const e = await entry(h, t, ['pwdAccountLockedTime']);
    return { dn: e.dn, locked: one(e.pwdAccountLockedTime) };
  },
  plan: (_t, _p, pre) =>
    'uac' in pre
      ? [`${pre.dn}: userAccountControl ${pre.uac} → ${pre.uac | UAC_DISABLE} (ACCOUNTDISABLE)`]
      : [`${pre.dn}: pwdAccountLockedTime ${pre.locked ?? '(none)'} → ${LOCKED} (locked until an administrator unlocks)`],
  async apply(h, _t, _p, pre) {
    if ('uac' in pre) {
      const now = Number(one((await entry(h, pre.dn, ['userAccountControl'])).userAccountControl) ?? 512);
      if (!(now & UAC_DISABLE)) await h.c.modify(pre.dn, [replace('userAccountControl', [String(now | UAC_DISABLE)])]);
      return 'account disabled';
    }
    await h.c.modify(pre.dn, [replace('pwdAccountLockedTime', [LOCKED])]);
    return 'account locked';
  },
  async verify(h, t, p, pre) {
    const now = await lockAccount.capture(h, pre.dn, p);
    const ok = 'uac' in now ? (now.uac & UAC_DISABLE) !== 0 : now.locked === LOCKED;
    return { ok, observed: 'uac' in now ? `${t}: userAccountControl ${now.uac}` : `${t}: pwdAccountLockedTime ${now.locked ?? '(none)'}` };
  },
  describeUndo: (_t, _p, pre) => ('uac' in pre ? `${pre.dn}: userAccountControl ${pre.uac}` : `${pre.dn}: pwdAccountLockedTime ${pre.locked ?? '(none: unlocked)'}`),
  async undo(h, _t, _p, pre) {
    if ('uac' in pre) await h.c.modify(pre.dn, [replace('userAccountControl', [String(pre.uac)])]);
    else {
      const now = one((await entry(h, pre.dn, ['pwdAccountLockedTime'])).pwdAccountLockedTime);
      if (now !== pre.locked) await h.c.modify(pre.dn, [replace('pwdAccountLockedTime', pre.locked ? [pre.locked] : [])]);
    }
  },
};

/** RFC 2307 {SSHA}: base64(SHA-1(password ‖ salt) ‖ salt). */
function ssha(password: string): string {
  const salt = randomBytes(8);
  return `{SSHA}${Buffer.concat([createHash('sha1').update(password).update(salt).digest(), salt]).toString('base64')}`;
}

const passwords = async (h: LdapHandle, dn: string) => {
  const v = (await entry(h, dn, ['userPassword'])).userPassword;
  return (Array.isArray(v) ? v : v ? [v] : []).map((b) => Buffer.from(b as Buffer).toString('base64')).sort();
};

const resetPassword: Operation<LdapHandle, z.infer<typeof NoParams>, { dn: string; userPassword: string[] }> = {
  name: 'reset-password',
  title: 'Set a new random password (the old one is saved for undo)',
  target: 'user name (uid / sAMAccountName) or DN',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  async capture(h, t) {
    const e = await entry(h, t, ['userPassword']);
    return { dn: e.dn, userPassword: await passwords(h, e.dn) };
  },
  plan: (_t, _p, pre) => [`${pre.dn}: userPassword ← {SSHA} of a random 256-bit password, not kept`],
  async apply(h, _t, _p, pre) {
    // Idempotent: a value different from the saved one means this action already reset it.
    if (JSON.stringify(await passwords(h, pre.dn)) === JSON.stringify(pre.userPassword)) await h.c.modify(pre.dn, [replace('userPassword', [ssha(randomBytes(32).toString('base64url'))])]);
    return 'password reset';
  },
  async verify(h, _t, _p, pre) {
    const changed = JSON.stringify(await passwords(h, pre.dn)) !== JSON.stringify(pre.userPassword);
    return { ok: changed, observed: changed ? 'password differs from the one before' : 'password unchanged' };
  },
  describeUndo: (_t, _p, pre) => `${pre.dn}: the previous password (${pre.userPassword.length} saved value(s))`,
  async undo(h, _t, _p, pre) {
    await h.c.modify(pre.dn, [replace('userPassword', pre.userPassword.map((b) => Buffer.from(b, 'base64')))]);
  },
};

export const ldapConnector: ConnectorKind<LdapHandle, Config> = {
  kind: 'ldap',
  title: 'LDAP (OpenLDAP ppolicy, Active Directory)',
  config: Config,
  secrets: ['bindPassword'],
  operations: [lockAccount, resetPassword],
  connect,
  async check(h) {
    const { searchEntries } = await h.c.search(h.config.baseDN, { scope: 'base', filter: '(objectClass=*)', attributes: ['objectClass'] });
    if (!searchEntries.length) throw new PermanentError(`base DN ${h.config.baseDN} not found`);
    return `bound as ${h.config.bindDN}; base ${h.config.baseDN} readable`;
  },
};
