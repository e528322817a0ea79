/**
 * Web-server access-log lines recognised as records (issue 21, logs23): the NCSA Common Log Format
 * `%h %l %u %t "%r" %>s %b` and the Combined format that appends `"%{Referer}i" "%{User-agent}i"`
 * (Apache httpd mod_log_config, https://httpd.apache.org/docs/2.4/logs.html; nginx's predefined
 * `log_format combined '$remote_addr - $remote_user [$time_local] "$request" $status
 * $body_bytes_sent "$http_referer" "$http_user_agent"'`, https://nginx.org/en/docs/http/ngx_http_log_module.html).
 *
 * Strict on purpose: a line that deviates anywhere (a host name for %h, a quote inside a quoted
 * field — Apache writes `\"`, nginx `\x22` —, a backslash, a field more or less) is not
 * recognised and takes the free-text path whole. Only the places where the line is cut must be
 * certain; what lies between the cuts is scanned as text either way (text-log.ts).
 */

const isDigit = (c: number) => c >= 48 && c <= 57;
/** %h as an address literal: IPv4, IPv6 (hex digits, ':' and '.'). */
const isAddr = (c: number) => isDigit(c) || c === 46 || c === 58 || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
/** %l and %u: `-` or a login name; no blank, quote, bracket, backslash or control character. */
const isName = (c: number) => c > 32 && c < 127 && c !== 34 && c !== 91 && c !== 93 && c !== 92;

/** The month abbreviations of %t (`[10/Oct/2000:13:55:36 -0700]`), as three character codes each. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m) => (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2));

const digitAt = (t: string, i: number) => isDigit(t.charCodeAt(i));

/** `[dd/Mon/yyyy:hh:mm:ss +zzzz]` at i (28 characters). */
function timeAt(t: string, i: number): boolean {
  if (t.charCodeAt(i) !== 91 || t.charCodeAt(i + 27) !== 93 || t.charCodeAt(i + 3) !== 47 || t.charCodeAt(i + 7) !== 47) return false;
  const mon = (t.charCodeAt(i + 4) << 16) | (t.charCodeAt(i + 5) << 8) | t.charCodeAt(i + 6);
  if (!MONTHS.includes(mon)) return false;
  if (t.charCodeAt(i + 12) !== 58 || t.charCodeAt(i + 15) !== 58 || t.charCodeAt(i + 18) !== 58 || t.charCodeAt(i + 21) !== 32) return false;
  const sign = t.charCodeAt(i + 22);
  if (sign !== 43 && sign !== 45) return false;
  // The digits: dd, yyyy, hh, mm, ss, zzzz.
  for (const k of TIME_DIGITS) if (!digitAt(t, i + k)) return false;
  return true;
}
const TIME_DIGITS = [1, 2, 8, 9, 10, 11, 13, 14, 16, 17, 19, 20, 23, 24, 25, 26];

/** A quoted field at i: the index after its closing quote, or -1. */
function quotedAt(t: string, i: number): number {
  if (t.charCodeAt(i) !== 34) return -1;
  const e = t.indexOf('"', i + 1);
  return e === -1 ? -1 : e + 1;
}

/**
 * Where `t` is cut when it is a common or combined access-log line: `cuts` gets the start of %t,
 * of the quoted request and of the quoted referrer (combined) or t.length (common); returns
 * whether `t` is such a line. The pieces: `%h %l %u `, `[%t] `, `"%r" %>s %b ` and `"referrer" "agent"`.
 */
export function accessLogCuts(t: string, cuts: Int32Array): boolean {
  let i = 0;
  while (i < t.length && isAddr(t.charCodeAt(i))) i++;
  if (i === 0 || t.charCodeAt(i) !== 32) return false;
  for (let f = 0; f < 2; f++) {
    let e = i + 1;
    while (e < t.length && isName(t.charCodeAt(e))) e++;
    if (e === i + 1 || t.charCodeAt(e) !== 32) return false;
    i = e;
  }
  // An escaped quote (`\"`) would put a cut inside a field: such lines are not taken.
  if (t.indexOf('\\', i) !== -1) return false;
  const time = i + 1;
  if (!timeAt(t, time) || t.charCodeAt(time + 28) !== 32) return false;
  const request = time + 29;
  i = quotedAt(t, request);
  if (i === -1 || t.charCodeAt(i) !== 32 || !digitAt(t, i + 1) || !digitAt(t, i + 2) || !digitAt(t, i + 3) || t.charCodeAt(i + 4) !== 32) return false;
  i += 5;
  let size = i;
  if (t.charCodeAt(i) === 45) size++;
  else while (size < t.length && isDigit(t.charCodeAt(size))) size++;
  if (size === i) return false;
  cuts[0] = time;
  cuts[1] = request;
  if (size === t.length) {
    cuts[2] = size;
    return true;
  }
  if (t.charCodeAt(size) !== 32) return false;
  i = quotedAt(t, size + 1);
  if (i === -1 || t.charCodeAt(i) !== 32 || quotedAt(t, i + 1) !== t.length) return false;
  cuts[2] = size + 1;
  return true;
}
