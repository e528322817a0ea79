/**
 * Credentials recognised by their structure rather than a token prefix: PEM/OpenSSH private keys
 * (key material checked, encrypted ones told apart), Google service-account JSON (one secret with
 * its client_email), connection strings and URLs with a password, Docker config `auths`, JWTs,
 * and AWS secret access keys next to their key id. Each finder runs at a prefilter keyword and
 * returns where scanning may resume.
 */
import type { SecretFinding } from '../types.js';
import { shannon } from './detector.js';
import { judgePassword, judgeSecret, keyBody } from './secret-placeholder.js';

export interface Found {
  /** null: the text there was consumed and is no secret (a placeholder), so no other rule may take it. */
  finding: SecretFinding | null;
  end: number;
}

const finding = (f: SecretFinding, end: number): Found => ({ finding: f, end });

// ---- private keys ---------------------------------------------------------------------------------

export const PRIVATE_KEY_BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 (?:ENCRYPTED )?)?PRIVATE KEY(?: BLOCK)?)-----/y;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;

/** A PEM block at `pos` (text starts with `-----BEGIN`). The BEGIN line alone (a log line) is a suspect. */
export function privateKeyAt(text: string, pos: number): Found | null {
  PRIVATE_KEY_BEGIN.lastIndex = pos;
  const m = PRIVATE_KEY_BEGIN.exec(text);
  if (!m) return null;
  const label = m[1];
  const bodyStart = pos + m[0].length;
  // The body runs to the next '-----' (its END line, or another BEGIN), within 16 KiB: a text
  // of many BEGIN lines stays linear.
  const near = text.slice(bodyStart, bodyStart + 16384);
  const stop = near.indexOf('-----');
  const raw = stop === -1 ? near.slice(0, 8192) : near.slice(0, stop);
  PEM_END.lastIndex = 0;
  const e = stop === -1 ? null : PEM_END.exec(near.slice(stop, stop + 80));
  const end = bodyStart + raw.length + (e && e.index === 0 ? e[0].length : 0);
  // RFC 1421 headers (Proc-Type, DEK-Info) and PGP armor headers end at the first empty line.
  const headers = /^(?:\\n|\s)*((?:[A-Za-z-]+: [^\n\\]*(?:\\n|\n))+)/.exec(raw)?.[1] ?? '';
  const body = raw.slice(raw.indexOf(headers) + headers.length).replace(/=[A-Za-z0-9+/]{4}(?:\\n|\s)*$/, '');
  const provider = label.startsWith('OPENSSH') ? 'openssh' : label.startsWith('PGP') ? 'pgp' : 'pem';
  const base = { type: 'private_key' as const, family: 'private_key', provider };
  if (body.replace(/\\n|\s/g, '').length < 16) {
    // Only the BEGIN line is visible: it proves a key was there, not which one.
    return finding({ ...base, value: m[0], kind: 'header_only', suspect: true }, end);
  }
  const k = keyBody(body, `${label}\n${headers}`);
  if (!k) return null; // a dummy body is not a key (issue 14 §2)
  const encrypted = k.encrypted || label.includes('ENCRYPTED');
  return finding({ ...base, value: body.replace(/\\n|\s/g, '').slice(0, 256), kind: encrypted ? 'encrypted' : 'unencrypted' }, end);
}

/** A DER private key written without PEM armor (gitleaks private-key-non-pem-format): MII… base64. */
export function derKeyAt(text: string, pos: number): Found | null {
  const m = /MII[BCEJ][0-9a-zA-Z+/]{60,4000}={0,2}/y;
  m.lastIndex = pos;
  const r = m.exec(text);
  if (!r) return null;
  const k = keyBody(r[0]);
  if (!k || k.format === 'openssh') return null;
  return finding({ type: 'private_key', family: 'private_key', provider: 'pem', kind: 'unencrypted', value: r[0].slice(0, 256) }, pos + r[0].length);
}

// ---- Google service-account JSON -------------------------------------------------------------------

/**
 * A service-account key file (type "service_account" with a private_key): one secret, the key,
 * named by its client_email (cloud.google.com/iam/docs/keys-create-delete). `pos` is where
 * "service_account" was seen; the object may put `type` before or after the key.
 */
export function gcpServiceAccountAt(text: string, pos: number): Found | null {
  const back = Math.max(0, pos - 8192);
  const brace = text.slice(back, pos).lastIndexOf('{');
  if (brace === -1) return null;
  const from = back + brace;
  const win = text.slice(from, pos + 8192);
  if (!/"type"\s*:\s*"service_account"/.test(win)) return null;
  const pk = /"private_key"\s*:\s*"(-----BEGIN[^"]{0,6000}?)"/.exec(win);
  if (!pk) return null;
  const body = pk[1].replace(/-----(?:BEGIN|END)[A-Z ]*-----/g, '');
  const compact = body.replace(/\\n|\s/g, '');
  // The file's own structure (a 40-hex private_key_id beside the key) identifies a real key file,
  // so a body that is long, base64 and random enough counts even when it is not parseable DER
  // (cut or re-wrapped in transit); a dummy body ("XXXX…") is neither (gitleaks: entropy 5).
  const keyed = /"private_key_id"\s*:\s*"[a-f0-9]{40}"/.test(win);
  if (!keyBody(body) && !(keyed && compact.length >= 600 && /^[A-Za-z0-9+/=]+$/.test(compact) && shannon(compact) >= 5)) return null;
  const email = /"client_email"\s*:\s*"([^"\s]{3,200})"/.exec(win)?.[1];
  const keyEnd = from + pk.index + pk[0].length;
  const close = text.indexOf('}', Math.max(keyEnd, pos));
  return finding(
    { type: 'cloud_credential', family: 'cloud_credential', provider: 'gcp', kind: 'service_account_key', value: compact.slice(0, 256), ...(email ? { identity: email } : {}) },
    close === -1 ? keyEnd : close + 1,
  );
}

/** Whether the PEM at `pos` is the private_key of a service-account JSON (reported by the rule above). */
export function insideServiceAccount(text: string, pos: number): boolean {
  return /"private_key"\s*:\s*"$/.test(text.slice(Math.max(0, pos - 24), pos)) && text.includes('service_account');
}

// ---- connection strings and URLs with a password ----------------------------------------------------

const DB_SCHEMES: Record<string, string> = {
  postgres: 'postgres', postgresql: 'postgres', mysql: 'mysql', mariadb: 'mysql', mongodb: 'mongodb', 'mongodb+srv': 'mongodb',
  redis: 'redis', rediss: 'redis', amqp: 'amqp', amqps: 'amqp', mssql: 'sqlserver', sqlserver: 'sqlserver', oracle: 'oracle', cockroachdb: 'postgres',
};
/** scheme://user:password@host — RFC 3986 userinfo; the password may itself contain '@' (taken up to the last '@' before the host). */
const URL_CRED = /(jdbc:)?([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:/@"'`]{0,128}):([^\s/"'`@]{1,256}(?:@[^\s/"'`@:]{1,64}(?=@[A-Za-z0-9[]))?)@([A-Za-z0-9[][^\s/"'`?#;,@]{0,255})/iy;

/** JDBC_PARAMS below starts with this literal (either case). */
const startsJdbc = (text: string, pos: number) => text.slice(pos, pos + 5).toLowerCase() === 'jdbc:';

export function urlCredentialAt(text: string, pos: number): Found | null {
  // URL_CRED needs an '@' after the scheme and JDBC_PARAMS a 'jdbc:' at pos: a web log's
  // "https://shop.example.com/" on every line runs neither (issue 21).
  let m: RegExpExecArray | null = null;
  if (text.indexOf('@', pos) !== -1) {
    URL_CRED.lastIndex = pos;
    m = URL_CRED.exec(text);
  }
  if (!m) return startsJdbc(text, pos) ? jdbcParamsAt(text, pos) : null;
  // user:p@ss@host → the password runs to the last '@' (the regex's optional second part).
  const pw = m[4];
  const host = m[5];
  const scheme = m[2].toLowerCase();
  const db = DB_SCHEMES[scheme] ?? (m[1] ? scheme : undefined);
  const verdict = judgePassword(decodeURIComponentSafe(pw));
  if (verdict === 'placeholder') return null;
  const value = `${scheme}://${m[3]}:${pw}@${host}`;
  const f: SecretFinding = db
    ? { type: 'database_url', family: 'database_url', provider: 'database', kind: db, value }
    : { type: 'url_credential', family: 'url_credential', provider: 'url', kind: scheme, value };
  if (verdict === 'suspect') f.suspect = true;
  return finding(f, pos + m[0].length);
}

const JDBC_PARAMS = /jdbc:([a-z0-9]+):[^\s"'`]{0,300}?[;?&(,]password=([^\s;&)"'`,]{1,128})/iy;
/** jdbc:…//host;user=x;password=y or ?user=x&password=y (JDBC driver URL properties). */
function jdbcParamsAt(text: string, pos: number): Found | null {
  JDBC_PARAMS.lastIndex = pos;
  const r = JDBC_PARAMS.exec(text);
  if (!r || judgePassword(r[2]) !== 'secret') return null;
  return finding({ type: 'database_url', family: 'database_url', provider: 'database', kind: r[1].toLowerCase(), value: r[0] }, pos + r[0].length);
}

function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

// ---- Docker config.json auths ---------------------------------------------------------------------------

/**
 * What base64 `user:password` (RFC 7617 Basic credentials, a Docker `auths` entry) says: 'secret'
 * for a real password, 'placeholder' for `user:password`-like fills, null when it is no such pair.
 */
export function basicCredential(b64: string): 'secret' | 'placeholder' | null {
  if (b64.length < 8 || b64.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const decoded = Buffer.from(b64, 'base64').toString('utf8');
  // A user name without spaces or JSON punctuation (base64 of `{"a":1}` is no credential), a colon,
  // a password without spaces; printable throughout (random base64 decodes to control bytes).
  if (!/^[^\s:{}"[\],\x00-\x1f\x7f\ufffd]{1,128}:[^\s\x00-\x1f\x7f\ufffd]{1,256}$/.test(decoded)) return null;
  return judgePassword(decoded.slice(decoded.indexOf(':') + 1)) === 'placeholder' ? 'placeholder' : 'secret';
}

/** `"auths": {"registry": {"auth": base64("user:password")}}` (docs.docker.com, config.json). */
export function dockerAuthsAt(text: string, pos: number): Found | null {
  const win = text.slice(pos, pos + 2048);
  const m = /"auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})"/.exec(win);
  if (!m) return null;
  const verdict = basicCredential(m[1]);
  if (!verdict) return null;
  // A placeholder password (user:password): consumed, so the `"auth"` key is not read as a generic secret.
  if (verdict === 'placeholder') return { finding: null, end: pos + m.index + m[0].length };
  const registry = /"([^"\s]{3,200})"\s*:\s*\{[^{}]*$/.exec(win.slice(0, m.index))?.[1];
  return finding({ type: 'container_registry_auth', family: 'container_registry_auth', provider: 'docker', kind: 'registry_auth', value: m[1], ...(registry ? { identity: registry } : {}) }, pos + m.index + m[0].length);
}

/** The value of a Docker `auths` entry's `auth` field read as a record's cell (config.json parsed as JSON). */
export function registryAuthValue(value: string): SecretFinding | null {
  const v = value.trim();
  return basicCredential(v) === 'secret' ? { type: 'container_registry_auth', family: 'container_registry_auth', provider: 'docker', kind: 'registry_auth', value: v } : null;
}

// ---- HTTP Basic credentials ------------------------------------------------------------------------------

const BASIC = /basic\s+([A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/iy;

/**
 * `Authorization: Basic dXNlcjpwYXNz` in an access log, a HAR file or a curl trace: a user name and
 * password in base64 (RFC 7617 §2), readable by anyone — reported when the password is real.
 */
export function basicAuthAt(text: string, pos: number): Found | null {
  BASIC.lastIndex = pos;
  const m = BASIC.exec(text);
  if (!m) return null;
  const verdict = basicCredential(m[1]);
  if (!verdict) return null;
  if (verdict === 'placeholder') return { finding: null, end: pos + m[0].length };
  return finding({ type: 'generic_secret', family: 'generic_secret', provider: 'http', kind: 'basic_auth', value: m[1] }, pos + m[0].length);
}

// ---- JWT ------------------------------------------------------------------------------------------------

const JWT = /eyJ[A-Za-z0-9_-]{8,8192}\.eyJ[A-Za-z0-9_/-]{8,65536}\.[A-Za-z0-9_/-]{0,1024}={0,2}/y;

/** A JWS compact serialisation whose header is a JOSE header (RFC 7515 §4.1.1: "alg" is required). */
export function validJwt(v: string): boolean {
  const dot = v.indexOf('.');
  if (!v.startsWith('eyJ') || dot < 0) return false;
  const header = Buffer.from(v.slice(0, dot), 'base64url').toString('latin1');
  try {
    const h = JSON.parse(header) as unknown;
    return Boolean(h && typeof h === 'object' && typeof (h as { alg?: unknown }).alg === 'string');
  } catch {
    // A header that is JSON-shaped but damaged still marks the token as a JWT.
    return header.startsWith('{"alg"') || (header.startsWith('{"') && header.includes('"alg"'));
  }
}

export function jwtAt(text: string, pos: number): Found | null {
  JWT.lastIndex = pos;
  const m = JWT.exec(text);
  if (!m || !validJwt(m[0])) return null;
  const verdict = judgeSecret(m[0], m[0].slice(m[0].lastIndexOf('.') + 1) || m[0], 0);
  if (verdict === 'placeholder') return null;
  return finding({ type: 'jwt', family: 'jwt', provider: 'jwt', kind: 'jws', value: m[0] }, pos + m[0].length);
}

// ---- AWS secret access key beside its key id ------------------------------------------------------------

const AWS_SECRET = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** The 40-character secret key within ±300 characters of an access key id (the pair of a credentials file). */
export function awsSecretNear(text: string, idStart: number, idEnd: number, keyId: string): SecretFinding | null {
  const from = Math.max(0, idStart - 300);
  const win = text.slice(from, idEnd + 300);
  AWS_SECRET.lastIndex = 0;
  for (let m = AWS_SECRET.exec(win); m; m = AWS_SECRET.exec(win)) {
    const v = m[0];
    if (from + m.index >= idStart && from + m.index < idEnd) continue;
    if (!/[A-Z]/.test(v) || !/[a-z]/.test(v) || !/[0-9/+]/.test(v) || shannon(v) < 4) continue;
    if (judgeSecret(v, v, 4) !== 'secret') continue;
    return { type: 'aws_secret_access_key', family: 'cloud_credential', provider: 'aws', kind: 'secret_access_key', value: v, identity: keyId };
  }
  return null;
}
