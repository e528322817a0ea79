import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './database.js';
import { WRITER_FALLBACK_PAGES } from './sqlite-checkpoint.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 50))) if (await check()) return true;
  return false;
}

describe('SQLite checkpoints off the writer thread', () => {
  it('leaves routine checkpoints to a worker: the database file catches up with the WAL while the writer only commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-ckpt-'));
    dirs.push(dir);
    const file = join(dir, 'store.sqlite');
    const store = openStore({ dialect: 'sqlite', sqliteFile: file });
    const db = store.db;
    const auto = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(db);
    expect(auto.rows[0]!.wal_autocheckpoint).toBe(WRITER_FALLBACK_PAGES);
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`.execute(db);
    const dbSize0 = statSync(file).size;
    // ≈ 3 MB of rows in small transactions: far below the writer's own checkpoint (64 MiB of WAL).
    const v = 'x'.repeat(3000);
    for (let i = 0; i < 1000; i++) await sql`INSERT INTO t (v) VALUES (${v})`.execute(db);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1024 * 1024);
    // Nothing but the worker copies pages into the database file.
    expect(await until(() => statSync(file).size > dbSize0 + 2 * 1024 * 1024, 15_000)).toBe(true);
    // The writer reuses the WAL from its start once the worker has copied it all: it stops growing.
    const walAfter = statSync(`${file}-wal`).size;
    for (let i = 0; i < 300; i++) {
      await sql`INSERT INTO t (v) VALUES (${v})`.execute(db);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 250));
    }
    // (300 more rows need ≈ 3.6 MB of WAL frames; reused from the start they add none.)
    expect(statSync(`${file}-wal`).size).toBeLessThan(walAfter + 1024 * 1024);
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db);
    expect(Number(n.rows[0]!.n)).toBe(1300);
    await store.close();
    // The last connection to close checkpoints and removes the WAL: the worker's closed first.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = openStore({ dialect: 'sqlite', sqliteFile: file });
    const m = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(again.db);
    expect(Number(m.rows[0]!.n)).toBe(1300);
    await again.close();
  }, 60_000);

  it('lets a process with nothing else to do close the store and exit 0 once the worker runs (built code, own process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-ckpt-'));
    dirs.push(dir);
    const database = fileURLToPath(new URL('../../../dist/platform/db/database.js', import.meta.url));
    const script = `
      import { sql } from 'kysely';
      import { openStore } from ${JSON.stringify(database)};
      const store = openStore({ dialect: 'sqlite', sqliteFile: ${JSON.stringify(join(dir, 's.sqlite'))} });
      await sql\`CREATE TABLE t (v TEXT)\`.execute(store.db);
      for (let i = 0; i < 600; i++) await sql\`INSERT INTO t VALUES (\${'x'.repeat(3000)})\`.execute(store.db);
      await new Promise((r) => setTimeout(r, 1500));
      await store.close();
      console.log('closed');
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../../../', import.meta.url)), encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('closed');
    expect(r.status).toBe(0);
  }, 70_000);
});
