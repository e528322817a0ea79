/**
 * Before sending (issue 20 §5): how many people an individual notice will reach (by e-mail, by
 * post, unreachable, suppressed), and a test send of the exact content to the caller's own
 * address, marked as a test (RFC 3834 Auto-Submitted; subject prefixed "[TEST]").
 */
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { BadInputError, FailedError } from '../platform/errors.js';
import type { RenderedNotice } from './drafting.js';
import { chooseChannel, consentOf, type ElectronicNoticeRule } from './electronic-notice.js';
import { inAudience, noticeLanguage, type NoticesStore, receivesNotice } from './notices.store.js';
import { renderHtml, renderText } from './render.js';

export interface Audience {
  email: number;
  postal: number;
  unreachable: number;
  noContact: number;
  total: number;
  /** People with an e-mail address counted under postal or unreachable because e-mail needs their consent here. */
  emailNotPermitted: number;
  /** When the notice's rule lets e-mail count as notice, the provision, and the incident's primary-means declaration. */
  electronicNotice: { ruleId: string | null; allowed: ElectronicNoticeRule; basis: string; primaryEmail: boolean } | null;
}

export class SendChecksService {
  constructor(private readonly s: NoticesStore) {}

  async audience(p: Principal, id: string): Promise<Audience> {
    const n = await this.s.mustGet(p, id);
    const out: Audience = { email: 0, postal: 0, unreachable: 0, noContact: 0, total: 0, emailNotPermitted: 0, electronicNotice: null };
    if (n.kind !== 'individual') return out;
    // The same choice materialize makes (campaign.service.ts), so the count before sending is the count sent.
    const rule = await this.s.emailRuleOf(n);
    out.electronicNotice = { ruleId: rule.ruleId, allowed: rule.allowed, basis: rule.basis, primaryEmail: rule.primary };
    const lang = noticeLanguage(n);
    const langs = await this.s.languagesOf(n.incident_id, n.jurisdiction);
    let after = '';
    for (;;) {
      const rows = await this.s.people.page(n.incident_id, after, 1000);
      for (const r of rows) {
        if (!inAudience(n.jurisdiction, r.jurisdiction) || !receivesNotice(lang, langs, r)) continue;
        if (r.no_contact) {
          out.noContact++;
          continue;
        }
        const c = chooseChannel({ hasEmail: r.has_email === 1, hasPostal: r.has_postal === 1, emailConsent: consentOf(r.email_consent) }, rule.allowed, rule.primary);
        if (c.reason) out.emailNotPermitted++;
        if (c.state === 'queued') out.email++;
        else if (c.state === 'postal') out.postal++;
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
