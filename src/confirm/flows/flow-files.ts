/**
 * Streams flow-log files through the analyser: chunked reads split on newlines (no line array,
 * no whole-file buffer), gzip by extension, the reader chosen per file from its first line. A
 * broken line is named (file:line) and skipped; the records around it still count.
 */
import { createReadStream } from 'node:fs';
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
    let rest = '';
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
    // Decoding in the stream keeps a multi-byte character split across two chunks whole.
    input.stream.setEncoding('utf8');
    try {
      for await (const chunk of input.stream) {
        const text = rest + (typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
        let start = 0;
        let nl = text.indexOf('\n', start);
        while (nl !== -1) {
          onLine(text.slice(start, nl));
          start = nl + 1;
          nl = text.indexOf('\n', start);
        }
        rest = text.slice(start);
        onProgress?.(a.records);
      }
    } catch (e) {
      input.stream.destroy();
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new BadInputError(`${input.name}: no such file`);
      throw e;
    }
    if (rest) onLine(rest);
  }
  return a.report();
}
