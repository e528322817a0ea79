/**
 * The group commit's store paths that the HTTP tests cannot reach on purpose: another writer
 * storing a group's new alert between the group's read and its write (a second serve process on
 * the same PostgreSQL), and entity windows an alert does not widen (left as they are, not
 * rewritten). Real stores on both dialects.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../test/support/platform.js';
import { IntakeRepository } from './intake.repository.js';
import { type IngestItem, IntakeWriter, type StoreConfig, type ToStore } from './intake-writer.js';
import { normalise } from './normalise/index.js';

const cfg: StoreConfig = { dedupKeys: ['rule', 'hosts', 'users', 'ips'], dedupWindowS: 3600, correlateWindowS: 3600 };
const item = (id: string, host: string, time: string) => {
  const doc = { id, title: `Writer ${id}`, severity: 'medium', time, hosts: [host] };
  return { alert: normalise(doc, 'generic', time), raw: JSON.stringify(doc) };
};

/** Runs `beforeWrite` once, inside the next group's transaction, after its read and before its write. */
class RacingRepository extends IntakeRepository {
  beforeWrite: (() => Promise<void>) | null = null;
  /** Transactions begun (group commits started) so far. */
  begun = 0;
  override groupTransaction<T>(locks: Parameters<IntakeRepository['groupTransaction']>[0], fn: (repo: IntakeRepository) => Promise<T>): Promise<T> {
    this.begun++;
    return super.groupTransaction(locks, (repo) => {
      const write = repo.writeGroup.bind(repo);
      repo.writeGroup = async (w) => {
        const hook = this.beforeWrite;
        this.beforeWrite = null;
        if (hook) await hook();
        return write(w);
      };
      return fn(repo);
    });
  }
}

/** A writer that takes no advisory locks: a serve process of the version before them, during a rolling upgrade. */
class UnlockedRepository extends IntakeRepository {
  override groupTransaction<T>(_locks: unknown, fn: (repo: IntakeRepository) => Promise<T>): Promise<T> {
    return this.transaction((repo) => fn(repo));
  }
}

/** Whichever comes first: `p` settling, or `ms` passing (a group blocked on a lock never settles while we hold it). */
const settledOrAfter = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => 'settled' as const, () => 'settled' as const), new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms))]);

for (const dialect of testDialects()) {
  describe(`intake group commit on ${dialect}`, () => {
    let t: TestPlatform;
    let repo: IntakeRepository;
    beforeAll(async () => {
      t = await openTestPlatform(dialect);
      repo = new IntakeRepository(t.platform.store.db, dialect);
    }, 60_000);
    afterAll(async () => t?.close());

    it('an entity window the alert falls inside is left as it is; one it widens is rewritten', async () => {
      const w = new IntakeWriter(repo, t.platform.keyring);
      const at = '2026-05-02T12:00:00.000Z';
      const [first] = await w.store('win', cfg, [item('win-1', 'win-host', '2026-05-02T10:00:00.000Z')], at);
      await w.store('win', cfg, [item('win-2', 'win-host', '2026-05-02T10:30:00.000Z')], at);
      // On PostgreSQL xmin names the transaction that wrote the row's version: a rewrite changes it.
      const windows = () =>
        repo.db
          .selectFrom('intake_suspect_entities')
          .select(['lookup', 'first_seen', 'last_seen', ...(dialect === 'postgresql' ? [sql<string>`xmin::text`.as('version')] : [])])
          .where('suspect_id', '=', first!.suspectId!)
          .orderBy('lookup')
          .execute();
      const before = await windows();
      const host = before.find((r) => r.first_seen === '2026-05-02T10:00:00.000Z' && r.last_seen === '2026-05-02T10:30:00.000Z')!;
      expect(host).toBeDefined();

      const [inside] = await w.store('win', cfg, [item('win-3', 'win-host', '2026-05-02T10:15:00.000Z')], at);
      expect(inside!.suspectId).toBe(first!.suspectId);
      expect(await windows()).toEqual(expect.arrayContaining(before));

      await w.store('win', cfg, [item('win-4', 'win-host', '2026-05-02T10:45:00.000Z')], at);
      const widened = (await windows()).find((r) => r.lookup === host.lookup)!;
      expect(widened).toMatchObject({ first_seen: '2026-05-02T10:00:00.000Z', last_seen: '2026-05-02T10:45:00.000Z' });
      if (dialect === 'postgresql') expect((widened as { version?: string }).version).not.toBe((host as { version?: string }).version);
    });

    it.runIf(dialect === 'postgresql')('widened entity windows and suspect totals are rewritten in place (HOT: no index entry written)', async () => {
      const w = new IntakeWriter(repo, t.platform.keyring);
      const at = '2026-05-03T12:00:00.000Z';
      const [first] = await w.store('hot', cfg, [item('hot-1', 'hot-host', '2026-05-03T10:00:00.000Z')], at);
      // The next group's write, counted inside its own transaction: pg_stat_get_xact_* of this
      // backend before and after it (on PostgreSQL 15 they also hold counts of the connection's
      // earlier transactions not yet flushed to the shared statistics, hence the difference).
      const counted = await repo.transaction(async (r) => {
        const counts = async () =>
          (
            await sql<{ t: string; updated: number; hot: number }>`
              SELECT relname AS t, pg_stat_get_xact_tuples_updated(oid)::int AS updated, pg_stat_get_xact_tuples_hot_updated(oid)::int AS hot
              FROM pg_class WHERE relname IN ('intake_suspect_entities', 'intake_suspects') ORDER BY relname`.execute(r.db)
          ).rows;
        const before = await counts();
        await r.writeGroup({
          alerts: [],
          entities: [],
          repeats: [],
          suspects: [{ ...(await r.suspect(first!.suspectId!))!, alert_count: 2, last_seen: '2026-05-03T10:30:00.000Z' }],
          windows: (await r.db.selectFrom('intake_suspect_entities').selectAll().where('suspect_id', '=', first!.suspectId!).execute()).map((x) => ({ ...x, last_seen: '2026-05-03T10:30:00.000Z' })),
          touches: [],
          touchedAt: at,
        });
        return (await counts()).map((x, i) => ({ t: x.t, updated: x.updated - before[i]!.updated, hot: x.hot - before[i]!.hot }));
      });
      // Two windows (the host and the rule) and one suspect, each a heap-only update (fails with an index on last_seen, as 0770's was).
      expect(counted).toEqual([
        { t: 'intake_suspect_entities', updated: 2, hot: 2 },
        { t: 'intake_suspects', updated: 1, hot: 1 },
      ]);
    });

    it.runIf(dialect === 'postgresql')('a new alert another writer stores after the group read it is counted as that writer’s repeat, and the group runs again', async () => {
      const racing = new RacingRepository(t.platform.store.db, dialect);
      const mine = new IntakeWriter(racing, t.platform.keyring);
      // A second writer on the same store (its own pool connection) that takes no advisory locks
      // (UnlockedRepository: one that does waits for this group's commit, see the tests below).
      const other = new IntakeWriter(new UnlockedRepository(t.platform.store.db, dialect), t.platform.keyring);
      const at = '2026-05-01T10:00:00.000Z';
      let theirs: IngestItem | undefined;
      racing.beforeWrite = async () => {
        [theirs] = await other.store('race', cfg, [item('race-1', 'race-host', at)], at);
      };
      const [ours] = await mine.store('race', cfg, [item('race-1', 'race-host', at)], at);
      expect(theirs).toMatchObject({ repeat: false, count: 1 });
      expect(ours).toEqual({ id: theirs!.id, kind: theirs!.kind, repeat: true, count: 2, suspectId: theirs!.suspectId });
      expect(await repo.db.selectFrom('intake_alerts').select(['id', 'count', 'suspect_id']).where('source', '=', 'race').execute()).toEqual([{ id: theirs!.id, count: 2, suspect_id: theirs!.suspectId }]);
      // The first attempt's suspect and windows were rolled back with it: one suspect, one alert.
      const suspects = await repo.db.selectFrom('intake_suspects').select(['id', 'alert_count']).where('title', '=', 'Writer race-1').execute();
      expect(suspects).toEqual([{ id: theirs!.suspectId, alert_count: 1 }]);
      const windowSuspects = await repo.db.selectFrom('intake_suspect_entities').select('suspect_id').distinct().where('first_seen', '=', at).execute();
      expect(windowSuspects.map((r) => r.suspect_id)).toEqual([theirs!.suspectId]);
    });

    /**
     * Writer A stores `ours`; after its read and before its write, writer B — a second serve
     * process on the same store — stores `theirs` and is given `ms` to settle. What B had done by
     * then is returned, not asserted in the hook: a hook that threw would fail the group, which
     * the writer then retries request by request (without the hook) — and the race would be gone.
     */
    async function twoWriters(source: string, ours: ToStore, theirs: ToStore, at: string, ms: number) {
      const racing = new RacingRepository(t.platform.store.db, dialect);
      const a = new IntakeWriter(racing, t.platform.keyring);
      const b = new IntakeWriter(new IntakeRepository(t.platform.store.db, dialect), t.platform.keyring);
      let other: Promise<IngestItem[]> | undefined;
      let seen: string | undefined;
      racing.beforeWrite = async () => {
        other = b.store(source, cfg, [theirs], at);
        seen = await settledOrAfter(other, ms);
      };
      const [mine] = await a.store(source, cfg, [ours], at);
      return { ours: mine!, theirs: (await other!)[0]!, seen, groups: racing.begun };
    }

    it.runIf(dialect === 'postgresql')('two serve processes storing alerts of one new entity at the same time open one suspect, not one each', async () => {
      // A found no window for the host. Without the advisory locks B reads no window either and
      // opens a second suspect; with them B waits on A's lock, reads after A's commit and joins A's suspect.
      const r = await twoWriters('proc', item('proc-a', 'proc-host', '2026-05-03T09:58:00.000Z'), item('proc-b', 'proc-host', '2026-05-03T09:59:00.000Z'), '2026-05-03T10:00:00.000Z', 1000);
      expect(await repo.db.selectFrom('intake_suspects').select(['id', 'alert_count']).where('title', 'like', 'Writer proc-%').execute()).toEqual([{ id: r.ours.suspectId, alert_count: 2 }]);
      expect(r.theirs.suspectId).toBe(r.ours.suspectId);
      const rows = await repo.db.selectFrom('intake_alerts').select(['suspect_id']).where('source', '=', 'proc').execute();
      expect(rows.map((x) => x.suspect_id)).toEqual([r.ours.suspectId, r.ours.suspectId]);
      expect(r.seen).toBe('waiting');
      expect(r.groups).toBe(1);
    });

    it.runIf(dialect === 'postgresql')('with two groups in flight, a group of another new entity commits while the first is still open, and one of the same entity waits for it', async () => {
      const racing = new RacingRepository(t.platform.store.db, dialect);
      const w = new IntakeWriter(racing, t.platform.keyring, { groupsInFlight: 2 });
      const at = '2026-05-04T10:00:00.000Z';
      let elsewhere: Promise<IngestItem[]> | undefined;
      let same: Promise<IngestItem[]> | undefined;
      const seen: Array<string | number> = [];
      racing.beforeWrite = async () => {
        // The first group has read and holds its locks: a second group starts (two in flight)…
        elsewhere = w.store('fly', cfg, [item('fly-2', 'fly-other-host', '2026-05-04T09:59:00.000Z')], at);
        seen.push(await settledOrAfter(elsewhere, 5000), racing.begun);
        // …and a third, with the first group's host, waits for the first group's commit.
        same = w.store('fly', cfg, [item('fly-3', 'fly-host', '2026-05-04T09:58:00.000Z')], at);
        seen.push(await settledOrAfter(same, 1000));
      };
      const [first] = await w.store('fly', cfg, [item('fly-1', 'fly-host', '2026-05-04T09:57:00.000Z')], at);
      const [[other], [third]] = await Promise.all([elsewhere!, same!]);
      const suspects = await repo.db.selectFrom('intake_suspects').select(['id', 'alert_count']).where('title', 'like', 'Writer fly-%').orderBy('alert_count').execute();
      expect(suspects).toEqual([
        { id: other!.suspectId, alert_count: 1 },
        { id: first!.suspectId, alert_count: 2 },
      ]);
      expect(third!.suspectId).toBe(first!.suspectId);
      // Asserted here, not in the hook (see twoWriters); 3 transactions: no group failed and ran again.
      expect(seen).toEqual(['settled', 2, 'waiting']);
      expect(racing.begun).toBe(3);
    });

    it.runIf(dialect === 'postgresql')('the same new alert from two writers at once is stored once and counted twice', async () => {
      const at = '2026-05-05T10:00:00.000Z';
      const r = await twoWriters('dup', item('dup-1', 'dup-host', at), item('dup-1', 'dup-host', at), at, 500);
      expect(r.ours).toMatchObject({ repeat: false, count: 1 });
      expect(r.theirs).toEqual({ id: r.ours.id, kind: r.ours.kind, repeat: true, count: 2, suspectId: r.ours.suspectId });
      expect(await repo.db.selectFrom('intake_alerts').select(['id', 'count']).where('source', '=', 'dup').execute()).toEqual([{ id: r.ours.id, count: 2 }]);
      // B waited on A's lock rather than racing it (A's group ran once: no IntakeRaced retry).
      expect(r.seen).toBe('waiting');
      expect(r.groups).toBe(1);
    });

    it.runIf(dialect === 'postgresql')('a group with more keys than the lock table should hold takes one exclusive lock instead of one per key', async () => {
      const racing = new RacingRepository(t.platform.store.db, dialect);
      const w = new IntakeWriter(racing, t.platform.keyring);
      const at = '2026-05-06T10:00:00.000Z';
      const advisory = () =>
        sql<{ mode: string; n: number }>`SELECT mode, count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) GROUP BY mode ORDER BY mode`
          .execute(repo.db)
          .then((r) => r.rows);
      const held: Array<Array<{ mode: string; n: number }>> = [];
      racing.beforeWrite = async () => {
        held.push(await advisory());
      };
      // 3 alerts, each its own fingerprint, host and rule (the generic shape's rule is its title): 9 keys.
      await w.store('few', cfg, [0, 1, 2].map((i) => item(`few-${i}`, `few-host-${i}`, at)), at);
      racing.beforeWrite = async () => {
        held.push(await advisory());
      };
      // 600 alerts, each its own fingerprint, host and rule: 1,800 keys.
      await w.store('many', cfg, Array.from({ length: 600 }, (_, i) => item(`many-${i}`, `many-host-${i}`, at)), at);
      expect(held).toEqual([
        [
          { mode: 'ExclusiveLock', n: 9 },
          { mode: 'ShareLock', n: 1 },
        ],
        [{ mode: 'ExclusiveLock', n: 1 }],
      ]);
    });
  });
}
