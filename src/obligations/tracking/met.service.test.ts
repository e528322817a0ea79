/**
 * A notice closes only the jurisdictions it covers (issue 20 §4): the GDPR Art. 34(1) duty to
 * the data subjects is one EEA-wide rule, so a campaign to the people in Germany leaves those in
 * France owed; an Art. 33(1) submission to one supervisory authority closes that authority's duty
 * only (Arts 55–56: each SA is competent on its own territory when there is no lead SA).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.service.js';
import type { PopulationEntry } from '../facts.schema.js';
import { loadRules } from '../rules-loader.js';
import { ObligationsMetService } from './met.service.js';
import { OrgProfileService } from './org-profile.service.js';
import type { FactsSources } from './facts.service.js';
import { ObligationTrackingService } from './tracking.service.js';

for (const dialect of testDialects()) {
  describe(`notices meet obligations per jurisdiction on ${dialect}`, () => {
    let t: TestPlatform;
    let svc: ObligationTrackingService;
    let met: ObligationsMetService;
    const awareAt = '2026-03-02T15:00:00.000Z';
    const population: PopulationEntry[] = [
      { jurisdiction: 'DE', individuals: 120, elements: ['email', 'password'] },
      { jurisdiction: 'FR', individuals: 80, elements: ['email', 'password'] },
    ];
    const sources: FactsSources = {
      incident: async (id) => (id === 'inc-eu' ? { id, awareAt, detectedAt: awareAt, categories: ['confidentiality'] } : null),
      population: async () => population,
      decisions: async () => [{ kind: 'gdpr_risk', value: 'high' }],
    };
    const item = async (pred: (i: { id: string; jurisdiction: string; recipient: string }) => boolean) => (await svc.list('inc-eu')).items.find(pred)!;
    const art34 = () => item((i) => i.id.startsWith('EU.gdpr.individuals') && i.recipient === 'individuals');
    const sa = (j: string) => item((i) => i.jurisdiction === j && i.recipient === 'regulator' && i.id.includes('.gdpr.sa'));

    beforeAll(async () => {
      t = await openTestPlatform(dialect);
      const profile = new OrgProfileService(t.platform.store.db, t.platform.audit);
      // No establishment in the EEA: every SA where affected people live (EDPB Guidelines 9/2022 ¶73).
      await profile.set({ establishments: ['US'] }, SYSTEM_ACTOR);
      const rules = loadRules();
      svc = new ObligationTrackingService(t.platform.store.db, t.platform.audit, () => rules, profile, sources, () => new Date('2026-03-03T00:00:00Z'));
      met = new ObligationsMetService(t.platform.store.db, t.platform.audit);
      await svc.recompute('inc-eu', SYSTEM_ACTOR);
    });
    afterAll(async () => t?.close());

    it('GDPR Art. 34(1): a campaign to the people in DE leaves the duty owed to those in FR (partly met, in progress)', async () => {
      const duty = await art34();
      expect(duty.required).toBe(true);
      const n = await met.met({ incidentId: 'inc-eu', ruleIds: [duty.id], at: '2026-03-04T10:00:00.000Z', noticeId: 'n-de', channel: 'e-mail and post', requireLateReason: false, jurisdictions: ['DE'] }, SYSTEM_ACTOR);
      expect(n).toBe(1);
      const after = await art34();
      expect(after.status).toBe('in_progress');
      expect(after.owed).toBe(true);
      expect(after.met).toMatchObject({ covered: ['DE'], remaining: ['FR'] });
      expect(after.statusReason).toMatch(/met for DE .* still owed for FR/);
      const events = await t.platform.audit.list({ incidentId: 'inc-eu' });
      expect(events.map((e) => e.action)).toContain('obligation.partly_met');
    });

    it('GDPR Art. 34(1): the campaign to the people in FR then closes it for both', async () => {
      const duty = await art34();
      await met.met({ incidentId: 'inc-eu', ruleIds: [duty.id], at: '2026-03-05T10:00:00.000Z', noticeId: 'n-fr', channel: 'e-mail and post', requireLateReason: false, jurisdictions: ['FR'] }, SYSTEM_ACTOR);
      const after = await art34();
      expect(after.status).toBe('done');
      expect(after.met).toMatchObject({ covered: ['DE', 'FR'], remaining: [] });
    });

    it('GDPR Art. 33(1), Arts 55–56: a submission to the DE authority closes DE.gdpr.sa and leaves FR.gdpr.sa open', async () => {
      const de = await sa('DE');
      const fr = await sa('FR');
      // Matched by rule id alone, a notice naming both rules would close both: only its jurisdiction's is closed.
      await met.met({ incidentId: 'inc-eu', ruleIds: [de.id, fr.id], at: '2026-03-04T12:00:00.000Z', noticeId: 'n-sa-de', channel: 'portal', reference: 'LDA-1', requireLateReason: false, jurisdictions: ['DE'] }, SYSTEM_ACTOR);
      expect((await sa('DE')).status).toBe('done');
      expect((await sa('FR')).status).toBe('pending');
      expect((await sa('FR')).met).toBeNull();
    });
  });
}
