/**
 * The facts of an incident as the obligation engine reads them (issue 5 §6, issue 20 §2): the
 * incident record, the organisation profile, people per jurisdiction and decisions, with the facts
 * a person sets by hand (overrides, each change audited with its reason) on top.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/schema.js';
import { BadInputError } from '../../platform/errors.js';
import { NotFoundError } from '../../platform/http/problem.js';
import { checkFacts } from '../facts-checks.js';
import { type BreachFacts, breachFactsSchema, breachSchema, type PopulationEntry, riskSchema, strictObject, toFactsJurisdiction } from '../facts.schema.js';
import { describeIssues } from '../obligations.service.js';
import type { OrgProfileService } from './org-profile.service.js';
import { TrackingRepository } from './tracking.repository.js';

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

export class IncidentFactsService {
  private readonly repo: TrackingRepository;

  constructor(
    db: Kysely<Database>,
    private readonly audit: AuditService,
    private readonly profile: OrgProfileService,
    private readonly sources: FactsSources,
  ) {
    this.repo = new TrackingRepository(db);
  }

  async getOverrides(incidentId: string): Promise<FactOverrides> {
    const row = await this.repo.facts(incidentId);
    // Rows stored before issue 20 §2 may carry the reason of their last change.
    return row ? withoutReason(JSON.parse(row.overrides_json) as FactOverrides) : {};
  }

  /** Validates, stores and audits the overrides (the caller recomputes). */
  async save(incidentId: string, input: unknown, actor: Actor): Promise<FactOverrides> {
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
    await this.repo.transaction(async (repo, trx) => {
      // The audit head before the facts row the recompute also writes (AuditService.lockHead).
      await this.audit.lockHead(trx);
      await repo.saveOverrides(incidentId, JSON.stringify(overrides));
      await this.audit.record({ actor, action: 'obligations.facts_updated', subjectType: 'incident', subjectId: incidentId, incidentId, before, after: { ...overrides, reason } }, trx);
    });
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
}

/**
 * Population groups as the engine reads them (issue 19 §4): each jurisdiction read leniently
 * (an odd or missing code becomes the counted UNKNOWN category, never a failed parse), groups that
 * land on the same code with the same elements added up. Groups with different elements stay
 * apart: which people had which data exposed decides, for example, whether a HIPAA notice reaches
 * them (engine/deemed.ts, RCW 19.255.010 "information governed by such regulations") — a union
 * would give every resident the health data of some.
 */
export function mergePopulation(groups: readonly PopulationEntry[]): PopulationEntry[] {
  const byKey = new Map<string, PopulationEntry>();
  for (const g of groups) {
    if (!(g.individuals > 0)) continue;
    const jurisdiction = toFactsJurisdiction(g.jurisdiction);
    const elements = [...new Set(g.elements)].sort();
    const key = `${jurisdiction}|${elements.join(',')}`;
    const cur = byKey.get(key);
    // Two codes read as one (e.g. "unknown" and "UNKNOWN", "DE-XX" and "DE"): different people.
    if (cur) cur.individuals += g.individuals;
    else byKey.set(key, { ...g, jurisdiction, elements });
  }
  return [...byKey.values()];
}

function withoutReason(o: FactOverrides): FactOverrides {
  const { reason: _reason, ...rest } = o;
  return rest;
}
