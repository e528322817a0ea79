/**
 * The organisation profile (establishments, sectors, HIPAA status, listed company, NYDFS,
 * NIS2/DORA, telecom…) that decides which regimes apply. Kept in `settings`; audited.
 */
import type { Kysely } from 'kysely';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/schema.js';
import { BadInputError } from '../../platform/errors.js';
import { type ControllerProfile, controllerSchema } from '../facts.schema.js';

const KEY = 'org.profile';

export class OrgProfileService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<ControllerProfile> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    return controllerSchema.parse(row ? JSON.parse(row.value) : {});
  }

  async set(input: unknown, actor: Actor): Promise<ControllerProfile> {
    const parsed = controllerSchema.safeParse(input);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new BadInputError(`profile.${i.path.join('.')}: ${i.message}`);
    }
    const before = await this.get();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('settings').select('key').where('key', '=', KEY).executeTakeFirst();
      if (exists) await trx.updateTable('settings').set({ value: JSON.stringify(parsed.data), updated_at: now }).where('key', '=', KEY).execute();
      else await trx.insertInto('settings').values({ key: KEY, value: JSON.stringify(parsed.data), updated_at: now }).execute();
      await this.audit.record({ actor, action: 'org.profile_updated', subjectType: 'org_profile', before, after: parsed.data }, trx);
    });
    return parsed.data;
  }
}
