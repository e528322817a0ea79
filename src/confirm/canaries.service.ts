/**
 * Canary records: generate canary people per dataset, record where each was planted, raise an
 * alert when a canary's beacon URL is fetched, and attribute a leak to datasets by the canaries
 * it holds (the scanner looks for them as known people: e-mail, card, name + phone, blind-indexed).
 */
import type { Readable } from 'node:stream';
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { BadInputError } from '../platform/errors.js';
import { NotFoundError } from '../platform/http/problem.js';
import { newId } from '../platform/ids.js';
import type { CanariesRepository } from './canaries.repository.js';
import { type CanaryPerson, canaryPerson } from './canary-people.js';
import { INTERNAL_SOURCES, type IntakeService } from './intake.service.js';
import { blank } from './normalise/alert.js';

/** A canary as planted, in clear: what the scanner looks for and what an export holds. */
export interface PlantedCanary {
  id: string;
  dataset: string;
  plantedWhere: string;
  name: string;
  email: string;
  phone: string;
  card: string;
}

/**
 * A leak to check: a file path, or a leak held elsewhere (an upload kept encrypted in a temp file)
 * as its name, size and a reader of its plaintext bytes (`range`: start inclusive, end exclusive).
 */
export type LeakInput = string | { name: string; size: number; open: (range?: { start: number; end: number }) => Readable };

/** The scanner, as a port (src/main/modules.ts): which of these canaries the leak files hold, per dataset. */
export interface CanaryScanner {
  findCanaries(leaks: LeakInput[], canaries: PlantedCanary[]): Promise<{ found: number; datasets: Array<{ dataset: string; plantedWhere: string[]; canariesFound: number; canariesPlanted: number; score: number }> }>;
}

export interface Attribution {
  version: 1;
  canaries: number;
  datasets: Array<{ dataset: string; plantedWhere: string[]; canariesFound: number; canariesPlanted: number; score: number }>;
}

/** The columns of an exported canary set (read back by `breachdesk scan --canaries`). */
export const CANARY_EXPORT_COLUMNS = ['canary_id', 'dataset', 'planted_where', 'name', 'email', 'phone', 'card_number'];

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export class CanariesService {
  constructor(
    private readonly repo: CanariesRepository,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly intake: IntakeService,
    private readonly scanner: CanaryScanner,
    private readonly site: { publicUrl: string; canaryDomain: string | null },
  ) {}

  beaconUrl(token: string): string {
    return `${this.site.publicUrl.replace(/\/$/, '')}/api/v1/canaries/beacon/${token}`;
  }

  /** New canary people for one dataset, each unique; returned in full once (to plant them). */
  async generate(p: Principal, input: { dataset: string; count: number; plantedWhere: string }): Promise<Array<CanaryPerson & { id: string; beaconUrl: string }>> {
    const domain = this.site.canaryDomain;
    if (!domain) throw new BadInputError('BREACHDESK_CANARY_DOMAIN is not set: canary e-mail addresses need a domain the organisation controls and watches');
    const at = new Date().toISOString();
    const out: Array<CanaryPerson & { id: string; beaconUrl: string }> = [];
    await this.repo.transaction(async (repo, t) => {
      for (let i = 0; i < input.count; i++) {
        const person = canaryPerson(domain);
        const id = newId();
        await repo.insert({
          id,
          dataset: input.dataset,
          planted_where: input.plantedWhere,
          person_enc: this.keyring.encryptJson(person, `canary:${id}`),
          email_index: this.keyring.blindIndex('canary:email', person.email),
          phone_index: this.keyring.blindIndex('canary:phone', person.phone),
          card_index: this.keyring.blindIndex('canary:card', person.card),
          token_index: this.keyring.blindIndex('canary:token', person.token),
          created_by: p.userId,
          created_at: at,
          last_hit_at: null,
        });
        out.push({ ...person, id, beaconUrl: this.beaconUrl(person.token) });
      }
      await this.audit.record({ actor: actorOf(p), action: 'canary.generated', subjectType: 'canary_dataset', subjectId: input.dataset, after: { count: input.count, plantedWhere: input.plantedWhere } }, t);
    });
    return out;
  }

  async datasets(): Promise<Array<{ dataset: string; plantedWhere: string[]; canaries: number; lastHitAt: string | null }>> {
    const rows = await this.repo.summaries();
    const by = new Map<string, { dataset: string; plantedWhere: Set<string>; canaries: number; lastHitAt: string | null }>();
    for (const r of rows) {
      const d = by.get(r.dataset) ?? { dataset: r.dataset, plantedWhere: new Set(), canaries: 0, lastHitAt: null };
      d.plantedWhere.add(r.planted_where);
      d.canaries++;
      if (r.last_hit_at && (!d.lastHitAt || r.last_hit_at > d.lastHitAt)) d.lastHitAt = r.last_hit_at;
      by.set(r.dataset, d);
    }
    return [...by.values()].sort((a, b) => a.dataset.localeCompare(b.dataset)).map((d) => ({ ...d, plantedWhere: [...d.plantedWhere] }));
  }

  /** Every canary in clear, for the scanner (an assessment looks for them in every leak it scans). */
  async planted(): Promise<PlantedCanary[]> {
    return (await this.repo.all()).map((r) => {
      const c = this.keyring.decryptJson<CanaryPerson>(r.person_enc, `canary:${r.id}`);
      return { id: r.id, dataset: r.dataset, plantedWhere: r.planted_where, name: c.name, email: c.email, phone: c.phone, card: c.card };
    });
  }

  /**
   * The canary set as CSV, for `breachdesk scan --canaries FILE` on a laptop: full values (they are
   * synthetic, but whoever holds the file can tell canaries from real people, so the export is
   * for commanders and audited).
   */
  async exportCsv(p: Principal): Promise<string> {
    const all = await this.planted();
    await this.audit.record({ actor: actorOf(p), action: 'canary.exported', subjectType: 'canary_dataset', subjectId: null, after: { canaries: all.length, datasets: [...new Set(all.map((c) => c.dataset))] } });
    const lines = [CANARY_EXPORT_COLUMNS.join(',')];
    for (const c of all) lines.push([c.id, c.dataset, c.plantedWhere, c.name, c.email, c.phone, c.card].map(csvCell).join(','));
    return `${lines.join('\n')}\n`;
  }

  /** A canary's beacon was fetched: an alert (near-certain: nobody has a reason to touch one). */
  async beacon(token: string, from: { ip: string; userAgent?: string }): Promise<void> {
    const r = await this.repo.byTokenIndex(this.keyring.blindIndex('canary:token', token));
    if (!r) throw new NotFoundError('canary');
    const at = new Date().toISOString();
    await this.repo.setLastHit(r.id, at);
    const a = blank('canary', at);
    a.sourceAlertId = `${r.id}@${at}`;
    a.title = `Canary record touched: dataset ${r.dataset}`;
    a.rule = { id: `canary/${r.dataset}`, name: 'Canary beacon fetched', category: 'canary', mitre: [] };
    a.severity = 'critical';
    a.severityRaw = 'beacon';
    a.ips = [from.ip];
    await this.intake.raise(INTERNAL_SOURCES.canary, a, { canary: r.id, dataset: r.dataset, plantedWhere: r.planted_where, ip: from.ip, userAgent: from.userAgent ?? null });
  }

  /**
   * Mail to a canary address (the e-mail beacon), as the mail system forwards it: each recipient
   * that is a canary raises a critical alert naming its dataset. Answers how many were canaries —
   * the route does not say it (no oracle for which addresses are canaries).
   */
  async mailBeacon(mail: { to: string[]; from?: string; subject?: string }): Promise<number> {
    let hits = 0;
    for (const to of new Set(mail.to.map(addressOf).filter((x): x is string => !!x))) {
      const r = await this.repo.byEmailIndex(this.keyring.blindIndex('canary:email', to));
      if (!r) continue;
      hits++;
      const at = new Date().toISOString();
      await this.repo.setLastHit(r.id, at);
      const a = blank('canary', at);
      a.sourceAlertId = `${r.id}@mail@${at}`;
      a.title = `Canary e-mail address received mail: dataset ${r.dataset}`;
      a.rule = { id: `canary/${r.dataset}`, name: 'Canary e-mail address received mail', category: 'canary', mitre: [] };
      a.severity = 'critical';
      a.severityRaw = 'mail';
      const sender = addressOf(mail.from ?? '');
      a.emails = sender ? [to, sender] : [to];
      await this.intake.raise(INTERNAL_SOURCES.canary, a, { canary: r.id, dataset: r.dataset, plantedWhere: r.planted_where, to, from: mail.from ?? null, subject: mail.subject ?? null });
    }
    return hits;
  }

  /** Which datasets a leak came from, by the canaries it holds (attribution by overlap). */
  async attribute(paths: LeakInput[]): Promise<Attribution> {
    const canaries = await this.planted();
    if (!canaries.length) return { version: 1, canaries: 0, datasets: [] };
    const found = await this.scanner.findCanaries(paths, canaries);
    return {
      version: 1,
      canaries: found.found,
      datasets: found.datasets.map((d) => ({ dataset: d.dataset, plantedWhere: d.plantedWhere, canariesFound: d.canariesFound, canariesPlanted: d.canariesPlanted, score: d.score })),
    };
  }
}

/** The address of `Name <a@b>` or `a@b`, lower-cased; null when there is none. */
function addressOf(v: string): string | null {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(v) ?? /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(v);
  return m ? m[1]!.toLowerCase() : null;
}
