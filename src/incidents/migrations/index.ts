/** The incident workspace's migrations, merged into src/main/migrations.ts after the platform's. */
import type { Migration } from 'kysely';
import * as m0100 from './0100-incidents.js';
import * as m0740 from './0740-breach-dates.js';

export const INCIDENTS_MIGRATIONS: Record<string, Migration> = {
  '0100-incidents': m0100,
  '0740-incident-breach-dates': m0740,
};
