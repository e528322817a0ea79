/**
 * Deemed compliance in tracking (tracking/deemed.service.ts), on each dialect: a HIPAA covered entity
 * with residents in WA (RCW 19.255.010: the HIPAA notice is deemed to satisfy the consumer notice;
 * the AG notice stays), CT (Conn. Gen. Stat. §36a-701b: deemed only if the AG is also notified) and
 * GA (no clause). The state duty stays owed, with the note, until the HIPAA notice is met; then it
 * is met by deemed compliance (audited, countdown stopped) — and owed again if the HIPAA notice is
 * reopened. Residents whose data was not health information keep the state duty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.service.js';
import type { PopulationEntry } from '../facts.schema.js';
import { loadRules } from '../rules-loader.js';
import type { FactsSources } from './facts.service.js';
import { ObligationsMetService } from './met.service.js';
import { OrgProfileService } from './org-profile.service.js';
import { formatOwed } from './tracking.cli.js';
import { ObligationTrackingService } from './tracking.service.js';

const PHI: PopulationEntry['elements'] = ['person_name', 'us_ssn', 'health'];

for (const dialect of testDialects()) {
  describe(`deemed compliance in tracking on ${dialect}`, () => {
    let t: TestPlatform;
    let svc: ObligationTrackingService;
    let met: ObligationsMetService;
    const awareAt = '2026-03-02T15:00:00.000Z';
    const populations: Record<string, PopulationEntry[]> = {
      'inc-hipaa': [
        { jurisdiction: 'US-WA', individuals: 600, elements: PHI },
        { jurisdiction: 'US-CT', individuals: 50, elements: PHI },
        { jurisdiction: 'US-GA', individuals: 20, elements: PHI },
      ],
      // A HIPAA campaign that reached the WA residents first: CO's residents are still owed.
      'inc-partial': [
        { jurisdiction: 'US-WA', individuals: 600, elements: PHI },
        { jurisdiction: 'US-CO', individuals: 40, elements: PHI },
      ],
      // Boundary: a HIPAA entity, but ten WA residents had no health information exposed.
      'inc-mixed': [
        { jurisdiction: 'US-WA', individuals: 10, elements: ['person_name', 'us_ssn'] },
        { jurisdiction: 'US-WA', individuals: 5, elements: PHI },
      ],
    };
    let current = 'inc-hipaa';
    const sources: FactsSources = {
      incident: async (id) => (id in populations ? { id, awareAt, detectedAt: awareAt, categories: ['confidentiality'] } : null),
      population: async () => populations[current]!,
      decisions: async () => [],
    };
    const items = async (inc = 'inc-hipaa') => (await svc.list(inc)).items;
    const item = async (id: string, inc = 'inc-hipaa') => (await items(inc)).find((i) => i.id === id)!;
    const hipaaMet = async (inc: string, jurisdictions: string[], at = '2026-03-10T10:00:00.000Z') => {
      const h = await item('US.hipaa.individuals', inc);
      return met.met({ incidentId: inc, ruleIds: [h.id], at, noticeId: `n-hipaa-${jurisdictions.join('-')}`, channel: 'e-mail and post', requireLateReason: false, jurisdictions }, SYSTEM_ACTOR);
    };

    beforeAll(async () => {
      t = await openTestPlatform(dialect);
      const profile = new OrgProfileService(t.platform.store.db, t.platform.audit);
      await profile.set({ establishments: ['US'], hipaa: 'covered_entity' }, SYSTEM_ACTOR);
      const rules = loadRules();
      svc = new ObligationTrackingService(t.platform.store.db, t.platform.audit, () => rules, profile, sources, () => new Date('2026-03-03T00:00:00Z'));
      met = new ObligationsMetService(t.platform.store.db, t.platform.audit);
      for (const inc of Object.keys(populations)) {
        current = inc;
        // Acquired by a malicious actor: the state duties are required, not left for review.
        await svc.setOverrides(inc, { breach: { acquisition: true, malicious: true }, reason: 'exfiltration confirmed' }, SYSTEM_ACTOR);
      }
      current = 'inc-hipaa';
    });
    afterAll(async () => t?.close());

    it('before the HIPAA notice: WA individuals stays owed, its countdown runs, and says which notice would discharge it', async () => {
      const wa = await item('US-WA.individuals.2020');
      expect(wa.required).toBe(true);
      expect(wa.owed).toBe(true);
      expect(wa.status).toBe('pending');
      expect(wa.deemedCompliance).toMatchObject({ state: 'pending', via: 'hipaa', by: 'US.hipaa.individuals', waitingFor: ['US.hipaa.individuals'] });
      expect(wa.deemedCompliance!.label).toMatch(/^Still owed — would be met by the HIPAA notice US\.hipaa\.individuals \(deemed compliance, RCW 19\.255\.010/);
      const next = await svc.deadlines.next(['inc-hipaa']);
      expect(next.get('inc-hipaa')).toBeDefined();
    });

    it('the HIPAA individual notice sent: WA individuals is met by deemed compliance (audited); the WA AG notice, CT (AG not yet told) and GA stay owed', async () => {
      await hipaaMet('inc-hipaa', ['US-WA', 'US-CT', 'US-GA']);
      const wa = await item('US-WA.individuals.2020');
      expect(wa.status).toBe('done');
      expect(wa.owed).toBe(false);
      expect(wa.met).toMatchObject({ at: '2026-03-10T10:00:00.000Z', late: false, deemed: { via: 'hipaa', by: 'US.hipaa.individuals' } });
      expect(wa.met!.deemed!.label).toMatch(/^Met by HIPAA notice \(deemed compliance, RCW 19\.255\.010/);
      expect(wa.deemedCompliance?.state).toBe('met');
      expect(wa.statusReason).toMatch(/^Met by HIPAA notice .* — on time$/);
      expect((await item('US-WA.regulator.2020')).status).toBe('pending');
      const ct = await item('US-CT.individuals');
      expect(ct.status).toBe('pending');
      expect(ct.deemedCompliance).toMatchObject({ state: 'pending', waitingFor: ['US-CT.regulator'] });
      const ga = await item('US-GA.individuals');
      expect(ga.status).toBe('pending');
      expect(ga.deemedCompliance).toBeUndefined();
      const events = (await t.platform.audit.list({ incidentId: 'inc-hipaa' })).filter((e) => e.action === 'obligation.met_by_deemed_compliance');
      expect(events.map((e) => (e.after as { rule: string }).rule)).toEqual(['US-WA.individuals.2020']);
      // The CLI text (breachdesk obligations owed): the met line and the owed CT duty's note.
      const text = formatOwed(await svc.list('inc-hipaa'));
      expect(text).toMatch(/MET +US-WA +individuals +US-WA\.individuals\.2020: Met by HIPAA notice \(deemed compliance, RCW 19\.255\.010/);
      expect(text).toMatch(/US-CT\.individuals\n[^\n]*\n {10}deemed compliance: Still owed — would be met by the HIPAA notice US\.hipaa\.individuals .* once US-CT\.regulator is met/);
    });

    it('CT (§36a-701b): once the Attorney General is notified too, the residents’ duty is met by deemed compliance', async () => {
      const ag = await item('US-CT.regulator');
      await met.met({ incidentId: 'inc-hipaa', ruleIds: [ag.id], at: '2026-03-11T09:00:00.000Z', noticeId: 'n-ct-ag', channel: 'portal', reference: 'CT-1', requireLateReason: false, jurisdictions: ['US-CT'] }, SYSTEM_ACTOR);
      const ct = await item('US-CT.individuals');
      expect(ct.status).toBe('done');
      // The clause came to hold when its last condition was met.
      expect(ct.met).toMatchObject({ at: '2026-03-11T09:00:00.000Z', deemed: { by: 'US.hipaa.individuals' } });
    });

    it('a recomputation keeps it met; reopening the HIPAA notice makes the state duties owed again (audited)', async () => {
      await svc.recompute('inc-hipaa', SYSTEM_ACTOR);
      expect((await item('US-WA.individuals.2020')).status).toBe('done');
      const h = await item('US.hipaa.individuals');
      await svc.setStatus('inc-hipaa', h.itemId, 'pending', null, SYSTEM_ACTOR);
      const wa = await item('US-WA.individuals.2020');
      expect(wa.status).toBe('pending');
      expect(wa.met).toBeNull();
      expect(wa.statusReason).toMatch(/^deemed compliance no longer holds/);
      const withdrawn = (await t.platform.audit.list({ incidentId: 'inc-hipaa' })).filter((e) => e.action === 'obligation.deemed_compliance_withdrawn');
      expect(withdrawn.map((e) => (e.after as { rule: string }).rule).sort()).toEqual(['US-CT.individuals', 'US-WA.individuals.2020']);
    });

    it('a HIPAA campaign that reached only the WA residents meets WA’s duty; CO’s stays owed until its residents are reached', async () => {
      current = 'inc-partial';
      await hipaaMet('inc-partial', ['US-WA']);
      expect((await item('US.hipaa.individuals', 'inc-partial')).status).toBe('in_progress');
      expect((await item('US-WA.individuals.2020', 'inc-partial')).status).toBe('done');
      const co = await item('US-CO.individuals', 'inc-partial');
      expect(co.status).toBe('pending');
      expect(co.deemedCompliance).toMatchObject({ state: 'pending', waitingFor: ['US.hipaa.individuals'] });
      await hipaaMet('inc-partial', ['US-CO'], '2026-03-12T10:00:00.000Z');
      expect((await item('US-CO.individuals', 'inc-partial')).met).toMatchObject({ at: '2026-03-12T10:00:00.000Z', deemed: { by: 'US.hipaa.individuals' } });
      current = 'inc-hipaa';
    });

    it('boundary: residents without health information exposed — the HIPAA notice does not discharge WA’s duty', async () => {
      current = 'inc-mixed';
      await hipaaMet('inc-mixed', ['US-WA']);
      const wa = await item('US-WA.individuals.2020', 'inc-mixed');
      expect(wa.satisfiedBy).toBeUndefined();
      expect(wa.deemedCompliance).toBeUndefined();
      expect(wa.status).toBe('pending');
      expect(wa.owed).toBe(true);
      current = 'inc-hipaa';
    });
  });
}

describe('the citation in the label', () => {
  it('is the provision before the quoted words or source note, parentheses kept whole', async () => {
    const { citationOf } = await import('./deemed.service.js');
    expect(citationOf('RCW 19.255.010 (HIPAA clause); AlexNetCC dataset')).toBe('RCW 19.255.010 (HIPAA clause)');
    expect(citationOf('A.R.S. §18-552 exemptions (HIPAA covered entities and business associates; GLBA Title V); dataset')).toBe('A.R.S. §18-552 exemptions (HIPAA covered entities and business associates; GLBA Title V)');
    expect(citationOf('Cal. Civ. Code §1798.82(e), as restated: "Covered entities …"; dataset')).toBe('Cal. Civ. Code §1798.82(e)');
    expect(citationOf('KRS 365.732: "The provisions of this statute do not apply …"')).toBe('KRS 365.732');
  });
});
