/**
 * Streams flow-log files through the analyser: chunked reads split on newlines (no line array,
 * no whole-file buffer), gzip by extension, the reader chosen per file from its first line. A
 * broken line is named (file:line) and skipped; the records around it still count.
 */
import { createReadStream } from 'node:fs';
import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BadInputError } from '../../platform/errors.js';
import { FlowAnalyser, type FlowOptions, type FlowReport } from './analyse.js';
import { internalMatcher } from './network.js';
import { detectReader, type LineReader } from './records.js';

export interface AnalyseInput {
  name: string;
  stream: Readable;
}

export interface AnalyseOptions extends Partial<FlowOptions> {
  internal?: string[];
  vpcFields?: string[];
}

export function fileInput(path: string): AnalyseInput {
  const s = createReadStream(path, { highWaterMark: 1 << 20 });
  return { name: path, stream: path.endsWith('.gz') ? s.pipe(createGunzip()) : s };
}

/** Whole UTF-8 text (complete lines) as a string; ASCII as Latin-1, which gives the same string faster. */
const decode = (b: Buffer): string => b.toString(isAscii(b) ? 'latin1' : 'utf8');

export async function analyseFlows(inputs: AnalyseInput[], opts: AnalyseOptions = {}, onProgress?: (records: number) => void): Promise<FlowReport> {
  let isInternal: (ip: string) => boolean;
  try {
    isInternal = internalMatcher(opts.internal);
  } catch (e) {
    throw new BadInputError((e as Error).message);
  }
  const a = new FlowAnalyser(isInternal, opts);
  for (const input of inputs) {
    let reader: LineReader | null = null;
    let lineNo = 0;
    const onLine = (line: string) => {
      lineNo++;
      if (!line || line === '\r') return;
      const l = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (!reader) {
        try {
          reader = detectReader(l, opts.vpcFields);
        } catch (e) {
          throw new BadInputError(`${input.name}:${lineNo}: ${(e as Error).message}`);
        }
      }
      try {
        const r = reader.read(l);
        if (r) a.add(r, input.name, lineNo);
      } catch (e) {
        a.problem(`${input.name}:${lineNo}`, (e as Error).message);
      }
    };
    // Chunks are decoded up to their last newline: a newline byte never occurs inside a UTF-8
    // sequence, so no character is split, and the rest (a part line) is kept as bytes. A chunk of
    // ASCII (flow logs nearly always are) is copied as Latin-1, ≈ 5× cheaper than decoding UTF-8
    // and the same string; the part line no longer makes a copy of each chunk (`rest + text`).
    let rest: Buffer | null = null;
    const lines = (text: string) => {
      let start = 0;
      let nl = text.indexOf('\n', start);
      while (nl !== -1) {
        onLine(text.slice(start, nl));
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      return start;
    };
    try {
      for await (const chunk of input.stream) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        let from = 0;
        if (rest) {
          const nl = buf.indexOf(10);
          if (nl === -1) {
            rest = Buffer.concat([rest, buf]);
            continue;
          }
          onLine(decode(Buffer.concat([rest, buf.subarray(0, nl)])));
          rest = null;
          from = nl + 1;
        }
        const last = buf.lastIndexOf(10);
        if (last >= from) lines(decode(buf.subarray(from, last + 1)));
        const tail = last >= from ? last + 1 : from;
        // A copy: a view would keep the whole read chunk alive with the part line.
        if (tail < buf.length) rest = Buffer.from(buf.subarray(tail));
        onProgress?.(a.records);
      }
    } catch (e) {
      input.stream.destroy();
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new BadInputError(`${input.name}: no such file`);
      throw e;
    }
    if (rest) onLine(decode(rest));
  }
  return a.report();
}
