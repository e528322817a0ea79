/**
 * Streams flow-log files through the analyser: chunked reads (no line array, no whole-file
 * buffer), gzip by extension, parsed on a thread of their own (flow-parsing.ts) into batches the
 * analyser takes here, the reader chosen per file from its first line. A broken line is named
 * (file:line) and skipped; the records around it still count.
 */
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { checkInputFiles, inputFileError, isInputFileError } from '../../platform/cli-input-files.js';
import { BadInputError } from '../../platform/errors.js';
import { type Address, FlowAnalyser, type FlowOptions, type FlowReport } from './analyse.js';
import { BYTES, type Batch, DPORT, LINE, PROTO, ROW, SRC, DST, TS, UnreadableInput } from './flow-parse.js';
import { startParsing } from './flow-parsing.js';
import { internalMatcher } from './network.js';

export interface AnalyseInput {
  name: string;
  stream: Readable;
}

export interface AnalyseOptions extends Partial<FlowOptions> {
  internal?: string[];
  vpcFields?: string[];
  /** The parsing thread's file (flow-parsing.ts); null: parse in this thread. Default: the compiled one, when there. */
  parseThread?: URL | null;
}

/**
 * A file to analyse, opened when its turn comes: several files given at once were all opened at
 * the start, and a missing second one emitted its 'error' while the first was read, with no one
 * listening: the process died with a stack trace (exit 1). A gzip file goes through pipeline(),
 * so an open error reaches the stream that is read, not only the file stream behind it.
 */
export function fileInput(path: string): AnalyseInput {
  let stream: Readable | undefined;
  return {
    name: path,
    get stream() {
      if (!stream) {
        const file = createReadStream(path, { highWaterMark: 1 << 20 });
        stream = path.endsWith('.gz') ? pipeline(file, createGunzip(), () => {}) : file;
      }
      return stream;
    },
  };
}

/** Every path names a readable file, checked before any is analysed (nothing half-done on a typo). */
export function checkFiles(paths: string[]): void {
  checkInputFiles(paths);
}

/** The analyser's side of the parsed batches (flow-parse.ts): ids to its addresses, rows to records. */
function batchSink(a: FlowAnalyser) {
  const addresses: Address[] = [];
  const protos: string[] = [];
  let name = '';
  return {
    begin(input: string) {
      name = input;
    },
    batch(b: Batch) {
      for (const s of b.addresses) addresses.push(a.address(s));
      for (const s of b.protos) protos.push(a.intern(s));
      a.records += b.records;
      a.skipped += b.skipped - b.problems.length;
      // The named problems and the records' own in line order, as one thread met them (see below).
      let next = 0;
      const rows = b.rows;
      for (let at = 0; at < b.n * ROW; at += ROW) {
        const line = rows[at + LINE]!;
        for (; next < b.problems.length && b.problems[next]![0] < line; next++) a.problem(`${name}:${b.problems[next]![0]}`, b.problems[next]![1]);
        const s = rows[at + SRC]!;
        const d = rows[at + DST]!;
        const p = rows[at + PROTO]!;
        const src = s >= 0 ? addresses[s]! : a.address(b.inline[-s - 1]!);
        const dst = d >= 0 ? addresses[d]! : a.address(b.inline[-d - 1]!);
        const proto = p >= 0 ? protos[p]! : a.intern(b.inline[-p - 1]!);
        try {
          a.addOutbound(src, dst, proto, rows[at + TS]!, rows[at + BYTES]!, rows[at + DPORT]!, name, line);
        } catch (e) {
          // A time beyond what Date holds (ts 1e20 reads as a number) fails the off-hours lookup;
          // the line is a broken one, as when the analysis ran inside the reading loop.
          a.problem(`${name}:${line}`, (e as Error).message);
        }
      }
      for (; next < b.problems.length; next++) a.problem(`${name}:${b.problems[next]![0]}`, b.problems[next]![1]);
    },
  };
}

export async function analyseFlows(inputs: AnalyseInput[], opts: AnalyseOptions = {}, onProgress?: (records: number) => void): Promise<FlowReport> {
  let isInternal: (ip: string) => boolean;
  try {
    isInternal = internalMatcher(opts.internal);
  } catch (e) {
    throw new BadInputError((e as Error).message);
  }
  const a = new FlowAnalyser(isInternal, opts);
  const sink = batchSink(a);
  const parsing = startParsing({ internal: opts.internal, vpcFields: opts.vpcFields }, (b) => {
    sink.batch(b);
    onProgress?.(a.records);
  }, opts.parseThread);
  try {
    for (const input of inputs) {
      sink.begin(input.name);
      parsing.begin(input.name);
      try {
        for await (const chunk of input.stream) {
          const wait = parsing.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
          if (wait) await wait;
        }
        await parsing.finish();
      } catch (e) {
        input.stream.destroy();
        if (e instanceof UnreadableInput) throw new BadInputError(e.message);
        if (isInputFileError(e)) throw inputFileError(input.name, e);
        throw e;
      }
    }
  } finally {
    await parsing.close();
  }
  return a.report();
}
