/** `breachdesk timeline …` and `breachdesk register export`: the incident journal and the breach register. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { action, printJson } from '../platform/cli-support.js';
import { BadInputError } from '../platform/errors.js';
import type { TimelineEntry } from './incidents.schema.js';
import { enc, out, type Run, timelineLine } from './incidents.cli-support.js';

export function registerJournalCommands(program: Command, run: Run): void {
  program
    .command('timeline <id>')
    .description('the incident timeline (or record an entry with --add)')
    .option('--json', 'JSON export')
    .option('--csv', 'CSV export')
    .option('--md', 'Markdown export')
    .option('--kind <kinds>', 'only these kinds (comma-separated)')
    .option('--add <text>', 'record a manual entry')
    .option('--at <iso>', 'when the recorded event happened (with --add)')
    .option('--entry-kind <kind>', 'kind of the entry (with --add): note, attacker_activity, detection, containment, communication, decision, other', 'note')
    .action(
      action(async (id: string, o: { json?: boolean; csv?: boolean; md?: boolean; kind?: string; add?: string; at?: string; entryKind: string }) => {
        if ([o.json, o.csv, o.md].filter(Boolean).length > 1) throw new BadInputError('choose one of --json, --csv, --md');
        if (o.add !== undefined) {
          if (!o.at) throw new BadInputError('--add needs --at (when the event happened, ISO 8601)');
          const e = await run((c) => c.json<TimelineEntry>(`/api/v1/incidents/${enc(id)}/timeline`, { method: 'POST', body: { kind: o.entryKind, at: o.at, text: o.add } }));
          if (o.json) printJson(e);
          else out(timelineLine(e));
          return;
        }
        const format = o.csv ? 'csv' : o.md ? 'md' : 'json';
        const r = await run((c) => c.raw(`/api/v1/incidents/${enc(id)}/timeline/export`, { query: { format, kind: o.kind } }));
        if (o.json || o.csv || o.md) {
          out(r.text);
          return;
        }
        const data = JSON.parse(r.text) as { items: TimelineEntry[] };
        for (const e of data.items) out(timelineLine(e));
      }),
    );

  const register = program.command('register').description('the breach register (GDPR Art. 33(5))');
  register
    .command('export')
    .description('every incident you may see, notified or not, with facts, effects and remedial action')
    .option('--csv', 'CSV (default: JSON)')
    .option('--json', 'JSON')
    .option('--output <file>', 'write to a file instead of stdout')
    .action(
      action(async (o: { csv?: boolean; json?: boolean; output?: string }) => {
        if (o.csv && o.json) throw new BadInputError('choose one of --csv, --json');
        const r = await run((c) => c.raw('/api/v1/register/export', { query: { format: o.csv ? 'csv' : 'json' } }));
        if (o.output) {
          writeFileSync(o.output, r.text, { mode: 0o600 });
          process.stderr.write(`wrote ${o.output}\n`);
        } else out(r.text);
      }),
    );
}
