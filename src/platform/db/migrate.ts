/**
 * Versioned migrations, listed explicitly (no directory scanning, so the built package and
 * the sources run the same list). The full ordered list — platform first, then each feature's —
 * lives in the composition root (src/main/migrations.ts), since platform never imports a feature.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { FailedError } from '../errors.js';
import * as m0001 from './migrations/0001-platform.js';
import * as m0400 from './migrations/0400-auth-factors.js';
import * as m0410 from './migrations/0410-rate-limits.js';

export const PLATFORM_MIGRATIONS: Record<string, Migration> = {
  '0001-platform': m0001,
  '0400-auth-factors': m0400,
  '0410-rate-limits': m0410,
};

class ListProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.list;
  }
}

export interface MigrateResult {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<unknown>, migrations: Record<string, Migration>): Promise<MigrateResult> {
  await refuseNewerDatabase(db, migrations);
  return migrateUpTo(db, migrations);
}

/** Runs the listed migrations up to `target` (a restore builds the schema its backup had), or all. */
export async function migrateUpTo(db: Kysely<unknown>, migrations: Record<string, Migration>, target?: string): Promise<MigrateResult> {
  const migrator = new Migrator({ db, provider: new ListProvider(migrations) });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error');
    const msg = error instanceof Error ? error.message : String(error);
    throw new FailedError(`migration ${failed?.migrationName ?? '?'} failed: ${msg}`);
  }
  return { applied };
}

/**
 * Migrations run forward only (issue 18 §5): a database that an upgraded Breachdesk has already
 * migrated must not be opened by older code, which would misread tables it does not know.
 * Kysely would fail too, but with "corrupted migrations"; say what happened and what to do.
 */
async function refuseNewerDatabase(db: Kysely<unknown>, migrations: Record<string, Migration>): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const done = await (db as Kysely<{ kysely_migration: { name: string } }>).selectFrom('kysely_migration').select('name').execute();
  const unknown = done.map((r) => r.name).filter((n) => !(n in migrations));
  if (unknown.length > 0) {
    throw new FailedError(
      `this database was migrated by a newer Breachdesk (it has ${unknown.sort().join(', ')}, which this version does not know): run that version or a newer one; downgrades are not supported — restore a backup made before the upgrade to go back`,
    );
  }
}
