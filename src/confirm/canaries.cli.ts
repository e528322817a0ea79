/**
 * `breachdesk canaries …`: generate canary people for a dataset, list the datasets, export the set
 * for the standalone scanner (`breachdesk scan LEAK --canaries FILE`), check a leaked file. Thin
 * over the API (local store or BREACHDESK_URL).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { withClient } from '../platform/cli-client.js';
import { checkInputFile } from '../platform/cli-input-files.js';
import { action, printJson } from '../platform/cli-support.js';
import { FailedError } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Attribution } from './canaries.service.js';

type Generated = { items: Array<{ id: string; name: string; email: string; phone: string; card: string; beaconUrl: string }> };

export function registerCanariesCommands(program: Command, ctx: CliContext): void {
  const c = program.command('canaries').description('canary records: synthetic people planted per dataset; a leak holding them names where it came from');
  c.command('generate <dataset>')
    .description('make canary people for one dataset (shown in full once: plant them)')
    .requiredOption('--planted-where <text>', 'where they are planted (system, table, export)')
    .option('--count <n>', 'how many (1–100)', '3')
    .option('--json', 'machine-readable output')
    .action(
      action((dataset: string, o: { plantedWhere: string; count: string; json?: boolean }) =>
        withClient(ctx.client, async (api) => {
          const r = await api.json<Generated>('/api/v1/canaries', { body: { dataset, plantedWhere: o.plantedWhere, count: Number(o.count) } });
          if (o.json) return printJson(r);
          for (const p of r.items) process.stdout.write(`${p.id}\t${p.name}\t${p.email}\t${p.phone}\t${p.card}\t${p.beaconUrl}\n`);
        }),
      ),
    );
  c.command('list')
    .description('datasets with planted canaries, and when a beacon was last touched')
    .option('--json', 'machine-readable output')
    .action(
      action((o: { json?: boolean }) =>
        withClient(ctx.client, async (api) => {
          const r = await api.json<{ items: Array<{ dataset: string; plantedWhere: string[]; canaries: number; lastHitAt: string | null }> }>('/api/v1/canaries');
          if (o.json) return printJson(r);
          for (const d of r.items) process.stdout.write(`${d.dataset}\t${d.canaries} canaries\t${d.plantedWhere.join('; ')}${d.lastHitAt ? `\tbeacon touched ${d.lastHitAt}` : ''}\n`);
        }),
      ),
    );
  c.command('export')
    .description('the canary set as CSV, for `breachdesk scan LEAK --canaries FILE` (full values; audited)')
    .option('--out <file>', 'write to FILE (mode 0600) instead of stdout')
    .action(
      action((o: { out?: string }) =>
        withClient(ctx.client, async (api) => {
          const r = await api.raw('/api/v1/canaries/export');
          if (!o.out) return void process.stdout.write(r.text);
          try {
            writeFileSync(o.out, r.text, { mode: 0o600 });
          } catch (err) {
            throw new FailedError(`cannot write ${o.out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
          }
        }),
      ),
    );
  c.command('check <file>')
    .description('which datasets a leaked file came from, by the canaries it holds (scanned by the server)')
    .option('--json', 'machine-readable output')
    .action(
      action((file: string, o: { json?: boolean }) => {
        checkInputFile(file);
        return withClient(ctx.client, async (api) => {
          const r = await api.json<Attribution>('/api/v1/canaries/check', { query: { name: basename(file) }, stream: createReadStream(file) });
          if (o.json) return printJson(r);
          if (!r.datasets.length) return void process.stdout.write('no canary records found\n');
          for (const d of r.datasets) process.stdout.write(`${d.dataset}\t${d.canariesFound} of ${d.canariesPlanted} canaries\tscore ${d.score}\t${d.plantedWhere.join('; ')}\n`);
        });
      }),
    );
}
