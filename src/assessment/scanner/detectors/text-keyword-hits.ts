/**
 * What scanText does at a secret or national-ID keyword hit (scanning.md §7.3: exact patterns on a
 * small window at each hit, then validators): `key = value` assignments, stored password hashes,
 * bearer tokens, passport and driving-licence numbers, national IDs named by their keyword.
 * The prefilter that finds the hits is text-scan.ts's.
 */
import type { SecretFinding } from '../types.js';
import { element } from './detector.js';
import { structuredHashKind } from './hashes.js';
import { ID_CONTEXT_KINDS, validateNationalId } from './national-ids.js';
import { matchSecretValue, secretAt } from './secret-scan.js';
import { SECRET_DETECTORS, validateGenericSecret } from './secrets.js';
import type { TextFindings } from './text-scan.js';

const STICKY = new Map<string, RegExp>();
function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  let r = STICKY.get(re.source);
  if (!r) {
    r = new RegExp(re.source, 'y');
    STICKY.set(re.source, r);
  }
  r.lastIndex = pos;
  return r.exec(text);
}

/**
 * `key = value` after a secret keyword, in the shapes gitleaks' samples cover (ini, JSON, escaped
 * JSON, XML elements, YAML incl. `|`/`>` blocks, code with a type (`var k string = …`; only type
 * names, or `auth.login user=…` would read as key `auth.login` of type `user`), Makefile
 * `:=`/`::=`/`?=`/`+=`, CSV): a quoted
 * value is taken whole (random passwords hold `;`, `,`, `<`), an unquoted one up to a delimiter.
 */
const ASSIGN = /[A-Za-z0-9_.-]{0,30}(?:[ \t]+(?:string|String|str|char|bytes))?(?:\\?["'])?[ \t]{0,3}(?:[<>?+.]?=|:{1,3}=|=>|:|>|,)[ \t]{0,3}(?:[|>][ \t]*\r?\n[ \t]*|\r?\n[ \t]{0,8})?(?:\\?"((?:[^"\\\n]|\\[^"]){1,200}?)\\?"|'([^'\n]{1,200})'|`([^`\n]{1,200})`|([^\s"'`,;&<>)]{1,200}))/;
const AWS_NEAR = /aws/i;
const ID_TOKEN = /[A-Za-z0-9][A-Za-z0-9 .\-/]{6,22}[A-Za-z0-9]/g;
const PASSPORT_TOKEN = /[\s:#=]{1,6}(?:(?:no|number|nr|num|n°|nummer|numero)\.?[\s:#=]{1,4})?([A-Z0-9]{6,10})\b/iy;

const DL_TOKEN = /[a-z]{0,5}[\s:#=]{0,4}(?:(?:no|number|nr|num|n°|nummer|numero)\.?[\s:#=]{1,4})?(?:is[\s:]+)?([A-Z0-9][A-Z0-9-]{4,18}[A-Z0-9])\b/iy;
const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/;
const AWS_SECRET_BY_ID = SECRET_DETECTORS.find((d) => d.id === 'aws_secret_access_key')!;

const BEARER_TOKEN = /[ \t]+([A-Za-z0-9._~+/-]{16,512}=*)(?![^\s"',;])/y;

/**
 * An opaque bearer token after `Bearer` (RFC 6750 §2.1: b64token): a vendor's token by its rule,
 * else a generic secret when random enough; null (so the prefilter reads on: a JWT, `Basic …`)
 * otherwise.
 */
function bearerAt(text: string, schemeEnd: number, res: TextFindings): number | null {
  if (!/^bearer$/i.test(text.slice(schemeEnd - 6, schemeEnd))) return null;
  BEARER_TOKEN.lastIndex = schemeEnd;
  const m = BEARER_TOKEN.exec(text);
  if (!m || m[1].startsWith('eyJ')) return null;
  const f = matchSecretValue(m[1]) ?? validateGenericSecret(m[1], 16);
  if (!f) return null;
  res.secrets.push(f);
  return schemeEnd + m[0].length;
}

/** Handle one secret/ID keyword hit; returns where the prefilter may resume (past a consumed value). */
export function keywordHit(text: string, kw: string, pos: number, res: TextFindings): number {
  const k = kw.toLowerCase();
  const c0 = k[0];
  // Credential rules (vendor prefixes, PEM keys, connection strings…): secret-scan.ts.
  const next = secretAt(text, k, pos, res.secrets);
  if (next !== -1) return next;
  if (c0 === '$' || c0 === '{' || k === 'pbkdf2') {
    // '$…' crypt formats have no ':' (it separates fields in shadow/htpasswd lines); Werkzeug's
    // 'pbkdf2:sha256:…' does. A '$' just before 'pbkdf2' belongs to passlib's format.
    const start = k === 'pbkdf2' && text[pos - 1] === '$' ? pos - 1 : pos;
    const m = at(k === 'pbkdf2' && start === pos ? /[^\s"'`;,]{19,300}/ : /[^\s"'`;:]{19,300}/, text, start);
    if (!m) return -1;
    const cand = m[0].replace(/[,.)\]]+$/, '');
    const kind = structuredHashKind(cand);
    if (kind) res.elements.push(element('password_hash', cand, { kind }));
    // Consume the run either way: another '$2b$' inside the same unbroken run is not a hash start.
    return start + m[0].length;
  }
  if (/^(?:passw|pwd|secret|token|api|access|credential|auth|aws)/.test(k)) {
    const m = at(ASSIGN, text, pos + k.length);
    if (!m) return -1;
    const end = m.index + m[0].length;
    const value = m[1] ?? m[2] ?? m[3] ?? m[4];
    // `Authorization: Basic …` / `Bearer …` (RFC 7617, RFC 6750): the credential is the word after
    // the scheme. Before, the scheme was taken for the value and skipped with it, so the
    // credential behind it was never looked at.
    if (m[4] !== undefined && /^(?:basic|bearer)$/i.test(value)) return bearerAt(text, end, res) ?? end - value.length;
    const window = text.slice(pos > 30 ? pos - 30 : 0, pos + k.length + 30);
    if (value.length === 40 && AWS_NEAR.test(window)) {
      const f = AWS_SECRET_BY_ID.validate(value) as SecretFinding | null;
      if (f) {
        // The key id of the pair, when it is written nearby (credentials files, env exports).
        const id = AWS_KEY_ID.exec(text.slice(Math.max(0, pos - 300), end + 300))?.[0];
        if (id) f.identity = id;
        res.secrets.push(f);
        return end;
      }
    }
    // `password: $2b$…` is a stored hash, not a clear-text secret.
    const hashKind = structuredHashKind(value);
    if (hashKind) {
      res.elements.push(element('password_hash', value, { kind: hashKind }));
      return end;
    }
    // `GITHUB_TOKEN=ghp_…` is a GitHub token, not a generic secret.
    // An unquoted value stops at ASSIGN's 200 characters; a vendor token may be longer (a 1Password
    // service-account token is ≈ 800), so the vendor rules read the whole run. Before, such a token
    // was cut and reported as a generic secret.
    const whole = m[4] !== undefined && value.length === 200 ? (at(/[^\s"'`,;&<>)]{1,16384}/, text, end - value.length)?.[0] ?? value) : value;
    const vendor = matchSecretValue(whole);
    if (vendor) {
      res.secrets.push(vendor);
      return end - value.length + whole.length;
    }
    // A password may be short (6+); a token or key is not (8+).
    const minLength = /^(?:passw|pwd)/.test(k) ? 6 : 8;
    let g = validateGenericSecret(value, minLength);
    if (!g && m[4] !== undefined && /[;,<>)&]/.test(text[end] ?? '')) {
      // Unquoted and cut at a delimiter: a random password may hold `;` `,` `<` itself.
      const wide = at(/[^\s"'`]{1,200}/, text, end - value.length)?.[0].replace(/[;,)]+$/, '');
      if (wide && wide.length > value.length) {
        g = validateGenericSecret(wide, minLength);
        if (g) {
          res.secrets.push(g);
          if (/^(?:passw|pwd)/.test(k)) res.elements.push(element('password', wide));
          return end - value.length + wide.length;
        }
      }
    }
    if (g) res.secrets.push(g);
    // A password written in clear is also personal data (credentials of a person).
    if (g && /^(?:passw|pwd)/.test(k)) res.elements.push(element('password', value));
    return end;
  }
  if (/\p{L}/u.test(text[pos - 1] ?? ' ')) return -1;
  if (k.startsWith('pass') || k === 'reisepass' || k.startsWith('pasa')) {
    const m = at(PASSPORT_TOKEN, text, pos + k.length);
    if (m && /\d/.test(m[1]) && !/^\d{1,5}$/.test(m[1])) res.elements.push(element('passport_number', m[1].toUpperCase()));
    return -1;
  }
  if (/^(?:driv|lic|führ|permis)/.test(k)) {
    const m = at(DL_TOKEN, text, pos + k.length);
    if (m && (m[1].match(/\d/g)?.length ?? 0) >= 4) res.elements.push(element('drivers_license', m[1].replace(/-/g, '').toUpperCase()));
    return -1;
  }
  // National-ID keywords: validate tokens in the window that follows, only as the kind the word
  // names ("BSN" → Dutch BSN only; "national id" → any kind). A token may run on into the next
  // words ("AB123456C and"): its prefixes ending at a space are tried, longest first.
  const kind = ID_CONTEXT_KINDS.get(k);
  const win = text.slice(pos + k.length, pos + k.length + 60);
  ID_TOKEN.lastIndex = 0;
  for (let m = ID_TOKEN.exec(win); m; m = ID_TOKEN.exec(win)) {
    for (let t = m[0]; t.length >= 8; t = t.slice(0, Math.max(0, t.lastIndexOf(' ')))) {
      const f = validateNationalId(t, kind);
      if (f) {
        res.elements.push(f);
        return -1;
      }
      if (t.lastIndexOf(' ') === -1) break;
    }
  }
  return -1;
}
