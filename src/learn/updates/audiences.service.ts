/**
 * Who receives each audience's updates (organisation-wide, set by an admin): e-mail addresses and
 * Slack/Teams webhooks. Addresses are personal data and webhook URLs secrets: both are stored
 * AES-256-GCM encrypted and shown masked (an address as j***@example.com, a webhook as its host).
 */
import type { AuditService } from '../../platform/audit/audit.service.js';
import { actorOf } from '../../platform/auth/accounts.service.js';
import { isAdmin, type Principal } from '../../platform/auth/roles.js';
import type { Keyring } from '../../platform/crypto/keyring.js';
import { ForbiddenError } from '../../platform/http/problem.js';
import type { LearnPorts } from '../learn.ports.js';
import { AUDIENCES, type Audience } from './compose.js';
import type { AudienceRecipients, AudienceView } from './updates.schema.js';
import type { UpdatesRepository } from './updates.repository.js';

const CONTEXT = 'update-audience';

export class AudiencesService {
  constructor(private readonly d: { repo: UpdatesRepository; keyring: Keyring; audit: AuditService; ports: LearnPorts; now: () => Date }) {}

  /** The recipients of an audience (decrypted; for sending only). */
  async recipients(audience: Audience): Promise<AudienceRecipients> {
    const row = await this.d.repo.audience(audience);
    return row ? this.d.keyring.decryptJson<AudienceRecipients>(row.recipients_enc, `${CONTEXT}:${audience}`) : { emails: [], webhooks: [] };
  }

  async list(): Promise<AudienceView[]> {
    return Promise.all((Object.keys(AUDIENCES) as Audience[]).map((a) => this.view(a)));
  }

  async view(audience: Audience): Promise<AudienceView> {
    const row = await this.d.repo.audience(audience);
    const r = await this.recipients(audience);
    return {
      audience,
      label: AUDIENCES[audience].label,
      external: AUDIENCES[audience].external,
      emails: r.emails.map((e) => this.d.ports.maskEmail(e)),
      webhooks: r.webhooks.map((w) => ({ format: w.format, host: new URL(w.url).host })),
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  async set(p: Principal, audience: Audience, input: AudienceRecipients): Promise<AudienceView> {
    if (!isAdmin(p)) throw new ForbiddenError(`setting who receives stakeholder updates needs the role ${isAdmin.description}`);
    const clean = { emails: [...new Set(input.emails.map((e) => e.trim()))], webhooks: input.webhooks };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.saveAudience({ audience, recipients_enc: this.d.keyring.encryptJson(clean, `${CONTEXT}:${audience}`), updated_by: p.username, updated_at: this.d.now().toISOString() });
      // Counts only: the addresses and webhook URLs stay out of the audit trail.
      await this.d.audit.record({ actor: actorOf(p), action: 'update.audience_set', subjectType: 'update_audience', subjectId: audience, after: { emails: clean.emails.length, webhooks: clean.webhooks.map((w) => w.format) } }, trx);
    });
    return this.view(audience);
  }
}
