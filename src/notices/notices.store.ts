/**
 * What the parts of the notices feature share: their dependencies, the repositories, the
 * recipient/kind tables, the audience rule and the access check of a notice.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Recipient, Rule } from '../obligations/rule.schema.js';
import { loadRules } from '../obligations/rules-loader.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Actor, AuditService } from '../platform/audit/audit.service.js';
import type { Dialect } from '../platform/config.js';
import type { Database } from '../platform/db/schema.js';
import { transact } from '../platform/db/transact.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { NotFoundError } from '../platform/http/problem.js';
import type { DeliveryOptions } from './delivery.js';
import type { DraftResult, RenderedNotice } from './drafting.js';
import type { ElectronicNoticeRule } from './electronic-notice.js';
import type { MailPort } from './mailer.js';
import type { DraftInputsParsed } from './notices.schema.js';
import { NoticesRepository } from './notices.repository.js';
import type { NoticesDatabase, NoticesTable } from './notices.tables.js';
import { OutboxRepository } from './outbox.repository.js';
import { PeopleRepository, type PersonRow } from './people.repository.js';
import type { Person } from './people.schema.js';
import { defaultLanguage, type NoticeLanguage, normaliseLanguage, pickLanguage } from './languages.js';
import { addressee } from './templates-i18n.js';
import type { NoticeKind } from './templates.js';
import type { WebhookPort } from './webhook.js';

/** Access to incidents, from the incident workspace (src/incidents/incident-access.ts). */
export interface IncidentAccessPort {
  assertCanRead(p: Principal, incidentId: string): Promise<void>;
  assertCanWrite(p: Principal, incidentId: string): Promise<void>;
  /** The principal's role on the incident (commander, legal_counsel, dpo, …), or null (approvals). */
  incidentRole(p: Principal, incidentId: string): Promise<string | null>;
}

/**
 * The obligation tracker, wired in src/main/modules.ts (issue 20 §4): a sent notice or a recorded
 * submission meets the obligations of its rules. `check` refuses a late one without a reason.
 */
export interface ObligationsMetPort {
  check(e: MetNotice): Promise<void>;
  /** With `trx`, part of the caller's transaction (`NoticesStore.change`). */
  met(e: MetNotice, actor: Actor, trx?: Transaction<Database>): Promise<number>;
  /** The earliest deadline of the incident's tracked obligations under the rule, and a late reason already recorded. */
  deadline?(incidentId: string, ruleId: string): Promise<{ deadline: string | null; lateReason: string | null } | null>;
  /**
   * The incident's tracked duties of other laws that a notice under these rules discharges by deemed
   * compliance (a HIPAA notice for RCW 19.255.010 …), with whether the clause already holds.
   */
  discharges?(incidentId: string, ruleIds: string[]): Promise<DeemedDischarge[]>;
}
/** One state duty a notice discharges by deemed compliance (obligations/tracking/deemed.service.ts). */
export interface DeemedDischarge {
  ruleId: string;
  jurisdiction: string;
  recipient: string;
  state: 'met' | 'pending';
  label: string;
}
export interface MetNotice {
  incidentId: string;
  ruleIds: string[];
  at: string;
  noticeId: string;
  channel: string;
  reference?: string | null;
  lateReason?: string | null;
  requireLateReason: boolean;
  /** Jurisdictions the notice covers (recipients', or the authority's): only theirs are closed. */
  jurisdictions?: string[];
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
  /** Chat webhooks for stakeholder updates (default: HTTP POST, webhook.ts). */
  webhook?: WebhookPort;
  obligations?: ObligationsMetPort;
  /**
   * What drafts start from (issue 20 §6): the organisation profile (name, address, contact, DPO)
   * and the incident (breach and awareness dates, what happened); wired in src/main/modules.ts.
   */
  prefill?: (incidentId: string) => Promise<Partial<DraftInputsParsed>>;
}

export const RECIPIENT_OF_KIND: Record<NoticeKind, Recipient> = {
  individual: 'individuals',
  regulator: 'regulator',
  credit_bureau: 'credit_bureaus',
  substitute: 'individuals',
  media: 'media',
};
export const KIND_OF_RECIPIENT: Record<string, NoticeKind> = {
  individuals: 'individual',
  regulator: 'regulator',
  credit_bureaus: 'credit_bureau',
  'credit-bureaus': 'credit_bureau',
  media: 'media',
  substitute: 'substitute',
  website: 'substitute',
};
export const EEA = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '));

export interface NoticeView {
  id: string;
  incidentId: string;
  kind: NoticeKind;
  recipient: string;
  jurisdiction: string;
  /** The language it is written in (issue 17 §6); individuals get the notice in theirs. */
  language: string;
  ruleIds: string[];
  status: string;
  version: number;
  contentHash: string;
  approvedAt: string | null;
  /** The caller drafted this notice, so cannot approve it (issue 20 §5). */
  draftedByMe: boolean;
  approvals: { capacity: string; userName: string; approvedAt: string }[];
  problems: DraftResult['problems'];
  rendered: RenderedNotice;
  inputs: DraftInputsParsed;
  /**
   * Duties of other laws this notice meets with it, by deemed compliance (a HIPAA notice: the WA
   * consumer notice, RCW 19.255.010): present only when there are some. Added additively.
   */
  alsoMeets?: DeemedDischarge[];
}

export interface NoticeStatus {
  id: string;
  status: string;
  counts: { queued: number; sending: number; sent: number; failed: number; bounced: number; postal: number; printed: number; returned: number };
  total: number;
  suppressed: number;
  /** Of those, people with an e-mail address sent by post (or unreachable) because e-mail needed their consent. */
  emailNotPermitted: { postal: number; failed: number };
  settled: boolean;
}

/** Audience of an individual notice: people of the jurisdiction (EU: the EEA; US: every state). */
export function inAudience(noticeJurisdiction: string, personJurisdiction: string): boolean {
  if (noticeJurisdiction === personJurisdiction) return true;
  if (noticeJurisdiction === 'EU') return EEA.has(personJurisdiction);
  if (noticeJurisdiction === 'US') return personJurisdiction === 'US' || personJurisdiction.startsWith('US-');
  return false;
}

/** A notice's language (stored with its inputs; English before languages existed). */
export function noticeLanguage(n: Pick<NoticesTable, 'inputs_json'>): NoticeLanguage {
  return (JSON.parse(n.inputs_json) as { language?: NoticeLanguage }).language ?? 'en';
}

/**
 * Which individual notice of a jurisdiction a person gets (issue 17 §6): the one in their language
 * (from the import, else their jurisdiction's default), else one in the same primary language,
 * else the English one (languages.ts pickLanguage).
 */
export function receivesNotice(noticeLang: string, available: Iterable<string>, person: Pick<PersonRow, 'language' | 'jurisdiction'>): boolean {
  const lang = normaliseLanguage(person.language) ?? defaultLanguage(person.jurisdiction);
  return pickLanguage(lang, available) === noticeLang;
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

/** Salutation per flags: minors through a parent or guardian, deceased persons through the estate — in the notice's language. */
export function recipientName(p: Person, language: string = 'en'): string {
  const w = addressee(language);
  if (p.flags.minor) return w.minor(p.name || w.holder);
  if (p.flags.deceased) return w.deceased(p.name || w.holder);
  return p.name;
}

/** The repositories of one transaction, and the transaction for the audit record written in it. */
export interface NoticesTx {
  db: Kysely<NoticesDatabase>;
  notices: NoticesRepository;
  outbox: OutboxRepository;
  people: PeopleRepository;
  trx: Transaction<Database>;
}

/** The store every part works on (one per NoticesService). */
export class NoticesStore {
  readonly people: PeopleRepository;
  readonly notices: NoticesRepository;
  readonly outbox: OutboxRepository;
  readonly now: () => Date;
  readonly rules: () => Rule[];

  constructor(readonly deps: NoticesDeps) {
    this.people = new PeopleRepository(deps.db);
    this.notices = new NoticesRepository(deps.db);
    this.outbox = new OutboxRepository(deps.db, deps.dialect);
    this.now = deps.now ?? (() => new Date());
    this.rules = deps.rules ?? loadRules;
  }

  /**
   * Runs a change in one transaction: a notice's status, its rows, its audit record and the
   * obligations it meets commit together or not at all (a crash between them used to leave, say,
   * a notice `submitted` with no submission row and no `notice.submitted` event). Inside `fn`,
   * use only `tx`'s repositories: on SQLite a query on the outer store waits for this transaction.
   */
  change<T>(fn: (tx: NoticesTx) => Promise<T>): Promise<T> {
    return transact(this.deps.db, (trx) =>
      fn({ db: trx, notices: new NoticesRepository(trx), outbox: new OutboxRepository(trx, this.deps.dialect), people: new PeopleRepository(trx), trx: trx as unknown as Transaction<Database> }),
    );
  }

  decryptPerson(row: PersonRow): Person {
    return this.deps.keyring.decryptJson<Person>(row.record_enc, `person:${row.incident_id}`);
  }


  /**
   * When the notice's rule lets e-mail count as notice (rule `electronicNotice`; absent or an
   * unknown rule: `consent`), and whether the incident declared e-mail its primary means.
   */
  async emailRuleOf(n: Pick<NoticesTable, 'rule_ids' | 'incident_id'>): Promise<{ ruleId: string | null; allowed: ElectronicNoticeRule; basis: string; primary: boolean }> {
    const ids = JSON.parse(n.rule_ids) as string[];
    const rule = this.rules().find((r) => ids.includes(r.id) && r.electronicNotice);
    const primary = (await this.notices.emailPrimary(n.incident_id))?.primary_email === 1;
    if (!rule?.electronicNotice) return { ruleId: ids[0] ?? null, allowed: 'consent', basis: 'the notice’s rule does not say when e-mail is notice: e-mail only with consent (the conservative reading)', primary };
    return { ruleId: rule.id, allowed: rule.electronicNotice.allowed, basis: rule.electronicNotice.basis, primary };
  }

  /** Languages of the individual notices of an incident for a jurisdiction (who gets which: receivesNotice). */
  async languagesOf(incidentId: string, jurisdiction: string): Promise<Set<string>> {
    const all = await this.notices.listForIncident(incidentId);
    return new Set(all.filter((x) => x.kind === 'individual' && x.jurisdiction === jurisdiction).map(noticeLanguage));
  }

  async mustGet(p: Principal, id: string, write = false): Promise<NoticesTable> {
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
}
