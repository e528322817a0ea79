/**
 * Obligations inside an incident (issue 5 §6): the engine's answer becomes tracked items
 * (pending / in progress / done / not required with reason) that survive recomputation.
 * Recomputed whenever the assessment, awareAt or a decision changes (the composition root
 * calls `recompute` from those events), and on demand.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/schema.js';
import { BadInputError } from '../../platform/errors.js';
import { NotFoundError } from '../../platform/http/problem.js';
import { computeObligations } from '../engine.js';
import type { Obligation, ObligationsResult } from '../obligations.schema.js';
import type { Rule } from '../rule.schema.js';
import { ObligationDeadlines } from './deadlines.js';
import { type DeemedTracking, deemedState, settleDeemed } from './deemed.service.js';
import { type FactOverrides, type FactsSources, IncidentFactsService } from './facts.service.js';
import type { OrgProfileService } from './org-profile.service.js';
import { TrackingRepository } from './tracking.repository.js';
import { type IncidentObligationsTable, type MetRecord, metOf } from './tracking.tables.js';

export const TRACKED_STATUSES = ['pending', 'in_progress', 'done', 'not_required'] as const;
export type TrackedStatus = (typeof TRACKED_STATUSES)[number];

export interface TrackedObligation extends Obligation {
  itemId: string;
  /**
   * Belongs in the owed table: required or `review`, and still open (issue 20 §1 — a review row is
   * owed until a person settles its questions; it never sinks into "not required").
   */
  owed: boolean;
  status: TrackedStatus;
  statusReason: string | null;
  /** How it was met (issue 20 §4), null while open. */
  met: MetRecord | null;
  /**
   * The answer's `satisfiedBy` as tracked: met by the notice the state law deems to satisfy it, or
   * still owed with the notice that would (tracking/deemed.service.ts). Absent without a clause.
   */
  deemedCompliance?: DeemedTracking;
  updatedAt: string;
}

export interface IncidentObligations {
  incidentId: string;
  computedAt: string | null;
  asOf: string | null;
  severity: ObligationsResult['severity'] | null;
  nextDeadline: { id: string; deadline: string } | null;
  incidentClosed: boolean;
  uncovered: string[];
  unknownResidence: number;
  warnings: string[];
  items: TrackedObligation[];
}

const requiredText = (r: Obligation['required']) => String(r);
/** Times a recompute reads the facts again because a change of the incident committed meanwhile. */
const MAX_STALE_RETRIES = 3;

export class ObligationTrackingService {
  private readonly repo: TrackingRepository;
  /** The facts the engine reads (incident, profile, people, decisions, overrides). */
  readonly facts: IncidentFactsService;
  /** Open deadlines across incidents (lists, countdowns, /metrics). */
  readonly deadlines: ObligationDeadlines;

  constructor(
    db: Kysely<Database>,
    private readonly audit: AuditService,
    private readonly rules: () => Rule[],
    profile: OrgProfileService,
    sources: FactsSources,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new TrackingRepository(db);
    this.facts = new IncidentFactsService(db, audit, profile, sources);
    this.deadlines = new ObligationDeadlines(db);
  }

  /** Sets the facts a person gives (validated, audited with the reason) and recomputes. */
  async setOverrides(incidentId: string, input: unknown, actor: Actor): Promise<FactOverrides> {
    const overrides = await this.facts.save(incidentId, input, actor);
    await this.recompute(incidentId, actor);
    return overrides;
  }

  /** Runs the engine and reconciles tracked items, keeping human status where it still applies. */
  async recompute(incidentId: string, actor: Actor, attempt = 0): Promise<IncidentObligations> {
    // The time is taken before the facts are read: computed_at must not be later than the facts it
    // was computed from, or a recompute that read them just before a change (a background job)
    // and wrote just after would look fresher than the change, and reads would serve it stale.
    const now = this.now();
    // That alone misses a change whose transaction had written its audit event (stamped earlier
    // than `now`) but not yet committed when the facts were read: the recompute then waited for it
    // at the audit head and wrote an answer from the facts before it, stamped later than the
    // change, so it looked fresh and stayed (a trigger's job runs 500 ms after the change, sooner
    // than a slow commit). The incident's newest visible event is read before the facts and again
    // once the head is held; if a change committed in between, the facts are read again.
    const seenSeq = await this.audit.latestSeq(incidentId);
    const facts = await this.facts.buildFacts(incidentId);
    const result = computeObligations(facts, this.rules(), now);
    const iso = now.toISOString();
    const stale = await this.repo.transaction(async (repo, trx) => {
      // The audit head first, then the rows: a regulator submission locks the head (its event) and
      // then the obligation it meets; rows first here was the opposite order, a deadlock on
      // PostgreSQL (AuditService.lockHead; test/e2e/api/obligations-lock-order.test.ts).
      await this.audit.lockHead(trx);
      // Bounded: a busy incident still gets an answer; its next read recomputes (ensureFresh).
      if (attempt < MAX_STALE_RETRIES && (await this.audit.latestSeq(incidentId, trx)) > seenSeq) return true;
      const existing = await repo.obligations(incidentId);
      const byKey = new Map(existing.map((r) => [`${r.rule_id}|${r.jurisdiction}`, r]));
      const seen = new Set<string>();
      for (const ob of result.obligations) {
        const key = `${ob.id}|${ob.jurisdiction}`;
        seen.add(key);
        const prev = byKey.get(key);
        const auto = ob.required === false ? { status: 'not_required', reason: ob.why } : null;
        if (!prev) {
          await repo.insertObligationOnce({
            id: randomUUID(),
            incident_id: incidentId,
            rule_id: ob.id,
            jurisdiction: ob.jurisdiction,
            recipient: ob.recipient,
            required: requiredText(ob.required),
            deadline: ob.deadline,
            status: auto?.status ?? 'pending',
            status_reason: auto?.reason ?? null,
            obligation_json: JSON.stringify(ob),
            created_at: iso,
            updated_at: iso,
          });
          continue;
        }
        // The engine decides between "required" and "not required"; people decide progress. The
        // status is written only when the engine changes it, and only if no one changed it since
        // it was read (setStatusIf): otherwise the engine's answer is written and the status kept.
        const flip =
          ob.required === false && (prev.status === 'pending' || prev.status === 'in_progress')
            ? { status: 'not_required', status_reason: ob.why }
            : ob.required !== false && prev.status === 'not_required' && prev.required === 'false'
              ? { status: 'pending', status_reason: null }
              : null;
        await repo.updateObligation(prev.id, { required: requiredText(ob.required), deadline: ob.deadline, recipient: ob.recipient, obligation_json: JSON.stringify(ob), updated_at: iso });
        if (flip) await repo.setStatusIf(prev.id, prev.status, { ...flip, updated_at: iso });
      }
      for (const r of existing) {
        if (seen.has(`${r.rule_id}|${r.jurisdiction}`) || r.status === 'not_required') continue;
        await repo.setStatusIf(r.id, r.status, { status: 'not_required', status_reason: 'no longer produced by the rules after the facts changed', updated_at: iso });
      }
      // Deemed compliance follows the items just written: a clause that now holds (or no longer does).
      await settleDeemed(repo, trx, this.audit, incidentId, actor, iso);
      const row = { facts_json: JSON.stringify(facts), result_json: JSON.stringify(result), computed_at: iso, next_deadline: result.nextDeadline?.deadline ?? null };
      await repo.saveComputation(incidentId, row);
      const count = (v: Obligation['required']) => result.obligations.filter((o) => o.required === v).length;
      await this.audit.record(
        {
          actor,
          action: 'obligations.recomputed',
          subjectType: 'incident',
          subjectId: incidentId,
          incidentId,
          after: { required: count(true), review: count('review'), notRequired: count(false), nextDeadline: result.nextDeadline, uncovered: result.uncovered },
        },
        trx,
      );
      return false;
    });
    if (stale) return this.recompute(incidentId, actor, attempt + 1);
    return this.list(incidentId);
  }

  async list(incidentId: string): Promise<IncidentObligations> {
    // Countdowns stop on a closed incident (issue 20 §5): no next deadline is announced.
    const [facts, rows, incidentClosed] = await Promise.all([this.repo.facts(incidentId), this.repo.obligationsByDeadline(incidentId), this.repo.incidentClosed(incidentId)]);
    const result = facts?.result_json ? (JSON.parse(facts.result_json) as ObligationsResult) : null;
    const items = rows.map((r) => toTracked(r, rows));
    // Open items with a deadline first, soonest first; then the rest.
    items.sort((a, b) => rank(a) - rank(b) || (a.deadline ?? '~').localeCompare(b.deadline ?? '~') || a.id.localeCompare(b.id));
    const open = items.filter((i) => i.status !== 'done' && i.status !== 'not_required' && i.deadline);
    const next = open.reduce<TrackedObligation | null>((m, i) => (!m || i.deadline! < m.deadline! ? i : m), null);
    return {
      incidentId,
      computedAt: facts?.computed_at ?? null,
      asOf: result?.asOf ?? null,
      severity: result?.severity ?? null,
      nextDeadline: next && !incidentClosed ? { id: next.id, deadline: next.deadline! } : null,
      incidentClosed,
      uncovered: result?.uncovered ?? [],
      unknownResidence: result?.unknownResidence ?? 0,
      warnings: result?.warnings ?? [],
      items,
    };
  }

  async setStatus(incidentId: string, itemId: string, status: TrackedStatus, reason: string | null, actor: Actor): Promise<TrackedObligation> {
    const row = await this.repo.obligation(incidentId, itemId);
    if (!row) throw new NotFoundError('obligation');
    if (status === 'not_required' && !reason?.trim()) throw new BadInputError('reason: marking an obligation not required needs a reason (it is kept for the register)');
    const iso = this.now().toISOString();
    await this.repo.transaction(async (repo, trx) => {
      await this.audit.lockHead(trx);
      await repo.updateObligation(itemId, { status, status_reason: reason, updated_at: iso });
      await this.audit.record(
        { actor, action: 'obligation.status_changed', subjectType: 'obligation', subjectId: itemId, incidentId, before: { status: row.status, reason: row.status_reason }, after: { status, reason, rule: row.rule_id, jurisdiction: row.jurisdiction } },
        trx,
      );
      // Marking a HIPAA notice done (or reopening it) settles the state duties it discharges.
      await settleDeemed(repo, trx, this.audit, incidentId, actor, iso);
    });
    const rows = await this.repo.obligations(incidentId);
    return toTracked(rows.find((r) => r.id === itemId) ?? { ...row, status, status_reason: reason, updated_at: iso }, rows);
  }
}

function rank(i: TrackedObligation): number {
  if (i.status === 'done') return 2;
  if (i.status === 'not_required') return 3;
  return i.deadline ? 0 : 1;
}

/** A stored row as the API shows it; `rows` (the incident's items) decide its deemed-compliance state. */
function toTracked(r: IncidentObligationsTable, rows: readonly IncidentObligationsTable[]): TrackedObligation {
  const ob = JSON.parse(r.obligation_json) as Obligation;
  const status = r.status as TrackedStatus;
  const owed = ob.required !== false && (status === 'pending' || status === 'in_progress');
  const met = metOf(r);
  const deemed = deemedState(ob, rows);
  return { ...ob, itemId: r.id, owed, status, statusReason: r.status_reason, met, ...(deemed ? { deemedCompliance: deemed } : {}), updatedAt: r.updated_at };
}
