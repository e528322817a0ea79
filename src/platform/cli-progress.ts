/**
 * Progress of long CLI work on stderr. On a terminal: a redrawn bar (cli-progress). Elsewhere (a
 * log file, CI, a pipe) a redrawn bar is a run of carriage returns no reader can use, so each
 * tenth of the way is one plain line ending in a newline, and the end is one more.
 */
import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';

/**
 * cli-progress (and string-width, emoji-regex… under it) is loaded only for a terminal bar: off a
 * terminal (pipes, CI, benchmarks) `breachdesk scan` loaded it for nothing on every start
 * (bench/README.md, issue 21, branch start21b). `require`: progress() is synchronous.
 */
const load = createRequire(import.meta.url);

export interface Progress {
  /** `value` of `total` done; `payload` fills the bar's extra {fields}. */
  update(value: number, total: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Unit shown in plain lines (`bytes`, `e-mails`). */
  unit: string;
  /** cli-progress format for the terminal bar; default `LABEL [{bar}] {percentage}% | {value}/{total} UNIT | ETA {eta_formatted}`. */
  barFormat?: string;
  /** Plain-line suffix built from the payload (e.g. records/s). */
  describe?: (payload: Record<string, string | number>) => string;
  stream?: NodeJS.WriteStream;
  /** Whether to draw a bar; default: the stream is a terminal. */
  tty?: boolean;
}

export function progress(label: string, opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  return (opts.tty ?? stream.isTTY === true) ? terminalBar(label, opts, stream) : plainLines(label, opts, stream);
}

function terminalBar(label: string, opts: ProgressOptions, stream: NodeJS.WriteStream): Progress {
  const { SingleBar: Bar } = load('cli-progress') as { SingleBar: typeof SingleBar };
  const bar = new Bar({ stream, format: opts.barFormat ?? ` ${label} [{bar}] {percentage}% | {value}/{total} ${opts.unit} | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 50 });
  let started = false;
  return {
    update(value, total, payload = {}) {
      const t = Math.max(1, total);
      if (!started) {
        bar.start(t, 0, payload);
        started = true;
      } else bar.setTotal(t);
      bar.update(Math.min(value, t), payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function plainLines(label: string, opts: ProgressOptions, stream: NodeJS.WriteStream): Progress {
  type Step = { value: number; total: number; payload: Record<string, string | number> };
  let lastTenth = -1;
  let last: Step | null = null;
  let printed: Step | null = null;
  const line = (l: Step) => {
    const pct = Math.floor((Math.min(l.value, l.total) / Math.max(1, l.total)) * 100);
    const extra = opts.describe ? opts.describe(l.payload) : '';
    stream.write(`${label}: ${pct}% (${l.value} of ${l.total} ${opts.unit})${extra ? `, ${extra}` : ''}\n`);
    printed = l;
  };
  return {
    update(value, total, payload = {}) {
      last = { value, total, payload };
      const tenth = Math.floor((Math.min(value, total) / Math.max(1, total)) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        line(last);
      }
    },
    stop() {
      if (last && printed !== last) line(last);
    },
  };
}
