/**
 * The group commit's store paths that the HTTP tests cannot reach on purpose: another writer
 * storing a group's new alert between the group's read and its write (a second serve process on
 * the same PostgreSQL), and entity windows an alert does not widen (left as they are, not
 * rewritten). Real stores on both dialects.
 */
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../test/support/platform.js';
import type { Database } from '../platform/db/schema.js';
import { IntakeRepository } from './intake.repository.js';
import { type IngestItem, IntakeWriter, type StoreConfig } from './intake-writer.js';
import { normalise } from './normalise/index.js';

const cfg: StoreConfig = { dedupKeys: ['rule', 'hosts', 'users', 'ips'], dedupWindowS: 3600, correlateWindowS: 3600 };
const item = (id: string, host: string, time: string) => {
  const doc = { id, title: `Writer ${id}`, severity: 'medium', time, hosts: [host] };
  return { alert: normalise(doc, 'generic', time), raw: JSON.stringify(doc) };
};

/** Runs `beforeWrite` once, inside the next group's transaction, after its read and before its write. */
class RacingRepository extends IntakeRepository {
  beforeWrite: (() => Promise<void>) | null = null;
  override transaction<T>(fn: (repo: IntakeRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return super.transaction((repo, trx) => {
      const read = repo.readGroup.bind(repo);
      repo.readGroup = async (candidates) => {
        const r = await read(candidates);
        const hook = this.beforeWrite;
        this.beforeWrite = null;
        if (hook) await hook();
        return r;
      };
      return fn(repo, trx);
    });
  }
}

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

    it.runIf(dialect === 'postgresql')('a new alert another writer stores after the group read it is counted as that writer’s repeat, and the group runs again', async () => {
      const racing = new RacingRepository(t.platform.store.db, dialect);
      const mine = new IntakeWriter(racing, t.platform.keyring);
      // A second writer on the same store (its own pool connection): a second serve process.
      const other = new IntakeWriter(new IntakeRepository(t.platform.store.db, dialect), t.platform.keyring);
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
  });
}
