/**
 * The connector plugin contract (issue 16 §2). A connector kind is a manifest (its operations,
 * their parameters as zod schemas, reversibility, the approval they need, the settings and
 * secrets it takes) plus `connect`, which opens a handle on the real system. Every operation is
 * split the same way (reference §7.2: plan → approve → execute → verify → record undo):
 *
 * - `capture` reads the pre-state undo needs, at plan time (several inverses are not symmetric:
 *   `REVOKE … FROM r, PUBLIC` also drops PUBLIC's right, so undo restores the saved ACL);
 * - `plan` says in words what `apply` will change (the dry run);
 * - `apply` changes the system and is idempotent: running it twice changes nothing more;
 * - `verify` reads the target back;
 * - `undo` restores the pre-state exactly; `capture` afterwards equals the saved pre-state.
 *
 * Disabling never ends live sessions on its own, so every "lock" operation also cuts them.
 */
import type { z } from 'zod';

/** Who must approve before an operation runs (issue 16 §1). */
export type ApprovalPolicy = 'none' | 'commander' | 'two';

/** A failure that retrying cannot fix: unknown target, missing credential, bad parameters. */
export class PermanentError extends Error {
  readonly permanent = true;
}

/** A failure worth retrying (unreachable peer, rate limit); `retryAfterMs` from the peer when it said. */
export class TransientError extends Error {
  readonly permanent = false;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface Verification {
  ok: boolean;
  /** What was read back, in words (shown on the action). */
  observed: string;
}

export interface Operation<H, P = Record<string, unknown>, S = unknown> {
  name: string;
  title: string;
  /** What the target names, e.g. "role name", "IPv4 address or CIDR". */
  target: string;
  params: z.ZodType<P>;
  /** False where the effect cannot be taken back (revoked GitHub tokens, ended IdP sessions). */
  reversible: boolean;
  /** The target is itself a secret (a leaked token): shown masked to everyone once planned. */
  secretTarget?: boolean;
  approval: ApprovalPolicy;
  capture(h: H, target: string, params: P): Promise<S>;
  plan(target: string, params: P, pre: S): string[];
  apply(h: H, target: string, params: P, pre: S, ctx: ApplyContext): Promise<string>;
  verify(h: H, target: string, params: P, pre: S): Promise<Verification>;
  /** What undo would restore, in words (the board shows it before anyone clicks). */
  describeUndo(target: string, params: P, pre: S): string;
  undo(h: H, target: string, params: P, pre: S): Promise<void>;
}

export interface ApplyContext {
  /** Text for comments on the peer (e.g. nftables element comment), naming incident and action. */
  label: string;
}

export interface ConnectorHandle {
  close(): Promise<void>;
}

export interface ConnectorKind<H extends ConnectorHandle = ConnectorHandle, C = Record<string, unknown>> {
  kind: string;
  title: string;
  /** Non-secret settings. */
  config: z.ZodType<C>;
  /** Names of the secrets it needs; stored encrypted, never shown after entry. */
  secrets: readonly string[];
  /** Secrets only some operations need (each says so when it is missing); stored the same way. */
  optionalSecrets?: readonly string[];
  // biome-ignore lint/suspicious/noExplicitAny: each operation has its own parameter and pre-state types
  operations: ReadonlyArray<Operation<H, any, any>>;
  connect(config: C, secrets: Record<string, string>): Promise<H>;
  /** "Check connection": a cheap call that proves the settings and credentials work. */
  check(h: H): Promise<string>;
}

/** The manifest as the API shows it (zod schemas become JSON Schema there). */
export function findOperation<H extends ConnectorHandle>(kind: ConnectorKind<H>, name: string) {
  const op = kind.operations.find((o) => o.name === name);
  if (!op) throw new PermanentError(`connector ${kind.kind} has no operation "${name}" (it has: ${kind.operations.map((o) => o.name).join(', ')})`);
  return op;
}

/** Irreversible operations always need a human (reference §7.2), whatever the manifest says. */
export function effectiveApproval(op: Pick<Operation<unknown>, 'reversible' | 'approval'>, override?: ApprovalPolicy): ApprovalPolicy {
  const policy = override ?? op.approval;
  return !op.reversible && policy === 'none' ? 'commander' : policy;
}

/** Node socket errors that mean "the peer is not there (now)": retry. */
export function isUnreachable(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'].includes(code);
}

/** Maps a peer's error to the contract's: unreachable → transient, everything else kept. */
export function classify(e: unknown, what: string): Error {
  if (e instanceof PermanentError || e instanceof TransientError) return e;
  if (isUnreachable(e)) return new TransientError(`${what} is unreachable (${(e as { code?: string }).code})`);
  return e instanceof Error ? e : new Error(String(e));
}
