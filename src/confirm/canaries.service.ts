/**
 * Canary records: generate canary people per dataset, record where each was planted, raise an
 * alert when a canary's beacon URL is fetched, and attribute a leak to datasets by the canaries
 * it holds (the scanner matches them like known customers: strong identifiers, blind-indexed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { Database } from '../platform/db/schema.js';
import { BadInputError } from '../platform/errors.js';
import { NotFoundError } from '../platform/http/problem.js';
import { newId } from '../platform/ids.js';
import { type CanaryPerson, canaryPerson } from './canary-people.js';
import { type ConfirmDatabase, confirmDb } from './confirm.tables.js';
import { INTERNAL_SOURCES, type IntakeService } from './intake.service.js';
import { blank } from './normalise/alert.js';

/** The scanner, as a port (src/main/modules.ts): rows of a known-people CSV that the leak files hold. */
export interface KnownPeopleScanner {
  matchKnownPeople(paths: string[], knownCsv: string): Promise<Array<{ columns: string[]; row: (string | null)[] }>>;
}

export interface Attribution {
  version: 1;
  canaries: number;
  datasets: Array<{ dataset: string; plantedWhere: string[]; canariesFound: number; canariesPlanted: number }>;
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export class CanariesService {
  private readonly db: Kysely<ConfirmDatabase>;

  constructor(
    db: Kysely<Database>,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly intake: IntakeService,
    private readonly scanner: KnownPeopleScanner,
    private readonly site: { publicUrl: string; canaryDomain: string | null },
  ) {
    this.db = confirmDb(db);
  }

  beaconUrl(token: string): string {
    return `${this.site.publicUrl.replace(/\/$/, '')}/api/v1/canaries/beacon/${token}`;
  }

  /** New canary people for one dataset, each unique; returned in full once (to plant them). */
  async generate(p: Principal, input: { dataset: string; count: number; plantedWhere: string }): Promise<Array<CanaryPerson & { id: string; beaconUrl: string }>> {
    const domain = this.site.canaryDomain;
    if (!domain) throw new BadInputError('BREACHDESK_CANARY_DOMAIN is not set: canary e-mail addresses need a domain the organisation controls and watches');
    const at = new Date().toISOString();
    const out: Array<CanaryPerson & { id: string; beaconUrl: string }> = [];
    await this.db.transaction().execute(async (t) => {
      for (let i = 0; i < input.count; i++) {
        const person = canaryPerson(domain);
        const id = newId();
        await t
          .insertInto('intake_canaries')
          .values({
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
          })
          .execute();
        out.push({ ...person, id, beaconUrl: this.beaconUrl(person.token) });
      }
      await this.audit.record({ actor: actorOf(p), action: 'canary.generated', subjectType: 'canary_dataset', subjectId: input.dataset, after: { count: input.count, plantedWhere: input.plantedWhere } }, t as never);
    });
    return out;
  }

  async datasets(): Promise<Array<{ dataset: string; plantedWhere: string[]; canaries: number; lastHitAt: string | null }>> {
    const rows = await this.db.selectFrom('intake_canaries').select(['dataset', 'planted_where', 'last_hit_at']).execute();
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

  /** A canary's beacon was fetched: an alert (near-certain: nobody has a reason to touch one). */
  async beacon(token: string, from: { ip: string; userAgent?: string }): Promise<void> {
    const r = await this.db.selectFrom('intake_canaries').selectAll().where('token_index', '=', this.keyring.blindIndex('canary:token', token)).executeTakeFirst();
    if (!r) throw new NotFoundError('canary');
    const at = new Date().toISOString();
    await this.db.updateTable('intake_canaries').set({ last_hit_at: at }).where('id', '=', r.id).execute();
    const a = blank('canary', at);
    a.sourceAlertId = `${r.id}@${at}`;
    a.title = `Canary record touched: dataset ${r.dataset}`;
    a.rule = { id: `canary/${r.dataset}`, name: 'Canary beacon fetched', category: 'canary', mitre: [] };
    a.severity = 'critical';
    a.severityRaw = 'beacon';
    a.ips = [from.ip];
    await this.intake.raise(INTERNAL_SOURCES.canary, a, { canary: r.id, dataset: r.dataset, plantedWhere: r.planted_where, ip: from.ip, userAgent: from.userAgent ?? null });
  }

  /** Which datasets a leak came from, by the canaries it holds (attribution by overlap). */
  async attribute(paths: string[]): Promise<Attribution> {
    const rows = await this.db.selectFrom('intake_canaries').selectAll().execute();
    if (!rows.length) return { version: 1, canaries: 0, datasets: [] };
    const dir = mkdtempSync(join(tmpdir(), 'bd-canary-'));
    const known = join(dir, 'canaries.csv');
    try {
      const lines = ['canary_id,name,email,phone,card_number'];
      for (const r of rows) {
        const c = this.keyring.decryptJson<CanaryPerson>(r.person_enc, `canary:${r.id}`);
        lines.push([r.id, c.name, c.email, c.phone, c.card].map(csvCell).join(','));
      }
      writeFileSync(known, `${lines.join('\n')}\n`, { mode: 0o600 });
      const matched = await this.scanner.matchKnownPeople(paths, known);
      const ids = new Set(matched.map((m) => m.row[m.columns.indexOf('canary_id')]).filter((x): x is string => !!x));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const found = new Map<string, { plantedWhere: Set<string>; canariesFound: number }>();
      for (const id of ids) {
        const r = byId.get(id);
        if (!r) continue;
        const d = found.get(r.dataset) ?? { plantedWhere: new Set<string>(), canariesFound: 0 };
        d.plantedWhere.add(r.planted_where);
        d.canariesFound++;
        found.set(r.dataset, d);
      }
      const planted = (ds: string) => rows.filter((r) => r.dataset === ds).length;
      return {
        version: 1,
        canaries: ids.size,
        datasets: [...found.entries()].map(([dataset, d]) => ({ dataset, plantedWhere: [...d.plantedWhere], canariesFound: d.canariesFound, canariesPlanted: planted(dataset) })).sort((a, b) => b.canariesFound - a.canariesFound),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
