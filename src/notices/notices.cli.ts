/** `breachdesk notices …` and `breachdesk people …`: thin commands over the API client. */
import { createReadStream, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { ApiClient } from '../platform/cli-client.js';
import { withClient } from '../platform/cli-client.js';
import { checkInputFile, readInputFile } from '../platform/cli-input-files.js';
import { action, printJson } from '../platform/cli-support.js';
import { BadInputError } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { NoticeStatus, NoticeView } from './notices.service.js';
import type { EmailPrimaryView } from './email-primary.service.js';
import type { Audience } from './send-checks.service.js';
import type { ImportReport, MaskedPerson } from './people.schema.js';
import { progress } from '../platform/cli-progress.js';

const enc = encodeURIComponent;

function contentType(file: string): string {
  return extname(file).toLowerCase() === '.xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
}

function readInputs(file: string | undefined): unknown {
  if (!file) return undefined;
  const text = readInputFile(file);
  try {
    return parseYaml(text);
  } catch (e) {
    throw new BadInputError(`${file}: not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

function printNotice(v: NoticeView): void {
  const lines = [
    `notice ${v.id}`,
    `  ${v.kind} notice, ${v.jurisdiction}, serves ${v.ruleIds.join(', ') || '(no rule)'}`,
    `  status ${v.status}, version ${v.version}, sha256 ${v.contentHash}`,
    ...v.approvals.map((a) => `  approved by ${a.userName} as ${a.capacity} at ${a.approvedAt}`),
  ];
  if (v.problems.length) lines.push(`  ${v.problems.length} problem(s) block approval:`, ...v.problems.map((p) => `    - ${p.message}`));
  else lines.push('  content check: every placeholder and required item present');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printStatus(s: NoticeStatus): void {
  const c = s.counts;
  process.stdout.write(
    `notice ${s.id}: ${s.status}; queued ${c.queued + c.sending}, sent ${c.sent}, failed ${c.failed}, bounced ${c.bounced}, postal ${c.postal}${c.printed ? `, printed ${c.printed}` : ''}${s.suppressed ? `, no-contact ${s.suppressed}` : ''}\n`,
  );
  const np = s.emailNotPermitted;
  if (np.postal + np.failed) process.stdout.write(`  not e-mailed for want of consent to electronic notice: ${np.postal} by post${np.failed ? `, ${np.failed} unreachable (substitute notice)` : ''}\n`);
}

async function fetchBinary(c: ApiClient, path: string, out: string | undefined): Promise<void> {
  const r = await c.raw(path);
  const data = r.headers['content-type']?.startsWith('application/pdf') ? r.body : r.text;
  if (out) writeFileSync(out, data);
  else process.stdout.write(data);
}

export function registerPeopleCommands(program: Command, ctx: CliContext): void {
  const people = program.command('people').description('affected people of an incident');
  people
    .command('import <file>')
    .description('import affected people from CSV or XLSX (headers mapped automatically where obvious)')
    .requiredOption('--incident <id>', 'incident id')
    .option('--map <field=Header,...>', 'override the mapping, e.g. name=Customer,email=Mail')
    .option('--jurisdiction <code>', 'jurisdiction for rows that have none (e.g. US-CA)')
    .option('--preview', 'show the mapping and the first rows (masked) without importing')
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, o: { incident: string; map?: string; jurisdiction?: string; preview?: boolean; json?: boolean }) => {
        checkInputFile(file);
        await withClient(ctx.client, async (c) => {
          const path = `/api/v1/incidents/${enc(o.incident)}/people/${o.preview ? 'preview' : 'import'}`;
          const r = await c.json<ImportReport & { sample?: unknown[] }>(path, { method: 'POST', stream: createReadStream(file), contentType: contentType(file), query: { map: o.map, jurisdiction: o.jurisdiction } });
          if (o.json || o.preview) return printJson(r);
          const mapped = Object.entries(r.mapping).map(([k, v]) => `${k}←"${v}"`).join(', ');
          process.stdout.write(
            `${r.imported} imported, ${r.duplicates} duplicate(s), ${r.rejected.length} rejected of ${r.rows} rows\nmapping: ${mapped}${r.unmapped.length ? `\nunmapped columns: ${r.unmapped.join(', ')}` : ''}\nby jurisdiction: ${Object.entries(r.byJurisdiction).map(([j, n]) => `${j} ${n}`).join(', ')}\n`,
          );
          for (const x of r.rejected.slice(0, 20)) process.stderr.write(`${file}:${x.row}: ${x.reason}\n`);
        });
      }),
    );
  people
    .command('list')
    .description('affected people (masked), with their consent to electronic notice and notice state')
    .requiredOption('--incident <id>', 'incident id')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { incident: string; limit: string; json?: boolean }) => {
        await withClient(ctx.client, async (c) => {
          const r = await c.json<{ items: MaskedPerson[]; next: string | null }>(`/api/v1/incidents/${enc(o.incident)}/people`, { query: { limit: o.limit } });
          if (o.json) return printJson(r);
          const consent = (p: MaskedPerson) => (p.emailConsent === null ? 'not stated' : p.emailConsent ? `yes${p.emailConsentAt ? ` (${p.emailConsentAt})` : ''}` : 'no');
          for (const p of r.items) process.stdout.write(`${p.id}  ${p.name || '-'}  ${p.email ?? '-'}  ${p.jurisdiction}  e-mail consent: ${consent(p)}  ${p.state}${p.stateChannel ? ` (${p.stateChannel})` : ''}\n`);
          if (r.next) process.stdout.write(`… more (next page after ${r.next})\n`);
        });
      }),
    );
}

export function registerNoticeCommands(program: Command, ctx: CliContext): void {
  const notices = program.command('notices').description('notices to individuals, regulators, credit bureaus and media');
  notices
    .command('draft')
    .description('draft a notice; prints it with its id and any problem that blocks approval')
    .requiredOption('--incident <id>', 'incident id')
    .requiredOption('--jurisdiction <code>', 'e.g. US-CA, US-MA, FR, GB')
    .requiredOption('--recipient <who>', 'individuals | regulator | credit_bureaus | media | substitute')
    .option('--rule <id>', 'the obligation rule the notice serves (default: the one in force)')
    .option('--inputs <file>', 'YAML/JSON with the incident facts (organisationName, whatHappened, …)')
    .option('--language <tag>', 'en (default), de, fr, fr-CA, es, it, nl, pt, pt-BR, pl, sv: individuals get the notice in their language (docs/notices.md)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { incident: string; jurisdiction: string; recipient: string; rule?: string; inputs?: string; language?: string; json?: boolean }) => {
        const inputs = readInputs(o.inputs);
        await withClient(ctx.client, async (c) => {
          const v = await c.json<NoticeView>('/api/v1/notices', { method: 'POST', body: { incidentId: o.incident, recipient: o.recipient, jurisdiction: o.jurisdiction, ruleId: o.rule, inputs, language: o.language } });
          if (o.json) printJson(v);
          else printNotice(v);
        });
      }),
    );
  notices
    .command('list')
    .description('notices of an incident with their status and the obligations they serve')
    .requiredOption('--incident <id>', 'incident id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { incident: string; json?: boolean }) => {
        await withClient(ctx.client, async (c) => {
          const r = await c.json<{ items: Omit<NoticeView, 'rendered' | 'inputs'>[] }>(`/api/v1/incidents/${enc(o.incident)}/notices`);
          if (o.json) return printJson(r);
          for (const n of r.items) process.stdout.write(`${n.id}  ${n.kind.padEnd(13)} ${n.jurisdiction.padEnd(6)} ${n.status.padEnd(8)} v${n.version}  ${n.ruleIds.join(', ')}${n.problems.length ? `  (${n.problems.length} problem(s))` : ''}\n`);
        });
      }),
    );
  notices
    .command('tracking')
    .description('per obligation: people reached by channel, and when')
    .requiredOption('--incident <id>', 'incident id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { incident: string; json?: boolean }) => {
        await withClient(ctx.client, async (c) => {
          const r = await c.json<{ obligations: { ruleId: string; noticeId: string; status: string; reached: Record<string, { count: number; first: string | null; last: string | null }>; pending: number; failed: number }[] }>(
            `/api/v1/incidents/${enc(o.incident)}/notices/tracking`,
          );
          if (o.json) return printJson(r);
          for (const ob of r.obligations) {
            const reached = Object.entries(ob.reached).map(([ch, x]) => `${ch} ${x.count} (${x.first ?? '?'} … ${x.last ?? '?'})`).join(', ') || 'nobody yet';
            process.stdout.write(`${ob.ruleId}: notice ${ob.noticeId} ${ob.status}; reached ${reached}; pending ${ob.pending}, failed ${ob.failed}\n`);
          }
        });
      }),
    );
  notices
    .command('revise <id>')
    .description('change the inputs of a draft (creates a new version)')
    .requiredOption('--inputs <file>', 'YAML/JSON with the fields to change')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { inputs: string; json?: boolean }) => {
        const inputs = readInputs(o.inputs);
        await withClient(ctx.client, async (c) => {
          const v = await c.json<NoticeView>(`/api/v1/notices/${enc(id)}`, { method: 'PATCH', body: { inputs } });
          if (o.json) printJson(v);
          else printNotice(v);
        });
      }),
    );
  notices
    .command('preview <id>')
    .description('print the notice (text), or write the HTML e-mail / PDF letter')
    .option('--format <f>', 'text | html | pdf', 'text')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      action(async (id: string, o: { format: string; out?: string }) => {
        if (o.format === 'pdf' && !o.out) throw new BadInputError('--format pdf needs --out FILE');
        await withClient(ctx.client, (c) => fetchBinary(c, `/api/v1/notices/${enc(id)}/preview?format=${enc(o.format)}`, o.out));
      }),
    );
  notices
    .command('approve <id>')
    .description('approve as the legal member or the incident commander (each with their own token)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        await withClient(ctx.client, async (c) => {
          const v = await c.json<NoticeView>(`/api/v1/notices/${enc(id)}/approve`, { method: 'POST', body: {} });
          if (o.json) printJson(v);
          else printNotice(v);
        });
      }),
    );
  notices
    .command('send <id>')
    .description('send an approved notice to every affected person (e-mail, else postal batch)')
    .option('--wait', 'wait until every e-mail is sent, failed or bounced')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { wait?: boolean; json?: boolean }) => {
        await withClient(ctx.client, async (c) => {
          let s = await c.json<NoticeStatus>(`/api/v1/notices/${enc(id)}/send`, { method: 'POST', body: {}, headers: { 'idempotency-key': `send:${id}` } });
          const bar = o.wait && !o.json ? progress('sending', { unit: 'e-mails' }) : null;
          try {
            while (o.wait && !s.settled) {
              await new Promise((r) => setTimeout(r, 1000));
              s = await c.json<NoticeStatus>(`/api/v1/notices/${enc(id)}/status`);
              bar?.update(s.counts.sent, s.total - s.counts.postal);
            }
          } finally {
            bar?.stop();
          }
          if (o.json) printJson(s);
          else printStatus(s);
        });
      }),
    );
  notices
    .command('audience <id>')
    .description('who an individual notice will reach, by e-mail and by post, before sending (and who may not be e-mailed without consent)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        await withClient(ctx.client, async (c) => {
          const a = await c.json<Audience>(`/api/v1/notices/${enc(id)}/audience`);
          if (o.json) return printJson(a);
          const lines = [`notice ${id}: ${a.total} recipient(s): ${a.email} by e-mail, ${a.postal} by post, ${a.unreachable} unreachable (substitute notice)${a.noContact ? `; ${a.noContact} do not contact` : ''}`];
          if (a.electronicNotice) lines.push(`  e-mail is notice: ${a.electronicNotice.allowed}${a.electronicNotice.primaryEmail ? ' (e-mail declared the primary means)' : ''} — ${a.electronicNotice.basis}`);
          if (a.emailNotPermitted) lines.push(`  ${a.emailNotPermitted} with an e-mail address but no consent to electronic notice go by post or are unreachable`);
          process.stdout.write(`${lines.join('\n')}\n`);
        });
      }),
    );
  notices
    .command('email-primary')
    .description('show, declare (--yes) or withdraw (--withdraw) that e-mail is the primary means of communication with the affected people (audited)')
    .requiredOption('--incident <id>', 'incident id')
    .option('--yes', 'declare it: notices under statutes that accept it (e.g. Colorado, South Dakota) e-mail people without E-SIGN consent')
    .option('--withdraw', 'withdraw the declaration')
    .option('--statement <text>', 'why (kept with the declaration)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { incident: string; yes?: boolean; withdraw?: boolean; statement?: string; json?: boolean }) => {
        if (o.yes && o.withdraw) throw new BadInputError('give --yes or --withdraw, not both');
        await withClient(ctx.client, async (c) => {
          const path = `/api/v1/incidents/${enc(o.incident)}/notices/email-primary`;
          const r = o.yes || o.withdraw ? await c.json<EmailPrimaryView>(path, { method: 'PUT', body: { primaryEmail: !!o.yes, statement: o.statement ?? null } }) : await c.json<EmailPrimaryView>(path);
          if (o.json) return printJson(r);
          process.stdout.write(`${r.incidentId}: e-mail ${r.primaryEmail ? 'is' : 'is not'} declared the primary means of communication${r.declaredBy ? ` (${r.declaredBy}, ${r.declaredAt})` : ''}${r.statement ? `: ${r.statement}` : ''}\n`);
        });
      }),
    );
  notices
    .command('status <id>')
    .description('delivery counts per state: queued, sent, failed, bounced, postal')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        await withClient(ctx.client, async (c) => {
          const s = await c.json<NoticeStatus>(`/api/v1/notices/${enc(id)}/status`);
          if (o.json) printJson({ ...s, counts: { ...s.counts, queued: s.counts.queued + s.counts.sending } });
          else printStatus(s);
        });
      }),
    );
  notices
    .command('export-proof <id>')
    .description('proof of notice (CSV): who, when, channel, content hash, Message-ID')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--unmask', 'show recipients unmasked (legal or commander role; audited)')
    .action(action(async (id: string, o: { out?: string; unmask?: boolean }) => withClient(ctx.client, (c) => fetchBinary(c, `/api/v1/notices/${enc(id)}/proof${o.unmask ? '?unmask=true' : ''}`, o.out))));
  notices
    .command('postal <id>')
    .description('postal batch for the print vendor: CSV of addresses or merged PDF of letters')
    .option('--format <f>', 'csv | pdf', 'csv')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      action(async (id: string, o: { format: string; out?: string }) => {
        if (o.format === 'pdf' && !o.out) throw new BadInputError('--format pdf needs --out FILE');
        await withClient(ctx.client, (c) => fetchBinary(c, `/api/v1/notices/${enc(id)}/postal?format=${enc(o.format)}`, o.out));
      }),
    );
  notices
    .command('import-results <id> <file>')
    .description('import bounces or print-vendor results (CSV: message_id or letter_id, status[, date])')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, file: string, o: { json?: boolean }) => {
        checkInputFile(file);
        await withClient(ctx.client, async (c) => {
          const r = await c.json<{ rows: number; updated: number; unknown: number }>(`/api/v1/notices/${enc(id)}/results`, { method: 'POST', stream: createReadStream(file), contentType: 'text/csv' });
          if (o.json) printJson(r);
          else process.stdout.write(`${r.updated} updated, ${r.unknown} not matched, of ${r.rows} rows\n`);
        });
      }),
    );
}
