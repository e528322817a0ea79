/**
 * Metrics from the record and the cost ledger. Reads the rest of Breachdesk through the learn
 * ports; every change is audited with the incident id, so it shows in the incident's timeline.
 */
import { randomUUID } from 'node:crypto';
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { NotFoundError } from '../platform/http/problem.js';
import type { LearnRepository } from './learn.repository.js';
import type { IncidentFact, LearnPorts } from './learn.ports.js';
import type { Cost, CostInput, IncidentMetrics, QuarterMetrics } from './learn.schema.js';
import type { LearnCostsTable } from './learn.tables.js';
import { incidentMetrics, quarterlyMetrics } from './metrics.js';
import { fromMinor, toMinor } from './money.js';

function toCost(r: LearnCostsTable): Cost {
  return {
    id: r.id,
    incidentId: r.incident_id,
    vendor: r.vendor,
    amount: fromMinor(r.amount_minor),
    currency: r.currency,
    category: r.category,
    description: r.description,
    incurredOn: r.incurred_on,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export interface LearnDeps {
  repo: LearnRepository;
  audit: AuditService;
  ports: LearnPorts;
  now?: () => Date;
}

export class LearnService {
  readonly now: () => Date;

  constructor(private readonly d: LearnDeps) {
    this.now = d.now ?? (() => new Date());
  }

  async incident(p: Principal, incidentId: string): Promise<IncidentFact> {
    await this.d.ports.access.assertCanRead(p, incidentId);
    const i = await this.d.ports.incidents.get(incidentId);
    if (!i) throw new NotFoundError('incident');
    return i;
  }

  // --- cost ledger -------------------------------------------------------------------------

  async addCost(p: Principal, incidentId: string, input: CostInput): Promise<Cost> {
    await this.d.ports.access.assertCanWrite(p, incidentId);
    const row: LearnCostsTable = {
      id: randomUUID(),
      incident_id: incidentId,
      vendor: input.vendor,
      amount_minor: toMinor(input.amount),
      currency: input.currency,
      category: input.category,
      description: input.description,
      incurred_on: input.incurredOn,
      created_by: p.username,
      created_at: this.now().toISOString(),
      deleted_at: null,
    };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertCost(row);
      await this.d.audit.record({ actor: actorOf(p), action: 'cost.recorded', subjectType: 'cost', subjectId: row.id, incidentId, after: toCost(row) }, trx);
    });
    return toCost(row);
  }

  async listCosts(p: Principal, incidentId: string): Promise<Cost[]> {
    await this.d.ports.access.assertCanRead(p, incidentId);
    return (await this.d.repo.listCosts([incidentId])).map(toCost);
  }

  async removeCost(p: Principal, incidentId: string, costId: string): Promise<void> {
    await this.d.ports.access.assertCanWrite(p, incidentId);
    const row = await this.d.repo.getCost(costId);
    if (!row || row.incident_id !== incidentId) throw new NotFoundError('cost');
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.deleteCost(costId, this.now().toISOString());
      await this.d.audit.record({ actor: actorOf(p), action: 'cost.removed', subjectType: 'cost', subjectId: costId, incidentId, before: toCost(row) }, trx);
    });
  }

  // --- metrics -----------------------------------------------------------------------------

  private async metricsOf(p: Principal, i: IncidentFact, costs: LearnCostsTable[]): Promise<IncidentMetrics> {
    const { ports } = this.d;
    const [firstCompromiseAt, containment, obligations, peopleNotified] = await Promise.all([
      ports.detection.firstCompromiseAt(i.id),
      ports.containment.containment(i.id),
      ports.obligations.list(i.id),
      ports.notifications.reachedByChannel(p, i.id),
    ]);
    return incidentMetrics({
      incident: i,
      firstCompromiseAt,
      containedAt: containment.containedAt,
      obligations,
      peopleNotified,
      costs: costs.map((c) => ({ amountMinor: c.amount_minor, currency: c.currency, category: c.category })),
      now: this.now(),
    });
  }

  async metrics(p: Principal, incidentId: string): Promise<IncidentMetrics> {
    const i = await this.incident(p, incidentId);
    return this.metricsOf(p, i, await this.d.repo.listCosts([incidentId]));
  }

  /** Trends per quarter over every incident the caller may read (dismissed ones left out: no breach). */
  async quarterly(p: Principal, q: { from?: string; to?: string } = {}): Promise<{ quarters: QuarterMetrics[]; incidents: IncidentMetrics[] }> {
    const listed = (await this.d.ports.incidents.list(p)).filter((i) => i.status !== 'dismissed' && (!q.from || i.awareAt >= q.from) && (!q.to || i.awareAt < q.to));
    // Drills are practice: they never count in the organisation's figures.
    const practice = await this.d.repo.practice(listed.map((i) => i.id));
    const all = listed.filter((i) => !practice.has(i.id));
    const costs = await this.d.repo.listCosts(all.map((i) => i.id));
    const metrics: IncidentMetrics[] = [];
    for (const i of all) metrics.push(await this.metricsOf(p, i, costs.filter((c) => c.incident_id === i.id)));
    metrics.sort((a, b) => a.awareAt.localeCompare(b.awareAt));
    return { quarters: quarterlyMetrics(metrics), incidents: metrics };
  }
}
