/**
 * Obligations met by notices (issue 20 §4): a sent notice, or a regulator submission recorded
 * with its date, channel and reference, marks the tracked obligations of its rules met — on time,
 * or late with the reason — and stops their countdown (status `done`). GDPR Art. 33(1) asks for
 * "the reasons for the delay" of a late notification; a submission recorded late must carry one.
 *
 * A notice closes only the jurisdictions it covers: an individual campaign those of its recipients,
 * a regulator submission the regulator's own. One obligation can span several jurisdictions (the
 * GDPR Art. 34 duty to data subjects is one rule for the whole EEA): it is done when every
 * jurisdiction of the people it counts is covered, and stays open (in progress, partly met) until
 * then — a notice to the people in Germany leaves those in France owed.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/schema.js';
import { BadInputError } from '../../platform/errors.js';
import { NotFoundError } from '../../platform/http/problem.js';
import { type BreachFacts, UNKNOWN_JURISDICTION } from '../facts.schema.js';
import { isWithin } from '../jurisdictions.js';
import type { Obligation } from '../obligations.schema.js';
import { deemedState, settleDeemed } from './deemed.service.js';
import { TrackingRepository } from './tracking.repository.js';
import { type IncidentObligationsTable, type MetRecord, metOf } from './tracking.tables.js';

export type { MetRecord } from './tracking.tables.js';

export interface MetEvent {
  incidentId: string;
  ruleIds: string[];
  at: string;
  noticeId: string;
  channel: string;
  reference?: string | null;
  lateReason?: string | null;
  /** A person records it: a late one without a reason is refused (a campaign finishing is not asked). */
  requireLateReason: boolean;
  /**
   * Jurisdictions the notice covers: its recipients' (individual campaign) or the authority's
   * (regulator submission). Omitted: the whole obligation.
   */
  jurisdictions?: string[];
}

export class ObligationsMetService {
  private readonly repo: TrackingRepository;

  constructor(
    db: Kysely<Database>,
    private readonly audit: AuditService,
  ) {
    this.repo = new TrackingRepository(db);
  }

  private rows(incidentId: string, ruleIds: string[], repo = this.repo): Promise<IncidentObligationsTable[]> {
    return repo.obligationsOfRules(incidentId, ruleIds);
  }

  /** Refuses (400) before anything changes when the event is late and a reason is required but missing. */
  async check(e: MetEvent, repo = this.repo): Promise<void> {
    if (!e.requireLateReason || e.lateReason?.trim()) return;
    for (const r of await this.rows(e.incidentId, e.ruleIds, repo))
      if (r.deadline && e.at > r.deadline)
        throw new BadInputError(`lateReason: ${e.at} is after the deadline of ${r.rule_id} (${r.deadline}); say why the notification is late (GDPR Art. 33(1))`);
  }

  /**
   * What a notice under `ruleId` needs to know about its timing: the earliest deadline of the
   * incident's tracked obligations under that rule, and a late reason already recorded on one.
   */
  async deadline(incidentId: string, ruleId: string): Promise<{ deadline: string | null; lateReason: string | null } | null> {
    const rows = await this.rows(incidentId, [ruleId]);
    if (!rows.length) return null;
    const deadlines = rows.map((r) => r.deadline).filter((d): d is string => !!d).sort();
    const reason = rows.map((r) => metOf(r)?.lateReason).find((x) => !!x) ?? null;
    return { deadline: deadlines[0] ?? null, lateReason: reason };
  }

  /**
   * The incident's tracked duties that a notice under `ruleIds` discharges by deemed compliance
   * (their answer's `satisfiedBy.by` is one of the rules), with the clause's state and label.
   */
  async discharges(incidentId: string, ruleIds: string[]): Promise<{ ruleId: string; jurisdiction: string; recipient: string; state: 'met' | 'pending'; label: string }[]> {
    if (!ruleIds.length) return [];
    const rows = await this.repo.obligations(incidentId);
    const out = [];
    for (const r of rows) {
      const ob = JSON.parse(r.obligation_json) as Obligation;
      const clauses = (ob.satisfiedBy ?? []).filter((c) => c.by !== null && ruleIds.includes(c.by));
      const d = clauses.length ? deemedState({ ...ob, satisfiedBy: clauses }, rows) : null;
      if (d) out.push({ ruleId: r.rule_id, jurisdiction: r.jurisdiction, recipient: r.recipient, state: d.state, label: d.label });
    }
    return out.sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.ruleId.localeCompare(b.ruleId));
  }

  /** Population jurisdictions of the incident's last computation (the people each obligation counts). */
  private async population(incidentId: string, repo = this.repo): Promise<string[]> {
    const r = await repo.facts(incidentId);
    const facts = r?.facts_json ? (JSON.parse(r.facts_json) as Pick<BreachFacts, 'population'>) : null;
    return [...new Set((facts?.population ?? []).map((p) => p.jurisdiction))].filter((j) => j !== UNKNOWN_JURISDICTION);
  }

  /**
   * Marks the obligations of the notice's rules met for the jurisdictions it covers; returns how
   * many tracked items it closed or partly met. Given `trx`, it is part of the caller's change (the
   * notice's status, its rows and this commit together: notices.store.ts `change`).
   */
  async met(e: MetEvent, actor: Actor, trx?: Transaction<Database>): Promise<number> {
    const outer = trx ? new TrackingRepository(trx) : this.repo;
    const iso = new Date().toISOString();
    let touched = 0;
    await outer.transaction(async (repo, trx) => {
      // The audit head before the obligation rows, as every writer of them (AuditService.lockHead);
      // read after it, the rows are not stale either: a notice meeting another part of the same
      // obligation meanwhile has committed, and its coverage is merged, not overwritten.
      await this.audit.lockHead(trx);
      await this.check(e, repo);
      const rows = await this.rows(e.incidentId, e.ruleIds, repo);
      const population = e.jurisdictions ? await this.population(e.incidentId, repo) : [];
      for (const r of rows) {
        const cover = coverage(r, e.jurisdictions, population);
        if (!cover) continue;
        touched++;
        const late = !!r.deadline && e.at > r.deadline;
        const prev = metOf(r);
        const record: MetRecord = {
          at: e.at,
          noticeId: e.noticeId,
          channel: e.channel,
          reference: e.reference ?? null,
          // A part sent late makes the whole duty late; its reason is kept.
          late: late || (prev?.late ?? false),
          lateReason: e.lateReason?.trim() || (late ? null : (prev?.lateReason ?? null)),
          ...(e.jurisdictions ? { covered: cover.covered, remaining: cover.remaining } : {}),
        };
        const done = cover.remaining.length === 0;
        const how = `${e.channel}${record.reference ? ` (${record.reference})` : ''} on ${e.at}`;
        const reason = done
          ? `met by ${how}${record.late ? ` — late${record.lateReason ? `: ${record.lateReason}` : ''}` : ' — on time'}`
          : `met for ${cover.covered.join(', ')} by ${how}; still owed for ${cover.remaining.join(', ')}`;
        const status = done ? 'done' : r.status === 'done' || r.status === 'not_required' ? r.status : 'in_progress';
        await repo.updateObligation(r.id, { status, status_reason: reason, met_json: JSON.stringify(record), updated_at: iso });
        await this.audit.record(
          {
            actor,
            action: done ? 'obligation.met' : 'obligation.partly_met',
            subjectType: 'obligation',
            subjectId: r.id,
            incidentId: e.incidentId,
            before: { status: r.status },
            after: { ...record, rule: r.rule_id, jurisdiction: r.jurisdiction },
          },
          trx,
        );
      }
      // A state duty the law deems met by this notice (a HIPAA notice: RCW 19.255.010 …) is met with it.
      if (touched) await settleDeemed(repo, trx, this.audit, e.incidentId, actor, iso);
    });
    return touched;
  }

  /**
   * Records or corrects, afterwards, why a late obligation was late (GDPR Art. 33(1): "the reasons
   * for the delay"; a campaign that finished late was never asked). Only a late one takes a reason;
   * audited with the reason before and after.
   */
  async setLateReason(incidentId: string, itemId: string, reason: string, actor: Actor): Promise<MetRecord> {
    const text = reason.trim();
    if (!text) throw new BadInputError('reason: say why the notification was late');
    const r = await this.repo.obligation(incidentId, itemId);
    if (!r) throw new NotFoundError('obligation');
    const met = metOf(r);
    if (!met) throw new BadInputError(`obligation ${r.rule_id} is not met yet: a reason for delay is recorded with its notice`);
    if (!met.late) throw new BadInputError(`obligation ${r.rule_id} was met on time: there is no delay to explain`);
    const next: MetRecord = { ...met, lateReason: text };
    const reasonText = r.status === 'done' ? (r.status_reason ?? '').replace(/ — late(: .*)?$/s, '') + ` — late: ${text}` : r.status_reason;
    await this.repo.transaction(async (repo, trx) => {
      await this.audit.lockHead(trx);
      await repo.updateObligation(r.id, { met_json: JSON.stringify(next), status_reason: reasonText, updated_at: new Date().toISOString() });
      await this.audit.record(
        { actor, action: 'obligation.late_reason_set', subjectType: 'obligation', subjectId: r.id, incidentId, before: { lateReason: met.lateReason }, after: { lateReason: text, rule: r.rule_id, jurisdiction: r.jurisdiction } },
        trx,
      );
    });
    return next;
  }

  /** One line per met obligation of each incident, for the breach register (oldest first). */
  async notifications(incidentIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!incidentIds.length) return out;
    const rows = await this.repo.metObligations(incidentIds);
    const lines = rows
      .map((r) => ({ r, m: metOf(r)! }))
      .sort((a, b) => a.m.at.localeCompare(b.m.at))
      .map(({ r, m }) => [
        r.incident_id,
        // A duty met by deemed compliance says by which notice and under which clause (the channel is that notice's).
        `${m.at} ${r.recipient} ${r.jurisdiction} (${r.rule_id})${m.deemed ? ` met by ${m.deemed.by} (${m.deemed.effect === 'exempt' ? 'exempt' : 'deemed compliance'}, ${m.deemed.citation})` : ''} by ${m.channel}${m.reference ? ` ref ${m.reference}` : ''}${m.late ? ` late${m.lateReason ? `: ${m.lateReason}` : ''}` : ' on time'}`,
      ] as const);
    for (const [id, line] of lines) out.set(id, [...(out.get(id) ?? []), line]);
    return out;
  }
}

/**
 * Which jurisdictions of a tracked obligation a notice covers: the people's jurisdictions inside
 * the obligation's area (or the area itself when no one is counted there), each covered when it
 * lies within one of the notice's. Null when the notice covers none of them (not its obligation).
 */
export function coverage(r: Pick<IncidentObligationsTable, 'jurisdiction' | 'met_json'>, noticeJurisdictions: readonly string[] | undefined, population: readonly string[]): { covered: string[]; remaining: string[] } | null {
  if (!noticeJurisdictions) return { covered: [r.jurisdiction], remaining: [] };
  const inArea = population.filter((j) => isWithin(j, r.jurisdiction));
  const needed = inArea.length ? inArea : [r.jurisdiction];
  const before = new Set(metOf(r)?.covered ?? (r.met_json ? needed : []));
  const now = needed.filter((j) => noticeJurisdictions.some((n) => isWithin(j, n)));
  if (now.length === 0) return null;
  const covered = needed.filter((j) => before.has(j) || now.includes(j));
  return { covered, remaining: needed.filter((j) => !covered.includes(j)) };
}
