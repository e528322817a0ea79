import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { tuning } from './dispatch.js';
import { readStream } from './index.js';
import { collect, errorsOf, recordsOf, rowsAsObjects } from './testing.js';


// Parse every small chunk as it comes, so chunk-boundary cases are exercised.
beforeAll(() => {
  tuning.blockBytes = 1;
});

function chunked(s: string, size: number): Readable {
  const buf = Buffer.from(s);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

const MYSQL = `-- MySQL dump 10.13  Distrib 8.0.36
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
DROP TABLE IF EXISTS \`users\`;
CREATE TABLE \`users\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`email\` varchar(255) DEFAULT NULL,
  \`name\` varchar(100) DEFAULT 'x,y',
  \`avatar\` blob,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`email\` (\`email\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES \`users\` WRITE;
INSERT INTO \`users\` VALUES (1,'ann@example.com','O\\'Brien, Ann',NULL),(2,'bob@example.org','Bob \\"B\\"\\nLee',_binary 'ab\\0c'),
(3,'cy@example.net','It''s Cy',0x89504E47);
INSERT INTO \`shop\`.\`orders\` (\`order_id\`, \`customer_email\`) VALUES (10,'ann@example.com'),(11,'bob@example.org');
UNLOCK TABLES;
`;

const PG = `--
-- PostgreSQL database dump
--
SET standard_conforming_strings = on;
CREATE TABLE public.customers (
    id integer NOT NULL,
    full_name text,
    ssn character varying(11),
    CONSTRAINT ssn_chk CHECK ((ssn <> ''::text))
);
COPY public.customers (id, full_name, ssn) FROM stdin;
1\tAnn Smith\t123-45-6789
2\tBob\\tTab\\nLine\t\\N
\\.
INSERT INTO public.customers VALUES (3, 'C:\\path', '987-65-4321');
INSERT INTO public.customers (id, full_name) VALUES (4, E'Esc\\'aped');
`;

describe('SQL dump reader', () => {
  it.each([1, 7, 64, 100_000])('reads a mysqldump (chunks of %i bytes)', async (size) => {
    const evs = await collect(readStream('dump.sql', chunked(MYSQL, size)));
    expect(evs[0]).toMatchObject({ format: 'sql' });
    expect(errorsOf(evs)).toEqual([]);
    const users = rowsAsObjects(evs).slice(0, 3);
    expect(users).toEqual([
      { id: '1', email: 'ann@example.com', name: "O'Brien, Ann", avatar: null },
      { id: '2', email: 'bob@example.org', name: 'Bob "B"\nLee', avatar: 'ab\0c' },
      { id: '3', email: 'cy@example.net', name: "It's Cy", avatar: '0x89504E47' },
    ]);
    const batches = recordsOf(evs);
    expect(batches[0]).toMatchObject({ table: 'users', firstLocation: { unit: 'line', n: 13 } });
    const orders = batches.filter((b) => b.table === 'orders');
    expect(orders[0].columns).toEqual(['order_id', 'customer_email']);
    expect(orders[0].rows).toEqual([
      ['10', 'ann@example.com'],
      ['11', 'bob@example.org'],
    ]);
  });

  it.each([3, 50, 100_000])('reads a pg_dump with COPY and INSERT (chunks of %i bytes)', async (size) => {
    const evs = await collect(readStream('pg.sql', chunked(PG, size)));
    expect(errorsOf(evs)).toEqual([]);
    const rows = rowsAsObjects(evs);
    expect(rows).toEqual([
      { id: '1', full_name: 'Ann Smith', ssn: '123-45-6789' },
      { id: '2', full_name: 'Bob\tTab\nLine', ssn: null },
      { id: '3', full_name: 'C:\\path', ssn: '987-65-4321' },
      { id: '4', full_name: "Esc'aped" },
    ]);
    expect(recordsOf(evs)[0]).toMatchObject({ table: 'customers', firstLocation: { unit: 'line', n: 12 } });
  });

  it('streams one long multi-row INSERT line without holding it whole', async () => {
    const n = 20_000;
    const tuples = Array.from({ length: n }, (_, i) => `(${i},'user${i}@example.com')`).join(',');
    const text = `CREATE TABLE t (id int, email text);\nINSERT INTO t VALUES ${tuples};\n`;
    // maxLineBytes far below the statement length: only single values are bounded.
    const evs = await collect(readStream('long.sql', chunked(text, 4096), { limits: { maxLineBytes: 1024 } }));
    expect(errorsOf(evs)).toEqual([]);
    const rows = recordsOf(evs).flatMap((b) => b.rows);
    expect(rows).toHaveLength(n);
    expect(rows[n - 1]).toEqual([String(n - 1), `user${n - 1}@example.com`]);
  });

  it('reports malformed SQL and goes on with the next statement', async () => {
    const text = "CREATE TABLE t (a text);\nINSERT INTO t VALUES (1,'x') garbage (2,'y');\nINSERT INTO t VALUES ('ok');\nINSERT INTO t VALUES ('unterminated);\n";
    const evs = await collect(readStream('bad.sql', chunked(text, 16)));
    const errs = errorsOf(evs);
    expect(errs.map((e) => e.location)).toEqual(['line 2', 'line 4']);
    expect(errs[0].message).toMatch(/malformed SQL VALUES/);
    expect(rowsAsObjects(evs).map((r) => r.a)).toEqual(['1', 'ok']);
  });

  it('reads SQLite and SQL Server style dumps, singular VALUE and trailers after the rows', async () => {
    const text = [
      'PRAGMA foreign_keys=OFF;',
      'BEGIN TRANSACTION;',
      'CREATE TABLE "people"(id INTEGER PRIMARY KEY, "e-mail" TEXT, path TEXT);',
      "INSERT INTO \"people\" VALUES(1,'a@example.com','C:\\dir');",
      "INSERT INTO [dbo].[people] ([id], [e-mail]) VALUE (2, 'b@example.com') ON DUPLICATE KEY UPDATE id=id;",
      "INSERT INTO people VALUES (3,'c@example.com','x') ON CONFLICT DO NOTHING;",
      'COMMIT;',
    ].join('\n');
    for (const size of [1, 2, 3, 9, 1000]) {
      const evs = await collect(readStream('lite.sql', chunked(text, size)));
    expect(errorsOf(evs)).toEqual([]);
    expect(rowsAsObjects(evs)).toEqual([
      { id: '1', 'e-mail': 'a@example.com', path: 'C:\\dir' },
      { id: '2', 'e-mail': 'b@example.com' },
      { id: '3', 'e-mail': 'c@example.com', path: 'x' },
    ]);
      expect(recordsOf(evs).map((b) => b.table)).toEqual(['people', 'people', 'people']);
    }
  });

  it.each([5000, 300_000])('skips an over-long COPY line (%i bytes) and keeps reading the block', async (len) => {
    const text = `COPY public.t (a, b) FROM stdin;\n1\tok\n2\t${'x'.repeat(len)}\n3\tfine\n\\.\nINSERT INTO t (a) VALUES (4);\n`;
    const evs = await collect(readStream('c.sql', chunked(text, 4096), { limits: { maxLineBytes: 1000 } }));
    expect(errorsOf(evs).map((e) => e.location)).toEqual(['line 3']);
    expect(rowsAsObjects(evs).map((r) => r.a)).toEqual(['1', '3', '4']);
  });
});
