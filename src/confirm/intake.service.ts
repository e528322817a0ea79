/**
 * Alert intake: configured sources, their authentication (token or signed requests), and the
 * ingest path — normalise, de-duplicate, store encrypted, correlate into suspected incidents.
 * One request is one transaction: a 2xx answer means every alert of it is stored
 * (acknowledged = stored), a failure stores none of it, so the sender's retry loses nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { BadInputError } from '../platform/errors.js';
import { HttpError, NotFoundError } from '../platform/http/problem.js';
import { newId } from '../platform/ids.js';
import type { IntakeAlertsTable, IntakeSourcesTable } from './confirm.tables.js';
import { DEFAULT_DEDUP_KEYS, type DedupField, entitiesOf, fingerprintOf, scoreOf, suspectScore, worse } from './dedup.js';
import type { IntakeRepository } from './intake.repository.js';
import type { Json, NormalisedAlert, Severity } from './normalise/alert.js';
import { type IntakeFormat, normalise } from './normalise/index.js';
import { SIGNATURE_TOLERANCE_S, verifySignature } from './signature.js';

/** Raw payloads are kept for forensics but capped, so one huge alert cannot fill the store. */
export const RAW_CAP_BYTES = 64 * 1024;
/** Sources Breachdesk feeds itself (outside reports, canary beacons, flow analytics): no credentials. */
export const INTERNAL_SOURCES = { report: 'outside-report', canary: 'canary', flow: 'flow-analytics' } as const;
const INTERNAL_CONFIG = { dedupKeys: DEFAULT_DEDUP_KEYS, dedupWindowS: 3600, correlateWindowS: 24 * 3600 };

export interface SourceInput {
  name: string;
  format: IntakeFormat;
  auth: 'token' | 'hmac';
  dedupKeys?: DedupField[];
  dedupWindowSeconds?: number;
  correlateWindowSeconds?: number;
}

export interface SourceView {
  name: string;
  format: string;
  auth: string;
  dedupKeys: string[];
  dedupWindowSeconds: number;
  correlateWindowSeconds: number;
  enabled: boolean;
  createdAt: string;
}

export interface IngestItem {
  id: string;
  kind: string;
  repeat: boolean;
  count: number;
  suspectId: string | null;
}
export interface IngestResult {
  version: 1;
  accepted: number;
  created: number;
  repeats: number;
  unparsed: number;
  alerts: IngestItem[];
}

/** Requests stored together in one transaction at most (group commit). */
const GROUP_COMMIT_MAX = 64;

interface Pending {
  source: string;
  cfg: typeof INTERNAL_CONFIG;
  items: Array<{ alert: NormalisedAlert; raw: string }>;
  at: string;
  resolve(out: IngestItem[]): void;
  reject(e: unknown): void;
}

export interface RequestCredentials {
  token?: string;
  signature?: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function toSourceView(r: IntakeSourcesTable): SourceView {
  return {
    name: r.name,
    format: r.format,
    auth: r.auth,
    dedupKeys: JSON.parse(r.dedup_keys) as string[],
    dedupWindowSeconds: r.dedup_window_s,
    correlateWindowSeconds: r.correlate_window_s,
    enabled: r.enabled === 1,
    createdAt: r.created_at,
  };
}

export class IntakeService {
  constructor(
    private readonly repo: IntakeRepository,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // --- sources -----------------------------------------------------------------------------

  /** Creates a source; its token or HMAC secret is returned once and never shown again. */
  async createSource(p: Principal, input: SourceInput): Promise<{ source: SourceView; secret: string }> {
    if ((Object.values(INTERNAL_SOURCES) as string[]).includes(input.name)) throw new BadInputError(`name: "${input.name}" is reserved for Breachdesk's own alerts`);
    if (await this.repo.source(input.name)) throw new HttpError(409, `intake source "${input.name}" exists already`);
    const secret = `bdi_${randomBytes(32).toString('base64url')}`;
    const now = this.now().toISOString();
    const id = newId();
    const row: IntakeSourcesTable = {
      id,
      name: input.name,
      format: input.format,
      auth: input.auth,
      token_hash: input.auth === 'token' ? sha256(secret) : null,
      secret_enc: input.auth === 'hmac' ? this.keyring.encrypt(secret, `intake-source:${id}`) : null,
      dedup_keys: JSON.stringify(input.dedupKeys ?? DEFAULT_DEDUP_KEYS),
      dedup_window_s: input.dedupWindowSeconds ?? 900,
      correlate_window_s: input.correlateWindowSeconds ?? 24 * 3600,
      enabled: 1,
      created_by: p.userId,
      created_at: now,
      updated_at: now,
    };
    await this.repo.transaction(async (repo, t) => {
      await repo.insertSource(row);
      await this.audit.record({ actor: actorOf(p), action: 'intake.source_created', subjectType: 'intake_source', subjectId: id, after: { ...toSourceView(row) } }, t);
    });
    return { source: toSourceView(row), secret };
  }

  async listSources(): Promise<SourceView[]> {
    return (await this.repo.sources()).map(toSourceView);
  }

  /**
   * The source a request may post to, or a 401/404/409 naming what is wrong. Signed requests are
   * remembered until their timestamp leaves the tolerance window: the same signature twice is a
   * replay (409), whatever the body.
   */
  async authenticate(name: string, cred: RequestCredentials, body: Buffer): Promise<IntakeSourcesTable> {
    const src = await this.repo.source(name);
    if (!src?.enabled) throw new NotFoundError(`intake source "${name}"`);
    if (src.auth === 'token') {
      const given = Buffer.from(sha256(cred.token ?? ''), 'hex');
      if (!cred.token || !timingSafeEqual(given, Buffer.from(src.token_hash ?? '', 'hex'))) {
        throw new HttpError(401, `wrong or missing token for intake source "${name}" (Authorization: Bearer <source token> or X-Breachdesk-Token)`);
      }
      return src;
    }
    const secret = this.keyring.decrypt(src.secret_enc ?? '', `intake-source:${src.id}`);
    const nowS = Math.floor(this.now().getTime() / 1000);
    const check = verifySignature(cred.signature, secret, body, nowS);
    if (!check.ok) throw new HttpError(401, check.problem);
    const fresh = await this.repo.rememberSignature(check.mac, name, new Date((check.t + SIGNATURE_TOLERANCE_S + 1) * 1000).toISOString(), this.now().toISOString());
    if (!fresh) throw new HttpError(409, 'this signed request was received before (replay refused); sign each request anew');
    return src;
  }

  /** A source for an operator's backfill (audited: alerts enter without the source's credential). */
  async sourceFor(p: Principal, name: string): Promise<IntakeSourcesTable> {
    const src = await this.repo.source(name);
    if (!src) throw new NotFoundError(`intake source "${name}"`);
    await this.audit.record({ actor: actorOf(p), action: 'intake.replayed', subjectType: 'intake_source', subjectId: src.id });
    return src;
  }

  // --- ingest ------------------------------------------------------------------------------

  /** Documents from a configured source (HTTP intake, `intake replay`). */
  async ingest(src: IntakeSourcesTable, docs: Json[]): Promise<IngestResult> {
    const at = this.now().toISOString();
    const items = docs.map((d) => ({ alert: normalise(d, src.format as IntakeFormat, at), raw: JSON.stringify(d) }));
    return this.store(src.name, { dedupKeys: JSON.parse(src.dedup_keys) as DedupField[], dedupWindowS: src.dedup_window_s, correlateWindowS: src.correlate_window_s }, items, at);
  }

  /** An alert Breachdesk raises itself (an outside report, a canary beacon, a flow finding). */
  async raise(source: (typeof INTERNAL_SOURCES)[keyof typeof INTERNAL_SOURCES], alert: NormalisedAlert, raw: unknown): Promise<IngestItem> {
    const r = await this.store(source, INTERNAL_CONFIG, [{ alert, raw: JSON.stringify(raw) }], this.now().toISOString());
    return r.alerts[0]!;
  }

  /**
   * Group commit: concurrent requests queue here and one transaction stores a batch of them, so
   * 50 senders pay for one commit (fsync) instead of 50. Each request still resolves only after
   * its transaction committed; if a batch fails, its requests are retried one by one, so one bad
   * request never fails the others.
   */
  private store(source: string, cfg: typeof INTERNAL_CONFIG, items: Array<{ alert: NormalisedAlert; raw: string }>, at: string): Promise<IngestResult> {
    return new Promise<IngestItem[]>((resolve, reject) => {
      this.pending.push({ source, cfg, items, at, resolve, reject });
      void this.flush();
    }).then((out) => ({
      version: 1 as const,
      accepted: out.length,
      created: out.filter((r) => !r.repeat).length,
      repeats: out.filter((r) => r.repeat).length,
      unparsed: out.filter((r) => r.kind === 'unparsed').length,
      alerts: out,
    }));
  }

  private readonly pending: Pending[] = [];
  private flushing = false;

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, GROUP_COMMIT_MAX);
        try {
          const outs = await this.repo.transaction(async (repo) => {
            const res: IngestItem[][] = [];
            for (const b of batch) res.push(await this.storeBatch(repo, b));
            return res;
          });
          for (const [i, b] of batch.entries()) b.resolve(outs[i]!);
        } catch {
          for (const b of batch) {
            try {
              b.resolve(await this.repo.transaction((repo) => this.storeBatch(repo, b)));
            } catch (e) {
              b.reject(e);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async storeBatch(repo: IntakeRepository, b: Pending): Promise<IngestItem[]> {
    const mac = (s: string) => this.keyring.blindIndex(`intake-fp:${b.source}`, s);
    const results: IngestItem[] = [];
    for (const { alert, raw } of b.items) results.push(await this.storeOne(repo, b.source, b.cfg, alert, raw, b.at, mac));
    return results;
  }

  private async storeOne(repo: IntakeRepository, source: string, cfg: typeof INTERNAL_CONFIG, a: NormalisedAlert, raw: string, at: string, mac: (s: string) => string): Promise<IngestItem> {
    const id = newId();
    const rawBytes = Buffer.byteLength(raw);
    const kept = rawBytes > RAW_CAP_BYTES ? Buffer.from(raw).subarray(0, RAW_CAP_BYTES).toString('utf8') : raw;
    const row: IntakeAlertsTable = {
      id,
      source,
      kind: a.kind,
      fingerprint: fingerprintOf(a, cfg.dedupKeys, cfg.dedupWindowS, raw, mac),
      source_ref: a.sourceRef,
      title: a.title.slice(0, 500),
      rule_id: a.rule.id,
      rule_name: a.rule.name.slice(0, 500),
      severity: a.severity,
      severity_raw: a.severityRaw === null ? null : String(a.severityRaw),
      observed_at: a.observedAt,
      observed_at_local: a.observedAtLocal,
      received_at: at,
      first_seen: a.observedAt,
      last_seen: a.observedAt,
      count: 1,
      status: 'new',
      dismissed_reason: null,
      suspect_id: null,
      incident_id: null,
      detail_enc: this.keyring.encryptJson(a, `intake-alert:${id}`),
      raw_enc: this.keyring.encrypt(kept, `intake-raw:${id}`),
      raw_size: rawBytes,
      raw_truncated: rawBytes > RAW_CAP_BYTES ? 1 : 0,
    };
    const r = await repo.upsertAlert(row);
    if (r.count > 1) {
      if (r.suspectId) await repo.updateSuspect(r.suspectId, { last_seen: a.observedAt > at ? at : a.observedAt, updated_at: at });
      return { id: r.id, kind: a.kind, repeat: true, count: r.count, suspectId: r.suspectId };
    }
    const lookups = entitiesOf(a).map((e) => this.keyring.blindIndex(`intake-entity:${e.kind}`, e.value));
    await repo.insertEntities([...new Set(lookups)].map((lookup) => ({ alert_id: id, kind: 'entity', lookup, observed_at: a.observedAt })));
    // Both sides of the event time: alerts arrive late and out of order (backfills, replays).
    const t = Date.parse(a.observedAt);
    const w = cfg.correlateWindowS * 1000;
    const match = await repo.suspectSharing(lookups, new Date(t - w).toISOString(), new Date(t + w).toISOString());
    const suspectId = match?.id ?? newId();
    if (!match) {
      const { score } = scoreOf(a.severity, 1, [a.kind]);
      await repo.insertSuspect({
        id: suspectId,
        title: a.title.slice(0, 300),
        score,
        severity: a.severity,
        status: 'open',
        reason: null,
        incident_id: null,
        merged_into: null,
        alert_count: 1,
        kinds: JSON.stringify([a.kind]),
        first_seen: a.observedAt,
        last_seen: a.observedAt,
        created_at: at,
        updated_at: at,
      });
    } else {
      // Running totals, not a re-read of the suspect's alerts: constant work per alert.
      const cur = (await repo.lockSuspect(suspectId))!;
      const kinds = [...new Set([...(JSON.parse(cur.kinds) as string[]), a.kind])];
      const worst = worse(cur.severity as Severity, a.severity);
      const { score } = scoreOf(worst, cur.alert_count + 1, kinds);
      await repo.updateSuspect(suspectId, {
        score,
        severity: worst,
        alert_count: cur.alert_count + 1,
        kinds: JSON.stringify(kinds),
        first_seen: [a.observedAt, cur.first_seen].sort()[0]!,
        last_seen: [a.observedAt, cur.last_seen].sort()[1]!,
        updated_at: at,
      });
    }
    await repo.updateAlerts([id], { suspect_id: suspectId });
    await repo.noteSuspectEntities(suspectId, [...new Set(lookups)], a.observedAt);
    return { id, kind: a.kind, repeat: false, count: 1, suspectId };
  }
}

/** Score, severity, counts and first/last seen of a suspect, from its alerts. */
export async function refreshSuspect(repo: IntakeRepository, id: string, at: string): Promise<void> {
  const groups = await repo.suspectGroups(id);
  const { score, severity } = suspectScore(groups);
  await repo.rebuildSuspectEntities(id);
  await repo.updateSuspect(id, {
    score: groups.length ? score : 0,
    severity,
    alert_count: groups.reduce((s, g) => s + g.n, 0),
    kinds: JSON.stringify([...new Set(groups.map((g) => g.kind))]),
    first_seen: groups.map((g) => g.first).sort()[0] ?? at,
    last_seen: groups.map((g) => g.last).sort().at(-1) ?? at,
    updated_at: at,
  });
}

