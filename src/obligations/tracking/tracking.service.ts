/**
 * Obligations inside an incident (issue 5 §6): the engine's answer becomes tracked items
 * (pending / in progress / done / not required with reason) that survive recomputation.
 * Recomputed whenever the assessment, awareAt or a decision changes (the composition root
 * calls `recompute` from those events), and on demand.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/schema.js';
import { BadInputError } from '../../platform/errors.js';
import { NotFoundError } from '../../platform/http/problem.js';
import { computeObligations } from '../engine.js';
import { checkFacts } from '../facts-checks.js';
import { type BreachFacts, breachFactsSchema, breachSchema, type PopulationEntry, riskSchema, strictObject, toFactsJurisdiction } from '../facts.schema.js';
import { describeIssues } from '../obligations.service.js';
import type { Obligation, ObligationsResult } from '../obligations.schema.js';
import type { Rule } from '../rule.schema.js';
import type { MetRecord } from './met.service.js';
import type { OrgProfileService } from './org-profile.service.js';
import type { IncidentObligationsTable, TrackingDatabase } from './tracking.tables.js';

export const TRACKED_STATUSES = ['pending', 'in_progress', 'done', 'not_required'] as const;
export type TrackedStatus = (typeof TRACKED_STATUSES)[number];

export interface IncidentFactsView {
  id: string;
  awareAt: string;
  detectedAt: string | null;
  categories: string[];
}

/** What the engine needs from other features, wired in src/main. */
export interface FactsSources {
  incident(id: string): Promise<IncidentFactsView | null>;
  /** People per jurisdiction and the elements exposed (assessment and imported people). */
  population(id: string): Promise<PopulationEntry[]>;
  /** Recorded decisions, newest last; `gdpr_risk` (unlikely|risk|high) and `no_harm` set risk facts. */
  decisions(id: string): Promise<Array<{ kind: string; value: string | null }>>;
}

/** Every field of a strict object optional, without its default (an override sets only what it names). */
const overridable = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) =>
  strictObject(
    Object.fromEntries(
      Object.entries(schema.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]),
    ) as { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>, z.input<T[K]>>> },
  );

/**
 * Facts a person sets on the incident (all optional; the engine's defaults apply otherwise).
 * Strict: an unknown key is a 400 naming the nearest valid one (issue 13 §7).
 */
export const FactOverridesSchema = strictObject({
  breach: overridable(breachSchema).optional(),
  risk: overridable(riskSchema).optional(),
  severity: breachFactsSchema.shape.severity,
  determinedAt: z.iso.datetime({ offset: true }).optional(),
  materialityDeterminedAt: z.iso.datetime({ offset: true }).optional(),
  classifiedAt: z.iso.datetime({ offset: true }).optional(),
  notifiabilityAssessedAt: z.iso.datetime({ offset: true }).optional(),
  extortionPaidAt: z.iso.datetime({ offset: true }).optional(),
  individualNoticeAt: z.iso.datetime({ offset: true }).optional(),
  regulatorNoticeAt: z.iso.datetime({ offset: true }).optional(),
  hhsNoticeAt: z.iso.datetime({ offset: true }).optional(),
  /** Why the facts changed: kept in the audit event (issue 20 §2). */
  reason: z.string().max(2000).optional(),
});
export type FactOverrides = z.infer<typeof FactOverridesSchema>;

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

export class ObligationTrackingService {
  private readonly db: Kysely<TrackingDatabase>;

  constructor(
    db: Kysely<Database>,
    private readonly audit: AuditService,
    private readonly rules: () => Rule[],
    private readonly profile: OrgProfileService,
    private readonly sources: FactsSources,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = db as unknown as Kysely<TrackingDatabase>;
  }

  async getOverrides(incidentId: string): Promise<FactOverrides> {
    const row = await this.db.selectFrom('incident_facts').select('overrides_json').where('incident_id', '=', incidentId).executeTakeFirst();
    // Rows stored before issue 20 §2 may carry the reason of their last change.
    return row ? withoutReason(JSON.parse(row.overrides_json) as FactOverrides) : {};
  }

  async setOverrides(incidentId: string, input: unknown, actor: Actor): Promise<FactOverrides> {
    const parsed = FactOverridesSchema.safeParse(input);
    if (!parsed.success) throw new BadInputError(`facts.${describeIssues(parsed.error.issues)}`);
    // The same cross-field checks as the CLI, on the facts these overrides would produce; only the
    // problems these overrides introduce are refused (an odd date already on the incident is not
    // theirs, and stays a warning in the answer).
    // The reason belongs to this change (audit trail), not to the facts: it is never stored with them.
    const { reason, ...overrides } = parsed.data;
    const known = new Set(checkFacts(await this.buildFacts(incidentId)).errors);
    const { errors } = checkFacts(await this.buildFacts(incidentId, overrides));
    const added = errors.filter((e) => !known.has(e));
    if (added.length) throw new BadInputError(`facts.${added[0]}`);
    const before = await this.getOverrides(incidentId);
    if (JSON.stringify(withoutReason(before).breach ?? {}) !== JSON.stringify(overrides.breach ?? {}) && !reason?.trim())
      throw new BadInputError('reason: a change of the breach facts needs a reason (it is kept in the audit trail)');
    await this.db.transaction().execute(async (trx) => {
      // Upsert: a recomputation running at the same time may have created the row (PostgreSQL).
      await trx
        .insertInto('incident_facts')
        .values({ incident_id: incidentId, overrides_json: JSON.stringify(overrides), facts_json: null, result_json: null, computed_at: null, next_deadline: null })
        .onConflict((oc) => oc.column('incident_id').doUpdateSet({ overrides_json: JSON.stringify(overrides) }))
        .execute();
      await this.audit.record({ actor, action: 'obligations.facts_updated', subjectType: 'incident', subjectId: incidentId, incidentId, before, after: { ...overrides, reason } }, trx);
    });
    await this.recompute(incidentId, actor);
    return overrides;
  }

  /** Assembles BreachFacts v1 for an incident from its record, the org profile, people and decisions. */
  async buildFacts(incidentId: string, overrides?: FactOverrides): Promise<BreachFacts> {
    const incident = await this.sources.incident(incidentId);
    if (!incident) throw new NotFoundError('incident');
    const [controller, found, decisions, o] = await Promise.all([
      this.profile.get(),
      this.sources.population(incidentId),
      this.sources.decisions(incidentId),
      overrides ?? this.getOverrides(incidentId),
    ]);
    const population = mergePopulation(found);
    const risk: Record<string, unknown> = { ...(o.risk ?? {}) };
    // The decision log is where humans confirm the GDPR risk level (issue 5 §3); the latest wins.
    for (const d of decisions) {
      if (d.kind === 'gdpr_risk' && (d.value === 'unlikely' || d.value === 'risk' || d.value === 'high')) risk.gdpr = d.value;
      if (d.kind === 'no_harm' || d.kind === 'no_harm_determination') risk.noHarmDetermination = d.value !== 'false';
    }
    const types = incident.categories.filter((c) => ['confidentiality', 'integrity', 'availability'].includes(c));
    const built = breachFactsSchema.safeParse({
      version: 1,
      discoveredAt: incident.detectedAt ?? incident.awareAt,
      awareAt: incident.awareAt,
      determinedAt: o.determinedAt,
      materialityDeterminedAt: o.materialityDeterminedAt,
      classifiedAt: o.classifiedAt,
      notifiabilityAssessedAt: o.notifiabilityAssessedAt,
      extortionPaidAt: o.extortionPaidAt,
      individualNoticeAt: o.individualNoticeAt,
      regulatorNoticeAt: o.regulatorNoticeAt,
      hhsNoticeAt: o.hhsNoticeAt,
      controller,
      breach: {
        types: types.length ? types : ['confidentiality'],
        access: true,
        // Unknown until someone says so: acquisition-triggered rules then answer "review".
        acquisition: null,
        encrypted: false,
        // Unknown until someone says so (issue 20 §1): a safe harbour lost with the key answers "review".
        keyCompromised: null,
        malicious: false,
        ...(o.breach ?? {}),
      },
      population,
      risk,
      severity: o.severity,
    });
    // Everything above is validated where it is stored; if a combination still fails, the answer
    // names the field (400), never an unexplained 500.
    if (!built.success) throw new BadInputError(`facts.${describeIssues(built.error.issues)}`);
    return built.data;
  }

  /** Runs the engine and reconciles tracked items, keeping human status where it still applies. */
  async recompute(incidentId: string, actor: Actor): Promise<IncidentObligations> {
    const facts = await this.buildFacts(incidentId);
    const now = this.now();
    const result = computeObligations(facts, this.rules(), now);
    const iso = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('incident_obligations').selectAll().where('incident_id', '=', incidentId).execute();
      const byKey = new Map(existing.map((r) => [`${r.rule_id}|${r.jurisdiction}`, r]));
      const seen = new Set<string>();
      for (const ob of result.obligations) {
        const key = `${ob.id}|${ob.jurisdiction}`;
        seen.add(key);
        const prev = byKey.get(key);
        const auto = ob.required === false ? { status: 'not_required', reason: ob.why } : null;
        if (!prev) {
          await trx
            .insertInto('incident_obligations')
            .values({
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
            })
            // Two recomputations of one incident can run at once (the background job and a read
            // that found the answer stale): on PostgreSQL both may insert the same new item. The
            // first wins; the item is the same answer from the same facts.
            .onConflict((oc) => oc.columns(['incident_id', 'rule_id', 'jurisdiction']).doNothing())
            .execute();
          continue;
        }
        let status = prev.status;
        let reason = prev.status_reason;
        // The engine decides between "required" and "not required"; people decide progress.
        if (ob.required === false && (status === 'pending' || status === 'in_progress')) [status, reason] = ['not_required', ob.why];
        else if (ob.required !== false && status === 'not_required' && prev.required === 'false') [status, reason] = ['pending', null];
        await trx
          .updateTable('incident_obligations')
          .set({ required: requiredText(ob.required), deadline: ob.deadline, recipient: ob.recipient, status, status_reason: reason, obligation_json: JSON.stringify(ob), updated_at: iso })
          .where('id', '=', prev.id)
          .execute();
      }
      for (const r of existing) {
        if (seen.has(`${r.rule_id}|${r.jurisdiction}`) || r.status === 'not_required') continue;
        await trx
          .updateTable('incident_obligations')
          .set({ status: 'not_required', status_reason: 'no longer produced by the rules after the facts changed', updated_at: iso })
          .where('id', '=', r.id)
          .execute();
      }
      const row = { facts_json: JSON.stringify(facts), result_json: JSON.stringify(result), computed_at: iso, next_deadline: result.nextDeadline?.deadline ?? null };
      await trx
        .insertInto('incident_facts')
        .values({ incident_id: incidentId, overrides_json: '{}', ...row })
        .onConflict((oc) => oc.column('incident_id').doUpdateSet(row))
        .execute();
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
    });
    return this.list(incidentId);
  }

  async list(incidentId: string): Promise<IncidentObligations> {
    const [facts, rows, closed] = await Promise.all([
      this.db.selectFrom('incident_facts').selectAll().where('incident_id', '=', incidentId).executeTakeFirst(),
      this.db.selectFrom('incident_obligations').selectAll().where('incident_id', '=', incidentId).orderBy('deadline').orderBy('rule_id').execute(),
      sql<{ n: number }>`select count(*) as n from incidents where id = ${incidentId} and status = 'closed'`.execute(this.db),
    ]);
    // Countdowns stop on a closed incident (issue 20 §5): no next deadline is announced.
    const incidentClosed = Number(closed.rows[0]?.n ?? 0) > 0;
    const result = facts?.result_json ? (JSON.parse(facts.result_json) as ObligationsResult) : null;
    const items = rows.map(toTracked);
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

  /** The next open legal deadline of each incident (for lists and countdowns). */
  async nextDeadlines(incidentIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (incidentIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('incident_obligations')
      .select(['incident_id', (eb) => eb.fn.min('deadline').as('next')])
      .where('incident_id', 'in', incidentIds)
      .where('status', 'in', ['pending', 'in_progress'])
      .where('deadline', 'is not', null)
      .where(sql<boolean>`incident_id not in (select id from incidents where status = 'closed')`)
      .groupBy('incident_id')
      .execute();
    for (const r of rows) if (r.next) out.set(r.incident_id, String(r.next));
    return out;
  }

  /**
   * Open legal deadlines across every incident that is not closed: those due within `hours` of
   * `now`, and those already past (for /metrics; a closed incident's countdowns have stopped).
   */
  async deadlineCounts(now: Date, hours: number): Promise<{ due: number; overdue: number }> {
    const from = now.toISOString();
    const to = new Date(now.getTime() + hours * 3_600_000).toISOString();
    const r = await this.db
      .selectFrom('incident_obligations')
      .select([
        (eb) => eb.fn.sum<number>(eb.case().when('deadline', '<', from).then(1).else(0).end()).as('overdue'),
        (eb) => eb.fn.sum<number>(eb.case().when(eb.and([eb('deadline', '>=', from), eb('deadline', '<', to)])).then(1).else(0).end()).as('due'),
      ])
      .where('status', 'in', ['pending', 'in_progress'])
      .where('deadline', 'is not', null)
      .where(sql<boolean>`incident_id not in (select id from incidents where status = 'closed')`)
      .executeTakeFirst();
    return { due: Number(r?.due ?? 0), overdue: Number(r?.overdue ?? 0) };
  }

  async setStatus(incidentId: string, itemId: string, status: TrackedStatus, reason: string | null, actor: Actor): Promise<TrackedObligation> {
    const row = await this.db.selectFrom('incident_obligations').selectAll().where('id', '=', itemId).where('incident_id', '=', incidentId).executeTakeFirst();
    if (!row) throw new NotFoundError('obligation');
    if (status === 'not_required' && !reason?.trim()) throw new BadInputError('reason: marking an obligation not required needs a reason (it is kept for the register)');
    const iso = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('incident_obligations').set({ status, status_reason: reason, updated_at: iso }).where('id', '=', itemId).execute();
      await this.audit.record(
        { actor, action: 'obligation.status_changed', subjectType: 'obligation', subjectId: itemId, incidentId, before: { status: row.status, reason: row.status_reason }, after: { status, reason, rule: row.rule_id, jurisdiction: row.jurisdiction } },
        trx,
      );
    });
    return toTracked({ ...row, status, status_reason: reason, updated_at: iso });
  }
}

/**
 * Population groups as the engine reads them (issue 19 §4): each jurisdiction read leniently
 * (an odd or missing code becomes the counted UNKNOWN category, never a failed parse), groups that
 * land on the same code added up with the union of their elements.
 */
export function mergePopulation(groups: readonly PopulationEntry[]): PopulationEntry[] {
  const byJ = new Map<string, PopulationEntry>();
  for (const g of groups) {
    if (!(g.individuals > 0)) continue;
    const jurisdiction = toFactsJurisdiction(g.jurisdiction);
    const cur = byJ.get(jurisdiction);
    if (!cur) byJ.set(jurisdiction, { ...g, jurisdiction, elements: [...g.elements] });
    else {
      // Two codes read as one (e.g. "unknown" and "UNKNOWN", "DE-XX" and "DE"): different people.
      cur.individuals += g.individuals;
      cur.elements = [...new Set([...cur.elements, ...g.elements])];
    }
  }
  return [...byJ.values()];
}

function withoutReason(o: FactOverrides): FactOverrides {
  const { reason: _reason, ...rest } = o;
  return rest;
}

function rank(i: TrackedObligation): number {
  if (i.status === 'done') return 2;
  if (i.status === 'not_required') return 3;
  return i.deadline ? 0 : 1;
}

function toTracked(r: IncidentObligationsTable): TrackedObligation {
  const ob = JSON.parse(r.obligation_json) as Obligation;
  const status = r.status as TrackedStatus;
  const owed = ob.required !== false && (status === 'pending' || status === 'in_progress');
  const met = r.met_json ? (JSON.parse(r.met_json) as MetRecord) : null;
  return { ...ob, itemId: r.id, owed, status, statusReason: r.status_reason, met, updatedAt: r.updated_at };
}
