/** The response plan: the organisation's versioned playbook that seeds incident tasks and their due times. */
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Database } from '../platform/db/schema.js';
import { HttpError, NotFoundError } from '../platform/http/problem.js';
import type { Transaction } from 'kysely';
import type { IncidentsDatabase } from './incidents.tables.js';
import { loadDefaultPlanYaml, type Plan, parsePlan } from './response-plan.js';
import type { IncidentsStore } from './incidents.store.js';

export class PlanService {
  constructor(private readonly s: IncidentsStore) {}

  private readonly cache = new Map<number, Plan>();

  /**
   * The organisation's current plan; the shipped default becomes version 1 on first use. Seeded
   * outside any caller transaction so that a lost race (another process seeded first) does not
   * abort the caller's transaction on PostgreSQL.
   */
  async currentPlan(t?: Transaction<IncidentsDatabase>): Promise<{ version: number; yaml: string }> {
    const latest = await this.s.repo.latestPlan(t);
    if (latest) return latest;
    if (t) throw new Error('response plan not seeded: call currentPlan() before the transaction');
    const yaml = loadDefaultPlanYaml();
    parsePlan(yaml, 'default-plan.yaml');
    const row = { version: 1, yaml, created_by: 'system', created_at: this.s.now().toISOString() };
    try {
      await this.s.repo.insertPlan(this.s.repo.db, row);
    } catch (e) {
      const again = await this.s.repo.latestPlan();
      if (again) return again;
      throw e;
    }
    return row;
  }

  /** Plan versions never change once stored, so each is parsed once per process. */
  parsedPlan(plan: { version: number; yaml: string }): Plan {
    let parsed = this.cache.get(plan.version);
    if (!parsed) {
      parsed = parsePlan(plan.yaml, `plan version ${plan.version}`);
      this.cache.set(plan.version, parsed);
    }
    return parsed;
  }

  async planVersion(version: number): Promise<{ version: number; yaml: string; createdBy: string; createdAt: string }> {
    if (version === 1) await this.currentPlan();
    const r = await this.s.repo.findPlan(version);
    if (!r) throw new NotFoundError(`plan version ${version}`);
    return { version: r.version, yaml: r.yaml, createdBy: r.created_by, createdAt: r.created_at };
  }

  async listPlanVersions() {
    await this.currentPlan();
    return (await this.s.repo.listPlans()).map((r) => ({ version: r.version, createdBy: r.created_by, createdAt: r.created_at }));
  }

  /** Stores a new plan version (admin); running incidents keep theirs. */
  async savePlan(p: Principal, yaml: string): Promise<{ version: number }> {
    const plan = parsePlan(yaml);
    const cur = await this.currentPlan();
    const version = cur.version + 1;
    const save = this.s.trx(async (t) => {
      await this.s.repo.insertPlan(t, { version, yaml, created_by: p.userId, created_at: this.s.now().toISOString() });
      await this.s.audit.record(
        { actor: actorOf(p), action: 'plan.saved', subjectType: 'response_plan', subjectId: String(version), after: { version, name: plan.name } },
        t as unknown as Transaction<Database>,
      );
      return { version };
    });
    try {
      return await save;
    } catch (e) {
      // Checked after the rollback (SQLite has a single connection while a transaction is open).
      if (await this.s.repo.findPlan(version)) throw new HttpError(409, `plan version ${version} was saved by someone else meanwhile; review it and save again`);
      throw e;
    }
  }
}
