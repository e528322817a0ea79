/**
 * `breachdesk evidence …`: thin commands over the evidence API, so they work the same against
 * a server (BREACHDESK_URL/TOKEN) and the local store (in-process). Uploads and downloads
 * stream with a progress bar on stderr; --json prints machine-readable results on stdout.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { ApiClient } from '../../platform/cli-client.js';
import { checkInputFile } from '../../platform/cli-input-files.js';
import { action, printJson } from '../../platform/cli-support.js';
import { FailedError } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import type { CustodyRow, EvidenceItem, VerifyResult } from './evidence.schema.js';
import { downloadStream, remoteTarget, uploadStream } from './evidence-transfer.js';
import { progress as startProgress } from '../../platform/cli-progress.js';

/** Chunk size when the in-process client fetches a download as base64 ranges. */
export const LOCAL_DOWNLOAD_CHUNK = 4 * 1024 * 1024;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, v);
  return `${path}?${qs}`;
}

function progress(label: string, total: number): { tick(n: number): void; stop(): void } {
  const bar = startProgress(label, { unit: 'bytes' });
  let done = 0;
  bar.update(0, total);
  return {
    tick(n) {
      done += n;
      bar.update(done, total);
    },
    stop: () => bar.stop(),
  };
}

function counter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _e, cb) {
      onBytes(chunk.length);
      cb(null, chunk);
    },
  });
}

async function withClient<T>(ctx: CliContext, fn: (c: ApiClient) => Promise<T>): Promise<T> {
  const c = ctx.client();
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

function describe(i: EvidenceItem): string {
  const flags = [i.privileged ? 'privileged' : '', i.legalHold ? 'legal hold' : '', i.deletedAt ? 'deleted' : ''].filter(Boolean).join(', ');
  return `${i.id}\t${i.name}\t${i.size} bytes\tsha256 ${i.sha256}\tcustodian ${i.custodian}${flags ? `\t(${flags})` : ''}`;
}

/**
 * Streams the decrypted file into `out` (via a temporary name, renamed when complete) and
 * checks its SHA-256 against the recorded one.
 */
async function download(c: ApiClient, item: EvidenceItem, out: string): Promise<string> {
  const tmp = `${out}.part`;
  const hash = createHash('sha256');
  const bar = progress('downloading', item.size);
  const path = `/api/v1/evidence/${encodeURIComponent(item.id)}/content`;
  try {
    const remote = c.mode === 'remote' ? remoteTarget() : null;
    if (remote) {
      await pipeline(
        await downloadStream(remote, path),
        counter((n) => bar.tick(n)),
        new Transform({
          transform(chunk: Buffer, _e, cb) {
            hash.update(chunk);
            cb(null, chunk);
          },
        }),
        createWriteStream(tmp, { mode: 0o600 }),
      );
    } else {
      // In-process: bounded base64 ranges through the same route (each recorded in the ledger).
      const ws = createWriteStream(tmp, { mode: 0o600 });
      const sink = new PassThrough();
      const done = pipeline(sink, ws);
      for (let offset = 0; offset < item.size || offset === 0; ) {
        const r = await c.json<{ bytes: number; data: string }>(path, { query: { encoding: 'base64', offset, length: LOCAL_DOWNLOAD_CHUNK } });
        const buf = Buffer.from(r.data, 'base64');
        hash.update(buf);
        if (!sink.write(buf)) await new Promise((res) => sink.once('drain', res));
        bar.tick(buf.length);
        if (r.bytes === 0) break;
        offset += r.bytes;
      }
      sink.end();
      await done;
    }
    const sha = hash.digest('hex');
    if (sha !== item.sha256) throw new FailedError(`downloaded file's SHA-256 ${sha} differs from the recorded ${item.sha256}`);
    await rename(tmp, out);
    return sha;
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    bar.stop();
  }
}

export function registerEvidenceCommands(program: Command, ctx: CliContext): void {
  const ev = program.command('evidence').description('evidence files with a chain of custody (encrypted at rest)');

  ev.command('add <file>')
    .description('upload a file as evidence of an incident (streamed; SHA-256 recorded)')
    .requiredOption('--incident <id>', 'incident id')
    .option('--name <name>', 'name to record (default: the file name)')
    .option('--description <text>', 'what the file is and where it came from')
    .option('--privileged', 'attorney–client privileged: visible to legal roles only')
    .option('--json', 'print the item as JSON')
    .action(
      action(async (file: string, o: { incident: string; name?: string; description?: string; privileged?: boolean; json?: boolean }) => {
        checkInputFile(file);
        const size = statSync(file).size;
        const bar = progress('uploading', size);
        const item = await withClient(ctx, async (c) => {
          try {
            const stream = createReadStream(file).pipe(counter((n) => bar.tick(n)));
            const query = { name: o.name ?? basename(file), description: o.description, privileged: o.privileged ? 'true' : undefined };
            const path = `/api/v1/incidents/${encodeURIComponent(o.incident)}/evidence`;
            const remote = c.mode === 'remote' ? remoteTarget() : null;
            if (remote) return await uploadStream<EvidenceItem>(remote, withQuery(path, query), stream);
            return await c.json<EvidenceItem>(path, { method: 'POST', stream, query });
          } finally {
            bar.stop();
          }
        });
        if (o.json) printJson(item);
        else process.stdout.write(`added ${describe(item)}\n`);
      }),
    );

  ev.command('list')
    .description('list the evidence items of an incident')
    .requiredOption('--incident <id>', 'incident id')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { incident: string; json?: boolean }) => {
        const items = await withClient(ctx, async (c) => {
          const all: EvidenceItem[] = [];
          let cursor: string | null = null;
          do {
            const page: { items: EvidenceItem[]; nextCursor: string | null } = await c.json(`/api/v1/incidents/${encodeURIComponent(o.incident)}/evidence`, {
              query: { cursor: cursor ?? undefined, limit: 500 },
            });
            all.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor);
          return all;
        });
        if (o.json) return printJson({ items });
        for (const i of items) process.stdout.write(`${describe(i)}\n`);
      }),
    );

  ev.command('get <id>')
    .description('show an item; with --out, download the file (decrypted, SHA-256 checked)')
    .option('--out <file>', 'write the file here')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { out?: string; json?: boolean }) => {
        await withClient(ctx, async (c) => {
          const item = await c.json<EvidenceItem>(`/api/v1/evidence/${encodeURIComponent(id)}`);
          if (o.out) await download(c, item, o.out);
          if (o.json) printJson(o.out ? { ...item, out: o.out } : item);
          else process.stdout.write(`${describe(item)}${o.out ? `\nwritten to ${o.out}` : ''}\n`);
        });
      }),
    );

  ev.command('verify <id>')
    .description('re-hash the stored file and check the custody ledger; exit 1 naming what no longer matches')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const r = await withClient(ctx, (c) => c.json<VerifyResult>(`/api/v1/evidence/${encodeURIComponent(id)}/verify`, { method: 'POST', body: {} }));
        if (o.json) printJson(r);
        if (!r.ok) throw new FailedError(`evidence ${id} does not verify: ${r.problems.join('; ')}`);
        if (!o.json) process.stdout.write(`evidence ${id} intact: file SHA-256 ${r.sha256} matches, custody ledger of ${r.custodyRows} rows is unbroken\n`);
      }),
    );

  ev.command('handover <id>')
    .description('record a hand-over of the item to another custodian')
    .requiredOption('--to <custodian>', 'who receives the item')
    .requiredOption('--reason <text>', 'why')
    .option('--from <custodian>', 'who hands it over (default: the recorded custodian; must match it)')
    .option('--json', 'print the item as JSON')
    .action(
      action(async (id: string, o: { to: string; reason: string; from?: string; json?: boolean }) => {
        const item = await withClient(ctx, (c) =>
          c.json<EvidenceItem>(`/api/v1/evidence/${encodeURIComponent(id)}/handover`, { method: 'POST', body: { to: o.to, reason: o.reason, from: o.from } }),
        );
        if (o.json) printJson(item);
        else process.stdout.write(`handed over: ${describe(item)}\n`);
      }),
    );

  ev.command('custody <id>')
    .description('print the custody ledger of an item')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const r = await withClient(ctx, (c) => c.json<{ items: CustodyRow[] }>(`/api/v1/evidence/${encodeURIComponent(id)}/custody`));
        if (o.json) return printJson(r);
        for (const row of r.items) {
          const who = [row.from && `from ${row.from}`, row.to && `to ${row.to}`, row.reason && `(${row.reason})`].filter(Boolean).join(' ');
          process.stdout.write(`${row.seq}\t${row.at}\t${row.action}\t${row.actorName ?? '?'}${who ? `\t${who}` : ''}\n`);
        }
      }),
    );

  ev.command('delete <id>')
    .description('delete the file (refused under legal hold); the record and its custody ledger remain')
    .option('--reason <text>', 'why')
    .option('--json', 'print the item as JSON')
    .action(
      action(async (id: string, o: { reason?: string; json?: boolean }) => {
        const item = await withClient(ctx, (c) => c.json<EvidenceItem>(`/api/v1/evidence/${encodeURIComponent(id)}`, { method: 'DELETE', query: { reason: o.reason } }));
        if (o.json) printJson(item);
        else process.stdout.write(`deleted: ${describe(item)}\n`);
      }),
    );

  ev.command('hold <id>')
    .description('set (or with --release, release) a legal hold: no deletion while set')
    .option('--release', 'release the hold')
    .option('--reason <text>', 'why')
    .option('--json', 'print the item as JSON')
    .action(
      action(async (id: string, o: { release?: boolean; reason?: string; json?: boolean }) => {
        const item = await withClient(ctx, (c) =>
          c.json<EvidenceItem>(`/api/v1/evidence/${encodeURIComponent(id)}/legal-hold`, { method: 'PUT', body: { hold: !o.release, reason: o.reason } }),
        );
        if (o.json) printJson(item);
        else process.stdout.write(`${item.legalHold ? 'legal hold set' : 'legal hold released'}: ${describe(item)}\n`);
      }),
    );
}
