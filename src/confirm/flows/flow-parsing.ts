/**
 * Where an analysis's inputs are parsed (flow-parse.ts): on a thread of its own when the compiled
 * thread file is there (the built CLI and server), else in the caller's thread (Vitest runs the
 * TypeScript sources), on the same batches either way.
 *
 * On the thread, reading and parsing (≈ 80 % of a run's CPU, bench/README.md, flows) overlap the
 * analysis on the caller's thread. Memory stays flat: at most MAX_IN_FLIGHT chunks of about a MiB
 * are with the thread or their batches on the way back; `push` waits while that many are.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Batch, FlowParser, type ParseOptions, UnreadableInput } from './flow-parse.js';

export type ToParseThread = { t: 'begin'; name: string } | { t: 'chunk'; buf: Uint8Array } | { t: 'end' };
export type FromParseThread = { t: 'batch'; batch: Batch; end: boolean } | { t: 'unreadable'; message: string } | { t: 'failed'; message: string };

export interface Parsing {
  /** A new input (its reader and line numbers start afresh). */
  begin(name: string): void;
  /** The input's next bytes; resolves once fewer than MAX_IN_FLIGHT chunks are outstanding. */
  push(buf: Uint8Array): Promise<void> | undefined;
  /** The input's end: resolves when each of its batches went to `onBatch`. */
  finish(): Promise<void>;
  close(): Promise<void>;
}

const threadFile = new URL('./flow-parse.thread.js', import.meta.url);
/** Chunks sent to the thread are at least this large (a gzip stream gives 16 KiB ones): fewer messages. */
const BLOCK = 1 << 20;
/** Chunks with the thread or on the way back, at most: the bound on the memory between the two. */
const MAX_IN_FLIGHT = 4;

/**
 * Parses the inputs given to the returned handle; `onBatch` gets each batch in input order. A
 * file whose reader cannot be chosen rejects with `UnreadableInput`; an error `onBatch` throws
 * rejects the next `push` or `finish` with it.
 */
export function startParsing(opts: ParseOptions, onBatch: (b: Batch) => void, thread: URL | null = defaultThread()): Parsing {
  return thread ? threaded(thread, opts, onBatch) : inThread(opts, onBatch);
}

/** The compiled thread file beside this module, or null (Vitest: the sources). */
export const defaultThread = (): URL | null => (existsSync(fileURLToPath(threadFile)) ? threadFile : null);

function inThread(opts: ParseOptions, onBatch: (b: Batch) => void): Parsing {
  const parser = new FlowParser(opts);
  return {
    begin: (name) => parser.begin(name),
    push(buf) {
      onBatch(parser.chunk(buf));
      return undefined;
    },
    async finish() {
      onBatch(parser.end());
    },
    async close() {},
  };
}

function threaded(file: URL, opts: ParseOptions, onBatch: (b: Batch) => void): Parsing {
  const worker = new Worker(file, { workerData: opts });
  let failure: Error | null = null;
  let inFlight = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  /** Woken by each message (and a failure): `push` waiting for room, `finish` for its input's end. */
  let wake: (() => void) | null = null;
  let ended = false;
  const fail = (e: Error) => {
    failure ??= e;
    wake?.();
  };
  worker.on('message', (m: FromParseThread) => {
    if (failure) return;
    if (m.t === 'unreadable') return fail(new UnreadableInput(m.message));
    if (m.t === 'failed') return fail(new Error(m.message));
    inFlight--;
    try {
      onBatch(m.batch);
    } catch (e) {
      return fail(e as Error);
    }
    if (m.end) ended = true;
    wake?.();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the flow parsing thread stopped (exit ${code})`)));
  const post = (m: ToParseThread, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
  const until = async (done: () => boolean) => {
    while (!failure && !done()) await new Promise<void>((r) => (wake = r));
    wake = null;
    if (failure) throw failure;
  };
  const flush = () => {
    if (!pendingBytes) return;
    // One exact-size copy the thread owns: transferred, not cloned, and no view of a stream's buffer.
    const buf = new Uint8Array(pendingBytes);
    let at = 0;
    for (const p of pending) {
      buf.set(p, at);
      at += p.length;
    }
    pending = [];
    pendingBytes = 0;
    inFlight++;
    post({ t: 'chunk', buf }, [buf.buffer]);
  };
  return {
    begin(name) {
      ended = false;
      post({ t: 'begin', name });
    },
    push(buf) {
      if (failure) return Promise.reject(failure);
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes < BLOCK) return undefined;
      flush();
      return inFlight < MAX_IN_FLIGHT ? undefined : until(() => inFlight < MAX_IN_FLIGHT);
    },
    async finish() {
      if (failure) throw failure;
      flush();
      inFlight++;
      post({ t: 'end' });
      await until(() => ended);
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
