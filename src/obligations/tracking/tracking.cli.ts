/**
 * `breachdesk obligations owed|facts --incident ID`: the tracked obligations of an incident and its
 * breach facts (issue 20 §1–§2), thin over the API (remote with BREACHDESK_URL/TOKEN, or the
 * local store in-process). `review` rows stay in the owed list with the questions to settle.
 */
import type { Command } from 'commander';
import { withClient } from '../../platform/cli-client.js';
import { action, printJson } from '../../platform/cli-support.js';
import { BadInputError } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import { EXPOSURES } from '../facts.schema.js';
import type { FactOverrides } from './facts.service.js';
import type { IncidentObligations, TrackedObligation } from './tracking.service.js';

const enc = encodeURIComponent;
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

function tri(flag: string, v: string | undefined): boolean | null | undefined {
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  if (['yes', 'true', 'y'].includes(s)) return true;
  if (['no', 'false', 'n'].includes(s)) return false;
  if (['unknown', 'null', '?'].includes(s)) return null;
  throw new BadInputError(`--${flag}: expected yes, no or unknown, got "${v}"`);
}

const mark = (o: TrackedObligation) => (o.required === 'review' ? 'REVIEW' : 'REQUIRED');

/** The owed table as text: required and review rows still open; the rest counted on one line. */
export function formatOwed(r: IncidentObligations): string {
  const owed = r.items.filter((i) => i.owed);
  const lines = [`Owed notifications of incident ${r.incidentId} (computed ${r.computedAt ?? 'never'})`];
  if (r.nextDeadline) lines.push(`Next deadline: ${r.nextDeadline.deadline} (${r.nextDeadline.id})`);
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  if (!owed.length) lines.push('Nothing owed on the current facts.');
  for (const o of owed) {
    const when = o.deadline ?? o.urgency?.replaceAll('_', ' ') ?? 'no fixed date';
    lines.push(`${mark(o).padEnd(9)} ${when.padEnd(24)} ${o.jurisdiction.padEnd(6)} ${o.recipient.padEnd(15)} ${o.status.padEnd(11)} ${o.count.individuals} people  ${o.id}`);
    lines.push(`          why: ${o.why}`);
    for (const q of o.questions ?? []) lines.push(`          to settle: ${q}`);
    // Which notice the state law deems to satisfy this duty, and what it still waits for (tracking/deemed.service.ts).
    if (o.deemedCompliance) lines.push(`          deemed compliance: ${o.deemedCompliance.label}`);
  }
  const deemed = r.items.filter((i) => i.met?.deemed);
  for (const d of deemed) lines.push(`MET       ${d.jurisdiction.padEnd(6)} ${d.recipient.padEnd(15)} ${d.id}: ${d.met!.deemed!.label}`);
  const met = r.items.filter((i) => i.status === 'done').length;
  const notRequired = r.items.filter((i) => !i.owed && i.status !== 'done').length;
  lines.push('', `${met} met, ${notRequired} not required (--all lists them)`);
  return lines.join('\n');
}

interface FactFlags {
  incident: string;
  acquisition?: string;
  encrypted?: string;
  keyCompromised?: string;
  hashAlgorithm?: string;
  salted?: string;
  secretsLeaked?: string;
  malicious?: boolean;
  inadvertent?: boolean;
  exposure?: string;
  lawEnforcementDelay?: string | boolean;
  delayUntil?: string;
  reason?: string;
  json?: boolean;
}

/** The breach part of the overrides after applying the flags; undefined when no flag changes it. */
export function breachFromFlags(cur: NonNullable<FactOverrides['breach']>, o: FactFlags): NonNullable<FactOverrides['breach']> | undefined {
  const next: Record<string, unknown> = { ...cur };
  let changed = false;
  const set = (k: string, v: unknown) => {
    if (v === undefined) return;
    next[k] = v;
    changed = true;
  };
  set('acquisition', tri('acquisition', o.acquisition));
  const encrypted = tri('encrypted', o.encrypted);
  if (encrypted === null) throw new BadInputError('--encrypted: expected yes or no');
  set('encrypted', encrypted);
  set('keyCompromised', tri('key-compromised', o.keyCompromised));
  if (o.malicious && o.inadvertent) throw new BadInputError('choose one of --malicious, --inadvertent');
  set('malicious', o.malicious ? true : o.inadvertent ? false : undefined);
  if (o.exposure !== undefined) {
    if (o.exposure !== 'unknown' && !(EXPOSURES as readonly string[]).includes(o.exposure)) throw new BadInputError(`--exposure: one of ${EXPOSURES.join(', ')}, unknown`);
    set('exposure', o.exposure === 'unknown' ? null : o.exposure);
  }
  if (o.hashAlgorithm !== undefined || o.salted !== undefined || o.secretsLeaked !== undefined) {
    const h = { ...((cur.hashing as object | undefined) ?? {}) } as Record<string, unknown>;
    if (o.hashAlgorithm !== undefined) h.algorithm = o.hashAlgorithm.trim() || null;
    if (o.salted !== undefined) h.salted = tri('salted', o.salted);
    if (o.secretsLeaked !== undefined) h.secretsLeaked = tri('secrets-leaked', o.secretsLeaked);
    set('hashing', h);
  }
  if (o.lawEnforcementDelay === false) set('lawEnforcementDelay', null);
  else if (typeof o.lawEnforcementDelay === 'string' || o.delayUntil)
    set('lawEnforcementDelay', { requested: true, ...(typeof o.lawEnforcementDelay === 'string' ? { agency: o.lawEnforcementDelay } : {}), ...(o.delayUntil ? { until: o.delayUntil } : {}) });
  return changed ? (next as NonNullable<FactOverrides['breach']>) : undefined;
}

export function registerTrackingCommands(program: Command, ctx: CliContext): void {
  const run = <T>(fn: Parameters<typeof withClient<T>>[1]) => withClient(() => ctx.client(), fn);
  const obligations = program.commands.find((c) => c.name() === 'obligations') ?? program.command('obligations');

  obligations
    .command('owed')
    .description("an incident's owed notifications (required and review, still open), soonest first")
    .requiredOption('--incident <id>', 'incident id')
    .option('--all', 'list every tracked obligation, not required and met ones too')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { incident: string; all?: boolean; json?: boolean }) => {
        const r = await run((c) => c.json<IncidentObligations>(`/api/v1/incidents/${enc(o.incident)}/obligations`));
        if (o.json) return printJson(o.all ? r : { ...r, items: r.items.filter((i) => i.owed) });
        out(formatOwed(r));
        if (o.all) for (const i of r.items.filter((x) => !x.owed)) out(`${i.status.padEnd(12)} ${i.jurisdiction.padEnd(6)} ${i.recipient.padEnd(15)} ${i.id} (item ${i.itemId}): ${i.statusReason ?? i.why}`);
      }),
    );

  obligations
    .command('late-reason <item>')
    .description('record or correct why a late met obligation was late (GDPR Art. 33(1)); audited')
    .requiredOption('--incident <id>', 'incident id')
    .requiredOption('--reason <text>', 'the reasons for the delay')
    .option('--json', 'print JSON')
    .action(
      action(async (item: string, o: { incident: string; reason: string; json?: boolean }) => {
        const r = await run((c) => c.json<TrackedObligation>(`/api/v1/incidents/${enc(o.incident)}/obligations/${enc(item)}/late-reason`, { method: 'PUT', body: { reason: o.reason } }));
        if (o.json) return printJson(r);
        out(`${r.id} ${r.jurisdiction}: ${r.statusReason ?? ''}`);
      }),
    );

  obligations
    .command('facts')
    .description("show or set an incident's breach facts (each change needs --reason; recomputes the obligations)")
    .requiredOption('--incident <id>', 'incident id')
    .option('--acquisition <yes|no|unknown>', 'data were acquired (copied or taken), not only accessed')
    .option('--encrypted <yes|no>', 'the data were encrypted')
    .option('--key-compromised <yes|no|unknown>', 'the encryption key was compromised too')
    .option('--hash-algorithm <name>', 'password hash algorithm, e.g. bcrypt, sha1, md5')
    .option('--salted <yes|no|unknown>', 'hashes were salted or keyed')
    .option('--secrets-leaked <yes|no|unknown>', 'salts, pepper or hashing key leaked with the hashes')
    .option('--malicious', 'an intentional act (attack, theft, misuse)')
    .option('--inadvertent', 'a mistake')
    .option('--exposure <where>', `how far the data went: ${EXPOSURES.join(', ')}, unknown`)
    .option('--law-enforcement-delay <agency>', 'a law-enforcement agency asked to delay notice')
    .option('--no-law-enforcement-delay', 'no (more) law-enforcement delay')
    .option('--delay-until <iso>', 'end of the requested delay (ISO 8601)')
    .option('--reason <text>', 'why the facts change (kept in the audit trail)')
    .option('--json', 'print JSON')
    .action(
      action(async (o: FactFlags) => {
        // commander sets the negatable flag to true by default: only an explicit value counts.
        if (o.lawEnforcementDelay === true) o.lawEnforcementDelay = undefined;
        const path = `/api/v1/incidents/${enc(o.incident)}/breach-facts`;
        const cur = await run((c) => c.json<{ overrides: FactOverrides; facts: { breach: Record<string, unknown> } }>(path));
        const breach = breachFromFlags(cur.overrides.breach ?? {}, o);
        if (!breach) {
          if (o.json) return printJson(cur);
          for (const [k, v] of Object.entries(cur.facts.breach)) out(`${k.padEnd(22)}${v === null ? 'not known' : JSON.stringify(v)}${cur.overrides.breach && k in cur.overrides.breach ? '' : '  (default)'}`);
          return;
        }
        if (!o.reason?.trim()) throw new BadInputError('--reason: a change of the breach facts needs a reason (it is kept in the audit trail)');
        const r = await run((c) => c.json<IncidentObligations>(path, { method: 'PUT', body: { ...cur.overrides, breach, reason: o.reason } }));
        if (o.json) return printJson(r);
        out(`facts saved; obligations recomputed\n\n${formatOwed(r)}`);
      }),
    );
}
