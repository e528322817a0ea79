/**
 * `breachdesk intake …`: alert sources and backfills, thin over the API (BREACHDESK_URL/TOKEN or
 * the local store in-process). `intake replay` streams a file of alerts (NDJSON, or one JSON
 * array) in batches; a broken line stops the replay naming file and line, after every batch
 * before it was stored.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { checkInputFile, readInputFile } from '../platform/cli-input-files.js';
import { action, printJson } from '../platform/cli-support.js';
import { BadInputError } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { IngestResult, SourceView } from './intake.service.js';
import type { Json } from './normalise/alert.js';

const BATCH = 500;

interface Totals {
  accepted: number;
  created: number;
  repeats: number;
  unparsed: number;
}

/** Alerts of a file in batches: a JSON array (read whole) or NDJSON (streamed line by line). */
async function* batches(file: string): AsyncGenerator<{ docs: Json[]; line: number }> {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(256);
  const got = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const head = buf.subarray(0, got).toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 1);
  if (head === '[') {
    let all: unknown;
    try {
      all = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new BadInputError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const docs = all as Json[];
    for (let i = 0; i < docs.length; i += BATCH) yield { docs: docs.slice(i, i + BATCH), line: 1 };
    return;
  }
  let docs: Json[] = [];
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    n++;
    if (!line.trim()) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch (e) {
      if (docs.length) yield { docs, line: n };
      throw new BadInputError(`${file}:${n}: not valid JSON (${(e as Error).message.slice(0, 100)}); the lines before it were sent`);
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new BadInputError(`${file}:${n}: not a JSON object`);
    docs.push(doc as Json);
    if (docs.length === BATCH) {
      yield { docs, line: n };
      docs = [];
    }
  }
  if (docs.length) yield { docs, line: n };
}

export function registerIntakeCommands(program: Command, ctx: CliContext): void {
  const intake = program.command('intake').description('alert intake: sources and backfills');
  const sources = intake.command('sources').description('configured alert sources');
  sources
    .command('list')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { json?: boolean }) => {
        const c = ctx.client();
        try {
          const r = await c.json<{ items: SourceView[] }>('/api/v1/intake-sources');
          if (o.json) return printJson(r);
          for (const s of r.items) process.stdout.write(`${s.name}\t${s.format}\t${s.auth}\tdedup ${s.dedupKeys.join('+')} / ${s.dedupWindowSeconds}s\n`);
        } finally {
          await c.close();
        }
      }),
    );
  sources
    .command('add <name>')
    .description('add a source; prints its token or HMAC secret once')
    .option('--format <format>', 'auto|wazuh|elastic|suricata|falco|guardduty|canarytoken|generic', 'auto')
    .option('--auth <auth>', 'token|hmac', 'token')
    .option('--json', 'machine-readable output')
    .action(
      action(async (name: string, o: { format: string; auth: string; json?: boolean }) => {
        const c = ctx.client();
        try {
          const r = await c.json<{ source: SourceView; secret: string }>('/api/v1/intake-sources', { body: { name, format: o.format, auth: o.auth } });
          if (o.json) return printJson(r);
          process.stdout.write(`source ${r.source.name} added (${r.source.auth}); its secret, shown once:\n${r.secret}\n`);
        } finally {
          await c.close();
        }
      }),
    );
  sources
    .command('correlation <name>')
    .description("set a source's correlation lists (docs/intake.md \"Entities that identify nothing alone\") from a JSON file, or back to the defaults; prints the lists in force")
    .option('--file <file>', 'a JSON object of lists: localAccounts, localFiles, localRules, ignoreHosts, ignoreUsers, ignoreIps, ignoreHashes')
    .option('--defaults', 'drop the source\'s own lists')
    .option('--json', 'machine-readable output')
    .action(
      action(async (name: string, o: { file?: string; defaults?: boolean; json?: boolean }) => {
        if (!o.file === !o.defaults) throw new BadInputError('give either --file FILE or --defaults');
        let correlation: unknown = null;
        if (o.file) {
          const text = readInputFile(o.file);
          try {
            correlation = JSON.parse(text);
          } catch (e) {
            throw new BadInputError(`${o.file}: not JSON (${(e as Error).message})`);
          }
        }
        const c = ctx.client();
        try {
          const r = await c.json<SourceView>(`/api/v1/intake-sources/${encodeURIComponent(name)}`, { method: 'PATCH', body: { correlation } });
          if (o.json) return printJson(r);
          for (const [list, values] of Object.entries(r.correlation)) process.stdout.write(`${list}\t${values.join(' ')}\n`);
        } finally {
          await c.close();
        }
      }),
    );
  intake
    .command('replay <file>')
    .description('feed a file of alerts (NDJSON or a JSON array) into a source, for backfills and tests')
    .requiredOption('--source <source>', 'the configured source the alerts come from')
    .option('--json', 'machine-readable totals')
    .action(
      action(async (file: string, o: { source: string; json?: boolean }) => {
        checkInputFile(file);
        const c = ctx.client();
        const totals: Totals = { accepted: 0, created: 0, repeats: 0, unparsed: 0 };
        try {
          for await (const b of batches(file)) {
            const r = await c.json<IngestResult>(`/api/v1/intake-sources/${encodeURIComponent(o.source)}/replay`, { body: { alerts: b.docs } });
            for (const k of Object.keys(totals) as Array<keyof Totals>) totals[k] += r[k];
          }
        } catch (e) {
          if (totals.accepted) process.stderr.write(`${totals.accepted} alert(s) were stored before the error\n`);
          throw e;
        } finally {
          await c.close();
        }
        if (o.json) return printJson({ version: 1, ...totals });
        process.stdout.write(`${totals.accepted} alert(s) accepted: ${totals.created} new, ${totals.repeats} repeats, ${totals.unparsed} unparsed\n`);
      }),
    );
}
