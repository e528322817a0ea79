/** After sending: postal batches, imported results (bounces, print vendor), proof of notice, tracking. */
import { actorOf } from '../platform/auth/accounts.service.js';
import { canUnmask, type Principal } from '../platform/auth/roles.js';
import { csvField } from '../platform/csv-field.js';
import { NO_CONSENT } from './electronic-notice.js';
import { BadInputError } from '../platform/errors.js';
import { ForbiddenError, HttpError } from '../platform/http/problem.js';
import type { CampaignService } from './campaign.service.js';
import type { RenderedNotice } from './drafting.js';
import { addressLines, type NoticesStore, recipientName } from './notices.store.js';
import type { OutboxRow } from './outbox.repository.js';
import { renderPdf } from './pdf.js';
import { maskEmail, maskName } from './people-mapping.js';
import { readTable } from './people-reader.js';
import { pdfBlocks } from './render.js';

export class ProofService {
  constructor(
    private readonly s: NoticesStore,
    private readonly campaign: CampaignService,
  ) {}

  async postalBatch(p: Principal, id: string, format: 'csv' | 'pdf'): Promise<{ body: string | Buffer; type: string; count: number }> {
    const n = await this.s.mustGet(p, id);
    const v = (await this.s.notices.version(id, n.current_version))!;
    if (!v.approved_at) throw new HttpError(409, `notice ${id} is not approved`);
    const rendered = JSON.parse(v.rendered_json) as RenderedNotice;
    const rows = (await this.s.outbox.listForNotice(id, 'postal', '', 1_000_000)).filter((r) => r.state === 'postal');
    const people = new Map((await this.s.people.byIds(rows.map((r) => r.person_id))).map((x) => [x.id, x]));
    if (format === 'csv') {
      const lines = ['letter_id,name,address_line1,address_line2,city,region,postal_code,country,content_hash'];
      for (const r of rows) {
        const person = this.s.decryptPerson(people.get(r.person_id)!);
        const a = person.address;
        lines.push([r.id, recipientName(person, rendered.language), a?.line1, a?.line2, a?.city, a?.region, a?.postalCode, a?.country, v.content_hash].map(csvField).join(','));
      }
      return { body: `${lines.join('\n')}\n`, type: 'text/csv; charset=utf-8', count: rows.length };
    }
    const letters = rows.map((r) => {
      const person = this.s.decryptPerson(people.get(r.person_id)!);
      return pdfBlocks(rendered, { name: recipientName(person, rendered.language), address: addressLines(person) });
    });
    return { body: await renderPdf({ letters }), type: 'application/pdf', count: rows.length };
  }

  /**
   * Imports bounce reports or print-vendor results (CSV). Columns: `message_id` or `letter_id`
   * (the outbox row id from the postal batch), and `status`: bounced | delivered | mailed |
   * printed | returned | failed; optional `date`.
   */
  async importResults(p: Principal, id: string, csv: Buffer): Promise<{ rows: number; updated: number; unknown: number }> {
    const n = await this.s.mustGet(p, id, true);
    const t = await readTable(csv);
    const col = (...names: string[]) => t.headers.findIndex((h) => names.includes(h.toLowerCase().replace(/[^a-z]/g, '')));
    const mid = col('messageid');
    const lid = col('letterid', 'id', 'outboxid');
    const st = col('status', 'result', 'state');
    const dt = col('date', 'at', 'mailedat', 'timestamp');
    if (st < 0 || (mid < 0 && lid < 0)) throw new BadInputError('results CSV needs a status column and a message_id or letter_id column');
    const STATES: Record<string, string> = { bounced: 'bounced', bounce: 'bounced', hardbounce: 'bounced', delivered: 'sent', mailed: 'printed', printed: 'printed', returned: 'returned', undeliverable: 'returned', failed: 'failed' };
    let updated = 0;
    let unknown = 0;
    // The whole file or nothing, with its audit event: a failure part-way used to leave some rows
    // applied and no `notice.results-import` event saying which.
    await this.s.change(async (tx) => {
    for (const row of t.rows) {
      const state = STATES[(row[st] ?? '').toLowerCase().replace(/[^a-z]/g, '')];
      let r: OutboxRow | undefined;
      if (mid >= 0 && row[mid]) {
        const m = row[mid]!.trim();
        r = await tx.outbox.byMessageId(m.startsWith('<') ? m : `<${m}>`);
      } else if (lid >= 0 && row[lid]) r = await tx.outbox.byId(row[lid]!.trim());
      if (!r || r.notice_id !== id || !state) {
        unknown++;
        continue;
      }
      const when = dt >= 0 && row[dt] && !Number.isNaN(Date.parse(row[dt]!)) ? new Date(row[dt]!) : this.s.now();
      await tx.outbox.setState(r.id, state as never, when, state === 'bounced' || state === 'returned' ? `reported ${row[st]}` : null);
      await this.campaign.applyPersonState({ ...r, state, sent_at: state === 'printed' ? when.toISOString() : r.sent_at, updated_at: when.toISOString() }, tx.people);
      updated++;
    }
    await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.results-import', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { rows: t.rows.length, updated, unknown } }, tx.trx);
    });
    return { rows: t.rows.length, updated, unknown };
  }

  /**
   * Proof of notice: who, when, channel, content hash, Message-ID; CSV. Recipients are masked
   * unless `unmask` is asked by a role allowed to see personal data (legal, commander), which
   * is audited (DESIGN.md §4).
   */
  async exportProof(p: Principal, id: string, unmask = false): Promise<string> {
    const n = await this.s.mustGet(p, id);
    if (unmask && !canUnmask(p)) throw new ForbiddenError(`unmasked recipients need the role ${canUnmask.description}`);
    const v = (await this.s.notices.version(id, n.current_version))!;
    const approvals = await this.s.notices.approvals(id, n.current_version);
    // Counsel sees at the top how many went by post only because e-mail needed consent (channel_reason no_consent).
    const nc = await this.s.outbox.countsByState(id, NO_CONSENT);
    const noConsent = Object.values(nc).reduce((a, b) => a + b, 0);
    const lines = [
      `# notice ${id} v${v.version} (${n.kind}, ${n.jurisdiction}); satisfies ${JSON.parse(n.rule_ids).join(' ') || '-'}; content sha256 ${v.content_hash}; approved ${approvals.map((a) => `${a.capacity}:${a.user_name}@${a.approved_at}`).join(' ')}${noConsent ? `; not e-mailed for want of consent to electronic notice (E-SIGN 15 U.S.C. §7001(c)): ${noConsent}` : ''}`,
      'person_id,recipient,channel,state,at,message_id,content_hash,attempts,last_code,channel_reason',
    ];
    let after = '';
    for (;;) {
      const rows = await this.s.outbox.listForNotice(id, undefined, after, 1000);
      const people = new Map((await this.s.people.byIds(rows.map((r) => r.person_id))).map((x) => [x.id, x]));
      for (const r of rows) {
        const pr = people.get(r.person_id);
        const person = pr ? this.s.decryptPerson(pr) : null;
        const who = unmask ? (r.channel === 'email' ? person?.email : person?.name) : r.channel === 'email' ? maskEmail(person?.email ?? null) : maskName(person?.name ?? '');
        lines.push([r.person_id, who, r.channel, r.state, r.sent_at ?? '', r.message_id, v.content_hash, r.attempts, r.last_code ?? '', r.channel_reason ?? ''].map(csvField).join(','));
      }
      if (rows.length < 1000) break;
      after = rows[rows.length - 1]!.id;
    }
    await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.export-proof', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { unmasked: unmask } });
    return `${lines.join('\n')}\n`;
  }

  /** Per obligation (rule): people reached by channel, first and last time. */
  async tracking(p: Principal, incidentId: string) {
    await this.s.deps.access.assertCanRead(p, incidentId);
    const out: { ruleId: string; noticeId: string; kind: string; status: string; reached: Record<string, { count: number; first: string | null; last: string | null }>; pending: number; failed: number }[] = [];
    for (const n of await this.s.notices.listForIncident(incidentId)) {
      const reached: Record<string, { count: number; first: string | null; last: string | null }> = {};
      let pending = 0;
      let failed = 0;
      let after = '';
      for (;;) {
        const rows = await this.s.outbox.listForNotice(n.id, undefined, after, 5000);
        for (const r of rows) {
          if (r.state === 'sent' || r.state === 'printed') {
            reached[r.channel] ??= { count: 0, first: null, last: null };
            const e = reached[r.channel]!;
            e.count++;
            if (r.sent_at && (!e.first || r.sent_at < e.first)) e.first = r.sent_at;
            if (r.sent_at && (!e.last || r.sent_at > e.last)) e.last = r.sent_at;
          } else if (['queued', 'sending', 'postal'].includes(r.state)) pending++;
          else failed++;
        }
        if (rows.length < 5000) break;
        after = rows[rows.length - 1]!.id;
      }
      for (const ruleId of JSON.parse(n.rule_ids) as string[]) out.push({ ruleId, noticeId: n.id, kind: n.kind, status: n.status, reached, pending, failed });
    }
    return { incidentId, obligations: out };
  }
}
