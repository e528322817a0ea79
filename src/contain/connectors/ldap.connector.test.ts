/**
 * The connector contract against a slapd (ppolicy) started once for this suite: OpenLDAP lock and
 * password reset, and Active Directory's userAccountControl through the same connector. The
 * "live" probe is a fresh bind as the user: slapd keeps already-bound connections (see the
 * connector's note), so what the lock must cut is every new sign-in.
 */
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectorContract, type LiveSession } from '../../../test/support/connector-contract.js';
import { LDAP_ADMIN, LDAP_ADMIN_PW, LDAP_BASE, type SlapdPeer, startSlapd } from '../../../test/support/peers/slapd-peer.js';
import { ldapConnector } from './ldap.connector.js';

const LDIF = `dn: ${LDAP_BASE}
objectClass: dcObject
objectClass: organization
o: Example
dc: example

dn: ou=people,${LDAP_BASE}
objectClass: organizationalUnit
ou: people

dn: ou=policies,${LDAP_BASE}
objectClass: organizationalUnit
ou: policies

dn: cn=default,ou=policies,${LDAP_BASE}
objectClass: pwdPolicy
objectClass: device
cn: default
pwdAttribute: userPassword
pwdLockout: TRUE
pwdMaxFailure: 5

${['alice', 'bob']
  .map(
    (u) => `dn: uid=${u},ou=people,${LDAP_BASE}
objectClass: inetOrgPerson
uid: ${u}
cn: ${u}
sn: ${u}
userPassword: ${u}pw
`,
  )
  .join('\n')}
dn: cn=Carol AD,ou=people,${LDAP_BASE}
objectClass: inetOrgPerson
objectClass: bdAdUser
cn: Carol AD
sn: AD
sAMAccountName: carol
userAccountControl: 512
`;

let peer: SlapdPeer;
const signIn = (dn: string, pw: string) => async (): Promise<LiveSession> => ({
  alive: async () => {
    const c = new Client({ url: peer.url });
    try {
      await c.bind(dn, pw);
      return true;
    } catch {
      return false;
    } finally {
      await c.unbind().catch(() => {});
    }
  },
  close: async () => {},
});

beforeAll(async () => {
  peer = await startSlapd(LDIF);
}, 30_000);
afterAll(async () => peer?.stop());

describe('LDAP connector contract (OpenLDAP ppolicy)', () => {
  connectorContract({
    kind: ldapConnector,
    config: () => ({ url: peer.url, bindDN: LDAP_ADMIN, baseDN: LDAP_BASE }),
    secrets: () => ({ bindPassword: LDAP_ADMIN_PW }),
    cases: [
      { operation: 'lock-account', target: 'alice', live: signIn(`uid=alice,ou=people,${LDAP_BASE}`, 'alicepw') },
      { operation: 'reset-password', target: `uid=bob,ou=people,${LDAP_BASE}`, live: signIn(`uid=bob,ou=people,${LDAP_BASE}`, 'bobpw') },
    ],
    unknownTarget: { operation: 'lock-account', target: 'mallory' },
    unreachable: () => ({ url: 'ldap://127.0.0.1:1', bindDN: LDAP_ADMIN, baseDN: LDAP_BASE }),
  });
});

describe('LDAP connector contract (Active Directory userAccountControl)', () => {
  connectorContract({
    kind: ldapConnector,
    config: () => ({ url: peer.url, bindDN: LDAP_ADMIN, baseDN: LDAP_BASE, flavor: 'ad' }),
    secrets: () => ({ bindPassword: LDAP_ADMIN_PW }),
    cases: [{ operation: 'lock-account', target: 'carol' }],
    unknownTarget: { operation: 'lock-account', target: 'dave' },
    unreachable: () => ({ url: 'ldap://127.0.0.1:1', bindDN: LDAP_ADMIN, baseDN: LDAP_BASE, flavor: 'ad' }),
  });
});
