/**
 * Every migration of the product in order: platform first, then each feature's. Names sort
 * in the order they must run (Kysely's migrator applies them alphabetically).
 */
import type { Migration } from 'kysely';
import { CONTAIN_MIGRATIONS } from '../contain/contain.migrations.js';
import { ASSESSMENT_MIGRATIONS } from '../assessment/assessment.migrations.js';
import { EVIDENCE_MIGRATIONS } from '../incidents/evidence/migrations.js';
import { EXPERTS_MIGRATIONS } from '../incidents/experts/migrations.js';
import { INCIDENTS_MIGRATIONS } from '../incidents/migrations/index.js';
import { LEARN_MIGRATIONS } from '../learn/learn.migrations.js';
import { NOTICES_MIGRATIONS } from '../notices/migrations.js';
import { TRACKING_MIGRATIONS } from '../obligations/tracking/migrations.js';
import { PLATFORM_MIGRATIONS } from '../platform/db/migrate.js';

export const ALL_MIGRATIONS: Record<string, Migration> = {
  ...PLATFORM_MIGRATIONS,
  ...INCIDENTS_MIGRATIONS,
  ...EVIDENCE_MIGRATIONS,
  ...EXPERTS_MIGRATIONS,
  ...ASSESSMENT_MIGRATIONS,
  ...TRACKING_MIGRATIONS,
  ...NOTICES_MIGRATIONS,
  ...LEARN_MIGRATIONS,
  ...CONTAIN_MIGRATIONS,
};
