/**
 * The declaration "e-mail is our primary means of communication with these customers", per
 * incident, with who made it and when (audited). Under statutes that accept it (C.R.S.
 * §6-1-716(1)(f)(III); SDCL §22-40-22(2): rule `electronicNotice: consent_or_primary`) it lets a
 * notice e-mail people who gave no E-SIGN consent; elsewhere it changes nothing.
 */
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import type { NoticesStore } from './notices.store.js';

export interface EmailPrimaryView {
  incidentId: string;
  primaryEmail: boolean;
  statement: string | null;
  declaredBy: string | null;
  declaredAt: string | null;
}

export class EmailPrimaryService {
  constructor(private readonly s: NoticesStore) {}

  async get(p: Principal, incidentId: string): Promise<EmailPrimaryView> {
    await this.s.deps.access.assertCanRead(p, incidentId);
    const r = await this.s.notices.emailPrimary(incidentId);
    return { incidentId, primaryEmail: r?.primary_email === 1, statement: r?.statement ?? null, declaredBy: r?.declared_by_name ?? null, declaredAt: r?.declared_at ?? null };
  }

  async set(p: Principal, incidentId: string, body: { primaryEmail: boolean; statement?: string | null }): Promise<EmailPrimaryView> {
    await this.s.deps.access.assertCanWrite(p, incidentId);
    const at = this.s.now().toISOString();
    await this.s.change(async (tx) => {
      const before = await tx.notices.emailPrimary(incidentId);
      const row = { incident_id: incidentId, primary_email: body.primaryEmail ? 1 : 0, statement: body.statement?.trim() || null, declared_by: p.userId, declared_by_name: p.username, declared_at: at };
      await tx.notices.setEmailPrimary(row);
      await this.s.deps.audit.record(
        {
          actor: actorOf(p),
          action: 'notice.email_primary',
          subjectType: 'incident',
          subjectId: incidentId,
          incidentId,
          before: before ? { primaryEmail: before.primary_email === 1, statement: before.statement } : null,
          after: { primaryEmail: body.primaryEmail, statement: row.statement },
        },
        tx.trx,
      );
    });
    return this.get(p, incidentId);
  }
}
