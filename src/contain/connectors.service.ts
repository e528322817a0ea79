/**
 * Configured connectors: settings validated by the kind's zod schema, secrets encrypted with the
 * keyring (bound to the row by AAD) and never returned after entry; "check connection"
 * proves them. Managing connectors is for admins and incident commanders.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { BadInputError } from '../platform/errors.js';
import { HttpError, NotFoundError } from '../platform/http/problem.js';
import { type ConnectorHandle, type ConnectorKind, PermanentError } from './connector.js';
import type { ContainRepository } from './contain.repository.js';
import type { ConnectorInput, ConnectorView } from './contain.schema.js';
import type { ContainConnectorsTable } from './contain.tables.js';

const secretContext = (id: string) => `contain-connector:${id}`;

function toView(r: ContainConnectorsTable, secretsSet: string[]): ConnectorView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    config: JSON.parse(r.config_json),
    secretsSet,
    approvals: JSON.parse(r.approvals_json),
    checkedAt: r.checked_at,
    checkOk: r.check_ok === null ? null : r.check_ok === 1,
    checkResult: r.check_result,
    createdAt: r.created_at,
  };
}

/** zod → JSON Schema for the manifest shown by the API. */
export function manifestOf(k: ConnectorKind) {
  const js = (s: z.ZodType) => {
    try {
      return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
    } catch {
      return {};
    }
  };
  return {
    kind: k.kind,
    title: k.title,
    secrets: [...k.secrets],
    optionalSecrets: [...(k.optionalSecrets ?? [])],
    config: js(k.config),
    operations: k.operations.map((o) => ({ name: o.name, title: o.title, target: o.target, reversible: o.reversible, approval: o.approval, params: js(o.params) })),
  };
}

export class ConnectorsService {
  constructor(
    private readonly d: {
      repo: ContainRepository;
      keyring: Keyring;
      audit: AuditService;
      kinds: ReadonlyArray<ConnectorKind>;
      now?: () => Date;
    },
  ) {}

  kind(name: string): ConnectorKind {
    const k = this.d.kinds.find((x) => x.kind === name);
    if (!k) throw new BadInputError(`kind: unknown connector kind "${name}" (known: ${this.d.kinds.map((x) => x.kind).join(', ')})`);
    return k;
  }

  manifests() {
    return this.d.kinds.map(manifestOf);
  }

  private secretNames(r: ContainConnectorsTable): string[] {
    return r.secrets_enc ? Object.keys(this.secrets(r)).sort() : [];
  }

  private secrets(r: ContainConnectorsTable): Record<string, string> {
    return r.secrets_enc ? (JSON.parse(this.d.keyring.decrypt(r.secrets_enc, secretContext(r.id))) as Record<string, string>) : {};
  }

  async create(p: Principal, input: ConnectorInput): Promise<ConnectorView> {
    const k = this.kind(input.kind);
    const cfg = k.config.safeParse(input.config);
    if (!cfg.success) throw new BadInputError(`config.${cfg.error.issues[0]?.path.join('.')}: ${cfg.error.issues[0]?.message}`);
    const takes = [...k.secrets, ...(k.optionalSecrets ?? [])];
    const unknown = Object.keys(input.secrets).filter((s) => !takes.includes(s));
    if (unknown.length) throw new BadInputError(`secrets: ${k.kind} takes ${takes.join(', ') || 'no secrets'}, not ${unknown.join(', ')}`);
    const badOp = Object.keys(input.approvals).find((o) => !k.operations.some((x) => x.name === o));
    if (badOp) throw new BadInputError(`approvals.${badOp}: ${k.kind} has no such operation (it has: ${k.operations.map((o) => o.name).join(', ')})`);
    if (await this.d.repo.findConnector(input.name)) throw new HttpError(409, `a connector named "${input.name}" exists`);
    const id = randomUUID();
    const at = (this.d.now?.() ?? new Date()).toISOString();
    const row: ContainConnectorsTable = {
      id,
      name: input.name,
      kind: k.kind,
      config_json: JSON.stringify(cfg.data),
      approvals_json: JSON.stringify(input.approvals),
      secrets_enc: Object.keys(input.secrets).length ? this.d.keyring.encrypt(JSON.stringify(input.secrets), secretContext(id)) : null,
      created_by: p.username,
      created_at: at,
      updated_at: at,
      checked_at: null,
      check_result: null,
      check_ok: null,
    };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertConnector(row);
      await this.d.audit.record({ actor: actorOf(p), action: 'connector.created', subjectType: 'connector', subjectId: id, after: { name: row.name, kind: row.kind, config: cfg.data, approvals: input.approvals, secrets: Object.keys(input.secrets) } }, trx);
    });
    return toView(row, Object.keys(input.secrets).sort());
  }

  async list(): Promise<ConnectorView[]> {
    return (await this.d.repo.listConnectors()).map((r) => toView(r, this.secretNames(r)));
  }

  async get(idOrName: string): Promise<ContainConnectorsTable> {
    const r = await this.d.repo.findConnector(idOrName);
    if (!r) throw new NotFoundError(`connector "${idOrName}"`);
    return r;
  }

  /** Opens a handle; a missing credential or an unreachable peer is a clear one-line error. */
  async open(r: ContainConnectorsTable): Promise<{ kind: ConnectorKind; handle: ConnectorHandle }> {
    const kind = this.kind(r.kind);
    const secrets = this.secrets(r);
    const missing = kind.secrets.filter((s) => secrets[s] === undefined);
    if (missing.length) throw new PermanentError(`connector "${r.name}": missing credential ${missing.join(', ')}`);
    return { kind, handle: await kind.connect(JSON.parse(r.config_json), secrets) };
  }

  async check(p: Principal, idOrName: string): Promise<ConnectorView> {
    const r = await this.get(idOrName);
    let ok = false;
    let result: string;
    try {
      const { kind, handle } = await this.open(r);
      try {
        result = await kind.check(handle);
        ok = true;
      } finally {
        await handle.close();
      }
    } catch (e) {
      result = (e as Error).message;
    }
    const at = (this.d.now?.() ?? new Date()).toISOString();
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.updateConnector(r.id, { checked_at: at, check_ok: ok ? 1 : 0, check_result: result });
      await this.d.audit.record({ actor: actorOf(p), action: 'connector.checked', subjectType: 'connector', subjectId: r.id, after: { ok, result } }, trx);
    });
    return toView({ ...r, checked_at: at, check_ok: ok ? 1 : 0, check_result: result }, this.secretNames(r));
  }
}
