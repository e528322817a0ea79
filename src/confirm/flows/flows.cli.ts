/**
 * `breachdesk flows analyse FILE…`: exfiltration analytics on flow logs, standalone (no server,
 * no store), streaming. Human summary by default; `--json` prints the versioned report.
 */
import type { Command } from 'commander';
import { action, collect, printJson } from '../../platform/cli-support.js';
import { BadInputError } from '../../platform/errors.js';
import type { FlowReport } from './analyse.js';
import { type AnalyseOptions, analyseFlows, checkFiles, fileInput } from './flow-files.js';

const bytes = (v: string) => {
  const m = /^(\d+(?:\.\d+)?)\s*(k|m|g|t)?b?$/i.exec(v.trim());
  if (!m) throw new BadInputError(`"${v}" is not a size like 100MB`);
  return Number(m[1]) * { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 }[(m[2] ?? '').toLowerCase() as '']!;
};

export interface FlowCliOptions {
  json?: boolean;
  internal?: string[];
  vpcFields?: string;
  tz?: string;
  workHours?: string;
  floor?: string;
  large?: string;
}

export function flowOptions(o: FlowCliOptions): AnalyseOptions {
  const opts: AnalyseOptions = {};
  if (o.internal?.length) opts.internal = o.internal;
  if (o.vpcFields) opts.vpcFields = o.vpcFields.replace(/\$\{|\}/g, '').split(/[\s,]+/).filter(Boolean);
  if (o.tz) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: o.tz });
    } catch {
      throw new BadInputError(`--tz: "${o.tz}" is not an IANA time zone`);
    }
    opts.timeZone = o.tz;
  }
  if (o.workHours) {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(o.workHours);
    if (!m || Number(m[1]) >= Number(m[2]) || Number(m[2]) > 24) throw new BadInputError('--work-hours: expected START-END like 7-19');
    opts.workHours = [Number(m[1]), Number(m[2])];
  }
  if (o.floor) opts.volumeFloor = bytes(o.floor);
  if (o.large) opts.largeTransfer = bytes(o.large);
  return opts;
}

export function printFlowReport(r: FlowReport): void {
  process.stdout.write(`${r.records} records (${r.outbound} internal → external) from ${r.hosts} host(s), ${r.from ?? '-'} … ${r.to ?? '-'}; ${r.findings.length} finding(s)\n`);
  for (const f of r.findings) {
    process.stdout.write(`\n[${f.kind}] ${f.summary}\n`);
    for (const e of f.evidence) process.stdout.write(`    ${e.where}\t${e.at}\t${e.src} → ${e.dst}:${e.dport}\t${e.bytesOut} bytes\n`);
  }
}

export function registerFlowsCommands(program: Command): void {
  const flows = program.command('flows').description('exfiltration analytics on flow logs (Zeek conn.log, AWS VPC Flow Logs, NetFlow/IPFIX CSV)');
  flows
    .command('analyse <files...>')
    .alias('analyze')
    .description('bytes out per host vs its own baseline, first-seen destinations, large transfers, off-hours, beaconing')
    .option('--json', 'print the report as JSON (version 1)')
    .option('--internal <cidr>', 'internal network (repeat; default RFC 1918, 100.64/10, fd00::/8)', collect)
    .option('--vpc-fields <fields>', 'custom VPC Flow Log field list when the file has no header line')
    .option('--tz <zone>', 'time zone of working hours (IANA, default UTC)')
    .option('--work-hours <start-end>', 'working hours, e.g. 7-19 (default)')
    .option('--floor <size>', 'hourly bytes out below which a host is never flagged (default 100MB)')
    .option('--large <size>', 'one flow this large is a finding (default 500MB)')
    .action(
      action(async (files: string[], o: FlowCliOptions) => {
        checkFiles(files);
        const report = await analyseFlows(files.map(fileInput), flowOptions(o));
        for (const p of report.problems) process.stderr.write(`skipped ${p}\n`);
        if (report.skipped > report.problems.length) process.stderr.write(`… ${report.skipped - report.problems.length} more broken line(s) skipped\n`);
        if (report.records === 0 && report.skipped > 0) throw new BadInputError(`no readable flow records (${report.skipped} broken line(s))`);
        if (o.json) printJson(report);
        else printFlowReport(report);
      }),
    );
}
