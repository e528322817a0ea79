#!/usr/bin/env node
/**
 * Logs shaped like real ones, other than gen-shapes.mjs's `weblog`/`authlog` (issue 21, branch
 * logs21b): each from its own seeded randomness, streamed to disk.
 *   node bench/scan/gen-logs.mjs SHAPE SIZE_MB OUT [SEED]
 * Shapes:
 *  - nginx-v6: nginx combined, IPv4 and IPv6 clients whose sessions run over consecutive lines,
 *    300 user agents, paths with ids, referrers, 8 % of requests with an e-mail or a phone;
 *  - apache-vhost: Apache `%v:%p %h %l %u %t "%r" %>s %O "%{Referer}i" "%{User-Agent}i" %D`,
 *    authenticated users, CRLF line ends;
 *  - json-app: one JSON object a line (time, level, logger, message, user, client address, latency);
 *  - syslog-mixed: sshd, sudo, CRON, postfix, systemd, kernel; user names with accents,
 *    GECOS names, mail addresses in postfix lines;
 *  - unique: every line distinct in its words, not only its digits (the memo's worst case).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seeded } from './seeded.mjs';

const [shape, sizeMb, out, seedArg] = process.argv.slice(2);
const { rnd, int, pick } = seeded(Number(seedArg ?? 0) || [...(shape ?? '')].reduce((h, c) => (Math.imul(h, 33) + c.charCodeAt(0)) >>> 0, 11));
const pad = (n, w) => String(n).padStart(w, '0');
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const word = (n) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[int(0, 25)]).join('');

const FIRST = ['José', 'María', 'Zoë', 'Renée', 'Łukasz', 'Søren', 'Björn', 'James', 'Mary', 'Robert', 'Linda', 'David', 'Susan', 'Kevin', 'Amy', 'Eric', 'Anna', 'Paul', 'Emma', 'Noël'];
const LAST = ["O'Brien", 'Müller', 'González', 'Núñez', 'Dvořák', 'Smith', 'Johnson', 'Brown', 'Garcia', 'Lee', 'Nguyen', 'Martin', 'Young', 'King', 'Hill'];
const ascii = (s) => s.normalize('NFD').replace(/[^\x00-\x7f]/g, '').replace(/'/g, '').toLowerCase();
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const BROWSERS = ['Firefox', 'Chrome', 'Safari', 'Edg', 'OPR'];
const OSES = ['X11; Linux x86_64', 'Windows NT 10.0; Win64; x64', 'Macintosh; Intel Mac OS X 10_15_7', 'iPhone; CPU iPhone OS 17_2 like Mac OS X', 'Linux; Android 14; Pixel 8'];
const UAS = Array.from({ length: 300 }, (_, i) =>
  i % 17 === 0 ? `${pick(['curl', 'python-requests', 'Go-http-client', 'okhttp'])}/${int(1, 8)}.${int(0, 40)}.${int(0, 9)}` : `Mozilla/5.0 (${pick(OSES)}) AppleWebKit/537.36 (KHTML, like Gecko) ${pick(BROWSERS)}/${int(90, 125)}.0.${int(1000, 6999)}.${int(10, 199)}`,
);
const PATHS = ['/', '/index.html', '/login', '/logout', '/cart', '/checkout', '/api/v2/products', '/api/v2/search', '/static/css/site.css', '/static/js/app.js', '/favicon.ico', '/robots.txt', '/images/logo.png', '/account/orders', '/help/contact'];
const REFS = ['-', 'https://www.google.com/', 'https://shop.example.com/', 'https://shop.example.com/cart', 'https://www.bing.com/search?q=shoes', 'https://t.co/x1y2z3'];
const ipv4 = () => `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
const ipv6 = () => `2001:db8:${hex(int(1, 4))}:${hex(4)}::${hex(int(1, 4))}`;
const person = () => {
  const f = pick(FIRST);
  const l = pick(LAST);
  return { f, l, user: `${ascii(f)}.${ascii(l)}`, email: `${ascii(f)}.${ascii(l)}${int(1, 999)}@${pick(['gmail.com', 'example.org', 'yahoo.com'])}` };
};
const phone = () => `(${int(201, 989)}) ${int(200, 999)}-${pad(int(0, 9999), 4)}`;

/** A client that stays for a few lines (real logs: one visitor's page and its assets). */
let client = null;
let left = 0;
function nextClient(v6share) {
  if (left-- <= 0) {
    client = { ip: rnd() < v6share ? ipv6() : ipv4(), ua: pick(UAS), user: rnd() < 0.2 ? person() : null };
    left = int(0, 12);
  }
  return client;
}
const clf = (d) => `${pad(d.getUTCDate(), 2)}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)} +0000`;
let now = Date.UTC(2026, 10, 3, 6, 0, 0);
const tick = () => {
  now += int(0, 900);
  return new Date(now);
};
function request() {
  const r = rnd();
  if (r < 0.05) return `/account/lookup?email=${encodeURIComponent(person().email)}`;
  if (r < 0.08) return `/support/callback?phone=${encodeURIComponent(phone())}`;
  const p = pick(PATHS);
  return p.startsWith('/api') ? `${p}?id=${int(1, 999999)}&page=${int(1, 40)}` : p;
}

const SHAPES = {
  'nginx-v6': () => {
    const c = nextClient(0.3);
    return `${c.ip} - ${c.user ? c.user.user : '-'} [${clf(tick())}] "${pick(['GET', 'GET', 'GET', 'POST', 'HEAD'])} ${request()} HTTP/${pick(['1.1', '2.0'])}" ${pick([200, 200, 200, 301, 304, 404, 500])} ${int(0, 250000)} "${pick(REFS)}" "${c.ua}"`;
  },
  'apache-vhost': () => {
    const c = nextClient(0.1);
    return `${pick(['shop.example.com', 'api.example.com', 'www.example.org'])}:${pick([80, 443])} ${c.ip} - ${c.user ? c.user.user : '-'} [${clf(tick())}] "GET ${request()} HTTP/1.1" ${pick([200, 200, 302, 404])} ${int(0, 90000)} "${pick(REFS)}" "${c.ua}" ${int(80, 2500000)}\r`;
  },
  'json-app': () => {
    const c = nextClient(0.15);
    const d = tick();
    const level = pick(['info', 'info', 'info', 'warn', 'error', 'debug']);
    const msg = pick(['request completed', 'cache miss', 'order created', 'payment authorised', 'session started', 'slow query', 'retrying upstream', 'user signed in']);
    const user = c.user ? `"user":"${c.user.user}",` : '';
    const extra = rnd() < 0.05 ? `,"contact":"${person().email}"` : rnd() < 0.03 ? `,"phone":"${phone()}"` : '';
    return `{"time":"${d.toISOString()}","level":"${level}","logger":"${pick(['http', 'orders', 'payments', 'auth', 'db'])}","msg":"${msg}",${user}"client":"${c.ip}","request_id":"${hex(16)}","latency_ms":${int(1, 3000)}${extra}}`;
  },
  'syslog-mixed': () => {
    const d = tick();
    const ts = `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
    const host = `${pick(['web', 'db', 'mail', 'bastion'])}-${int(1, 12)}`;
    const p = person();
    const k = rnd();
    const msg =
      k < 0.3 ? `sshd[${int(300, 65000)}]: ${pick(['Failed password for', 'Accepted password for', 'Accepted publickey for'])} ${p.user} from ${nextClient(0.2).ip} port ${int(1024, 65535)} ssh2`
      : k < 0.45 ? `sudo: ${p.user} : TTY=pts/${int(0, 9)} ; PWD=/home/${p.user} ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx`
      : k < 0.6 ? `CRON[${int(300, 65000)}]: (${pick(['root', 'www-data', p.user])}) CMD (/usr/local/bin/backup.sh --full)`
      : k < 0.75 ? `postfix/smtp[${int(300, 65000)}]: ${hex(10).toUpperCase()}: to=<${p.email}>, relay=mx.example.net[${ipv4()}]:25, delay=${int(0, 9)}.${int(0, 99)}, status=sent (250 2.0.0 OK)`
      : k < 0.85 ? `systemd[1]: Started Session ${int(1, 9999)} of User ${p.user}.`
      : k < 0.93 ? `useradd[${int(300, 65000)}]: new user: name=${p.user}, UID=${int(1000, 60000)}, GID=${int(1000, 60000)}, home=/home/${p.user}, shell=/bin/bash, from=/dev/pts/0 (GECOS "${p.f} ${p.l}")`
      : `kernel: [${int(1, 999999)}.${pad(int(0, 999999), 6)}] IN=eth0 OUT= SRC=${ipv4()} DST=${ipv4()} LEN=${int(40, 1500)} PROTO=TCP SPT=${int(1024, 65535)} DPT=${pick([22, 80, 443, 3389])}`;
    return `${ts} ${host} ${msg}`;
  },
  unique: () => {
    const d = tick();
    return `${d.toISOString()} ${word(int(4, 9))}[${int(1, 99999)}]: ${Array.from({ length: int(4, 10) }, () => word(int(2, 10))).join(' ')} ${pick(FIRST)} ${word(int(3, 8))}=${word(int(3, 12))}`;
  },
};

if (!SHAPES[shape] || !sizeMb || !out) {
  console.error(`usage: gen-logs.mjs ${Object.keys(SHAPES).join('|')} SIZE_MB OUT [SEED]`);
  process.exit(2);
}
const ws = createWriteStream(out);
const target = Number(sizeMb) * 1e6;
let written = 0;
while (written < target) {
  const lines = [];
  for (let i = 0; i < 2000; i++) lines.push(SHAPES[shape]());
  const b = Buffer.from(`${lines.join('\n')}\n`);
  written += b.length;
  if (!ws.write(b)) await once(ws, 'drain');
}
ws.end();
await once(ws, 'finish');
