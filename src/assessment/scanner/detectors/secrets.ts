/**
 * Secrets (credentials) with vendor prefixes, after gitleaks/secretlint rule intent (MIT rules;
 * patterns re-written here): AWS, GitHub, GitLab, Slack, Stripe, Google API keys, PEM private keys,
 * JWTs, and generic keyword = value assignments kept only above an entropy threshold and when the
 * value is not an obvious placeholder (CredData labelling rules: templates and references are False).
 */
import type { SecretFinding, SecretType } from '../types.js';
import { type Detector, shannon } from './detector.js';

const secret = (type: SecretType, value: string): SecretFinding => ({ type, value });

function byRegex(type: SecretType, re: RegExp) {
  return (value: string): SecretFinding | null => {
    const v = value.trim();
    return re.test(v) ? secret(type, v) : null;
  };
}

/** Placeholders, templates and references that are not secrets (detect-secrets heuristics, CredData). */
export function looksLikePlaceholder(v: string): boolean {
  const l = v.toLowerCase();
  if (/^[$%]|\$\{|\{\{|<[^>]*>|%s|process\.env|getenv|\(\)|^\*+$|^x+$|^\.+$/.test(l)) return true;
  if (/(?:example|changeme|change_me|placeholder|your_|yourpass|dummy|sample|redacted|xxxx|\*\*\*|todo|fixme|insert|replace)/.test(l)) return true;
  if (/^(?:password|secret|token|none|null|true|false|undefined|string|value)$/.test(l)) return true;
  return false;
}

/** Minimum Shannon entropy (bits/char) for generic assignments (detect-secrets uses 3.0 for hex, 4.5 for base64 strings). */
export const GENERIC_SECRET_MIN_ENTROPY = 3.0;

export function validateGenericSecret(value: string): SecretFinding | null {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (v.length < 8 || v.length > 200 || /\s/.test(v) || looksLikePlaceholder(v)) return null;
  if (shannon(v) < GENERIC_SECRET_MIN_ENTROPY) return null;
  return secret('generic_secret', v);
}

function validJwt(value: string): SecretFinding | null {
  const v = value.trim();
  const m = /^(eyJ[A-Za-z0-9_-]{8,})\.([A-Za-z0-9_-]{8,})\.([A-Za-z0-9_-]{0,})$/.exec(v);
  if (!m) return null;
  try {
    const header = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as unknown;
    // RFC 7515 §4.1.1: "alg" is required in a JWS header.
    if (header && typeof header === 'object' && typeof (header as { alg?: unknown }).alg === 'string') return secret('jwt', v);
  } catch {
    // Not base64url JSON: not a JWT.
  }
  return null;
}

export const PRIVATE_KEY_BEGIN = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?-----/;

const TOK = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789';

export const SECRET_DETECTORS: readonly Detector[] = [
  {
    id: 'aws_access_key_id',
    kind: 'secret',
    description: 'AWS access key ID (AKIA long-term, ASIA temporary + 16 base32 characters)',
    keywords: ['akia', 'asia'],
    validate: byRegex('aws_access_key_id', /^(?:AKIA|ASIA)[A-Z2-7]{16}$/),
    sampleable: true,
    fixtures: { ok: ['AKIAIOSFODNN7EXAMPLE', 'ASIAY34FZKBOKMUTVV7A'], ng: ['AKIA1234', 'akiaiosfodnn7example', 'AKIBIOSFODNN7EXAMPLE'] },
  },
  {
    id: 'aws_secret_access_key',
    kind: 'secret',
    description: 'AWS secret access key (40 base64 characters, only near an AWS keyword)',
    keywords: ['aws_secret', 'aws secret', 'secret_access_key', 'secretaccesskey'],
    validate(value) {
      const v = value.trim();
      return /^[A-Za-z0-9/+]{40}$/.test(v) && shannon(v) > 4 && /[A-Z]/.test(v) && /[a-z0-9]/.test(v) ? secret('aws_secret_access_key', v) : null;
    },
    fixtures: { ok: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], ng: ['a'.repeat(40), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE'] },
  },
  {
    id: 'github_token',
    kind: 'secret',
    description: 'GitHub token (ghp_/gho_/ghu_/ghs_/ghr_ classic, github_pat_ fine-grained)',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    validate: byRegex('github_token', /^(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})$/),
    sampleable: true,
    fixtures: { ok: [`ghp_${TOK.slice(0, 36)}`, `gho_${TOK.slice(1, 37)}`, `github_pat_${TOK.slice(0, 22)}_${TOK}${TOK.slice(0, 13)}`], ng: ['ghp_short', `ghx_${TOK.slice(0, 36)}`] },
  },
  {
    id: 'gitlab_token',
    kind: 'secret',
    description: 'GitLab personal access token (glpat-)',
    keywords: ['glpat-'],
    validate: byRegex('gitlab_token', /^glpat-[A-Za-z0-9_-]{20,}$/),
    sampleable: true,
    fixtures: { ok: ['glpat-xYz12AbC34dEf56GhI78'], ng: ['glpat-short', 'glpa-xYz12AbC34dEf56GhI78'] },
  },
  {
    id: 'slack_token',
    kind: 'secret',
    description: 'Slack token (xoxa-/xoxb-/xoxp-/xoxo-/xoxr-/xoxs-)',
    keywords: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxr-', 'xoxs-'],
    validate: byRegex('slack_token', /^xox[abposr]-[0-9]{6,}-[A-Za-z0-9-]{8,}$/),
    sampleable: true,
    fixtures: { ok: ['xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'], ng: ['xoxz-123456789012-abc', 'xoxb-abc'] },
  },
  {
    id: 'stripe_key',
    kind: 'secret',
    description: 'Stripe secret or restricted key (sk_live_, rk_live_, sk_test_, rk_test_)',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
    validate: byRegex('stripe_key', /^(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,99}$/),
    sampleable: true,
    fixtures: { ok: ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'rk_live_51HxYzAbCdEf'], ng: ['pk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_short'] },
  },
  {
    id: 'google_api_key',
    kind: 'secret',
    description: 'Google API key (AIza + 35 characters)',
    keywords: ['aiza'],
    validate: byRegex('google_api_key', /^AIza[0-9A-Za-z_-]{35}$/),
    sampleable: true,
    fixtures: { ok: ['AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe'], ng: ['AIzaShort', 'AIzbSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe'] },
  },
  {
    id: 'private_key',
    kind: 'secret',
    description: 'PEM/OpenSSH private key block (-----BEGIN … PRIVATE KEY-----)',
    keywords: ['-----begin'],
    validate(value) {
      const m = PRIVATE_KEY_BEGIN.exec(value);
      if (!m) return null;
      // The body identifies the key; the BEGIN line alone (one log line) still proves exposure.
      const body = value.slice(m.index + m[0].length).replace(/-----END[\s\S]*$/, '').replace(/\s+/g, '');
      return secret('private_key', body.length >= 16 ? body.slice(0, 256) : m[0]);
    },
    sampleable: true,
    fixtures: { ok: ['-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\n-----END RSA PRIVATE KEY-----', '-----BEGIN OPENSSH PRIVATE KEY-----'], ng: ['-----BEGIN PUBLIC KEY-----', '-----BEGIN CERTIFICATE-----'] },
  },
  {
    id: 'jwt',
    kind: 'secret',
    description: 'JSON Web Token: three base64url parts, header decodes to JSON with "alg" (RFC 7519/7515)',
    keywords: ['eyj'],
    validate: validJwt,
    sampleable: true,
    fixtures: {
      ok: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
      ng: ['eyJub3BlIjoxfQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc', 'eyJhbGciOiJIUzI1NiJ9', 'abc.def.ghi'],
    },
  },
  {
    id: 'generic_secret',
    kind: 'secret',
    description: 'Generic secret: password/secret/token/api_key assignment whose value has high entropy and is not a placeholder',
    keywords: ['password', 'passwd', 'pwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'auth', 'credential'],
    validate: validateGenericSecret,
    fixtures: { ok: ['Xk9#mQ2$vL7pR4t', 'f8a3c1e9b27d4a6f'], ng: ['changeme', '$' + '{DB_PASSWORD}', '<your-password>', 'aaaaaaaaaa', 'example-token-123', 'short'] },
  },
];
