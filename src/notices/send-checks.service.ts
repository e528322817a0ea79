/**
 * Before sending (issue 20 §5): how many people an individual notice will reach (by e-mail, by
 * post, unreachable, suppressed), and a test send of the exact content to the caller's own
 * address, marked as a test (RFC 3834 Auto-Submitted; subject prefixed "[TEST]").
 */
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { BadInputError, FailedError } from '../platform/errors.js';
import type { RenderedNotice } from './drafting.js';
import { inAudience, noticeLanguage, type NoticesStore, receivesNotice } from './notices.store.js';
import { renderHtml, renderText } from './render.js';

export interface Audience {
  email: number;
  postal: number;
  unreachable: number;
  noContact: number;
  total: number;
}

export class SendChecksService {
  constructor(private readonly s: NoticesStore) {}

  async audience(p: Principal, id: string): Promise<Audience> {
    const n = await this.s.mustGet(p, id);
    const out: Audience = { email: 0, postal: 0, unreachable: 0, noContact: 0, total: 0 };
    if (n.kind !== 'individual') return out;
    const lang = noticeLanguage(n);
    const langs = await this.s.languagesOf(n.incident_id, n.jurisdiction);
    let after = '';
    for (;;) {
      const rows = await this.s.people.page(n.incident_id, after, 1000);
      for (const r of rows) {
        if (!inAudience(n.jurisdiction, r.jurisdiction) || !receivesNotice(lang, langs, r)) continue;
        if (r.no_contact) out.noContact++;
        else if (r.has_email) out.email++;
        else if (r.has_postal) out.postal++;
        else out.unreachable++;
      }
      if (rows.length < 1000) break;
      after = rows[rows.length - 1]!.id;
    }
    out.total = out.email + out.postal + out.unreachable;
    return out;
  }

  async testSend(p: Principal, id: string): Promise<{ to: string }> {
    const n = await this.s.mustGet(p, id, true);
    if (!p.email) throw new BadInputError('your account has no e-mail address to send the test to');
    const factory = this.s.deps.mailer;
    if (!factory) throw new FailedError('e-mail is not configured: set BREACHDESK_SMTP_URL');
    const v = (await this.s.notices.version(id, n.current_version))!;
    const rendered = JSON.parse(v.rendered_json) as RenderedNotice;
    const sample = { name: 'Jane Sample', address: '1 Sample Street\nSampletown' };
    const mail = factory();
    try {
      await mail.send({
        from: this.s.deps.mailFrom,
        to: p.email,
        subject: `[TEST] ${rendered.subject}`,
        text: renderText(rendered, sample),
        html: renderHtml(rendered, sample),
        messageId: `<test.${id}.v${v.version}.${Date.now()}@breachdesk.invalid>`,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Breachdesk-Notice': id, 'X-Breachdesk-Test': 'true' },
      });
    } catch (e) {
      throw new FailedError(`test send to ${p.email} failed: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await mail.close();
    }
    await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.test_send', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { version: v.version } });
    return { to: p.email };
  }
}
