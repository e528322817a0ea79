/**
 * Incident notes, optionally privileged (attorney–client). Bodies are encrypted at rest; a
 * privileged note is visible only to whom `canSeePrivileged` allows — omitted from lists, 404 on
 * direct reads — and its audit event carries no text (the timeline is built from audit events).
 */
import { randomUUID } from 'node:crypto';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { actorOf } from '../../platform/auth/accounts.service.js';
import type { Principal } from '../../platform/auth/roles.js';
import type { Keyring } from '../../platform/crypto/keyring.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/problem.js';
import type { IncidentAccess } from '../incident-access.js';
import { encodeCursor, type EvidenceRepository, type Page } from './evidence.repository.js';
import type { Note } from './evidence.schema.js';
import type { IncidentNotesTable } from './evidence.tables.js';

const ctx = (id: string) => `incident-note:${id}`;

export class NotesService {
  constructor(
    private readonly d: { repo: EvidenceRepository; keyring: Keyring; audit: AuditService; access: IncidentAccess; now?: () => Date },
  ) {}

  private toNote(r: IncidentNotesTable): Note {
    return {
      id: r.id,
      incidentId: r.incident_id,
      body: this.d.keyring.decrypt(r.body_enc, ctx(r.id)),
      privileged: r.privileged === 1,
      author: r.author_name,
      createdAt: r.created_at,
    };
  }

  async create(p: Principal, incidentId: string, input: { body: string; privileged: boolean }): Promise<Note> {
    await this.d.access.assertCanWrite(p, incidentId);
    if (input.privileged && !(await this.d.access.canSeePrivileged(p, incidentId))) {
      throw new ForbiddenError('only legal roles of this incident may write privileged (attorney–client) notes');
    }
    const id = randomUUID();
    const row: IncidentNotesTable = {
      id,
      incident_id: incidentId,
      body_enc: this.d.keyring.encrypt(input.body, ctx(id)),
      privileged: input.privileged ? 1 : 0,
      author_id: p.userId,
      author_name: p.username,
      created_at: (this.d.now?.() ?? new Date()).toISOString(),
    };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertNote(row);
      await this.d.audit.record(
        { actor: actorOf(p), action: 'note.created', subjectType: 'note', subjectId: id, incidentId, after: { id, privileged: input.privileged } },
        trx,
      );
    });
    return this.toNote(row);
  }

  async list(p: Principal, incidentId: string, page: Page): Promise<{ items: Note[]; nextCursor: string | null }> {
    await this.d.access.assertCanRead(p, incidentId);
    const includePrivileged = await this.d.access.canSeePrivileged(p, incidentId);
    const rows = await this.d.repo.listNotes(incidentId, { includePrivileged, cursor: page.cursor, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return { items: items.map((r) => this.toNote(r)), nextCursor: rows.length > page.limit && last ? encodeCursor(last.created_at, last.id) : null };
  }

  async get(p: Principal, incidentId: string, noteId: string): Promise<Note> {
    await this.d.access.assertCanRead(p, incidentId);
    const row = await this.d.repo.getNote(noteId);
    if (!row || row.incident_id !== incidentId) throw new NotFoundError('note');
    if (row.privileged === 1 && !(await this.d.access.canSeePrivileged(p, incidentId))) throw new NotFoundError('note');
    return this.toNote(row);
  }
}
