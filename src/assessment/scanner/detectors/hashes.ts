/**
 * Password hashes in the formats password stores use: bcrypt (`$2a$`/`$2b$`/`$2y$`), argon2
 * (PHC string format), scrypt/yescrypt, sha-crypt `$5$`/`$6$` and md5-crypt `$1$`, PBKDF2 in
 * Django, passlib and Werkzeug layouts, LDAP `{SSHA}`; and bare hex digests (md5/sha1/sha256/
 * sha512 lengths), which are accepted only where the column name says hash/password — a bare hex
 * string alone is far more often a checksum or a key.
 */
import type { ValueFinding } from '../types.js';
import { type Detector, element } from './detector.js';

const STRUCTURED: readonly [RegExp, string][] = [
  [/^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/, 'bcrypt'],
  [/^\$argon2(?:id|i|d)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/, 'argon2'],
  [/^\$(?:scrypt\$ln=\d+,r=\d+,p=\d+|7\$[./A-Za-z0-9]+|y\$[./A-Za-z0-9]+|gy\$[./A-Za-z0-9]+)\$[./A-Za-z0-9+=$]+$/, 'scrypt'],
  [/^\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}$/, 'sha_crypt'],
  [/^\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}$/, 'md5_crypt'],
  [/^pbkdf2_sha(?:1|256|512)\$\d+\$[^$\s]+\$[A-Za-z0-9+/=]+$/, 'pbkdf2'],
  [/^\$pbkdf2(?:-sha(?:1|256|512))?\$\d+\$[./A-Za-z0-9+=]+\$[./A-Za-z0-9+=]+$/, 'pbkdf2'],
  [/^pbkdf2:sha(?:1|256|512)(?::\d+)?\$[^$\s]+\$[0-9a-f]+$/, 'pbkdf2'],
  [/^(?:argon2|bcrypt_sha256|bcrypt|scrypt)\$\S{20,}$/, 'django'],
  [/^\{(?:SSHA|SHA|SMD5|MD5|SSHA256|SSHA512|CRYPT)\}[A-Za-z0-9+/=$.]{8,}$/i, 'ldap'],
];

const HEX_LENGTHS: Record<number, string> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };

export function structuredHashKind(v: string): string | null {
  if (v.length < 20 || v.length > 512) return null;
  for (const [re, kind] of STRUCTURED) if (re.test(v)) return kind;
  return null;
}

export function validatePasswordHash(value: string): ValueFinding | null {
  const v = value.trim();
  const kind = structuredHashKind(v);
  if (kind) return element('password_hash', v, { kind });
  const hex = HEX_LENGTHS[v.length];
  if (hex && /^[0-9a-fA-F]+$/.test(v) && !/^(.)\1*$/.test(v)) return element('password_hash', v.toLowerCase(), { kind: hex });
  return null;
}

export const passwordHash: Detector = {
  id: 'password_hash',
  kind: 'element',
  description: 'Password hash: bcrypt, argon2, scrypt, sha-crypt, PBKDF2, LDAP; bare hex digests by column name only',
  keywords: ['$2a$', '$2b$', '$2y$', '$argon2', '$scrypt$', '$5$', '$6$', '$1$', 'pbkdf2', '{ssha}'],
  validate: validatePasswordHash,
  sampleable: true,
  sample: (v) => structuredHashKind(v.trim()) !== null,
  fixtures: {
    ok: [
      '$2b$12$KIXQJQzJ0Z5bG1nQ0b8b5uQ9yq3Yk1v6z1b2c3d4e5f6g7h8i9j0k',
      '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG',
      '$6$rounds=5000$saltsalt$' + 'a'.repeat(43) + 'bcdefghij0123456789ABCDEFGHIJKLMNOPQRSTU',
      'pbkdf2_sha256$260000$abcdefgh$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=',
      '5f4dcc3b5aa765d61d8327deb882cf99',
    ],
    ng: ['password123', '$2b$12$short', 'ffffffffffffffffffffffffffffffff', 'xyz5f4dcc3b5aa765d61d8327deb882cf9'],
  },
};
