/**
 * A throwaway OpenLDAP slapd on a free loopback port with the ppolicy overlay (reference §8.2),
 * started once per suite and stopped by its PID. A two-attribute schema stands in for Active
 * Directory's `userAccountControl` and `sAMAccountName` (AD's own OIDs) so the connector's AD
 * flavour runs against the same server.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { freePort } from '../spawn-server.js';
import { waitFor } from '../wait.js';

export const LDAP_BASE = 'dc=example,dc=org';
export const LDAP_ADMIN = `cn=admin,${LDAP_BASE}`;
export const LDAP_ADMIN_PW = 'adminpw';

const AD_SCHEMA = `attributetype ( 1.2.840.113556.1.4.8 NAME 'userAccountControl' EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName' EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
objectclass ( 1.3.6.1.4.1.4203.666.99.1 NAME 'bdAdUser' AUXILIARY MAY ( userAccountControl $ sAMAccountName ) )
`;

export interface SlapdPeer {
  url: string;
  admin(): Promise<Client>;
  stop(): Promise<void>;
}

export async function startSlapd(ldif: string): Promise<SlapdPeer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bd-slapd-'));
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'ad.schema'), AD_SCHEMA);
  const rootpw = execFileSync('slappasswd', ['-s', LDAP_ADMIN_PW], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(dir, 'slapd.conf'),
    `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
include ${dir}/ad.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
pidfile ${dir}/slapd.pid
database mdb
suffix "${LDAP_BASE}"
rootdn "${LDAP_ADMIN}"
rootpw ${rootpw}
directory ${dir}/db
overlay ppolicy
ppolicy_default "cn=default,ou=policies,${LDAP_BASE}"
ppolicy_use_lockout
`,
  );
  const url = `ldap://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('slapd', ['-f', join(dir, 'slapd.conf'), '-h', `${url}/`, '-d', '0'], { stdio: 'ignore' });
  const admin = async () => {
    const c = new Client({ url, timeout: 5000, connectTimeout: 2000 });
    await c.bind(LDAP_ADMIN, LDAP_ADMIN_PW);
    return c;
  };
  await waitFor(async () => {
    try {
      await (await admin()).unbind();
      return true;
    } catch {
      return false;
    }
  }, 10_000);
  execFileSync('ldapadd', ['-x', '-H', url, '-D', LDAP_ADMIN, '-w', LDAP_ADMIN_PW], { input: ldif, stdio: ['pipe', 'ignore', 'pipe'] });
  return {
    url,
    admin,
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
