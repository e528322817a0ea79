/**
 * The scan thread (scan-runner.ts): scans the evidence items named in workerData, pulling each
 * item's decrypted chunks from the server thread one at a time.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromThread, ToThread } from './scan-runner.js';
import { scanEvidence } from './scan-evidence.js';
import type { CanaryRecord } from './scanner/engine/canaries.js';

/**
 * The scan yields the CPU to the server thread when both want it: a lower priority (nice 10) for
 * this thread alone. Linux names a thread by its task id, which /proc/thread-self gives; elsewhere,
 * or without the right, the scan runs at normal priority.
 */
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {}

const port = parentPort!;
const { ids, sizes, canaries } = workerData as { ids: string[]; sizes?: number[]; canaries?: CanaryRecord[] };
const controller = new AbortController();
const waiting = new Map<string, (m: ToThread) => void>();

port.on('message', (m: ToThread) => {
  if (m.t === 'abort') return controller.abort(new Error('cancelled'));
  const w = waiting.get(m.id);
  waiting.delete(m.id);
  w?.(m);
});

const send = (m: FromThread) => port.postMessage(m);
function ask(m: FromThread & { id: string }): Promise<ToThread> {
  return new Promise((resolve) => {
    waiting.set(m.id, resolve);
    send(m);
  });
}

async function* chunks(id: string): AsyncGenerator<Uint8Array> {
  for (;;) {
    const m = await ask({ t: 'pull', id });
    if (m.t === 'end') return;
    if (m.t === 'error') throw new Error(m.message);
    if (m.t === 'chunk') yield Buffer.from(m.buf.buffer, m.buf.byteOffset, m.buf.byteLength);
  }
}

let lastProgress = 0;
scanEvidence(
  ids,
  async (id) => {
    const m = await ask({ t: 'open', id });
    if (m.t === 'error') throw new Error(m.message);
    if (m.t !== 'opened') throw new Error('unexpected answer to open');
    return { name: m.name, size: m.size, chunks: chunks(id) };
  },
  {
    signal: controller.signal,
    canaries,
    sizes,
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastProgress < 250) return;
      lastProgress = now;
      send({ t: 'progress', p });
    },
  },
).then(
  (r) => send({ t: 'done', report: r.report, rawSamples: r.rawSamples }),
  (e: unknown) => send({ t: 'failed', message: e instanceof Error ? e.message : String(e), aborted: controller.signal.aborted }),
);
