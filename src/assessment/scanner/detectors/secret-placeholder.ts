/**
 * Placeholders, documented examples and key bodies that are not key material (issue 14 §2).
 * A match of a credential's shape is one of three things: not a secret (a placeholder: fills,
 * repeated or sequential characters, templates, the vendors' documented example values), a
 * `suspect` (right shape, too little entropy to be random), or a secret. The heuristics follow
 * detect-secrets' filters (is_sequential_string, is_templated_secret) and gitleaks' allowlists
 * (AWS `.+EXAMPLE$`, Firebase's example API keys); scanning.md §4.3.
 */
import { shannon } from './detector.js';

/** Values published in vendor documentation as examples (never real credentials). */
const DOCUMENTED_EXAMPLES = new Set([
  // AWS IAM user guide
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'ASIAIOSFODNN7EXAMPLE',
  // Stripe API reference (the documented test key)
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  // jwt.io's default token
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  // Firebase Android SDK example keys (gitleaks gcp-api-key allowlist)
  'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
  'AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs',
  'AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM',
  'AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU',
  'AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0',
  'AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A',
  'AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c',
  'AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4',
  'AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY',
  'AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM',
  'AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ',
  'AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g',
  'AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU',
  'AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw',
  'AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE',
  'AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY',
]);

/** Templates and references: `${X}`, `{{x}}`, `<your-key>`, `%s`, `$VAR`, env lookups. */
const TEMPLATE = /\$\{|\{\{|^\{[^}]*\}$|<[^>]*>|%s|^\$[A-Za-z_]|process\.env|getenv|os\.environ|\[value\]/;
/** Words that mark an illustration rather than a credential. */
const PLACEHOLDER_WORD = /example|placeholder|your[_-]?(?:api|token|key|secret|pass|user)|replace[_-]?(?:me|with)|changeme|change[_-]me|insert[_-]|dummy|redacted|xxxx|\*\*\*|here$|_here_|tooshort/i;

const TOP_COUNTS = new Int32Array(128);

/** Share of the most frequent character (ASCII; other characters count as one class). */
function topShare(v: string): number {
  let top = 0;
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const c = Math.min(v.charCodeAt(i), 127);
    const k = ++TOP_COUNTS[c];
    if (k > top) top = k;
  }
  for (let i = 0; i < n; i++) TOP_COUNTS[Math.min(v.charCodeAt(i), 127)] = 0;
  return n ? top / n : 0;
}

/** Share of characters inside runs (≥ 4) each one more or less than the previous: abcd, 1234, 9876. */
function sequentialShare(v: string): number {
  let covered = 0;
  let run = 1;
  let dir = 0;
  const close = () => {
    if (run >= 4) covered += run;
  };
  for (let i = 1; i < v.length; i++) {
    const d = v.charCodeAt(i) - v.charCodeAt(i - 1);
    if ((d === 1 || d === -1) && (run === 1 || d === dir)) {
      run++;
      dir = d;
    } else {
      close();
      run = d === 1 || d === -1 ? 2 : 1;
      dir = d;
    }
  }
  close();
  return v.length ? covered / v.length : 0;
}

/** A short unit repeated over the whole value: abcabcabc, 12341234, 0x0x0x. */
function repeatedUnit(v: string): boolean {
  for (let p = 1; p <= 4 && p * 3 <= v.length; p++) {
    let ok = true;
    for (let i = p; i < v.length && ok; i++) if (v[i] !== v[i - p]) ok = false;
    if (ok) return true;
  }
  return false;
}

export type SecretVerdict = 'placeholder' | 'suspect' | 'secret';

/**
 * `body`: the random part of the credential (without its vendor prefix); `full`: the whole match.
 * `minEntropy`: bits per character below which a well-shaped match is only `suspect`.
 */
export function judgeSecret(full: string, body: string, minEntropy = 3): SecretVerdict {
  if (DOCUMENTED_EXAMPLES.has(full) || DOCUMENTED_EXAMPLES.has(body)) return 'placeholder';
  if (/EXAMPLE(?:KEY)?$/.test(body)) return 'placeholder';
  if (TEMPLATE.test(body) || PLACEHOLDER_WORD.test(body)) return 'placeholder';
  const b = body.replace(/[-_.=]/g, '');
  if (b.length === 0) return 'placeholder';
  // Fills: one character, or only x / * / 0 / # (upper or lower case).
  if (/^[xX*0#.]+$/.test(b) || topShare(b) >= 0.6 || repeatedUnit(b)) return 'placeholder';
  // Sequential: abcdef…, 123456789…, covering most of the value.
  if (sequentialShare(b) >= 0.5) return 'placeholder';
  if (shannon(b) < minEntropy) return 'suspect';
  return 'secret';
}

/** Passwords in URLs and key=value pairs that stand for "a password goes here". */
const PASSWORD_PLACEHOLDERS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'admin', 'root', 'user', 'username', 'test', 'none', 'null', 'xxx', 'mypassword', 'your_password', 'yourpassword', 'p@ssw0rd', 'pa55word', 'token']);

export function judgePassword(pw: string): SecretVerdict {
  const l = pw.toLowerCase();
  if (PASSWORD_PLACEHOLDERS.has(l) || /^[*x.]+$/i.test(pw)) return 'placeholder';
  if (TEMPLATE.test(pw) || PLACEHOLDER_WORD.test(pw) || /^(?:your|my)[_-]?pass/i.test(pw) || /^:?\w*password\w*$/i.test(pw) && /^[A-Z_]+$/.test(pw)) return 'placeholder';
  if (pw.length < 4 || topShare(pw) >= 0.7) return 'suspect';
  return 'secret';
}

// ---- private-key bodies ---------------------------------------------------------------------------

/** DER length at `i` (X.690 §8.1.3): [length, header bytes] or null. */
function derLength(b: Buffer, i: number): [number, number] | null {
  if (i >= b.length) return null;
  const first = b[i];
  if (first < 0x80) return [first, 1];
  const n = first & 0x7f;
  if (n === 0 || n > 3 || i + n >= b.length) return null;
  let len = 0;
  for (let k = 1; k <= n; k++) len = (len << 8) | b[i + k];
  return [len, 1 + n];
}

export interface KeyBody {
  /** `openssh`, `pkcs1`/`pkcs8`/`sec1` (DER), `pgp`. */
  format: string;
  encrypted: boolean;
}

/**
 * Whether a PEM/OpenSSH body is real key material: base64 that decodes to a DER SEQUENCE starting
 * with a version INTEGER (PKCS#1 RFC 8017 A.1.2, PKCS#8 RFC 5958, SEC1 RFC 5915), or to an
 * encrypted PKCS#8 SEQUENCE, or to OpenSSH's `openssh-key-v1\0` (PROTOCOL.key), or to OpenPGP
 * packets (RFC 4880 §4.2). Dummy bodies ("XXXX…", "…your key here…") decode to none of these.
 */
export function keyBody(base64: string, header = ''): KeyBody | null {
  const clean = base64.replace(/\\n|\\r|[\s"',]/g, '');
  if (clean.length < 40 || !/^[A-Za-z0-9+/]+=*$/.test(clean)) return null;
  const b = Buffer.from(clean, 'base64');
  if (b.length < 30) return null;
  if (b.subarray(0, 15).toString('latin1') === 'openssh-key-v1\0') {
    // string ciphername: uint32 length + name; "none" = not encrypted.
    const n = b.readUInt32BE(15);
    const cipher = n < 64 && 19 + n <= b.length ? b.subarray(19, 19 + n).toString('latin1') : '';
    return { format: 'openssh', encrypted: cipher !== 'none' };
  }
  if (/PGP/.test(header)) return b[0] & 0x80 ? { format: 'pgp', encrypted: false } : null;
  if (b[0] !== 0x30) return null;
  const seq = derLength(b, 1);
  if (!seq || seq[0] < 20) return null;
  const at = 1 + seq[1];
  // INTEGER 0/1 (version) → PKCS#1, PKCS#8 or SEC1 private key.
  if (b[at] === 0x02 && b[at + 1] === 0x01 && b[at + 2] <= 1) return { format: b[at + 3] === 0x30 ? 'pkcs8' : b[at + 3] === 0x04 ? 'sec1' : 'pkcs1', encrypted: /Proc-Type: 4,ENCRYPTED/.test(header) };
  // EncryptedPrivateKeyInfo: SEQUENCE { SEQUENCE algorithm, OCTET STRING } (RFC 5958 §3).
  if (/ENCRYPTED/.test(header) && b[at] === 0x30) return { format: 'pkcs8', encrypted: true };
  return null;
}
