/** Affected people of an incident: file and assessment imports, masked listing, counts per jurisdiction. */
import { randomUUID } from 'node:crypto';
import type { ElementId } from '../assessment/scanner/types.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { BadInputError } from '../platform/errors.js';
import { addressLines, type NoticesStore } from './notices.store.js';
import { applyOverrides, autoMap, maskEmail, maskName, maskPhone, normaliseEmail, normalisePhone, rowToPerson } from './people-mapping.js';
import { readTable } from './people-reader.js';
import type { PersonRow } from './people.repository.js';
import type { ImportReport, MaskedPerson, Person } from './people.schema.js';
import { normaliseLanguage } from './languages.js';

export class PeopleService {
  constructor(private readonly s: NoticesStore) {}

  private encryptPerson(incidentId: string, p: Person, source: string, at: string): PersonRow {
    const k = this.s.deps.keyring;
    const emailIndex = p.email ? k.blindIndex('email', p.email) : null;
    const phoneIndex = p.phone ? k.blindIndex('phone', p.phone) : null;
    const dedupe = emailIndex ? `e:${emailIndex}` : phoneIndex ? `p:${phoneIndex}` : `n:${k.blindIndex('person', `${p.name.toLowerCase()}\n${addressLines(p).toLowerCase()}`)}`;
    const id = randomUUID();
    return {
      id,
      incident_id: incidentId,
      // The incident id is the AEAD context: a record copied to another incident does not decrypt.
      record_enc: k.encryptJson(p, `person:${incidentId}`),
      dedupe_key: dedupe,
      email_index: emailIndex,
      phone_index: phoneIndex,
      jurisdiction: p.jurisdiction,
      // In clear beside the jurisdiction (not personal in itself): decides which notice a person gets.
      language: normaliseLanguage(p.language) ?? null,
      has_email: p.email ? 1 : 0,
      has_postal: p.address?.line1 ? 1 : 0,
      // In clear like has_email: materialize picks the channel without decrypting (electronic-notice.ts).
      email_consent: p.emailConsent === true ? 1 : p.emailConsent === false ? 0 : null,
      no_contact: p.flags.noContact ? 1 : 0,
      source,
      state: 'pending',
      state_channel: null,
      state_at: null,
      created_at: at,
      updated_at: at,
    };
  }

  decryptPerson(row: PersonRow): Person {
    return this.s.deps.keyring.decryptJson<Person>(row.record_enc, `person:${row.incident_id}`);
  }

  /** Header mapping and the first rows (masked) of an uploaded file, without importing. */
  async previewImport(p: Principal, incidentId: string, file: Buffer, overrides: Record<string, string> = {}) {
    await this.s.deps.access.assertCanRead(p, incidentId);
    const t = await readTable(file);
    const { mapping, unmapped } = this.mapping(t.headers, overrides);
    const sample = t.rows.slice(0, 5).map((row, i) => {
      const r = rowToPerson(row, mapping);
      if ('error' in r) return { row: i + 2, error: r.error };
      return { row: i + 2, ...this.maskPerson(r.person), warnings: r.warnings };
    });
    return { headers: t.headers, mapping: named(t.headers, mapping), unmapped, rows: t.rows.length, sample };
  }

  private mapping(headers: string[], overrides: Record<string, string>) {
    const auto = autoMap(headers);
    try {
      const mapping = applyOverrides(headers, auto.mapping, overrides);
      const used = new Set(Object.values(mapping));
      return { mapping, unmapped: headers.filter((_, i) => !used.has(i)) };
    } catch (e) {
      throw new BadInputError((e as Error).message);
    }
  }

  async importFile(p: Principal, incidentId: string, file: Buffer, opts: { overrides?: Record<string, string>; defaultJurisdiction?: string } = {}): Promise<ImportReport> {
    await this.s.deps.access.assertCanWrite(p, incidentId);
    const t = await readTable(file);
    const { mapping, unmapped } = this.mapping(t.headers, opts.overrides ?? {});
    if (mapping.name === undefined && mapping.firstName === undefined && mapping.email === undefined) {
      throw new BadInputError(`no column maps to a name or an e-mail (columns: ${t.headers.join(', ')}); map one with --map name=COLUMN`);
    }
    const people: { row: number; person: Person }[] = [];
    const report: ImportReport = { rows: t.rows.length, imported: 0, duplicates: 0, rejected: [], warnings: [], mapping: named(t.headers, mapping), unmapped, byJurisdiction: {} };
    t.rows.forEach((row, i) => {
      const r = rowToPerson(row, mapping, { jurisdiction: opts.defaultJurisdiction });
      if ('error' in r) report.rejected.push({ row: i + 2, reason: r.error });
      else {
        people.push({ row: i + 2, person: r.person });
        for (const w of r.warnings) if (report.warnings.length < 1000) report.warnings.push({ row: i + 2, warning: w });
      }
    });
    return this.store(p, incidentId, people.map((x) => x.person), 'file', report);
  }

  async importMatches(p: Principal, incidentId: string, list: Partial<Person>[], defaultJurisdiction?: string): Promise<ImportReport> {
    await this.s.deps.access.assertCanWrite(p, incidentId);
    const report: ImportReport = { rows: list.length, imported: 0, duplicates: 0, rejected: [], warnings: [], mapping: {}, unmapped: [], byJurisdiction: {} };
    const people: Person[] = [];
    list.forEach((x, i) => {
      const jurisdiction = x.jurisdiction ?? defaultJurisdiction;
      if (!jurisdiction) {
        report.rejected.push({ row: i + 1, reason: 'no jurisdiction (set defaultJurisdiction)' });
        return;
      }
      // Same normalisation as file imports: an unusable address means "no e-mail" (postal).
      const email = x.email ? normaliseEmail(x.email) : null;
      if (x.email && !email && report.warnings.length < 1000) report.warnings.push({ row: i + 1, warning: 'e-mail is not usable' });
      const phone = x.phone ? normalisePhone(x.phone, jurisdiction.toUpperCase()) : null;
      people.push({
        name: x.name ?? '',
        email,
        phone,
        address: x.address ?? null,
        jurisdiction: jurisdiction.toUpperCase(),
        language: normaliseLanguage(x.language),
        elements: (x.elements ?? []) as ElementId[],
        emailConsent: x.emailConsent ?? null,
        emailConsentAt: x.emailConsentAt ?? null,
        flags: { minor: x.flags?.minor ?? false, deceased: x.flags?.deceased ?? false, noContact: x.flags?.noContact ?? false },
      });
    });
    return this.store(p, incidentId, people, 'assessment', report);
  }

  private async store(p: Principal, incidentId: string, people: Person[], source: string, report: ImportReport): Promise<ImportReport> {
    const at = this.s.now().toISOString();
    const rows: PersonRow[] = [];
    const seen = new Set<string>();
    for (const person of people) {
      const row = this.encryptPerson(incidentId, person, source, at);
      if (seen.has(row.dedupe_key)) {
        report.duplicates++;
        continue;
      }
      seen.add(row.dedupe_key);
      rows.push(row);
    }
    // All the import's chunks and its audit event in one transaction: a failure part-way (a crash,
    // a constraint) leaves no half of a file imported with no `people.import` event to say so.
    await this.s.change(async (tx) => {
      const inserted = await tx.people.insertMany(rows);
      report.duplicates += rows.length - inserted;
      report.imported = inserted;
      report.byJurisdiction = await tx.people.countsByJurisdiction(incidentId);
      await this.s.deps.audit.record(
        {
          actor: actorOf(p),
          action: 'people.import',
          subjectType: 'incident',
          subjectId: incidentId,
          incidentId,
          after: { source, rows: report.rows, imported: report.imported, duplicates: report.duplicates, rejected: report.rejected.length },
        },
        tx.trx,
      );
    });
    return report;
  }

  maskPerson(person: Person) {
    return {
      name: maskName(person.name),
      email: maskEmail(person.email),
      phone: maskPhone(person.phone),
      jurisdiction: person.jurisdiction,
      elements: person.elements,
      flags: person.flags,
      hasPostal: !!person.address?.line1,
      emailConsent: person.emailConsent ?? null,
      emailConsentAt: person.emailConsentAt ?? null,
    };
  }

  async listPeople(p: Principal, incidentId: string, after = '', limit = 100): Promise<{ items: MaskedPerson[]; next: string | null }> {
    await this.s.deps.access.assertCanRead(p, incidentId);
    const rows = await this.s.people.page(incidentId, after, limit);
    const items = rows.map((r) => ({ id: r.id, ...this.maskPerson(this.s.decryptPerson(r)), state: r.state, stateChannel: r.state_channel, stateAt: r.state_at }));
    return { items, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
  }

  /** People per jurisdiction, the `population` input of the obligation engine (service-to-service, no principal). */
  async countsByJurisdiction(incidentId: string): Promise<Record<string, number>> {
    return this.s.people.countsByJurisdiction(incidentId);
  }

  /** The same counts for a caller who must be able to read the incident. */
  async countsFor(p: Principal, incidentId: string): Promise<Record<string, number>> {
    await this.s.deps.access.assertCanRead(p, incidentId);
    return this.s.people.countsByJurisdiction(incidentId);
  }
}

function named(headers: string[], mapping: Record<string, number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(mapping)) if (v !== undefined) out[k] = headers[v]!;
  return out;
}
