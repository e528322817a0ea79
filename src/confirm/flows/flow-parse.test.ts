/**
 * The analysis with its parsing split off (flow-parse.ts, flow-parsing.ts, flow-files.ts) against
 * the one-thread line loop it replaced, frozen below as the reference: the same report (records,
 * skipped, the problems named, findings and their evidence lines) on random files of every format
 * with broken, blank, CRLF and non-ASCII lines, cut into random chunks; in this thread and, when the
 * build is there (`npm run build`), on the compiled parsing thread.
 */
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../platform/errors.js';
import { FlowAnalyser, type FlowReport } from './analyse.js';
import { analyseFlows } from './flow-files.js';
import { internalMatcher } from './network.js';
import { detectReader, type FlowFormat, type LineReader } from './records.js';
import { header, line, scenario } from './synth.js';

/** analyseFlows as it was (2026-12-07): chunks decoded to their last newline, each line read and added in this thread. */
async function reference(inputs: { name: string; chunks: Buffer[] }[]): Promise<FlowReport> {
  const a = new FlowAnalyser(internalMatcher());
  for (const input of inputs) {
    let reader: LineReader | null = null;
    let lineNo = 0;
    const onLine = (l0: string) => {
      lineNo++;
      if (!l0 || l0 === '\r') return;
      const l = l0.endsWith('\r') ? l0.slice(0, -1) : l0;
      if (!reader) {
        try {
          reader = detectReader(l);
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
    const text = Buffer.concat(input.chunks).toString('utf8');
    const lines = text.split('\n');
    for (let k = 0; k < lines.length - 1; k++) onLine(lines[k]!);
    if (lines.at(-1)) onLine(lines.at(-1)!);
  }
  return a.report();
}

const run = async (inputs: { name: string; chunks: Buffer[] }[], parseThread: URL | null) => {
  try {
    return await analyseFlows(
      inputs.map((i) => ({ name: i.name, stream: Readable.from(i.chunks) })),
      { parseThread },
    );
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
};
const expected = async (inputs: { name: string; chunks: Buffer[] }[]) => {
  try {
    return await reference(inputs);
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
};

const FORMATS: FlowFormat[] = ['zeek-tsv', 'zeek-json', 'vpc', 'nfdump-csv'];
const synth = Object.fromEntries(FORMATS.map((f) => [f, [...header(f), ...[...scenario({ hosts: 3, days: 8, perHour: 2 })].map((x, i) => line(f, x, i))]])) as Record<FlowFormat, string[]>;
const BROKEN = ['', '\r', 'garbage', '1773400000.5\t10.0.0.10', '{"ts":"yesterday","id.orig_h":"10.0.0.10"}', '2026-03-14 02:00:06,x,0,10.0.0.10', 'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt', 'é,ü,ñ', 'Summary', '#fields\tts'];

/** A file of one format: its lines (some broken, blank, CRLF or with a non-ASCII byte) cut into random chunks. */
const file = fc
  .tuple(
    fc.constantFrom(...FORMATS),
    fc.integer({ min: 0, max: 2000 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BROKEN)), { maxLength: 30 }),
    fc.boolean(),
    fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 12 }),
    fc.boolean(),
  )
  .map(([format, from, broken, crlf, cuts, newlineAtEnd]) => {
    const lines = [...synth[format].slice(0, 4), ...synth[format].slice(4 + from)].map((l, i) => (i === 40 ? `${l}é` : l));
    for (const [at, l] of broken) lines.splice(4 + (at % (lines.length - 3)), 0, l);
    const bytes = Buffer.from(lines.map((l) => (crlf ? `${l}\r` : l)).join('\n') + (newlineAtEnd ? '\n' : ''));
    const chunks: Buffer[] = [];
    let at = 0;
    for (const c of cuts) {
      if (at >= bytes.length) break;
      chunks.push(bytes.subarray(at, at + c));
      at += c;
    }
    if (at < bytes.length) chunks.push(bytes.subarray(at));
    return { name: `f.${format}`, chunks };
  });

const thread = new URL('../../../dist/confirm/flows/flow-parse.thread.js', import.meta.url);
const built = existsSync(fileURLToPath(thread));

describe('flow analysis with the parsing split off', () => {
  it('gives the one-thread report on random files and chunkings (parsed in this thread)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 2 }), async (inputs) => {
        expect(await run(inputs, null)).toEqual(await expected(inputs));
      }),
      { numRuns: 60 },
    );
  });

  it.runIf(built)('gives the one-thread report on the compiled parsing thread', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 2 }), async (inputs) => {
        expect(await run(inputs, thread)).toEqual(await expected(inputs));
      }),
      { numRuns: 15 },
    );
  });

  it('names the first 20 broken lines across files and counts the rest; a file of no known format stops the analysis', async () => {
    const bad = (n: number) => Array.from({ length: n }, (_, i) => `x\ty${i}`);
    const tsv = (extra: string[]) => Buffer.from([...synth['zeek-tsv'].slice(0, 200), ...extra, ...synth['zeek-tsv'].slice(200, 400)].join('\n'));
    const inputs = [
      { name: 'a.log', chunks: [tsv(bad(15))] },
      { name: 'b.log', chunks: [tsv(bad(12))] },
    ];
    for (const t of built ? [null, thread] : [null]) {
      const r = (await run(inputs, t)) as FlowReport;
      expect(r).toEqual(await expected(inputs));
      expect(r.skipped).toBe(27);
      expect(r.problems).toHaveLength(20);
      expect(r.problems.at(-1)).toMatch(/^b\.log:205: /);
      const junk = [...inputs, { name: 'junk.txt', chunks: [Buffer.from('\n\r\nhello\n')] }];
      expect(await run(junk, t)).toEqual({ error: 'BadInputError: junk.txt:3: not a Zeek conn.log (TSV or JSON), VPC Flow Log or nfdump CSV' });
    }
  });
});
