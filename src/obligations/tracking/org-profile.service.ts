/**
 * The organisation profile (establishments, sectors, HIPAA status, listed company, NYDFS,
 * NIS2/DORA, telecom…) that decides which regimes apply. Kept in `settings`; audited.
 */
import type { Kysely } from 'kysely';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/schema.js';
import { BadInputError } from '../../platform/errors.js';
import { type ControllerProfile, controllerSchema } from '../facts.schema.js';
import { TrackingRepository } from './tracking.repository.js';

const KEY = 'org.profile';

export class OrgProfileService {
  private readonly repo: TrackingRepository;

  constructor(
    db: Kysely<Database>,
    private readonly audit: AuditService,
  ) {
    this.repo = new TrackingRepository(db);
  }

  async get(): Promise<ControllerProfile> {
    const value = await this.repo.setting(KEY);
    return controllerSchema.parse(value ? JSON.parse(value) : {});
  }

  async set(input: unknown, actor: Actor): Promise<ControllerProfile> {
    const parsed = controllerSchema.safeParse(input);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new BadInputError(`profile.${i.path.join('.')}: ${i.message}`);
    }
    const before = await this.get();
    const now = new Date().toISOString();
    await this.repo.transaction(async (repo, trx) => {
      await repo.putSetting(KEY, JSON.stringify(parsed.data), now);
      await this.audit.record({ actor, action: 'org.profile_updated', subjectType: 'org_profile', before, after: parsed.data }, trx);
    });
    return parsed.data;
  }
}
