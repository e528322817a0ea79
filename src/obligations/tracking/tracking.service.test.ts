import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.service.js';
import type { PopulationEntry } from '../facts.schema.js';
import { loadRules } from '../rules-loader.js';
import { OrgProfileService } from './org-profile.service.js';
import type { FactsSources } from './facts.service.js';
import { TrackingRepository } from './tracking.repository.js';
import { ObligationTrackingService } from './tracking.service.js';

for (const dialect of testDialects()) {
  describe(`obligation tracking on ${dialect}`, () => {
    let t: TestPlatform;
    let svc: ObligationTrackingService;
    let profile: OrgProfileService;
    let population: PopulationEntry[] = [];
    let decisions: Array<{ kind: string; value: string | null }> = [];
    let awareAt = '2026-03-02T15:00:00.000Z';
    const clock = { now: new Date('2026-03-03T00:00:00Z') };
    let onPopulationRead: (() => void) | null = null;
    const sources: FactsSources = {
      incident: async (id) =>
        id === 'inc-1'
          ? { id, awareAt, detectedAt: awareAt, categories: ['confidentiality'] }
          : // An incident whose record already has awareness before detection (an odd stored date).
            id === 'inc-race' || id === 'inc-stale'
            ? { id, awareAt: '2026-03-02T15:00:00.000Z', detectedAt: null, categories: [] }
            : id === 'inc-odd'
            ? { id, awareAt: '2026-03-01T00:00:00.000Z', detectedAt: '2026-03-02T00:00:00.000Z', categories: [] }
            : null,
      population: async () => {
        const read = population;
        onPopulationRead?.();
        return read;
      },
      decisions: async () => decisions,
    };
    beforeAll(async () => {
      t = await openTestPlatform(dialect);
      profile = new OrgProfileService(t.platform.store.db, t.platform.audit);
      const rules = loadRules();
      svc = new ObligationTrackingService(t.platform.store.db, t.platform.audit, () => rules, profile, sources, () => clock.now);
    });
    afterAll(async () => t?.close());

    it('keeps the organisation profile, validated and audited', async () => {
      await expect(profile.set({ establishments: ['US'], hipaa: 'maybe' }, SYSTEM_ACTOR)).rejects.toThrow(/profile\.hipaa/);
      const p = await profile.set({ establishments: ['US'] }, SYSTEM_ACTOR);
      expect(p.establishments).toEqual(['US']);
      expect((await profile.get()).establishments).toEqual(['US']);
    });

    it('turns the engine answer into tracked items with deadlines from awareAt', async () => {
      population = [{ jurisdiction: 'US-TX', individuals: 300, elements: ['person_name', 'us_ssn'] }];
      const r = await svc.recompute('inc-1', SYSTEM_ACTOR);
      const tx = r.items.filter((i) => i.jurisdiction === 'US-TX' && i.recipient === 'individuals');
      expect(tx.length).toBeGreaterThan(0);
      expect(tx[0]!.status).toBe('pending');
      expect(tx[0]!.deadline).not.toBeNull();
      // Texas: 60 days after the determination (Tex. Bus. & Com. Code §521.053(b)).
      expect(Date.parse(tx[0]!.deadline!)).toBeGreaterThan(Date.parse(awareAt) + 59 * 86400_000);
      expect(r.nextDeadline).not.toBeNull();
      const events = await t.platform.audit.list({ incidentId: 'inc-1' });
      expect(events.map((e) => e.action)).toContain('obligations.recomputed');
    });

    it('keeps human progress across recomputation and moves deadlines with awareAt', async () => {
      const r1 = await svc.list('inc-1');
      const item = r1.items.find((i) => i.jurisdiction === 'US-TX' && i.recipient === 'individuals')!;
      await svc.setStatus('inc-1', item.itemId, 'in_progress', null, SYSTEM_ACTOR);
      await expect(svc.setStatus('inc-1', item.itemId, 'not_required', '  ', SYSTEM_ACTOR)).rejects.toThrow(/needs a reason/);
      awareAt = '2026-03-10T15:00:00.000Z';
      const r2 = await svc.recompute('inc-1', SYSTEM_ACTOR);
      const again = r2.items.find((i) => i.itemId === item.itemId)!;
      expect(again.status).toBe('in_progress');
      expect(Date.parse(again.deadline!) - Date.parse(item.deadline!)).toBe(8 * 86400_000);
    });

    it('marks items not required when the facts no longer trigger them', async () => {
      population = [{ jurisdiction: 'US-TX', individuals: 300, elements: ['username'] }];
      const r = await svc.recompute('inc-1', SYSTEM_ACTOR);
      const tx = r.items.filter((i) => i.jurisdiction === 'US-TX' && i.recipient === 'individuals');
      expect(tx.every((i) => i.status === 'not_required' && i.statusReason)).toBe(true);
    });

    it('reads the GDPR risk level from the decision log', async () => {
      await profile.set({ establishments: ['DE'] }, SYSTEM_ACTOR);
      population = [{ jurisdiction: 'DE', individuals: 1000, elements: ['email', 'password'] }];
      decisions = [{ kind: 'gdpr_risk', value: 'high' }];
      const facts = await svc.facts.buildFacts('inc-1');
      expect(facts.risk.gdpr).toBe('high');
      const r = await svc.recompute('inc-1', SYSTEM_ACTOR);
      // GDPR Art. 34(1): high risk → tell the data subjects (one EU-wide duty).
      const art34 = r.items.find((i) => i.regime.includes('GDPR') && i.recipient === 'individuals');
      expect(art34?.required).toBe(true);
      expect(art34?.status).toBe('pending');
      const art33 = r.items.find((i) => i.jurisdiction === 'DE' && i.recipient === 'regulator');
      // GDPR Art. 33(1): 72 hours from awareness.
      expect(Date.parse(art33!.deadline!)).toBe(Date.parse(awareAt) + 72 * 3600_000);
      decisions = [{ kind: 'gdpr_risk', value: 'unlikely' }];
      const r2 = await svc.recompute('inc-1', SYSTEM_ACTOR);
      expect(r2.items.find((i) => i.itemId === art34!.itemId)?.status).toBe('not_required');
    });

    it('issue 13 §7: breach facts are refused (400) only for problems the change introduces', async () => {
      await expect(svc.setOverrides('inc-odd', { risk: { noHarmDetermnation: true } }, SYSTEM_ACTOR)).rejects.toThrow(/unknown key "noHarmDetermnation" \(did you mean "noHarmDetermination"\?\)/);
      await expect(svc.setOverrides('inc-odd', { determinedAt: '2026-01-01T00:00:00Z' }, SYSTEM_ACTOR)).rejects.toThrow(/facts\.determinedAt: .* is before discoveredAt/);
      // The stored awareAt before detection is not this change's doing: accepted, and reported as a warning.
      await svc.setOverrides('inc-odd', { breach: { acquisition: true }, reason: 'exfiltration confirmed' }, SYSTEM_ACTOR);
      expect((await svc.list('inc-odd')).warnings.join(' ')).toMatch(/awareAt: .* is before discoveredAt/);
    });

    it('issue 19 §4: odd jurisdictions from the sources are read as UNKNOWN or their country, never a failure', async () => {
      population = [
        { jurisdiction: 'UNKNOWN', individuals: 3, elements: ['email'] },
        { jurisdiction: 'unknown', individuals: 2, elements: ['email'] },
        { jurisdiction: 'DE-XX', individuals: 4, elements: ['email'] },
        { jurisdiction: 'US-TX', individuals: 5, elements: ['person_name', 'us_ssn'] },
      ] as PopulationEntry[];
      const facts = await svc.facts.buildFacts('inc-1');
      expect(facts.population.map((p) => [p.jurisdiction, p.individuals])).toEqual([
        ['UNKNOWN', 5],
        ['DE', 4],
        ['US-TX', 5],
      ]);
      expect((await svc.recompute('inc-1', SYSTEM_ACTOR)).unknownResidence).toBe(5);
    });

    it('recomputations of one incident running at once do not collide (the job and a stale read, PostgreSQL)', async () => {
      population = [{ jurisdiction: 'US-TX', individuals: 300, elements: ['person_name', 'us_ssn'] }];
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => svc.recompute('inc-race', SYSTEM_ACTOR)));
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      const list = await svc.list('inc-race');
      const keys = list.items.map((i) => `${i.id}|${i.jurisdiction}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(list.items.some((i) => i.jurisdiction === 'US-TX')).toBe(true);
    });

    it.runIf(dialect === 'postgresql')('a status set while a recomputation runs is kept, not overwritten with the one it read (PostgreSQL)', async () => {
      population = [{ jurisdiction: 'US-TX', individuals: 300, elements: ['person_name', 'us_ssn'] }];
      const first = await svc.recompute('inc-race', SYSTEM_ACTOR);
      const item = first.items.find((i) => i.jurisdiction === 'US-TX' && i.recipient === 'individuals')!;
      expect(item.status).toBe('pending');
      // The recomputation reads the items in its transaction; a person marks one done on another
      // connection right then. Both lock the audit head before the rows (AuditService.lockHead), so
      // the person's change waits for the recomputation and commits after it (it once committed
      // in between and the recomputation wrote the status it had read over it).
      const read = TrackingRepository.prototype.obligations;
      let setting: Promise<unknown> | null = null;
      TrackingRepository.prototype.obligations = async function (this: TrackingRepository, id: string) {
        const rows = await read.call(this, id);
        setting ??= svc.setStatus('inc-race', item.itemId, 'done', null, SYSTEM_ACTOR);
        return rows;
      };
      try {
        await svc.recompute('inc-race', SYSTEM_ACTOR);
      } finally {
        TrackingRepository.prototype.obligations = read;
      }
      expect(setting).not.toBeNull();
      await setting;
      const order = (await t.platform.audit.list({ incidentId: 'inc-race', limit: 1000 })).map((e) => e.action).filter((a) => a === 'obligations.recomputed' || a === 'obligation.status_changed');
      expect(order.slice(-2)).toEqual(['obligations.recomputed', 'obligation.status_changed']);
      expect((await svc.list('inc-race')).items.find((i) => i.itemId === item.itemId)!.status).toBe('done');
    });

    it.runIf(dialect === 'postgresql')('a change that commits while a recomputation reads the facts is not answered from the facts before it (PostgreSQL)', async () => {
      population = [];
      await svc.recompute('inc-stale', SYSTEM_ACTOR);
      const owed = (r: { items: { jurisdiction: string; recipient: string; status: string }[] }) =>
        r.items.some((i) => i.jurisdiction === 'US-TX' && i.recipient === 'individuals' && i.status === 'pending');
      // A change's transaction has written its audit event (and holds the audit head) but has not
      // committed: a trigger's recompute job can start then (500 ms after the event, sooner than a
      // slow commit).
      let release = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let written = () => {};
      const eventWritten = new Promise<void>((r) => {
        written = r;
      });
      const change = t.platform.store.db.transaction().execute(async (trx) => {
        await t.platform.audit.record({ actor: SYSTEM_ACTOR, action: 'obligations.facts_updated', subjectType: 'incident', subjectId: 'inc-stale', incidentId: 'inc-stale' }, trx);
        written();
        await gate;
      });
      await eventWritten;
      // The recomputation reads the facts before the change is visible, then waits at the head.
      const factsRead = new Promise<void>((r) => {
        onPopulationRead = r;
      });
      const recomputing = svc.recompute('inc-stale', SYSTEM_ACTOR);
      await factsRead;
      onPopulationRead = null;
      // The change commits with its new facts: 300 Texans with SSNs.
      population = [{ jurisdiction: 'US-TX', individuals: 300, elements: ['person_name', 'us_ssn'] }];
      release();
      await change;
      expect(owed(await recomputing)).toBe(true);
    });

    it('answers 404 for an unknown incident', async () => {
      await expect(svc.recompute('nope', SYSTEM_ACTOR)).rejects.toThrow(/incident not found/);
    });
  });
}
