/** Observables of an incident (IPs, domains, hashes, e-mail addresses); personal ones encrypted with a blind index. */
import { canUnmask, isAdmin, type Principal } from '../platform/auth/roles.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { UserError } from '../platform/errors.js';
import { ForbiddenError } from '../platform/http/problem.js';
import { z } from 'zod';
import type {
  Observable,
  ObservableKind } from './incidents.schema.js';
import { newId } from './incidents.repository.js';
import type { ObservablesTable } from './incidents.tables.js';
import { isPersonalKind, maskObservable, normaliseObservable } from './observables.js';
import type { IncidentsStore, Page } from './incidents.store.js';

export class ObservablesService {
  constructor(private readonly s: IncidentsStore) {}

  private lookupOf(kind: ObservableKind, normalised: string): string {
    return isPersonalKind(kind) ? this.s.keyring.blindIndex(`observable:${kind}`, normalised) : normalised;
  }

  private toObservable(r: ObservablesTable, unmask: boolean): Observable {
    const kind = r.kind as ObservableKind;
    const plain = r.value_enc ? this.s.keyring.decrypt(r.value_enc, `observable:${r.incident_id}`) : (r.value ?? '');
    const masked = isPersonalKind(kind) && !unmask;
    return { id: r.id, incidentId: r.incident_id, kind, value: masked ? maskObservable(kind, plain) : plain, masked, note: r.note, createdAt: r.created_at };
  }

  /** Adds an observable; the same value twice (after normalisation) returns the existing one. */
  async addObservable(p: Principal, incidentId: string, input: { kind: ObservableKind; value: string; note?: string }): Promise<{ observable: Observable; created: boolean }> {
    const norm = normaliseObservable(input.kind, input.value);
    const lookup = this.lookupOf(input.kind, norm);
    return this.s.trx(async (t) => {
      // Serialises concurrent adds of the same value (the de-duplication check, then insert).
      await this.s.repo.lockIncident(t, incidentId);
      const existing = await this.s.repo.findObservable(t, incidentId, input.kind, lookup);
      if (existing) return { observable: this.toObservable(existing, false), created: false };
      const personal = isPersonalKind(input.kind);
      const row: ObservablesTable = {
        id: newId(),
        incident_id: incidentId,
        kind: input.kind,
        value: personal ? null : norm,
        value_enc: personal ? this.s.keyring.encrypt(norm, `observable:${incidentId}`) : null,
        lookup,
        note: input.note ?? '',
        created_by: p.userId,
        created_at: this.s.now().toISOString(),
      };
      await this.s.repo.insertObservable(t, row);
      await this.s.record(t, p, { action: 'observable.added', subjectType: 'observable', subjectId: row.id, incidentId, after: { kind: input.kind } });
      return { observable: this.toObservable(row, false), created: true };
    });
  }

  /** Whether the incident has this observable (other features link to it by id). */
  hasObservable(incidentId: string, id: string): Promise<boolean> {
    return this.s.repo.hasObservable(incidentId, id);
  }

  /** Unmasking personal observables needs canUnmask and is audited (DESIGN.md §4). */
  async listObservables(p: Principal, incidentId: string, q: { cursor?: string; limit: number; unmask?: boolean }): Promise<Page<Observable>> {
    if (q.unmask && !canUnmask(p)) throw new ForbiddenError('unmasking personal data needs the role legal or incident_commander');
    const rows = await this.s.repo.listObservables(incidentId, decodeCursor(q.cursor, z.string()), q.limit + 1);
    const items = rows.slice(0, q.limit);
    if (q.unmask && items.some((r) => r.value_enc)) {
      await this.s.trx((t) =>
        this.s.record(t, p, { action: 'observable.unmasked', subjectType: 'observable', subjectId: incidentId, incidentId, after: { ids: items.filter((r) => r.value_enc).map((r) => r.id) } }),
      );
    }
    return { items: items.map((r) => this.toObservable(r, !!q.unmask)), nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null };
  }

  /** Which visible incidents share this observable (exact match after normalisation). */
  async searchObservables(p: Principal, kind: ObservableKind, value: string): Promise<Observable[]> {
    let norm: string;
    try {
      norm = normaliseObservable(kind, value);
    } catch (e) {
      if (e instanceof UserError) return [];
      throw e;
    }
    const rows = await this.s.repo.searchObservables(kind, this.lookupOf(kind, norm), isAdmin(p) ? null : p.userId);
    return rows.map((r) => this.toObservable(r, false));
  }
}
