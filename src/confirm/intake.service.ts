/**
 * Alert intake: configured sources, their authentication (token or signed requests), and the
 * ingest path — normalise, de-duplicate, store encrypted, correlate into suspected incidents.
 * A request is stored in one transaction (shared with concurrent ones: intake-writer.ts): a 2xx
 * answer means every alert of it is stored (acknowledged = stored), a failure stores none of it,
 * so the sender's retry loses nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { BadInputError } from '../platform/errors.js';
import { HttpError, NotFoundError } from '../platform/http/problem.js';
import { newId } from '../platform/ids.js';
import type { IntakeSourcesTable } from './confirm.tables.js';
import { CORRELATION_LISTS, type CorrelationConfig, correlationPolicy, effectiveCorrelation } from './correlation-entities.js';
import { DEFAULT_DEDUP_KEYS, type DedupField, suspectScore } from './dedup.js';
import { type IngestItem, IntakeWriter, type StoreConfig, type ToStore } from './intake-writer.js';
import type { IntakeRepository } from './intake.repository.js';
import type { Json, NormalisedAlert } from './normalise/alert.js';
import { type IntakeFormat, normalise } from './normalise/index.js';
import { SIGNATURE_TOLERANCE_S, verifySignature } from './signature.js';

/** Sources Breachdesk feeds itself (outside reports, canary beacons, flow analytics): no credentials. */
export const INTERNAL_SOURCES = { report: 'outside-report', canary: 'canary', flow: 'flow-analytics' } as const;
const INTERNAL_CONFIG: StoreConfig = { dedupKeys: DEFAULT_DEDUP_KEYS, dedupWindowS: 3600, correlateWindowS: 24 * 3600 };

/** How long the intake endpoint trusts its copy of a source's row (cachedSource). */
const SOURCE_CACHE_MS = 5000;

export interface SourceInput {
  name: string;
  format: IntakeFormat;
  auth: 'token' | 'hmac';
  dedupKeys?: DedupField[];
  dedupWindowSeconds?: number;
  correlateWindowSeconds?: number;
  /** Lists that replace the default ones (correlation-entities.ts); those left out follow the defaults. */
  correlation?: Partial<CorrelationConfig>;
}

export interface SourceView {
  name: string;
  format: string;
  auth: string;
  dedupKeys: string[];
  dedupWindowSeconds: number;
  correlateWindowSeconds: number;
  /** The correlation lists in force: the source's own, else the defaults. */
  correlation: CorrelationConfig;
  enabled: boolean;
  createdAt: string;
}

export interface IngestResult {
  version: 1;
  accepted: number;
  created: number;
  repeats: number;
  unparsed: number;
  alerts: IngestItem[];
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
    correlation: effectiveCorrelation(r.correlation ? (JSON.parse(r.correlation) as Partial<CorrelationConfig>) : null),
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
    /** Group commits in flight at once (config intakeGroupsInFlight; the module passes 1 on SQLite). */
    writer: { groupsInFlight?: number } = {},
  ) {
    this.writer = new IntakeWriter(repo, keyring, writer);
  }

  private readonly writer: IntakeWriter;

  /** On shutdown: refuse new alerts (503) and write those queued (intake-writer.ts close). */
  close(): Promise<void> {
    return this.writer.close();
  }

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
      correlation: ownCorrelation(input.correlation),
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

  /**
   * Sets a source's correlation lists (null: back to the defaults); its token and other settings
   * stay. Audited with the lists in force before and after.
   */
  async setCorrelation(p: Principal, name: string, correlation: Partial<CorrelationConfig> | null): Promise<SourceView> {
    return this.repo.transaction(async (repo, t) => {
      const before = await repo.source(name);
      if (!before) throw new NotFoundError(`intake source "${name}"`);
      const after: IntakeSourcesTable = { ...before, correlation: ownCorrelation(correlation ?? undefined), updated_at: this.now().toISOString() };
      await repo.updateSource(name, { correlation: after.correlation, updated_at: after.updated_at });
      await this.audit.record(
        { actor: actorOf(p), action: 'intake.source_changed', subjectType: 'intake_source', subjectId: before.id, before: { correlation: toSourceView(before).correlation }, after: { correlation: toSourceView(after).correlation } },
        t,
      );
      // This process answers with the new lists at once; another serve process within SOURCE_CACHE_MS.
      this.sourceCache.delete(name);
      return toSourceView(after);
    });
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
    const src = await this.cachedSource(name);
    if (!src?.enabled) throw new NotFoundError(`intake source "${name}"`);
    if (src.auth === 'token') {
      if (!cred.token || !this.tokenMatches(src, cred.token)) {
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

  /**
   * Sources as the intake endpoint sees them, read from the store at most every
   * SOURCE_CACHE_MS per name: a query per alert request (queued behind the group commit's
   * transaction on SQLite's one connection) cost as much as storing the alert.
   */
  private async cachedSource(name: string): Promise<IntakeSourcesTable | undefined> {
    const now = Date.now();
    const hit = this.sourceCache.get(name);
    if (hit && now - hit.at < SOURCE_CACHE_MS) return hit.row;
    const row = await this.repo.source(name);
    if (this.sourceCache.size > 1000) this.sourceCache.clear();
    // An unknown name is not remembered: a source created in another server answers at once.
    if (row) this.sourceCache.set(name, { row, at: now });
    return row;
  }

  private readonly sourceCache = new Map<string, { row: IntakeSourcesTable; at: number }>();

  /**
   * Whether `token` is the source's. The token a source last sent successfully is remembered with
   * the row it was checked against, and the next request is compared with it directly (constant
   * time): hashing it again each request was ≈ 2 % of the intake CPU under load (bench/README.md).
   * A changed row (new token hash) forgets it.
   */
  private tokenMatches(src: IntakeSourcesTable, token: string): boolean {
    const given = Buffer.from(token);
    const known = this.acceptedTokens.get(src.id);
    if (known && known.hash === src.token_hash && known.token.length === given.length) return timingSafeEqual(known.token, given);
    const ok = timingSafeEqual(Buffer.from(sha256(token), 'hex'), Buffer.from(src.token_hash ?? '', 'hex'));
    if (ok && src.token_hash) {
      if (this.acceptedTokens.size > 1000) this.acceptedTokens.clear();
      this.acceptedTokens.set(src.id, { hash: src.token_hash, token: given });
    }
    return ok;
  }

  private readonly acceptedTokens = new Map<string, { hash: string; token: Buffer }>();

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
    return this.store(
      src.name,
      { dedupKeys: JSON.parse(src.dedup_keys) as DedupField[], dedupWindowS: src.dedup_window_s, correlateWindowS: src.correlate_window_s, correlation: correlationPolicy(src.correlation) },
      items,
      at,
    );
  }

  /** An alert Breachdesk raises itself (an outside report, a canary beacon, a flow finding). */
  async raise(source: (typeof INTERNAL_SOURCES)[keyof typeof INTERNAL_SOURCES], alert: NormalisedAlert, raw: unknown): Promise<IngestItem> {
    const r = await this.store(source, INTERNAL_CONFIG, [{ alert, raw: JSON.stringify(raw) }], this.now().toISOString());
    return r.alerts[0]!;
  }

  private store(source: string, cfg: StoreConfig, items: ToStore[], at: string): Promise<IngestResult> {
    return this.writer.store(source, cfg, items, at).then((out) => ({
      version: 1 as const,
      accepted: out.length,
      created: out.filter((r) => !r.repeat).length,
      repeats: out.filter((r) => r.repeat).length,
      unparsed: out.filter((r) => r.kind === 'unparsed').length,
      alerts: out,
    }));
  }
}

/** The lists a source set, as stored (lower-case, trimmed; null when it set none: the defaults apply). */
function ownCorrelation(c: Partial<CorrelationConfig> | undefined): string | null {
  const own: Partial<CorrelationConfig> = {};
  for (const k of CORRELATION_LISTS) if (c?.[k]) own[k] = [...new Set(c[k].map((v) => v.trim().toLowerCase()))];
  return Object.keys(own).length ? JSON.stringify(own) : null;
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

