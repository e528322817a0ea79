/** Corpus parts that are text: a mysqldump, a pg_dump (COPY and INSERT) and an application log. */
import type { ElementId } from '../../src/assessment/scanner/types.js';
import * as id from './identifiers.js';
import type { Person } from './persons.js';
import type { Rng } from './prng.js';
import { key, type Truth } from './truth.js';

const sqlQuote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const pgQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function writeSqlDumps(rng: Rng, truth: Truth, people: Person[], put: (name: string, data: string) => void): void {
  // mysqldump: extended INSERT, backslash escapes (scanning.md §7.6).
  const users = people.filter((_, i) => i % 2 === 0);
  const my: string[] = [
    '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
    '/*!40101 SET NAMES utf8mb4 */;',
    'DROP TABLE IF EXISTS `users`;',
    'CREATE TABLE `users` (',
    '  `id` int NOT NULL AUTO_INCREMENT,',
    '  `username` varchar(64) NOT NULL,',
    '  `email` varchar(255) DEFAULT NULL,',
    '  `password_hash` varchar(255) DEFAULT NULL,',
    '  `last_login_ip` varchar(45) DEFAULT NULL,',
    '  `note` text,',
    '  PRIMARY KEY (`id`)',
    ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
    'LOCK TABLES `users` WRITE;',
  ];
  const notes = ["VIP, don't call before 10", 'prefers "express" shipping', 'C:\\exports\\old', 'none'];
  for (let start = 0; start < users.length; start += 50) {
    const tuples = users.slice(start, start + 50).map((p, j) => {
      const f = 'shop.sql';
      truth.record(f, ['username', 'email', 'password_hash', 'ip_address'], p.pid, [], [key.email(p)]);
      return `(${start + j + 1},${sqlQuote(p.username)},${sqlQuote(p.email)},${sqlQuote(p.passwordHash)},${sqlQuote(p.ip)},${rng.chance(0.2) ? 'NULL' : sqlQuote(rng.pick(notes))})`;
    });
    my.push(`INSERT INTO \`users\` VALUES ${tuples.join(',')};`);
  }
  my.push('UNLOCK TABLES;', '');
  put('shop.sql', my.join('\n'));

  // pg_dump plain format: COPY for one table, --inserts style for the other.
  const cols = '(id, full_name, national_id, iban, birth_date, email)';
  const create = (t: string) =>
    `CREATE TABLE public.${t} (\n    id integer NOT NULL,\n    full_name text,\n    national_id text,\n    iban text,\n    birth_date date,\n    email text\n);\n`;
  const pg: string[] = ['--', '-- PostgreSQL database dump', '--', "SET client_encoding = 'UTF8';", create('employees_de'), create('employees_gb')];
  pg.push(`COPY public.employees_de ${cols} FROM stdin;`);
  const hr = (p: Person): { els: ElementId[]; dob: boolean } => {
    const dob = rng.chance(0.8);
    const els: ElementId[] = ['person_name', 'national_id', 'iban', 'email'];
    if (dob) els.push('date_of_birth');
    truth.record('hr.sql', els, p.pid, [p.country], [key.email(p)]);
    return { els, dob };
  };
  for (const [i, p] of people.filter((x) => x.country === 'DE').entries()) {
    const { dob } = hr(p);
    pg.push([i + 1, `${p.first} ${p.last}`, p.nationalId, p.iban, dob ? p.dob : '\\N', p.email].join('\t'));
  }
  pg.push('\\.', '');
  for (const [i, p] of people.filter((x) => x.country === 'GB').entries()) {
    const { dob } = hr(p);
    const vals = [String(i + 1), pgQuote(`${p.first} ${p.last}`), pgQuote(p.nationalId!), pgQuote(p.iban!), dob ? pgQuote(p.dob) : 'NULL', pgQuote(p.email)];
    pg.push(`INSERT INTO public.employees_gb ${cols} VALUES (${vals.join(', ')});`);
  }
  pg.push('');
  put('hr.sql', pg.join('\n'));
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** GitHub token format: ghp_ + 30 random base62 + base62(CRC32 of the random part), 6 chars. */
export function githubToken(rng: Rng): string {
  let body = '';
  for (let i = 0; i < 30; i++) body += BASE62[rng.int(0, 61)];
  let crc = (zlibCrc(body) >>> 0) as number;
  let enc = '';
  while (crc > 0) {
    enc = BASE62[crc % 62] + enc;
    crc = Math.floor(crc / 62);
  }
  return `ghp_${body}${enc.padStart(6, '0')}`;
}

function zlibCrc(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) {
    c ^= s.charCodeAt(i);
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export function awsKeyId(rng: Rng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = 'AKIA';
  for (let i = 0; i < 16; i++) s += alphabet[rng.int(0, 31)];
  return s;
}

export function writeLog(rng: Rng, truth: Truth, people: Person[], n: number): string {
  const f = 'app.log';
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const ts = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07Z`;
    const p = people[rng.int(0, people.length - 1)];
    const roll = rng.next();
    if (roll < 0.35) {
      lines.push(`${ts} INFO auth: login ok for ${p.email} from ${p.ip}`);
      truth.record(f, ['email', 'ip_address'], p.pid, [], [key.email(p)]);
    } else if (roll < 0.5) {
      lines.push(`${ts} WARN billing: card ${p.card} declined for ${p.email}`);
      truth.record(f, ['payment_card', 'email'], p.pid, [], [key.email(p)]);
    } else if (roll < 0.6 && p.ssn) {
      lines.push(`${ts} INFO kyc: verified SSN ${p.ssn} for ${p.email}`);
      truth.record(f, ['us_ssn', 'email'], p.pid, ['US'], [key.email(p)]);
    } else if (roll < 0.7) {
      lines.push(`${ts} INFO support: callback requested, phone ${p.phone}, user ${p.email}`);
      truth.record(f, ['phone', 'email'], p.pid, [p.country], [key.email(p), key.phone(p)]);
    } else if (roll < 0.75) {
      lines.push(`${ts} WARN ratelimit: too many requests from ${id.ipv4(rng)}`);
      truth.record(f, ['ip_address'], null);
    } else if (roll < 0.77) {
      lines.push(`${ts} ERROR deploy: push rejected, token=${githubToken(rng)}`);
      truth.record(f, [], null);
      truth.secret('github_token');
    } else if (roll < 0.79) {
      lines.push(`${ts} ERROR s3: upload failed for key id ${awsKeyId(rng)}`);
      truth.record(f, [], null);
      truth.secret('aws_access_key_id');
    } else {
      lines.push(`${ts} DEBUG health: ok in ${rng.int(1, 90)} ms, queue depth ${rng.int(0, 500)}`);
      truth.record(f, [], null);
    }
  }
  return `${lines.join('\n')}\n`;
}
