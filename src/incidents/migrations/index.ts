/** The incident workspace's migrations, merged into src/main/migrations.ts after the platform's. */
import type { Migration } from 'kysely';
import * as m0100 from './0100-incidents.js';

export const INCIDENTS_MIGRATIONS: Record<string, Migration> = {
  '0100-incidents': m0100,
};
