/**
 * Use cases of the notices feature: affected people, drafting, the approval workflow, the
 * delivery campaign (outbox), postal batches, result imports, tracking and proof of notice.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ElementId } from '../assessment/scanner/types.js';
import { incidentRoleOf } from '../incidents/incident-access.js';
import type { IncidentsDatabase } from '../incidents/incidents.tables.js';
import { inForce } from '../obligations/engine.js';
import type { Recipient, Rule } from '../obligations/rule.schema.js';
import { loadRules } from '../obligations/rules-loader.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import { canUnmask, type Principal } from '../platform/auth/roles.js';
import type { AuditService } from '../platform/audit/audit.service.js';
import type { Dialect } from '../platform/config.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { BadInputError, FailedError } from '../platform/errors.js';
import { ForbiddenError, HttpError, NotFoundError } from '../platform/http/problem.js';
import { type DraftInputsParsed, draftInputsSchema } from './notices.schema.js';
import { type DraftResult, draftNotice, type RenderedNotice } from './drafting.js';
import { OutboxDeliverer, type DeliveryOptions, type DrainResult, type RenderMail } from './delivery.js';
import type { MailPort } from './mailer.js';
import type { NoticesDatabase, NoticesTable } from './notices.tables.js';
import { NoticesRepository } from './notices.repository.js';
import { OutboxRepository, type OutboxRow } from './outbox.repository.js';
import { renderPdf } from './pdf.js';
import { applyOverrides, autoMap, maskEmail, maskName, maskPhone, normaliseEmail, normalisePhone, rowToPerson } from './people-mapping.js';
import { readTable } from './people-reader.js';
import { PeopleRepository, type PersonRow } from './people.repository.js';
import type { ImportReport, MaskedPerson, Person } from './people.schema.js';
import { pdfBlocks, renderHtml, renderText } from './render.js';
import type { NoticeKind } from './templates.js';
import { csvField } from '../platform/csv-field.js';

/** Access to incidents, from the incident workspace (src/incidents/incident-access.ts). */
export interface IncidentAccessPort {
  assertCanRead(p: Principal, incidentId: string): Promise<void>;
  assertCanWrite(p: Principal, incidentId: string): Promise<void>;
}

export interface NoticesDeps {
  db: Kysely<NoticesDatabase>;
  dialect: Dialect;
  keyring: Keyring;
  audit: AuditService;
  access: IncidentAccessPort;
  mailFrom: string;
  /** Builds the mail port (SMTP from BREACHDESK_SMTP_URL); null when mail is not configured. */
  mailer: (() => MailPort) | null;
  rules?: () => Rule[];
  now?: () => Date;
  delivery?: DeliveryOptions;
}

const RECIPIENT_OF_KIND: Record<NoticeKind, Recipient> = {
  individual: 'individuals',
  regulator: 'regulator',
  credit_bureau: 'credit_bureaus',
  substitute: 'individuals',
  media: 'media',
};
const KIND_OF_RECIPIENT: Record<string, NoticeKind> = {
  individuals: 'individual',
  regulator: 'regulator',
  credit_bureaus: 'credit_bureau',
  'credit-bureaus': 'credit_bureau',
  media: 'media',
  substitute: 'substitute',
  website: 'substitute',
};
const EEA = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '));

export interface NoticeView {
  id: string;
  incidentId: string;
  kind: NoticeKind;
  recipient: string;
  jurisdiction: string;
  ruleIds: string[];
  status: string;
  version: number;
  contentHash: string;
  approvedAt: string | null;
  approvals: { capacity: string; userName: string; approvedAt: string }[];
  problems: DraftResult['problems'];
  rendered: RenderedNotice;
  inputs: DraftInputsParsed;
}

export interface NoticeStatus {
  id: string;
  status: string;
  counts: { queued: number; sending: number; sent: number; failed: number; bounced: number; postal: number; printed: number; returned: number };
  total: number;
  suppressed: number;
  settled: boolean;
}

/** Audience of an individual notice: people of the jurisdiction (EU: the EEA; US: every state). */
export function inAudience(noticeJurisdiction: string, personJurisdiction: string): boolean {
  if (noticeJurisdiction === personJurisdiction) return true;
  if (noticeJurisdiction === 'EU') return EEA.has(personJurisdiction);
  if (noticeJurisdiction === 'US') return personJurisdiction === 'US' || personJurisdiction.startsWith('US-');
  return false;
}

export function messageIdFor(noticeId: string, version: number, personId: string, mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'breachdesk.invalid';
  const h = createHash('sha256').update(`${noticeId}\n${version}\n${personId}`).digest('hex').slice(0, 32);
  return `<${h}.v${version}@${domain}>`;
}

export function addressLines(p: Person): string {
  const a = p.address;
  if (!a) return '';
  return [a.line1, a.line2, [a.city, a.region, a.postalCode].filter(Boolean).join(' '), a.country].filter((s) => s?.trim()).join('\n');
}

/** Salutation per flags: minors through a parent or guardian, deceased persons through the estate. */
export function recipientName(p: Person): string {
  if (p.flags.minor) return `Parent or guardian of ${p.name || 'the account holder'}`;
  if (p.flags.deceased) return `Estate of ${p.name || 'the account holder'}`;
  return p.name;
}

export class NoticesService {
  readonly people: PeopleRepository;
  readonly notices: NoticesRepository;
  readonly outbox: OutboxRepository;
  private readonly now: () => Date;
  private readonly rules: () => Rule[];

  constructor(private readonly deps: NoticesDeps) {
    this.people = new PeopleRepository(deps.db);
    this.notices = new NoticesRepository(deps.db);
    this.outbox = new OutboxRepository(deps.db, deps.dialect);
    this.now = deps.now ?? (() => new Date());
    this.rules = deps.rules ?? loadRules;
  }

  // ------------------------------------------------------------------ people

  private encryptPerson(incidentId: string, p: Person, source: string, at: string): PersonRow {
    const k = this.deps.keyring;
    const emailIndex = p.email ? k.blindIndex('email', p.email) : null;
    const phoneIndex = p.phone ? k.blindIndex('phone', p.phone) : null;
    const dedupe = emailIndex ? `e:${emailIndex}` : phoneIndex ? `p:${phoneIndex}` : `n:${k.blindIndex('person', `${p.name.toLowerCase()}\n${addressLines(p).toLowerCase()}`)}`;
    const id = randomUUID();
    return {
      id,
      incident_id: incidentId,
      // The incident id is the AEAD context: a record copied to another incident does not decrypt.
      record_enc: k.encryptJson(p, `person:${incidentId}`),
      dedupe_key: dedupe,
      email_index: emailIndex,
      phone_index: phoneIndex,
      jurisdiction: p.jurisdiction,
      has_email: p.email ? 1 : 0,
      has_postal: p.address?.line1 ? 1 : 0,
      no_contact: p.flags.noContact ? 1 : 0,
      source,
      state: 'pending',
      state_channel: null,
      state_at: null,
      created_at: at,
      updated_at: at,
    };
  }

  decryptPerson(row: PersonRow): Person {
    return this.deps.keyring.decryptJson<Person>(row.record_enc, `person:${row.incident_id}`);
  }

  /** Header mapping and the first rows (masked) of an uploaded file, without importing. */
  async previewImport(p: Principal, incidentId: string, file: Buffer, overrides: Record<string, string> = {}) {
    await this.deps.access.assertCanRead(p, incidentId);
    const t = await readTable(file);
    const { mapping, unmapped } = this.mapping(t.headers, overrides);
    const sample = t.rows.slice(0, 5).map((row, i) => {
      const r = rowToPerson(row, mapping);
      if ('error' in r) return { row: i + 2, error: r.error };
      return { row: i + 2, ...this.maskPerson(r.person), warnings: r.warnings };
    });
    return { headers: t.headers, mapping: named(t.headers, mapping), unmapped, rows: t.rows.length, sample };
  }

  private mapping(headers: string[], overrides: Record<string, string>) {
    const auto = autoMap(headers);
    try {
      const mapping = applyOverrides(headers, auto.mapping, overrides);
      const used = new Set(Object.values(mapping));
      return { mapping, unmapped: headers.filter((_, i) => !used.has(i)) };
    } catch (e) {
      throw new BadInputError((e as Error).message);
    }
  }

  async importFile(p: Principal, incidentId: string, file: Buffer, opts: { overrides?: Record<string, string>; defaultJurisdiction?: string } = {}): Promise<ImportReport> {
    await this.deps.access.assertCanWrite(p, incidentId);
    const t = await readTable(file);
    const { mapping, unmapped } = this.mapping(t.headers, opts.overrides ?? {});
    if (mapping.name === undefined && mapping.firstName === undefined && mapping.email === undefined) {
      throw new BadInputError(`no column maps to a name or an e-mail (columns: ${t.headers.join(', ')}); map one with --map name=COLUMN`);
    }
    const people: { row: number; person: Person }[] = [];
    const report: ImportReport = { rows: t.rows.length, imported: 0, duplicates: 0, rejected: [], warnings: [], mapping: named(t.headers, mapping), unmapped, byJurisdiction: {} };
    t.rows.forEach((row, i) => {
      const r = rowToPerson(row, mapping, { jurisdiction: opts.defaultJurisdiction });
      if ('error' in r) report.rejected.push({ row: i + 2, reason: r.error });
      else {
        people.push({ row: i + 2, person: r.person });
        for (const w of r.warnings) if (report.warnings.length < 1000) report.warnings.push({ row: i + 2, warning: w });
      }
    });
    return this.store(p, incidentId, people.map((x) => x.person), 'file', report);
  }

  async importMatches(p: Principal, incidentId: string, list: Partial<Person>[], defaultJurisdiction?: string): Promise<ImportReport> {
    await this.deps.access.assertCanWrite(p, incidentId);
    const report: ImportReport = { rows: list.length, imported: 0, duplicates: 0, rejected: [], warnings: [], mapping: {}, unmapped: [], byJurisdiction: {} };
    const people: Person[] = [];
    list.forEach((x, i) => {
      const jurisdiction = x.jurisdiction ?? defaultJurisdiction;
      if (!jurisdiction) {
        report.rejected.push({ row: i + 1, reason: 'no jurisdiction (set defaultJurisdiction)' });
        return;
      }
      // Same normalisation as file imports: an unusable address means "no e-mail" (postal).
      const email = x.email ? normaliseEmail(x.email) : null;
      if (x.email && !email && report.warnings.length < 1000) report.warnings.push({ row: i + 1, warning: 'e-mail is not usable' });
      const phone = x.phone ? normalisePhone(x.phone, jurisdiction.toUpperCase()) : null;
      people.push({
        name: x.name ?? '',
        email,
        phone,
        address: x.address ?? null,
        jurisdiction: jurisdiction.toUpperCase(),
        elements: (x.elements ?? []) as ElementId[],
        flags: { minor: x.flags?.minor ?? false, deceased: x.flags?.deceased ?? false, noContact: x.flags?.noContact ?? false },
      });
    });
    return this.store(p, incidentId, people, 'assessment', report);
  }

  private async store(p: Principal, incidentId: string, people: Person[], source: string, report: ImportReport): Promise<ImportReport> {
    const at = this.now().toISOString();
    const rows: PersonRow[] = [];
    const seen = new Set<string>();
    for (const person of people) {
      const row = this.encryptPerson(incidentId, person, source, at);
      if (seen.has(row.dedupe_key)) {
        report.duplicates++;
        continue;
      }
      seen.add(row.dedupe_key);
      rows.push(row);
    }
    const inserted = await this.people.insertMany(rows);
    report.duplicates += rows.length - inserted;
    report.imported = inserted;
    report.byJurisdiction = await this.people.countsByJurisdiction(incidentId);
    await this.deps.audit.record({
      actor: actorOf(p),
      action: 'people.import',
      subjectType: 'incident',
      subjectId: incidentId,
      incidentId,
      after: { source, rows: report.rows, imported: report.imported, duplicates: report.duplicates, rejected: report.rejected.length },
    });
    return report;
  }

  maskPerson(person: Person) {
    return {
      name: maskName(person.name),
      email: maskEmail(person.email),
      phone: maskPhone(person.phone),
      jurisdiction: person.jurisdiction,
      elements: person.elements,
      flags: person.flags,
      hasPostal: !!person.address?.line1,
    };
  }

  async listPeople(p: Principal, incidentId: string, after = '', limit = 100): Promise<{ items: MaskedPerson[]; next: string | null }> {
    await this.deps.access.assertCanRead(p, incidentId);
    const rows = await this.people.page(incidentId, after, limit);
    const items = rows.map((r) => ({ id: r.id, ...this.maskPerson(this.decryptPerson(r)), state: r.state, stateChannel: r.state_channel, stateAt: r.state_at }));
    return { items, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
  }

  /** People per jurisdiction, the `population` input of the obligation engine (service-to-service, no principal). */
  async countsByJurisdiction(incidentId: string): Promise<Record<string, number>> {
    return this.people.countsByJurisdiction(incidentId);
  }

  /** The same counts for a caller who must be able to read the incident. */
  async countsFor(p: Principal, incidentId: string): Promise<Record<string, number>> {
    await this.deps.access.assertCanRead(p, incidentId);
    return this.people.countsByJurisdiction(incidentId);
  }

  // ------------------------------------------------------------------ drafting and workflow

  pickRule(kind: NoticeKind, jurisdiction: string, ruleId?: string): Rule | null {
    const rules = this.rules();
    if (ruleId) {
      const r = rules.find((x) => x.id === ruleId);
      if (!r) throw new BadInputError(`no rule ${ruleId}`);
      return r;
    }
    if (kind === 'substitute') return null;
    const day = this.now().toISOString().slice(0, 10);
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
      const rows = await this.people.page(incidentId, after, 1000);
      for (const r of rows) {
        if (kind !== 'individual' || inAudience(jurisdiction, r.jurisdiction)) for (const e of this.decryptPerson(r).elements) els.add(e);
      }
      if (rows.length < 1000) break;
      after = rows[rows.length - 1]!.id;
    }
    return [...els].sort();
  }

  async draft(p: Principal, body: { incidentId: string; recipient: string; jurisdiction: string; ruleId?: string; inputs?: unknown; elements?: ElementId[] }): Promise<NoticeView> {
    await this.deps.access.assertCanWrite(p, body.incidentId);
    const kind = KIND_OF_RECIPIENT[body.recipient];
    if (!kind) throw new BadInputError(`recipient must be one of: ${Object.keys(KIND_OF_RECIPIENT).join(', ')}`);
    const jurisdiction = body.jurisdiction.trim().toUpperCase();
    const rule = this.pickRule(kind, jurisdiction, body.ruleId);
    const inputs = parseInputs(body.inputs ?? {});
    const elements = body.elements ?? (await this.audienceElements(body.incidentId, kind, jurisdiction));
    const counts = await this.people.countsByJurisdiction(body.incidentId);
    const withCounts = withDefaults(inputs, counts, jurisdiction, this.now());
    const d = draftNotice(kind, jurisdiction, rule, withCounts, elements);
    const at = this.now().toISOString();
    const id = randomUUID();
    await this.notices.insert(
      {
        id,
        incident_id: body.incidentId,
        kind,
        recipient: RECIPIENT_OF_KIND[kind],
        jurisdiction,
        rule_ids: JSON.stringify(rule ? [rule.id] : []),
        status: 'draft',
        current_version: 1,
        inputs_json: JSON.stringify({ inputs: withCounts, elements }),
        created_by: p.userId,
        created_at: at,
        updated_at: at,
        send_requested_at: null,
        materialized_at: null,
      },
      { notice_id: id, version: 1, rendered_json: JSON.stringify(d.rendered), content_hash: d.contentHash, problems_json: JSON.stringify(d.problems), created_by: p.userId, created_at: at, approved_at: null },
    );
    await this.deps.audit.record({ actor: actorOf(p), action: 'notice.draft', subjectType: 'notice', subjectId: id, incidentId: body.incidentId, after: { kind, jurisdiction, rule: rule?.id ?? null, version: 1, contentHash: d.contentHash, problems: d.problems.length } });
    return this.view(p, id);
  }

  async revise(p: Principal, id: string, body: { inputs?: unknown; elements?: ElementId[] }): Promise<NoticeView> {
    const n = await this.mustGet(p, id, true);
    if (!['draft', 'review'].includes(n.status)) throw new HttpError(409, `notice ${id} is ${n.status}: an approved notice cannot change; draft a new one`);
    const prev = JSON.parse(n.inputs_json) as { inputs: DraftInputsParsed; elements: ElementId[] };
    const inputs = parseInputs({ ...prev.inputs, ...((body.inputs as object) ?? {}) });
    const elements = body.elements ?? prev.elements;
    const rule = this.ruleOf(n);
    const d = draftNotice(n.kind as NoticeKind, n.jurisdiction, rule, inputs, elements);
    const at = this.now().toISOString();
    const version = n.current_version + 1;
    const ok = await this.notices.addVersion(id, { notice_id: id, version, rendered_json: JSON.stringify(d.rendered), content_hash: d.contentHash, problems_json: JSON.stringify(d.problems), created_by: p.userId, created_at: at, approved_at: null }, JSON.stringify({ inputs, elements }), at);
    if (!ok) throw new HttpError(409, `notice ${id} changed meanwhile; reload and try again`);
    await this.deps.audit.record({ actor: actorOf(p), action: 'notice.revise', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { version, contentHash: d.contentHash, problems: d.problems.length } });
    return this.view(p, id);
  }

  private ruleOf(n: NoticesTable): Rule | null {
    const ids = JSON.parse(n.rule_ids) as string[];
    return ids[0] ? (this.rules().find((r) => r.id === ids[0]) ?? null) : null;
  }

  private async mustGet(p: Principal, id: string, write = false): Promise<NoticesTable> {
    const n = await this.notices.get(id);
    if (!n) throw new NotFoundError('notice');
    try {
      if (write) await this.deps.access.assertCanWrite(p, n.incident_id);
      else await this.deps.access.assertCanRead(p, n.incident_id);
    } catch (e) {
      // A notice of an incident the caller cannot see does not exist for them.
      if (e instanceof NotFoundError) throw new NotFoundError('notice');
      throw e;
    }
    return n;
  }

  async view(p: Principal, id: string): Promise<NoticeView> {
    const n = await this.mustGet(p, id);
    const v = (await this.notices.version(id, n.current_version))!;
    const approvals = await this.notices.approvals(id, n.current_version);
    return {
      id,
      incidentId: n.incident_id,
      kind: n.kind as NoticeKind,
      recipient: n.recipient,
      jurisdiction: n.jurisdiction,
      ruleIds: JSON.parse(n.rule_ids),
      status: n.status,
      version: n.current_version,
      contentHash: v.content_hash,
      approvedAt: v.approved_at,
      approvals: approvals.map((a) => ({ capacity: a.capacity, userName: a.user_name, approvedAt: a.approved_at })),
      problems: JSON.parse(v.problems_json),
      rendered: JSON.parse(v.rendered_json),
      inputs: (JSON.parse(n.inputs_json) as { inputs: DraftInputsParsed }).inputs,
    };
  }

  async list(p: Principal, incidentId: string): Promise<Omit<NoticeView, 'rendered' | 'inputs'>[]> {
    await this.deps.access.assertCanRead(p, incidentId);
    const out = [];
    for (const n of await this.notices.listForIncident(incidentId)) {
      const { rendered: _r, inputs: _i, ...rest } = await this.view(p, n.id);
      out.push(rest);
    }
    return out;
  }

  async preview(p: Principal, id: string, format: 'text' | 'html' | 'pdf'): Promise<{ body: string | Buffer; type: string }> {
    const v = await this.view(p, id);
    const sample = { name: 'Jane Sample', address: '1 Sample Street\nSampletown' };
    if (format === 'html') return { body: renderHtml(v.rendered, sample), type: 'text/html; charset=utf-8' };
    if (format === 'pdf') return { body: renderPdf({ letters: [pdfBlocks(v.rendered, sample)] }), type: 'application/pdf' };
    return { body: renderText(v.rendered, sample), type: 'text/plain; charset=utf-8' };
  }

  /** Moves a draft to review (optional: the first approval does it too). */
  async submit(p: Principal, id: string): Promise<NoticeView> {
    const n = await this.mustGet(p, id, true);
    if (!(await this.notices.setStatus(id, ['draft'], 'review', this.now().toISOString()))) throw new HttpError(409, `notice ${id} is ${n.status}, not draft`);
    await this.deps.audit.record({ actor: actorOf(p), action: 'notice.submit', subjectType: 'notice', subjectId: id, incidentId: n.incident_id });
    return this.view(p, id);
  }

  /**
   * Approval needs a legal member (org role `legal`, or incident role legal_counsel/dpo) AND the
   * incident commander, two different people, each on their own credentials. A draft with any
   * problem is refused, naming each missing item.
   */
  async approve(p: Principal, id: string): Promise<NoticeView> {
    const n = await this.mustGet(p, id);
    if (!['draft', 'review'].includes(n.status)) throw new HttpError(409, `notice ${id} is already ${n.status}`);
    const v = (await this.notices.version(id, n.current_version))!;
    const problems = JSON.parse(v.problems_json) as DraftResult['problems'];
    if (problems.length) {
      throw new HttpError(422, `cannot approve notice ${id} v${v.version}: ${problems.map((x) => x.message).join('; ')}`);
    }
    const role = await incidentRoleOf(this.deps.db as unknown as Kysely<IncidentsDatabase>, p, n.incident_id);
    const existing = await this.notices.approvals(id, v.version);
    const isCommander = role === 'commander';
    const isLegalMember = role !== null && (p.roles.includes('legal') || role === 'legal_counsel' || role === 'dpo');
    const has = (c: string) => existing.some((a) => a.capacity === c);
    let capacity: 'commander' | 'legal' | null = null;
    if (isCommander && !has('commander')) capacity = 'commander';
    else if (isLegalMember && !has('legal')) capacity = 'legal';
    if (!capacity) {
      if (!isCommander && !isLegalMember) throw new ForbiddenError('approving a notice needs a legal member of the incident or its commander');
      throw new HttpError(409, 'your approval is already recorded; the other approver must approve');
    }
    if (existing.some((a) => a.user_id === p.userId)) throw new HttpError(409, 'the legal and the commander approvals must come from two different people');
    const at = this.now().toISOString();
    const r = await this.notices.approve({ notice_id: id, version: v.version, capacity, user_id: p.userId, user_name: p.username, content_hash: v.content_hash, approved_at: at }, ['legal', 'commander']);
    await this.deps.audit.record({ actor: actorOf(p), action: 'notice.approve', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { capacity, version: v.version, contentHash: v.content_hash, approved: r.approved, satisfies: JSON.parse(n.rule_ids) } });
    return this.view(p, id);
  }

  // ------------------------------------------------------------------ campaign

  /** Starts delivery of an approved individual notice: builds the outbox (idempotent), then queues it. */
  async requestSend(p: Principal, id: string, enqueue: (noticeId: string) => Promise<void>): Promise<NoticeStatus> {
    const n = await this.mustGet(p, id, true);
    if (n.kind !== 'individual') throw new BadInputError(`notice ${id} is a ${n.kind} notice: download it (preview --format pdf) and submit it; only individual notices are mailed`);
    if (!['approved', 'sending', 'sent'].includes(n.status)) throw new HttpError(409, `notice ${id} is ${n.status}: it needs the legal and commander approvals first`);
    if (!this.deps.mailer) throw new FailedError('e-mail is not configured: set BREACHDESK_SMTP_URL (smtp://user:pass@host:port) and BREACHDESK_MAIL_FROM');
    const at = this.now().toISOString();
    if (n.status === 'approved') {
      await this.notices.setStatus(id, ['approved'], 'sending', at, { send_requested_at: at });
      await this.deps.audit.record({ actor: actorOf(p), action: 'notice.send', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { version: n.current_version } });
    }
    await this.materialize(id);
    await enqueue(id);
    return this.status(p, id);
  }

  /** One outbox row per person in the audience. Safe to repeat after a crash (unique per person). */
  async materialize(noticeId: string): Promise<number> {
    const n = (await this.notices.get(noticeId))!;
    if (n.materialized_at) return 0;
    const at = this.now().toISOString();
    let after = '';
    let added = 0;
    for (;;) {
      const people = await this.people.page(n.incident_id, after, 1000);
      const rows: OutboxRow[] = [];
      for (const person of people) {
        if (!inAudience(n.jurisdiction, person.jurisdiction) || person.no_contact) continue;
        const email = person.has_email === 1;
        rows.push({
          id: randomUUID(),
          notice_id: noticeId,
          version: n.current_version,
          person_id: person.id,
          channel: email ? 'email' : 'postal',
          state: email ? 'queued' : person.has_postal ? 'postal' : 'failed',
          message_id: messageIdFor(noticeId, n.current_version, person.id, this.deps.mailFrom),
          attempts: 0,
          next_attempt_at: at,
          lease_owner: null,
          lease_until: null,
          last_code: null,
          last_error: email || person.has_postal ? null : 'no usable e-mail or postal address (substitute notice needed)',
          sent_at: null,
          created_at: at,
          updated_at: at,
        });
      }
      for (let i = 0; i < rows.length; i += 500) added += await this.outbox.insertMany(rows.slice(i, i + 500));
      if (people.length < 1000) break;
      after = people[people.length - 1]!.id;
    }
    await this.notices.update(noticeId, { materialized_at: at });
    return added;
  }

  async status(p: Principal | null, id: string): Promise<NoticeStatus> {
    const n = p ? await this.mustGet(p, id) : (await this.notices.get(id))!;
    const c = await this.outbox.countsByState(id);
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    let suppressed = 0;
    if (n.kind === 'individual') {
      for (const [j, count] of Object.entries(await this.people.noContactByJurisdiction(n.incident_id))) if (inAudience(n.jurisdiction, j)) suppressed += count;
    }
    const counts = { queued: c.queued ?? 0, sending: c.sending ?? 0, sent: c.sent ?? 0, failed: c.failed ?? 0, bounced: c.bounced ?? 0, postal: c.postal ?? 0, printed: c.printed ?? 0, returned: c.returned ?? 0 };
    return { id, status: n.status, counts, total, suppressed, settled: n.materialized_at !== null && counts.queued === 0 && counts.sending === 0 };
  }

  /** Builds a deliverer over this store (the job handler and the crash-test worker use it). */
  deliverer(mail: MailPort, opts: DeliveryOptions = {}): OutboxDeliverer {
    return new OutboxDeliverer(this.outbox, mail, this.mailRenderer(), { ...this.deps.delivery, ...opts });
  }

  /** Renders one outbox row: the approved version's content, filled for its recipient. */
  mailRenderer(): RenderMail {
    const versions = new Map<string, RenderedNotice>();
    // People of the claimed batches, loaded once per batch (bounded: dropped when used).
    const people = new Map<string, PersonRow>();
    const render: RenderMail = async (row) => {
      const key = `${row.notice_id}:${row.version}`;
      let rendered = versions.get(key);
      if (!rendered) {
        const v = await this.notices.version(row.notice_id, row.version);
        if (!v?.approved_at) throw new Error(`notice ${row.notice_id} v${row.version} is not approved`);
        rendered = JSON.parse(v.rendered_json) as RenderedNotice;
        versions.set(key, rendered);
      }
      const pr = people.get(row.person_id) ?? (await this.people.byId(row.person_id));
      people.delete(row.person_id);
      if (!pr) return null;
      const person = this.decryptPerson(pr);
      if (!person.email) return null;
      const r = { name: recipientName(person), address: addressLines(person) };
      return {
        from: this.deps.mailFrom,
        to: person.email,
        subject: rendered.subject,
        text: renderText(rendered, r),
        html: renderHtml(rendered, r),
        messageId: row.message_id,
        // RFC 3834: automated message; the notice id lets bounces be matched back.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Breachdesk-Notice': row.notice_id },
      };
    };
    render.prefetch = async (rows) => {
      for (const p of await this.people.byIds(rows.map((r) => r.person_id))) people.set(p.id, p);
    };
    return render;
  }

  /**
   * The delivery job: (re)materialises, sends what is due, waits for near retries, and hands far
   * ones (backoff of minutes to hours) back to the queue with `reschedule`; closes the campaign
   * when every row is settled.
   */
  async runDelivery(noticeId: string, opts: { signal?: AbortSignal; reschedule?: (at: Date) => Promise<void>; mail?: MailPort } = {}): Promise<DrainResult> {
    const factory = this.deps.mailer;
    if (!opts.mail && !factory) throw new FailedError('e-mail is not configured: set BREACHDESK_SMTP_URL');
    await this.materialize(noticeId);
    const mail = opts.mail ?? factory!();
    const total: DrainResult = { sent: 0, retried: 0, failed: 0, bounced: 0 };
    try {
      const d = this.deliverer(mail);
      for (;;) {
        const r = await d.drain({ noticeId, signal: opts.signal });
        total.sent += r.sent;
        total.retried += r.retried;
        total.failed += r.failed;
        total.bounced += r.bounced;
        if (opts.signal?.aborted) return total;
        const due = await this.outbox.nextDue(noticeId);
        if (!due) break;
        const wait = due.getTime() - this.now().getTime();
        if (wait > 30_000 && opts.reschedule) {
          await opts.reschedule(due);
          return total;
        }
        await new Promise((res) => setTimeout(res, Math.max(50, Math.min(wait, 30_000))));
      }
      await this.finish(noticeId);
      return total;
    } finally {
      if (!opts.mail) await mail.close();
    }
  }

  /** Marks a settled campaign sent and records per-person states. */
  async finish(noticeId: string): Promise<void> {
    const n = (await this.notices.get(noticeId))!;
    await this.outbox.applyToPeople(noticeId, this.now());
    if (await this.notices.setStatus(noticeId, ['sending'], 'sent', this.now().toISOString())) {
      const s = await this.status(null, noticeId);
      await this.deps.audit.record({ actor: { type: 'system', id: null, name: 'notices' }, action: 'notice.sent', subjectType: 'notice', subjectId: noticeId, incidentId: n.incident_id, after: s.counts });
    }
  }

  private async applyPersonState(r: OutboxRow): Promise<void> {
    const map: Record<string, string> = { sent: 'notified', printed: 'notified', bounced: 'bounced', returned: 'returned', failed: 'failed' };
    const state = map[r.state];
    if (state) await this.people.setState(r.person_id, state, r.channel, r.sent_at ?? r.updated_at);
  }

  // ------------------------------------------------------------------ postal, results, proof

  async postalBatch(p: Principal, id: string, format: 'csv' | 'pdf'): Promise<{ body: string | Buffer; type: string; count: number }> {
    const n = await this.mustGet(p, id);
    const v = (await this.notices.version(id, n.current_version))!;
    if (!v.approved_at) throw new HttpError(409, `notice ${id} is not approved`);
    const rendered = JSON.parse(v.rendered_json) as RenderedNotice;
    const rows = (await this.outbox.listForNotice(id, 'postal', '', 1_000_000)).filter((r) => r.state === 'postal');
    const people = new Map((await this.people.byIds(rows.map((r) => r.person_id))).map((x) => [x.id, x]));
    if (format === 'csv') {
      const lines = ['letter_id,name,address_line1,address_line2,city,region,postal_code,country,content_hash'];
      for (const r of rows) {
        const person = this.decryptPerson(people.get(r.person_id)!);
        const a = person.address;
        lines.push([r.id, recipientName(person), a?.line1, a?.line2, a?.city, a?.region, a?.postalCode, a?.country, v.content_hash].map(csvField).join(','));
      }
      return { body: `${lines.join('\n')}\n`, type: 'text/csv; charset=utf-8', count: rows.length };
    }
    const letters = rows.map((r) => {
      const person = this.decryptPerson(people.get(r.person_id)!);
      return pdfBlocks(rendered, { name: recipientName(person), address: addressLines(person) });
    });
    return { body: renderPdf({ letters }), type: 'application/pdf', count: rows.length };
  }

  /**
   * Imports bounce reports or print-vendor results (CSV). Columns: `message_id` or `letter_id`
   * (the outbox row id from the postal batch), and `status`: bounced | delivered | mailed |
   * printed | returned | failed; optional `date`.
   */
  async importResults(p: Principal, id: string, csv: Buffer): Promise<{ rows: number; updated: number; unknown: number }> {
    const n = await this.mustGet(p, id, true);
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
    for (const row of t.rows) {
      const state = STATES[(row[st] ?? '').toLowerCase().replace(/[^a-z]/g, '')];
      let r: OutboxRow | undefined;
      if (mid >= 0 && row[mid]) {
        const m = row[mid]!.trim();
        r = await this.outbox.byMessageId(m.startsWith('<') ? m : `<${m}>`);
      } else if (lid >= 0 && row[lid]) r = await this.outbox.byId(row[lid]!.trim());
      if (!r || r.notice_id !== id || !state) {
        unknown++;
        continue;
      }
      const when = dt >= 0 && row[dt] && !Number.isNaN(Date.parse(row[dt]!)) ? new Date(row[dt]!) : this.now();
      await this.outbox.setState(r.id, state as never, when, state === 'bounced' || state === 'returned' ? `reported ${row[st]}` : null);
      await this.applyPersonState({ ...r, state, sent_at: state === 'printed' ? when.toISOString() : r.sent_at, updated_at: when.toISOString() });
      updated++;
    }
    await this.deps.audit.record({ actor: actorOf(p), action: 'notice.results-import', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { rows: t.rows.length, updated, unknown } });
    return { rows: t.rows.length, updated, unknown };
  }

  /**
   * Proof of notice: who, when, channel, content hash, Message-ID; CSV. Recipients are masked
   * unless `unmask` is asked by a role allowed to see personal data (legal, commander), which
   * is audited (DESIGN.md §4).
   */
  async exportProof(p: Principal, id: string, unmask = false): Promise<string> {
    const n = await this.mustGet(p, id);
    if (unmask && !canUnmask(p)) throw new ForbiddenError(`unmasked recipients need the role ${canUnmask.description}`);
    const v = (await this.notices.version(id, n.current_version))!;
    const approvals = await this.notices.approvals(id, n.current_version);
    const lines = [
      `# notice ${id} v${v.version} (${n.kind}, ${n.jurisdiction}); satisfies ${JSON.parse(n.rule_ids).join(' ') || '-'}; content sha256 ${v.content_hash}; approved ${approvals.map((a) => `${a.capacity}:${a.user_name}@${a.approved_at}`).join(' ')}`,
      'person_id,recipient,channel,state,at,message_id,content_hash,attempts,last_code',
    ];
    let after = '';
    for (;;) {
      const rows = await this.outbox.listForNotice(id, undefined, after, 1000);
      const people = new Map((await this.people.byIds(rows.map((r) => r.person_id))).map((x) => [x.id, x]));
      for (const r of rows) {
        const pr = people.get(r.person_id);
        const person = pr ? this.decryptPerson(pr) : null;
        const who = unmask ? (r.channel === 'email' ? person?.email : person?.name) : r.channel === 'email' ? maskEmail(person?.email ?? null) : maskName(person?.name ?? '');
        lines.push([r.person_id, who, r.channel, r.state, r.sent_at ?? '', r.message_id, v.content_hash, r.attempts, r.last_code ?? ''].map(csvField).join(','));
      }
      if (rows.length < 1000) break;
      after = rows[rows.length - 1]!.id;
    }
    await this.deps.audit.record({ actor: actorOf(p), action: 'notice.export-proof', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { unmasked: unmask } });
    return `${lines.join('\n')}\n`;
  }

  /** Per obligation (rule): people reached by channel, first and last time. */
  async tracking(p: Principal, incidentId: string) {
    await this.deps.access.assertCanRead(p, incidentId);
    const out: { ruleId: string; noticeId: string; kind: string; status: string; reached: Record<string, { count: number; first: string | null; last: string | null }>; pending: number; failed: number }[] = [];
    for (const n of await this.notices.listForIncident(incidentId)) {
      const reached: Record<string, { count: number; first: string | null; last: string | null }> = {};
      let pending = 0;
      let failed = 0;
      let after = '';
      for (;;) {
        const rows = await this.outbox.listForNotice(n.id, undefined, after, 5000);
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

function named(headers: string[], mapping: Record<string, number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(mapping)) if (v !== undefined) out[k] = headers[v]!;
  return out;
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
