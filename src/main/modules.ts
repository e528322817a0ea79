/**
 * The composition root of the features: builds every feature's services over the platform,
 * in dependency order, and connects them through small ports (no feature imports another's
 * internals). `serve` and `worker` both start here.
 */
import { Readable } from 'node:stream';
import { createContainModule } from '../contain/contain.module.js';
import { ASSESS_QUEUE, AssessmentService, type EvidenceSource, MERGE_QUEUE, PEOPLE_QUEUE, SHARD_QUEUE } from '../assessment/assessment.service.js';
import type { PeoplePayload, ShardPayload } from '../assessment/scan-shards.js';
import { assessmentRoutes } from '../assessment/assessment.routes.js';
import { type ConfirmModule, createConfirmModule } from '../confirm/confirm.module.js';
import { createEvidenceModule } from '../incidents/evidence/evidence.module.js';
import { createExpertsModule } from '../incidents/experts/experts.module.js';
import { createIncidentsModule } from '../incidents/incidents.module.js';
import { createLearnModule } from '../learn/learn.module.js';
import { createNoticesModule } from '../notices/notices.module.js';
import { loadRules } from '../obligations/rules-loader.js';
import { ObligationsMetService } from '../obligations/tracking/met.service.js';
import { OrgProfileService } from '../obligations/tracking/org-profile.service.js';
import { trackingRoutes } from '../obligations/tracking/tracking.routes.js';
import { type FactsSources, mergePopulation } from '../obligations/tracking/facts.service.js';
import { ObligationTrackingService } from '../obligations/tracking/tracking.service.js';
import { toFactsJurisdiction } from '../obligations/facts.schema.js';
import { createAuthRoutes } from '../platform/auth/auth.module.js';
import { toPrincipal } from '../platform/auth/accounts.service.js';
import type { Actor } from '../platform/audit/audit.service.js';
import type { Principal } from '../platform/auth/roles.js';
import type { RoutePlugin } from '../platform/http/app.js';
import { LOCAL_PRINCIPAL } from '../platform/http/local-principal.js';
import { NotFoundError } from '../platform/http/problem.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import type { FeatureParts } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { learnPorts } from './learn-wiring.js';

export const RECOMPUTE_QUEUE = 'obligations.recompute';
const OBLIGATIONS_ACTOR: Actor = { type: 'system', id: null, name: 'obligation-engine' };

/** Changes after which an incident's obligations must be computed again (issue 5 §6). */
export const RECOMPUTE_TRIGGERS = [
  'incident.created',
  'incident.updated',
  'incident.aware_at_changed',
  'decision.recorded',
  'assessment.completed',
  'people.import',
  'obligations.facts_updated',
  'org.profile_updated',
] as const;

/**
 * Background jobs act with the rights of whoever asked, looked up again when the job runs (issue 19
 * §1: they once ran as admin, so a commander could have another incident's evidence scanned). A
 * user disabled or deleted since is refused; the in-process CLI operator stays the local principal.
 */
async function principalFor(platform: Platform, actor: Actor): Promise<Principal> {
  if (actor.type === 'cli' && actor.id === LOCAL_PRINCIPAL.userId) return LOCAL_PRINCIPAL;
  const user = actor.id ? await platform.accounts.getUser(actor.id) : null;
  if (!user || user.disabled) throw new NotFoundError(`user ${actor.name ?? actor.id ?? '(none)'} who asked for this job`);
  return toPrincipal(user, actor.type === 'token' ? 'token' : 'session');
}

export interface Modules {
  incidents: ReturnType<typeof createIncidentsModule>;
  evidence: ReturnType<typeof createEvidenceModule>;
  notices: ReturnType<typeof createNoticesModule>;
  experts: ReturnType<typeof createExpertsModule>;
  contain: ReturnType<typeof createContainModule>;
  orgProfile: OrgProfileService;
  tracking: ObligationTrackingService;
  assessment: AssessmentService;
  learn: ReturnType<typeof createLearnModule>;
  confirm: ConfirmModule;
  routes: RoutePlugin[];
  registerJobs(queue: JobQueue): void;
  /** On close: resolves once the background work started by changes so far (recompute scheduling, queued intake alerts) is done; intake then refuses new alerts. */
  settle(): Promise<void>;
}

export function createModules(platform: Platform): Modules {
  const incidents = createIncidentsModule(platform);
  const access = incidents.access;
  const evidence = createEvidenceModule(platform, access);
  const experts = createExpertsModule(platform, access);

  const evidenceSource: EvidenceSource = {
    check: async (ids, incidentId, actor) => {
      const p = await principalFor(platform, actor);
      const sizes: number[] = [];
      for (const id of ids) sizes.push((await evidence.service.peek(p, id, incidentId)).size);
      return sizes;
    },
    open: async (id, incidentId, actor, assessmentId, range) => {
      const d = await evidence.service.download(await principalFor(platform, actor), id, range, incidentId, { assessmentId });
      return { name: d.item.name, size: d.item.size, stream: d.stream };
    },
  };
  const assessment = new AssessmentService(platform.store.db, platform.keyring, platform.audit, platform.jobs, evidenceSource, {
    distributed: platform.config.jobQueue === 'pg-boss',
    shardBytes: platform.config.scanShardBytes,
    peopleJobs: platform.config.scanPeopleJobs,
    partitionedMerge: platform.config.scanMerge === 'partitioned',
    // Shard logs on the shared object store when there is one (the data directory is not shared).
    blobs: platform.blobs.kind === 's3' ? platform.blobs : null,
    // Every assessment looks for the organisation's canary records (issue 15 §4): a leak names its dataset.
    canaries: () => confirm.canaries.planted(),
  });
  // Sent and submitted notices meet their obligations (issue 20 §4); the register lists them.
  const met = new ObligationsMetService(platform.store.db, platform.audit);
  const orgProfile = new OrgProfileService(platform.store.db, platform.audit);
  // Drafts start from the organisation profile and the incident (issue 20 §6).
  const prefill = async (incidentId: string) => {
    const [o, i] = await Promise.all([orgProfile.get(), incidents.service.get(incidentId).catch(() => null)]);
    return {
      organisationName: o.name,
      organisationAddress: o.address,
      contactEmail: o.contactEmail,
      contactPhone: o.contactPhone,
      website: o.website,
      dpoContact: o.dpoContact,
      // The date or date range of the breach, as notices state it (e.g. Cal. Civ. Code §1798.82(d)(2)(C)).
      breachDate: i?.breachStartedAt?.slice(0, 10),
      breachEndDate: i?.breachEndedAt?.slice(0, 10),
      discoveryDate: (i?.detectedAt ?? i?.awareAt)?.slice(0, 10),
      whatHappened: i?.summary || undefined,
    };
  };
  const notices = createNoticesModule(platform, { access, obligations: met, prefill });
  incidents.service.notifications = (ids) => met.notifications(ids);
  const contain = createContainModule(platform, {
    access,
    fixEvidence: {
      evidence: async (p, incidentId, id) => void (await evidence.service.peek(p, id, incidentId)),
      scan: async (incidentId, id) => {
        const a = await assessment.get(id).catch(() => null);
        return a && a.incidentId === incidentId ? { status: a.status, secretTypes: Object.keys(a.report?.secrets ?? {}) } : null;
      },
      hasTask: async (incidentId, taskId) => (await incidents.service.task(incidentId, taskId)) !== null,
      hasObservable: (incidentId, id) => incidents.service.hasObservable(incidentId, id),
    },
    findings: {
      observables: async (p, incidentId, unmask) =>
        (await incidents.service.listObservables(p, incidentId, { limit: 1000, unmask })).items.map((o) => ({ kind: o.kind, value: o.value, masked: o.masked })),
      secrets: async (incidentId) => {
        // The newest finished scan's secrets (the list omits reports; each is read on its own).
        const done = (await assessment.list(incidentId)).find((a) => a.status === 'done');
        if (!done) return {};
        const [secrets, targets] = await Promise.all([assessment.get(done.id).then((a) => a.report?.secrets ?? {}), assessment.secretTargets(done.id)]);
        // With the values the scan kept sealed to revoke (issue 16 §3): containment plans on them and shows them masked.
        return Object.fromEntries(Object.entries(secrets).map(([type, f]) => [type, { ...f, scanId: done.id, ...(targets[type] ? { targets: targets[type] } : {}) }]));
      },
    },
  });

  const sources: FactsSources = {
    incident: async (id) => {
      try {
        const i = await incidents.service.get(id);
        return { id: i.id, awareAt: i.awareAt, detectedAt: i.detectedAt, categories: i.categories };
      } catch {
        return null;
      }
    },
    population: async (id) => {
      // People found by the assessment, and people imported for notices: per jurisdiction the
      // larger count (the two lists overlap); imported-only jurisdictions take the elements the
      // assessment found, the conservative reading.
      // People of unknown residence are a counted category (UNKNOWN), never dropped (issue 19 §4).
      const [found, imported] = await Promise.all([assessment.population(id), notices.service.countsByJurisdiction(id)]);
      const groups = mergePopulation(found);
      const elements = [...new Set(found.flatMap((p) => p.elements))];
      const importedByJ = new Map<string, number>();
      for (const [code, n] of Object.entries(imported)) {
        const j = toFactsJurisdiction(code);
        importedByJ.set(j, (importedByJ.get(j) ?? 0) + n);
      }
      for (const [j, n] of importedByJ) {
        const mine = groups.filter((g) => g.jurisdiction === j);
        const counted = mine.reduce((k, g) => k + g.individuals, 0);
        // More imported than found: the extra people with every element found there (or anywhere).
        const extra = mine.length ? [...new Set(mine.flatMap((g) => g.elements))] : elements;
        if (n > counted && extra.length) groups.push({ jurisdiction: j, individuals: n - counted, elements: extra });
      }
      return mergePopulation(groups);
    },
    decisions: async (id) => (await incidents.service.listDecisions(id)).map((d) => ({ kind: d.kind, value: d.value ?? null })),
  };
  const tracking = new ObligationTrackingService(platform.store.db, platform.audit, loadRules, orgProfile, sources);
  incidents.service.nextDeadlines = (ids) => tracking.deadlines.next(ids);
  platform.metrics.gauge('breachdesk_deadlines', 'Open legal deadlines of incidents not closed: due within 24 h, and already past', ['window'], async () => {
    const c = await tracking.deadlines.counts(new Date(), 24);
    return [
      { labels: { window: 'due_24h' }, value: c.due },
      { labels: { window: 'overdue' }, value: c.overdue },
    ];
  });
  assessment.onScanned((bytes, ms) => platform.metrics.observeScan(bytes, ms));

  // Recompute in the background after every triggering change. The short delay lets the
  // change's own transaction commit first (the audit row is written inside it).
  const scheduleRecompute = (incidentId: string) =>
    platform.jobs.send(RECOMPUTE_QUEUE, { incidentId }, { singletonKey: `${RECOMPUTE_QUEUE}:${incidentId}`, runAt: new Date(Date.now() + 500), maxAttempts: 3 });
  const triggers = new Set<string>(RECOMPUTE_TRIGGERS);
  // Kept until done, so closing (a CLI command ends right after its request) waits for them
  // instead of closing the store under them ("driver has already been destroyed").
  const scheduling = new Set<Promise<void>>();
  platform.audit.onEvent((e) => {
    if (e.incidentId && triggers.has(e.action)) {
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => scheduleRecompute(e.incidentId!))
        .then(
          () => undefined,
          (err) => platform.log.warn({ err: (err as Error).message }, 'could not schedule obligations recompute'),
        )
        .finally(() => scheduling.delete(p));
      scheduling.add(p);
    }
  });
  const settle = async () => {
    // Alerts queued for the next group commit are written before the store closes.
    await confirm.intake.close();
    while (scheduling.size) await Promise.all(scheduling);
    await learn.settle();
  };

  const learn = createLearnModule(platform, learnPorts(platform, { incidents, notices, experts, tracking, evidence }));
  incidents.service.practiceIncidents = (ids) => learn.drills.practice(ids);

  // Confirm creates incidents through the workspace's own use cases (the awareness time starts the legal clocks).
  const confirm = createConfirmModule(platform, {
    incidents: {
      create: async (p, input) => {
        const i = await incidents.service.create(p, { ...input, status: 'confirmed' });
        return { id: i.id, awareAt: i.awareAt };
      },
      assertCanWrite: (p, id) => access.assertCanWrite(p, id),
      addObservable: async (p, id, input) => void (await incidents.service.addObservable(p, id, input)),
      addTimelineEntry: async (p, id, input) => void (await incidents.service.addTimelineEntry(p, id, input)),
      addEvidence: async (p, id, input) => {
        const item = await evidence.service.upload(p, id, { stream: Readable.from([input.bytes]), name: input.name, description: input.description, declaredSize: input.bytes.length });
        return { id: item.id, sha256: item.sha256 };
      },
    },
    // Canary attribution of an uploaded file: the scanner looks for the canaries as known people.
    scanner: {
      findCanaries: async (leaks, canaries) => {
        const paths = leaks.filter((l) => typeof l === 'string');
        const held = leaks.filter((l) => typeof l !== 'string');
        if (held.length && paths.length) throw new Error('findCanaries: files and held leaks are scanned apart');
        const { scan } = await import('../assessment/scanner/engine/scan.js');
        const { scanEvidence } = await import('../assessment/scan-evidence.js');
        // An upload kept encrypted in a temp file is read as evidence is: a stream of its plaintext.
        const open = async (id: string, range?: { start: number; end: number }) => {
          const l = held[Number(id)]!;
          return { name: l.name, size: l.size, chunks: l.open(range) };
        };
        const { report } = held.length
          ? await scanEvidence(held.map((_, i) => String(i)), open, { canaries, sizes: held.map((l) => l.size) })
          : await scan({ paths, canaries, workers: 0 });
        const found = report.canaries;
        return found ?? { found: 0, datasets: [] };
      },
    },
  });

  const parts: FeatureParts[] = [incidents.parts, evidence.parts, experts.parts, notices.parts, contain.parts, learn.parts, confirm.parts];
  const auth = createAuthRoutes(platform);
  const routes: RoutePlugin[] = [
    ...auth,
    ...parts.flatMap((p) => p.routes ?? []),
    assessmentRoutes(assessment, access),
    trackingRoutes(tracking, orgProfile, access, {
      met,
      // Read-time freshness: a change made by the CLI on the local store (no worker running)
      // still shows up, because a stale answer is recomputed before it is returned.
      ensureFresh: async (incidentId) => {
        const [list, changedAt] = await Promise.all([tracking.list(incidentId), platform.audit.latestAt(incidentId, RECOMPUTE_TRIGGERS)]);
        if (!list.computedAt || (changedAt && changedAt > list.computedAt)) return tracking.recompute(incidentId, OBLIGATIONS_ACTOR);
        return list;
      },
    }),
  ];

  return {
    incidents,
    evidence,
    notices,
    experts,
    contain,
    orgProfile,
    tracking,
    assessment,
    learn,
    confirm,
    routes,
    settle,
    registerJobs(queue) {
      for (const p of parts) p.jobs?.(queue);
      queue.work<{ assessmentId: string; actor: Actor }>(ASSESS_QUEUE, (payload, ctx) => assessment.run(payload, ctx));
      queue.work<ShardPayload>(SHARD_QUEUE, (payload, ctx) => assessment.runShard(payload, ctx));
      queue.work<PeoplePayload>(PEOPLE_QUEUE, (payload, ctx) => assessment.groupPeople(payload, ctx));
      queue.work<{ assessmentId: string; actor: Actor }>(MERGE_QUEUE, (payload, ctx) => assessment.mergeShards(payload, ctx));
      queue.work<{ incidentId: string }>(RECOMPUTE_QUEUE, async ({ incidentId }) => {
        if (!(await sources.incident(incidentId))) return { skipped: 'no incident' };
        const r = await tracking.recompute(incidentId, OBLIGATIONS_ACTOR);
        return { items: r.items.length, nextDeadline: r.nextDeadline };
      });
    },
  };
}
