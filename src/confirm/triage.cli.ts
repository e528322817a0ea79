/** `breachdesk triage …`: the suspected-incident queue from the command line (thin over the API). */
import type { Command } from 'commander';
import type { ApiClient } from '../platform/cli-client.js';
import { action, collect, printJson } from '../platform/cli-support.js';
import type { CliContext } from '../platform/module.js';
import type { AlertView, SuspectView } from './triage.views.js';

async function run<T>(ctx: CliContext, fn: (c: ApiClient) => Promise<T>): Promise<T> {
  const c = ctx.client();
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

const line = (s: SuspectView) => `${s.id}\t${s.status}\tscore ${s.score}\t${s.severity}\t${s.alertCount} alert(s)\t${s.title}${s.incidentId ? `\t→ incident ${s.incidentId}` : ''}\n`;
const out = (json: boolean | undefined, v: SuspectView): void => {
  if (json) printJson(v);
  else process.stdout.write(line(v));
};
const path = (id: string, verb = '') => `/api/v1/triage/suspects/${encodeURIComponent(id)}${verb ? `/${verb}` : ''}`;

export function registerTriageCommands(program: Command, ctx: CliContext): void {
  const t = program.command('triage').description('suspected incidents from alerts, reports and canaries: acknowledge, dismiss, merge, split, link, confirm');
  t.command('list')
    .option('--status <status>', 'open|acknowledged|dismissed|merged|confirmed|linked (default: open and acknowledged)')
    .option('--json', 'machine-readable output')
    .action(
      action((o: { status?: string; json?: boolean }) =>
        run(ctx, async (c) => {
          const r = await c.json<{ items: SuspectView[] }>('/api/v1/triage/suspects', { query: { status: o.status, limit: 200 } });
          if (o.json) return printJson(r);
          for (const s of r.items) process.stdout.write(line(s));
        }),
      ),
    );
  t.command('show <id>')
    .option('--json', 'machine-readable output')
    .action(
      action((id: string, o: { json?: boolean }) =>
        run(ctx, async (c) => {
          const r = await c.json<SuspectView & { alerts: AlertView[] }>(path(id));
          if (o.json) return printJson(r);
          process.stdout.write(line(r));
          for (const a of r.alerts) process.stdout.write(`  ${a.observedAt}\t${a.source}/${a.kind}\t${a.severity}\t×${a.count}\t${a.title}\n`);
        }),
      ),
    );
  t.command('ack <id>')
    .option('--json', 'machine-readable output')
    .action(action((id: string, o: { json?: boolean }) => run(ctx, async (c) => out(o.json, await c.json<SuspectView>(path(id, 'acknowledge'), { method: 'POST', body: {} })))));
  t.command('dismiss <id>')
    .requiredOption('--reason <text>', 'why (false positive, benign, duplicate …)')
    .option('--json', 'machine-readable output')
    .action(action((id: string, o: { reason: string; json?: boolean }) => run(ctx, async (c) => out(o.json, await c.json<SuspectView>(path(id, 'dismiss'), { body: { reason: o.reason } })))));
  t.command('merge <id>')
    .requiredOption('--from <id>', 'a suspected incident to fold in (repeat the option)', collect)
    .option('--json', 'machine-readable output')
    .action(action((id: string, o: { from: string[]; json?: boolean }) => run(ctx, async (c) => out(o.json, await c.json<SuspectView>(path(id, 'merge'), { body: { from: o.from } })))));
  t.command('split <id>')
    .requiredOption('--alert <id>', 'an alert to move to a new suspected incident (repeat the option)', collect)
    .option('--json', 'machine-readable output')
    .action(
      action((id: string, o: { alert: string[]; json?: boolean }) =>
        run(ctx, async (c) => {
          const r = await c.json<{ from: SuspectView; to: SuspectView }>(path(id, 'split'), { body: { alertIds: o.alert } });
          if (o.json) return printJson(r);
          process.stdout.write(line(r.from) + line(r.to));
        }),
      ),
    );
  t.command('link <id>')
    .requiredOption('--incident <id>', 'the existing incident')
    .option('--json', 'machine-readable output')
    .action(action((id: string, o: { incident: string; json?: boolean }) => run(ctx, async (c) => out(o.json, await c.json<SuspectView>(path(id, 'link'), { body: { incidentId: o.incident } })))));
  t.command('confirm <id>')
    .description('open an incident from the suspected incident; the awareness time starts the legal clocks')
    .option('--aware-at <iso>', 'when the organisation became aware (default: now)')
    .option('--reason <text>', 'why the awareness time is earlier than now (required then)')
    .option('--title <title>', 'incident title (default: the suspected incident’s)')
    .option('--severity <severity>', 'low|medium|high|critical')
    .option('--json', 'machine-readable output')
    .action(
      action((id: string, o: { awareAt?: string; reason?: string; title?: string; severity?: string; json?: boolean }) =>
        run(ctx, async (c) => {
          const r = await c.json<{ incidentId: string; awareAt: string; observables: number }>(path(id, 'confirm'), {
            body: { awareAt: o.awareAt, awareAtReason: o.reason, title: o.title, severity: o.severity },
          });
          if (o.json) return printJson(r);
          process.stdout.write(`incident ${r.incidentId} opened, aware at ${r.awareAt}, ${r.observables} observable(s) carried over\n`);
        }),
      ),
    );
}
