/** Drafting a notice: picking its rule, filling its inputs, versions, viewing and previewing. */
import { randomUUID } from 'node:crypto';
import type { ElementId } from '../assessment/scanner/types.js';
import { inForce } from '../obligations/engine.js';
import type { Rule } from '../obligations/rule.schema.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { BadInputError } from '../platform/errors.js';
import { HttpError } from '../platform/http/problem.js';
import { draftNotice } from './drafting.js';
import { NOTICE_LANGUAGES, type NoticeLanguage, normaliseLanguage } from './languages.js';
import { type DraftInputsParsed, draftInputsSchema } from './notices.schema.js';
import { EEA, inAudience, KIND_OF_RECIPIENT, noticeLanguage, type NoticeView, type NoticesStore, RECIPIENT_OF_KIND } from './notices.store.js';
import type { NoticesTable } from './notices.tables.js';
import { renderPdf } from './pdf.js';
import { pdfBlocks, renderHtml, renderText } from './render.js';
import type { NoticeKind } from './templates.js';

export class DraftsService {
  constructor(private readonly s: NoticesStore) {}

  pickRule(kind: NoticeKind, jurisdiction: string, ruleId?: string): Rule | null {
    const rules = this.s.rules();
    if (ruleId) {
      const r = rules.find((x) => x.id === ruleId);
      if (!r) throw new BadInputError(`no rule ${ruleId}`);
      return r;
    }
    if (kind === 'substitute') return null;
    const day = this.s.now().toISOString().slice(0, 10);
    const recipient = RECIPIENT_OF_KIND[kind];
    const j = kind === 'individual' && EEA.has(jurisdiction) ? 'EU' : jurisdiction;
    const cands = rules.filter((r) => r.jurisdiction === j && r.recipient === recipient && inForce(r, day));
    if (cands.length === 0) throw new BadInputError(`no ${recipient} rule in force for ${jurisdiction}; name one with --rule`);
    return cands[0]!;
  }

  /** Elements exposed across the notice's audience (drives conditional content). */
  private async audienceElements(incidentId: string, kind: NoticeKind, jurisdiction: string): Promise<ElementId[]> {
    const els = new Set<ElementId>();
    let after = '';
    for (;;) {
      const rows = await this.s.people.page(incidentId, after, 1000);
      for (const r of rows) {
        if (kind !== 'individual' || inAudience(jurisdiction, r.jurisdiction)) for (const e of this.s.decryptPerson(r).elements) els.add(e);
      }
      if (rows.length < 1000) break;
      after = rows[rows.length - 1]!.id;
    }
    return [...els].sort();
  }

  async draft(p: Principal, body: { incidentId: string; recipient: string; jurisdiction: string; ruleId?: string; inputs?: unknown; elements?: ElementId[]; language?: string }): Promise<NoticeView> {
    await this.s.deps.access.assertCanWrite(p, body.incidentId);
    const language = body.language === undefined ? 'en' : normaliseLanguage(body.language);
    if (!language) throw new BadInputError(`language: ${body.language} is not one notices are written in (${NOTICE_LANGUAGES.join(', ')})`);
    const kind = KIND_OF_RECIPIENT[body.recipient];
    if (!kind) throw new BadInputError(`recipient must be one of: ${Object.keys(KIND_OF_RECIPIENT).join(', ')}`);
    const jurisdiction = body.jurisdiction.trim().toUpperCase();
    const rule = this.pickRule(kind, jurisdiction, body.ruleId);
    // What the caller gives wins over what the profile and the incident say (issue 20 §6).
    const known = (await this.s.deps.prefill?.(body.incidentId)) ?? {};
    const given = parseInputs(body.inputs ?? {});
    const inputs = parseInputs({ ...Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined && v !== '')), ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) });
    const elements = body.elements ?? (await this.audienceElements(body.incidentId, kind, jurisdiction));
    const counts = await this.s.people.countsByJurisdiction(body.incidentId);
    // The obligation's deadline decides whether "the reasons for the delay" are owed (drafting.ts).
    const timing = rule ? await this.s.deps.obligations?.deadline?.(body.incidentId, rule.id) : null;
    if (timing?.deadline && inputs.notificationDeadline === undefined) inputs.notificationDeadline = timing.deadline;
    if (timing?.lateReason && inputs.delayReasons === undefined) inputs.delayReasons = timing.lateReason;
    const withCounts = withDefaults(inputs, counts, jurisdiction, this.s.now());
    const d = draftNotice(kind, jurisdiction, rule, withCounts, elements, language);
    const at = this.s.now().toISOString();
    const id = randomUUID();
    await this.s.change(async (tx) => {
      await tx.notices.insert(
      {
        id,
        incident_id: body.incidentId,
        kind,
        recipient: RECIPIENT_OF_KIND[kind],
        jurisdiction,
        rule_ids: JSON.stringify(rule ? [rule.id] : []),
        status: 'draft',
        current_version: 1,
        inputs_json: JSON.stringify({ inputs: withCounts, elements, ...(d.rendered.language ? { language: d.rendered.language } : {}) }),
        created_by: p.userId,
        created_at: at,
        updated_at: at,
        send_requested_at: null,
        materialized_at: null,
      },
      { notice_id: id, version: 1, rendered_json: JSON.stringify(d.rendered), content_hash: d.contentHash, problems_json: JSON.stringify(d.problems), created_by: p.userId, created_at: at, approved_at: null },
      );
      await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.draft', subjectType: 'notice', subjectId: id, incidentId: body.incidentId, after: { kind, jurisdiction, rule: rule?.id ?? null, version: 1, contentHash: d.contentHash, problems: d.problems.length } }, tx.trx);
    });
    return this.view(p, id);
  }

  async revise(p: Principal, id: string, body: { inputs?: unknown; elements?: ElementId[] }): Promise<NoticeView> {
    const n = await this.s.mustGet(p, id, true);
    if (!['draft', 'review'].includes(n.status)) throw new HttpError(409, `notice ${id} is ${n.status}: an approved notice cannot change; draft a new one`);
    const prev = JSON.parse(n.inputs_json) as { inputs: DraftInputsParsed; elements: ElementId[]; language?: NoticeLanguage };
    const inputs = parseInputs({ ...prev.inputs, ...((body.inputs as object) ?? {}) });
    const elements = body.elements ?? prev.elements;
    const rule = this.ruleOf(n);
    // The deadline as tracked now, not as it was when the notice was first drafted: moving the
    // awareness or determination time moves it, and with it whether "the reasons for the delay"
    // are owed (GDPR Art. 33(1)). What the reviser gives wins.
    const given = (body.inputs ?? {}) as { notificationDeadline?: unknown };
    const timing = rule && given.notificationDeadline === undefined ? await this.s.deps.obligations?.deadline?.(n.incident_id, rule.id) : null;
    if (timing?.deadline) inputs.notificationDeadline = timing.deadline;
    const d = draftNotice(n.kind as NoticeKind, n.jurisdiction, rule, inputs, elements, prev.language ?? 'en');
    const at = this.s.now().toISOString();
    const version = n.current_version + 1;
    await this.s.change(async (tx) => {
      const ok = await tx.notices.addVersion(id, { notice_id: id, version, rendered_json: JSON.stringify(d.rendered), content_hash: d.contentHash, problems_json: JSON.stringify(d.problems), created_by: p.userId, created_at: at, approved_at: null }, JSON.stringify({ inputs, elements, ...(prev.language ? { language: prev.language } : {}) }), at);
      if (!ok) throw new HttpError(409, `notice ${id} changed meanwhile; reload and try again`);
      await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.revise', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { version, contentHash: d.contentHash, problems: d.problems.length } }, tx.trx);
    });
    return this.view(p, id);
  }

  /**
   * What the current version would lack if it went out today under the deadline tracked today:
   * a notice drafted in time but approved after its deadline, or whose deadline moved earlier
   * because the awareness time was corrected, owes "the reasons for the delay" (GDPR/UK GDPR
   * Art. 33(1), PECR reg. 5A(3A), LGPD Art. 48 §1 IV) that the check at drafting did not ask for.
   * Messages of problems the stored version does not already list.
   */
  async problemsToday(n: NoticesTable, stored: readonly { message: string }[]): Promise<string[]> {
    const rule = this.ruleOf(n);
    if (!rule) return [];
    const prev = JSON.parse(n.inputs_json) as { inputs: DraftInputsParsed; elements: ElementId[]; language?: NoticeLanguage };
    const timing = await this.s.deps.obligations?.deadline?.(n.incident_id, rule.id);
    const today = this.s.now().toISOString().slice(0, 10);
    const inputs: DraftInputsParsed = {
      ...prev.inputs,
      ...(timing?.deadline ? { notificationDeadline: timing.deadline } : {}),
      noticeDate: prev.inputs.noticeDate && prev.inputs.noticeDate > today ? prev.inputs.noticeDate : today,
    };
    const known = new Set(stored.map((x) => x.message));
    return draftNotice(n.kind as NoticeKind, n.jurisdiction, rule, inputs, prev.elements, prev.language ?? 'en')
      .problems.map((x) => x.message)
      .filter((m) => !known.has(m));
  }

  private ruleOf(n: NoticesTable): Rule | null {
    const ids = JSON.parse(n.rule_ids) as string[];
    return ids[0] ? (this.s.rules().find((r) => r.id === ids[0]) ?? null) : null;
  }

  async view(p: Principal, id: string): Promise<NoticeView> {
    const n = await this.s.mustGet(p, id);
    const v = (await this.s.notices.version(id, n.current_version))!;
    const approvals = await this.s.notices.approvals(id, n.current_version);
    // State duties the law deems this notice to satisfy: sending it meets them too (tracking settles them).
    const alsoMeets = (await this.s.deps.obligations?.discharges?.(n.incident_id, JSON.parse(n.rule_ids))) ?? [];
    return {
      id,
      incidentId: n.incident_id,
      kind: n.kind as NoticeKind,
      recipient: n.recipient,
      jurisdiction: n.jurisdiction,
      language: noticeLanguage(n),
      ruleIds: JSON.parse(n.rule_ids),
      status: n.status,
      version: n.current_version,
      contentHash: v.content_hash,
      approvedAt: v.approved_at,
      draftedByMe: n.created_by === p.userId,
      approvals: approvals.map((a) => ({ capacity: a.capacity, userName: a.user_name, approvedAt: a.approved_at })),
      problems: JSON.parse(v.problems_json),
      rendered: JSON.parse(v.rendered_json),
      inputs: (JSON.parse(n.inputs_json) as { inputs: DraftInputsParsed }).inputs,
      ...(alsoMeets.length ? { alsoMeets } : {}),
    };
  }

  async list(p: Principal, incidentId: string): Promise<Omit<NoticeView, 'rendered' | 'inputs'>[]> {
    await this.s.deps.access.assertCanRead(p, incidentId);
    const out = [];
    for (const n of await this.s.notices.listForIncident(incidentId)) {
      const { rendered: _r, inputs: _i, ...rest } = await this.view(p, n.id);
      out.push(rest);
    }
    return out;
  }

  async preview(p: Principal, id: string, format: 'text' | 'html' | 'pdf'): Promise<{ body: string | Buffer; type: string }> {
    const v = await this.view(p, id);
    const sample = { name: 'Jane Sample', address: '1 Sample Street\nSampletown' };
    if (format === 'html') return { body: renderHtml(v.rendered, sample), type: 'text/html; charset=utf-8' };
    if (format === 'pdf') return { body: await renderPdf({ letters: [pdfBlocks(v.rendered, sample)] }), type: 'application/pdf' };
    return { body: renderText(v.rendered, sample), type: 'text/plain; charset=utf-8' };
  }
}

function parseInputs(raw: unknown): DraftInputsParsed {
  const r = draftInputsSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new BadInputError(`inputs.${i.path.join('.')}: ${i.message}`);
  }
  return r.data;
}

/** Fills what the store knows: notice date (today) and the affected counts. */
function withDefaults(i: DraftInputsParsed, counts: Record<string, number>, jurisdiction: string, now: Date): DraftInputsParsed {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    ...i,
    noticeDate: i.noticeDate ?? now.toISOString().slice(0, 10),
    residentsAffected: i.residentsAffected ?? (counts[jurisdiction] || undefined),
    totalAffected: i.totalAffected ?? (total || undefined),
  };
}
