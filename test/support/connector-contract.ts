/**
 * The one contract suite every connector runs (issue 16 §2, Hono's "one suite, every
 * implementation"): for each operation against the real peer — the dry run, verification
 * failing before and passing after, a live session actually ended, a second run changing
 * nothing, undo restoring the captured pre-state exactly (and a second undo changing nothing),
 * an unknown target and an unreachable peer giving clear errors.
 */
import { expect, it } from 'vitest';
import { type ConnectorHandle, type ConnectorKind, findOperation, PermanentError, TransientError } from '../../src/contain/connector.js';
import { waitFor } from './wait.js';

export interface LiveSession {
  alive(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ContractCase {
  operation: string;
  target: string;
  params?: Record<string, unknown>;
  /** Opens a session as the target (a connected client) that the operation must cut. */
  live?: () => Promise<LiveSession>;
  /** Compares captures (defaults to deep equality). */
  comparable?: (pre: unknown) => unknown;
}

export interface ContractFixture {
  // biome-ignore lint/suspicious/noExplicitAny: any connector kind
  kind: ConnectorKind<any, any>;
  config: () => Record<string, unknown>;
  secrets: () => Record<string, string>;
  cases: ContractCase[];
  /** `message`: what the error says instead of echoing the target (where the target is a secret). */
  unknownTarget: { operation: string; target: string; params?: Record<string, unknown>; message?: RegExp };
  /** Settings pointing at a closed port (peers reached over the network). */
  unreachable?: () => Record<string, unknown>;
}

export function connectorContract(f: ContractFixture): void {
  const open = async (): Promise<ConnectorHandle> => f.kind.connect(f.kind.config.parse(f.config()), f.secrets());

  it('check connection names the peer', async () => {
    const h = await open();
    try {
      expect(await f.kind.check(h)).toMatch(/\w+/);
    } finally {
      await h.close();
    }
  });

  for (const c of f.cases) {
    it(`${c.operation} ${c.target}: dry run, live session cut, verify, second run no-op, undo restores the pre-state`, async () => {
      const h = await open();
      const op = findOperation(f.kind, c.operation);
      const params = op.params.parse(c.params ?? {});
      const cmp = c.comparable ?? ((x: unknown) => x);
      const live = c.live ? await c.live() : null;
      try {
        if (live) expect(await live.alive()).toBe(true);
        const pre = await op.capture(h, c.target, params);
        expect(op.plan(c.target, params, pre).length).toBeGreaterThan(0);
        expect((await op.verify(h, c.target, params, pre)).ok).toBe(false);

        await op.apply(h, c.target, params, pre, { label: 'contract test' });
        const v = await op.verify(h, c.target, params, pre);
        expect(v, v.observed).toMatchObject({ ok: true });
        if (live) await waitFor(async () => !(await live.alive()), 10_000);
        const after = await op.capture(h, c.target, params);

        await op.apply(h, c.target, params, pre, { label: 'contract test' });
        expect(cmp(await op.capture(h, c.target, params))).toEqual(cmp(after));
        expect((await op.verify(h, c.target, params, pre)).ok).toBe(true);

        if (op.reversible) {
          expect(op.describeUndo(c.target, params, pre)).toMatch(/\w/);
          await op.undo(h, c.target, params, pre);
          expect(cmp(await op.capture(h, c.target, params))).toEqual(cmp(pre));
          await op.undo(h, c.target, params, pre);
          expect(cmp(await op.capture(h, c.target, params))).toEqual(cmp(pre));
        }
      } finally {
        await live?.close();
        await h.close();
      }
    });
  }

  it('an unknown target is a permanent error naming it', async () => {
    const h = await open();
    try {
      const op = findOperation(f.kind, f.unknownTarget.operation);
      const err = await op.capture(h, f.unknownTarget.target, op.params.parse(f.unknownTarget.params ?? {})).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PermanentError);
      if (f.unknownTarget.message) expect((err as Error).message).toMatch(f.unknownTarget.message);
      else expect((err as Error).message).toContain(f.unknownTarget.target);
    } finally {
      await h.close();
    }
  });

  it.skipIf(!f.unreachable)('an unreachable peer is a transient error (retried by the job)', async () => {
    // Eager connectors fail in connect, lazy ones (HTTP) on their first call.
    const err = await (async () => {
      const h = await f.kind.connect(f.kind.config.parse(f.unreachable!()), f.secrets());
      try {
        await f.kind.check(h);
      } finally {
        await h.close();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as Error).message).toMatch(/unreachable/);
  });
}
