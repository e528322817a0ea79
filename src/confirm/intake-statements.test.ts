/**
 * The group commit's SQLite reads have a few SQL texts whatever the groups' sizes (IN-lists padded
 * to powers of two, platform/db/statement-sizes.ts), so they stay in the store's statement cache
 * (500 texts) beside the multi-row inserts. Before, every length of each IN-list was a text of its
 * own (bench/README.md, sqlite15).
 */
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../test/support/platform.js';
import { IntakeRepository } from './intake.repository.js';
import { IntakeWriter, type StoreConfig } from './intake-writer.js';
import { normalise } from './normalise/index.js';

const cfg: StoreConfig = { dedupKeys: ['rule', 'hosts', 'users', 'ips'], dedupWindowS: 3600, correlateWindowS: 3600 };
let seq = 0;
/** Alerts as bench/intake/load.mjs sends them: each new, sharing hosts, IPs and users with others. */
const item = () => {
  const n = seq++;
  const time = new Date(Date.parse('2026-06-01T10:00:00.000Z') + n * 1000).toISOString();
  const doc = { id: `st-${n}`, title: `Statements ${n % 7}`, severity: 'high', time, hosts: [`h-${n % 40}`], ips: [`198.51.100.${n % 60}`], users: [`u${n % 90}`] };
  return { alert: normalise(doc, 'generic', time), raw: JSON.stringify(doc) };
};

describe('intake group commit on sqlite: prepared statements', () => {
  let t: TestPlatform;
  const prepared: string[] = [];
  beforeAll(async () => {
    // The store's cache calls the prototype's prepare on a miss: counted here, hits are not.
    const prepare = SQLite.prototype.prepare;
    vi.spyOn(SQLite.prototype, 'prepare').mockImplementation(function (this: SQLite.Database, source: string) {
      prepared.push(source);
      return prepare.call(this, source);
    });
    t = await openTestPlatform('sqlite');
  }, 60_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await t?.close();
  });

  it('groups of 1 to 64 alerts read with at most 7 texts a statement; the same groups again prepare nothing', async () => {
    const writer = new IntakeWriter(new IntakeRepository(t.platform.store.db, 'sqlite'), t.platform.keyring);
    const at = '2026-06-01T12:00:00.000Z';
    /** One group of `n` new alerts (queued in one tick: one transaction). */
    const group = async (n: number) => {
      const items = Array.from({ length: n }, item);
      const out = await Promise.all(items.map((it) => writer.store('st', cfg, [it], at)));
      expect(out.flat().filter((a) => !a.repeat)).toHaveLength(n);
    };
    // Up and down: a length of a list (the suspects locked) can be reached one way only.
    const sizes = Array.from({ length: 64 }, (_, i) => i + 1);
    const upAndDown = [...sizes, ...[...sizes].reverse()];
    const before = prepared.length;
    for (const n of upAndDown) await group(n);
    // The four reads (the repeated alerts, the windows, the suspects' lock and read), by their
    // text up to the IN-list; lengths 1–64 make 7 buckets each (before: one text per length seen).
    const texts = new Map<string, number>();
    for (const s of new Set(prepared.slice(before))) {
      const m = / in \(\?/.exec(s);
      if (m && !s.startsWith('insert')) texts.set(s.slice(0, m.index), (texts.get(s.slice(0, m.index)) ?? 0) + 1);
    }
    expect(texts.size).toBe(4);
    for (const n of texts.values()) expect(n).toBeLessThanOrEqual(7);

    const second = prepared.length;
    for (const n of upAndDown) await group(n);
    expect(prepared.slice(second).map((s) => `${s.slice(0, 60)} … ${s.split('?').length - 1} parameters`)).toEqual([]);
    await writer.close();
  });
});
