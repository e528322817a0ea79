/**
 * Evidence use cases: streamed encrypted upload, custody ledger, download, hand-over,
 * verification, legal hold, privilege and deletion. Every custody event is a ledger row and
 * an audit event (with incidentId, so the incident timeline shows it) in one transaction.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { actorOf } from '../../platform/auth/accounts.service.js';
import { canLead, hasRole, type Principal } from '../../platform/auth/roles.js';
import type { Keyring } from '../../platform/crypto/keyring.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { LocalBlobStore } from '../../platform/storage/local-blob-store.js';
import { BadInputError } from '../../platform/errors.js';
import { ForbiddenError, HttpError, NotFoundError } from '../../platform/http/problem.js';
import type { IncidentAccess } from '../incident-access.js';
import { type CustodyAction, verifyCustodyChain } from './custody.js';
import { decryptRange, EncryptingStream, EvidenceFileError, hashEncryptedFile } from './evidence-file.js';
import { type CustodyEntry, encodeCursor, type EvidenceRepository, type Page } from './evidence.repository.js';
import type { CustodyRow, EvidenceItem, VerifyResult } from './evidence.schema.js';
import type { EvidenceItemsTable } from './evidence.tables.js';

export interface UploadInput {
  stream: Readable;
  name: string;
  description?: string;
  mediaType?: string;
  privileged?: boolean;
  /** Content-Length the client declared, if any: a body of another size is refused. */
  declaredSize?: number | null;
}

export interface EvidenceDeps {
  repo: EvidenceRepository;
  keyring: Keyring;
  audit: AuditService;
  access: IncidentAccess;
  dataDir: string;
  /** Where the encrypted files are stored (platform/storage); default: the data directory. */
  blobs?: BlobStore;
  now?: () => Date;
}

/** Who may set or release a legal hold: legal and incident commanders (and admin). */
export const canHold = hasRole('legal', 'incident_commander');

const keyContext = (id: string) => `evidence-file-key:${id}`;
const metaContext = (id: string) => `evidence:${id}`;

export class EvidenceService {
  private readonly now: () => Date;
  private readonly blobs: BlobStore;

  constructor(private readonly d: EvidenceDeps) {
    this.now = d.now ?? (() => new Date());
    this.blobs = d.blobs ?? new LocalBlobStore(d.dataDir);
  }

  /**
   * Removes partial uploads left by a crashed process: a live upload writes continuously, so a
   * partial file untouched for `idleMs` is dead. Best effort; returns how many were removed.
   */
  cleanStalePartials(idleMs = 60 * 60 * 1000): number {
    const dir = join(this.dir(), '.partial');
    let removed = 0;
    try {
      for (const f of readdirSync(dir)) {
        const path = join(dir, f);
        if (this.now().getTime() - statSync(path).mtimeMs > idleMs) {
          rmSync(path, { force: true });
          removed++;
        }
      }
    } catch {}
    return removed;
  }

  private dir(): string {
    return join(this.d.dataDir, 'evidence');
  }

  /** The item's encrypted file, opened from the blob store when read. */
  private fileOf(row: EvidenceItemsTable) {
    return () => this.blobs.open(row.file_path);
  }

  private fileKey(row: EvidenceItemsTable): Buffer {
    return Buffer.from(this.d.keyring.decrypt(row.wrapped_key, keyContext(row.id)), 'base64');
  }

  toItem(row: EvidenceItemsTable): EvidenceItem {
    return {
      id: row.id,
      incidentId: row.incident_id,
      name: this.d.keyring.decrypt(row.name_enc, metaContext(row.id)),
      description: this.d.keyring.decrypt(row.description_enc, metaContext(row.id)),
      mediaType: row.media_type,
      size: row.size,
      sha256: row.sha256,
      privileged: row.privileged === 1,
      legalHold: row.legal_hold === 1,
      legalHoldReason: row.legal_hold_reason,
      custodian: row.custodian,
      uploadedBy: row.uploaded_by_name,
      uploadedAt: row.uploaded_at,
      custodyRows: row.custody_seq,
      deletedAt: row.deleted_at,
    };
  }

  /**
   * Loads an item the principal may see. Unknown, invisible-incident and privileged items the
   * principal may not see all answer the same 404, so ids do not reveal what exists.
   */
  private async visible(p: Principal, itemId: string, incidentId?: string): Promise<EvidenceItemsTable> {
    const row = await this.d.repo.getItem(itemId);
    if (!row || (incidentId !== undefined && row.incident_id !== incidentId)) throw new NotFoundError('evidence item');
    try {
      await this.d.access.assertCanRead(p, row.incident_id);
    } catch (e) {
      if (e instanceof NotFoundError) throw new NotFoundError('evidence item');
      throw e;
    }
    if (row.privileged === 1 && !(await this.d.access.canSeePrivileged(p, row.incident_id))) throw new NotFoundError('evidence item');
    return row;
  }

  private async record(
    p: Principal,
    row: EvidenceItemsTable,
    action: CustodyAction,
    extra: Partial<Pick<CustodyEntry, 'from_party' | 'to_party' | 'reason'>> & { details?: unknown; set?: Partial<EvidenceItemsTable> } = {},
  ): Promise<EvidenceItemsTable> {
    const actor = actorOf(p);
    const at = this.now().toISOString();
    return this.d.repo.transaction(async (repo, trx) => {
      if (extra.set) await repo.updateItem(row.id, extra.set);
      const c = await repo.appendCustody(row.id, {
        at,
        action,
        actor_id: actor.id,
        actor_name: actor.name,
        from_party: extra.from_party ?? null,
        to_party: extra.to_party ?? null,
        reason: extra.reason ?? null,
        details: extra.details === undefined ? null : JSON.stringify(extra.details),
      });
      await this.d.audit.record(
        {
          actor,
          action: `evidence.${action}`,
          subjectType: 'evidence',
          subjectId: row.id,
          incidentId: row.incident_id,
          after: { custodySeq: c.seq, from: c.from_party, to: c.to_party, reason: row.privileged ? undefined : c.reason, details: extra.details },
        },
        trx,
      );
      return { ...row, ...(extra.set ?? {}), custody_seq: c.seq, custody_hash: c.hash };
    });
  }

  async upload(p: Principal, incidentId: string, input: UploadInput): Promise<EvidenceItem> {
    await this.d.access.assertCanWrite(p, incidentId);
    if (input.privileged && !(await this.d.access.canSeePrivileged(p, incidentId))) {
      throw new ForbiddenError('only legal roles of this incident may add privileged (attorney–client) items');
    }
    const name = input.name.trim();
    if (!name) throw new BadInputError('name: the evidence file needs a name');
    const id = randomUUID();
    const key = randomBytes(32);
    // The blob key: a relative path, the same in the data directory and on an object store.
    const relPath = `evidence/${id}.bdev`;
    const enc = new EncryptingStream(key, id);
    const body = new PassThrough();
    try {
      // The store sees only encrypted bytes, streamed; nothing is under the key unless all arrived.
      await Promise.all([pipeline(input.stream, enc, body), this.blobs.put(relPath, body)]);
      if (input.declaredSize != null && enc.size !== input.declaredSize) {
        throw new BadInputError(`the body has ${enc.size} bytes but Content-Length said ${input.declaredSize}`);
      }
    } catch (e) {
      // A partial upload (client gone, disk full) leaves neither an item nor a file.
      await this.blobs.remove(relPath).catch(() => {});
      throw e;
    }
    const actor = actorOf(p);
    const at = this.now().toISOString();
    const row: EvidenceItemsTable = {
      id,
      incident_id: incidentId,
      name_enc: this.d.keyring.encrypt(name, metaContext(id)),
      description_enc: this.d.keyring.encrypt(input.description ?? '', metaContext(id)),
      media_type: input.mediaType || 'application/octet-stream',
      size: enc.size,
      sha256: enc.sha256(),
      file_path: relPath,
      wrapped_key: this.d.keyring.encrypt(key.toString('base64'), keyContext(id)),
      privileged: input.privileged ? 1 : 0,
      legal_hold: 0,
      legal_hold_reason: null,
      custodian: p.username,
      uploaded_by_id: p.userId,
      uploaded_by_name: p.username,
      uploaded_at: at,
      custody_seq: 0,
      custody_hash: '0'.repeat(64),
      deleted_at: null,
      deleted_by: null,
    };
    try {
      return this.toItem(
        await this.d.repo.transaction(async (repo, trx) => {
          await repo.insertItem(row);
          const c = await repo.appendCustody(id, {
            at,
            action: 'upload',
            actor_id: actor.id,
            actor_name: actor.name,
            from_party: null,
            to_party: p.username,
            reason: null,
            details: JSON.stringify({ size: row.size, sha256: row.sha256, privileged: row.privileged === 1 }),
          });
          await this.d.audit.record(
            {
              actor,
              action: 'evidence.upload',
              subjectType: 'evidence',
              subjectId: id,
              incidentId,
              // The file name stays out of the audit trail: it may hold personal data (it is encrypted
              // on the item) and the timeline, built from audit events, must not leak privileged names.
              after: { id, size: row.size, sha256: row.sha256, privileged: row.privileged === 1 },
            },
            trx,
          );
          return { ...row, custody_seq: c.seq, custody_hash: c.hash };
        }),
      );
    } catch (e) {
      await this.blobs.remove(relPath).catch(() => {});
      throw e;
    }
  }

  async list(p: Principal, incidentId: string, page: Page): Promise<{ items: EvidenceItem[]; nextCursor: string | null }> {
    await this.d.access.assertCanRead(p, incidentId);
    const includePrivileged = await this.d.access.canSeePrivileged(p, incidentId);
    const rows = await this.d.repo.listItems(incidentId, { includePrivileged, cursor: page.cursor, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return { items: items.map((r) => this.toItem(r)), nextCursor: rows.length > page.limit && last ? encodeCursor(last.uploaded_at, last.id) : null };
  }

  /**
   * The item's record without recording an access (internal checks, e.g. before a ranged
   * download or an assessment); with `incidentId`, an item of another incident is not found.
   */
  async peek(p: Principal, itemId: string, incidentId?: string): Promise<EvidenceItem> {
    return this.toItem(await this.visible(p, itemId, incidentId));
  }

  /** The item's record; viewing it is an access recorded in the ledger. */
  async get(p: Principal, itemId: string, incidentId?: string): Promise<EvidenceItem> {
    const row = await this.visible(p, itemId, incidentId);
    return this.toItem(await this.record(p, row, 'access'));
  }

  async custody(p: Principal, itemId: string): Promise<CustodyRow[]> {
    await this.visible(p, itemId);
    return (await this.d.repo.custodyRows(itemId)).map((r) => ({
      seq: r.seq,
      at: r.at,
      action: r.action,
      actorId: r.actor_id,
      actorName: r.actor_name,
      from: r.from_party,
      to: r.to_party,
      reason: r.reason,
      details: r.details ? (JSON.parse(r.details) as unknown) : null,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  /**
   * Opens the plaintext (or bytes [start, end)) for download, streamed and decrypted frame by
   * frame, and records the download in the ledger first.
   */
  async download(
    p: Principal,
    itemId: string,
    range?: { start: number; end: number },
    incidentId?: string,
    /** Read by an exposure assessment: the ledger names it a scan of that assessment. */
    scan?: { assessmentId: string },
  ): Promise<{ item: EvidenceItem; start: number; end: number; stream: Readable }> {
    const row = await this.visible(p, itemId, incidentId);
    if (row.deleted_at) throw new HttpError(410, 'evidence item was deleted; its custody ledger remains');
    const start = range?.start ?? 0;
    const end = Math.min(range?.end ?? row.size, row.size);
    if (start > row.size || end < start) throw new HttpError(416, `range ${start}-${end} is outside the file (${row.size} bytes)`);
    const key = this.fileKey(row);
    const updated = scan
      ? await this.record(p, row, 'scan', { details: { assessmentId: scan.assessmentId } })
      : await this.record(p, row, 'download', { details: range ? { range: [start, end] } : undefined });
    return { item: this.toItem(updated), start, end, stream: Readable.from(decryptRange(this.fileOf(row), key, row.id, start, end)) };
  }

  async handover(p: Principal, itemId: string, input: { from?: string; to: string; reason: string }, incidentId?: string): Promise<EvidenceItem> {
    const row = await this.visible(p, itemId, incidentId);
    await this.d.access.assertCanWrite(p, row.incident_id);
    if (row.deleted_at) throw new HttpError(410, 'evidence item was deleted');
    const from = input.from?.trim() || row.custodian;
    if (from !== row.custodian) throw new HttpError(409, `the item is held by "${row.custodian}", not "${from}"`);
    const to = input.to.trim();
    if (!to) throw new BadInputError('to: name who receives the item');
    return this.toItem(await this.record(p, row, 'handover', { from_party: from, to_party: to, reason: input.reason, set: { custodian: to } }));
  }

  /** Re-hashes the stored file (decrypting every frame) and checks the custody chain. */
  async verify(p: Principal, itemId: string): Promise<VerifyResult> {
    const row = await this.visible(p, itemId);
    const problems: string[] = [];
    if (row.deleted_at) problems.push('file deleted');
    else {
      try {
        const h = await hashEncryptedFile(this.fileOf(row), this.fileKey(row), row.id);
        if (h.sha256 !== row.sha256 || h.size !== row.size) problems.push(`file hash differs (recorded ${row.sha256}, file gives ${h.sha256})`);
      } catch (e) {
        if (e instanceof EvidenceFileError) problems.push(`file hash differs: ${e.message}`);
        else if ((e as NodeJS.ErrnoException).code === 'ENOENT') problems.push('file missing');
        else throw e;
      }
    }
    const rows = await this.d.repo.custodyRows(itemId);
    problems.push(...verifyCustodyChain(rows, { seq: row.custody_seq, hash: row.custody_hash }));
    const checkedAt = this.now().toISOString();
    const updated = await this.record(p, row, 'verify', { details: { ok: problems.length === 0, problems: problems.length } });
    return { itemId, ok: problems.length === 0, sha256: row.sha256, size: row.size, custodyRows: updated.custody_seq, problems, checkedAt };
  }

  async setLegalHold(p: Principal, itemId: string, hold: boolean, reason?: string): Promise<EvidenceItem> {
    const row = await this.visible(p, itemId);
    await this.d.access.assertCanWrite(p, row.incident_id);
    if (!canHold(p)) throw new ForbiddenError(`a legal hold needs the role ${canHold.description}`);
    if ((row.legal_hold === 1) === hold) return this.toItem(row);
    return this.toItem(
      await this.record(p, row, hold ? 'legal_hold_set' : 'legal_hold_released', {
        reason: reason ?? null,
        set: { legal_hold: hold ? 1 : 0, legal_hold_reason: hold ? (reason ?? null) : null },
      }),
    );
  }

  async setPrivileged(p: Principal, itemId: string, privileged: boolean): Promise<EvidenceItem> {
    const row = await this.visible(p, itemId);
    await this.d.access.assertCanWrite(p, row.incident_id);
    if (!(await this.d.access.canSeePrivileged(p, row.incident_id))) throw new ForbiddenError('only legal roles of this incident may change privilege');
    if ((row.privileged === 1) === privileged) return this.toItem(row);
    return this.toItem(await this.record(p, row, 'privilege_changed', { details: { privileged }, set: { privileged: privileged ? 1 : 0 } }));
  }

  /** Deletes the file (never while a legal hold is set); the item and its ledger remain. */
  async delete(p: Principal, itemId: string, reason?: string): Promise<EvidenceItem> {
    const row = await this.visible(p, itemId);
    await this.d.access.assertCanWrite(p, row.incident_id);
    if (!canLead(p)) throw new ForbiddenError(`deleting evidence needs the role ${canLead.description}`);
    if (row.legal_hold === 1) throw new HttpError(423, 'evidence item is under legal hold and cannot be deleted; release the hold first');
    if (row.deleted_at) throw new HttpError(410, 'evidence item was already deleted');
    const updated = await this.record(p, row, 'delete', {
      reason: reason ?? null,
      set: { deleted_at: this.now().toISOString(), deleted_by: p.username },
    });
    await this.blobs.remove(row.file_path);
    return this.toItem(updated);
  }
}
